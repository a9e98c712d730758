"""Committing an index batch in a forked child: the outcome, failures and the write lock."""

from __future__ import annotations

import errno
import gc
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from index.search.engine import IndexBusyError, IndexDocument, SearchIndex
from index.search.forked_commit import ForkedCommit, IndexCommitError, can_fork_commits
from index.search.query import parse_query

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


class _Writer:
    """A stand-in writer whose commit runs a given function (in the child)."""

    def __init__(self, action: object) -> None:
        self.action = action

    def commit(self) -> None:
        self.action()  # type: ignore[operator]


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 30
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.01)


def test_the_batch_is_in_the_index_once_the_commit_is_waited_for(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    batch = index.batch()
    batch.add(IndexDocument(1, "社区活动", "江海区举办邻里节，社区居民参加。"))
    batch.add(IndexDocument(2, "天气", "本周后期全市将明显降温。"))
    commit = batch.commit_in_background()
    commit.wait()
    assert index.doc_count() == 2
    page = index.search(parse_query("社區", index.bigrams))
    assert [hit.article_id for hit in page.hits] == [1]
    assert commit.finished()


def test_the_child_holds_the_write_lock_until_it_has_committed(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    batch = index.batch()
    batch.add(IndexDocument(1, "社区活动", "江海区举办邻里节。"))
    go = tmp_path / "go"
    writer = batch._writer
    real_commit = writer.commit

    def commit_when_told() -> None:
        _wait_for(go)
        real_commit()

    writer.commit = commit_when_told
    commit = ForkedCommit(writer)
    assert not commit.finished()
    with pytest.raises(IndexBusyError):
        index.batch()  # the lock the child shares is still held
    go.touch()
    commit.wait()
    assert index.doc_count() == 1
    with index.batch() as next_batch:  # released by the child's commit
        next_batch.add(IndexDocument(2, "天气", "降温。"))
    assert index.doc_count() == 2


def test_a_failure_in_the_child_is_raised_by_wait(tmp_path: Path) -> None:
    def disk_full() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    commit = ForkedCommit(_Writer(disk_full))
    with pytest.raises(OSError) as raised:
        commit.wait()
    assert raised.value.errno == errno.ENOSPC


def test_an_exception_that_cannot_travel_becomes_a_commit_error() -> None:
    class Unpicklable(Exception):
        def __reduce__(self) -> str | tuple[object, ...]:
            raise TypeError("no")

    def fail() -> None:
        raise Unpicklable("the segment could not be written")

    commit = ForkedCommit(_Writer(fail))
    with pytest.raises(IndexCommitError, match="the segment could not be written"):
        commit.wait()


def test_a_child_killed_by_a_signal_is_reported(tmp_path: Path) -> None:
    started = tmp_path / "started"

    def hang() -> None:
        started.touch()
        time.sleep(60)

    commit = ForkedCommit(_Writer(hang))
    _wait_for(started)
    assert not commit.finished()
    os.kill(commit._pid, signal.SIGKILL)  # type: ignore[arg-type]
    with pytest.raises(IndexCommitError, match="signal 9"):
        commit.wait()


def test_objects_are_frozen_only_while_the_child_runs() -> None:
    assert gc.get_freeze_count() == 0
    commit = ForkedCommit(_Writer(lambda: None))
    assert gc.get_freeze_count() > 0
    commit.wait()
    assert gc.get_freeze_count() == 0


class _BufferingWriter:
    """Holds bytes in its file's buffer at the fork, as Whoosh's writers do."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("wb")
        self.file.write(b"header")  # buffered, not yet written

    def commit(self) -> None:
        self.file.write(b"+segment")
        self.file.close()


def test_the_parent_never_writes_what_its_copy_of_the_writer_buffered(tmp_path: Path) -> None:
    path = tmp_path / "segment"
    writer = _BufferingWriter(path)
    commit = ForkedCommit(writer)
    commit.wait()
    del writer, commit
    gc.collect()
    assert path.read_bytes() == b"header+segment"  # not flushed a second time by the parent


def test_commits_are_not_forked_from_another_thread() -> None:
    """The GUI imports from a thread: forking there could leave a lock held in the child."""
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(can_fork_commits()))
    thread.start()
    thread.join()
    assert seen == [False]
    assert can_fork_commits()  # the main thread of this POSIX process
