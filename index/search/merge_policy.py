"""Which segments a commit merges: small ones, in tiers, never the big ones.

Whoosh's default (``MERGE_SMALL``) may fold a large segment into a commit, and its own
merging reads every posting back through Python: merging a 10,000-article segment costs
about as much as indexing it again. An import of 100,000 articles writes a segment per
``COMMIT_EVERY`` articles, and an edit of one article's tags writes a one-document segment.
So segments are grouped in tiers by size (powers of ``TIER_FACTOR`` documents); when a tier
holds ``TIER_WIDTH`` segments counting the one being written, they are merged into it, which
moves it up a tier. Each article is thus rewritten about log(N) times at most, a commit
never touches a segment of ``LARGEST_MERGED`` documents or more, and the number of segments
stays near ``TIER_WIDTH`` per tier (a handful) plus one per large import batch.
"""

from __future__ import annotations

import math
from typing import Any

from whoosh.reading import SegmentReader

__all__ = [
    "LARGEST_MERGED",
    "TIER_FACTOR",
    "TIER_WIDTH",
    "merge_all_segments",
    "merge_small_segments",
    "tier",
]

TIER_FACTOR = 10
TIER_WIDTH = 4
LARGEST_MERGED = 5_000


def tier(documents: int) -> int:
    """0 for segments of fewer than ``TIER_FACTOR`` documents, 1 below its square, ..."""
    return int(math.log(max(documents, 1), TIER_FACTOR))


def segments_to_merge(new_documents: int, sizes: list[int]) -> list[int]:
    """Indexes into ``sizes`` (documents per existing segment, deletions included) of the
    segments a commit of ``new_documents`` documents should merge."""
    merged: list[int] = []
    total = new_documents
    while True:
        level = tier(total)
        same = [
            i
            for i, size in enumerate(sizes)
            if i not in merged and size < LARGEST_MERGED and tier(size) <= level
        ]
        if len(same) + 1 < TIER_WIDTH or total >= LARGEST_MERGED:
            return merged
        merged += same
        total += sum(sizes[i] for i in same)


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy (``writer.commit(mergetype=...)``): merges the small segments
    :func:`segments_to_merge` picks into the writer's new segment; returns the others."""
    sizes = [segment.doc_count_all() for segment in segments]
    chosen = set(segments_to_merge(writer.doc_count(), sizes))
    for i in sorted(chosen):
        _add_segment(writer, segments[i])
    return [segment for i, segment in enumerate(segments) if i not in chosen]


def merge_all_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A merge policy that merges every segment into the writer's new one (optimize)."""
    for segment in segments:
        _add_segment(writer, segment)
    return []


def _add_segment(writer: Any, segment: Any) -> None:
    """Merge a segment into the writer, which keeps its reader open until it has copied its
    postings (:class:`index.search.segment_writer.BulkSegmentWriter`)."""
    reader = SegmentReader(writer.storage, writer.schema, segment)
    try:
        writer.add_reader(reader)
    except BaseException:
        reader.close()
        raise
