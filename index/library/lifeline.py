"""Child processes (pipeline pool, Whoosh sub-writers) die with the process that started them."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from multiprocessing import util

__all__ = ["close_in_children", "keep_in_children"]

_POLL_SECONDS = 0.2
_lock_fds: set[int] = set()


def close_in_children(fd: int) -> None:
    """Close ``fd`` in every child process multiprocessing starts from now on.

    A forked child shares the parent's lock; closing its copy means a child that outlives a
    killed parent never keeps the library locked.
    """
    _lock_fds.add(fd)


def keep_in_children(fd: int) -> None:
    """Undo :func:`close_in_children` (before ``fd`` is closed and its number reused)."""
    _lock_fds.discard(fd)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)  # the parent died (SIGKILL, crash): its work is lost, and so are we


class _Lifeline:
    """Registered with multiprocessing so that its hook runs in each child after the fork."""

    def after_fork(self) -> None:
        for fd in list(_lock_fds):
            with contextlib.suppress(OSError):
                os.close(fd)
        _lock_fds.clear()
        parent = os.getppid()
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_LIFELINE = _Lifeline()
util.register_after_fork(_LIFELINE, _Lifeline.after_fork)
