"""Snippets: a window of article text around the query's matches, with exact highlight spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from index.search.analyzer import CJK_CHARS, TOKEN_PATTERN, WORD_CHARS
from index.search.fold import fold, fold_table

__all__ = ["Snippet", "atom_pattern", "find_matches", "make_snippet"]

ELLIPSIS = "…"
# Characters that fold into word characters: upper case and full-width letters and digits.
_RAW_WORD_CHARS = WORD_CHARS + "A-Z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_GAP = f"[^{CJK_CHARS}{_RAW_WORD_CHARS}]+"
_OPTIONAL_GAP = f"[^{CJK_CHARS}{_RAW_WORD_CHARS}]*"


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
    script fold; a word matches whole. A regular expression finds exactly that in one pass
    over the text as it is: each character of the atom stands for every character that
    folds to it, so the text is never folded. Overlapping spans are merged.
    """
    found: list[tuple[int, int]] = []
    for atom in atoms:
        pattern = atom_pattern(atom)
        if pattern is not None:
            found += [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    return _merge(sorted(found))


@lru_cache(maxsize=256)
def atom_pattern(atom: str) -> re.Pattern[str] | None:
    """The regular expression of one query atom over unfolded text (None if no tokens)."""
    tokens = TOKEN_PATTERN.findall(fold(atom))
    if not tokens:
        return None
    parts: list[str] = []
    previous = ""
    for cjk, word in tokens:
        if previous:
            parts.append(_GAP if previous == ("cjk" if cjk else "word") else _OPTIONAL_GAP)
        if word:
            letters = "".join(_any_folding_to(char) for char in word)
            parts.append(f"(?<![{_RAW_WORD_CHARS}]){letters}(?![{_RAW_WORD_CHARS}])")
            previous = "word"
        else:
            parts.append("".join(_any_folding_to(char) for char in cjk))
            previous = "cjk"
    return re.compile("".join(parts))


@cache
def _unfoldings() -> dict[str, list[str]]:
    """Each folded character -> the other characters that fold to it."""
    unfoldings: dict[str, list[str]] = {}
    for code, target in fold_table().items():
        unfoldings.setdefault(target, []).append(chr(code))
    return unfoldings


def _any_folding_to(char: str) -> str:
    """A pattern for any one character whose fold is ``char`` (itself included)."""
    others = _unfoldings().get(char, [])
    own = [char] if ord(char) not in fold_table() else []
    choices = own + others
    if len(choices) == 1:
        return re.escape(choices[0])
    return "[" + "".join(re.escape(c) for c in choices) + "]"


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
