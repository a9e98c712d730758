"""Throughput of the whole dump-to-article pipeline on damaged text, per core (CPU time)."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.damage import damaged_documents
from index.pipeline import process_bytes
from index.repair import repair_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--corpus", type=Path, help="measure these dump files (repeated) instead of generated text"
    )
    args = parser.parse_args(argv)

    if args.corpus:
        files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
        dumps = [p.read_bytes() for p in files] * max(
            1, 400_000 // sum(p.stat().st_size for p in files)
        )
    else:
        # Articles of realistic length: about 1,500 characters each.
        documents = damaged_documents(args.documents, 3, sentences=36)
        dumps = [doc.damaged.encode("utf-8") for doc in documents]
    texts = [dump.decode("utf-8") for dump in dumps]
    megabytes = sum(map(len, dumps)) / 1e6
    process_bytes(dumps[0], "warm-up")  # load the language model and tables once

    def timed(work: object) -> float:
        runs = []
        for _ in range(args.runs):
            # CPU time of this process: the target is per core, and other work on the
            # machine's second core does not distort it.
            start = time.process_time()
            work()  # type: ignore[operator]
            runs.append(time.process_time() - start)
        return statistics.median(runs)

    pipeline = timed(lambda: [process_bytes(d, "bench") for d in dumps])
    repair = timed(lambda: [repair_text(t) for t in texts])
    print(f"damaged input      {megabytes:.2f} MB UTF-8 in {len(dumps)} documents")
    print(f"repair stage       {megabytes / repair:.2f} MB per CPU-second (median of {args.runs})")
    rate = megabytes / pipeline
    print(f"whole pipeline     {rate:.2f} MB per CPU-second (median of {args.runs}; target >= 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
