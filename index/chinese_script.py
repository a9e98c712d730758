"""Character-level traditional/simplified tables built once from OpenCC's own dictionary files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import opencc


def opencc_dictionary(name: str) -> Path:
    """A dictionary file shipped inside opencc-python-reimplemented (``TSCharacters.txt``)."""
    return Path(opencc.__file__).parent / "dictionary" / name


def _read_pairs(name: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    with opencc_dictionary(name).open(encoding="utf-8") as handle:
        for line in handle:
            source, _, targets = line.rstrip("\n").partition("\t")
            if len(source) == 1 and targets:
                pairs[source] = targets.split(" ")[0]
    return pairs


@cache
def traditional_to_simplified() -> dict[str, str]:
    """Map each traditional character to its usual simplified form (character level only)."""
    return {t: s for t, s in _read_pairs("TSCharacters.txt").items() if len(s) == 1 and t != s}


@cache
def fold_table() -> dict[int, str]:
    """A ``str.translate`` table that folds traditional characters to simplified ones."""
    return {ord(t): s for t, s in traditional_to_simplified().items()}


def fold_to_simplified(text: str) -> str:
    return text.translate(fold_table())


@cache
def _character_forms(name: str) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    with opencc_dictionary(name).open(encoding="utf-8") as handle:
        for line in handle:
            source, _, targets = line.rstrip("\n").partition("\t")
            if source and targets:
                forms[source] = targets.split()
    return forms


@cache
def traditional_only() -> frozenset[str]:
    """Characters that only traditional writing uses (``學``, ``們``)."""
    traditional = _character_forms("TSCharacters.txt")
    simplified = _character_forms("STCharacters.txt")
    return frozenset({c for c, forms in traditional.items() if c not in forms} - simplified.keys())


@cache
def simplified_only() -> frozenset[str]:
    """Characters that only simplified writing uses (``学``, ``们``)."""
    traditional = _character_forms("TSCharacters.txt")
    simplified = _character_forms("STCharacters.txt")
    return frozenset({c for c, forms in simplified.items() if c not in forms} - traditional.keys())
