"""The library's writer lock: one Archive Reader writes a library at a time; it dies with it."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from index.library.errors import LibraryError
from index.library.lifeline import close_in_children, keep_in_children

__all__ = ["LOCK_FILE", "LibraryBusyError", "LibraryLock", "lock_is_held"]

LOCK_FILE = ".archive-reader.lock"
_POLL_SECONDS = 0.1


class LibraryBusyError(LibraryError):
    """Another Archive Reader process holds the library's writer lock."""


class LibraryLock:
    """An exclusive lock on ``folder/.archive-reader.lock``, held by an open file descriptor.

    The operating system releases it when the process ends, however it ends (``flock`` on
    POSIX, ``msvcrt.locking`` on Windows), so a crash never leaves a stale lock behind. The
    file holds the holder's process id, for messages only.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, waiting up to ``timeout`` seconds; :class:`LibraryBusyError` if not.

        ``on_wait`` is called once with a message when the lock is busy and we wait.
        """
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        told = False
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise LibraryBusyError(self.busy_message())
            if on_wait is not None and not told:
                on_wait(
                    f"the library {self.path.parent} is in use by another Archive Reader"
                    f"{self._holder()}; waiting up to {timeout:.0f} s…"
                )
                told = True
            time.sleep(_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        close_in_children(fd)

    def busy_message(self) -> str:
        return (
            f"the library {self.path.parent} is in use by another Archive Reader"
            f"{self._holder()}; close it or try again later"
        )

    def _holder(self) -> str:
        try:
            pid = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""
        return f" (process {pid})" if pid.isdigit() else ""

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            keep_in_children(fd)
            _unlock(fd)
            os.close(fd)


def lock_is_held(path: Path) -> bool:
    """Whether some process holds a lock on the file at ``path`` (False if there is none)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        return False
    finally:
        os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
