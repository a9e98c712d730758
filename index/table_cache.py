"""Lookup tables derived from bundled dictionaries, kept on disk between runs.

Every import worker is a new process that would otherwise rebuild them from the dictionary
files (0.3-0.6 s each at start-up, which a small import feels). A table is rebuilt when its
source files, the format or the Python version change; a cache that cannot be read or
written (read-only, full disk) only costs the start-up time.

Each table keeps its ``KEEP_VERSIONS`` most recently used files (several installations, or a
dictionary updated, make new ones; a read marks its file used): older ones are removed when
a new one is written, with temporary files a crashed write left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import platformdirs

__all__ = ["KEEP_VERSIONS", "cached_table", "mark_used", "package_file", "prune_versions"]

_FORMAT_VERSION = 1
KEEP_VERSIONS = 3
_STALE_TEMPORARY_SECONDS = 3600.0
T = TypeVar("T")


def package_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package (a table's source), found without
    importing the package: ``import jieba`` costs ~0.2 s that an import worker's start-up
    would pay only to learn where ``dict.txt`` is."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"no package named {package!r}", name=package)
    return Path(next(iter(spec.submodule_search_locations)), *parts)


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
        table = cast(T, marshal.loads(cache_file.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    else:
        mark_used(cache_file)
        return table
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
        return table
    prune_versions(cache_file.parent, name, ".marshal")
    return table


def mark_used(path: Path) -> None:
    """Note that a cache file was just read, so that pruning keeps it."""
    # In a read-only cache this fails: pruning then keeps the newest instead of the last used.
    with contextlib.suppress(OSError):
        os.utime(path)


def _modified_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # removed meanwhile (another process pruning)
        return 0


def prune_versions(folder: Path, name: str, suffix: str, keep: int = KEEP_VERSIONS) -> None:
    """Remove all but the ``keep`` most recently used files ``{name}-*{suffix}`` of
    ``folder``, and temporary files older than an hour (a write that crashed)."""
    digest = "?" * 16  # as _cache_file names them: "jieba" does not take "jieba-idf" files
    versions = sorted(folder.glob(f"{name}-{digest}{suffix}"), key=_modified_ns, reverse=True)
    stale_before = (time.time() - _STALE_TEMPORARY_SECONDS) * 1e9
    temporaries = [p for p in folder.glob("*.tmp") if 0 < _modified_ns(p) < stale_before]
    for path in versions[keep:] + temporaries:
        with contextlib.suppress(OSError):  # another process pruning too
            path.unlink()
