"""Commits from concurrent processes serialise on the dataset lock: no lost or torn snapshot;
a writer SIGKILLed mid-commit leaves the previous snapshot readable."""
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from decimal import Decimal

from pipeline.dataset import commit, current_path, read_table
from conftest import ROOT


def _rows(prefix, n):
    t = datetime(2025, 1, 1, tzinfo=timezone.utc)
    docs, inds = [], []
    for i in range(n):
        doc_id = f"{prefix}{i:04d}"
        docs.append({"doc_id": doc_id, "source": f"{prefix}/{i}.html", "published": "2024-05-01",
                     "fetched_at": t, "main_text": "受理案件12件", "status": "ok", "warnings": [],
                     "extractor_version": "t", "year": 2024})
        inds.append({"doc_id": doc_id, "indicator_id": f"{doc_id}:4:6", "source": f"{prefix}/{i}.html",
                     "span_start": 0, "span_end": 7, "span_text": "受理案件12件", "value_start": 4,
                     "value_end": 6, "value_text": "12", "value": Decimal(12), "unit": "件", "unit_text": "件",
                     "subject": "受理案件", "subject_start": 0, "subject_end": 4, "section": [], "notes": [],
                     "year": 2024})
    return docs, inds


def _writer(out, prefix, rounds):
    for r in range(rounds):
        docs, inds = _rows(f"{prefix}{r}-", 20)
        commit(out, docs, inds)


def test_concurrent_writers_lose_nothing(tmp_path):
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), p, 3)) for p in "abc"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    docs = read_table(tmp_path, "documents")
    assert docs.num_rows == 3 * 3 * 20  # every commit of every writer survived
    assert read_table(tmp_path, "indicators").num_rows == docs.num_rows
    assert len(set(docs.column("doc_id").to_pylist())) == docs.num_rows


KILL_SCRIPT = r"""
import sys, time
sys.path[:0] = [{root!r}, {root!r} + "/tests"]
from test_concurrency import _rows
from pipeline.dataset import commit
docs, inds = _rows("big-", 60000)
print("ready", flush=True)
commit({out!r}, docs, inds)
print("committed", flush=True)
"""


def test_sigkill_mid_commit_keeps_previous_snapshot(tmp_path):
    out = tmp_path / "out"
    docs, inds = _rows("first-", 5)
    commit(out, docs, inds)
    before = current_path(out)
    for delay in (0.05, 0.3, 0.8):
        p = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT.format(root=str(ROOT), out=str(out))],
                             stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        snap = current_path(out)
        rows = read_table(out, "documents").num_rows
        if snap == before:
            assert rows == 5  # the killed commit is invisible
        else:
            assert rows == 60005  # it had reached its commit point: complete, never partial
        for f in snap.rglob("*.parquet"):
            assert f.stat().st_size > 0
    # the next commit cleans the killed writer's staging folder and duplicates nothing
    docs2, inds2 = _rows("first-", 5)
    commit(out, docs2, inds2)
    assert not (out / ".staging").exists()
    ids = read_table(out, "documents").column("doc_id").to_pylist()
    assert len(ids) == len(set(ids))


def test_two_concurrent_cli_runs_leave_a_valid_dataset(tmp_path):
    """Two `python -m pipeline run` processes write the same output at the same time."""
    import shutil

    from conftest import SAMPLES

    pages = sorted(p for p in SAMPLES.iterdir() if p.suffix == ".html")
    halves = [tmp_path / "a", tmp_path / "b"]
    for i, d in enumerate(halves):
        d.mkdir()
        for p in pages[i::2]:
            shutil.copy(p, d / p.name)
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(d), "--out", str(out), "--quiet"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for d in halves]
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stdout + stderr
    docs = read_table(out, "documents")
    assert sorted(docs.column("source").to_pylist()) == sorted(str(d / p.name) for i, d in enumerate(halves)
                                                              for p in pages[i::2])
    assert read_table(out, "indicators").num_rows > 0
