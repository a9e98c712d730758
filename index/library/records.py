"""Records the library hands out: stored articles, list rows, tag counts, import results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from index.model import Repair
from index.search.snippets import Snippet
from index.tags.tag import Tag

__all__ = [
    "ArticleSummary",
    "CancelCheck",
    "FileError",
    "ImportProgress",
    "ImportSummary",
    "ProgressCallback",
    "SearchHit",
    "SearchResults",
    "StoredArticle",
    "TagCount",
]


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    tags: tuple[Tag, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "tags": [{"kind": t.kind, "name": t.name} for t in self.tags],
        }


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as kept in the library, with its tags and repairs."""

    id: int
    fingerprint: str
    title: str
    title_derived: bool
    subtitle: str | None
    body: str
    raw: str
    outlet: str | None
    published: str | None
    authors: list[str]
    editors: list[str]
    captions: list[str]
    subheadings: list[str]
    script: str
    source_path: str
    index_in_file: int
    imported_at: str
    tags: tuple[Tag, ...] = ()
    repairs: tuple[Repair, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n") if self.body else []

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fingerprint": self.fingerprint,
            "title": self.title,
            "title_derived": self.title_derived,
            "subtitle": self.subtitle,
            "outlet": self.outlet,
            "published": self.published,
            "authors": self.authors,
            "editors": self.editors,
            "captions": self.captions,
            "subheadings": self.subheadings,
            "paragraphs": self.paragraphs,
            "body": self.body,
            "script": self.script,
            "source_path": self.source_path,
            "index_in_file": self.index_in_file,
            "imported_at": self.imported_at,
            "tags": [{"kind": t.kind, "name": t.name} for t in self.tags],
            "repairs": [r.to_json() for r in self.repairs],
            "raw": self.raw,
        }


@dataclass(frozen=True, slots=True)
class TagCount:
    tag: Tag
    count: int

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.tag.kind, "name": self.tag.name, "count": self.count}


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    title: str
    outlet: str | None
    published: str | None
    score: float
    snippet: Snippet

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "score": round(self.score, 4),
            "snippet": self.snippet.text,
            "highlights": [list(span) for span in self.snippet.highlights],
        }


@dataclass(slots=True)
class SearchResults:
    """A page of hits and the number of matching articles."""

    query: str
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    total_is_exact: bool = True  # False: ``total`` is an estimate ("about N")

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "total_is_exact": self.total_is_exact,
            "hits": [h.to_json() for h in self.hits],
        }


@dataclass(frozen=True, slots=True)
class FileError:
    path: Path
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Reported after each file: the GUI draws a progress bar from it."""

    files_done: int
    files_total: int
    added: int
    duplicates: int
    errors: int
    current: Path | None


@dataclass(slots=True)
class ImportSummary:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[FileError] = field(default_factory=list)
    cancelled: bool = False
    characters: int = 0  # of the added articles' text, for throughput figures

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "added": self.added,
            "duplicates": self.duplicates,
            "errors": [e.to_json() for e in self.errors],
            "cancelled": self.cancelled,
        }


ProgressCallback: TypeAlias = Callable[[ImportProgress], None]
CancelCheck: TypeAlias = Callable[[], bool]
