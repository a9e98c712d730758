"""The article library: SQLite store, import, tags and search, behind :class:`Library`."""

from index.library.errors import LibraryError
from index.library.library import Library
from index.library.location import ENVIRONMENT_VARIABLE, resolve_library_dir
from index.library.lock import LibraryBusyError
from index.library.records import (
    ArticleSummary,
    FileError,
    ImportProgress,
    ImportSummary,
    SearchHit,
    SearchResults,
    StoredArticle,
    TagCount,
)

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "ArticleSummary",
    "FileError",
    "ImportProgress",
    "ImportSummary",
    "Library",
    "LibraryBusyError",
    "LibraryError",
    "SearchHit",
    "SearchResults",
    "StoredArticle",
    "TagCount",
    "resolve_library_dir",
]
