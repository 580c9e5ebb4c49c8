#!/usr/bin/env python3
"""Orchestration overhead of the Prefect flow, against a plain loop over the same documents.

Generates N documents (default 2,000: the project's samples/ pages, each made unique by a comment
so every one is a new document), then in one run:

  baseline  pipeline.process.process_document on every document in a plain Python loop,
            plus one pipeline.dataset.commit
  flow      flows.ingest.run_ingest over the same files (refresh: no cache hits), same batch size

and prints the wall and CPU times (CPU of this process and its children, the ephemeral API server
included) and the share of the flow's time spent outside the baseline's work (orchestration: task
runs, result persistence, API calls).  Both sides alternate and the best of each is kept.  Prefect's one-off start-up of its
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


def cpu_seconds() -> float:
    """CPU time of this process and its children (Prefect's ephemeral API server runs as one):
    far less sensitive than wall time to other load on a shared machine."""
    total = time.process_time()
    try:
        import psutil

        for child in psutil.Process().children(recursive=True):
            try:
                t = child.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
    except ImportError:
        pass
    return total


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
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=2, help="alternating runs of each side (best kept)")
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

        def baseline_run(n: int) -> float:
            c = cpu_seconds()
            t = time.perf_counter()
            docs, inds = [], []
            for f in files:
                r = process_document(f.read_bytes(), source=str(f))
                docs.append(r.document)
                inds.extend(r.indicators)
            commit(tmp / f"out-baseline-{n}", docs, inds)
            baseline_run.indicators = len(inds)
            base_cpu.append(cpu_seconds() - c)
            return time.perf_counter() - t

        t = time.perf_counter()
        from flows.ingest import run_ingest
        import_s = time.perf_counter() - t
        t = time.perf_counter()
        run_ingest([str(files[0])], out=str(tmp / "out-warm"))  # ephemeral API start-up only
        startup = time.perf_counter() - t

        def flow_run(n: int) -> float:
            c = cpu_seconds()
            t = time.perf_counter()
            summary = run_ingest([str(src)], out=str(tmp / f"out-flow-{n}"), batch_size=a.batch_size,
                                 refresh=True)
            assert summary.processed == a.docs, summary.to_text()
            flow_cpu.append(cpu_seconds() - c)
            return time.perf_counter() - t

        # Alternate the two and keep each one's best time: the machine's load drifts over minutes.
        base_times, flow_times, base_cpu, flow_cpu = [], [], [], []
        for n in range(a.repeat):
            base_times.append(baseline_run(n))
            flow_times.append(flow_run(n))
        baseline, flow_s = min(base_times), min(flow_times)
        share = max(0.0, flow_s - baseline) / flow_s
        cpu_share = max(0.0, min(flow_cpu) - min(base_cpu)) / min(flow_cpu)
        print(f"documents                 {a.docs} ({baseline_run.indicators} indicators), batch size {a.batch_size}")
        print(f"baseline (plain loop)     {baseline:8.2f} s   {a.docs / baseline:8.1f} docs/s   "
              f"runs: {', '.join(f'{x:.1f}' for x in base_times)}")
        print(f"flow (Prefect, refresh)   {flow_s:8.2f} s   {a.docs / flow_s:8.1f} docs/s   "
              f"runs: {', '.join(f'{x:.1f}' for x in flow_times)}")
        print(f"CPU (incl. API server)    baseline {min(base_cpu):.2f} s, flow {min(flow_cpu):.2f} s")
        print(f"orchestration share       {share:8.1%} of wall time, {cpu_share:.1%} of CPU time   (target <= 10%)")
        print(f"one-off: import {import_s:.1f} s; ephemeral API start-up (a one-document run) {startup:.1f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
