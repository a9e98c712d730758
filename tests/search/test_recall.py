"""Search finds every substring a plain scan finds, in either script (the recall promise)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.chinese_script import fold_to_simplified
from index.search.engine import IndexDocument, SearchIndex
from index.search.fold import fold
from index.search.query import parse_query
from tests.helpers.library_articles import ALL_ARTICLES

TEXTS = {i: article.title + "\n" + article.body for i, article in enumerate(ALL_ARTICLES, start=1)}
TO_TRADITIONAL = {
    v: k for k, v in {"农": "農", "业": "業", "发": "發", "银": "銀", "时": "時"}.items()
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder: Path = tmp_path_factory.mktemp("index")
    search_index = SearchIndex(folder)
    search_index.replace(IndexDocument(i, text.split("\n")[0], text) for i, text in TEXTS.items())
    yield search_index
    search_index.close()


def found(index: SearchIndex, query: str) -> set[int]:
    return {
        hit.article_id for hit in index.search(parse_query(query, index.bigrams), limit=50).hits
    }


def scan(needle: str) -> set[int]:
    target = fold(needle)
    return {i for i, text in TEXTS.items() if target in fold(text)}


@pytest.mark.parametrize(
    ("query", "article_id"),
    [("农业", 2), ("農業", 2), ("鲁迅", 1), ("青年時代", 1), ("青年时代", 1), ("社区", 3)],
)
def test_well_known_failures_of_other_readers_are_found(
    index: SearchIndex, query: str, article_id: int
) -> None:
    assert article_id in found(index, query)


def test_every_substring_of_two_to_four_characters_is_found(index: SearchIndex) -> None:
    rng = random.Random(5)
    needles = set()
    for text in TEXTS.values():
        runs = [run for run in text.replace("\n", "。").split("。") if run]
        for _ in range(40):
            run = rng.choice(runs)
            length = rng.randint(2, 4)
            start = rng.randrange(0, max(1, len(run) - length + 1))
            needle = run[start : start + length]
            if len(needle) >= 2 and not any(c in needle for c in "，、：“”"):
                needles.add(needle)
    assert len(needles) > 100
    for needle in sorted(needles):
        for variant in (
            needle,
            fold_to_simplified(needle),
            needle.translate(str.maketrans(TO_TRADITIONAL)),
        ):
            assert scan(variant) <= found(index, f'"{variant}"'), variant
