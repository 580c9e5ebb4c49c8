"""The Parquet dataset: schemas, atomic snapshot writes, reads.

Layout under the output directory ``OUT`` (see docs/DATASET.md for every column)::

    OUT/current -> versions/<version>          symlink, swapped atomically on each commit
    OUT/versions/<version>/documents/year=2024/part-0.parquet
    OUT/versions/<version>/indicators/year=2024/part-0.parquet
    OUT/.lock                                  held while a run commits

Commit protocol: a writer takes ``OUT/.lock`` (``fcntl.flock``), reads the current snapshot, merges
its new rows (a document already present, by ``doc_id`` or by ``source``, is replaced), writes the
whole result into a staging folder, renames it into ``versions/`` and swaps the ``current`` symlink
with ``os.replace`` (atomic on POSIX).  A crash at any point leaves ``current`` pointing at the
previous complete snapshot; leftover staging folders are removed by the next commit.  Readers never
need the lock.  Re-running over the same inputs therefore yields the same rows (idempotent).
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

# Exact values: 28 integer digits cover 万亿-scale yuan amounts; 10 fractional digits cover
# rates such as 0.0001‰ exactly.
VALUE_TYPE = pa.decimal128(38, 10)
PARTITION = ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
COMPRESSION = "zstd"  # measured (../shared/notes/prefect-facts.md): 1.7x faster, 1.5x smaller than snappy
KEEP_VERSIONS = 2  # the current snapshot and the one before it (for readers still on it)

DOCUMENTS_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("site_name", pa.string()),
    ("title", pa.string()),
    ("published", pa.date32()),
    ("fetched_at", pa.timestamp("us", tz="UTC")),
    ("content_type", pa.string()),
    ("encoding", pa.string()),
    ("raw_bytes", pa.int64()),
    ("main_text", pa.large_string()),
    ("n_chars", pa.int64()),
    ("n_indicators", pa.int64()),
    ("status", pa.string()),
    ("warnings", pa.list_(pa.string())),
    ("error", pa.string()),
    ("meta", pa.string()),
    ("extractor_version", pa.string()),
    ("year", pa.int32()),
])

INDICATORS_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("indicator_id", pa.string()),
    ("source", pa.string()),
    ("span_start", pa.int64()), ("span_end", pa.int64()), ("span_text", pa.string()),
    ("value_start", pa.int64()), ("value_end", pa.int64()), ("value_text", pa.string()),
    ("value", VALUE_TYPE),
    ("value_high", VALUE_TYPE),
    ("unit", pa.string()),
    ("unit_text", pa.string()),
    ("subject", pa.string()), ("subject_start", pa.int64()), ("subject_end", pa.int64()),
    ("qualifier", pa.string()),
    ("change", pa.string()),
    ("period", pa.string()),
    ("sentence_start", pa.int64()), ("sentence_end", pa.int64()),
    ("section", pa.list_(pa.string())),
    ("notes", pa.list_(pa.string())),
    ("year", pa.int32()),
])

TABLES = {"documents": DOCUMENTS_SCHEMA, "indicators": INDICATORS_SCHEMA}


class DatasetError(RuntimeError):
    """The output directory holds something that is not a dataset of this project."""


@dataclass
class CommitResult:
    version: str
    path: Path
    documents: int  # rows in the committed snapshot
    indicators: int
    replaced_documents: int  # rows of the previous snapshot this commit replaced


def _quantize(v) -> Optional[Decimal]:
    if v is None:
        return None
    d = v if isinstance(v, Decimal) else Decimal(str(v))
    return d.quantize(Decimal("1e-10"))


def _published(v):
    if v is None or v == "":
        return None
    from datetime import date

    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts as produced by ``process.process_document``) -> an Arrow table of ``name``."""
    schema = TABLES[name]
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    if name == "indicators":
        cols["value"] = [_quantize(v) for v in cols["value"]]
        cols["value_high"] = [_quantize(v) for v in cols["value_high"]]
    else:
        cols["published"] = [_published(v) for v in cols["published"]]
    return pa.table(cols, schema=schema)


def current_path(out: os.PathLike | str) -> Optional[Path]:
    """The folder of the current snapshot, or None when nothing was committed yet."""
    link = Path(out) / "current"
    if not link.exists():
        return None
    return link.resolve()


def read_table(out: os.PathLike | str, name: str, *, snapshot: Optional[Path] = None) -> pa.Table:
    """One table of the current snapshot (an empty table when there is none)."""
    snap = snapshot or current_path(out)
    schema = TABLES[name]
    if snap is None or not (snap / name).is_dir():
        return schema.empty_table()
    dset = ds.dataset(snap / name, format="parquet", partitioning=PARTITION)
    table = dset.to_table()
    # Older snapshots may lack newer columns: add them as nulls, order as the schema says.
    for f in schema:
        if f.name not in table.column_names:
            table = table.append_column(f, pa.nulls(len(table), f.type))
    return table.select(schema.names).cast(schema)


def load(out: os.PathLike | str = "outputs") -> dict:
    """The current snapshot as pandas DataFrames: ``{"documents": df, "indicators": df}``."""
    return {name: read_table(out, name).to_pandas() for name in TABLES}


@contextmanager
def _locked(out: Path, timeout: float = 600.0):
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{out}: another run holds the dataset lock")
                time.sleep(0.05)
        yield
    finally:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _fsync_tree(root: Path) -> None:
    for dirpath, _, files in os.walk(root):
        for f in files:
            fd = os.open(os.path.join(dirpath, f), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _write_table(table: pa.Table, folder: Path) -> None:
    ds.write_dataset(
        table, folder, format="parquet", partitioning=PARTITION,
        basename_template="part-{i}.parquet", existing_data_behavior="error",
        file_options=ds.ParquetFileFormat().make_write_options(compression=COMPRESSION),
        # one file per partition for a run of this size; bounded row groups for big ones
        max_rows_per_group=64 * 1024, min_rows_per_group=1024,
    )


def _dedupe_documents(docs: pa.Table) -> pa.Table:
    """Keep the first row per doc_id; identical bytes under two sources are one document."""
    seen: set[str] = set()
    keep = []
    for i, d in enumerate(docs.column("doc_id").to_pylist()):
        keep.append(d not in seen)
        seen.add(d)
    return docs.filter(pa.array(keep))


def _keep_good_over_failed(new_docs: pa.Table, old_docs: pa.Table) -> tuple[pa.Table, pa.Table, pa.Array]:
    """A source that fails now (server down, timeout) keeps its last good row: the failure is
    recorded as a ``refresh_failed`` warning on that row instead of wiping its data."""
    failed = pc.equal(new_docs["status"], "error")
    failed_sources = new_docs.filter(failed).column("source")
    none = pa.array([], pa.string())
    if len(failed_sources) == 0 or old_docs.num_rows == 0:
        return new_docs, old_docs, none
    good_old = pc.and_(pc.is_in(old_docs["source"], failed_sources), pc.not_equal(old_docs["status"], "error"))
    rescued = old_docs.filter(good_old)
    if rescued.num_rows == 0:
        return new_docs, old_docs, none
    errors = {r["source"]: r for r in new_docs.filter(failed).select(["source", "error", "fetched_at"]).to_pylist()}
    rows = rescued.to_pylist()
    for r in rows:
        e = errors[r["source"]]
        r["warnings"] = list(r["warnings"] or []) + [f"refresh_failed: {e['fetched_at']:%Y-%m-%dT%H:%M:%SZ}: {e['error']}"]
    keep_new = pc.invert(pc.is_in(new_docs["source"], rescued.column("source")))
    new_docs = pa.concat_tables([new_docs.filter(keep_new), pa.Table.from_pylist(rows, schema=DOCUMENTS_SCHEMA)])
    return new_docs, old_docs.filter(pc.invert(good_old)), rescued.column("doc_id").combine_chunks()


def commit(out: os.PathLike | str, documents: list[dict], indicators: list[dict]) -> CommitResult:
    """Merge the rows of one run into the dataset under ``out`` and publish a new snapshot atomically.

    A document of this run replaces any stored row with the same ``doc_id`` or the same ``source``
    (a page that changed), together with that row's indicators.
    """
    out = Path(out)
    new_docs = _dedupe_documents(to_table("documents", documents))
    new_inds = to_table("indicators", indicators)
    new_inds = new_inds.filter(pc.is_in(new_inds["doc_id"], new_docs["doc_id"]))
    with _locked(out):
        versions = out / "versions"
        staging_root = out / ".staging"
        shutil.rmtree(staging_root, ignore_errors=True)  # left by a crashed writer; we hold the lock
        staging_root.mkdir(parents=True)
        versions.mkdir(exist_ok=True)
        prev = current_path(out)
        old_docs = read_table(out, "documents", snapshot=prev)
        old_inds = read_table(out, "indicators", snapshot=prev)
        new_docs, old_docs, rescued_ids = _keep_good_over_failed(new_docs, old_docs)
        drop = pc.or_(pc.is_in(old_docs["doc_id"], new_docs["doc_id"]),
                      pc.is_in(old_docs["source"], new_docs["source"]))
        kept_docs = old_docs.filter(pc.invert(drop))
        kept_ids = pa.concat_arrays([kept_docs["doc_id"].combine_chunks(), rescued_ids])
        kept_inds = old_inds.filter(pc.is_in(old_inds["doc_id"], kept_ids))
        all_docs = pa.concat_tables([kept_docs, new_docs]).sort_by([("year", "ascending"), ("doc_id", "ascending")])
        all_inds = pa.concat_tables([kept_inds, new_inds]).sort_by(
            [("year", "ascending"), ("doc_id", "ascending"), ("value_start", "ascending")])

        # Names sort by commit time (microseconds; commits are serialised by the lock).
        now = time.time()
        version = (time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now % 1 * 1e6):06d}-"
                   + uuid.uuid4().hex[:8])
        stage = staging_root / version
        _write_table(all_docs, stage / "documents")
        _write_table(all_inds, stage / "indicators")
        _fsync_tree(stage)
        final = versions / version
        os.rename(stage, final)
        link_tmp = out / f".current-{uuid.uuid4().hex[:8]}"
        os.symlink(Path("versions") / version, link_tmp)
        os.replace(link_tmp, out / "current")  # the commit point
        shutil.rmtree(staging_root, ignore_errors=True)
        _prune(versions, keep=final.name)
    return CommitResult(version, final, all_docs.num_rows, all_inds.num_rows,
                        old_docs.num_rows - kept_docs.num_rows)


def _prune(versions: Path, keep: str) -> None:
    """Remove old snapshots beyond ``KEEP_VERSIONS`` (names sort by commit time)."""
    names = sorted(p.name for p in versions.iterdir() if p.is_dir())
    for name in names[:-KEEP_VERSIONS]:
        if name != keep:
            shutil.rmtree(versions / name, ignore_errors=True)


def parquet_files(out: os.PathLike | str, name: str) -> Iterable[Path]:
    snap = current_path(out)
    if snap is None:
        return []
    return sorted((snap / name).rglob("*.parquet"))
