"""A character bigram model of simplified Chinese, built from jieba's word frequencies."""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby
from pathlib import Path

import platformdirs

from index.chinese_script import fold_table
from index.table_cache import mark_used, package_file, prune_versions

_FORMAT_VERSION = 4
_MAX_WORD = 6
# Interpolation weight of the bigram against the unigram (Jelinek-Mercer smoothing).
_BIGRAM_WEIGHT = 0.7
# Punctuation and symbols are not in a word dictionary; give the common ones a fixed weight.
_SYMBOL_LOGP = {
    "，": -2.5, "。": -2.7, "、": -3.5, "“": -3.5, "”": -3.5, "：": -4.0, "；": -5.0,
    "！": -5.0, "？": -5.0, "（": -5.0, "）": -5.0, "《": -5.0, "》": -5.0, "…": -6.0,
    "—": -6.0, "‘": -6.5, "’": -6.5, "·": -6.5, "【": -7.0, "】": -7.0, "「": -7.0,
    "」": -7.0, "\n": -3.0,
}  # fmt: skip
_UNKNOWN_SYMBOL_LOGP = -16.0
_PAIR_CACHE_SIZE = 1 << 19  # about 60 MB at most
_PRIVATE_USE_LOGP = -40.0


@dataclass(frozen=True, slots=True)
class CharBigramModel:
    unigram_logp: dict[str, float]
    bigram_counts: dict[str, int]  # key: the two characters
    left_counts: dict[str, int]
    unknown_logp: float
    word_logp: dict[str, float]  # simplified words of two to six characters
    # Scores of character pairs already asked for: the same pairs recur all the time.
    _pair_cache: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def char_logp(self, char: str) -> float:
        """Unigram log-probability of a character (any script)."""
        if char in _SYMBOL_LOGP:
            return _SYMBOL_LOGP[char]
        simplified = char.translate(fold_table())
        logp = self.unigram_logp.get(simplified)
        if logp is not None:
            return logp
        return _char_class_logp(char, self.unknown_logp)

    def pair_logp(self, left: str, right: str) -> float:
        """log P(right | left), smoothed; both characters may be traditional."""
        key = left + right
        cached = self._pair_cache.get(key)
        if cached is not None:
            return cached
        logp = self._pair_logp(left, right)
        if len(self._pair_cache) < _PAIR_CACHE_SIZE:
            self._pair_cache[key] = logp
        return logp

    def _pair_logp(self, left: str, right: str) -> float:
        unigram = self.char_logp(right)
        if not left:
            return unigram
        pair = (left + right).translate(fold_table())
        count = self.bigram_counts.get(pair)
        if count is None:
            return unigram + math.log(1.0 - _BIGRAM_WEIGHT)
        bigram = count / self.left_counts[pair[0]]
        return math.log(_BIGRAM_WEIGHT * bigram + (1.0 - _BIGRAM_WEIGHT) * math.exp(unigram))

    def segment_logp(self, text: str) -> float:
        """Log-probability of the best word segmentation of ``text`` (jieba's unigram model)."""
        return self._best_path(text)[0][-1]

    def segment(self, text: str) -> list[str]:
        """The most probable split of ``text`` into words (both scripts)."""
        _, start = self._best_path(text)
        words: list[str] = []
        end = len(text)
        while end > 0:
            words.append(text[start[end] : end])
            end = start[end]
        words.reverse()
        # Like jieba, keep a run of one-character Chinese words together: it is usually a
        # name or a word the dictionary lacks (畢宇珠), not several one-character words.
        merged: list[str] = []
        for single, group in groupby(words, key=_is_single_ideograph):
            run = list(group)
            merged.extend(["".join(run)] if single else run)
        return merged

    def _best_path(self, text: str) -> tuple[list[float], list[int]]:
        """Best log-probability of each prefix of ``text``, and where its last word starts."""
        folded = text.translate(fold_table())
        words = self.word_logp
        n = len(folded)
        best = [0.0] + [-math.inf] * n
        start = [0] * (n + 1)
        for i in range(n):
            here = best[i]
            char = folded[i]
            single = 0.0 if char == "\n" else words.get(char)
            if single is None:
                single = self.char_logp(char) - 2.0
            if here + single > best[i + 1]:
                best[i + 1] = here + single
                start[i + 1] = i
            for j in range(i + 2, min(n, i + _MAX_WORD) + 1):
                logp = words.get(folded[i:j])
                if logp is not None and here + logp > best[j]:
                    best[j] = here + logp
                    start[j] = i
        return best, start


def _is_single_ideograph(word: str) -> bool:
    return len(word) == 1 and ("\u4e00" <= word <= "\u9fff" or "\u3400" <= word <= "\u4dbf")


def _char_class_logp(char: str, unknown_logp: float) -> float:
    code = ord(char)
    if 0xE000 <= code <= 0xF8FF:
        return _PRIVATE_USE_LOGP
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return unknown_logp
    if char.isascii():
        return -6.0 if char.isalnum() or char == " " else -9.0
    return _UNKNOWN_SYMBOL_LOGP


def _dictionary_path() -> Path:
    return package_file("jieba", "dict.txt")


def _build(dictionary: Path) -> CharBigramModel:
    unigram: dict[str, int] = {}
    bigram: dict[str, int] = {}
    word_freq: dict[str, int] = {}
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            freq = int(rest.split(" ", 1)[0]) if rest else 1
            if len(word) <= _MAX_WORD:
                word_freq[word] = word_freq.get(word, 0) + freq
            for char in word:
                unigram[char] = unigram.get(char, 0) + freq
            for i in range(len(word) - 1):
                pair = word[i : i + 2]
                bigram[pair] = bigram.get(pair, 0) + freq
    total = sum(unigram.values())
    left: dict[str, int] = {}
    for pair, count in bigram.items():
        left[pair[0]] = left.get(pair[0], 0) + count
    unigram_logp = {char: math.log(count / total) for char, count in unigram.items()}
    word_total = sum(word_freq.values())
    # Punctuation is about as frequent as a common word in running text.
    word_logp = {word: math.log(freq / word_total) for word, freq in word_freq.items() if freq}
    for mark, logp in _SYMBOL_LOGP.items():
        word_logp[mark] = logp - 1.0
    return CharBigramModel(unigram_logp, bigram, left, math.log(0.5 / total), word_logp)


def _cache_file(dictionary: Path) -> Path:
    stat = dictionary.stat()
    key = f"{_FORMAT_VERSION}:{dictionary}:{stat.st_size}:{stat.st_mtime_ns}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("archive-reader")) / f"char-bigrams-{digest}.pickle"


@cache
def load_model() -> CharBigramModel:
    """The model, from the on-disk cache when it is there (built once, atomically)."""
    dictionary = _dictionary_path()
    cache_file = _cache_file(dictionary)
    try:
        with cache_file.open("rb") as handle:
            model = pickle.load(handle)
        if isinstance(model, CharBigramModel):
            mark_used(cache_file)
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    model = _build(dictionary)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    except OSError:
        return model  # a read-only cache only costs start-up time
    prune_versions(cache_file.parent, "char-bigrams", ".pickle")
    return model
