"""Tell traditional from simplified Chinese with character tables taken from OpenCC's dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from index.chinese_script import simplified_only, traditional_only
from index.model import Script

# Below this share of the script-specific characters, the minority script counts as noise
# (a stray conversion slip or an unrepaired damaged character), not as mixed text.
_MIXED_MINORITY_SHARE = 0.05
# An article's opening is enough to tell its script; a 20 MB article needs no full count.
_SAMPLE = 4000


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
    tables = script_tables()
    sample = text[:_SAMPLE]
    traditional = sum(map(tables.traditional_only.__contains__, sample))
    simplified = sum(map(tables.simplified_only.__contains__, sample))
    minority = min(traditional, simplified)
    if minority > _MIXED_MINORITY_SHARE * (traditional + simplified):
        return "mixed"
    return "traditional" if traditional > simplified else "simplified"
