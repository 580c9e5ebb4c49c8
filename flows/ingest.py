"""The main job as a Prefect flow: sources -> documents (read) -> batches -> one atomic dataset commit.

Tasks work on batches of documents, never on single sentences: a Prefect task run costs 3-7 ms of
orchestration (../shared/notes/prefect-facts.md) while a report takes milliseconds to extract, so a
batch of about ``batch_size`` documents keeps orchestration a small share of the run
(``benchmarks/bench_flow.py`` measures it).

Caching: ``process-batch`` is cached on the batch's content hashes, sources and the extractor
version (``pipeline.version``), with results persisted under ``PREFECT_HOME``.  Unchanged documents
are therefore not re-processed; a new extractor version re-processes everything; ``refresh=True``
forces recomputation.  Batches are content-defined (``batching.py``) so one new document misses
one batch, not all of them.
"""
from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

from flows import configure_prefect_defaults

configure_prefect_defaults()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.artifacts import create_markdown_artifact, create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE, CacheKeyFnPolicy  # noqa: E402

from pipeline.dataset import commit  # noqa: E402
from pipeline.process import (doc_id_for, process_document, read_error_document,  # noqa: E402
                              unreadable_doc_id)
from pipeline.sources import Source, discover  # noqa: E402
from pipeline.version import extractor_version  # noqa: E402

from flows import progress  # noqa: E402
from flows.batching import content_batches  # noqa: E402

DEFAULT_BATCH_SIZE = 50



@dataclass
class Item:
    """One input document as read or fetched, before processing."""

    source: str
    spec: str
    raw: Optional[bytes]
    error: Optional[str] = None
    url: Optional[str] = None
    http_charset: Optional[str] = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    attachment_type: Optional[str] = None  # a PDF/DOC link: recorded, not parsed

    @cached_property  # used for batching and cache keys: hash the bytes once
    def doc_id(self) -> str:
        return unreadable_doc_id(self.source) if self.raw is None else doc_id_for(self.raw)


@dataclass
class RunSummary:
    out: str
    documents: int = 0
    processed: int = 0  # documents actually (re)processed in this run
    cached: int = 0  # documents whose batch result came from the task cache
    indicators: int = 0
    warnings: int = 0
    statuses: dict = field(default_factory=dict)
    per_source: list = field(default_factory=list)  # rows: spec, documents, indicators, warnings, failed
    failures: list = field(default_factory=list)  # (source, status, error or first warning)
    problems: list = field(default_factory=list)  # source arguments that named nothing
    seconds: float = 0.0
    snapshot: Optional[str] = None
    dataset_documents: int = 0
    dataset_indicators: int = 0
    flow_run_id: Optional[str] = None  # find the run's artifacts and logs in Prefect

    def to_text(self) -> str:
        st = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items())) or "none"
        lines = [
            f"documents  {self.documents} ({st}); processed {self.processed}, from cache {self.cached}",
            f"indicators {self.indicators}",
            f"warnings   {self.warnings}",
            f"time       {self.seconds:.1f} s",
            f"output     {self.out} (snapshot {self.snapshot}; dataset now holds "
            f"{self.dataset_documents} documents, {self.dataset_indicators} indicators)",
        ]
        if self.failures:
            lines.append("not ok:")
            lines += [f"  {status}: {src}: {msg}" for src, status, msg in self.failures]
        for p in self.problems:
            lines.append(f"  not found: {p}")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        md = ["# Ingest run", "", "```", self.to_text(), "```"]
        return "\n".join(md)


def _read_local(src: Source) -> Item:
    try:
        raw = Path(src.location).read_bytes()
        return Item(src.location, src.spec, raw)
    except OSError as e:
        return Item(src.location, src.spec, None, error=f"read: {type(e).__name__}: {e}")


def _batch_key(context, parameters) -> str:
    """Cache key of a batch: extractor version + every document's content hash and source."""
    h = hashlib.sha256(extractor_version().encode())
    for it in parameters["batch"]:
        h.update(f"\0{it.doc_id}\0{it.source}\0{it.url}".encode())
    return "process-batch-" + h.hexdigest()


@task(name="process-batch", cache_policy=CacheKeyFnPolicy(cache_key_fn=_batch_key),
      persist_result=True)
def process_batch(batch: list[Item]) -> tuple[list[dict], list[dict]]:
    """Process a batch of documents; every document yields a row, failed ones included."""
    docs, inds = [], []
    for it in batch:
        if it.raw is None:
            row = read_error_document(it.source, it.error or "unreadable", url=it.url,
                                      fetched_at=it.fetched_at)
            if it.attachment_type is not None:
                row.update(status="attachment", error=None, content_type=it.attachment_type,
                           warnings=[f"attachment: {it.attachment_type} linked, not parsed"])
            docs.append(row)
            continue
        res = process_document(it.raw, source=it.source, url=it.url, fetched_at=it.fetched_at,
                               http_charset=it.http_charset)
        docs.append(res.document)
        inds.extend(res.indicators)
    return docs, inds


URL_PREFIXES = ("http://", "https://", "@")  # "@file" = a file of URLs, one a line


@task(name="fetch-sources", cache_policy=NO_CACHE)
def fetch_sources(specs: list[str], out: str, *, allow_private: bool = False, max_pages: int = 50,
                  max_documents: int = 1000, link_pattern: Optional[str] = None,
                  fetch_settings: Optional[dict] = None) -> list[Item]:
    """Fetch URL sources (pages, column listings, URL files) politely into ``out``'s raw store
    (``out`` itself for a local folder; a local cache folder for a URI output, see
    ``pipeline.dataset.local_state_dir``).

    Retries with backoff, rate limits, robots.txt and conditional GETs live in the HTTP client
    (``pipeline.fetch``): per request is where a retry belongs, not around the whole crawl.
    Every failing URL comes back as an Item with its error.
    """
    from pipeline.crawl import CrawlOptions, expand_and_fetch
    from pipeline.dataset import local_state_dir
    from pipeline.fetch import FetchConfig

    cfg = FetchConfig(allow_private=allow_private, **(fetch_settings or {}))
    opts = CrawlOptions(max_pages=max_pages, max_documents=max_documents, link_pattern=link_pattern)
    spec = specs[0] if len(specs) == 1 else "urls"
    items = []
    for r in expand_and_fetch(specs, local_state_dir(out), cfg, opts):
        url = r.final_url or r.url
        if r.ok:
            items.append(Item(r.url, spec, r.raw, url=url, http_charset=r.http_charset,
                              fetched_at=r.fetched_at))
        elif r.attachment:
            items.append(Item(r.url, spec, None, url=url, fetched_at=r.fetched_at,
                              attachment_type=r.content_type or "application/octet-stream"))
        else:
            items.append(Item(r.url, spec, None, error=r.error or "fetch: failed", url=url,
                              fetched_at=r.fetched_at))
    return items


class Rows:
    """The rows of a whole run, handed to the commit task as one opaque object.

    Prefect walks list/dict/dataclass task parameters looking for futures; on 2,000 documents'
    rows (~85,000 dicts) that walk alone took ~18 s (profiled with cProfile).  A plain object is
    not walked.
    """

    __slots__ = ("documents", "indicators")

    def __init__(self, documents: list[dict], indicators: list[dict]):
        self.documents = documents
        self.indicators = indicators


@task(name="commit-dataset", cache_policy=NO_CACHE)
def commit_dataset(out: str, rows: Rows):
    return commit(out, rows.documents, rows.indicators)


def _report(summary: RunSummary, docs: list[dict], spec_of: dict[str, str]) -> None:
    per = defaultdict(lambda: [0, 0, 0, 0])
    for d in docs:
        row = per[spec_of.get(d["source"], d["source"])]
        row[0] += 1
        row[1] += d["n_indicators"]
        row[2] += len(d["warnings"])
        row[3] += d["status"] not in ("ok",)
    summary.per_source = [
        {"source": s, "documents": v[0], "indicators": v[1], "warnings": v[2], "not_ok": v[3]}
        for s, v in sorted(per.items())
    ]


# Processing is CPU-bound pure Python: threads only contend for the GIL (measured: 40 concurrent
# batch threads cost ~10% of a 2,000-document run).  One worker locally; real parallelism comes from
# processes (--dask-workers N) or other machines (--dask-address).
LOCAL_RUNNER = ThreadPoolTaskRunner(max_workers=1)


@flow(name="ingest-reports", log_prints=False, task_runner=LOCAL_RUNNER)
def ingest_flow(sources: list[str], out: str = "outputs", batch_size: int = DEFAULT_BATCH_SIZE,
                refresh: bool = False, allow_private: bool = False, max_pages: int = 50,
                max_documents: int = 1000, link_pattern: Optional[str] = None,
                fetch_settings: Optional[dict] = None) -> RunSummary:
    """Run the main job: discover ``sources`` (files, folders, globs, URLs, ``@url-file``), process
    them in batches, commit one snapshot to ``out``.  ``fetch_settings`` overrides fields of
    ``pipeline.fetch.FetchConfig`` (timeouts, retries, politeness)."""
    logger = get_run_logger()
    on_progress = progress.on_progress.get()
    t0 = time.perf_counter()
    url_specs = [s for s in sources if s.startswith(URL_PREFIXES)]
    found, problems = discover([s for s in sources if not s.startswith(URL_PREFIXES)])
    for p in problems:
        logger.warning("source: %s", p)
    items = [_read_local(s) for s in found]
    if url_specs:
        items += fetch_sources(url_specs, str(out), allow_private=allow_private, max_pages=max_pages,
                               max_documents=max_documents, link_pattern=link_pattern,
                               fetch_settings=fetch_settings)
    logger.info("%d documents from %d source arguments", len(items), len(sources))
    spec_of = {it.source: it.spec for it in items}

    batches = content_batches(items, key=lambda it: it.doc_id, target=batch_size)
    task_fn = process_batch.with_options(refresh_cache=True) if refresh else process_batch
    futures = [(len(b), task_fn.submit(b)) for b in batches]
    from prefect.runtime import flow_run

    summary = RunSummary(out=str(out), problems=problems, flow_run_id=str(flow_run.id))
    all_docs: list[dict] = []
    all_inds: list[dict] = []
    done = 0
    for n, fut in futures:
        docs, inds = fut.result()
        if fut.state.name == "Cached":
            summary.cached += n
        else:
            summary.processed += n
        all_docs.extend(docs)
        all_inds.extend(inds)
        done += n
        if on_progress:
            on_progress(done, len(items))
    result = commit_dataset(str(out), Rows(all_docs, all_inds))

    summary.documents = len(all_docs)
    summary.indicators = len(all_inds)
    summary.warnings = sum(len(d["warnings"]) for d in all_docs)
    summary.statuses = dict(Counter(d["status"] for d in all_docs))
    summary.failures = [
        (d["source"], d["status"], d["error"] or (d["warnings"][0] if d["warnings"] else ""))
        for d in all_docs if d["status"] != "ok"
    ]
    summary.snapshot = result.version
    summary.dataset_documents = result.documents
    summary.dataset_indicators = result.indicators
    summary.seconds = time.perf_counter() - t0
    _report(summary, all_docs, spec_of)
    for src, status, msg in summary.failures:
        logger.warning("%s: %s: %s", status, src, msg)
    logger.info("committed %s: %d documents (%d processed, %d cached), %d indicators",
                result.version, summary.documents, summary.processed, summary.cached, summary.indicators)
    create_table_artifact(key="ingest-per-source", table=summary.per_source,
                          description="documents, indicators and warnings per source argument")
    create_markdown_artifact(key="ingest-summary", markdown=summary.to_markdown(),
                             description="run summary and failures")
    return summary


def task_runner_for(dask_address: Optional[str] = None, dask_workers: Optional[int] = None):
    """A DaskTaskRunner for an existing cluster (``tcp://host:8786``) or a local cluster of
    ``dask_workers`` processes; None for Prefect's default thread pool."""
    if not dask_address and not dask_workers:
        return None
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def run_ingest(sources: list[str], out: str = "outputs", *, batch_size: int = DEFAULT_BATCH_SIZE,
               refresh: bool = False, on_progress: Optional[Callable[[int, int], None]] = None,
               dask_address: Optional[str] = None, dask_workers: Optional[int] = None,
               **fetch_options) -> RunSummary:
    """Run ``ingest_flow`` in-process on Prefect's ephemeral API (or the configured server).

    The flow-run heartbeat is switched off for these synchronous runs: it costs ~1 s per run and
    only matters to a server watching long runs of deployments.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    flow_fn = ingest_flow
    runner = task_runner_for(dask_address, dask_workers)
    if runner is not None:
        flow_fn = ingest_flow.with_options(task_runner=runner)
    token = progress.on_progress.set(on_progress)
    try:
        with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            return flow_fn(sources, out=out, batch_size=batch_size, refresh=refresh, **fetch_options)
    finally:
        progress.on_progress.reset(token)
