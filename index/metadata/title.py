"""Derive a short title for an article that has none (feed articles) from its opening text."""

from __future__ import annotations

from index.repair.language_model import load_model

MAX_TITLE_LENGTH = 24
# Closing a quotation the cut would leave open may take a title up to this length.
_MAX_QUOTED_TITLE_LENGTH = 32
_MIN_CLAUSE_LENGTH = 6
# Only the opening of a block can hold its first clause; segmenting needs a little context.
_OPENING_LENGTH = 120
_SEGMENTATION_CONTEXT = 10
_ELLIPSIS = "…"
_SENTENCE_END = frozenset("。！？!?；;")
_CLAUSE_END = frozenset("，,：:") | _SENTENCE_END
_QUOTES = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")"}
_CLOSING_QUOTES = frozenset(_QUOTES.values())


def derive_title(first_block: str, *, is_heading: bool = False) -> str:
    """A title of at most about 24 characters taken from an article's first block.

    A heading is used as it is; otherwise the first clause of at least six characters of the
    first sentence (skipping openers such as ``活動中`` or ``3月27日``). Long text is cut at a
    word boundary and ends with ``…``.
    """
    text = first_block.strip()
    if not is_heading:
        # A paragraph that opens with a quotation: its clauses are the candidates.
        text = _first_substantial_clause(text[:_OPENING_LENGTH].lstrip("“‘「『"))
    return _shorten(_drop_unpaired_quotes(text)) or _shorten(first_block.strip())


def _first_substantial_clause(text: str) -> str:
    sentence = _split_outside_quotes(text, _SENTENCE_END)[0]
    clauses = [clause.strip() for clause in _split_outside_quotes(sentence, _CLAUSE_END)]
    for clause in clauses:
        if len(clause) >= _MIN_CLAUSE_LENGTH:
            return clause
    return sentence.strip()


def _split_outside_quotes(text: str, marks: frozenset[str]) -> list[str]:
    """Split at ``marks`` that are not inside a quotation; never returns an empty list."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in _QUOTES:
            depth += 1
        elif char in _CLOSING_QUOTES:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in marks:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part for part in parts if part.strip()] or [text]


def _drop_unpaired_quotes(text: str) -> str:
    for opening, closing in _QUOTES.items():
        if text.startswith(opening) and text.count(opening) > text.count(closing):
            text = text[1:]
        if text.endswith(closing) and text.count(closing) > text.count(opening):
            text = text[:-1]
    return text


def _shorten(text: str) -> str:
    if len(text) <= MAX_TITLE_LENGTH:
        return text
    cut = _word_boundary_at_most(text, MAX_TITLE_LENGTH - len(_ELLIPSIS))
    # In an enumeration ("義診區、理發區、…") end on a whole item.
    last_item_end = text.rfind("、", 0, cut)
    if last_item_end >= _MIN_CLAUSE_LENGTH:
        cut = last_item_end
    cut = _close_open_quotation(text, cut)
    if cut >= len(text):
        return text
    return text[:cut].rstrip("，,、：:") + _ELLIPSIS


def _word_boundary_at_most(text: str, limit: int) -> int:
    """The largest word boundary not after ``limit``; ``limit`` if the first word is longer."""
    boundary = 0
    # The repair's word model (jieba's dictionary), already loaded by the time titles are made.
    for word in load_model().segment(text[: limit + _SEGMENTATION_CONTEXT]):
        if boundary + len(word) > limit:
            break
        boundary += len(word)
    return boundary or limit


def _close_open_quotation(text: str, cut: int) -> int:
    head = text[:cut]
    for opening, closing in _QUOTES.items():
        if head.count(opening) > head.count(closing):
            close = text.find(closing, cut)
            if 0 <= close < _MAX_QUOTED_TITLE_LENGTH:
                return close + 1
            return head.rfind(opening) or cut
    return cut
