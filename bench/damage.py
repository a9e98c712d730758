"""Make damaged documents with known originals, by the model in corruption.md."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import opencc
from pypinyin.pinyin_dict import pinyin_dict

from bench.sentences import SENTENCES
from index.repair.damage_model import damage_text

__all__ = [
    "DamagedDocument",
    "choose_table",
    "damage_text",
    "damaged_documents",
    "sample_clean_articles",
    "to_traditional",
]


@dataclass(frozen=True, slots=True)
class DamagedDocument:
    original: str  # clean traditional text, what the repair should give back
    damaged: str
    table: dict[str, str]


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Machine conversion, as the mirror sites did it."""
    return str(_s2t().convert(text))


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def choose_table(text: str, rng: random.Random, fraction: float | None = None) -> dict[str, str]:
    """A document's own annotation table: some of its characters that GB2312 lacks.

    The mirror annotated characters that older GB2312-only readers could not show; which of
    them differs from document to document.
    """
    # The mirror annotated GBK bytes, so only characters GBK has can be in its table.
    candidates = sorted(
        {
            c
            for c in text
            if ord(c) > 0x7F
            and _encodable(c, "gbk")
            and not _encodable(c, "gb2312")
            and ord(c) in pinyin_dict
        }
    )
    share = rng.uniform(0.4, 1.0) if fraction is None else fraction
    chosen = [c for c in candidates if rng.random() < share]
    return {c: pinyin_dict[ord(c)].split(",")[0] for c in chosen}


def sample_clean_articles(count: int = 40, seed: int = 7, sentences: int = 12) -> list[str]:
    """Clean simplified articles of a few paragraphs, shuffled from the sentence pool."""
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        picked = rng.sample(SENTENCES, k=min(sentences, len(SENTENCES)))
        paragraphs = ["".join(picked[i : i + 3]) for i in range(0, len(picked), 3)]
        articles.append("\n".join(paragraphs))
    return articles


def damaged_documents(
    count: int = 40, seed: int = 11, sentences: int = 12
) -> Iterator[DamagedDocument]:
    """Traditional originals and their damaged forms, each with its own table.

    Twelve sentences make about 500 characters; 36 make a news article of about 1,500.
    """
    rng = random.Random(seed)
    for article in sample_clean_articles(count, seed, sentences):
        original = to_traditional(article)
        table = choose_table(original, rng)
        yield DamagedDocument(original, damage_text(original, table), table)
