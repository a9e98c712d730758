"""The Whoosh full-text index of a library: schema, batched writing, ranked search."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh import index as windex
from whoosh import scoring
from whoosh.fields import ID, KEYWORD, Schema
from whoosh.searching import Searcher

from index.search.codec import BigramField, FieldPostings, InliningCodec, analyze_text
from index.search.fold import fold
from index.search.forked_commit import ForkedCommit
from index.search.merge_policy import merge_all_segments, merge_small_segments
from index.search.query import RANGE_FIELDS, ParsedQuery, text_query
from index.search.search_helper import SearchHelper
from index.search.segment_writer import BulkSegmentWriter
from index.search.term_column import read_columns
from index.search.top_hits import top_hits
from index.search.vocabulary import Vocabulary, default_vocabulary, load_vocabulary

__all__ = [
    "INDEX_FORMAT",
    "IndexBatch",
    "IndexBusyError",
    "IndexDocument",
    "IndexHit",
    "SearchIndex",
    "SearchPage",
    "build_schema",
]

# Bump when the schema or the analysis changes: a library with another format is re-indexed.
INDEX_FORMAT = "bigram-2"
_FORMAT_FILE = "FORMAT"
_VOCABULARY_FILE = "BIGRAMS"
TITLE_BOOST = 2.0
_WRITE_LOCK_TIMEOUT = 5.0
# A search helper process (:mod:`index.search.search_helper`) for indexes this large: below
# it a search takes a few milliseconds on one core.
HELPER_MIN_DOCS = 20_000


class IndexBusyError(Exception):
    """Another process holds the index's write lock."""


def build_schema(vocabulary_key: str) -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        title=BigramField(vocabulary_key, field_boost=TITLE_BOOST),
        content=BigramField(vocabulary_key),
        outlet=BigramField(vocabulary_key),
        tag=KEYWORD(commas=True, lowercase=False, scorable=False),
        date=ID(),
    )


@dataclass(frozen=True, slots=True)
class IndexDocument:
    """What the index holds for one article: ``content`` is all of its searchable text."""

    article_id: int
    title: str
    content: str
    outlet: str = ""
    tags: tuple[str, ...] = ()
    date: str = ""  # "YYYY-MM-DD" or ""

    def analyze(self, bigrams: Set[str]) -> dict[str, FieldPostings]:
        """The postings of the bigram fields, made with the index's vocabulary
        (:attr:`SearchIndex.bigrams`): the CPU-heavy part of indexing, which can run in a
        worker process ahead of :meth:`IndexBatch.add`."""
        texts = {"title": self.title, "content": self.content, "outlet": self.outlet}
        return {name: analyze_text(text, bigrams) for name, text in texts.items()}

    def fields(self) -> dict[str, Any]:
        return {
            "id": str(self.article_id),
            "title": self.title,
            "content": self.content,
            "outlet": self.outlet,
            "tag": ",".join(fold(tag).replace(",", " ") for tag in self.tags),
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class IndexHit:
    article_id: int
    score: float


@dataclass(slots=True)
class SearchPage:
    """One page of ranked hits and the number of matching articles.

    Counting every match of a broad query costs more than ranking the top ones, so unless
    ``exact_total`` was asked for, ``total`` may be Whoosh's estimate (``total_is_exact``
    False; show it as "about N").
    """

    total: int
    hits: list[IndexHit] = field(default_factory=list)
    total_is_exact: bool = True


class IndexBatch:
    """An open index writer: add documents, then commit (or cancel) once.

    ``analyzed`` is what :meth:`IndexDocument.analyze` gave for the document, if it was
    analyzed ahead (else it is analyzed here).
    """

    def __init__(self, writer: BulkSegmentWriter) -> None:
        self._writer = writer
        self.count = 0

    def add(
        self, document: IndexDocument, analyzed: dict[str, FieldPostings] | None = None
    ) -> None:
        """Add an article the index does not hold yet."""
        self._writer.add_analyzed(document.fields(), analyzed or {})
        self.count += 1

    def replace(
        self, document: IndexDocument, analyzed: dict[str, FieldPostings] | None = None
    ) -> None:
        """Add an article, replacing the index's copy of it if there is one."""
        self.delete(document.article_id)
        self.add(document, analyzed)

    def delete(self, article_id: int) -> None:
        self._writer.delete_by_term("id", str(article_id))

    def commit(self) -> None:
        self._writer.commit()

    def commit_in_background(self) -> ForkedCommit:
        """Commit in a forked child process (see :mod:`index.search.forked_commit`); the
        index holds the batch once the returned commit's ``wait()`` returns. No other batch
        can be opened before then: the child holds the write lock."""
        return ForkedCommit(self._writer)

    def cancel(self) -> None:
        self._writer.cancel()

    def __enter__(self) -> IndexBatch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.cancel()


class SearchIndex:
    """A Whoosh index in ``folder``, created on first use; one searcher per thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._local = threading.local()
        self._vocabulary: Vocabulary | None = None
        self._helper: SearchHelper | None = None
        self._helper_started = False
        self.helper_min_docs = HELPER_MIN_DOCS
        folder.mkdir(parents=True, exist_ok=True)
        format_file = folder / _FORMAT_FILE
        current = format_file.read_text().strip() if format_file.exists() else None
        if (
            current != INDEX_FORMAT
            or not windex.exists_in(str(folder))
            or not (folder / _VOCABULARY_FILE).exists()
        ):
            self._create()
            format_file.write_text(INDEX_FORMAT + "\n")
            self.was_rebuilt = True
        else:
            self._index = windex.open_dir(str(folder))
            self.was_rebuilt = False

    def _create(self) -> None:
        self._vocabulary = default_vocabulary()
        self._vocabulary.save(self.folder / _VOCABULARY_FILE)
        self._index = windex.create_in(str(self.folder), build_schema(self._vocabulary.key))

    @property
    def vocabulary(self) -> Vocabulary:
        """The index's bigram vocabulary, read on first use (it takes ~0.1 s)."""
        if self._vocabulary is None:
            self._vocabulary = load_vocabulary(self.folder / _VOCABULARY_FILE)
        return self._vocabulary

    @property
    def bigrams(self) -> frozenset[str]:
        return self.vocabulary.bigrams

    def doc_count(self) -> int:
        return int(self._index.doc_count())

    def batch(self) -> IndexBatch:
        """A writer that adds one segment at commit (see :mod:`index.search.merge_policy`)."""
        self.vocabulary  # noqa: B018 (documents are analyzed with it)
        try:
            writer = BulkSegmentWriter(
                self._index, InliningCodec(), _WRITE_LOCK_TIMEOUT, merge_small_segments
            )
        except windex.LockError as error:
            raise IndexBusyError("another program is writing to the search index") from error
        return IndexBatch(writer)

    def replace(self, documents: Iterable[IndexDocument]) -> int:
        """Add or replace these articles in one commit; returns how many."""
        with self.batch() as batch:
            for document in documents:
                batch.replace(document)
        return batch.count

    def clear(self) -> None:
        """Empty the index (for a rebuild)."""
        self._close_searcher()
        self._create()

    def optimize(self) -> None:
        """Merge all segments into one (faster searches after a large import: each search
        visits every segment). Postings are copied block by block (about a minute per
        100,000 articles); searches may go on meanwhile, on the segments they opened."""
        segments = self._index._segments()
        if len(segments) < 2 and not any(segment.has_deletions() for segment in segments):
            return
        try:
            writer = BulkSegmentWriter(
                self._index, InliningCodec(), _WRITE_LOCK_TIMEOUT, merge_all_segments
            )
        except windex.LockError as error:
            raise IndexBusyError("another program is writing to the search index") from error
        writer.commit()

    def start_search_helper(self) -> None:
        """Start the search helper process (:mod:`index.search.search_helper`), unless the
        index is too small for it to pay or it was started before; searches use it once it
        has opened the index, about a second later. For a program that searches many times
        (the GUI): a one-off search would only wait for it to exit."""
        if self._helper_started or self.doc_count() < self.helper_min_docs:
            return
        self._helper_started = True
        try:
            self._helper = SearchHelper(self.folder)
        except (OSError, ValueError, RuntimeError):  # no fork server here: search alone
            self._helper = None

    @property
    def search_helper(self) -> SearchHelper | None:
        """The search helper process, once :meth:`start_search_helper` started one."""
        return self._helper

    def read_columns(self) -> int:
        """Read this thread's segments' date columns now (:func:`term_column.read_columns`),
        as a warm-up: how many were read."""
        return read_columns(self._searcher(), RANGE_FIELDS)

    def _searcher(self) -> Searcher:
        searcher: Searcher | None = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._index.searcher(weighting=scoring.BM25F())
        else:
            searcher = searcher.refresh()
        self._local.searcher = searcher
        return searcher

    def _close_searcher(self) -> None:
        searcher: Searcher | None = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = None

    def search(
        self, parsed: ParsedQuery, limit: int = 20, offset: int = 0, exact_total: bool = False
    ) -> SearchPage:
        """Ranked hits (BM25F; matches in the title add to the score) and the total count."""
        self.vocabulary  # noqa: B018 (fields analyze with it)
        searcher = self._searcher()
        in_title = [text_query("title", terms) for terms in parsed.terms]
        page = top_hits(searcher, parsed.query, in_title, offset + limit, exact_total, self._helper)
        hits = [
            IndexHit(int(searcher.stored_fields(docnum)["id"]), score)
            for score, docnum in page.hits[offset : offset + limit]
        ]
        return SearchPage(page.total, hits, page.total_is_exact)

    def close(self) -> None:
        if self._helper is not None:
            self._helper.close()
            self._helper = None
        self._close_searcher()
        self._index.close()
