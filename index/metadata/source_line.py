"""Read the outlet and the publication time from a page's ``來源：… 發表時間：…`` line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIME_LABEL = r"(?:發表|发表|發布|发布)?(?:時間|时间)"
_OUTLET = re.compile(
    rf"(?:來源|来源)\s*[:：]\s*(?P<outlet>.+?)(?=\s{{2,}}|\s*{_TIME_LABEL}|\s*[|｜]|\s*$)"
)
_PUBLISHED = re.compile(
    r"(?:(?:發表|发表|發布|发布)?(?:時間|时间)|日期)\s*[:：]?\s*"
    r"(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:\s*(?P<hour>\d{1,2})\s*[:：]\s*(?P<minute>\d{2}))?"
)
_SOURCE_LINE = re.compile(r"^\s*(?:來源|来源)\s*[:：]|(?:發表|发表|發布|发布)(?:時間|时间)\s*[:：]")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    outlet: str | None
    published: str | None  # "2025-07-10T07:30", or "2025-07-10" without a time


def is_source_line(text: str) -> bool:
    """True for the line naming where and when the article was published."""
    return bool(_SOURCE_LINE.search(text))


def parse_source_line(text: str) -> SourceInfo:
    """Extract the outlet and the ISO 8601 publication time (minutes precision)."""
    outlet_match = _OUTLET.search(text)
    outlet = outlet_match.group("outlet").strip() if outlet_match else None
    return SourceInfo(outlet or None, _parse_published(text))


def _parse_published(text: str) -> str | None:
    match = _PUBLISHED.search(text)
    if match is None:
        return None
    year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if match.group("hour") is None:
        return date
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    if hour > 23 or minute > 59:
        return date
    return f"{date}T{hour:02d}:{minute:02d}"
