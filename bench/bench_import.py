"""Import throughput, end to end (repair, store, tag, index), against two Whoosh baselines.

In the same run, on the same repaired article texts:
- the naive setup: Whoosh + jieba.analyse.ChineseAnalyzer, default writer (on a sample);
- Whoosh's bare ceiling: text pre-tokenized by jieba (not timed), whitespace analyzer, procs=2;
- our search index alone (no repair, no database), procs=2.

    python bench/bench_import.py --articles 10000 --archive /tmp/archive-10k
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_archive import write_archive
from index.library import Library
from index.library.database import DATABASE_FILE
from index.search.engine import IndexDocument, SearchIndex


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def article_texts(library: Path) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(library / DATABASE_FILE)
    rows = conn.execute("SELECT id, title, body FROM articles ORDER BY id").fetchall()
    conn.close()
    return [(int(i), str(t), str(b)) for i, t, b in rows]


def naive_index(texts: list[tuple[int, str, str]], folder: Path) -> float:
    """Whoosh + jieba.analyse.ChineseAnalyzer, the default writer: seconds for ``texts``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from jieba.analyse import ChineseAnalyzer
    from whoosh import index as windex
    from whoosh.fields import ID, TEXT, Schema

    analyzer = ChineseAnalyzer()
    schema = Schema(id=ID(stored=True), title=TEXT(analyzer=analyzer), body=TEXT(analyzer=analyzer))
    ix = windex.create_in(str(folder), schema)

    def work() -> None:
        writer = ix.writer()
        for article_id, title, body in texts:
            writer.add_document(id=str(article_id), title=title, body=body)
        writer.commit()

    return timed(work)


def bare_ceiling(texts: list[tuple[int, str, str]], folder: Path) -> float:
    """Pre-tokenized text (jieba, not timed), whitespace analyzer, procs=2: seconds."""
    import jieba
    from whoosh import index as windex
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, TEXT, Schema

    jieba.setLogLevel(60)
    tokenized = [(i, " ".join(jieba.cut(t)), " ".join(jieba.cut(b))) for i, t, b in texts]
    analyzer = SpaceSeparatedTokenizer()
    schema = Schema(id=ID(stored=True), title=TEXT(analyzer=analyzer), body=TEXT(analyzer=analyzer))
    ix = windex.create_in(str(folder), schema)

    def work() -> None:
        writer = ix.writer(procs=2, multisegment=True)
        for article_id, title, body in tokenized:
            writer.add_document(id=str(article_id), title=title, body=body)
        writer.commit()

    return timed(work)


def our_index(texts: list[tuple[int, str, str]], folder: Path) -> float:
    """Our index alone (bigram analysis, tuned codec), procs=2: seconds."""
    index = SearchIndex(folder)
    documents = [IndexDocument(i, t, t + "\n" + b) for i, t, b in texts]
    seconds = timed(lambda: index.replace(documents, procs=2))
    index.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--archive", type=Path, help="archive folder (made if missing)")
    parser.add_argument("--runs", type=int, default=1, help="end-to-end runs (median)")
    parser.add_argument("--naive-sample", type=int, default=1000, help="articles for naive")
    parser.add_argument("--keep", type=Path, help="keep the last library here (for search)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    archive = args.archive or work / "archive"
    if not archive.exists():
        stats = write_archive(archive, args.articles)
        print(f"archive: {stats.files} files, {stats.bytes / 1e6:.1f} MB (made)")
    dump_bytes = folder_size(archive)
    dump_chars = sum(len(p.read_text("utf-8")) for p in archive.rglob("*.txt"))

    runs: list[float] = []
    library_dir = work / "library"
    added = characters = 0
    for _ in range(args.runs):
        shutil.rmtree(library_dir, ignore_errors=True)
        with Library(library_dir) as library:
            start = time.perf_counter()
            summary = library.import_paths([archive], procs=2)
            runs.append(time.perf_counter() - start)
        added, characters = summary.added, summary.characters
    seconds = statistics.median(runs)
    library_bytes = folder_size(library_dir)

    texts = article_texts(library_dir)
    text_chars = sum(len(t) + len(b) for _, t, b in texts)
    sample = texts[: args.naive_sample]
    sample_chars = sum(len(t) + len(b) for _, t, b in sample)
    ours = our_index(texts, work / "ours")
    (work / "naive").mkdir()
    naive = naive_index(sample, work / "naive")
    (work / "bare").mkdir()
    bare = bare_ceiling(texts, work / "bare")

    end_to_end = characters / seconds
    ours_rate, naive_rate, bare_rate = text_chars / ours, sample_chars / naive, text_chars / bare
    print(f"machine: {os.cpu_count()} cores; archive {archive}")
    print(f"articles added           {added} ({characters / 1e6:.1f}M article chars)")
    print(f"dump input               {dump_chars / 1e6:.1f}M chars, {dump_bytes / 1e6:.1f} MB")
    print(f"end to end               {seconds:.1f} s (median of {len(runs)})")
    print(f"  article chars/s        {end_to_end / 1e3:.0f}k")
    print(f"  dump chars/s           {dump_chars / seconds / 1e3:.0f}k")
    print(f"our index alone, procs=2 {ours_rate / 1e3:.0f}k article chars/s")
    print(f"naive (jieba analyzer)   {naive_rate / 1e3:.0f}k chars/s ({len(sample)} articles)")
    print(f"bare Whoosh ceiling      {bare_rate / 1e3:.0f}k chars/s")
    print(f"ratio end to end / naive {end_to_end / naive_rate:.2f}x (target >= 3)")
    print(f"ratio end to end / bare  {end_to_end / bare_rate:.0%} (target >= 70%)")
    print(f"ratio index / naive      {ours_rate / naive_rate:.2f}x")
    print(f"ratio index / bare       {ours_rate / bare_rate:.0%}")
    print(
        f"library size             {library_bytes / 1e6:.1f} MB"
        f" = {library_bytes / dump_bytes:.2f}x the dumps (target <= 3)"
    )
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        shutil.copytree(library_dir, args.keep)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
