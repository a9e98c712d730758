"""What the article list shows: the library filtered by tags and, optionally, a search (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from desktop.library_view.search_terms import (
    Highlighter,
    matching_ids,
    no_highlights,
    search_highlighter,
)
from index.library import ArticleSummary, Library, SearchHit
from index.library.database import SortKey, TagFilter
from index.search.snippets import Snippet
from index.tags.tag import Tag

__all__ = [
    "NOTHING",
    "SEARCH_PAGE_SIZE",
    "ArticleQuery",
    "ArticleRow",
    "ArticleSource",
    "open_source",
    "sort_summaries",
]

# A search sorted by a column reads the list rows of at most this many hits.
MAX_SORTED_HITS = 5000
# Hits per page of a ranked search: each has a snippet made from its body, and about twenty
# fill the list; more are read ahead as it scrolls.
SEARCH_PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Search text (empty: no search), tags that must all be present, and the sort order."""

    text: str = ""
    tags: tuple[Tag, ...] = ()
    sort: SortKey = "published"
    descending: bool = True
    ranked: bool = True  # a search lists hits best first; False: by ``sort`` like the listing

    @property
    def searching(self) -> bool:
        return bool(self.text.strip())


@dataclass(frozen=True, slots=True)
class ArticleRow:
    summary: ArticleSummary
    snippet: Snippet | None = None


class ArticleSource(Protocol):
    """A result set the list model pages through."""

    @property
    def total(self) -> int: ...

    @property
    def highlight(self) -> Highlighter: ...

    def page(self, offset: int, limit: int) -> list[ArticleRow]: ...


@dataclass(frozen=True, slots=True)
class _Nothing:
    """No rows: what a list shows before its first query."""

    total: int = 0
    highlight: Highlighter = no_highlights

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        return []


NOTHING: ArticleSource = _Nothing()


@dataclass(slots=True)
class _Listing:
    """Every article carrying the tags, sorted by a column (SQL paging)."""

    library: Library
    query: ArticleQuery
    total: int = 0
    highlight: Highlighter = no_highlights

    def __post_init__(self) -> None:
        self.total = self.library.article_count(_tag_filters(self.query.tags))

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        summaries = self.library.list_articles(
            _tag_filters(self.query.tags),
            offset,
            limit,
            sort=self.query.sort,
            descending=self.query.descending,
        )
        return [ArticleRow(summary) for summary in summaries]


@dataclass(slots=True)
class _Search:
    """Search hits, best first, restricted to the tags with ``tag:`` terms (index paging)."""

    library: Library
    query: ArticleQuery
    total: int = 0
    highlight: Highlighter = no_highlights
    _text: str = ""
    _first: list[ArticleRow] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._text = search_text(self.query)
        self.highlight = search_highlighter(self.library, self._text)  # QuerySyntaxError
        # One search gives the first page and the total, exact: the list pages up to it,
        # and the status bar shows it.
        first = self.library.search(self._text, limit=SEARCH_PAGE_SIZE, exact_total=True)
        self.total = first.total
        self._first = self._rows(first.hits)

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        if offset == 0 and limit <= SEARCH_PAGE_SIZE:
            return self._first[:limit]
        return self._rows(self.library.search(self._text, limit=limit, offset=offset).hits)

    def _rows(self, hits: list[SearchHit]) -> list[ArticleRow]:
        tags = self.library.database.tags_of([hit.id for hit in hits])
        return [
            ArticleRow(
                ArticleSummary(hit.id, hit.title, hit.outlet, hit.published, tags.get(hit.id, ())),
                hit.snippet,
            )
            for hit in hits
        ]


@dataclass(slots=True)
class _SortedSearch:
    """Search hits sorted by a column: every hit's list row is read, then paged in memory."""

    library: Library
    query: ArticleQuery
    total: int = 0
    highlight: Highlighter = no_highlights
    _rows: list[ArticleSummary] = field(default_factory=list)

    def __post_init__(self) -> None:
        text = search_text(self.query)
        self.highlight = search_highlighter(self.library, text)  # QuerySyntaxError
        ids = matching_ids(self.library, text, MAX_SORTED_HITS)
        found = self.library.database.summaries_by_id(ids)
        self._rows = sort_summaries(
            [found[i][0] for i in ids if i in found], self.query.sort, self.query.descending
        )
        self.total = len(self._rows)

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        summaries = self._rows[offset : offset + limit]
        tags = self.library.database.tags_of([summary.id for summary in summaries])
        return [ArticleRow(replace(s, tags=tags.get(s.id, ()))) for s in summaries]


def sort_summaries(
    summaries: list[ArticleSummary], key: SortKey, descending: bool
) -> list[ArticleSummary]:
    """As the library sorts its listing: missing values last, ties by id in the same direction."""

    def value(summary: ArticleSummary) -> str | int:
        if key == "imported":
            return summary.id
        return getattr(summary, key) or ""

    present = [s for s in summaries if key == "imported" or getattr(s, key)]
    missing = [s for s in summaries if not (key == "imported" or getattr(s, key))]
    present.sort(key=lambda s: (value(s), s.id), reverse=descending)
    missing.sort(key=lambda s: s.id, reverse=descending)
    return present + missing


def _tag_filters(tags: tuple[Tag, ...]) -> list[TagFilter]:
    return [(tag.kind, tag.name) for tag in tags]


def search_text(query: ArticleQuery) -> str:
    """The typed query with one ``tag:"name"`` term per tag filter, all ANDed."""
    terms = [f"({query.text.strip()})"]
    for tag in query.tags:
        name = tag.name.replace('"', " ").strip()
        terms.append(f'tag:"{name}"')
    return " ".join(terms)


def open_source(library: Library, query: ArticleQuery) -> ArticleSource:
    """The listing or the search for ``query``; a bad search raises ``QuerySyntaxError``."""
    if query.searching:
        return _Search(library, query) if query.ranked else _SortedSearch(library, query)
    return _Listing(library, query)
