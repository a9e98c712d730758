"""The index's manifest: checksums of its files and, when known, the ids it holds.

``CHECKSUMS`` in the index folder records each file's size, modification time and CRC-32, to
notice bytes garbled since they were verified, and the :class:`IdSummary` of the articles the
index held when it was last known to agree with the database (see ``health.index_vouched``).
Format 2 is ``{"format": 2, "files": {name: [size, mtime_ns, crc]}, "articles": [...] | null}``;
format 1 (before the summary) was the bare ``files`` mapping, and is still read for its files.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from index.library.id_summary import IdSummary

__all__ = [
    "MANIFEST_FILE",
    "MANIFEST_FORMAT",
    "Manifest",
    "changed_files",
    "files_as_recorded",
    "read_manifest",
    "record_files",
]


MANIFEST_FILE = "CHECKSUMS"
MANIFEST_FORMAT = 2
_SKIPPED = {MANIFEST_FILE, MANIFEST_FILE + ".tmp", "MAIN_WRITELOCK"}
_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Manifest:
    """What ``CHECKSUMS`` says: [size, mtime in ns, CRC-32] per file name, and the summary of
    the article ids the index held when written (None: unknown, or an older format)."""

    files: dict[str, list[int]] = field(default_factory=dict)
    articles: IdSummary | None = None


def _checksum(path: Path) -> list[int]:
    """[size, modification time in ns, CRC-32] of a file."""
    crc = 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            crc = zlib.crc32(block, crc)
        stat = os.fstat(handle.fileno())
    return [stat.st_size, stat.st_mtime_ns, crc]


def _stat(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def _unchanged(path: Path, expected: list[int]) -> bool:
    """Same size and time as recorded (cheap), or else the same CRC-32 (reads the file)."""
    if _stat(path) == expected[:2]:
        return True
    return _checksum(path)[::2] == expected[::2]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _SKIPPED)


def _file_entries(value: object) -> dict[str, list[int]]:
    if not isinstance(value, dict):
        return {}
    return {
        name: entry
        for name, entry in value.items()
        if isinstance(entry, list) and len(entry) == 3 and all(type(v) is int for v in entry)
    }


def read_manifest(folder: Path) -> Manifest:
    """The manifest in ``folder``; an empty one if missing or unreadable."""
    try:
        recorded = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return Manifest()
    if not isinstance(recorded, dict):
        return Manifest()
    if "format" not in recorded:  # format 1: files only
        return Manifest(_file_entries(recorded))
    if recorded["format"] != MANIFEST_FORMAT:
        return Manifest()
    files = _file_entries(recorded.get("files"))
    return Manifest(files, IdSummary.from_json(recorded.get("articles")))


def changed_files(folder: Path) -> list[str]:
    """Files whose contents differ from the manifest (files not in it are not checked).

    A file with its recorded size and modification time is taken as unchanged; else its
    CRC-32 is compared (so anything that rewrote bytes in place shows up).
    """
    recorded = read_manifest(folder).files
    changed = []
    for path in _files(folder):
        expected = recorded.get(path.name)
        if expected is not None and not _unchanged(path, expected):
            changed.append(path.name)
    return changed


def files_as_recorded(folder: Path, manifest: Manifest) -> bool:
    """True if the folder holds exactly the manifest's files, each with its recorded size and
    modification time. Never reads a file: for the open-time fast path."""
    try:
        current = {path.name: _stat(path) for path in _files(folder)}
    except OSError:
        return False
    recorded = manifest.files
    return current.keys() == recorded.keys() and all(
        current[name] == entry[:2] for name, entry in recorded.items()
    )


def _entry(path: Path, known: list[int] | None) -> list[int]:
    """The manifest entry of a file: the recorded one while its size and time are unchanged,
    a fresh one if its size and time moved but its bytes did not (a copied library)."""
    if known is None:
        return _checksum(path)
    if _stat(path) == known[:2]:
        return known
    current = _checksum(path)
    return current if current[::2] == known[::2] else known  # changed: keep it noticed


def record_files(folder: Path, articles: IdSummary | None) -> None:
    """Write the manifest of the index's current files (call once they are known sound).

    ``articles``: the summary of the ids the index holds, each once, given only at a moment
    the index is known to agree with the database (else None, and the next open checks it
    in full). Whoosh never rewrites a file, so entries already recorded are kept; a file whose
    bytes no longer match its entry keeps that entry, so the next full check still sees it.
    Best effort: without a manifest (disk full, read-only), files are simply not checked.
    """
    temporary = folder / (MANIFEST_FILE + ".tmp")
    try:
        known = read_manifest(folder).files
        files = {p.name: _entry(p, known.get(p.name)) for p in _files(folder)}
        manifest = {
            "format": MANIFEST_FORMAT,
            "files": files,
            "articles": None if articles is None else articles.to_json(),
        }
        temporary.write_text(json.dumps(manifest))
        os.replace(temporary, folder / MANIFEST_FILE)
    except OSError:
        temporary.unlink(missing_ok=True)
