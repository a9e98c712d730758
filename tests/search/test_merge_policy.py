"""Commits merge small segments in tiers and leave big ones alone."""

from __future__ import annotations

from pathlib import Path

from index.search.engine import IndexDocument, SearchIndex
from index.search.merge_policy import LARGEST_MERGED, TIER_WIDTH, segments_to_merge, tier
from index.search.query import parse_query


def test_tiers_are_powers_of_ten() -> None:
    assert [tier(n) for n in (0, 1, 9, 10, 99, 100, 4_999)] == [0, 0, 0, 1, 1, 2, 3]


def test_a_commit_merges_its_tier_once_it_is_full() -> None:
    assert segments_to_merge(1, [1] * (TIER_WIDTH - 2)) == []
    assert segments_to_merge(1, [1] * (TIER_WIDTH - 1)) == list(range(TIER_WIDTH - 1))


def test_a_merge_that_moves_up_a_tier_takes_that_tier_along() -> None:
    sizes = [3, 3, 3, 40, 40, 40]  # the 1 + 3 small ones make 10: tier 1, which is full too
    assert segments_to_merge(1, sizes) == [0, 1, 2, 3, 4, 5]


def test_big_segments_and_big_commits_are_never_merged() -> None:
    assert segments_to_merge(1, [LARGEST_MERGED] * 5) == []
    assert segments_to_merge(LARGEST_MERGED, [1, 1, 1, 1]) == []


def test_many_small_commits_keep_few_segments_and_every_document(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    for number in range(60):  # a tag edit or a one-file import commits a segment each
        index.replace([IndexDocument(number, f"標題{number}", "正文內容", tags=("剪報",))])
    segments = index._index._segments()
    assert len(segments) <= 2 * TIER_WIDTH
    assert index.doc_count() == 60
    assert index.search(parse_query("tag:剪報", index.bigrams), limit=100).total == 60
    assert index.search(parse_query("正文", index.bigrams), limit=100, exact_total=True).total == 60
    index.close()


def test_replacing_documents_in_merged_segments_leaves_one_copy(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    for number in range(12):
        index.replace([IndexDocument(number, f"標題{number}", "舊的正文")])
    for number in range(12):
        index.replace([IndexDocument(number, f"標題{number}", "新的正文")])
    assert index.doc_count() == 12
    new = index.search(parse_query("新的", index.bigrams), limit=100, exact_total=True)
    old = index.search(parse_query("舊的", index.bigrams), limit=100, exact_total=True)
    assert (new.total, old.total) == (12, 0)
    index.close()
