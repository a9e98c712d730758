"""Helpers for the reliability tests: write damaged dumps, read a library's state from disk."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from bench.damage import damaged_documents
from index.library.database import DATABASE_FILE
from index.library.health import indexed_ids
from index.library.library import INDEX_FOLDER


def write_dumps(folder: Path, count: int, seed: int = 5) -> list[Path]:
    """``count`` damaged page dumps, each a different article."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, document in enumerate(damaged_documents(count, seed=seed, sentences=6)):
        path = folder / f"{number:04d}.txt"
        day = number % 28 + 1
        path.write_text(
            f"報道第{number}號\n\n來源:江門日報  發表時間:2024-03-{day:02d} 08:00\n\n"
            f"{document.damaged}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def integrity(library: Path) -> str:
    """``PRAGMA integrity_check`` of the library's database ("ok" when sound)."""
    conn = sqlite3.connect(library / DATABASE_FILE)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def database_ids(library: Path) -> set[int]:
    conn = sqlite3.connect(library / DATABASE_FILE)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()


def fingerprint_counts(library: Path) -> Counter[str]:
    conn = sqlite3.connect(library / DATABASE_FILE)
    try:
        return Counter(row[0] for row in conn.execute("SELECT fingerprint FROM articles"))
    finally:
        conn.close()


def index_ids(library: Path) -> Counter[int]:
    """How many live documents of the Whoosh index hold each article id."""
    return indexed_ids(library / INDEX_FOLDER)
