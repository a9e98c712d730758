"""The Library API the GUI uses: lists, counts, tag tree, search hits, user tags."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.library import Library, LibraryError
from index.library.importer import run_import
from index.search.query import QuerySyntaxError
from index.tags import Tag
from tests.helpers.library_articles import (
    BANK,
    LU_XUN,
    NEIGHBOURS,
    WEATHER,
    fake_pipeline,
    touch_files,
)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    paths = touch_files(tmp_path, ["a.txt"])
    with Library(tmp_path / "lib") as opened:
        files = {"a.txt": [LU_XUN, BANK, NEIGHBOURS, WEATHER]}
        run_import(opened.database, opened.index, paths, process=fake_pipeline(files))
        yield opened


def titles(library: Library, **options: object) -> list[str]:
    return [a.title for a in library.list_articles(**options)]  # type: ignore[arg-type]


def test_list_is_newest_first_and_pages(library: Library) -> None:
    assert titles(library) == [NEIGHBOURS.title, BANK.title, LU_XUN.title, WEATHER.title]
    assert titles(library, offset=1, limit=2) == [BANK.title, LU_XUN.title]
    assert titles(library, sort="published", descending=False)[0] == WEATHER.title


def test_list_filters_by_tags_of_any_or_one_kind(library: Library) -> None:
    assert titles(library, tags=[(None, "江门日报")]) == [NEIGHBOURS.title, WEATHER.title]
    assert titles(library, tags=[("date", "2025-06")]) == [BANK.title]
    assert library.article_count([("outlet", "江门日报"), ("date", "2024-11")]) == 1


def test_tag_tree_counts_by_kind(library: Library) -> None:
    tree = library.tag_tree()
    outlets = {count.tag.name: count.count for count in tree["outlet"]}
    assert outlets == {"江门日报": 2, "经济日报": 1, "文学报": 1}
    assert tree["user"] == []


def test_user_tags_add_remove_and_search(library: Library) -> None:
    article_id = library.search("鲁迅").hits[0].id
    assert library.add_tag(article_id, "收藏")
    assert not library.add_tag(article_id, "收藏")
    assert Tag("user", "收藏") in library.article_tags(article_id)
    assert [h.id for h in library.search("tag:收藏").hits] == [article_id]
    assert library.remove_tag(article_id, "收藏") == 1
    assert library.search("tag:收藏").total == 0
    assert library.tag_counts("user") == []


def test_tagging_a_missing_article_is_an_error(library: Library) -> None:
    with pytest.raises(LibraryError, match="no article with id 999"):
        library.add_tag(999, "x")


def test_get_article_has_tags_and_repairs(library: Library) -> None:
    article = library.get_article(library.search("农业").hits[0].id)
    assert article is not None
    assert article.title == BANK.title
    assert article.paragraphs == BANK.paragraphs
    assert article.repairs == tuple(BANK.repairs)
    assert Tag("outlet", "经济日报") in article.tags
    assert library.get_article(12345) is None


def test_search_hits_carry_metadata_and_highlighted_snippets(library: Library) -> None:
    results = library.search("社区 鄰里")
    assert results.total == 1
    hit = results.hits[0]
    assert (hit.title, hit.outlet, hit.published) == (
        NEIGHBOURS.title,
        NEIGHBOURS.outlet,
        NEIGHBOURS.published,
    )
    highlighted = {hit.snippet.text[s:e] for s, e in hit.snippet.highlights}
    assert highlighted == {"社區", "鄰里"}


def test_title_matches_rank_first(library: Library) -> None:
    assert library.search("降温 OR 鲁迅").hits[0].title in (WEATHER.title, LU_XUN.title)
    assert library.search("农业").hits[0].title == BANK.title


def test_field_and_date_filters(library: Library) -> None:
    assert library.search("outlet:江门").total == 2
    assert library.search("date:2025-01..2025-06").total == 2
    assert library.search("date:2025-07 社区").total == 1
    assert library.search("银行 -北京").total == 0


def test_malformed_search_raises_a_query_error(library: Library) -> None:
    with pytest.raises(QuerySyntaxError):
        library.search('"unclosed')
