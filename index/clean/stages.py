"""The clean stage: named, pure line filters run in order on the repaired text of an article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.clean.headings import split_glued_headings
from index.clean.lines import Line, StageResult, split_lines
from index.clean.markup import strip_html_remnants
from index.clean.placeholders import drop_image_placeholders, strip_indent_placeholders
from index.clean.spam import drop_seo_spam_line
from index.clean.widgets import drop_share_widget
from index.model import Repair

CleanStep = Callable[[list[Line]], StageResult]

# Order matters: debris and placeholders go before the line-shape tests that follow.
CLEAN_STEPS: dict[str, CleanStep] = {
    "strip_html_remnants": strip_html_remnants,
    "strip_indent_placeholders": strip_indent_placeholders,
    "drop_image_placeholders": drop_image_placeholders,
    "drop_share_widget": drop_share_widget,
    "drop_seo_spam_line": drop_seo_spam_line,
    "split_glued_headings": split_glued_headings,
}


@dataclass(frozen=True, slots=True)
class CleanResult:
    """Non-blank, stripped lines (offsets into the input text) and what the steps changed."""

    lines: list[Line]
    repairs: list[Repair]

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


def clean_text(text: str) -> CleanResult:
    """Run every clean step on an article's repaired text; blank lines are dropped silently."""
    lines = split_lines(text)
    repairs: list[Repair] = []
    for step in CLEAN_STEPS.values():
        lines, step_repairs = step(lines)
        repairs.extend(step_repairs)
    kept = [_strip(line) for line in lines if line.text.strip()]
    return CleanResult(kept, sorted(repairs, key=lambda repair: repair.offset))


def _strip(line: Line) -> Line:
    text = line.text
    stripped = text.strip()
    if len(stripped) == len(text):
        return line  # nothing to strip (most lines): the line as it is, not a copy
    start = len(text) - len(text.lstrip())
    return line.cut(start, len(text.rstrip()))
