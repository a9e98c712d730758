"""The search benchmark's fixed query set, and the brute-force scan it is checked against.

Each query is made from one article of the library, so it finds at least that article: 1 to 4
words jieba cut from its text, typed in simplified or in traditional script, alone or with
one filter made from the same article (``outlet:``, ``tag:``, ``date:YYYY-MM..YYYY-MM`` or
``title:``). The classes are spread evenly and the choices are seeded, so the same library
always gets the same queries.
"""

from __future__ import annotations

import itertools
import random
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import opencc
import rjieba

from index.library.database import DATABASE_FILE
from index.library.stored_form import stored_text
from index.search.fold import fold

__all__ = [
    "FILTER_KINDS",
    "SCRIPTS",
    "WORD_COUNTS",
    "BenchArticle",
    "BenchQuery",
    "Scanner",
    "load_articles",
    "make_query_set",
]

WORD_COUNTS = (1, 2, 3, 4)
SCRIPTS = ("simplified", "traditional")
FILTER_KINDS = ("outlet", "tag", "date", "title")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True, slots=True)
class BenchArticle:
    """What the scan needs of an article: its folded text and its filterable fields."""

    id: int
    title: str
    text: str  # title and body
    outlet: str
    month: str  # "YYYY-MM" or ""
    tags: frozenset[str]  # folded tag names


@dataclass(frozen=True, slots=True)
class BenchQuery:
    """A query as typed, with what it is made of (for the scan and the per-class figures)."""

    text: str
    words: tuple[str, ...]  # as typed
    script: str  # "simplified" or "traditional"
    filter_kind: str  # "" or one of FILTER_KINDS
    filter_value: str  # as typed, without the field prefix
    source_id: int  # the article it was made from

    @property
    def word_count(self) -> int:
        return len(self.words)

    @property
    def filtered(self) -> bool:
        return bool(self.filter_kind)


def load_articles(folder: Path) -> list[BenchArticle]:
    conn = sqlite3.connect(f"file:{folder / DATABASE_FILE}?mode=ro", uri=True)
    tags: dict[int, set[str]] = defaultdict(set)
    for article_id, name in conn.execute(
        "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
    ):
        tags[int(article_id)].add(fold(str(name)))
    rows = conn.execute("SELECT id, title, body, outlet, published FROM articles ORDER BY id")
    articles = [
        BenchArticle(
            int(i),
            str(title),
            str(title) + "\n" + stored_text(body),
            str(outlet or ""),
            _month(published),
            frozenset(tags[int(i)]),
        )
        for i, title, body, outlet, published in rows
    ]
    conn.close()
    return articles


def _month(published: object) -> str:
    match = _MONTH.match(str(published or ""))
    return f"{match.group(1)}-{match.group(2)}" if match else ""


def _words(text: str) -> list[str]:
    """Distinct dictionary words of two or more CJK characters, folded to simplified."""
    return list(dict.fromkeys(w for w in rjieba.cut(fold(text)) if _CJK_WORD.fullmatch(w)))


class _Typist:
    """Types folded (simplified) text in either script."""

    def __init__(self) -> None:
        self._to_traditional: Callable[[str], str] = opencc.OpenCC("s2t").convert

    def type(self, simplified: str, script: str) -> str:
        return simplified if script == "simplified" else str(self._to_traditional(simplified))


def _quoted(value: str) -> str:
    return f'"{value}"' if any(c in value for c in ' \t"()') else value


def _month_range(month: str, rng: random.Random) -> str:
    """A range of whole months around ``month`` (0 to 11 months either side, within 2020s)."""
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1
    low = index - rng.randint(0, 11)
    high = index + rng.randint(0, 11)
    return f"{low // 12:04d}-{low % 12 + 1:02d}..{high // 12:04d}-{high % 12 + 1:02d}"


def _filter_value(
    kind: str, article: BenchArticle, script: str, typist: _Typist, rng: random.Random
) -> str | None:
    if kind == "outlet":
        return typist.type(fold(article.outlet), script) if article.outlet else None
    if kind == "tag":
        names = sorted(article.tags)
        return typist.type(rng.choice(names), script) if names else None
    if kind == "date":
        return _month_range(article.month, rng) if article.month else None
    words = _words(article.title)
    return typist.type(rng.choice(words), script) if words else None


def _classes(count: int) -> Iterable[tuple[int, str, str]]:
    """(word count, script, filter kind or "") for each of ``count`` queries: every
    combination in turn, half of them without a filter."""
    kinds = ("",) * len(FILTER_KINDS) + FILTER_KINDS
    cells = list(itertools.product(kinds, SCRIPTS, WORD_COUNTS))
    for i in range(count):
        kind, script, words = cells[i % len(cells)]
        yield words, script, kind


def make_query_set(articles: list[BenchArticle], count: int, seed: int = 17) -> list[BenchQuery]:
    """``count`` queries, the classes spread evenly (see the module docstring)."""
    rng = random.Random(seed)
    typist = _Typist()
    queries: list[BenchQuery] = []
    for word_count, script, kind in _classes(count):
        while True:
            article = rng.choice(articles)
            words = _words(article.text)
            if len(words) < word_count:
                continue
            value = _filter_value(kind, article, script, typist, rng) if kind else ""
            if value is None:
                continue
            typed = tuple(typist.type(w, script) for w in rng.sample(words, word_count))
            text = " ".join(typed) + (f" {kind}:{_quoted(value)}" if kind else "")
            queries.append(BenchQuery(text, typed, script, kind, value, article.id))
            break
    return queries


class Scanner:
    """Brute force: which articles a query must find, by substring tests on folded text."""

    def __init__(self, articles: list[BenchArticle]) -> None:
        self.articles = articles
        self._texts = [fold(a.text) for a in articles]
        self._titles = [fold(a.title) for a in articles]
        self._outlets = [fold(a.outlet) for a in articles]

    def matches(self, query: BenchQuery) -> set[int]:
        words = [fold(w) for w in query.words]
        keep = self._filter(query)
        return {
            a.id
            for i, a in enumerate(self.articles)
            if keep(i) and all(w in self._texts[i] for w in words)
        }

    def _filter(self, query: BenchQuery) -> Callable[[int], bool]:
        value = fold(query.filter_value)
        if query.filter_kind == "outlet":
            return lambda i: value in self._outlets[i]
        if query.filter_kind == "title":
            return lambda i: value in self._titles[i]
        if query.filter_kind == "tag":
            return lambda i: value in self.articles[i].tags
        if query.filter_kind == "date":
            low, _, high = value.partition("..")
            return lambda i: low <= self.articles[i].month <= high and bool(self.articles[i].month)
        return lambda i: True

    def containing(self, needle: str) -> set[int]:
        """Ids of the articles whose folded text contains ``needle`` folded."""
        target = fold(needle)
        return {a.id for a, text in zip(self.articles, self._texts, strict=True) if target in text}
