"""One-to-one character fold (traditional->simplified, full-width->ASCII, lower case) for search."""

from __future__ import annotations

from functools import cache

from index.chinese_script import traditional_to_simplified

__all__ = ["fold", "fold_table"]

_FULL_WIDTH_OFFSET = 0xFF01 - 0x21


def _resolve_chains(mapping: dict[str, str]) -> dict[str, str]:
    """Follow A->B->C to A->C so that folding once reaches a fixed point."""
    resolved: dict[str, str] = {}
    for source in mapping:
        target = mapping[source]
        seen = {source}
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        if target != source:
            resolved[source] = target
    return resolved


@cache
def fold_table() -> dict[int, str]:
    """A ``str.translate`` table; every entry maps one character to exactly one character.

    Keeping the length unchanged means offsets found in folded text are offsets in the original,
    which is what highlighting needs.
    """
    table = {ord(t): s for t, s in _resolve_chains(traditional_to_simplified()).items()}
    for code in range(0x21, 0x7F):  # full-width ASCII variants
        char = chr(code).lower()
        table[code + _FULL_WIDTH_OFFSET] = char
    table[0x3000] = " "  # ideographic space
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    return table


def fold(text: str) -> str:
    """Fold text for indexing and querying; ``len(fold(text)) == len(text)`` always."""
    return text.translate(fold_table())
