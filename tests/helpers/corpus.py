"""Paths of the bundled sample archive used by golden tests."""

from __future__ import annotations

from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "resources" / "corpus"
PAGE_DUMP = CORPUS_DIR / "000_eb61add4d329f913.txt"
FEED_DUMP = CORPUS_DIR / "003_e09b8073dc7c6a6f.txt"
FEED_DUMP_ARTICLES = 9
