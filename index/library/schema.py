"""The library database schema, its version, and the migrations between versions."""

from __future__ import annotations

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION"]

# PRAGMA application_id: marks a SQLite file as an Archive Reader library ("ARLB").
APPLICATION_ID = 0x41524C42

_VERSION_1 = """
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    paths TEXT NOT NULL,              -- JSON list of the paths given
    status TEXT NOT NULL DEFAULT 'running',  -- running, done, cancelled, interrupted
    files INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    errors TEXT NOT NULL DEFAULT '[]' -- JSON list of {path, reason}
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_derived INTEGER NOT NULL DEFAULT 0,
    subtitle TEXT,
    body TEXT NOT NULL,               -- paragraphs joined by newlines
    raw BLOB NOT NULL,                -- the dump text, UTF-8, zlib-compressed
    outlet TEXT,
    published TEXT,                   -- ISO 8601, "2025-07-10T07:30"
    authors TEXT NOT NULL DEFAULT '[]',
    editors TEXT NOT NULL DEFAULT '[]',
    captions TEXT NOT NULL DEFAULT '[]',
    subheadings TEXT NOT NULL DEFAULT '[]',
    script TEXT NOT NULL,
    source_path TEXT NOT NULL,
    index_in_file INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    import_id INTEGER REFERENCES imports(id),
    indexed INTEGER NOT NULL DEFAULT 0 -- 1 once the search index holds it
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_unindexed ON articles(id) WHERE indexed = 0;
-- An article's repairs, hundreds on a damaged page, kept together: zlib-compressed JSON,
-- a list of [offset, before, after, reason, confidence, stage]. One row per article keeps
-- the library small (a row per repair tripled its size).
CREATE TABLE repairs (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('outlet', 'place', 'topic', 'date', 'user')),
    name TEXT NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, name)
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id),
    kind TEXT NOT NULL,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);
"""

# Version 2: list pages sort by (published, id) straight from an index, newest first.
_VERSION_2 = """
DROP INDEX articles_published;
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_outlet ON articles(outlet, id);
"""

# MIGRATIONS[n] brings a database from version n to n + 1. Append, never edit.
MIGRATIONS: tuple[str, ...] = (_VERSION_1, _VERSION_2)
SCHEMA_VERSION = len(MIGRATIONS)
