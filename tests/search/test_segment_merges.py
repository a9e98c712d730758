"""Many small commits make Whoosh merge segments; inlined ID and tag postings must survive it."""

from __future__ import annotations

from pathlib import Path

from index.search.engine import IndexDocument, SearchIndex
from index.search.query import parse_query


def test_thirty_small_commits_merge_and_stay_searchable(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    try:
        for number in range(30):  # a tag edit or a one-file import each commits a segment
            index.replace([IndexDocument(number, f"標題{number}", "正文內容", tags=("剪報",))])
        assert index.doc_count() == 30
        assert index.search(parse_query("tag:剪報", index.bigrams), limit=50).total == 30
    finally:
        index.close()
