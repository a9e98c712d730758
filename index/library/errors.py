"""The one exception type for library problems a user can act on (busy, damaged, disk full)."""

from __future__ import annotations

import errno
import sqlite3

__all__ = ["LibraryError", "describe_sqlite_error"]


class LibraryError(Exception):
    """A problem with the library a user can fix; ``str(error)`` is a one-line message."""


def describe_sqlite_error(error: sqlite3.Error | OSError, where: str) -> LibraryError | None:
    """A :class:`LibraryError` for environment failures, or None for programming errors."""
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return LibraryError(f"the disk holding {where} is full")
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return LibraryError(f"no permission to write to {where}")
        return LibraryError(f"cannot use {where}: {error.strerror or error}")
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return LibraryError(f"{where} is busy: another program is using it; try again")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return LibraryError(f"{where} is damaged or is not an Archive Reader library")
    if "disk is full" in message or "database or disk is full" in message:
        return LibraryError(f"the disk holding {where} is full")
    if "readonly" in message or "read-only" in message:
        return LibraryError(f"{where} is read-only")
    if "unable to open" in message or "disk i/o" in message:
        return LibraryError(f"cannot open {where}: {error}")
    return None
