"""A bigger library for search benchmarks: a library's articles N times over, re-indexed.

    python bench/replicate_library.py /tmp/lib10k /tmp/lib100k-synthetic 10 --segment 5000

Each copy gets new ids and fingerprints and the same tags, so posting lists are N times as
long with the same words; the index is written in commits of ``--segment`` articles (an
import commits every 5,000, so that many makes the segments an import would). Repairs and
raw dumps are not copied. Much faster than generating and importing N times the archive, but
its queries find N copies of each article.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.library import Library
from index.library.database import DATABASE_FILE, LibraryDatabase
from index.library.health import RebuildProgress, rebuild_index
from index.search.engine import SearchIndex


def copy_articles(source: Path, target: Path, copies: int) -> int:
    """The source's articles ``copies`` times into a new database; returns how many."""
    target.mkdir(parents=True, exist_ok=True)
    (target / DATABASE_FILE).unlink(missing_ok=True)
    shutil.rmtree(target / "index", ignore_errors=True)
    with (
        sqlite3.connect(source / DATABASE_FILE) as old,
        sqlite3.connect(target / DATABASE_FILE) as new,
    ):
        old.backup(new)
    conn = sqlite3.connect(target / DATABASE_FILE)
    (last,) = conn.execute("SELECT max(id) FROM articles").fetchone()
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    rest = ", ".join(c for c in columns if c not in ("id", "fingerprint", "indexed"))
    with conn:
        conn.execute("DELETE FROM repairs")
        for copy in range(1, copies):
            conn.execute(
                f"INSERT INTO articles (id, fingerprint, indexed, {rest})"
                f" SELECT id + ?, fingerprint || '-' || ?, 0, {rest} FROM articles WHERE id <= ?",
                (copy * last, copy, last),
            )
            conn.execute(
                "INSERT INTO article_tags (article_id, tag_id, kind)"
                " SELECT article_id + ?, tag_id, kind FROM article_tags WHERE article_id <= ?",
                (copy * last, last),
            )
        conn.execute("UPDATE articles SET indexed = 0")
        conn.execute(
            "UPDATE tags SET article_count ="
            " (SELECT count(*) FROM article_tags at WHERE at.tag_id = tags.id)"
        )
    (count,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    conn.close()
    return int(count)


def index_all(folder: Path, segment: int) -> None:
    """Index every article in commits of ``segment``, then let the library check it."""
    database = LibraryDatabase(folder)
    index = SearchIndex(folder / "index")

    def report(progress: RebuildProgress) -> None:
        print(f"indexed {progress.done:,} of {progress.total:,}", flush=True)

    rebuild_index(database, index, "replica", report, chunk_size=segment)
    index.close()
    Library(folder).close()  # the open-time check records the index's files


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("source", type=Path, help="a library folder (read only)")
    parser.add_argument("target", type=Path, help="the new library folder")
    parser.add_argument("copies", type=int)
    parser.add_argument("--segment", type=int, default=5000, help="articles per commit")
    args = parser.parse_args()
    start = time.perf_counter()
    count = copy_articles(args.source, args.target, args.copies)
    print(f"{count:,} articles", flush=True)
    index_all(args.target, args.segment)
    print(f"done in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
