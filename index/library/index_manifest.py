"""Checksums of the search index's files, to notice bytes garbled since they were verified."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

__all__ = ["MANIFEST_FILE", "changed_files", "record_files"]


MANIFEST_FILE = "CHECKSUMS"
_SKIPPED = {MANIFEST_FILE, MANIFEST_FILE + ".tmp", "MAIN_WRITELOCK"}
_BLOCK = 1 << 20


def _checksum(path: Path) -> list[int]:
    """[size, modification time in ns, CRC-32] of a file."""
    crc = 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            crc = zlib.crc32(block, crc)
        stat = os.fstat(handle.fileno())
    return [stat.st_size, stat.st_mtime_ns, crc]


def _unchanged(path: Path, expected: list[int]) -> bool:
    """Same size and time as recorded (cheap), or else the same CRC-32 (reads the file)."""
    stat = path.stat()
    if [stat.st_size, stat.st_mtime_ns] == expected[:2]:
        return True
    return _checksum(path)[::2] == expected[::2]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _SKIPPED)


def _recorded(folder: Path) -> dict[str, list[int]]:
    try:
        recorded = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict):
        return {}
    return {
        name: entry
        for name, entry in recorded.items()
        if isinstance(entry, list) and len(entry) == 3 and all(type(v) is int for v in entry)
    }


def changed_files(folder: Path) -> list[str]:
    """Files whose contents differ from the manifest (files not in it are not checked).

    A file with its recorded size and modification time is taken as unchanged, so that
    opening a large library stays fast; anything that rewrote bytes in place shows up.
    """
    recorded = _recorded(folder)
    changed = []
    for path in _files(folder):
        expected = recorded.get(path.name)
        if expected is not None and not _unchanged(path, expected):
            changed.append(path.name)
    return changed


def record_files(folder: Path) -> None:
    """Write the manifest of the index's current files (call once they are known good).

    Whoosh never rewrites a file, so entries of files already recorded are kept as they are
    (they were checked at open). Best effort: without a manifest (disk full, read-only),
    files are simply not checked.
    """
    temporary = folder / (MANIFEST_FILE + ".tmp")
    try:
        known = _recorded(folder)
        manifest = {p.name: known.get(p.name) or _checksum(p) for p in _files(folder)}
        temporary.write_text(json.dumps(manifest))
        os.replace(temporary, folder / MANIFEST_FILE)
    except OSError:
        temporary.unlink(missing_ok=True)
