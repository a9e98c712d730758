"""Pinyin readings of characters and recognition of the mirror's ``(pinyin)`` annotations."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from index.table_cache import cached_table, package_file

_TONED_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
_U_UMLAUT = str.maketrans("ǖǘǚǜü", "vvvvv")
SYLLABLE = f"[a-z{_TONED_LETTERS}]{{1,7}}"


def pinyin_dict_file() -> str:
    """The file pypinyin's readings come from (tables derived from it are cached by it),
    found without importing pypinyin: its package loads phrase tables we do not use
    (~0.4 s, in every import before its worker processes start)."""
    return str(package_file("pypinyin", "pinyin_dict.py"))


@cache
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's readings: code point -> comma-separated toned syllables (cached on disk)."""
    return cached_table("pinyin-readings", [Path(pinyin_dict_file())], _read_pinyin_dict)


def _read_pinyin_dict() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


def toneless(syllable: str) -> str:
    """``jié`` -> ``jie``; ``lǜ`` -> ``lv``."""
    decomposed = unicodedata.normalize("NFD", syllable.translate(_U_UMLAUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def toned_syllables() -> frozenset[str]:
    """Every toned syllable that some character reads as."""
    return frozenset(s for value in _pinyin_dict().values() for s in value.split(","))


@cache
def readings(char: str) -> tuple[str, ...]:
    value = _pinyin_dict().get(ord(char))
    return tuple(value.split(",")) if value else ()


@lru_cache(maxsize=1 << 16)
def reading_match(char: str, syllable: str) -> float:
    """1.0 when ``char`` reads ``syllable``, 0.5 when only the tone differs, else 0.0."""
    found = readings(char)
    if syllable in found:
        return 1.0
    bare = toneless(syllable)
    return 0.5 if any(toneless(r) == bare for r in found) else 0.0


def is_annotation_syllable(text: str) -> bool:
    return text in toned_syllables()


ANNOTATION = re.compile(rf"\(({SYLLABLE})\)")
BROKEN_ANNOTATION = re.compile(rf"\?({SYLLABLE})\)")
