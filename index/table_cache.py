"""Lookup tables derived from bundled dictionaries, kept on disk between runs.

Every import worker is a new process that would otherwise rebuild them from the dictionary
files (0.3-0.6 s each at start-up, which a small import feels). A table is rebuilt when its
source files, the format or the Python version change; a cache that cannot be read or
written (read-only, full disk) only costs the start-up time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import platformdirs

__all__ = ["cached_table"]

_FORMAT_VERSION = 1
T = TypeVar("T")


def _cache_file(name: str, sources: Sequence[Path]) -> Path:
    parts = [str(_FORMAT_VERSION), name, sys.version]
    for source in sources:
        stat = source.stat()
        parts += [str(source), str(stat.st_size), str(stat.st_mtime_ns)]
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("archive-reader")) / f"{name}-{digest}.marshal"


def cached_table(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned last time for the same source files.

    The table must be made of what :mod:`marshal` keeps (dicts, tuples, str, int, float).
    """
    try:
        cache_file = _cache_file(name, sources)
    except OSError:  # a source file is missing: let build() say what is wrong
        return build()
    try:
        return cast(T, marshal.loads(cache_file.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(cast(Any, table)))
            os.replace(temporary, cache_file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass
    return table
