"""Snippets: a window of article text around the query's matches, with exact highlight spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.search.analyzer import CJK_CHARS, TOKEN_PATTERN, WORD_CHARS
from index.search.fold import fold

__all__ = ["Snippet", "atom_pattern", "find_matches", "make_snippet"]

ELLIPSIS = "…"
_GAP = f"[^{CJK_CHARS}{WORD_CHARS}]+"
_OPTIONAL_GAP = f"[^{CJK_CHARS}{WORD_CHARS}]*"


@dataclass(frozen=True, slots=True)
class Snippet:
    """``text`` with ``highlights``: (start, end) character spans into ``text``, sorted."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()

    def render(self, before: str = "[", after: str = "]") -> str:
        """The text with each highlight wrapped in ``before``/``after`` markers."""
        parts: list[str] = []
        last = 0
        for start, end in self.highlights:
            parts += [self.text[last:start], before, self.text[start:end], after]
            last = end
        parts.append(self.text[last:])
        return "".join(parts)


def find_matches(text: str, atoms: list[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` matching the query's text atoms, as the index matches them.

    An atom's tokens must follow each other with only non-token characters between (none
    between a word and CJK, some between two CJK runs or two words), through the same
    script fold; a word matches whole. A regular expression over the folded text finds
    exactly that, in one pass. Overlapping spans are merged.
    """
    folded = fold(text)
    found: list[tuple[int, int]] = []
    for atom in atoms:
        pattern = atom_pattern(atom)
        if pattern is not None:
            found += [m.span() for m in pattern.finditer(folded) if m.end() > m.start()]
    return _merge(sorted(found))


@lru_cache(maxsize=256)
def atom_pattern(atom: str) -> re.Pattern[str] | None:
    """The regular expression of one query atom over folded text (None if it has no tokens)."""
    tokens = TOKEN_PATTERN.findall(fold(atom))
    if not tokens:
        return None
    parts: list[str] = []
    previous = ""
    for cjk, word in tokens:
        if previous:
            parts.append(_GAP if previous == ("cjk" if cjk else "word") else _OPTIONAL_GAP)
        if word:
            parts.append(f"(?<![{WORD_CHARS}]){re.escape(word)}(?![{WORD_CHARS}])")
            previous = "word"
        else:
            parts.append(re.escape(cjk))
            previous = "cjk"
    return re.compile("".join(parts))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, atoms: list[str], width: int = 120) -> Snippet:
    """The ``width``-character window with the most matches, context before the first one."""
    matches = find_matches(text, atoms)
    flat = text.replace("\n", " ")
    if not matches:
        return _window(flat, 0, width, [])
    best_start, best_count = 0, -1
    for i, (start, _) in enumerate(matches):
        count = sum(1 for s, e in matches[i:] if e <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    context = min(width // 4, best_start)
    return _window(flat, best_start - context, width, matches)


def _window(text: str, start: int, width: int, matches: list[tuple[int, int]]) -> Snippet:
    start = max(0, min(start, len(text) - width))
    end = min(len(text), start + width)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    highlights = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in matches if s < end and e > start
    )
    return Snippet(prefix + text[start:end] + suffix, highlights)
