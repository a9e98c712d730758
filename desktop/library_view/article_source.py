"""What the article list shows: the library filtered by tags and, optionally, a search (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.library_view.search_terms import Highlighter, no_highlights, search_highlighter
from index.library import ArticleSummary, Library
from index.library.database import SortKey, TagFilter
from index.search.snippets import Snippet
from index.tags.tag import Tag

__all__ = ["ArticleQuery", "ArticleRow", "ArticleSource", "open_source"]


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Search text (empty: no search), tags that must all be present, and the sort order."""

    text: str = ""
    tags: tuple[Tag, ...] = ()
    sort: SortKey = "published"
    descending: bool = True

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
        self.total = self.library.search(self._text, limit=1).total

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        results = self.library.search(self._text, limit=limit, offset=offset)
        rows: list[ArticleRow] = []
        for hit in results.hits:
            tags = self.library.database.article_tags(hit.id)
            summary = ArticleSummary(hit.id, hit.title, hit.outlet, hit.published, tags)
            rows.append(ArticleRow(summary, hit.snippet))
        return rows


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
        return _Search(library, query)
    return _Listing(library, query)
