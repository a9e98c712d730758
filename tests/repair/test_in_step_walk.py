"""The in-step walk splits a segment at C speed; it must read it as the token-by-token walk did."""

from __future__ import annotations

import random
import re

import pytest

from index.model import Repair
from index.repair import realign as realign_module
from index.repair.gbk_codec import ASCII_TO_FULLWIDTH
from index.repair.pinyin import SYLLABLE, toned_syllables
from index.repair.realign import _annotation_confidence, _is_cjk, _Realigner, realign

_TOKEN = re.compile(rf"\(({SYLLABLE})\)|[(),!:;]")


def _settle_token_by_token(self: _Realigner, pos: int, stop: int, last: str) -> tuple[str, str]:
    """The walk as it was: one regex match, then one step, per token."""
    text = self.text
    pieces: list[str] = []
    for match in _TOKEN.finditer(text, pos, stop):
        start, end = match.span()
        if start < pos:
            continue
        if start > pos:
            pieces.append(text[pos:start])
            last = text[start - 1]
        syllable = match[1]
        if syllable in toned_syllables():
            confidence = _annotation_confidence(last, syllable)
            self._settled_repairs.append(Repair(start, match[0], "", "annotation", confidence))
            pos = end
            continue
        if syllable is None and last and _is_cjk(last):
            last = ASCII_TO_FULLWIDTH[match[0]]
            pieces.append(last)
            self._settled_repairs.append(Repair(start, match[0], last, "punctuation", 0.95))
            pos = end
            continue
        end, emitted, reason, confidence = self._in_step_token(start, last)
        if emitted:
            pieces.append(emitted)
            last = emitted[-1]
        if emitted != text[start:end]:
            self._settled_repairs.append(
                Repair(start, text[start:end], emitted, reason, confidence)
            )
        pos = end
    if stop > pos:
        pieces.append(text[pos:stop])
        last = text[stop - 1]
    segment = "".join(pieces)
    self._settled_text.append(segment)
    return segment, last


_PIECES = [
    "區(qū)", "動(dòng)", "現(xiàn)", "行(xyz)", "(qū)", "(", ")", "(ab", "Get(get)", ",", "!",
    ":", ";", "這", "里", "abc", " ", "\n", "“", "”", "?", "??", "????", "1", "(jié)",
    "?jié)", "時(shí)", "(ǖ)", "，",
]  # fmt: skip


def test_splitting_the_segment_is_walking_it_token_by_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(3)
    texts = ["".join(rng.choices(_PIECES, k=rng.randint(0, 30))) for _ in range(1500)]
    split = [realign(text, frozenset("區動現時")) for text in texts]
    monkeypatch.setattr(_Realigner, "_settle_in_step_text", _settle_token_by_token)
    assert realign_module._Realigner._settle_in_step_text is _settle_token_by_token
    walked = [realign(text, frozenset("區動現時")) for text in texts]
    assert split == walked
