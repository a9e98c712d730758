"""Parse the search box syntax into a Whoosh query: AND by default, "phrase", OR, -word/NOT,
title:, outlet:, tag:, date:2025-01..2025-06, parentheses."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field

from whoosh import query as wq

from index.search.analyzer import ends_with_lone_cjk, query_terms
from index.search.fold import fold

__all__ = ["FIELDS", "ParsedQuery", "QuerySyntaxError", "parse_query", "text_query"]

FIELDS = ("title", "outlet", "tag", "date")
RANGE_FIELDS = ("date",)  # the fields a query takes ranges of (read as columns)
WARM_UP_WORD = "的"  # in nearly every article: a search for it reads every segment's postings
_SPACE = " \t\r\n\u3000"
_FIELD_PREFIX = re.compile(r"^([A-Za-z]+):(.*)$", re.DOTALL)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QuerySyntaxError(ValueError):
    """A query the user typed cannot be understood; the message says why, in one line."""


@dataclass(slots=True)
class ParsedQuery:
    """The Whoosh query, plus the positive text atoms (for snippets) and their terms."""

    query: wq.Query
    atoms: list[str] = field(default_factory=list)
    terms: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "word", "phrase", "field", "(", ")", "OR", "NOT"
    text: str = ""
    name: str = ""  # field name for kind "field"
    quoted: bool = False


def _lex(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char in _SPACE:
            i += 1
        elif char in "()（）":
            tokens.append(_Token("(" if char in "(（" else ")"))
            i += 1
        elif char in '"“”':
            end = _closing_quote(source, i)
            tokens.append(_Token("phrase", source[i + 1 : end]))
            i = end + 1
        elif char == "-" and i + 1 < n and source[i + 1] not in _SPACE:
            tokens.append(_Token("NOT"))
            i += 1
        else:
            start = i
            while i < n and source[i] not in _SPACE and source[i] not in '()（）"“”':
                i += 1
            word = source[start:i]
            tokens.append(_word_token(word, source, i, tokens))
            if tokens[-1].quoted:
                i = _closing_quote(source, i) + 1
    return tokens


def _closing_quote(source: str, opening: int) -> int:
    for i in range(opening + 1, len(source)):
        if source[i] in '"“”':
            return i
    raise QuerySyntaxError(f"missing closing quote after {source[opening:][:20]!r}")


def _word_token(word: str, source: str, end: int, tokens: list[_Token]) -> _Token:
    if word in ("OR", "|"):
        return _Token("OR")
    if word == "NOT":
        return _Token("NOT")
    match = _FIELD_PREFIX.match(word)
    if match is None or match.group(2).startswith("//"):
        return _Token("word", word)
    name = match.group(1).lower()
    if name not in FIELDS:
        raise QuerySyntaxError(f"unknown field {name!r}: use one of {', '.join(FIELDS)}")
    value = match.group(2)
    if not value:
        if end < len(source) and source[end] in '"“”':
            closing = _closing_quote(source, end)
            return _Token("field", source[end + 1 : closing], name, quoted=True)
        raise QuerySyntaxError(f"{name}: needs a value, as in {name}:example")
    return _Token("field", value, name)


class _Parser:
    def __init__(self, tokens: list[_Token], bigrams: Set[str]) -> None:
        self.tokens = tokens
        self.bigrams = bigrams
        self.index = 0
        self.atoms: list[str] = []
        self.terms: list[list[str]] = []

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> wq.Query:
        result = self.or_expr()
        if self.peek() is not None:
            raise QuerySyntaxError("unmatched closing parenthesis")
        return result

    def or_expr(self) -> wq.Query:
        branches = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            if self.peek() is None or self.peek_kind() in (")", "OR"):
                raise QuerySyntaxError("OR needs a term on both sides")
            branches.append(self.and_expr())
        return branches[0] if len(branches) == 1 else wq.Or(branches)

    def peek_kind(self) -> str | None:
        token = self.peek()
        return None if token is None else token.kind

    def and_expr(self) -> wq.Query:
        if self.peek_kind() == "OR":
            raise QuerySyntaxError("OR needs a term on both sides")
        positives: list[wq.Query] = []
        negatives: list[wq.Query] = []
        while (kind := self.peek_kind()) not in (None, ")", "OR"):
            if kind == "NOT":
                self.take()
                if self.peek_kind() in (None, ")", "OR", "NOT"):
                    raise QuerySyntaxError("NOT (or -) needs a term after it")
                if (negative := self.atom(negated=True)) is not None:
                    negatives.append(negative)
            elif (positive := self.atom(negated=False)) is not None:
                positives.append(positive)
        if not positives and not negatives:
            raise QuerySyntaxError("nothing to search for (only punctuation or an empty group)")
        if not positives:
            positives = [wq.Every()]
        clauses = positives + [wq.Not(q) for q in negatives]
        return clauses[0] if len(clauses) == 1 else wq.And(clauses)

    def atom(self, negated: bool) -> wq.Query | None:
        """One term, phrase, field filter or group; None for text with nothing searchable."""
        token = self.take()
        if token.kind == "(":
            inner = self.or_expr()
            if self.peek_kind() != ")":
                raise QuerySyntaxError("missing closing parenthesis")
            self.take()
            return inner
        if token.kind == ")":
            raise QuerySyntaxError("unmatched closing parenthesis")
        if token.kind == "field":
            return self.field_atom(token, negated)
        return self.text_atom("content", token.text, negated)

    def text_atom(self, fieldname: str, text: str, negated: bool) -> wq.Query | None:
        terms = query_terms(text, self.bigrams)
        if not terms:
            return None
        if not negated:
            self.atoms.append(text)
            self.terms.append(terms)
        return text_query(fieldname, terms, ends_with_lone_cjk(text))

    def field_atom(self, token: _Token, negated: bool) -> wq.Query:
        if token.name == "tag":
            return wq.Term("tag", fold(token.text.strip()))
        if token.name == "date":
            return date_query(token.text)
        fieldname = "title" if token.name == "title" else "outlet"
        terms = query_terms(token.text, self.bigrams)
        if not terms:
            raise QuerySyntaxError(f"{token.name}: has nothing searchable in {token.text!r}")
        if not negated and fieldname == "title":
            self.atoms.append(token.text)
            self.terms.append(terms)
        return text_query(fieldname, terms, ends_with_lone_cjk(token.text))


def _is_cjk_char(term: str) -> bool:
    return len(term) == 1 and not term.isascii()


def text_query(fieldname: str, terms: list[str], loose_tail: bool = False) -> wq.Query:
    """Terms at consecutive positions; one CJK character matches any bigram it starts.

    With ``loose_tail`` (the text ends in a lone CJK character after a word, ``iPhone手``)
    that character cannot be pinned to a position, since the text may continue it into a
    bigram; it must then only start some term in the same article.
    """
    if loose_tail and len(terms) > 1:
        return wq.And([text_query(fieldname, terms[:-1]), wq.Prefix(fieldname, terms[-1])])
    if len(terms) > 1:
        return wq.Phrase(fieldname, terms)
    if _is_cjk_char(terms[0]):
        return wq.Prefix(fieldname, terms[0])
    return wq.Term(fieldname, terms[0])


def _date_bound(text: str, upper: bool) -> str:
    match = _DATE.match(text)
    if match is None:
        raise QuerySyntaxError(f"date: {text!r} is not a date like 2025, 2025-07 or 2025-07-10")
    year, month, day = match.groups()
    parts = [year]
    if month is not None:
        if not 1 <= int(month) <= 12:
            raise QuerySyntaxError(f"date: {text!r} has no month {month}")
        parts.append(f"{int(month):02d}")
    if day is not None:
        if not 1 <= int(day) <= 31:
            raise QuerySyntaxError(f"date: {text!r} has no day {day}")
        parts.append(f"{int(day):02d}")
    bound = "-".join(parts)
    return bound + "\uffff" if upper else bound


def date_query(text: str) -> wq.Query:
    """``2025``, ``2025-07``, ``2025-07-10``, or a range ``A..B`` (either end may be left open)."""
    if ".." not in text:
        return wq.TermRange("date", _date_bound(text, False), _date_bound(text, True))
    start, _, end = text.partition("..")
    if not start and not end:
        raise QuerySyntaxError("date: a range needs at least one end, as in date:2025-01..2025-06")
    low = _date_bound(start, False) if start else None
    high = _date_bound(end, True) if end else None
    if low is not None and high is not None and low > high:
        raise QuerySyntaxError(f"date: the range {text!r} ends before it starts")
    return wq.TermRange("date", low, high)


def parse_query(source: str, bigrams: Set[str]) -> ParsedQuery:
    """Parse the search syntax; raises :class:`QuerySyntaxError` with a one-line reason.

    ``bigrams`` is the vocabulary of the index to be searched (it decides the query terms).
    """
    if not source.strip(_SPACE):
        raise QuerySyntaxError("empty query")
    parser = _Parser(_lex(source), bigrams)
    parsed = parser.parse()
    return ParsedQuery(parsed, parser.atoms, parser.terms)
