"""Extraction throughput next to plain ``jieba.cut`` over the same texts, in the same run, one core.

    python benchmarks/bench_extract.py [--repeat N]

Texts: ../shared/gold-dev/texts and ../shared/gold-val/texts (skipped with a message if absent).
Both sides are timed after warm-up (jieba's dictionary load is excluded from both).  Target from
issue 4: extraction costs at most 2x plain jieba.cut.
"""
from __future__ import annotations

import argparse
import glob
import logging
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SHARED = os.path.join(ROOT, "..", "shared")


def load_texts() -> list[str]:
    texts = []
    for d in ("gold-dev", "gold-val"):
        folder = os.path.join(SHARED, d, "texts")
        paths = sorted(glob.glob(os.path.join(folder, "*.txt")))
        if not paths:
            print(f"skip: no texts in {folder}")
            continue
        for p in paths:
            with open(p, encoding="utf-8", newline="") as f:
                texts.append(f.read())
    return texts


def best_of(fn, repeat: int, before=None) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        t = time.process_time()          # CPU time of this process (one core): neighbours don't count
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    texts = load_texts()
    if not texts:
        print("no texts found; nothing to benchmark")
        return 0
    import jieba
    jieba.setLogLevel(logging.WARNING)
    from pipeline.extract import extract_indicators

    jieba.initialize()
    for t in texts:  # warm-up: dictionaries, regex caches, our tokenizer
        list(jieba.cut(t))
        extract_indicators(t)
    chars = sum(len(t) for t in texts)
    n = len(texts)

    def run_jieba():
        for t in texts:
            for _ in jieba.cut(t):
                pass

    def run_extract():
        for t in texts:
            extract_indicators(t)

    def cold():
        # segment.py memoises tokenisations of short phrases and numerals.py parsed numerals; repeating
        # the same texts would hit those caches, so each timed run starts from empty ones (as for unseen
        # reports)
        from pipeline import numerals, segment
        for fn in (getattr(segment, "_pos_words", None), getattr(segment, "_words", None),
                   getattr(numerals.parse_numeral, "cache_clear", None) and numerals.parse_numeral):
            if fn is not None:
                fn.cache_clear()

    # interleaved rounds (one run of each per round, fastest run kept): both sides see the same drift of
    # the machine's speed, which on a shared VM is larger than the difference being measured
    tj = te = float("inf")
    for _ in range(a.repeat):
        tj = min(tj, best_of(run_jieba, 1))
        te = min(te, best_of(run_extract, 1, before=cold))
    count = sum(len(extract_indicators(t)) for t in texts)
    print(f"texts {n}, characters {chars}, indicators {count}, best of {a.repeat}")
    print(f"plain jieba.cut     {tj:8.3f} s   {chars / tj:12,.0f} chars/s   {n / tj:8.1f} reports/s")
    print(f"extract_indicators  {te:8.3f} s   {chars / te:12,.0f} chars/s   {n / te:8.1f} reports/s")
    print(f"ratio extraction / jieba.cut = {te / tj:.2f}  (target <= 2.00)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
