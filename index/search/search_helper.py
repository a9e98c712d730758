"""A second process that ranks some of the index's segments while this one ranks the rest.

A broad search at 100k articles is CPU work in Python: decoding posting blocks and scoring
them, segment by segment (:mod:`index.search.ranking`). One process uses one core; the
machine has two. So a library with a large index keeps a helper process with the same
index open. Each search splits the segments into two halves of about as many documents,
sends the query and one half to the helper, ranks the other half here meanwhile, and
merges the two best-first lists. Both processes score with the same index-wide statistics
(they read the same index generation), so the hits, their order and their scores are those
of one process ranking every segment; only an estimated total (of a broad query) can
differ, being the sum of two estimates.

Anything wrong with the helper (not started yet, busy with another thread's search, dead,
slow, or on another generation of the index) makes the search rank every segment here, as
without a helper; a helper that failed is not asked again.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh import scoring
from whoosh.searching import Searcher

from index.search.plan import QueryPlan, plan_query
from index.search.query import RANGE_FIELDS, WARM_UP_WORD
from index.search.ranking import RankedPage, collector_paused, rank
from index.search.term_column import read_columns

__all__ = ["SearchHelper", "merge_pages", "split_leaves"]

# How long a search waits for the helper's half before ranking it here (the helper's half
# takes about as long as ours: this is for a helper that hangs).
ANSWER_SECONDS = 10.0
# How long closing waits for the helper to exit before ending it.
_EXIT_SECONDS = 2.0
WARM_UP_FIELD = "content"

Leaf = tuple[Searcher, int]  # a segment's searcher and its first document number


def _pause() -> None:
    time.sleep(0.01)


class SearchHelper:
    """The helper process of one index folder; see the module docstring."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()  # one search at a time talks to the helper
        self._requests = 0
        self._ready = False
        self._failed = False
        self.answered = 0  # searches whose half the helper ranked
        context = (
            multiprocessing.get_context("fork")
            if _one_thread()
            else multiprocessing.get_context("forkserver")
        )
        self._connection, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(str(folder), theirs, self._connection),
            name="archive-reader search helper",
            daemon=True,
        )
        self._process.start()
        theirs.close()

    @property
    def pid(self) -> int | None:
        """The helper's process id (to read its memory use)."""
        return self._process.pid

    @property
    def usable(self) -> bool:
        """Whether the helper has opened the index and has not failed."""
        if self._failed:
            return False
        if not self._ready:
            try:
                if self._connection.poll(0):
                    self._ready = self._connection.recv() == ("ready",)
                    self._failed = not self._ready
            except (OSError, EOFError):
                self._failed = True
        return self._ready and not self._failed

    def wait_until_usable(self, seconds: float, idle: Callable[[], object] = _pause) -> bool:
        """Whether the helper is usable within ``seconds`` (``idle`` runs between looks)."""
        deadline = time.monotonic() + seconds
        while not self.usable:
            if self._failed or time.monotonic() > deadline:
                return False
            idle()
        return True

    def rank(
        self,
        searcher: Searcher,
        plan: QueryPlan,
        query: wq.Query,
        boosts: list[wq.Query],
        count: int,
        exact_total: bool,
    ) -> RankedPage | None:
        """:func:`index.search.ranking.rank` over every segment of ``searcher``, half of them
        in the helper when it can take them."""
        leaves: list[Leaf] = list(searcher.leaf_searchers())
        if len(leaves) < 2 or not self._lock.acquire(blocking=False):
            return rank(searcher, plan, count, exact_total)
        try:
            if not self.usable:
                return rank(searcher, plan, count, exact_total)
            mine, theirs = split_leaves(leaves)
            number = self._ask(searcher, theirs, query, boosts, count, exact_total)
            if number is None:
                return rank(searcher, plan, count, exact_total)
            page = rank(searcher, plan, count, exact_total, mine)
            if page is None:  # not BM25F: nothing to merge with
                return None
            other = self._answer(number)
            if other is None:
                other = rank(searcher, plan, count, exact_total, theirs)
            return merge_pages(page, other, count) if other is not None else None
        finally:
            self._lock.release()

    def _ask(
        self,
        searcher: Searcher,
        theirs: list[Leaf],
        query: wq.Query,
        boosts: list[wq.Query],
        count: int,
        exact_total: bool,
    ) -> int | None:
        self._requests += 1
        segments = [_segment_id(leaf) for leaf, _ in theirs]
        generation = int(searcher.reader().generation())
        request = (self._requests, generation, segments, query, boosts, count, exact_total)
        try:
            self._connection.send(request)
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            self._fail()  # a query that does not pickle, or a closed pipe
            return None
        return self._requests

    def _answer(self, number: int) -> RankedPage | None:
        """The helper's page for request ``number``; None if it has none (then it is
        not asked again unless only its index generation differed)."""
        try:
            while self._connection.poll(ANSWER_SECONDS):
                reply = self._connection.recv()
                if reply[0] != number:
                    continue  # the answer to a request whose search gave up waiting
                if reply[1] == "page":
                    total, exact, hits = reply[2]
                    self.answered += 1
                    return RankedPage(total, exact, hits)
                if reply[1] != "stale":
                    self._fail()
                return None
        except (OSError, EOFError):
            pass
        self._fail()
        return None

    def _fail(self) -> None:
        self._failed = True
        self.close()

    def close(self) -> None:
        """Ask the helper to exit, and end it if it does not (at once if it is still opening
        the index: it would not read the request before)."""
        with contextlib.suppress(OSError, ValueError):
            self._connection.send(None)
        self._process.join(_EXIT_SECONDS if self.usable else 0)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(_EXIT_SECONDS)
        self._connection.close()
        self._failed = True


def split_leaves(leaves: list[Leaf]) -> tuple[list[Leaf], list[Leaf]]:
    """Two halves of a searcher's segments, each in index order, with about as many
    documents each (largest first, each to the smaller half)."""
    halves: tuple[list[int], list[int]] = ([], [])
    sizes = [0, 0]
    by_size = sorted(range(len(leaves)), key=lambda i: -leaves[i][0].doc_count_all())
    for index in by_size:
        half = 0 if sizes[0] <= sizes[1] else 1
        halves[half].append(index)
        sizes[half] += leaves[index][0].doc_count_all()
    first, second = (sorted(half) for half in halves)
    return [leaves[i] for i in first], [leaves[i] for i in second]


def merge_pages(first: RankedPage, second: RankedPage, count: int) -> RankedPage:
    """The best ``count`` hits of two pages over different segments, as one page ranks them
    (by score, then by document number)."""
    hits = sorted(first.hits + second.hits, key=lambda hit: (-hit[0], hit[1]))[:count]
    exact = first.total_is_exact and second.total_is_exact
    return RankedPage(first.total + second.total, exact, hits)


def _segment_id(leaf: Searcher) -> str:
    return str(leaf.reader().segment().segment_id())


def _one_thread() -> bool:
    """Whether this process runs one thread only (Qt's native threads included), so that
    forking it is safe; else the helper starts from a fresh fork server."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1 and threading.current_thread() is (
            threading.main_thread()
        )


def _serve(folder: str, connection: Connection, parents: Connection) -> None:
    """The helper: open the index, then answer requests until told to stop (or the other
    end of the pipe is closed: the parent exited or died)."""
    with contextlib.suppress(OSError):
        parents.close()  # a forked child holds a copy of the parent's end: drop it
    try:
        searcher = windex.open_dir(folder).searcher(weighting=scoring.BM25F())
        _warm_up(searcher)
        opened: tuple[str, ...] = ("ready",)
    except Exception as error:  # reported to the parent, which goes on alone
        opened = ("failed", repr(error))
    try:
        connection.send(opened)
    except (OSError, ValueError):
        return  # the parent is gone
    while opened[0] == "ready":
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        number = request[0]
        try:
            searcher, reply = _answer_request(searcher, request)
        except Exception as error:  # the parent ranks this half itself
            reply = ("error", repr(error))
        try:
            connection.send((number, *reply))
        except (OSError, ValueError):
            return


def _warm_up(searcher: Searcher) -> None:
    """Search a word of nearly every article and read the date columns, as a GUI warms its
    own searcher up: each segment's field lengths, postings file and columns are read once,
    before a search waits on them."""
    plan = plan_query(wq.Term(WARM_UP_FIELD, WARM_UP_WORD), [])
    if plan is not None:
        with collector_paused():
            rank(searcher, plan, 1, False)
    read_columns(searcher, RANGE_FIELDS)


def _answer_request(searcher: Searcher, request: Any) -> tuple[Searcher, tuple[Any, ...]]:
    _, generation, segments, query, boosts, count, exact_total = request
    if int(searcher.reader().generation()) != generation:
        searcher = searcher.refresh()
    if int(searcher.reader().generation()) != generation:
        return searcher, ("stale",)
    wanted = set(segments)
    leaves = [leaf for leaf in searcher.leaf_searchers() if _segment_id(leaf[0]) in wanted]
    plan = plan_query(query, boosts)
    if len(leaves) != len(wanted) or plan is None:
        return searcher, ("stale",)
    with collector_paused():
        page = rank(searcher, plan, count, exact_total, leaves)
    if page is None:
        return searcher, ("stale",)
    return searcher, ("page", (page.total, page.total_is_exact, page.hits))
