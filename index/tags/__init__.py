"""Tags made at import (outlet, places, topics, year-month) and the user's own tags."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from index.tags.tag import TAG_KINDS, Tag, TagKind, parse_tag

if TYPE_CHECKING:
    from index.tags.extract import extract_tags, month_of

__all__ = ["TAG_KINDS", "Tag", "TagKind", "extract_tags", "month_of", "parse_tag"]


def __getattr__(name: str) -> Any:
    # The extractor loads a segmenter (rjieba: ~0.2 s); only importing needs it.
    if name in ("extract_tags", "month_of"):
        return getattr(import_module("index.tags.extract"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
