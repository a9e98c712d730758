"""The tags the tree browses, kept compactly per kind and filtered by name (no Qt).

A 100k-article library has hundreds of thousands of topic tags. They are read once (off the
GUI thread) into two flat sequences per kind, names and article counts, rather than one
object per tag; the tree model makes a ``Tag`` only for a row it is asked about.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.chinese_script import fold_to_simplified
from index.library import Library
from index.tags.tag import Tag, TagKind

__all__ = ["KIND_ORDER", "KindTags", "TagLists", "filter_tags", "load_tag_lists"]

# The order of the categories in the tree: the user's own tags first, the long lists last.
KIND_ORDER: tuple[TagKind, ...] = ("user", "outlet", "date", "place", "topic")


@dataclass(frozen=True, slots=True)
class KindTags:
    """The tags of one kind in use, most used first: ``names[i]`` is on ``counts[i]`` articles."""

    kind: TagKind
    names: Sequence[str] = ()
    counts: Sequence[int] = ()

    def __len__(self) -> int:
        return len(self.names)

    def tag(self, row: int) -> Tag:
        return Tag(self.kind, self.names[row])

    def row_of(self, name: str) -> int | None:
        """The row of the tag called ``name``, or None."""
        try:
            return self.names.index(name)
        except ValueError:
            return None

    def matching(self, text: str) -> KindTags:
        """The tags whose name contains ``text`` in either script, ignoring case."""
        needle = fold_to_simplified(text).casefold()
        if not needle:
            return self
        names, counts = self.names, self.counts
        if self.kind == "user":  # kept as typed; imported tags are stored folded to simplified
            rows = [
                r for r, name in enumerate(names) if needle in fold_to_simplified(name).casefold()
            ]
        elif needle.upper() == needle.lower():  # Chinese has no case: no name need be folded
            rows = [r for r, name in enumerate(names) if needle in name]
        else:
            rows = [r for r, name in enumerate(names) if needle in name.casefold()]
        return KindTags(self.kind, [names[r] for r in rows], array("q", (counts[r] for r in rows)))


TagLists = Mapping[TagKind, KindTags]


def load_tag_lists(library: Library) -> dict[TagKind, KindTags]:
    """Every tag in use, per kind, most used first (a query per kind; run it off the GUI)."""
    lists: dict[TagKind, KindTags] = {}
    for kind in KIND_ORDER:
        counts = library.tag_counts(kind)
        lists[kind] = KindTags(
            kind, [c.tag.name for c in counts], array("q", (c.count for c in counts))
        )
        del counts  # the per-tag objects go before the next kind's are made
    return lists


def filter_tags(lists: TagLists, text: str) -> dict[TagKind, KindTags]:
    """Each kind's tags whose name contains ``text`` (all of them for blank text)."""
    text = text.strip()
    return {kind: tags.matching(text) if text else tags for kind, tags in lists.items()}
