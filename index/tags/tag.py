"""A tag: a kind (outlet, place, topic, date, user) and a name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = ["TAG_KINDS", "Tag", "TagKind", "parse_tag"]

TagKind = Literal["outlet", "place", "topic", "date", "user"]
TAG_KINDS: tuple[TagKind, ...] = get_args(TagKind)


@dataclass(frozen=True, slots=True, order=True)
class Tag:
    kind: TagKind
    name: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.name}"


def parse_tag(text: str, default_kind: TagKind | None = None) -> tuple[TagKind | None, str]:
    """Split ``kind:name`` (kind optional) into its parts; the name is stripped.

    Returns ``(None, name)`` when no known kind prefixes the text and no default is given.
    """
    kind, sep, name = text.partition(":")
    if sep and kind in TAG_KINDS:
        return kind, name.strip()
    return default_kind, text.strip()
