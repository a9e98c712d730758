"""Commit an index writer in a forked child process while this process goes on importing.

Writing a segment (sorting its terms, encoding and compressing posting blocks) is pure
Python: ~7 s of one core per 5,000 articles. Done in the importing process it stopped the
storing, and the worker processes, their window of results soon full, idled: seen second by
second, one core of two was idle for 16 s of a 76 s import of 10,000 articles. A fork gets a
copy-on-write snapshot of the writer and its postings for free; the child commits it exactly
as ``writer.commit()`` would (segment files, then the new table of contents, renamed into
place) and exits, while the parent stores the next articles.

The parent's copy of the writer must never write again: its files may hold buffered bytes
that closing them (or dropping them) would flush into the files the child has written. So
right after the fork, each file descriptor the writer holds in the parent, the write lock's
included, is pointed at /dev/null (``dup2``): the child alone holds the segment files and
Whoosh's write lock (an ``flock``, which lasts while any descriptor of its open file does),
and releases it when it has committed. The parent keeps the writer itself until the child
is done, so that freeing its postings does not copy the pages the child is reading.

A child that fails sends its exception back through a pipe; :meth:`ForkedCommit.wait`
raises it. A child killed mid-way leaves segment files no table of contents lists, which is
how an interrupted commit has always looked (the index keeps its last commit).
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import pickle
import threading
import types
import warnings
from typing import Any

__all__ = ["ForkedCommit", "IndexCommitError", "can_fork_commits"]

_MAX_ERROR_BYTES = 16_384


class IndexCommitError(Exception):
    """The child writing a segment failed without an exception it could send back."""


def can_fork_commits() -> bool:
    """Forking is safe from the main thread of a POSIX process. From another thread (an
    import run by the GUI) it is not: a lock some other thread holds stays locked forever in
    the child, and Qt's state is not fork-safe."""
    return hasattr(os, "fork") and threading.current_thread() is threading.main_thread()


class ForkedCommit:
    """``writer.commit()`` running in a child process; :meth:`wait` for its outcome."""

    def __init__(self, writer: Any) -> None:
        self._writer: Any = writer
        read_end, write_end = os.pipe()
        # Objects frozen out of the collector are never traversed by the parent's full
        # collections, which would otherwise write to (and so copy) every page the child
        # shares. They are unfrozen once the child is done.
        self._froze = gc.get_freeze_count() == 0
        if self._froze:
            gc.freeze()
        with warnings.catch_warnings():
            # Python 3.12 warns about forking a process with threads (a worker pool's): the
            # child only writes files and leaves through os._exit, using no lock of theirs.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # pragma: no cover (the child; its outcome is what the tests check)
            os.close(read_end)
            _commit_and_exit(writer, write_end)
        os.close(write_end)
        self._files = _detach_files(writer)
        self._pid: int | None = pid
        self._pipe = read_end

    def finished(self) -> bool:
        """Whether the child has exited (without waiting for it)."""
        if self._pid is None:
            return True
        pid, status = os.waitpid(self._pid, os.WNOHANG)
        if pid == 0:
            return False
        self._reaped(status)
        return True

    def wait(self) -> None:
        """Wait for the child; raise what made its commit fail, if it failed."""
        if self._pid is not None:
            _, status = os.waitpid(self._pid, 0)
            self._reaped(status)
        self._raise_failure()

    def _reaped(self, status: int) -> None:
        self._pid = None
        # The child has exited: what it wrote (at most _MAX_ERROR_BYTES, less than a pipe
        # holds, so it never blocked) is all there.
        self._error = _read_all(self._pipe)
        os.close(self._pipe)
        self._status = status
        for file in self._files:
            file.close()  # what it still buffered goes to /dev/null
        self._files = []
        self._writer = None  # its postings may be freed now
        if self._froze:
            gc.unfreeze()
            self._froze = False

    def _raise_failure(self) -> None:
        code = os.waitstatus_to_exitcode(self._status)
        if code == 0 and not self._error:
            return
        if self._error:
            try:
                error = pickle.loads(self._error)
            except Exception:
                error = None
            if isinstance(error, BaseException):
                raise error
        if code < 0:
            raise IndexCommitError(f"writing the search index stopped (signal {-code})")
        raise IndexCommitError(f"writing the search index failed (exit status {code})")


def _commit_and_exit(writer: Any, pipe: int) -> None:  # pragma: no cover (runs in the child)
    status = 0
    try:
        writer.commit()
    except BaseException as error:
        status = 1
        try:
            data = pickle.dumps(error)
        except Exception:
            data = b""
        if not data or len(data) > _MAX_ERROR_BYTES:
            data = pickle.dumps(IndexCommitError(str(error)[:1000] or type(error).__name__))
        with contextlib.suppress(OSError):
            os.write(pipe, data)
    finally:
        os._exit(status)


def _detach_files(writer: Any) -> list[io.IOBase]:
    """Point every descriptor the writer holds in this process at /dev/null (keeping the
    numbers taken, so no other file can get one); returns its file objects to close."""
    files = _open_files(writer)
    descriptors = {file.fileno() for file in files}
    lock_descriptor = getattr(getattr(writer, "writelock", None), "fd", None)
    if isinstance(lock_descriptor, int):
        descriptors.add(lock_descriptor)
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for descriptor in descriptors:
            os.dup2(null, descriptor)
    finally:
        os.close(null)
    return files


def _open_files(root: Any) -> list[io.IOBase]:
    """The open OS-level files reachable from ``root`` (Whoosh's writers keep theirs a few
    attributes deep), found without walking its large posting tables."""
    files: list[io.IOBase] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, _LEAVES):
            continue
        seen.add(id(item))
        if isinstance(item, io.IOBase):
            if not item.closed and _has_descriptor(item):
                files.append(item)
            continue
        if isinstance(item, (dict, list, tuple, set)) and len(item) > _LARGE:
            continue  # postings, lengths: no file in there
        stack.extend(gc.get_referents(item))
    return files


_LEAVES = (str, bytes, bytearray, int, float, type, types.ModuleType, types.FunctionType)
_LARGE = 1000


def _has_descriptor(file: io.IOBase) -> bool:
    try:
        file.fileno()
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return False
    return True


def _read_all(pipe: int) -> bytes:
    chunks = []
    while chunk := os.read(pipe, 65536):
        chunks.append(chunk)
    return b"".join(chunks)
