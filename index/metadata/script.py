"""Tell traditional from simplified Chinese with character tables taken from OpenCC's dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from index.model import Script

# Below this share of the script-specific characters, the minority script counts as noise
# (a stray conversion slip or an unrepaired damaged character), not as mixed text.
_MIXED_MINORITY_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class ScriptTables:
    """Characters that only one of the two scripts uses."""

    traditional_only: frozenset[str]
    simplified_only: frozenset[str]


def _read_character_dictionary(name: str) -> dict[str, list[str]]:
    text = files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    table: dict[str, list[str]] = {}
    for row in text.splitlines():
        key, _, values = row.partition("\t")
        if key and values:
            table[key] = values.split()
    return table


@cache
def script_tables() -> ScriptTables:
    """Build the tables once from ``TSCharacters.txt`` and ``STCharacters.txt``."""
    traditional = _read_character_dictionary("TSCharacters.txt")
    simplified = _read_character_dictionary("STCharacters.txt")
    traditional_only = {c for c, forms in traditional.items() if c not in forms} - simplified.keys()
    simplified_only = {c for c, forms in simplified.items() if c not in forms} - traditional.keys()
    return ScriptTables(frozenset(traditional_only), frozenset(simplified_only))


def detect_script(text: str) -> Script:
    """``traditional``, ``simplified`` or ``mixed``; text with no script-specific character is
    simplified."""
    tables = script_tables()
    traditional = sum(map(tables.traditional_only.__contains__, text))
    simplified = sum(map(tables.simplified_only.__contains__, text))
    minority = min(traditional, simplified)
    if minority > _MIXED_MINORITY_SHARE * (traditional + simplified):
        return "mixed"
    return "traditional" if traditional > simplified else "simplified"
