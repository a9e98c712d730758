"""Chinese-aware tokenization for search: character bigrams and single characters for CJK runs,
whole words for letters and digits, every token at the position of its first character."""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from whoosh.analysis import Analyzer, Token

from index.search.fold import fold
from index.search.vocabulary import registered_vocabulary

__all__ = [
    "CJK_CHARS",
    "TOKEN_PATTERN",
    "WORD_CHARS",
    "BigramAnalyzer",
    "TermPositions",
    "TokenSpan",
    "ends_with_lone_cjk",
    "index_terms",
    "query_terms",
    "term_positions",
    "token_spans",
]

CJK_CHARS = (
    "\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
WORD_CHARS = "0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
# Group 1: a run of CJK characters; group 2: a word of letters and digits (text already folded).
TOKEN_PATTERN = re.compile(f"([{CJK_CHARS}]+)|([{WORD_CHARS}]+)")
_TOKEN = TOKEN_PATTERN


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """One indexed token: its (folded) text, position and character span in the original."""

    text: str
    pos: int
    start: int
    end: int


def _run_tokens(run: str, bigrams: Set[str]) -> Iterator[tuple[int, str]]:
    """(offset in run, term) for a CJK run.

    A pair in the vocabulary is a bigram term at its first character. A character gets a
    single-character term when a pair it begins or ends is not in the vocabulary, and at the
    end of the run (where no pair begins). Every pair of the run is thus findable: as a
    bigram, or as two single characters at consecutive positions.
    """
    last = len(run) - 1
    rare_before = False
    for i in range(last):
        pair = run[i : i + 2]
        if pair in bigrams:
            yield i, pair
            if rare_before:
                yield i, run[i]
            rare_before = False
        else:
            yield i, run[i]
            rare_before = True
    yield last, run[last]


@dataclass(frozen=True, slots=True)
class TermPositions:
    """The terms of a text with their positions, kept apart for the common case.

    ``first`` maps every term to its first position, in the order the tokens meet the terms
    (as :func:`token_spans` gives them); ``repeated`` maps each term seen more than once to
    all its positions. Most terms of an article occur once, and those never get a list.
    """

    first: dict[str, int]
    repeated: dict[str, list[int]]
    extent: int  # positions the text takes: one per CJK character and per word

    def token_count(self) -> int:
        """How many tokens the text has (a position may hold a bigram and a character)."""
        extra = sum(map(len, self.repeated.values())) - len(self.repeated)
        return len(self.first) + extra


def term_positions(text: str, bigrams: Set[str]) -> TermPositions:
    """The terms of ``text`` with their positions, exactly as :func:`token_spans` gives them.

    Each CJK character and each word takes one position. This is the indexing hot path: one
    loop over the characters, the rules of :func:`_run_tokens` and the recording of a term
    written out in place (a generator step or a call per token costs ~10% more CPU), and no
    list for a term until it occurs twice.
    """
    first: dict[str, int] = {}
    repeated: dict[str, list[int]] = {}
    repeated_get = repeated.get
    pos = 0
    for cjk, word in _TOKEN.findall(fold(text)):
        if cjk:
            rare_before = False  # the pair ending at this character is not in the vocabulary
            for char, next_char in pairwise(cjk):
                pair = char + next_char
                if pair in bigrams:
                    if pair in first:
                        positions = repeated_get(pair)
                        if positions is None:
                            repeated[pair] = [first[pair], pos]
                        else:
                            positions.append(pos)
                    else:
                        first[pair] = pos
                    if not rare_before:
                        pos += 1
                        continue
                    rare_before = False
                else:
                    rare_before = True
                if char in first:
                    positions = repeated_get(char)
                    if positions is None:
                        repeated[char] = [first[char], pos]
                    else:
                        positions.append(pos)
                else:
                    first[char] = pos
                pos += 1
            term = cjk[-1]  # the run's last character starts no pair: always a term
        else:
            term = word
        if term in first:
            positions = repeated_get(term)
            if positions is None:
                repeated[term] = [first[term], pos]
            else:
                positions.append(pos)
        else:
            first[term] = pos
        pos += 1
    return TermPositions(first, repeated, pos)


def index_terms(text: str, bigrams: Set[str]) -> dict[str, list[int]]:
    """The terms of ``text`` with all their positions (see :func:`term_positions`)."""
    terms = term_positions(text, bigrams)
    repeated = terms.repeated
    return {term: repeated.get(term) or [pos] for term, pos in terms.first.items()}


def query_terms(text: str, bigrams: Set[str]) -> list[str]:
    """The terms a query string must match at consecutive positions (a phrase).

    Each character of a CJK run is covered by the bigram starting at it if that pair is in the
    vocabulary, else by itself; the run's last character needs its own term only when no
    bigram covered it or when more tokens follow (the index has it there: a run's end).
    """
    tokens = _TOKEN.findall(fold(text))
    terms: list[str] = []
    for index, (cjk, word) in enumerate(tokens):
        if word:
            terms.append(word)
            continue
        last = len(cjk) - 1
        covered = False
        for i in range(last):
            pair = cjk[i : i + 2]
            covered = pair in bigrams
            terms.append(pair if covered else cjk[i])
        if not covered or index < len(tokens) - 1:
            terms.append(cjk[last])
    return terms


def ends_with_lone_cjk(text: str) -> bool:
    """Whether the text's last token is one CJK character after another token (``iPhone手``).

    The index cannot pin such a character to a position: the text may go on into a bigram.
    """
    tokens = _TOKEN.findall(fold(text))
    return len(tokens) > 1 and len(tokens[-1][0]) == 1


def token_spans(text: str, bigrams: Set[str]) -> Iterator[TokenSpan]:
    """Every indexed token with its character offsets into ``text`` (for highlighting)."""
    pos = 0
    for match in _TOKEN.finditer(fold(text)):
        start, end = match.span()
        run = match.group()
        if match.lastindex == 2:
            yield TokenSpan(run, pos, start, end)
            pos += 1
            continue
        for offset, term in _run_tokens(run, bigrams):
            yield TokenSpan(term, pos + offset, start + offset, start + offset + len(term))
        pos += len(run)


class BigramAnalyzer(Analyzer):  # type: ignore[misc]
    """The same tokens as a Whoosh analyzer, for Whoosh APIs that analyze text themselves."""

    def __init__(self, vocabulary_key: str) -> None:
        self.vocabulary_key = vocabulary_key

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
        bigrams = registered_vocabulary(self.vocabulary_key).bigrams
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if mode == "query":
            for pos, term in enumerate(query_terms(value, bigrams)):
                token.text = term
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = start_pos + pos
                yield token
            return
        for span in token_spans(value, bigrams):
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
        return isinstance(other, BigramAnalyzer) and other.vocabulary_key == self.vocabulary_key

    def __hash__(self) -> int:
        return hash(self.vocabulary_key)
