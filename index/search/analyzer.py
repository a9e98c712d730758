"""Chinese-aware tokenization: overlapping character bigrams for CJK runs, words for the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.analysis import Analyzer, Token

from index.search.fold import fold

__all__ = [
    "BigramAnalyzer",
    "TokenSpan",
    "index_terms",
    "query_terms",
    "token_spans",
]

_CJK = (
    "\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_WORD = "0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
# Group 1: a run of CJK characters; group 2: a word of letters and digits (text already folded).
_TOKEN = re.compile(f"([{_CJK}]+)|([{_WORD}]+)")


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """One indexed token: its (folded) text, position and character span in the original."""

    text: str
    pos: int
    start: int
    end: int


def index_terms(text: str) -> dict[str, list[int]]:
    """The terms of ``text`` with their positions, exactly as :func:`token_spans` gives them.

    A CJK run of n >= 2 characters gives its n-1 overlapping bigrams at consecutive positions,
    plus its last character as a unigram sharing the last bigram's position (so that a
    one-character query still finds it). A one-character run gives that character. A word
    gives itself. This is the indexing hot path, so it avoids building token objects.
    """
    terms: dict[str, list[int]] = {}
    pos = 0
    for cjk, word in _TOKEN.findall(fold(text)):
        if word:
            terms.setdefault(word, []).append(pos)
            pos += 1
            continue
        length = len(cjk)
        if length == 1:
            terms.setdefault(cjk, []).append(pos)
            pos += 1
            continue
        for i in range(length - 1):
            terms.setdefault(cjk[i : i + 2], []).append(pos + i)
        pos += length - 1
        terms.setdefault(cjk[-1], []).append(pos - 1)
    return terms


def query_terms(text: str) -> list[str]:
    """The terms a query string must match at consecutive positions (a phrase).

    Unlike indexing, a CJK run gives only its bigrams: a run's tail unigram shares a position
    with the last bigram, so it must not take a position of its own in a phrase.
    """
    terms: list[str] = []
    for cjk, word in _TOKEN.findall(fold(text)):
        if word:
            terms.append(word)
        elif len(cjk) == 1:
            terms.append(cjk)
        else:
            terms.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return terms


def token_spans(text: str) -> Iterator[TokenSpan]:
    """Every indexed token with its character offsets into ``text`` (for highlighting)."""
    pos = 0
    for match in _TOKEN.finditer(fold(text)):
        start, end = match.span()
        run = match.group()
        if match.lastindex == 2 or end - start == 1:
            yield TokenSpan(run, pos, start, end)
            pos += 1
            continue
        for i in range(end - start - 1):
            yield TokenSpan(run[i : i + 2], pos + i, start + i, start + i + 2)
        pos += end - start - 1
        yield TokenSpan(run[-1], pos - 1, end - 1, end)


class BigramAnalyzer(Analyzer):  # type: ignore[misc]
    """The same tokens as a Whoosh analyzer, for Whoosh APIs that analyze text themselves."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if mode == "query":
            for pos, term in enumerate(query_terms(value)):
                token.text = term
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = start_pos + pos
                yield token
            return
        for span in token_spans(value):
            token.text = span.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[span.start : span.end]
            if positions:
                token.pos = start_pos + span.pos
            if chars:
                token.startchar = start_char + span.start
                token.endchar = start_char + span.end
            yield token

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))
