"""Entry point of the repair stage (temporary stub: returns the text unchanged)."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.model import Repair


@dataclass(frozen=True, slots=True)
class RepairResult:
    text: str
    repairs: list[Repair] = field(default_factory=list)
    damaged: bool = False


def repair_text(text: str) -> RepairResult:
    return RepairResult(text)
