"""Adapter to the search package: what a query marks in an article's text.

The only desktop module that reaches into ``index.search``; the reader pane receives a plain
function from text to highlight spans.
"""

from __future__ import annotations

from collections.abc import Callable

from index.library import Library
from index.search.query import parse_query
from index.search.snippets import find_matches

__all__ = ["Highlighter", "Span", "matching_ids", "no_highlights", "search_highlighter"]

Span = tuple[int, int]
Highlighter = Callable[[str], list[Span]]


def no_highlights(text: str) -> list[Span]:
    return []


def search_highlighter(library: Library, query: str) -> Highlighter:
    """Spans of a text that ``query`` matches, through the index's own tokenizer and script
    fold (a simplified query marks traditional text). Raises ``QuerySyntaxError``."""
    atoms = parse_query(query, library.index.bigrams).atoms  # the positive text atoms
    if not atoms:
        return no_highlights

    def highlight(text: str) -> list[Span]:
        return find_matches(text, atoms)

    return highlight


def matching_ids(library: Library, query: str, limit: int) -> list[int]:
    """Ids of up to ``limit`` articles ``query`` finds, best first, without building snippets.

    Raises ``QuerySyntaxError``.
    """
    parsed = parse_query(query, library.index.bigrams)
    page = library.index.search(parsed, limit=max(1, limit))
    return [hit.article_id for hit in page.hits]
