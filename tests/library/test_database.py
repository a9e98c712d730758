"""Opening library folders: creation, schema version, and clear errors for bad folders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.library import Library, LibraryError
from index.library.database import DATABASE_FILE, LibraryDatabase
from index.library.schema import APPLICATION_ID, SCHEMA_VERSION


def test_a_new_library_gets_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    LibraryDatabase(tmp_path / "lib")
    conn = sqlite3.connect(tmp_path / "lib" / DATABASE_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "repairs", "tags", "article_tags", "imports"} <= tables


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    database = LibraryDatabase(tmp_path)
    import_id = database.start_import([tmp_path])
    database.close()
    assert LibraryDatabase(tmp_path).imports()[0]["id"] == import_id


def test_a_folder_with_other_files_is_not_a_library(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(LibraryError, match="is not an Archive Reader library"):
        Library(tmp_path)


def test_a_file_is_not_a_library_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(LibraryError, match="is a file"):
        Library(tmp_path / "file")


def test_a_damaged_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="damaged or is not an Archive Reader library"):
        Library(tmp_path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DATABASE_FILE)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not an Archive Reader library"):
        Library(tmp_path)


def test_a_newer_schema_asks_for_an_update(tmp_path: Path) -> None:
    LibraryDatabase(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DATABASE_FILE)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer Archive Reader"):
        Library(tmp_path)


def test_a_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    database = LibraryDatabase(tmp_path)
    blocker = sqlite3.connect(tmp_path / DATABASE_FILE, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    database.db.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(LibraryError, match="busy"):
            database.start_import([tmp_path])
    finally:
        blocker.execute("ROLLBACK")


def test_an_older_schema_is_migrated_keeping_its_data(tmp_path: Path) -> None:
    from index.library.schema import MIGRATIONS

    conn = sqlite3.connect(tmp_path / DATABASE_FILE)
    conn.executescript(
        f"BEGIN; {MIGRATIONS[0]}; PRAGMA application_id={APPLICATION_ID};"
        " PRAGMA user_version=1; COMMIT;"
    )
    conn.execute("INSERT INTO imports (started_at, paths) VALUES ('2025-01-01', '[]')")
    conn.commit()
    conn.close()
    database = LibraryDatabase(tmp_path)
    version = database.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION > 1
    assert len(database.imports()) == 1
