"""The main job as a Prefect flow: sources -> batches of documents -> one atomic dataset commit.

Tasks work on batches of documents, never on single sentences: a Prefect task run costs 3-7 ms of
orchestration (../shared/notes/prefect-facts.md), a report takes a few ms to extract, so a batch of
``batch_size`` documents keeps orchestration a small share of the run.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

from . import configure_prefect_defaults

configure_prefect_defaults()

from prefect import flow, get_run_logger, task  # noqa: E402

from pipeline.dataset import commit  # noqa: E402
from pipeline.process import process_document, read_error_document  # noqa: E402
from pipeline.sources import Source, discover  # noqa: E402

DEFAULT_BATCH_SIZE = 25


@dataclass
class RunSummary:
    out: str
    documents: int = 0
    indicators: int = 0
    warnings: int = 0
    statuses: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)  # (source, status, error or first warning)
    problems: list = field(default_factory=list)  # sources that named nothing
    seconds: float = 0.0
    snapshot: Optional[str] = None
    dataset_documents: int = 0
    dataset_indicators: int = 0

    def to_text(self) -> str:
        st = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items())) or "none"
        lines = [
            f"documents  {self.documents} ({st})",
            f"indicators {self.indicators}",
            f"warnings   {self.warnings}",
            f"time       {self.seconds:.1f} s",
            f"output     {self.out} (snapshot {self.snapshot}; dataset now holds "
            f"{self.dataset_documents} documents, {self.dataset_indicators} indicators)",
        ]
        for src, status, msg in self.failures:
            lines.append(f"  {status}: {src}: {msg}")
        for p in self.problems:
            lines.append(f"  not found: {p}")
        return "\n".join(lines)


def _read_source(src: Source) -> tuple[Optional[bytes], Optional[str]]:
    if src.is_url:
        return None, "fetch: URL sources are not supported yet (scraping stage)"
    try:
        return Path(src.location).read_bytes(), None
    except OSError as e:
        return None, f"read: {type(e).__name__}: {e}"


@task(name="process-batch")
def process_batch(batch: list[Source]) -> tuple[list[dict], list[dict]]:
    """Read and process a batch of documents; every document yields a row, failed ones included."""
    docs, inds = [], []
    for src in batch:
        fetched_at = datetime.now(timezone.utc)
        raw, err = _read_source(src)
        if raw is None:
            docs.append(read_error_document(src.location, err, url=src.location if src.is_url else None,
                                            fetched_at=fetched_at))
            continue
        res = process_document(raw, source=src.location, url=src.location if src.is_url else None,
                               fetched_at=fetched_at)
        docs.append(res.document)
        inds.extend(res.indicators)
    return docs, inds


@task(name="commit-dataset")
def commit_dataset(out: str, docs: list[dict], inds: list[dict]):
    return commit(out, docs, inds)


@flow(name="ingest-reports", log_prints=False)
def ingest_flow(sources: list[str], out: str = "outputs", batch_size: int = DEFAULT_BATCH_SIZE,
                on_progress: Optional[Callable[[int, int], None]] = None) -> RunSummary:
    """Run the main job: discover ``sources``, process them in batches, commit one snapshot to ``out``."""
    logger = get_run_logger()
    t0 = time.perf_counter()
    found, problems = discover(sources)
    for p in problems:
        logger.warning("source: %s", p)
    logger.info("%d documents from %d source arguments", len(found), len(sources))
    summary = RunSummary(out=str(out), problems=problems)
    all_docs: list[dict] = []
    all_inds: list[dict] = []
    batches = [found[i:i + batch_size] for i in range(0, len(found), batch_size)]
    done = 0
    for batch in batches:
        docs, inds = process_batch(batch)
        all_docs.extend(docs)
        all_inds.extend(inds)
        done += len(batch)
        if on_progress:
            on_progress(done, len(found))
    result = commit_dataset(str(out), all_docs, all_inds)

    statuses = Counter(d["status"] for d in all_docs)
    summary.documents = len(all_docs)
    summary.indicators = len(all_inds)
    summary.warnings = sum(len(d["warnings"]) for d in all_docs)
    summary.statuses = dict(statuses)
    summary.failures = [
        (d["source"], d["status"], d["error"] or (d["warnings"][0] if d["warnings"] else ""))
        for d in all_docs if d["status"] not in ("ok",)
    ]
    summary.snapshot = result.version
    summary.dataset_documents = result.documents
    summary.dataset_indicators = result.indicators
    summary.seconds = time.perf_counter() - t0
    for src, status, msg in summary.failures:
        logger.warning("%s: %s: %s", status, src, msg)
    logger.info("committed %s: %d documents, %d indicators", result.version, len(all_docs), len(all_inds))
    return summary


def run_ingest(sources: list[str], out: str = "outputs", *, batch_size: int = DEFAULT_BATCH_SIZE,
               on_progress: Optional[Callable[[int, int], None]] = None) -> RunSummary:
    """Run ``ingest_flow`` in-process on Prefect's ephemeral API (or the configured server).

    The flow-run heartbeat is switched off for these synchronous runs: it costs ~1 s per run and
    only matters to a server watching long runs of deployments.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return ingest_flow(sources, out=out, batch_size=batch_size, on_progress=on_progress)
