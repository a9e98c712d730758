"""The bigram vocabulary: character pairs that occur inside dictionary words get index terms.

A bigram index of Chinese holds millions of distinct pairs, most of them across word
boundaries and seen once; Whoosh spends ~100 bytes and a disk write per distinct term.
Pairs found inside jieba's dictionary words (~300k) are indexed as bigram terms; every
other pair is covered by single-character terms at the same positions, so search stays exact.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.search.fold import fold
from index.table_cache import cached_table, package_file

__all__ = ["Vocabulary", "default_vocabulary", "load_vocabulary", "registered_vocabulary"]

_REGISTRY: dict[str, Vocabulary] = {}


@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    """Folded two-character strings that are indexed as terms; ``key`` names the set."""

    key: str
    bigrams: frozenset[str]

    def save(self, path: Path) -> None:
        """The key on the first line, then the bigrams, compressed."""
        path.write_bytes(_serialized(self))


@cache
def _serialized(vocabulary: Vocabulary) -> bytes:
    data = zlib.compress("".join(sorted(vocabulary.bigrams)).encode("utf-8"), 1)
    return vocabulary.key.encode("ascii") + b"\n" + data


def _register(key: str, bigrams: frozenset[str]) -> Vocabulary:
    return _REGISTRY.setdefault(key, Vocabulary(key, bigrams))


@cache
def default_vocabulary() -> Vocabulary:
    """Every pair of CJK characters inside a word of jieba's dictionary, folded (built once
    and cached on disk: 1.3 s that every new library's first import waited for)."""
    dictionary = package_file("jieba", "dict.txt")
    key, bigrams = cached_table("bigram-vocabulary", [dictionary], lambda: _build(dictionary))
    return _register(key, bigrams)


def _build(dictionary: Path) -> tuple[str, frozenset[str]]:
    bigrams: set[str] = set()
    with dictionary.open(encoding="utf-8") as handle:
        for line in handle:
            word = fold(line.split(" ", 1)[0])
            if len(word) >= 2 and all("\u3400" <= c <= "\u9fff" for c in word):
                bigrams.update(word[i : i + 2] for i in range(len(word) - 1))
    ordered = "".join(sorted(bigrams)).encode("utf-8")
    return hashlib.blake2b(ordered, digest_size=8).hexdigest(), frozenset(bigrams)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read a vocabulary saved with :meth:`Vocabulary.save` and register it by its key."""
    key, _, data = path.read_bytes().partition(b"\n")
    if key.decode("ascii") in _REGISTRY:
        return _REGISTRY[key.decode("ascii")]
    text = zlib.decompress(data).decode("utf-8")
    return _register(
        key.decode("ascii"), frozenset(text[i : i + 2] for i in range(0, len(text), 2))
    )


def registered_vocabulary(key: str) -> Vocabulary:
    """The vocabulary an index field was made with (loaded when its index was opened)."""
    try:
        return _REGISTRY[key]
    except KeyError:
        raise LookupError(f"bigram vocabulary {key} is not loaded") from None
