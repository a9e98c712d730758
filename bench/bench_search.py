"""Search latency by query class, recall against a brute-force scan, open time and disk size.

    python bench/bench_import.py --archive /tmp/arch10k --keep /tmp/lib10k
    python bench/bench_search.py /tmp/lib10k --archive /tmp/arch10k --runs 3 --write-docs

Latency: the fixed, seeded query set of :mod:`bench.search_queries` (1-4 words, simplified
and traditional, without and with an ``outlet:``/``tag:``/``date:``/``title:`` filter), each
through ``Library.search(query, limit=10)`` with its snippets, ``--runs`` times; a figure is
the median over the runs of that run's percentile. Recall, in the same run: every query of
the set, and random 2-4 character substrings of library text as typed and in the other
script, against a scan of every article's folded text. The searches split the segments with
the search helper process, as the GUI's do, unless ``--no-helper``. ``--write-docs``
replaces this library size's block in the search subsection of docs/performance.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import random
import re
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import opencc

from bench.doc_blocks import DOC, replace_block
from bench.search_queries import (
    FILTER_KINDS,
    SCRIPTS,
    WORD_COUNTS,
    BenchArticle,
    BenchQuery,
    Scanner,
    load_articles,
    make_query_set,
)
from index.library import Library
from index.search.query import parse_query
from index.search.search_helper import SearchHelper

ROOT = Path(__file__).resolve().parents[1]
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_OPEN_SNIPPET = (
    "import sys, time; sys.path.insert(0, {root!r}); start = time.perf_counter();"
    " from index.library import Library; lib = Library({folder!r});"
    " opened = time.perf_counter(); lib.search('中国'); done = time.perf_counter();"
    " print(opened - start, done - start)"
)
SECTION_HEADING = "### Search (`bench_search.py`)"
TARGETS = {"p50": 15.0, "p95": 50.0, "max": 200.0}


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# Latency ------------------------------------------------------------------------------------


def start_search_helper(library: Library, limit: float = 60.0) -> SearchHelper | None:
    """Start the search helper process, as the GUI does a few seconds after its window
    opens, and wait until it has opened the index; None if the library is too small for
    one (:mod:`index.search.search_helper`)."""
    library.index.start_search_helper()
    helper = library.index.search_helper
    if helper is not None and not helper.wait_until_usable(limit):
        raise RuntimeError("the search helper did not start")
    return helper


def time_queries(library: Library, queries: list[BenchQuery]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each query, in order (limit 10, snippets
    included). On the shared machine the wall clock also counts other jobs' turns; the
    process's CPU time does not."""
    wall, cpu = [], []
    for query in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        library.search(query.text, limit=10)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


@dataclass(frozen=True, slots=True)
class Figures:
    """p50 / p95 / max in milliseconds, each the median over runs, of ``count`` queries."""

    label: str
    count: int
    p50: float
    p95: float
    worst: float

    def meets_targets(self) -> bool:
        return (
            self.p50 <= TARGETS["p50"]
            and self.p95 <= TARGETS["p95"]
            and self.worst <= TARGETS["max"]
        )


def figures(label: str, runs: list[list[float]], selected: list[int]) -> Figures:
    chosen = [[run[i] for i in selected] for run in runs]
    return Figures(
        label,
        len(selected),
        statistics.median(statistics.median(r) for r in chosen),
        statistics.median(percentile(r, 0.95) for r in chosen),
        statistics.median(max(r) for r in chosen),
    )


def class_figures(queries: list[BenchQuery], runs: list[list[float]]) -> list[Figures]:
    """Overall, then per word count, per script, unfiltered and filtered, per filter kind."""
    classes: list[tuple[str, Callable[[BenchQuery], bool]]] = [("all queries", lambda q: True)]
    for count in WORD_COUNTS:
        label = f"{count} word" + ("s" if count > 1 else "")
        classes.append((label, lambda q, count=count: q.word_count == count))  # type: ignore[misc]
    for script in SCRIPTS:
        classes.append((script, lambda q, script=script: q.script == script))  # type: ignore[misc]
    classes.append(("no filter", lambda q: not q.filtered))
    classes.append(("with a filter", lambda q: q.filtered))
    for kind in FILTER_KINDS:
        classes.append((f"  {kind}:", lambda q, kind=kind: q.filter_kind == kind))  # type: ignore[misc]
    rows = []
    for label, belongs in classes:
        selected = [i for i, q in enumerate(queries) if belongs(q)]
        if selected:
            rows.append(figures(label, runs, selected))
    return rows


def slowest(queries: list[BenchQuery], runs: list[list[float]], count: int) -> list[int]:
    """Indexes of the ``count`` queries with the highest median latency over the runs."""
    medians = [statistics.median(run[i] for run in runs) for i in range(len(queries))]
    return sorted(range(len(queries)), key=lambda i: -medians[i])[:count]


def profile(library: Library, queries: list[BenchQuery], lines: int = 30) -> str:
    """cProfile of these queries (cumulative time), as text."""
    profiler = cProfile.Profile()
    profiler.enable()
    for query in queries:
        library.search(query.text, limit=10)
    profiler.disable()
    out = _Capture()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)  # type: ignore[arg-type]
    return out.text


class _Capture:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)


# Recall ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Recall:
    """Scan hits the search also found, of all scan hits; the queries that missed some."""

    found: int = 0
    expected: int = 0
    queries: int = 0
    misses: list[str] | None = None

    def add(self, query: str, expected: set[int], hits: set[int]) -> None:
        self.queries += 1
        self.expected += len(expected)
        self.found += len(expected & hits)
        if expected - hits:
            self.misses = [*(self.misses or []), query]

    @property
    def share(self) -> float:
        return self.found / max(self.expected, 1)


def all_hits(library: Library, text: str, articles: int) -> set[int]:
    """Every article the index finds for ``text`` (no snippets)."""
    parsed = parse_query(text, library.index.bigrams)
    page = library.index.search(parsed, limit=max(1, articles), exact_total=True)
    return {hit.article_id for hit in page.hits}


def query_set_recall(library: Library, scanner: Scanner, queries: list[BenchQuery]) -> Recall:
    recall = Recall()
    for query in queries:
        expected = scanner.matches(query)
        recall.add(query.text, expected, all_hits(library, query.text, len(scanner.articles)))
    return recall


def substrings(articles: list[BenchArticle], count: int, rng: random.Random) -> list[str]:
    found: list[str] = []
    while len(found) < count:
        runs = _CJK_RUN.findall(rng.choice(articles).text)
        if not runs:
            continue
        run = rng.choice(runs)
        length = min(len(run), rng.randint(2, 4))
        start = rng.randrange(0, len(run) - length + 1)
        found.append(run[start : start + length])
    return found


def substring_recall(library: Library, scanner: Scanner, needles: list[str]) -> Recall:
    """Each substring quoted, as found and converted to the other script."""
    to_traditional: Callable[[str], str] = opencc.OpenCC("s2t").convert
    recall = Recall()
    for needle in needles:
        for variant in sorted({needle, str(to_traditional(needle))}):
            expected = scanner.containing(variant)
            hits = all_hits(library, f'"{variant}"', len(scanner.articles))
            recall.add(variant, expected, hits)
    return recall


# Open time --------------------------------------------------------------------------------


def open_in_new_process(folder: Path, runs: int) -> tuple[float, float]:
    """Median milliseconds to import and open the library, and to the end of a first search,
    in a new process each time (the interpreter's own start-up is not counted)."""
    opened, searched = [], []
    for _ in range(runs):
        code = _OPEN_SNIPPET.format(root=str(ROOT), folder=str(folder))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        first, second = out.stdout.split()
        opened.append(float(first) * 1000)
        searched.append(float(second) * 1000)
    return statistics.median(opened), statistics.median(searched)


def open_in_process(folder: Path, runs: int) -> float:
    """Median milliseconds of ``Library(folder)`` (health check included) and closing it."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        Library(folder).close()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# Report --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Report:
    command: str
    label: str
    articles: int
    queries: int
    runs: int
    rows: list[Figures]
    cpu_rows: list[Figures]
    slow: list[tuple[float, int, bool, str]]  # median ms, total, total exact, query
    query_recall: Recall
    substring_recall: Recall
    substring_count: int
    open_fresh: float
    first_search: float
    open_warm: float
    disk: int
    archive: int | None
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    helped: int  # timed searches whose other half the helper ranked (-1: no helper)


def _cell(value: float, target: str) -> str:
    text = f"{value:.1f}"
    return f"**{text}**" if value > TARGETS[target] else text


def latency_table(rows: list[Figures], cpu_rows: list[Figures]) -> str:
    lines = [
        "| query class | queries | p50 ms | p95 ms | max ms | CPU p50 / p95 / max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row, cpu in zip(rows, cpu_rows, strict=True):
        label = row.label.strip() if not row.label.startswith(" ") else "… " + row.label.strip()
        lines.append(
            f"| {label} | {row.count} | {_cell(row.p50, 'p50')} | {_cell(row.p95, 'p95')}"
            f" | {_cell(row.worst, 'max')} | {cpu.p50:.1f} / {cpu.p95:.1f} / {cpu.worst:.1f} |"
        )
    return "\n".join(lines)


def slow_table(slow: list[tuple[float, int, bool, str]]) -> str:
    lines = ["| ms (median) | matches | query |", "|---:|---:|---|"]
    for ms, total, exact, text in slow:
        lines.append(f"| {ms:.1f} | {'' if exact else '~'}{total:,} | `{text}` |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()},"
        f" Python {platform.python_version()}"
    )


def _load(values: tuple[float, float, float]) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def other_table(report: Report) -> str:
    qr, sr = report.query_recall, report.substring_recall
    ratio = f" = {report.disk / report.archive:.2f}x the dumps" if report.archive else ""
    rows = [
        (
            "recall, the query set vs a scan",
            f"**{qr.share:.2%}** ({qr.found:,} of {qr.expected:,} scan hits, {qr.queries} queries)",
        ),
        (
            f"recall, {report.substring_count} substrings of 2-4 characters,"
            " as found and in the other script",
            f"**{sr.share:.2%}** ({sr.found:,} of {sr.expected:,})",
        ),
        (
            "open in a new process, imports included; + first search",
            f"{report.open_fresh:.0f} ms; {report.first_search:.0f} ms",
        ),
        ("open `Library(folder)` in process (health check included)", f"{report.open_warm:.0f} ms"),
        ("disk: library folder", f"{report.disk / 1e6:.1f} MB{ratio}"),
    ]
    return "\n".join(["| what | figure |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)])


def render(report: Report) -> str:
    qr, sr = report.query_recall, report.substring_recall
    misses = ""
    if qr.misses or sr.misses:
        misses = f"\n\nMissed: {', '.join((qr.misses or [])[:5] + (sr.misses or [])[:5])}"
    return f"""#### {report.label} (written by `bench/bench_search.py`)

```
{report.command}
```

{machine()}; load average (1 / 5 / 15 min) {_load(report.load_before)} before,
{_load(report.load_after)} after. {report.queries} queries, {report.runs} runs; every figure
is the median over the runs of that run's figure. Wall-clock latency, bold where over the
issue's target (p50 <= 15, p95 <= 50, max <= 200 ms at 100k); the last column is the
search process's CPU time, which other jobs on the machine do not inflate. {_helper_line(report)}

{latency_table(report.rows, report.cpu_rows)}

Slowest queries (~: an estimated total):

{slow_table(report.slow)}

{other_table(report)}{misses}
"""


def _helper_line(report: Report) -> str:
    if report.helped >= 0:
        return (
            "Searches split the segments with the search helper process, as in the GUI: it"
            f" ranked the other half of {report.helped:,} of the {report.queries * report.runs:,}"
            " timed searches (the CPU column is this process's half)."
        )
    return "Searches ran in one process (no search helper)."


def marker(label: str) -> str:
    """The docs block's marker for a library label ("10,000 articles" -> bench_search 10000)."""
    return "bench_search " + "-".join(re.findall(r"[a-z0-9]+", label.lower().replace(",", "")))


# Main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("library", type=Path, help="a library folder (a copy: it is opened)")
    parser.add_argument("--archive", type=Path, help="the dumps it was imported from (size)")
    parser.add_argument("--queries", type=int, default=320, help="size of the query set")
    parser.add_argument("--recall-queries", type=int, default=300, help="substrings")
    parser.add_argument("--runs", type=int, default=3, help="latency and open runs (median)")
    parser.add_argument("--slowest", type=int, default=10, help="slowest queries to list")
    parser.add_argument("--profile", type=int, default=0, help="cProfile the N slowest")
    parser.add_argument(
        "--no-helper", action="store_true", help="search in one process (no search helper)"
    )
    parser.add_argument("--write-docs", action="store_true", help="update performance.md")
    parser.add_argument("--doc", type=Path, default=DOC)
    parser.add_argument("--label", help='the docs block\'s title (default: "N articles")')
    args = parser.parse_args(argv)
    command = "python " + " ".join(shlex.quote(a) for a in ["bench/bench_search.py", *sys.argv[1:]])
    load_before = os.getloadavg()

    articles = load_articles(args.library)
    article_count = len(articles)
    queries = make_query_set(articles, args.queries)
    needles = substrings(articles, args.recall_queries, random.Random(17))
    # The app holds no article texts while it searches: neither do the timed runs (the
    # garbage collector's full passes would otherwise count them on some queries).
    del articles
    gc.collect()
    open_fresh, first_search = open_in_new_process(args.library, args.runs)
    open_warm = open_in_process(args.library, args.runs)

    with Library(args.library) as library:
        helper = None if args.no_helper else start_search_helper(library)
        library.warm_up_search()  # as the GUI warms its search thread up
        timings = [time_queries(library, queries) for _ in range(args.runs)]
        helped = helper.answered if helper is not None else -1
        runs = [wall for wall, _ in timings]
        cpu_runs = [cpu for _, cpu in timings]
        order = slowest(queries, runs, max(args.slowest, args.profile))
        slow = []
        for i in order[: args.slowest]:
            result = library.search(queries[i].text, limit=10)
            ms = statistics.median(run[i] for run in runs)
            slow.append((ms, result.total, result.total_is_exact, queries[i].text))
        if args.profile:
            print(profile(library, [queries[i] for i in order[: args.profile]]))
        scanner = Scanner(load_articles(args.library))
        query_recall = query_set_recall(library, scanner, queries)
        sub_recall = substring_recall(library, scanner, needles)

    report = Report(
        command,
        args.label or f"{article_count:,} articles",
        article_count,
        len(queries),
        args.runs,
        class_figures(queries, runs),
        class_figures(queries, cpu_runs),
        slow,
        query_recall,
        sub_recall,
        len(needles),
        open_fresh,
        first_search,
        open_warm,
        folder_size(args.library),
        folder_size(args.archive) if args.archive else None,
        load_before,
        os.getloadavg(),
        helped,
    )
    block = render(report)
    print(block)
    if args.write_docs:
        replace_block(args.doc, marker(report.label), block, SECTION_HEADING)
        print(f"wrote the block {marker(report.label)!r} of {args.doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
