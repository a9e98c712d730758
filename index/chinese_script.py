"""Character-level traditional/simplified tables built once from OpenCC's own dictionary files."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import opencc

# Characters outside the Basic Multilingual Plane, which tables made as lists over it leave out.
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


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
    """``text`` with traditional characters folded to simplified ones, one for one.

    Through a list over the BMP: ``str.translate`` with a dict raises (and clears) a
    KeyError for every character the table lacks, most of them; a list holds every
    character and raises nothing (twice as fast on a long text).
    """
    if ASTRAL.search(text) is not None:  # rare: the list only covers the BMP
        return text.translate(fold_table())
    return text.translate(_fold_list())


@cache
def _fold_list() -> list[int | str]:
    """``fold_table()`` as a list over the BMP: the folded form, or the code point itself."""
    table: list[int | str] = list(range(0x10000))
    for code, simplified in fold_table().items():
        if code < 0x10000:
            table[code] = simplified
    return table


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
