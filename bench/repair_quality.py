"""Report the repair's character error rate on generated damage, and changes to clean text."""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.damage import damaged_documents, sample_clean_articles, to_traditional
from bench.metrics import character_errors, strip_annotations
from index.repair import repair_text
from index.repair.gbk_codec import FULLWIDTH_TO_ASCII


def control_set(count: int, seed: int) -> list[tuple[str, str]]:
    """Clean texts in both scripts, with full-width and with ASCII punctuation."""
    rng = random.Random(seed)
    to_ascii = str.maketrans(FULLWIDTH_TO_ASCII)
    texts: list[tuple[str, str]] = []
    for article in sample_clean_articles(count, seed + 1):
        traditional = to_traditional(article)
        texts.append(("simplified", article))
        texts.append(("traditional", traditional))
        texts.append(("simplified-ascii", article.translate(to_ascii)))
        texts.append(("traditional-ascii", traditional.translate(to_ascii)))
        if rng.random() < 0.5:
            texts.append(("with-question-marks", article.replace("。", "?", 1)))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show", type=int, default=0, help="print this many wrong spots")
    args = parser.parse_args(argv)

    total = repaired_errors = stripped_errors = 0
    shown = 0
    for doc in damaged_documents(args.documents, args.seed):
        repaired = repair_text(doc.damaged).text
        total += len(doc.original)
        repaired_errors += character_errors(repaired, doc.original)
        stripped_errors += character_errors(strip_annotations(doc.damaged), doc.original)
        if shown < args.show and repaired != doc.original:
            matcher = difflib.SequenceMatcher(None, repaired, doc.original, autojunk=False)
            for tag, a1, a2, b1, b2 in matcher.get_opcodes():
                if tag != "equal" and shown < args.show:
                    shown += 1
                    got, want = repaired[a1 - 6 : a2 + 6], doc.original[b1 - 6 : b2 + 6]
                    print(f"  got {got!r} want {want!r}")

    controls = control_set(max(args.documents // 10, 10), args.seed)
    changed = sum(character_errors(repair_text(text).text, text) for _, text in controls)
    control_chars = sum(len(text) for _, text in controls)

    print(f"damaged documents        {args.documents} ({total:,} characters, seed {args.seed})")
    print(f"CER, strip annotations   {stripped_errors / total:.3%}")
    print(f"CER, full repair         {repaired_errors / total:.3%}  (target <= 0.2%)")
    print(f"clean control texts      {len(controls)} ({control_chars:,} characters)")
    print(f"control characters changed {changed}  (target 0)")
    return 0 if changed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
