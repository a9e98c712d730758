"""Tell traditional from simplified Chinese with character tables taken from OpenCC's dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from index.chinese_script import ASTRAL, simplified_only, traditional_only
from index.model import Script

# Below this share of the script-specific characters, the minority script counts as noise
# (a stray conversion slip or an unrepaired damaged character), not as mixed text.
_MIXED_MINORITY_SHARE = 0.05
# An article's opening is enough to tell its script; a 20 MB article needs no full count.
_SAMPLE = 4000
_TRADITIONAL_MARK = "\x01"
_SIMPLIFIED_MARK = "\x02"


@dataclass(frozen=True, slots=True)
class ScriptTables:
    """Characters that only one of the two scripts uses."""

    traditional_only: frozenset[str]
    simplified_only: frozenset[str]


@cache
def script_tables() -> ScriptTables:
    """The shared tables of ``index.chinese_script``, built once from OpenCC's dictionary."""
    return ScriptTables(traditional_only(), simplified_only())


def detect_script(text: str) -> Script:
    """``traditional``, ``simplified`` or ``mixed``; text with no script-specific character is
    simplified."""
    traditional, simplified = script_counts(text[:_SAMPLE])
    minority = min(traditional, simplified)
    if minority > _MIXED_MINORITY_SHARE * (traditional + simplified):
        return "mixed"
    return "traditional" if traditional > simplified else "simplified"


def script_counts(text: str) -> tuple[int, int]:
    """How many characters of ``text`` only traditional writing uses, and how many only
    simplified writing uses.

    One ``str.translate`` marks every character with its class, and ``str.count`` counts
    the marks: four times as fast as asking the two sets about each character, which
    makes every character a new string to hash.
    """
    marked = text.translate(_class_table())
    traditional = marked.count(_TRADITIONAL_MARK)
    simplified = marked.count(_SIMPLIFIED_MARK)
    if ASTRAL.search(text) is not None:  # rare: the table only covers the BMP
        tables = script_tables()
        for char in ASTRAL.findall(text):
            traditional += char in tables.traditional_only
            simplified += char in tables.simplified_only
    return traditional, simplified


@cache
def _class_table() -> list[int]:
    """A ``str.translate`` table over the BMP: each character to the code point of its mark
    (``\\x01`` traditional only, ``\\x02`` simplified only) or 0; a list is indexed faster
    than a dict is looked up, and a character it lacks is no exception raised."""
    table = [0] * 0x10000
    tables = script_tables()
    for chars, mark in (
        (tables.traditional_only, _TRADITIONAL_MARK),
        (tables.simplified_only, _SIMPLIFIED_MARK),
    ):
        for char in chars:
            if ord(char) < 0x10000:
                table[ord(char)] = ord(mark)
    return table
