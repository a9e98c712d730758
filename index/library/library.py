"""The library: the one object the GUI and CLI use to import, list, tag, read and search."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from index.library.database import LibraryDatabase, SortKey, TagFilter
from index.library.errors import LibraryError
from index.library.health import RebuildCallback, open_search_index
from index.library.id_summary import indexed_summary
from index.library.index_manifest import record_files
from index.library.indexing import reindex
from index.library.location import resolve_library_dir
from index.library.lock import LibraryBusyError, LibraryLock
from index.library.records import (
    ArticleSummary,
    CancelCheck,
    ImportSummary,
    ProgressCallback,
    SearchHit,
    SearchResults,
    StoredArticle,
    TagCount,
)
from index.search.engine import IndexBusyError, SearchIndex
from index.search.query import WARM_UP_WORD, parse_query
from index.search.snippets import make_snippet
from index.tags.tag import TAG_KINDS, Tag, TagKind, parse_tag

__all__ = ["INDEX_FOLDER", "Library"]

INDEX_FOLDER = "index"
MAX_LIMIT = 10_000


class Library:
    """A library folder: ``library.db`` (SQLite) and ``index/`` (Whoosh).

    Opening checks that the index agrees with the database and catches it up if not (after an
    interrupted import); with ``defer_index_check`` that waits for :meth:`check_index`.
    Environment problems raise :class:`LibraryError`; a malformed search raises
    :class:`index.search.query.QuerySyntaxError`.
    """

    def __init__(
        self,
        folder: Path | str,
        progress: RebuildCallback | None = None,
        wait: float | None = None,
        on_wait: Callable[[str], None] | None = None,
        defer_index_check: bool = False,
    ) -> None:
        """Open the library; see :meth:`open`."""
        folder = Path(folder)
        self.folder = folder
        self.database = LibraryDatabase(folder)
        self.lock = LibraryLock(folder)
        self.read_only = False
        try:
            self.lock.acquire(wait or 0.0, on_wait)
        except LibraryBusyError:
            if wait is not None:
                self.database.close()
                raise
            self.read_only = True
        except OSError as error:
            self.database.close()
            raise LibraryError(f"cannot lock the library {folder}: {error}") from error
        self.index_behind = False
        self.index_checked = not defer_index_check or self.read_only
        # _index_agrees: the index holds exactly the articles the database marks as indexed
        # (checked at open; every write since committed the index before marking the
        # database). _index_written: written since its manifest was last recorded.
        self._index_agrees = self._index_written = False
        try:
            self.index = (
                self._open_index(progress) if self.index_checked else self._unchecked(progress)
            )
        except BaseException:
            self.database.close()
            self.lock.release()
            raise

    def _unchecked(self, progress: RebuildCallback | None) -> SearchIndex:
        """The index as it is on disk, for :meth:`check_index` to check later."""
        try:
            return SearchIndex(self.folder / INDEX_FOLDER)
        except Exception:  # damaged files make Whoosh raise anything
            self.index_checked = True  # it does not even open: check and rebuild it now
            return self._open_index(progress)

    def check_index(self, progress: RebuildCallback | None = None) -> None:
        """Check the index of a library opened with ``defer_index_check`` against the database,
        rebuilding it if lost or damaged and catching it up (see :meth:`open`).

        For a reader that shows the library first and checks in a background thread: nothing
        may use :attr:`index` until this returns. Does nothing if already checked.
        """
        if self.index_checked:
            return
        self.index.close()
        self.index = self._open_index(progress)
        self.index_checked = True

    def _open_index(self, progress: RebuildCallback | None) -> SearchIndex:
        folder = self.folder / INDEX_FOLDER
        try:
            if self.read_only:
                return SearchIndex(folder)
            index = open_search_index(folder, self.database, progress)
            self._index_agrees = True
            return index
        except IndexBusyError:
            self.index_behind = True
            return SearchIndex(folder)
        except OSError as error:
            raise LibraryError(f"cannot open the search index in {folder}: {error}") from error

    @classmethod
    def open(
        cls,
        folder: Path | str | None = None,
        progress: RebuildCallback | None = None,
        wait: float | None = None,
        on_wait: Callable[[str], None] | None = None,
        defer_index_check: bool = False,
    ) -> Library:
        """Open (creating if needed) the library at ``folder``, ``$ARCHIVE_READER_LIBRARY`` or
        the platform's user data folder.

        One process at a time writes a library (see :mod:`index.library.lock`). If another
        holds it, the library opens read-only (``read_only``) when ``wait`` is None, else we
        wait up to ``wait`` seconds (telling ``on_wait``) and raise
        :class:`LibraryBusyError`. A writer checks the search index and rebuilds it from the
        database if it is lost or damaged, reporting to ``progress``. Usually the index's
        manifest vouches for it in milliseconds (``health.index_vouched_for``); when it
        cannot (after a crash, or a damaged or copied index) the check reads all of the index,
        seconds at 100k articles, so ``defer_index_check`` leaves it to :meth:`check_index`
        (the database can be read meanwhile, the index not).
        """
        return cls(resolve_library_dir(folder), progress, wait, on_wait, defer_index_check)

    def close(self) -> None:
        try:
            self.index.close()
            self._record_manifest()
            self.database.close()
        finally:
            self.lock.release()

    def _record_manifest(self) -> None:
        """After writing to the index: record its files (what this session wrote is sound)
        and, if it still agrees with the database, the summary that lets the next open skip
        the full check. An index never checked in this session keeps its manifest."""
        if self.read_only or not self.index_checked or not self._index_written:
            return
        agreed = indexed_summary(self.database) if self._index_agrees else None
        record_files(self.folder / INDEX_FOLDER, agreed)
        self._index_written = False

    def _require_writable(self) -> None:
        if self.read_only:
            raise LibraryError(
                f"the library {self.folder} is open read-only: another Archive Reader is using it"
            )

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Import --------------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        procs: int | None = None,
    ) -> ImportSummary:
        """Import dump files and folders; see :func:`index.library.importer.run_import`.

        ``procs`` is the number of worker processes for the repair pipeline, tagging and
        search analysis (default: one per core, at least 2 on a multi-core machine; called
        from another thread than the main one, they start from a fork server); this process
        stores the articles and writes the index.
        """
        from index.library.importer import run_import  # the repair pipeline loads slowly

        self._require_writable()
        self._index_written = True
        if procs is None:
            cores = os.cpu_count() or 1
            procs = max(2, cores) if cores >= 2 else 1
        try:
            summary = run_import(self.database, self.index, paths, progress, cancel, workers=procs)
        except IndexBusyError as error:
            self._index_agrees = False
            raise LibraryError(f"the library {self.folder} is busy: {error}") from error
        except BaseException:
            self._index_agrees = False  # it may have committed articles it did not mark
            raise
        self._record_manifest()  # a later crash still leaves the next open its fast path
        return summary

    # Reading -------------------------------------------------------------------------------

    def article_count(self, tags: Sequence[TagFilter] = ()) -> int:
        return self.database.article_count(tags)

    def list_articles(
        self,
        tags: Sequence[TagFilter] = (),
        offset: int = 0,
        limit: int = 100,
        sort: SortKey = "published",
        descending: bool = True,
    ) -> list[ArticleSummary]:
        """One page of articles carrying every tag in ``tags``, sorted; for lazy list views."""
        limit = max(0, min(limit, MAX_LIMIT))
        return self.database.summaries(tags, max(0, offset), limit, sort, descending)

    def get_article(self, article_id: int) -> StoredArticle | None:
        return self.database.get_article(article_id)

    def article_tags(self, article_id: int) -> tuple[Tag, ...]:
        return self.database.article_tags(article_id)

    def tag_counts(self, kind: TagKind | None = None) -> list[TagCount]:
        """Tags in use with their article counts, by kind then by count (largest first)."""
        return self.database.tag_counts(kind)

    def tag_tree(self) -> dict[TagKind, list[TagCount]]:
        """Tag counts grouped by kind, in the order of :data:`TAG_KINDS`."""
        tree: dict[TagKind, list[TagCount]] = {kind: [] for kind in TAG_KINDS}
        for count in self.database.tag_counts():
            tree[count.tag.kind].append(count)
        return tree

    # Search --------------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 20, offset: int = 0, exact_total: bool = False
    ) -> SearchResults:
        """Ranked hits with highlighted snippets; raises ``QuerySyntaxError`` for bad syntax.

        The total is exact for small result sets or with ``exact_total``, else an estimate.
        """
        parsed = parse_query(query, self.index.bigrams)
        limit = max(1, min(limit, MAX_LIMIT))
        page = self.index.search(parsed, limit, max(0, offset), exact_total)
        rows = self.database.summaries_by_id([hit.article_id for hit in page.hits])
        hits: list[SearchHit] = []
        for hit in page.hits:
            if hit.article_id not in rows:
                continue  # deleted from the database since the index was written
            summary, body = rows[hit.article_id]
            hits.append(
                SearchHit(
                    summary.id,
                    summary.title,
                    summary.outlet,
                    summary.published,
                    hit.score,
                    make_snippet(body, parsed.atoms),
                )
            )
        return SearchResults(query, page.total, hits, page.total_is_exact)

    def warm_up_search(self) -> None:
        """Search once and read the index's date columns on this thread, which its first
        real search would otherwise wait for (at 100k articles ~0.7 s for the columns)."""
        self.search(WARM_UP_WORD, limit=1)
        self.index.read_columns()

    # User tags -----------------------------------------------------------------------------

    def add_tag(self, article_id: int, name: str) -> bool:
        """Give an article a user tag (``kind:name`` picks another kind); False if it had it."""
        self._require_writable()
        kind, clean = parse_tag(name, default_kind="user")
        tag = Tag(kind or "user", clean)
        self._require_article(article_id, clean)
        added = self.database.add_tag(article_id, tag)
        if added:
            self._reindex(article_id)
        return added

    def remove_tag(self, article_id: int, name: str) -> int:
        """Remove the article's tags with this name (``kind:name`` for one kind only)."""
        self._require_writable()
        kind, clean = parse_tag(name)
        self._require_article(article_id, clean)
        removed = self.database.remove_tag(article_id, clean, kind)
        if removed:
            self._reindex(article_id)
        return removed

    def _require_article(self, article_id: int, tag_name: str) -> None:
        if not tag_name:
            raise LibraryError("a tag needs a name")
        if not self.database.article_exists(article_id):
            raise LibraryError(f"no article with id {article_id} in {self.folder}")

    def _reindex(self, article_id: int) -> None:
        self._index_written = True
        try:
            reindex(self.database, self.index, [article_id])
        except IndexBusyError:
            self._index_agrees = False
            self.database.mark_indexed([article_id], indexed=False)  # caught up on next open
        except BaseException:
            self._index_agrees = False
            raise
