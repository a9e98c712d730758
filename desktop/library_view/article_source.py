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
from index.library import ArticleSummary, Library
from index.library.database import SortKey, TagFilter
from index.search.snippets import Snippet
from index.tags.tag import Tag

__all__ = ["ArticleQuery", "ArticleRow", "ArticleSource", "open_source", "sort_summaries"]

# A search sorted by a column reads the list rows of at most this many hits.
MAX_SORTED_HITS = 5000


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

    def __post_init__(self) -> None:
        self._text = search_text(self.query)
        self.highlight = search_highlighter(self.library, self._text)  # QuerySyntaxError
        # Exact: the list pages up to the total, and the status bar shows it.
        self.total = self.library.search(self._text, limit=1, exact_total=True).total

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        results = self.library.search(self._text, limit=limit, offset=offset)
        rows: list[ArticleRow] = []
        for hit in results.hits:
            tags = self.library.database.article_tags(hit.id)
            summary = ArticleSummary(hit.id, hit.title, hit.outlet, hit.published, tags)
            rows.append(ArticleRow(summary, hit.snippet))
        return rows


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
        rows: list[ArticleRow] = []
        for summary in self._rows[offset : offset + limit]:
            tags = self.library.database.article_tags(summary.id)
            rows.append(ArticleRow(replace(summary, tags=tags)))
        return rows


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
