"""Import throughput, end to end (repair, store, tag, index), against reference points.

In the same run, on the same repaired article texts:
- the naive setup: Whoosh + jieba.analyse.ChineseAnalyzer, default writer (on a sample);
- Whoosh's bare ceiling: text pre-tokenized by jieba (not timed), whitespace analyzer, procs=2;
- SQLite FTS5 with the trigram tokenizer (a C indexer, for scale);
- our search index alone: analysis in 2 processes, the bulk segment writer (no repair, no
  database).
Optionally, an incremental import of another archive into the finished library.

    python bench/make_archive.py 10000 /tmp/arch10k
    python bench/bench_import.py --archive /tmp/arch10k --incremental /tmp/arch1k-new --write-docs
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.doc_blocks import DOC, replace_block
from index.library import Library
from index.library.database import DATABASE_FILE
from index.library.stored_form import stored_text
from index.search.codec import FieldPostings
from index.search.engine import IndexDocument, SearchIndex

SECTION = "### Import (`bench_import.py`)"
Texts = list[tuple[int, str, str]]


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def article_texts(library: Path) -> Texts:
    conn = sqlite3.connect(library / DATABASE_FILE)
    rows = conn.execute("SELECT id, title, body FROM articles ORDER BY id").fetchall()
    conn.close()
    return [(int(i), str(t), stored_text(b)) for i, t, b in rows]


def characters(texts: Texts) -> int:
    return sum(len(t) + len(b) for _, t, b in texts)


# Reference points ------------------------------------------------------------------------------


def naive_index(texts: Texts, folder: Path) -> float:
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


def bare_ceiling(texts: Texts, folder: Path) -> float:
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


def fts5_trigram(texts: Texts, folder: Path) -> tuple[float, int]:
    """SQLite FTS5, trigram tokenizer, one transaction: seconds and bytes on disk."""
    path = folder / "fts5.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize='trigram')")

    def work() -> None:
        with conn:
            conn.executemany("INSERT INTO articles VALUES (?, ?)", [(t, b) for _, t, b in texts])

    seconds = timed(work)
    conn.close()
    return seconds, path.stat().st_size


_worker_bigrams: frozenset[str] = frozenset()


def _analyze(documents: list[IndexDocument]) -> list[dict[str, FieldPostings]]:
    return [document.analyze(_worker_bigrams) for document in documents]


def our_index(texts: Texts, folder: Path) -> float:
    """Our index alone, as an import writes it: analysis in 2 processes, bulk writer."""
    global _worker_bigrams
    index = SearchIndex(folder)
    _worker_bigrams = frozenset(index.bigrams)
    documents = [IndexDocument(i, t, t + "\n" + b) for i, t, b in texts]
    chunks = [documents[i : i + 20] for i in range(0, len(documents), 20)]

    def work() -> None:
        with multiprocessing.get_context("fork").Pool(2) as pool, index.batch() as batch:
            for chunk, analyzed in zip(chunks, pool.imap(_analyze, chunks), strict=True):
                for document, postings in zip(chunk, analyzed, strict=True):
                    batch.add(document, postings)

    seconds = timed(work)
    index.close()
    return seconds


# The end-to-end import -------------------------------------------------------------------------


@dataclass
class ImportRun:
    seconds: float
    main_cpu: float
    workers_cpu: float
    added: int
    characters: int


@dataclass
class Report:
    archive: Path
    articles: int
    dump_bytes: int
    runs: list[ImportRun] = field(default_factory=list)
    library_bytes: int = 0
    index_bytes: int = 0
    segments: int = 0
    peak_rss_mb: float = 0.0
    incremental: tuple[int, float, int, int, bool] | None = None  # added, s, segs before/after
    reference: dict[str, float] = field(default_factory=dict)  # name -> chars/s
    reference_sample: dict[str, int] = field(default_factory=dict)  # name -> articles
    fts5_bytes: int = 0
    text_chars: int = 0

    @property
    def median(self) -> ImportRun:
        ordered = sorted(self.runs, key=lambda run: run.seconds)
        return ordered[len(ordered) // 2]

    @property
    def rate(self) -> float:
        return self.median.characters / self.median.seconds


def import_once(archive: Path, library_dir: Path) -> ImportRun:
    shutil.rmtree(library_dir, ignore_errors=True)
    main_before, workers_before = own_cpu(), children_cpu()
    with Library(library_dir) as library:
        start = time.perf_counter()
        summary = library.import_paths([archive])
        seconds = time.perf_counter() - start
    return ImportRun(
        seconds,
        own_cpu() - main_before,
        children_cpu() - workers_before,
        summary.added,
        summary.characters,
    )


def incremental_import(library_dir: Path, archive: Path) -> tuple[int, float, int, int, bool]:
    """Import ``archive`` into the finished library: added, seconds, segments before and
    after, and whether every large segment was left as it was (no rebuild)."""
    with Library(library_dir) as library:
        before = {s.segment_id(): s.doc_count_all() for s in library.index._index._segments()}
        start = time.perf_counter()
        summary = library.import_paths([archive])
        seconds = time.perf_counter() - start
        after = {s.segment_id() for s in library.index._index._segments()}
    large_kept = all(name in after for name, count in before.items() if count >= 5_000)
    return summary.added, seconds, len(before), len(after), large_kept


def measure(args: argparse.Namespace, work: Path) -> Report:
    archive: Path = args.archive
    dump_bytes = folder_size(archive)
    report = Report(archive, 0, dump_bytes)
    library_dir = work / "library"
    for number in range(args.runs):
        run = import_once(archive, library_dir)
        report.runs.append(run)
        print(f"run {number + 1}: {run.added} articles in {run.seconds:.1f} s", flush=True)
    report.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.articles = report.median.added
    report.library_bytes = folder_size(library_dir)
    report.index_bytes = folder_size(library_dir / "index")
    with Library(library_dir) as library:
        report.segments = len(library.index._index._segments())
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        shutil.copytree(library_dir, args.keep)
    if args.incremental:
        report.incremental = incremental_import(library_dir, args.incremental)

    texts = article_texts(library_dir)
    report.text_chars = characters(texts)
    sample = texts[: args.baseline_sample]
    naive_sample = texts[: args.naive_sample]
    baselines: list[tuple[str, Texts, Callable[[Texts, Path], float]]] = [
        ("ours", sample, our_index),
        ("naive", naive_sample, naive_index),
        ("bare", sample, bare_ceiling),
    ]
    for name, chosen, index_them in baselines:
        folder = work / name
        folder.mkdir()
        seconds = index_them(chosen, folder)
        report.reference[name] = characters(chosen) / seconds
        report.reference_sample[name] = len(chosen)
        shutil.rmtree(folder)
        print(f"{name}: {report.reference[name] / 1e3:.0f}k chars/s", flush=True)
    (work / "fts5").mkdir()
    fts5_seconds, report.fts5_bytes = fts5_trigram(sample, work / "fts5")
    report.reference["fts5"] = characters(sample) / fts5_seconds
    report.reference_sample["fts5"] = len(sample)
    return report


# Report ---------------------------------------------------------------------------------------


def table(report: Report) -> str:
    run, rate = report.median, report.rate
    naive, bare, ours, fts5 = (report.reference[k] for k in ("naive", "bare", "ours", "fts5"))
    sample = report.reference_sample
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    cpu = run.main_cpu + run.workers_cpu
    all_seconds = ", ".join(f"{r.seconds:.1f}" for r in report.runs)
    lines = [
        f"**{report.articles:,} articles** ({run.characters / 1e6:.1f}M characters of title and"
        f" body; dumps {report.dump_bytes / 1e6:.1f} MB), `{report.archive}`, {os.cpu_count()}"
        f" cores, load average at the end {load}. Median of {len(report.runs)} import runs"
        f" ({all_seconds} s).",
        "",
        "| what | throughput (article chars/s) | ratio | target |",
        "|---|---|---|---|",
        f"| **end to end**: read, repair, clean, tag, store, index (`Library.import_paths`)"
        f" | **{rate / 1e3:.0f}k** ({run.seconds:.1f} s) | | >= 200k |",
        f"| naive: Whoosh + `jieba.analyse.ChineseAnalyzer`, default writer"
        f" ({sample['naive']:,} articles) | {naive / 1e3:.0f}k | end to end"
        f" **{rate / naive:.2f}x** | >= 3x |",
        f"| Whoosh's bare ceiling: jieba-pre-tokenized text, whitespace analyzer, procs=2"
        f" ({sample['bare']:,} articles) | {bare / 1e3:.0f}k | end to end"
        f" **{rate / bare:.0%}** | >= 70% |",
        f"| SQLite FTS5, trigram tokenizer, one transaction ({sample['fts5']:,} articles)"
        f" | {fts5 / 1e3:.0f}k | end to end {rate / fts5:.0%} | reference |",
        f"| our index alone: analysis in 2 processes, bulk segment writer"
        f" ({sample['ours']:,} articles) | {ours / 1e3:.0f}k | {ours / naive:.2f}x naive,"
        f" {ours / bare:.0%} of bare | |",
        "",
        f"- CPU: main process {run.main_cpu:.0f} s, worker processes {run.workers_cpu:.0f} s"
        f" ({cpu / run.seconds:.2f} cores busy on average); peak RSS of the importing"
        f" process {report.peak_rss_mb:.0f} MB.",
        f"- Library on disk: {report.library_bytes / 1e6:.1f} MB ="
        f" **{report.library_bytes / report.dump_bytes:.2f}x the dumps** (target <= 3x); the"
        f" index {report.index_bytes / 1e6:.1f} MB in {report.segments} segments. FTS5 trigram"
        f" for {sample['fts5']:,} articles: {report.fts5_bytes / 1e6:.1f} MB.",
    ]
    if report.incremental:
        added, seconds, before, after, kept = report.incremental
        lines.append(
            f"- Incremental import of {added:,} new articles into this library:"
            f" **{seconds:.1f} s** (target <= 10 s); segments {before} -> {after};"
            f" {'no large segment rewritten' if kept else 'A LARGE SEGMENT WAS REWRITTEN'}."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--archive", type=Path, required=True, help="made by make_archive.py")
    parser.add_argument("--runs", type=int, default=1, help="end-to-end runs (median)")
    parser.add_argument("--naive-sample", type=int, default=1000, help="articles for naive")
    parser.add_argument(
        "--baseline-sample", type=int, default=10_000, help="articles for ours, bare and FTS5"
    )
    parser.add_argument("--incremental", type=Path, help="an archive to import afterwards")
    parser.add_argument("--keep", type=Path, help="keep the library here (for bench_search)")
    parser.add_argument("--write-docs", action="store_true", help="update performance.md")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        report = measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = table(report)
    print(text)
    if args.write_docs:
        replace_block(DOC, f"bench_import {report.articles} articles", text, SECTION)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
