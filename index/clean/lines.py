"""The unit the clean stages work on: a line of text and where it starts in the repaired text."""

from __future__ import annotations

from dataclasses import dataclass

from index.model import Repair

CLEAN_STAGE = "clean"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an article; ``offset`` is where ``text`` starts in the clean stage's input."""

    text: str
    offset: int

    def cut(self, start: int, end: int | None = None) -> Line:
        """The part ``text[start:end]``, keeping its offset in the input."""
        return Line(self.text[start:end], self.offset + start)


StageResult = tuple[list[Line], list[Repair]]


def split_lines(text: str) -> list[Line]:
    """Split text at ``\\n`` into lines that remember their offsets."""
    lines: list[Line] = []
    offset = 0
    for part in text.split("\n"):
        lines.append(Line(part, offset))
        offset += len(part) + 1
    return lines


def removal(line: Line, start: int, end: int, reason: str, confidence: float = 1.0) -> Repair:
    """The record of deleting ``line.text[start:end]``."""
    return Repair(
        offset=line.offset + start,
        before=line.text[start:end],
        after="",
        reason=reason,
        confidence=confidence,
        stage=CLEAN_STAGE,
    )
