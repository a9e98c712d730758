"""Fill a synthetic archive up to N dumps quickly, by joining halves of dumps it already has.

``make_archive.py`` converts and damages every article (~0.1 s of CPU each); at 100,000
articles that is hours on a shared 2-core machine. A filled dump takes the title, source line
and first half of the paragraphs of one generated dump and the second half of another: the
text is as damaged as the generated text (damage never crosses a paragraph), and no two
filled dumps have the same body.

    python bench/fill_archive.py 100000 /tmp/arch100k
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_archive import FILES_PER_FOLDER

__all__ = ["fill_archive"]


def _path(folder: Path, number: int) -> Path:
    return folder / f"{number // FILES_PER_FOLDER:04d}" / f"{number:07d}.txt"


def _joined(first: str, second: str) -> str:
    head = first.split("\n\n")
    tail = second.split("\n\n")
    # head: title, source line, paragraphs..., "分享到:" line
    body_first = head[2:-1]
    body_second = tail[2:-1]
    paragraphs = body_first[: len(body_first) // 2] + body_second[len(body_second) // 2 :]
    return "\n\n".join([head[0], head[1], *paragraphs, head[-1]])


def fill_archive(folder: Path, count: int, seed: int = 1) -> int:
    """Write every missing dump numbered below ``count``; returns how many were written."""
    present = [n for n in range(count) if _path(folder, n).exists()]
    if len(present) < 2:
        raise SystemExit(f"{folder} holds fewer than two dumps to join")
    rng = random.Random(seed)
    written = 0
    for number in range(count):
        path = _path(folder, number)
        if path.exists():
            continue
        first, second = rng.sample(present, 2)
        text = _joined(
            _path(folder, first).read_text("utf-8"), _path(folder, second).read_text("utf-8")
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("count", type=int, help="number of dumps the archive should hold")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    written = fill_archive(args.folder, args.count)
    print(f"{written} dumps joined from halves; {args.count} in {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
