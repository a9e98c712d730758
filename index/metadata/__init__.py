"""Metadata stage: find title, source, people, captions and body in an article's cleaned lines."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.metadata.article import build_article
    from index.metadata.script import detect_script
    from index.metadata.title import derive_title

__all__ = ["build_article", "derive_title", "detect_script"]

# Imported on first use: build_article and derive_title load the repair language model
# (jieba, pypinyin: ~0.6 s), which the reader, needing only detect_script, does not want.
_MODULES = {
    "build_article": "index.metadata.article",
    "derive_title": "index.metadata.title",
    "detect_script": "index.metadata.script",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(import_module(_MODULES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
