"""All SQLite access of the library: one connection per thread, WAL, schema migration."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar, cast

import sqlite_utils

from index.library.errors import LibraryError, describe_sqlite_error
from index.library.records import (
    ArticleSummary,
    ImportSummary,
    StoredArticle,
    TagCount,
)
from index.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from index.library.stored_form import (
    StoredBlobs,
    decode_repairs,
    decompress_raw,
    stored_blobs,
    stored_text,
)
from index.model import Article
from index.tags.tag import Tag, TagKind

__all__ = ["DATABASE_FILE", "SORT_KEYS", "LibraryDatabase", "SortKey", "TagFilter", "now_iso"]

DATABASE_FILE = "library.db"
SortKey = Literal["published", "title", "outlet", "imported"]
SORT_KEYS: tuple[SortKey, ...] = ("published", "title", "outlet", "imported")
_ORDER = {"published": "published", "title": "title", "outlet": "outlet", "imported": "id"}
# A filter on the article list: a tag of a given kind, or (None, name) for a name of any kind.
TagFilter = tuple[TagKind | None, str]

P = ParamSpec("P")
R = TypeVar("R")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Turn SQLite failures a user can act on into :class:`LibraryError`; bugs stay loud."""

    @wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except (sqlite3.Error, OSError) as error:
            database = cast("LibraryDatabase", args[0])
            known = describe_sqlite_error(error, f"the library {database.folder}")
            if known is None:
                raise
            raise known from error

    return wrapper


class LibraryDatabase:
    """The library's ``library.db``. Methods may be called from any thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DATABASE_FILE
        self._local = threading.local()
        self._open()

    @_guarded
    def _open(self) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise LibraryError(f"{self.folder} is a file, not a library folder")
        if not self.path.exists() and _has_visible_files(self.folder):
            raise LibraryError(
                f"{self.folder} is not an Archive Reader library (it holds other files);"
                " choose an empty folder or an existing library"
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        conn = self.db.conn
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != APPLICATION_ID and (version or tables):
            raise LibraryError(f"{self.path} is not an Archive Reader library")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was made by a newer Archive Reader (schema {version});"
                " update the program"
            )
        conn.execute("PRAGMA journal_mode=WAL")
        for target in range(version, SCHEMA_VERSION):
            conn.executescript(
                f"BEGIN; {MIGRATIONS[target]}; PRAGMA application_id={APPLICATION_ID};"
                f" PRAGMA user_version={target + 1}; COMMIT;"
            )

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection."""
        database: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if database is None:
            conn = sqlite3.connect(self.path, timeout=5.0)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            database = sqlite_utils.Database(conn)
            self._local.db = database
        return database

    def close(self) -> None:
        """Close this thread's connection."""
        database: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if database is not None:
            database.conn.close()
            self._local.db = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all."""
        conn = self.db.conn
        try:
            with conn:
                if not conn.in_transaction:
                    conn.execute("BEGIN")
                yield
        except (sqlite3.Error, OSError) as error:
            known = describe_sqlite_error(error, f"the library {self.folder}")
            if known is None:
                raise
            raise known from error

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside :meth:`transaction`: what is done inside is kept, or undone if it raises,
        while the transaction goes on."""
        execute = self.db.conn.execute
        execute("SAVEPOINT part")
        try:
            yield
        except BaseException:
            execute("ROLLBACK TO part")
            execute("RELEASE part")
            raise
        execute("RELEASE part")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.db.execute(sql, params).fetchall())

    # Imports -------------------------------------------------------------------------------

    @_guarded
    def start_import(self, paths: Sequence[Path]) -> int:
        with self.db.conn:
            cursor = self.db.execute(
                "INSERT INTO imports (started_at, paths) VALUES (?, ?)",
                (now_iso(), json.dumps([str(p) for p in paths], ensure_ascii=False)),
            )
        return int(cursor.lastrowid or 0)

    @_guarded
    def finish_import(self, import_id: int, summary: ImportSummary, status: str) -> None:
        errors = json.dumps([e.to_json() for e in summary.errors], ensure_ascii=False)
        with self.db.conn:
            self.db.execute(
                "UPDATE imports SET finished_at = ?, status = ?, files = ?, added = ?,"
                " duplicates = ?, errors = ? WHERE id = ?",
                (
                    now_iso(),
                    status,
                    summary.files,
                    summary.added,
                    summary.duplicates,
                    errors,
                    import_id,
                ),
            )

    @_guarded
    def imports(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.db.query("SELECT * FROM imports ORDER BY id")]

    # Storing -------------------------------------------------------------------------------

    @_guarded
    def has_fingerprint(self, fingerprint: str) -> bool:
        found = self._rows("SELECT 1 FROM articles WHERE fingerprint = ?", (fingerprint,))
        return bool(found)

    def insert_article(
        self,
        article: Article,
        fingerprint: str,
        tags: Sequence[Tag],
        import_id: int | None,
        imported_at: str,
        blobs: StoredBlobs | None = None,
    ) -> int | None:
        """Store an article, its repairs and tags; None if its fingerprint is already there.

        Call inside :meth:`transaction` so that the three parts commit together. ``blobs``:
        the article's :func:`stored_blobs`, if a worker process made them already.
        """
        if blobs is None:
            blobs = stored_blobs(article)
        execute = self.db.conn.execute
        cursor = execute(
            "INSERT OR IGNORE INTO articles (fingerprint, title, title_derived, subtitle, body,"
            " raw, outlet, published, authors, editors, captions, subheadings, script,"
            " source_path, index_in_file, imported_at, import_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                fingerprint,
                article.title,
                int(article.title_derived),
                article.subtitle,
                blobs.body,
                blobs.raw,
                article.outlet,
                article.published,
                _json_list(article.authors),
                _json_list(article.editors),
                _json_list(article.captions),
                _json_list(article.subheadings),
                article.script,
                article.source_path,
                article.index_in_file,
                imported_at,
                import_id,
            ),
        )
        if cursor.rowcount == 0:
            return None
        article_id = int(cursor.lastrowid or 0)
        if blobs.repairs is not None:
            execute(
                "INSERT INTO repairs (article_id, count, data) VALUES (?, ?, ?)",
                (article_id, blobs.repair_count, blobs.repairs),
            )
        self._tag_new_article(article_id, tags)
        return article_id

    def _tag_new_article(self, article_id: int, tags: Sequence[Tag]) -> None:
        """Attach tags to an article just inserted: as it has no tags yet, each distinct tag
        is new to it and its count can go up as the tag is looked up (two statements a tag
        instead of :meth:`_attach_tag`'s three; tagging is a third of storing's SQL)."""
        execute = self.db.conn.execute
        links = []
        for tag in dict.fromkeys(tags):
            tag_id = execute(
                "INSERT INTO tags (kind, name, article_count) VALUES (?, ?, 1)"
                " ON CONFLICT (kind, name) DO UPDATE SET article_count = article_count + 1"
                " RETURNING id",
                (tag.kind, tag.name),
            ).fetchone()[0]
            links.append((article_id, tag_id, tag.kind))
        self.db.conn.executemany(
            "INSERT INTO article_tags (article_id, tag_id, kind) VALUES (?, ?, ?)", links
        )

    def _attach_tag(self, article_id: int, tag: Tag) -> bool:
        execute = self.db.conn.execute
        tag_id = execute(
            "INSERT INTO tags (kind, name) VALUES (?, ?)"
            " ON CONFLICT (kind, name) DO UPDATE SET kind = kind RETURNING id",
            (tag.kind, tag.name),
        ).fetchone()[0]
        cursor = execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id, kind) VALUES (?, ?, ?)",
            (article_id, tag_id, tag.kind),
        )
        if cursor.rowcount == 0:
            return False
        execute("UPDATE tags SET article_count = article_count + 1 WHERE id = ?", (tag_id,))
        return True

    # Index bookkeeping ---------------------------------------------------------------------

    @_guarded
    def unindexed_ids(self) -> list[int]:
        return [row[0] for row in self._rows("SELECT id FROM articles WHERE indexed = 0")]

    @_guarded
    def indexed_count(self) -> int:
        # Two index-only counts: reading the flag from 100k rows would read their text too.
        total = self._rows("SELECT count(*) FROM articles")[0][0]
        pending = self._rows("SELECT count(*) FROM articles WHERE indexed = 0")[0][0]
        return int(total - pending)

    @_guarded
    def all_ids(self) -> list[int]:
        return [row[0] for row in self._rows("SELECT id FROM articles ORDER BY id")]

    @_guarded
    def mark_indexed(self, ids: Sequence[int], indexed: bool = True) -> None:
        with self.db.conn:
            self.db.conn.executemany(
                "UPDATE articles SET indexed = ? WHERE id = ?", [(int(indexed), i) for i in ids]
            )

    @_guarded
    def mark_all_unindexed(self) -> None:
        with self.db.conn:
            self.db.execute("UPDATE articles SET indexed = 0 WHERE indexed = 1")

    @_guarded
    def index_rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """Title, searchable text, outlet, date and tag names of these articles."""
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows += self.db.query(
                "SELECT id, title, subtitle, body, captions, subheadings, outlet, published"
                f" FROM articles WHERE id IN ({marks}) ORDER BY id",
                chunk,
            )
        names = self._tag_names(ids)
        for row in rows:
            row["tags"] = names.get(row["id"], [])
            row["body"] = stored_text(row["body"])
        return rows

    def _tag_names(self, ids: Sequence[int]) -> dict[int, list[str]]:
        names: dict[int, list[str]] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for article_id, name in self._rows(
                "SELECT at.article_id, t.name FROM article_tags at JOIN tags t"
                f" ON t.id = at.tag_id WHERE at.article_id IN ({marks})",
                chunk,
            ):
                names.setdefault(article_id, []).append(name)
        return names

    # Reading -------------------------------------------------------------------------------

    @_guarded
    def article_count(self, filters: Sequence[TagFilter] = ()) -> int:
        where, params = self._filter_sql(filters)
        return int(self._rows(f"SELECT count(*) FROM articles{where}", params)[0][0])

    @_guarded
    def get_article(self, article_id: int) -> StoredArticle | None:
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            return None
        row = rows[0]
        stored = self._rows("SELECT data FROM repairs WHERE article_id = ?", (article_id,))
        body = stored_text(row["body"])
        raw = decompress_raw(row["raw"], body)
        repairs = tuple(decode_repairs(stored[0][0], raw) if stored else [])
        return StoredArticle(
            id=row["id"],
            fingerprint=row["fingerprint"],
            title=row["title"],
            title_derived=bool(row["title_derived"]),
            subtitle=row["subtitle"],
            body=body,
            raw=raw,
            outlet=row["outlet"],
            published=row["published"],
            authors=json.loads(row["authors"]),
            editors=json.loads(row["editors"]),
            captions=json.loads(row["captions"]),
            subheadings=json.loads(row["subheadings"]),
            script=row["script"],
            source_path=row["source_path"],
            index_in_file=row["index_in_file"],
            imported_at=row["imported_at"],
            tags=self.article_tags(article_id),
            repairs=repairs,
        )

    @_guarded
    def article_tags(self, article_id: int) -> tuple[Tag, ...]:
        return self._tags_of([article_id]).get(article_id, ())

    @_guarded
    def tags_of(self, ids: Sequence[int]) -> dict[int, tuple[Tag, ...]]:
        """The tags of each of these articles (those with none are left out): one query per
        500 ids rather than one per article."""
        return self._tags_of(ids)

    def _tags_of(self, ids: Sequence[int]) -> dict[int, tuple[Tag, ...]]:
        found: dict[int, list[Tag]] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for article_id, kind, name in self._rows(
                "SELECT at.article_id, t.kind, t.name FROM article_tags at JOIN tags t"
                f" ON t.id = at.tag_id WHERE at.article_id IN ({marks})",
                chunk,
            ):
                found.setdefault(article_id, []).append(Tag(kind, name))
        order = {"outlet": 0, "date": 1, "place": 2, "topic": 3, "user": 4}
        return {
            i: tuple(sorted(tags, key=lambda t: (order[t.kind], t.name)))
            for i, tags in found.items()
        }

    @_guarded
    def summaries(
        self,
        filters: Sequence[TagFilter] = (),
        offset: int = 0,
        limit: int = 100,
        sort: SortKey = "published",
        descending: bool = True,
        with_tags: bool = True,
    ) -> list[ArticleSummary]:
        """One page of the article list, filtered to articles carrying every tag filter."""
        where, params = self._filter_sql(filters)
        direction = "DESC" if descending else "ASC"
        column = _ORDER[sort]
        rows = self._rows(
            f"SELECT id, title, outlet, published FROM articles{where}"
            f" ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        tags = self._tags_of([row[0] for row in rows]) if with_tags else {}
        return [ArticleSummary(r[0], r[1], r[2], r[3], tags.get(r[0], ())) for r in rows]

    @_guarded
    def summaries_by_id(self, ids: Sequence[int]) -> dict[int, tuple[ArticleSummary, str]]:
        """Summary and body of each article (for search hits)."""
        found: dict[int, tuple[ArticleSummary, str]] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for i, title, outlet, published, body in self._rows(
                f"SELECT id, title, outlet, published, body FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                found[i] = (ArticleSummary(i, title, outlet, published), stored_text(body))
        return found

    def _filter_sql(self, filters: Sequence[TagFilter]) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for kind, name in filters:
            subquery = "SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
            if kind is None:
                clauses.append(f"id IN ({subquery} WHERE t.name = ?)")
                params.append(name)
            else:
                clauses.append(f"id IN ({subquery} WHERE t.kind = ? AND t.name = ?)")
                params += [kind, name]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    @_guarded
    def tag_counts(self, kind: TagKind | None = None) -> list[TagCount]:
        where = "WHERE article_count > 0" + (" AND kind = ?" if kind else "")
        rows = self._rows(
            f"SELECT kind, name, article_count FROM tags {where}"
            " ORDER BY kind, article_count DESC, name",
            [kind] if kind else [],
        )
        return [TagCount(Tag(k, n), c) for k, n, c in rows]

    # User tags -----------------------------------------------------------------------------

    @_guarded
    def article_exists(self, article_id: int) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    @_guarded
    def add_tag(self, article_id: int, tag: Tag) -> bool:
        """Attach a tag; False if the article already had it."""
        with self.db.conn:
            return self._attach_tag(article_id, tag)

    @_guarded
    def remove_tag(self, article_id: int, name: str, kind: TagKind | None = None) -> int:
        """Detach tags with this name (of this kind, or any kind); returns how many."""
        with self.db.conn:
            rows = self._rows(
                "SELECT t.id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE at.article_id = ? AND t.name = ?" + (" AND t.kind = ?" if kind else ""),
                [article_id, name, *([kind] if kind else [])],
            )
            for (tag_id,) in rows:
                self.db.execute(
                    "DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
                    (article_id, tag_id),
                )
                self.db.execute(
                    "UPDATE tags SET article_count = article_count - 1 WHERE id = ?", (tag_id,)
                )
        return len(rows)


def _json_list(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def _chunks(values: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def _has_visible_files(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    return any(not entry.name.startswith(".") for entry in folder.iterdir())
