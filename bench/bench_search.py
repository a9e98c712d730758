"""Search latency, recall against a brute-force scan, open time and disk size of a library.

    python bench/bench_import.py --articles 10000 --keep /tmp/lib-10k
    python bench/bench_search.py /tmp/lib-10k --archive /tmp/archive-10k

Queries: two words, both from one article (so most have hits), segmented by jieba. Recall:
random 2-4 character CJK substrings of library text, as typed and converted to the other
script, against a scan of every article's folded text.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import opencc
import rjieba

from index.library import Library
from index.library.database import DATABASE_FILE
from index.search.fold import fold

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_OPEN_SNIPPET = (
    "import sys, time; sys.path.insert(0, {root!r}); start = time.perf_counter();"
    " from index.library import Library; lib = Library({folder!r});"
    " opened = time.perf_counter(); lib.search('中国'); done = time.perf_counter();"
    " print(opened - start, done - start)"
)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def load_texts(folder: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(folder / DATABASE_FILE)
    rows = conn.execute("SELECT id, title || char(10) || body FROM articles").fetchall()
    conn.close()
    return [(int(i), str(text)) for i, text in rows]


def two_word_queries(texts: list[tuple[int, str]], count: int, rng: random.Random) -> list[str]:
    queries: list[str] = []
    while len(queries) < count:
        _, text = rng.choice(texts)
        words = [w for w in rjieba.cut(fold(text)) if len(w) >= 2 and _CJK_RUN.fullmatch(w)]
        if len(words) >= 2:
            first, second = rng.sample(words, 2)
            queries.append(f"{first} {second}")
    return queries


def substrings(texts: list[tuple[int, str]], count: int, rng: random.Random) -> list[str]:
    found: list[str] = []
    while len(found) < count:
        _, text = rng.choice(texts)
        runs = _CJK_RUN.findall(text)
        if not runs:
            continue
        run = rng.choice(runs)
        length = min(len(run), rng.randint(2, 4))
        start = rng.randrange(0, len(run) - length + 1)
        found.append(run[start : start + length])
    return found


def measure_latency(library: Library, queries: list[str]) -> list[float]:
    library.search(queries[0])  # load the vocabulary and warm the searcher
    latencies = []
    for query in queries:
        start = time.perf_counter()
        library.search(query, limit=10)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def measure_recall(
    library: Library, texts: list[tuple[int, str]], needles: list[str]
) -> tuple[int, int, list[str]]:
    folded = [(i, fold(text)) for i, text in texts]
    to_traditional = opencc.OpenCC("s2t").convert
    expected_total = found_total = 0
    misses: list[str] = []
    for needle in needles:
        for variant in {needle, str(to_traditional(needle))}:
            target = fold(variant)
            expected = {i for i, text in folded if target in text}
            hits = library.search(f'"{variant}"', limit=len(expected) + 10, exact_total=True)
            found = {hit.id for hit in hits.hits} & expected
            if hits.total >= len(expected) and len(found) < len(expected):
                found = expected & _all_hits(library, variant, hits.total)
            expected_total += len(expected)
            found_total += len(found)
            if len(found) < len(expected):
                misses.append(variant)
    return found_total, expected_total, misses


def _all_hits(library: Library, variant: str, total: int) -> set[int]:
    hits = library.search(f'"{variant}"', limit=max(total, 1), exact_total=True)
    return {hit.id for hit in hits.hits}


def measure_open(folder: Path, runs: int) -> tuple[float, float]:
    """Median seconds to import and open the library, and to the first search, in a new
    process each time (the interpreter's own start-up is not counted)."""
    root = str(Path(__file__).resolve().parents[1])
    opened, searched = [], []
    for _ in range(runs):
        code = _OPEN_SNIPPET.format(root=root, folder=str(folder))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        first, second = out.stdout.split()
        opened.append(float(first))
        searched.append(float(second))
    return statistics.median(opened), statistics.median(searched)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--archive", type=Path, help="the dumps it was imported from (size)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--recall-queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="latency and open runs (median)")
    args = parser.parse_args(argv)

    rng = random.Random(17)
    texts = load_texts(args.library)
    queries = two_word_queries(texts, args.queries, rng)
    needles = substrings(texts, args.recall_queries, rng)
    open_seconds, first_search = measure_open(args.library, args.runs)

    with Library(args.library) as library:
        runs = [measure_latency(library, queries) for _ in range(args.runs)]
        p50 = statistics.median(statistics.median(r) for r in runs)
        p95 = statistics.median(percentile(r, 0.95) for r in runs)
        worst = statistics.median(max(r) for r in runs)
        found, expected, misses = measure_recall(library, texts, needles)

    print(f"library          {args.library}: {len(texts)} articles")
    print(f"open             {open_seconds * 1000:.0f} ms (imports + Library(); target <= 300)")
    print(f"  + first search {first_search * 1000:.0f} ms (loads the bigram vocabulary)")
    print(
        f"2-word queries   p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms"
        f" ({len(queries)} queries x {args.runs} runs, limit 10, snippets included)"
    )
    print(
        f"recall           {found}/{expected} = {found / max(expected, 1):.2%} of scan hits"
        f" ({len(needles)} substrings of 2-4 chars, simplified + traditional)"
    )
    if misses:
        print(f"  misses         {misses[:10]}")
    size = folder_size(args.library)
    line = f"disk             {size / 1e6:.1f} MB"
    if args.archive:
        line += f" = {size / folder_size(args.archive):.2f}x the dumps (target <= 3)"
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
