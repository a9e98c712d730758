"""Plain data records that flow from a dump file to the reader: repairs and articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Script = Literal["traditional", "simplified", "mixed"]


class Repair(NamedTuple):
    """One change a pipeline stage made to the text.

    ``offset`` counts characters in the text the stage received (for the repair stage: the
    article's raw text), so a viewer can mark the spot in the original. A named tuple, not
    a dataclass: a damaged article carries hundreds of these and they are made in a hot loop.
    """

    offset: int
    before: str
    after: str
    reason: str
    confidence: float
    stage: str = "repair"

    def to_json(self) -> dict[str, Any]:
        return self._asdict()


@dataclass(slots=True)
class Article:
    """A clean, structured article together with the raw text it came from."""

    source_path: str
    raw: str
    title: str
    title_derived: bool = False
    subtitle: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601, minutes precision: "2025-07-10T07:30"
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    script: Script = "simplified"
    repairs: list[Repair] = field(default_factory=list)
    index_in_file: int = 0

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        return {
            "source_path": self.source_path,
            "index_in_file": self.index_in_file,
            "title": self.title,
            "title_derived": self.title_derived,
            "subtitle": self.subtitle,
            "outlet": self.outlet,
            "published": self.published,
            "authors": list(self.authors),
            "editors": list(self.editors),
            "captions": list(self.captions),
            "subheadings": list(self.subheadings),
            "paragraphs": list(self.paragraphs),
            "body": self.body,
            "script": self.script,
            "repairs": [r.to_json() for r in self.repairs],
            "raw": self.raw,
        }
