"""Write a synthetic damaged archive of N page dumps (~1,500 characters each) for benchmarks.

Articles are simplified news text: sentences from the project's sentence pool mixed with
sentences drawn from jieba's dictionary (common words plus a per-article topic vocabulary,
so words repeat within an article as they do in real news). Each article is converted to
traditional characters and damaged with bench/damage.py, the model of corruption.md.

    python bench/make_archive.py 10000 /tmp/archive-10k
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.damage import choose_table, damage_text
from bench.sentences import SENTENCES
from index.chinese_script import opencc_dictionary

__all__ = ["ArchiveStats", "synthetic_article", "write_archive"]

ARTICLE_CHARS = 1500
FILES_PER_FOLDER = 1000
_COMMON_WORDS = 3000
_VOCABULARY = 60000
_OUTLETS = [
    "江门日报",
    "人民日报",
    "南方日报",
    "北京日报",
    "解放日报",
    "新华日报",
    "羊城晚报",
    "广州日报",
    "长江日报",
    "湖北日报",
    "四川日报",
    "浙江日报",
    "大众日报",
    "河南日报",
    "经济日报",
    "光明日报",
    "文汇报",
    "新京报",
    "扬子晚报",
    "齐鲁晚报",
]


@dataclass(frozen=True, slots=True)
class ArchiveStats:
    files: int
    characters: int  # of the damaged dump text
    bytes: int


@cache
def _words() -> tuple[list[str], list[int]]:
    """The most frequent all-CJK words of jieba's dictionary and cumulative weights."""
    rows: list[tuple[int, str]] = []
    with files("jieba").joinpath("dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, _ = line.split(" ")
            if all("\u4e00" <= c <= "\u9fff" for c in word):
                rows.append((int(freq), word))
    rows.sort(reverse=True)
    rows = rows[:_VOCABULARY]
    return [w for _, w in rows], list(itertools.accumulate(f for f, _ in rows))


def _in_gbk(char: str) -> bool:
    """The damage model encodes text as GBK; mirror sites never had other characters."""
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _to_traditional_table() -> dict[int, str]:
    table: dict[int, str] = {}
    with opencc_dictionary("STCharacters.txt").open(encoding="utf-8") as handle:
        for line in handle:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0]
            if len(source) == 1 and len(target) == 1 and _in_gbk(target):
                table[ord(source)] = target
    return table


def _sentence(rng: random.Random, topic: list[str]) -> str:
    words, cumulative = _words()
    parts: list[str] = []
    for _ in range(rng.randint(6, 18)):
        if rng.random() < 0.4:
            parts.append(rng.choice(topic))
        else:
            parts.append(rng.choices(words[:_COMMON_WORDS], cumulative[:_COMMON_WORDS])[0])
        if rng.random() < 0.12:
            parts.append("，")
    return "".join(parts).strip("，") + "。"


def synthetic_article(rng: random.Random) -> tuple[str, list[str]]:
    """A simplified title and paragraphs of about ARTICLE_CHARS characters in all."""
    words, cumulative = _words()
    topic = rng.choices(words[_COMMON_WORDS:], cumulative[_COMMON_WORDS:], k=40)
    title = "".join(rng.sample(topic, 3)) + rng.choice(["", "：", "，"]) + rng.choice(topic)
    paragraphs: list[str] = []
    length = 0
    while length < ARTICLE_CHARS:
        sentences = [
            rng.choice(SENTENCES) if rng.random() < 0.25 else _sentence(rng, topic)
            for _ in range(rng.randint(2, 5))
        ]
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph)
    return title, paragraphs


def _dump(number: int, seed: int) -> str:
    rng = random.Random(seed * 1_000_003 + number)
    title, paragraphs = synthetic_article(rng)
    outlet = rng.choice(_OUTLETS)
    published = (
        f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        f" {rng.randint(6, 22):02d}:{rng.choice(['00', '15', '30', '45'])}"
    )
    body = "\n\n".join("????" + p for p in paragraphs)
    page = f"{title}\n\n來源:{outlet}  發表時間:{published}\n\n{body}\n\n分享到:\n"
    traditional = page.translate(_to_traditional_table())
    return damage_text(traditional, choose_table(traditional, rng))


def _write(job: tuple[Path, int, int]) -> tuple[int, int]:
    folder, number, seed = job
    text = _dump(number, seed)
    path = folder / f"{number // FILES_PER_FOLDER:04d}" / f"{number:07d}.txt"
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(text), len(data)


def _jobs(folder: Path, count: int, seed: int) -> Iterator[tuple[Path, int, int]]:
    for number in range(count):
        if number % FILES_PER_FOLDER == 0:
            (folder / f"{number // FILES_PER_FOLDER:04d}").mkdir(parents=True, exist_ok=True)
        yield folder, number, seed


def write_archive(folder: Path, count: int, seed: int = 1, processes: int = 2) -> ArchiveStats:
    """Write ``count`` damaged page dumps under ``folder`` (1,000 per subfolder)."""
    folder.mkdir(parents=True, exist_ok=True)
    characters = size = 0
    with Pool(processes) as pool:
        for chars, nbytes in pool.imap_unordered(_write, _jobs(folder, count, seed), 200):
            characters += chars
            size += nbytes
    return ArchiveStats(count, characters, size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="number of articles (one dump file each)")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    stats = write_archive(args.folder, args.count, args.seed)
    print(
        f"{stats.files} files, {stats.characters / 1e6:.1f}M characters,"
        f" {stats.bytes / 1e6:.1f} MB in {args.folder}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
