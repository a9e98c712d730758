"""Incremental import into an existing library (e.g. the 100k one bench_import.py kept).

Each run imports ``--archive`` into a fresh copy of the library and times
``Library.import_paths`` as ``bench_import.py --incremental`` does. The copy is opened once
before the clock starts: a copied index gets a full check at its first open, which a
user's own library has long had.

    python bench/bench_incremental.py /tmp/lib100k-v2 --archive /tmp/arch1k-new --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_import import incremental_import
from index.library import Library


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("library", type=Path, help="an existing library (copied, not changed)")
    parser.add_argument("--archive", type=Path, required=True, help="the new articles' dumps")
    parser.add_argument("--runs", type=int, default=3, help="runs (median)")
    args = parser.parse_args(argv)
    seconds: list[float] = []
    work = Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    try:
        for number in range(args.runs):
            copy = work / "library"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(args.library, copy)
            with Library(copy):
                pass
            added, took, before, after, large_kept = incremental_import(copy, args.archive)
            seconds.append(took)
            print(
                f"run {number + 1}: {added} articles in {took:.1f} s; segments {before} ->"
                f" {after}; large segments kept: {large_kept};"
                f" load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"median of {len(seconds)}: {statistics.median(seconds):.1f} s (target <= 10 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
