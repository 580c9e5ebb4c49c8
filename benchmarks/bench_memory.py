"""Peak memory (RSS) of processing one big page, next to a small-page baseline (issue 7).

Each page is processed by ``pipeline.process.process_document`` in its own subprocess, which then
reports ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (the peak resident set of that process:
interpreter, imports, jieba dictionary and the document itself) and the wall time.  Pages are
generated into a temporary folder; nothing is written to the repository.

    python benchmarks/bench_memory.py                # small baseline + 20 MB page (inline images)
    python benchmarks/bench_memory.py --text         # also a 20 MB page of running text
    python benchmarks/bench_memory.py --mb 40        # another size

The 20 MB page of the default run is what big pages look like in practice: a Word/editor export of a
report with its screenshots inlined as base64 ``data:`` URIs (libxml2 needs huge_tree for it, see
pipeline/clean.py).  ``--text`` adds a page of 20 MB of distinct report paragraphs (about 400,000
numbers); its cost is dominated by extraction (minutes) rather than by parsing.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = "<meta charset='utf-8'><title>示例区2024年法治政府建设情况报告</title>"


def paragraphs(n: int, start: int = 0) -> str:
    return "".join(
        f"<p>第{i}项：{2000 + i % 25}年，全区共受理行政复议案件{i * 7 % 900 + 10}件，同比增长{i % 13}.5%，"
        f"办结率达到9{i % 10}.6%。</p>" for i in range(start, start + n))


def page(body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head>{HEAD}</head><body><div class='article'>"
            f"<h1>示例区2024年法治政府建设情况报告</h1>{body}</div></body></html>").encode("utf-8")


def small_page() -> bytes:
    return page(paragraphs(12))


def image_page(mb: float) -> bytes:
    """About ``mb`` MB: 12 paragraphs around inline base64 PNG 'screenshots' of ~1 MB each."""
    rnd = random.Random(7)
    n = max(1, round(mb))
    per = int(mb * 1_000_000 / n * 3 / 4)
    imgs = "".join(f'<p><img src="data:image/png;base64,{base64.b64encode(rnd.randbytes(per)).decode()}"></p>'
                   for _ in range(n))
    return page(paragraphs(6) + imgs + paragraphs(6, 6))


def text_page(mb: float) -> bytes:
    one = len(paragraphs(1, 500).encode("utf-8"))
    return page(paragraphs(int(mb * 1_000_000 / one)))


def child(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    raw = Path(path).read_bytes()
    from pipeline.process import process_document

    t = time.perf_counter()
    doc = process_document(raw, source=path).document
    secs = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"bytes": len(raw), "seconds": round(secs, 2), "peak_rss_mb": round(peak_kb / 1024, 1),
                      "status": doc["status"], "n_chars": doc["n_chars"], "n_indicators": doc["n_indicators"],
                      "warnings": doc["warnings"], "error": doc["error"]}, ensure_ascii=False))


def measure(label: str, raw: bytes, tmp: Path) -> dict:
    path = tmp / f"{label}.html"
    path.write_bytes(raw)
    p = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                       cwd=str(ROOT))
    if p.returncode != 0:
        raise SystemExit(f"{label}: child failed ({p.returncode}):\n{p.stderr[-2000:]}")
    res = json.loads(p.stdout.strip().splitlines()[-1])
    res["label"] = label
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="size of the big page in MB (default 20)")
    ap.add_argument("--text", action="store_true", help="also measure a page of running text of that size")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child)
        return
    cases = [("small page (baseline)", small_page()), (f"{a.mb:g} MB page, inline images", image_page(a.mb))]
    if a.text:
        cases.append((f"{a.mb:g} MB page, running text", text_page(a.mb)))
    with tempfile.TemporaryDirectory() as d:
        rows = [measure(label, raw, Path(d)) for label, raw in cases]
    base = rows[0]["peak_rss_mb"]
    print(f"{'page':34} {'bytes':>12} {'seconds':>8} {'peak RSS':>10} {'over baseline':>14}  status, chars, indicators")
    for r in rows:
        print(f"{r['label']:34} {r['bytes']:>12,} {r['seconds']:>8.2f} {r['peak_rss_mb']:>8.1f}MB "
              f"{r['peak_rss_mb'] - base:>+12.1f}MB  {r['status']}, {r['n_chars']:,}, {r['n_indicators']:,}"
              + (f"  warnings: {'; '.join(w[:70] for w in r['warnings'])}" if r["warnings"] else ""))


if __name__ == "__main__":
    main()
