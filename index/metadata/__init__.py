"""Metadata stage: find title, source, people, captions and body in an article's cleaned lines."""

from index.metadata.article import build_article
from index.metadata.script import detect_script
from index.metadata.title import derive_title

__all__ = ["build_article", "derive_title", "detect_script"]
