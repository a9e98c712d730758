"""Bodies, raw texts and repairs are stored compressed; bodies stored as text still read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from index.library import Library
from index.library.database import DATABASE_FILE
from index.library.importer import run_import
from tests.helpers.library_articles import LU_XUN, fake_pipeline, touch_files


def test_bodies_are_compressed_and_older_text_bodies_still_read(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        run_import(
            library.database,
            library.index,
            touch_files(tmp_path, ["b.txt"]),
            process=fake_pipeline({"b.txt": [LU_XUN]}),
        )
    conn = sqlite3.connect(tmp_path / "lib" / DATABASE_FILE)
    (article_id, kind, size), *_ = conn.execute(
        "SELECT id, typeof(body), length(body) FROM articles"
    ).fetchall()
    assert kind == "blob" and size > 0
    with Library(tmp_path / "lib") as library:
        assert library.get_article(article_id).body == LU_XUN.body  # type: ignore[union-attr]
    with conn:  # a row as an earlier version stored it
        conn.execute("UPDATE articles SET body = ? WHERE id = ?", (LU_XUN.body, article_id))
    conn.close()
    with Library(tmp_path / "lib") as library:
        assert library.get_article(article_id).body == LU_XUN.body  # type: ignore[union-attr]
        assert library.search("鲁迅").total == 1
