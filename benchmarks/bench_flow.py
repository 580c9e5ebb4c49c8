#!/usr/bin/env python3
"""Orchestration overhead of the Prefect flow, against a plain loop over the same documents.

Generates N documents (default 2,000: the project's samples/ pages, each made unique by a comment
so every one is a new document), then in one run:

  baseline  pipeline.process.process_document on every document in a plain Python loop,
            plus one pipeline.dataset.commit
  flow      flows.ingest.run_ingest over the same files (refresh: no cache hits), same batch size

and prints the wall times and the share of the flow's wall time spent outside the baseline's work
(orchestration: task runs, result persistence, API calls).  Prefect's one-off start-up of its
ephemeral API is printed separately.  Target (issue 6): orchestration <= 10% for 2,000+ documents.

    python benchmarks/bench_flow.py [--docs 2000] [--batch-size 25]
"""
import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flows  # noqa: E402,F401 - Prefect defaults before Prefect is imported


def make_docs(folder: Path, n: int) -> list[Path]:
    pages = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix == ".html")
    out = []
    for i in range(n):
        src = pages[i % len(pages)]
        raw = src.read_bytes() + f"\n<!-- bench copy {i} -->\n".encode()
        dst = folder / f"doc{i:05d}-{src.name}"
        dst.write_bytes(raw)
        out.append(dst)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=25)
    a = ap.parse_args()

    from pipeline.dataset import commit
    from pipeline.process import process_document

    tmp = Path(tempfile.mkdtemp(prefix="bench-flow-"))
    try:
        src = tmp / "docs"
        src.mkdir()
        files = make_docs(src, a.docs)
        # warm-up: jieba dictionary and lexicons load once per process, not part of either side
        process_document(files[0].read_bytes(), source=str(files[0]))

        t = time.perf_counter()
        docs, inds = [], []
        for f in files:
            r = process_document(f.read_bytes(), source=str(f))
            docs.append(r.document)
            inds.extend(r.indicators)
        commit(tmp / "out-baseline", docs, inds)
        baseline = time.perf_counter() - t

        t = time.perf_counter()
        from flows.ingest import run_ingest
        import_s = time.perf_counter() - t
        t = time.perf_counter()
        run_ingest([str(src)], out=str(tmp / "out-warm"), batch_size=a.batch_size)  # API start-up
        startup = time.perf_counter() - t
        t = time.perf_counter()
        summary = run_ingest([str(src)], out=str(tmp / "out-flow"), batch_size=a.batch_size, refresh=True)
        flow_s = time.perf_counter() - t
        assert summary.processed == a.docs, summary.to_text()
        share = max(0.0, flow_s - baseline) / flow_s
        print(f"documents                 {a.docs} ({len(inds)} indicators), batch size {a.batch_size}")
        print(f"baseline (plain loop)     {baseline:8.2f} s   {a.docs / baseline:8.1f} docs/s")
        print(f"flow (Prefect, refresh)   {flow_s:8.2f} s   {a.docs / flow_s:8.1f} docs/s")
        print(f"orchestration share       {share:8.1%}   (target <= 10%)")
        print(f"one-off: import {import_s:.1f} s; first flow run incl. ephemeral API start-up and "
              f"a cold cache {startup:.1f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
