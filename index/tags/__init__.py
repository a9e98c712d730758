"""Tags made at import (outlet, places, topics, year-month) and the user's own tags."""

from index.tags.extract import extract_tags, month_of
from index.tags.tag import TAG_KINDS, Tag, TagKind, parse_tag

__all__ = ["TAG_KINDS", "Tag", "TagKind", "extract_tags", "month_of", "parse_tag"]
