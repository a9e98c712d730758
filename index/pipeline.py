"""Run a dump file through every stage: read, split, repair, clean, metadata -> Articles."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.clean import clean_text
from index.ingest import ReadError, decode_bytes, split_articles
from index.ingest.read import MAX_DUMP_BYTES, too_large_message
from index.metadata import build_article
from index.model import Article
from index.repair import repair_text

__all__ = [
    "FileResult",
    "ReadError",
    "iter_dump_files",
    "process_bytes",
    "process_file",
    "process_text",
]


@dataclass(slots=True)
class FileResult:
    """The articles of one dump file, or why it could not be read (``error``, one line)."""

    path: Path
    articles: list[Article] = field(default_factory=list)
    error: str | None = None


def process_text(text: str, source_path: str) -> list[Article]:
    """Split decoded dump text into articles and repair, clean and structure each one.

    Repair-stage offsets count into ``Article.raw``; clean- and metadata-stage offsets count
    into the repaired text. Articles that cleaning leaves empty are dropped.
    """
    articles: list[Article] = []
    for raw in split_articles(text):
        repaired = repair_text(raw)
        cleaned = clean_text(repaired.text)
        if not cleaned.lines:
            continue
        articles.append(
            build_article(
                cleaned.lines,
                source_path=source_path,
                raw=raw,
                repairs=[*repaired.repairs, *cleaned.repairs],
                index_in_file=len(articles),
            )
        )
    return articles


def process_bytes(data: bytes, source_path: str) -> list[Article]:
    """Decode a dump file's bytes and process its text; raises :class:`ReadError`."""
    return process_text(decode_bytes(data).text, source_path)


def process_file(path: Path) -> FileResult:
    """Process one dump file; unreadable or undecodable files give a result with ``error``."""
    try:
        size = path.stat().st_size
        if size > MAX_DUMP_BYTES:
            return FileResult(path, error=too_large_message(size))
        data = path.read_bytes()
    except OSError as error:
        return FileResult(path, error=describe_os_error(error))
    try:
        articles = process_bytes(data, str(path))
    except ReadError as error:
        return FileResult(path, error=str(error))
    if not articles:
        return FileResult(path, error="no article text found (only markup or separators)")
    return FileResult(path, articles)


def describe_os_error(error: OSError) -> str:
    """A one-line, lower-case reason such as ``permission denied``."""
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:]


def iter_dump_files(
    paths: Iterable[Path], on_error: Callable[[Path, OSError], None] | None = None
) -> Iterator[Path]:
    """Yield the given files and, sorted, every non-hidden file under the given folders.

    Paths given explicitly are yielded even if they do not exist, so that processing reports
    them. Symlink loops are walked once; a folder that cannot be listed goes to ``on_error``.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, set(), on_error)
        else:
            yield path


def _walk(
    folder: Path, seen: set[tuple[int, int]], on_error: Callable[[Path, OSError], None] | None
) -> Iterator[Path]:
    try:
        status = folder.stat()
        identity = (status.st_dev, status.st_ino)
        if identity in seen:
            return
        seen.add(identity)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        if on_error is not None:
            on_error(folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_folder, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            continue
        if is_folder:
            yield from _walk(path, seen, on_error)
        elif is_file:
            yield path
