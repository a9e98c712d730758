"""Undo annotation and GBK-shift damage by decoding the damaged text back in step.

The damaged text is what the mirror's decoder printed from a byte stream we never saw. We
walk it left to right and keep a few hypotheses about the decoder's state: *in step*
(``pending == -1``), or *shifted by one byte*, in which case ``pending`` is the true lead
byte it swallowed into the previous printed character. Apart from the bytes that the
decoder turned into ``?``, every transition is deterministic. A lost byte becomes a set of
candidate characters, and a character bigram model chooses between them and between
competing readings of the decoder's state (see corruption.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TypeAlias

from index.chinese_script import simplified_only, traditional_only
from index.metadata.script import script_counts
from index.model import Repair
from index.repair.gbk_codec import (
    ASCII_TO_FULLWIDTH,
    PUNCT_LEAD,
    PUNCT_SECOND_BYTE,
    char_code,
    code_char,
    is_trail,
    two_byte_table,
)
from index.repair.language_model import CharBigramModel, load_model
from index.repair.pinyin import (
    ANNOTATION,
    BROKEN_ANNOTATION,
    SYLLABLE,
    is_annotation_syllable,
    pinyin_dict_file,
    readings,
    toned_syllables,
    toneless,
)
from index.repair.pinyin import reading_match as _reading_match
from index.table_cache import cached_table

IN_STEP = -1
_BOUNDARY_PUNCT = ",!:;()?"
_QUESTION_WORDS = re.compile(
    r"[嗎吗呢嘛誰谁哪啥幾几]|什[麼么]|怎[麼么樣样]|為什|为什|如何|是否|能否|可否|多少|難道|难道"
)
_CLAUSE_MARKS = "。！？!?，,；;：:\n“”"
_CLAUSE_WINDOW = 40  # characters a question looks back for its question word
_BROKEN_TAG = re.compile(r"\?(/?[A-Za-z][A-Za-z0-9]*\s*/?>)")
_SPECIAL = re.compile(r"[?(),!:;]")
_QUESTION_RUN = re.compile(r"\?+")
_IN_STEP_SPLIT = re.compile(rf"(\(({SYLLABLE})\)|[(),!:;])")
# How many candidate characters a lost byte may stand for, before the context is scored.
_CANDIDATES_PER_SLOT = 16
_EXPANDED_PER_SLOT = 4  # of those, how many become hypotheses after a look at the context
_BEAM_MARGIN = 30.0
_BEAM_WIDTH = 48
_FINALISTS = 4
_WORK_PER_CHARACTER = 3  # work units per character of text the walk may spend
_RESCORING_WORK = 10  # a word-model score costs about as much as ten hypotheses
_WORK_BASE = 2_000
_WORD_MARGIN = 8.0
_CONTEXT = 4
_MAX_REGION = 28  # characters of a damaged region the word model looks at

# Score adjustments (natural-log units) for readings that need an unusual event.
_LITERAL_QUESTION_PENALTY = -4.0
_PUNCTUATION_CONFIDENCE = 0.95  # ASCII punctuation in Chinese context put back full-width
_LOST_ASCII_PENALTY = -7.0
_ORPHAN_STRADDLE_PENALTY = -1.0
_ANNOTATION_OUTSIDE_TABLE = -3.0
_ANNOTATION_TONE_DIFFERS = -1.0
_UNFINISHED_AT_END = -25.0
_FOREIGN_SCRIPT_PENALTY = -4.0
_SCRIPT_SAMPLE = 1500  # characters looked at to tell the document's script
# After these, a swallowed ASCII byte was a digit rather than a line break.
_NUMBER_CONTEXT = frozenset("0123456789年月日號号時时點点分秒%萬万億亿個个歲岁元米度")


# Repair(...) goes through a Python-level __new__; a damaged text has an annotation every ten
# characters, so their records are built directly as the tuples they are (all six fields).
_new_tuple = tuple.__new__
_REPAIR_STAGE = Repair._field_defaults["stage"]

# Immutable linked lists (newest first), so that hypotheses share their history cheaply.
_TextChain: TypeAlias = "tuple[str, _TextChain] | None"
_ChangeChain: TypeAlias = "tuple[Repair, _ChangeChain] | None"


@dataclass(slots=True)
class _Hypothesis:
    score: float
    pending: int
    last: str
    out: _TextChain
    changes: _ChangeChain
    quote_open: int = -1  # characters emitted since an unclosed “ on this line, or -1
    certainty: float = 1.0  # posterior of this reading among the ones merged into it
    region_start: _ChangeChain = None  # the changes made before the current damaged region
    region_out: _TextChain = None  # the text emitted before the current damaged region
    adjustment: float = 0.0  # region's score from rules rather than the word model


_score = attrgetter("score")  # a hypothesis's score, as a C-level sort key


@cache
def _row_candidates(lead: int) -> tuple[str, ...]:
    """Characters whose lead byte is ``lead`` and whose trail byte is >= 0x81, best first."""
    return _most_frequent((lead, trail) for trail in range(0x81, 0xFF))


@cache
def _column_candidates(trail: int) -> tuple[str, ...]:
    """Characters whose trail byte is ``trail``, best first."""
    return _most_frequent((lead, trail) for lead in range(0x81, 0xFF))


def _most_frequent(codes: Iterator[tuple[int, int]]) -> tuple[str, ...]:
    """The characters of these two-byte codes (private use left out), most frequent first."""
    model = load_model()
    found: list[tuple[float, int, str]] = []
    for lead, trail in codes:
        char = code_char(lead, trail)
        if char is not None and not 0xE000 <= ord(char) <= 0xF8FF:
            found.append((model.char_logp(char), (lead << 8) | trail, char))
    found.sort(reverse=True)
    return tuple(char for _, _, char in found[:_CANDIDATES_PER_SLOT])


@cache
def _syllable_index() -> dict[str, tuple[tuple[int, str, str], ...]]:
    """Toneless syllable -> (code, character, toned reading) for every two-byte character."""
    source = Path(pinyin_dict_file())
    return cached_table("gbk-syllables", [source], _build_syllable_index)


def _build_syllable_index() -> dict[str, tuple[tuple[int, str, str], ...]]:
    index: dict[str, list[tuple[int, str, str]]] = {}
    for code, char in two_byte_table()[0].items():
        for reading in readings(char):
            index.setdefault(toneless(reading), []).append((code, char, reading))
    return {syllable: tuple(found) for syllable, found in index.items()}


@cache
def _characters_reading(bare: str, toned: str) -> tuple[tuple[int, str, bool], ...]:
    """Characters that read ``toned`` (exact) or only differ in tone, each once."""
    best: dict[int, tuple[int, str, bool]] = {}
    for code, char, reading in _syllable_index().get(bare, ()):
        exact = reading == toned
        if code not in best or exact:
            best[code] = (code, char, exact)
    return tuple(best.values())


@lru_cache(maxsize=1 << 14)
def _characters_reading_after(lead: int, syllable: str) -> tuple[tuple[int, str, bool], ...]:
    """Characters with lead byte ``lead`` that read ``syllable``: (trail byte, char, exact).

    Pinning a lost byte asks this for the same few syllables and bytes over and over, and a
    common syllable has a hundred characters, so the filtering is done once.
    """
    return tuple(
        (code & 0xFF, char, exact)
        for code, char, exact in _characters_reading(toneless(syllable), syllable)
        if code >> 8 == lead
    )


def _foreign_script(text: str) -> frozenset[str]:
    """The script-specific characters that would be foreign to this document."""
    traditional, simplified = script_counts(text[:_SCRIPT_SAMPLE])
    return simplified_only() if traditional >= simplified else traditional_only()


_SENTENCE_MARKS = frozenset("。！？，、；：")
_LINE_ENDS = frozenset("。！？”")
_OPENERS = frozenset("“‘《（「『【")
_CLOSERS = frozenset("”’》）」』】")


_MARKS = _SENTENCE_MARKS | _OPENERS | _CLOSERS


def _can_start_line(char: str) -> bool:
    """Whether a line can begin with ``char`` (so a lost byte before it may be a line break)."""
    if not char or char in _NUMBER_CONTEXT or char in _SENTENCE_MARKS or char in _CLOSERS:
        return False
    return char.isalpha() or char in _OPENERS or _is_cjk(char)


def _next_quote_state(quote_open: int, char: str) -> int:
    if char == "“":
        return 0
    if char == "”" or char == "\n":
        return -1
    return quote_open + 1 if quote_open >= 0 else -1


def _punctuation_fit(last: str, char: str, quote_open: int) -> float:
    """What a word model cannot know: quotes pair up, and marks do not double up."""
    if char == "”":
        return 2.0 if quote_open >= 0 else -6.0
    if char == "“" and quote_open >= 0:
        return -6.0
    if char in _SENTENCE_MARKS:
        if last in _SENTENCE_MARKS or last in _OPENERS:
            return -8.0
        if char == "。" and 0 <= quote_open < 12:
            return -3.0
    if char in _CLOSERS and last in _OPENERS:
        return -8.0
    return 0.0


def _ends_question(text: str, pos: int) -> bool:
    """Whether the clause before ``pos`` asks something, so a "?" there was a "？"."""
    window = max(pos - _CLAUSE_WINDOW, 0)
    # The clause starts after the last clause mark of the window (one rfind per mark).
    start = max(window, *(text.rfind(mark, window, pos) + 1 for mark in _CLAUSE_MARKS))
    return _QUESTION_WORDS.search(text, start, pos) is not None


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80 or char in "“”‘’…—·"


def _chinese_context(text: str, start: int, end: int, emitted_before: str) -> bool:
    """True when the nearest non-blank character on either side is Chinese."""
    if emitted_before and _is_cjk(emitted_before):
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and _is_cjk(text[i]):
        return True
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and _is_cjk(text[j])


class _Realigner:
    def __init__(self, text: str, table: frozenset[str]) -> None:
        self.text = text
        self.table = table
        self.model: CharBigramModel = load_model()
        # A lost byte is more likely a character of the document's own script.
        self._foreign_script: frozenset[str] | None = None  # see _script_fit
        # Output no hypothesis can change any more, and the chain node it ends at.
        self._settled_text: list[str] = []
        self._settled_repairs: list[Repair] = []
        self._base: _TextChain = None
        self._budget = 0  # set by run()

    # -- emitting ---------------------------------------------------------------------------

    def _extend(
        self,
        hyp: _Hypothesis,
        start: int,
        end: int,
        emitted: str,
        pending: int,
        reason: str,
        bonus: float = 0.0,
        confidence: float = 1.0,
        scored: bool = True,
        unscored_suffix: str = "",
    ) -> _Hypothesis:
        score = hyp.score + bonus
        adjustment = hyp.adjustment + bonus
        last = hyp.last
        quote_open = hyp.quote_open
        pair_logp = self.model.pair_logp
        for char in emitted:
            if scored:
                if char in _MARKS:
                    fit = _punctuation_fit(last, char, quote_open)
                    score += pair_logp(last, char) + fit
                    adjustment += fit
                else:  # no rule applies (a fit of 0.0 would change nothing)
                    score += pair_logp(last, char)
            quote_open = _next_quote_state(quote_open, char)
            last = char
        for char in unscored_suffix:
            quote_open = _next_quote_state(quote_open, char)
            last = char
        emitted += unscored_suffix
        changes = hyp.changes
        before = self.text[start:end]
        if emitted != before:
            record = (start, before, emitted, reason, confidence, _REPAIR_STAGE)
            changes = (_new_tuple(Repair, record), changes)
        out = (emitted, hyp.out) if emitted else hyp.out
        return _Hypothesis(
            score,
            pending,
            last,
            out,
            changes,
            quote_open,
            hyp.certainty,
            hyp.region_start,
            hyp.region_out,
            adjustment,
        )

    def _likely(self, last: str, candidates: tuple[str, ...]) -> list[str]:
        """The candidates for a lost byte that fit best after ``last``, best first."""
        pair_logp = self.model.pair_logp
        foreign = self._foreign()
        ranked = sorted(
            candidates,
            key=lambda char: (
                pair_logp(last, char) + (_FOREIGN_SCRIPT_PENALTY if char in foreign else 0.0)
            ),
            reverse=True,
        )
        return ranked[:_EXPANDED_PER_SLOT]

    def _script_fit(self, candidate: str) -> float:
        return _FOREIGN_SCRIPT_PENALTY if candidate in self._foreign() else 0.0

    def _foreign(self) -> frozenset[str]:
        if self._foreign_script is None:  # most texts never lose a byte: count only if needed
            self._foreign_script = _foreign_script(self.text)
        return self._foreign_script

    # -- one token, one hypothesis ------------------------------------------------------------

    def _annotation_candidates(self, lead: int, syllable: str) -> Iterator[tuple[int, str, float]]:
        """Characters with lead byte ``lead`` that read ``syllable``: (trail byte, char, bonus)."""
        for byte, char, exact in _characters_reading_after(lead, syllable):
            bonus = 0.0 if char in self.table else _ANNOTATION_OUTSIDE_TABLE
            if not exact:
                bonus += _ANNOTATION_TONE_DIFFERS
            yield byte, char, bonus

    def step(self, hyp: _Hypothesis, pos: int) -> Iterator[tuple[_Hypothesis, int]]:
        """Every way ``hyp`` can explain the token at ``pos``, with the position after it."""
        if hyp.pending == IN_STEP:
            return self._step_in_step(hyp, pos, self.text[pos])
        return self._step_shifted(hyp, pos, self.text[pos])

    def _in_step_token(self, pos: int, last: str) -> tuple[int, str, str, float]:
        """The one reading of a token other than "?" while in step: (end, text, reason, conf)."""
        text = self.text
        char = text[pos]
        if char == "(":
            match = ANNOTATION.match(text, pos)
            if match and is_annotation_syllable(match.group(1)):
                fits = bool(last) and _reading_match(last, match.group(1)) > 0
                return match.end(), "", "annotation", 1.0 if fits else 0.6
        if char in "(),!:;":
            end = pos + 1
            chinese = _chinese_context(text, pos, end, last)
            full = ASCII_TO_FULLWIDTH[char] if chinese else char
            return end, full, "punctuation", _PUNCTUATION_CONFIDENCE
        return pos + 1, char, "kept", 1.0

    def _step_in_step(
        self, hyp: _Hypothesis, pos: int, char: str
    ) -> Iterator[tuple[_Hypothesis, int]]:
        text = self.text
        if char != "?":
            end, emitted, reason, confidence = self._in_step_token(pos, hyp.last)
            yield self._extend(hyp, pos, end, emitted, IN_STEP, reason, 0.0, confidence), end
            return
        broken = BROKEN_ANNOTATION.match(text, pos)
        if broken and is_annotation_syllable(broken.group(1)):
            # A lead byte swallowed the annotation's "(": the annotation matched the trail byte
            # of the last character and that lead byte, and the decoder is now one byte behind.
            code = char_code(hyp.last) if hyp.last else None
            if code is not None:
                for lead_byte, _annotated, bonus in self._annotation_candidates(
                    code & 0xFF, broken.group(1)
                ):
                    if lead_byte >= 0x81:
                        yield (
                            self._extend(
                                hyp,
                                pos,
                                broken.end(),
                                "",
                                lead_byte,
                                "gbk-shift",
                                bonus,
                                scored=False,
                            ),
                            broken.end(),
                        )
            return
        next_char = text[pos + 1] if pos + 1 < len(text) else ""
        run_before = pos > 0 and text[pos - 1] == "?"
        run_after = text.startswith("??", pos + 1)
        if run_before or run_after:
            # Runs of "?" are placeholders (indentation, glue), never a decoding accident.
            yield self._extend(hyp, pos, pos + 1, "?", IN_STEP, "kept"), pos + 1
            return
        literal = "？" if _ends_question(text, pos) else "?"
        yield (
            self._extend(
                hyp,
                pos,
                pos + 1,
                literal,
                IN_STEP,
                "punctuation",
                0.0 if literal == "？" else _LITERAL_QUESTION_PENALTY,
                0.8,
            ),
            pos + 1,
        )
        if next_char and next_char in _BOUNDARY_PUNCT:
            # An orphaned lead byte: the punctuation replacement took its trail byte 0xA3 and
            # the lead byte of the next character, whose trail starts the next piece.
            next_pending = PUNCT_SECOND_BYTE[next_char]
            for candidate in self._likely(hyp.last, _column_candidates(PUNCT_LEAD)):
                yield (
                    self._extend(
                        hyp,
                        pos,
                        pos + 2,
                        candidate,
                        next_pending,
                        "lost-byte",
                        _ORPHAN_STRADDLE_PENALTY + self._script_fit(candidate),
                    ),
                    pos + 2,
                )

    def _step_shifted(
        self, hyp: _Hypothesis, pos: int, char: str
    ) -> Iterator[tuple[_Hypothesis, int]]:
        lead = hyp.pending
        if char == "?":
            yield from self._step_shifted_question(hyp, pos, lead)
            return
        if char == "(" and pos > 0:
            match = ANNOTATION.match(self.text, pos)
            if (
                match
                and is_annotation_syllable(match.group(1))
                and _reading_match(self.text[pos - 1], match.group(1))
            ):
                # The pair the shifted decoder just printed straddles two true characters and
                # happens to be an annotated character, so the annotation came right after it.
                yield (
                    self._extend(hyp, pos, match.end(), "", lead, "gbk-shift", scored=False),
                    match.end(),
                )
                return
        if char in "(),!:;":
            # Punctuation can only show while shifted if its replacement straddled two
            # characters: it took the trail byte 0xA3 of the character being decoded.
            swallowed = code_char(lead, PUNCT_LEAD)
            if swallowed is not None:
                yield (
                    self._extend(
                        hyp, pos, pos + 1, swallowed, PUNCT_SECOND_BYTE[char], "gbk-shift"
                    ),
                    pos + 1,
                )
            return
        if char.isascii():
            byte = ord(char)
            true_char = code_char(lead, byte) if is_trail(byte) else None
            if true_char is not None:
                yield self._extend(hyp, pos, pos + 1, true_char, IN_STEP, "gbk-shift"), pos + 1
            return
        code = char_code(char)
        if code is None:
            return
        first, second = code >> 8, code & 0xFF
        true_char = code_char(lead, first)
        if true_char is None:
            return
        if second < 0x80:
            emitted, pending = true_char + chr(second), IN_STEP
        else:
            emitted, pending = true_char, second
        yield self._extend(hyp, pos, pos + 1, emitted, pending, "gbk-shift"), pos + 1

    def _step_shifted_question(
        self, hyp: _Hypothesis, pos: int, lead: int
    ) -> Iterator[tuple[_Hypothesis, int]]:
        text = self.text
        broken = BROKEN_ANNOTATION.match(text, pos)
        if broken and is_annotation_syllable(broken.group(1)):
            # The lost trail byte completed the annotated character itself.
            for trail_byte, annotated, bonus in self._annotation_candidates(lead, broken.group(1)):
                if trail_byte >= 0x81:
                    yield (
                        self._extend(
                            hyp, pos, broken.end(), annotated, IN_STEP, "gbk-shift", bonus
                        ),
                        broken.end(),
                    )
            return
        tag = _BROKEN_TAG.match(text, pos)
        next_char = text[pos + 1] if pos + 1 < len(text) else ""
        line_break_possible = _can_start_line(next_char)
        for candidate in self._likely(hyp.last, _row_candidates(lead)):
            fit = self._script_fit(candidate)
            if tag:
                yield (
                    self._extend(hyp, pos, pos + 1, candidate + "<", IN_STEP, "gbk-shift", fit),
                    pos + 1,
                )
                continue
            if next_char and next_char in _BOUNDARY_PUNCT:
                # Orphaned byte at the end of a piece; the punctuation after it was in step.
                full = ASCII_TO_FULLWIDTH[next_char]
                yield (
                    self._extend(hyp, pos, pos + 2, candidate + full, IN_STEP, "lost-byte", fit),
                    pos + 2,
                )
            # The byte ate an ASCII byte (< 0x40) that we cannot see any more; after the end
            # of a sentence that was most likely the line break.
            lost = "\n" if candidate in _LINE_ENDS and line_break_possible else ""
            yield (
                self._extend(
                    hyp,
                    pos,
                    pos + 1,
                    candidate,
                    IN_STEP,
                    "lost-byte",
                    _LOST_ASCII_PENALTY + fit,
                    0.3,
                    unscored_suffix=lost,
                ),
                pos + 1,
            )
        swallowed = code_char(lead, PUNCT_LEAD)
        if swallowed is not None and not tag:
            # The "?" is itself a replaced "？" that straddled two characters.
            yield (
                self._extend(
                    hyp,
                    pos,
                    pos + 1,
                    swallowed,
                    PUNCT_SECOND_BYTE["?"],
                    "gbk-shift",
                    _ORPHAN_STRADDLE_PENALTY,
                ),
                pos + 1,
            )

    # -- the walk ---------------------------------------------------------------------------

    def run(self) -> tuple[str, list[Repair]]:
        text = self.text
        n = len(text)
        beam: dict[int, list[_Hypothesis]] = {0: [_Hypothesis(0.0, IN_STEP, "", None, None)]}
        finished: list[_Hypothesis] = []
        # Ordinary damage costs a few hypotheses per damaged spot (at most 0.2 per character
        # of text, measured). Hostile text (a wall of "?!?!") would keep every reading alive;
        # past this budget the best reading is taken and the rest of the text is kept as it
        # is, so the time stays linear in the text's length.
        self._budget = _WORK_PER_CHARACTER * n + _WORK_BASE
        while beam:
            pos = min(beam)
            hyps = beam.pop(pos)
            if pos >= n:
                finished.extend(hyps)
                continue
            if not beam and len(hyps) == 1 and hyps[0].pending == IN_STEP and text[pos] != "?":
                hyp, pos = self._run_in_step(hyps[0], pos)
                beam[pos] = [hyp]
                continue
            # Readings that reach the same state (position, pending byte, last character)
            # are rivals: only one of them goes on.
            rivals: dict[tuple[int, int, str], list[_Hypothesis]] = {}
            for hyp in hyps:
                for new, end in self.step(hyp, pos):
                    key = (end, new.pending, new.last)
                    group = rivals.get(key)
                    if group is None:
                        rivals[key] = [new]
                    else:
                        group.append(new)
            self._budget -= sum(map(len, rivals.values()))
            extended = {
                key: (
                    group[0] if len(group) == 1 else self._rescore(group, key[0], key[1] == IN_STEP)
                )
                for key, group in rivals.items()
            }
            if not extended and not beam:
                # Nothing explains this token: keep it as it is and resynchronise.
                best = max(hyps, key=_score)
                beam[pos + 1] = [
                    self._extend(best, pos, pos + 1, text[pos], IN_STEP, "kept", scored=False)
                ]
                continue
            for (end, _pending, _last), new in extended.items():
                beam.setdefault(end, []).append(new)
            if self._budget < 0:
                end, best = max(
                    ((end, h) for end, group in beam.items() for h in group),
                    key=lambda item: item[1].score,
                )
                self._settle(best)
                self._settled_text.append(text[end:])
                return "".join(self._settled_text), self._settled_repairs
            self._prune(beam)
        for hyp in finished:
            if hyp.pending != IN_STEP:
                hyp.score += _UNFINISHED_AT_END
        best = max(finished, key=_score)
        if len(finished) > 1:
            best.certainty = min(best.certainty, posterior([h.score for h in finished]))
        self._settle(best)
        return "".join(self._settled_text), self._settled_repairs

    def _run_in_step(self, hyp: _Hypothesis, pos: int) -> tuple[_Hypothesis, int]:
        """While only one reading is alive, walk on cheaply up to the next "?" that may be damage.

        Everything that reading holds is certain, so it moves to the settled output first;
        the in-step text then goes there directly, without a hypothesis per token. So do runs
        of "?" placeholders (the "????" indenting every paragraph): the walk would only keep
        them, one hypothesis per "?", and they are most of the "?" in a dump.
        """
        text = self.text
        self._settle(hyp)
        last, quote_open = hyp.last, hyp.quote_open
        while True:
            stop = text.find("?", pos)
            if stop < 0:
                stop = len(text)
            segment, last = self._settle_in_step_text(pos, stop, last)
            quote_open = _quote_state(segment, quote_open)
            pos = self._placeholder_run_end(stop)
            if pos == stop:
                break
            self._settled_text.append(text[stop:pos])
            last = "?"
            quote_open = _quote_state(text[stop:pos], quote_open)
        # The settled text is out of the hypotheses' reach; they keep a little of it as context.
        self._base = (segment[-_CONTEXT:], None)
        fresh = _Hypothesis(0.0, IN_STEP, last, self._base, None, quote_open, region_out=self._base)
        return fresh, stop

    def _settle_in_step_text(self, pos: int, stop: int, last: str) -> tuple[str, str]:
        """Decode ``text[pos:stop]`` (no "?" in it) in step straight into the settled output.

        Returns the decoded text and its last character (``last`` when it emitted nothing).
        Annotations are most of the tokens here (one every ten characters in a damaged dump),
        so they take the shortest way through the loop.
        """
        text = self.text
        # One split at C speed: plain text, token, the token's syllable (None for a mark),
        # plain text, ... (a token is an annotation's "(syllable)" or an ASCII mark).
        parts = _IN_STEP_SPLIT.split(text[pos:stop])
        plain = parts[0]
        pieces = [plain]
        append_piece = pieces.append
        append_repair = self._settled_repairs.append
        syllables = toned_syllables()
        if plain:
            last = plain[-1]
        offset = pos + len(plain)  # where the token starts
        for token, syllable, plain in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
            if syllable in syllables:  # an annotation (None, for a punctuation mark, is not)
                confidence = _annotation_confidence(last, syllable)
                record = (offset, token, "", "annotation", confidence, _REPAIR_STAGE)
                append_repair(_new_tuple(Repair, record))
            elif syllable is None and last and _is_cjk(last):
                # A mark right after a Chinese character (most of them): the full-width one
                # the mirror replaced, as _in_step_token would find, without looking around.
                last = ASCII_TO_FULLWIDTH[token]
                append_piece(last)
                record = (
                    offset,
                    token,
                    last,
                    "punctuation",
                    _PUNCTUATION_CONFIDENCE,
                    _REPAIR_STAGE,
                )
                append_repair(_new_tuple(Repair, record))
            else:
                end, emitted, reason, confidence = self._in_step_token(offset, last)
                if emitted:
                    append_piece(emitted)
                    last = emitted[-1]
                if emitted != text[offset:end]:
                    append_repair(Repair(offset, text[offset:end], emitted, reason, confidence))
                if end < offset + len(token):
                    # The "(" of a "(...)" that is no annotation: the rest is kept as it is.
                    rest = text[end : offset + len(token)]
                    append_piece(rest)
                    last = rest[-1]
            offset += len(token)
            if plain:
                append_piece(plain)
                last = plain[-1]
                offset += len(plain)
        segment = "".join(pieces)
        self._settled_text.append(segment)
        return segment, last

    def _placeholder_run_end(self, pos: int) -> int:
        """Where a run of "?" placeholders starting at ``pos`` ends, or ``pos`` if there is none.

        The walk keeps every "?" of a run of three or more as it is (see _step_in_step),
        unless the last one starts a broken annotation. Each costs it one unit of work, and a
        run the budget cannot pay for is left to the walk, which gives up where it runs out.
        """
        text = self.text
        run = _QUESTION_RUN.match(text, pos)
        end = run.end() if run else pos
        if end - pos < 3:
            return pos
        broken = BROKEN_ANNOTATION.match(text, end - 1)
        if broken and is_annotation_syllable(broken.group(1)):
            return pos
        if self._budget < end - pos:
            return pos
        self._budget -= end - pos
        return end

    def _settle(self, hyp: _Hypothesis) -> None:
        """Move what a hypothesis emitted since the last settling to the settled output."""
        pieces: list[str] = []
        node = hyp.out
        while node is not None and node is not self._base:
            pieces.append(node[0])
            node = node[1]
        pieces.reverse()
        self._settled_text.extend(pieces)
        repairs: list[Repair] = []
        cell = _settle_region(hyp)
        while cell is not None:
            repairs.append(cell[0])
            cell = cell[1]
        repairs.reverse()
        self._settled_repairs.extend(repairs)

    def _rescore(self, rivals: list[_Hypothesis], end: int, in_step: bool) -> _Hypothesis:
        """Choose among readings that reached the same state with a word model.

        The character bigrams pick the few best; jieba's word frequencies over the damaged
        region, with a little context on both sides, decide between them.
        """
        rivals.sort(key=_score, reverse=True)
        finalists = [h for h in rivals[:_FINALISTS] if h.score >= rivals[0].score - _WORD_MARGIN]
        if len(finalists) == 1:
            winner = finalists[0]
            winner.certainty = min(winner.certainty, posterior([h.score for h in rivals]))
            return winner
        lookahead = ""
        if in_step:
            stop = _SPECIAL.search(self.text, end, end + _CONTEXT)
            lookahead = self.text[end : stop.start() if stop else end + _CONTEXT]
        self._budget -= _RESCORING_WORK * len(finalists)
        word_scores = [_segment_logp(_region_text(h) + lookahead) + h.adjustment for h in finalists]
        best = max(range(len(finalists)), key=word_scores.__getitem__)
        winner = finalists[best]
        winner.certainty = min(winner.certainty, posterior(word_scores))
        return winner

    @staticmethod
    def _prune(beam: dict[int, list[_Hypothesis]]) -> None:
        everyone = [h for hyps in beam.values() for h in hyps]
        if len(everyone) <= 1:
            return
        top = max(map(_score, everyone))
        # Scores are only comparable at the same position, but positions in the beam differ by
        # a token or two; the margin is wide enough for that.
        for pos in list(beam):
            kept = [h for h in beam[pos] if h.score >= top - _BEAM_MARGIN]
            kept.sort(key=_score, reverse=True)
            if kept:
                beam[pos] = kept[:_BEAM_WIDTH]
            else:
                del beam[pos]


def _region_text(hyp: _Hypothesis) -> str:
    """What the hypothesis emitted since its damaged region began, with some text before."""
    pieces: list[str] = []
    length = 0
    node = hyp.out
    while node is not None and node is not hyp.region_out and length < _MAX_REGION:
        pieces.append(node[0])
        length += len(node[0])
        node = node[1]
    if node is not None and node is hyp.region_out:
        pieces.append(node[0][-_CONTEXT:])
    pieces.reverse()
    return "".join(pieces)[-(_MAX_REGION + _CONTEXT) :]


def _settle_region(hyp: _Hypothesis) -> _ChangeChain:
    """Lower the confidence of the changes of the region just left to the reading's certainty."""
    if hyp.certainty >= 1.0:
        return hyp.changes
    region: list[Repair] = []
    node = hyp.changes
    while node is not None and node is not hyp.region_start:
        region.append(node[0])
        node = node[1]
    certainty = hyp.certainty
    for change in reversed(region):
        offset, before, after, reason, confidence, stage = change
        lowered = (offset, before, after, reason, min(confidence, certainty), stage)
        node = (_new_tuple(Repair, lowered), node)
    return node


@lru_cache(maxsize=1 << 14)
def _segment_logp(text: str) -> float:
    """The word model's score of a damaged region's reading.

    A third of the readings rescored are ones already seen: the same region reached again
    by another rival, or a common phrase in another document.
    """
    return load_model().segment_logp(text)


@lru_cache(maxsize=1 << 16)
def _annotation_confidence(last: str, syllable: str) -> float:
    """How sure the removal of an annotation after ``last`` is: sure when the two fit."""
    return 1.0 if last and _reading_match(last, syllable) else 0.6


def _quote_state(plain: str, quote_open: int) -> int:
    """The quote state after ``plain`` (see ``_Hypothesis.quote_open``)."""
    cut = max(plain.rfind("“"), plain.rfind("”"), plain.rfind("\n"))
    if cut < 0:
        return quote_open + len(plain) if quote_open >= 0 else -1
    return len(plain) - cut - 1 if plain[cut] == "“" else -1


def realign(text: str, table: frozenset[str]) -> tuple[str, list[Repair]]:
    """Decode damaged text back in step; ``table`` holds the characters seen annotated.

    Returns the repaired text and one record per changed token, in text order.
    """
    return _Realigner(text, table).run()


def posterior(scores: list[float]) -> float:
    """Probability of the best of several log-scores."""
    top = max(scores)
    return 1.0 / sum(math.exp(s - top) for s in scores)
