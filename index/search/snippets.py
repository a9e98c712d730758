"""Snippets: a window of article text around the query's matches, with exact highlight spans."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass

from index.search.analyzer import token_spans

__all__ = ["Snippet", "find_matches", "make_snippet"]

ELLIPSIS = "…"


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


def find_matches(text: str, phrases: list[list[str]], bigrams: Set[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` that the search index matched for each phrase (a list of query terms).

    Uses the indexing tokenizer, so a highlight is exactly what the index found: terms at
    consecutive positions, through the same script fold. Overlapping spans are merged.
    """
    if not phrases:
        return []
    at_position: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    starts: dict[str, list[int]] = defaultdict(list)
    for span in token_spans(text, bigrams):
        at_position[span.pos].setdefault(span.text, (span.start, span.end))
        starts[span.text].append(span.pos)
        if len(span.text) == 2 and not span.text.isascii():
            starts[span.text[0]].append(-1 - span.start)  # a one-character prefix match
    found: list[tuple[int, int]] = []
    for terms in phrases:
        if len(terms) == 1 and _is_cjk_char(terms[0]):
            for pos in starts.get(terms[0], []):
                if pos < 0:
                    found.append((-1 - pos, -pos))
                else:
                    found.append(at_position[pos][terms[0]])
            continue
        for pos in starts.get(terms[0], []):
            if pos < 0:
                continue
            spans = [at_position[pos + i].get(term) for i, term in enumerate(terms)]
            if not spans[-1] and _is_cjk_char(terms[-1]):
                spans[-1] = _prefix_span(at_position[pos + len(terms) - 1], terms[-1])
            if all(spans):
                found.append((spans[0][0], spans[-1][1]))  # type: ignore[index]
    return _merge(sorted(found))


def _is_cjk_char(term: str) -> bool:
    return len(term) == 1 and not term.isascii()


def _prefix_span(tokens: dict[str, tuple[int, int]], char: str) -> tuple[int, int] | None:
    """The first character of a bigram at this position that starts with ``char``."""
    for text, (start, _) in tokens.items():
        if text[0] == char:
            return (start, start + 1)
    return None


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(
    text: str, phrases: list[list[str]], bigrams: Set[str], width: int = 120
) -> Snippet:
    """The ``width``-character window with the most matches, context before the first one."""
    matches = find_matches(text, phrases, bigrams)
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
