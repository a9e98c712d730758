"""Turn stored article rows into search-index documents, and catch the index up with the DB."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from index.library.database import LibraryDatabase
from index.model import Article
from index.search.engine import IndexDocument, SearchIndex

__all__ = ["catch_up", "document_for_article", "document_for_row"]

_CATCH_UP_CHUNK = 2000


def _document(
    article_id: int,
    title: str,
    parts: Sequence[str],
    outlet: str | None,
    published: str | None,
    tags: Sequence[str],
) -> IndexDocument:
    return IndexDocument(
        article_id=article_id,
        title=title,
        content="\n".join(part for part in parts if part),
        outlet=outlet or "",
        tags=tuple(tags),
        date=(published or "")[:10],
    )


def document_for_article(article_id: int, article: Article, tags: Sequence[str]) -> IndexDocument:
    parts = [article.title, article.subtitle or "", article.body, *article.captions]
    return _document(article_id, article.title, parts, article.outlet, article.published, tags)


def document_for_row(row: dict[str, Any]) -> IndexDocument:
    parts = [row["title"], row["subtitle"] or "", row["body"], *json.loads(row["captions"])]
    return _document(row["id"], row["title"], parts, row["outlet"], row["published"], row["tags"])


def reindex(database: LibraryDatabase, index: SearchIndex, ids: Sequence[int]) -> None:
    """Write these articles to the index again (after their tags changed, or to catch up)."""
    for start in range(0, len(ids), _CATCH_UP_CHUNK):
        chunk = ids[start : start + _CATCH_UP_CHUNK]
        index.replace(document_for_row(row) for row in database.index_rows(chunk))
        database.mark_indexed(chunk)


def catch_up(database: LibraryDatabase, index: SearchIndex, verified: bool = False) -> int:
    """Make the index agree with the database; returns how many articles were (re)indexed.

    Articles are stored before they are indexed, so after an interrupted import the database
    may hold articles the index lacks (``indexed = 0``): those are (re)indexed now, replacing
    any copy the index committed just before the interruption. If the index was lost, replaced
    by a new format, or holds fewer articles than the database says it should, it is rebuilt
    from the database. ``verified``: the caller has just checked that the index holds every
    article the database marks as indexed (see ``health.index_problem``), so counting its
    documents again would only cost another reader.
    """
    if index.was_rebuilt or (not verified and index.doc_count() < database.indexed_count()):
        if not index.was_rebuilt:
            index.clear()
        database.mark_all_unindexed()
        index.was_rebuilt = False
    pending = database.unindexed_ids()
    if pending:
        reindex(database, index, pending)
    return len(pending)
