"""The Parquet dataset: schemas, atomic snapshot writes, reads.

Layout under the output directory ``OUT`` (see docs/DATASET.md for every column)::

    OUT/current -> versions/<version>          symlink, swapped atomically on each commit
    OUT/versions/<version>/documents/year=2024/part-0.parquet
    OUT/versions/<version>/indicators/year=2024/part-0.parquet
    OUT/versions/<version>/sentences/year=2024/part-0.parquet
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
    ("organization", pa.string()),
    ("organization_source", pa.string()),
    ("report_year", pa.int32()),
    ("report_type", pa.string()),
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
    ("indicator_key", pa.string()),
    ("qualifier", pa.string()),
    ("change", pa.string()),
    ("period", pa.string()),
    ("sentence_start", pa.int64()), ("sentence_end", pa.int64()),
    ("section", pa.list_(pa.string())),
    ("notes", pa.list_(pa.string())),
    ("year", pa.int32()),
])

# One row per sentence of every document's main_text (see process.sentence_block): on by default,
# see docs/DATASET.md for why.
SENTENCES_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_index", pa.int32()),
    ("sentence_start", pa.int64()),
    ("sentence_end", pa.int64()),
    ("sentence_text", pa.string()),
    ("section", pa.list_(pa.string())),
    ("tokens", pa.list_(pa.string())),
    ("year", pa.int32()),
])

TABLES = {"documents": DOCUMENTS_SCHEMA, "indicators": INDICATORS_SCHEMA, "sentences": SENTENCES_SCHEMA}


class DatasetError(RuntimeError):
    """The output directory holds something that is not a dataset of this project."""


@dataclass
class CommitResult:
    version: str
    path: Path
    documents: int  # rows in the committed snapshot
    indicators: int
    replaced_documents: int  # rows of the previous snapshot this commit replaced
    sentences: int = 0


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
    elif name == "documents":
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


def load(out: os.PathLike | str = "outputs", tables: Optional[Iterable[str]] = None) -> dict:
    """The current snapshot as pandas DataFrames: ``{"documents": df, "indicators": df, "sentences": df}``
    (``tables`` picks a subset: the sentences table is the biggest)."""
    names = list(tables) if tables is not None else list(TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; tables are {list(TABLES)}")
    return {name: read_table(out, name).to_pandas() for name in names}


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


def _block_table(doc_id: str, text: str, year: int, blk: dict) -> pa.Table:
    """One document's sentences (``process.sentence_block``) as an Arrow table: tokens are split by
    Arrow (``split_pattern``), never materialised as Python strings."""
    from .process import TOKEN_SEP

    n = len(blk["starts"])
    joined = pa.array(blk["tokens"], pa.string())
    tokens = pc.split_pattern(joined, TOKEN_SEP)
    tokens = pc.if_else(pc.equal(joined, ""), pa.scalar([], pa.list_(pa.string())), tokens)
    sections = blk["sections"]
    return pa.table({
        "doc_id": pa.array([doc_id] * n, pa.string()),
        "sentence_index": pa.array(range(n), pa.int32()),
        "sentence_start": pa.array(blk["starts"], pa.int64()),
        "sentence_end": pa.array(blk["ends"], pa.int64()),
        "sentence_text": pa.array([text[a:b] for a, b in zip(blk["starts"], blk["ends"])], pa.string()),
        "section": pa.array([sections[k] for k in blk["section_ix"]], pa.list_(pa.string())),
        "tokens": tokens.cast(pa.list_(pa.string())),
        "year": pa.array([year] * n, pa.int32()),
    }, schema=SENTENCES_SCHEMA)


def _sentences_table(documents: list[dict]) -> pa.Table:
    """The ``sentences`` rows of ``process_document`` rows (key ``sentences``, a sentence block); a row
    without that key (built elsewhere, or by an older cached run) gets them derived from main_text."""
    from .process import sentence_block

    parts: list[pa.Table] = []
    seen: set = set()
    for d in documents:
        if d["doc_id"] in seen:
            continue
        seen.add(d["doc_id"])
        text = d.get("main_text") or ""
        blk = d.get("sentences")
        if not isinstance(blk, dict):
            blk = sentence_block(text)
        if blk["starts"]:
            parts.append(_block_table(d["doc_id"], text, d["year"], blk))
    return pa.concat_tables(parts) if parts else SENTENCES_SCHEMA.empty_table()


def _fill_derived(docs: pa.Table, inds: pa.Table, sents: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Rows of a snapshot written before a derived column or table existed get it computed now:
    ``indicator_key`` from ``subject``, ``sentences`` from ``main_text`` (documents without any)."""
    if inds.num_rows and inds["indicator_key"].null_count:
        from .keys import indicator_key

        keys = [k if k is not None else indicator_key(s)
                for k, s in zip(inds["indicator_key"].to_pylist(), inds["subject"].to_pylist())]
        inds = inds.set_column(inds.schema.get_field_index("indicator_key"), "indicator_key",
                               pa.array(keys, pa.string()))
    have = set(sents["doc_id"].to_pylist()) if sents.num_rows else set()
    missing = [d for d in docs.select(["doc_id", "main_text", "year"]).to_pylist()
               if d["doc_id"] not in have and (d["main_text"] or "").strip()]
    if missing:
        sents = pa.concat_tables([sents, _sentences_table(missing)])
    return inds, sents


def commit(out: os.PathLike | str, documents: list[dict], indicators: list[dict],
           sentences: Optional[list[dict]] = None) -> CommitResult:
    """Merge the rows of one run into the dataset under ``out`` and publish a new snapshot atomically.

    A document of this run replaces any stored row with the same ``doc_id`` or the same ``source``
    (a page that changed), together with that row's indicators and sentences.  ``sentences``
    defaults to the sentence block each document carries under the key ``sentences``
    (``process_document``); a document without one gets its sentences derived from ``main_text``.
    """
    out = Path(out)
    new_docs = _dedupe_documents(to_table("documents", documents))
    new_inds = to_table("indicators", indicators)
    new_inds = new_inds.filter(pc.is_in(new_inds["doc_id"], new_docs["doc_id"]))
    new_sents = _sentences_table(documents) if sentences is None else to_table("sentences", sentences)
    new_sents = new_sents.filter(pc.is_in(new_sents["doc_id"], new_docs["doc_id"]))
    with _locked(out):
        versions = out / "versions"
        staging_root = out / ".staging"
        shutil.rmtree(staging_root, ignore_errors=True)  # left by a crashed writer; we hold the lock
        staging_root.mkdir(parents=True)
        versions.mkdir(exist_ok=True)
        prev = current_path(out)
        old_docs = read_table(out, "documents", snapshot=prev)
        old_inds = read_table(out, "indicators", snapshot=prev)
        old_sents = read_table(out, "sentences", snapshot=prev)
        new_docs, old_docs, rescued_ids = _keep_good_over_failed(new_docs, old_docs)
        drop = pc.or_(pc.is_in(old_docs["doc_id"], new_docs["doc_id"]),
                      pc.is_in(old_docs["source"], new_docs["source"]))
        kept_docs = old_docs.filter(pc.invert(drop))
        kept_ids = pa.concat_arrays([kept_docs["doc_id"].combine_chunks(), rescued_ids])
        kept_inds = old_inds.filter(pc.is_in(old_inds["doc_id"], kept_ids))
        kept_sents = old_sents.filter(pc.is_in(old_sents["doc_id"], kept_ids))
        all_docs = pa.concat_tables([kept_docs, new_docs]).sort_by([("year", "ascending"), ("doc_id", "ascending")])
        all_inds = pa.concat_tables([kept_inds, new_inds])
        all_sents = pa.concat_tables([kept_sents, new_sents])
        all_inds, all_sents = _fill_derived(all_docs, all_inds, all_sents)
        all_inds = all_inds.sort_by([("year", "ascending"), ("doc_id", "ascending"), ("value_start", "ascending")])
        all_sents = all_sents.sort_by([("year", "ascending"), ("doc_id", "ascending"), ("sentence_index", "ascending")])

        # Names sort by commit time (microseconds; commits are serialised by the lock).
        now = time.time()
        version = (time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now % 1 * 1e6):06d}-"
                   + uuid.uuid4().hex[:8])
        stage = staging_root / version
        _write_table(all_docs, stage / "documents")
        _write_table(all_inds, stage / "indicators")
        _write_table(all_sents, stage / "sentences")
        _fsync_tree(stage)
        final = versions / version
        os.rename(stage, final)
        link_tmp = out / f".current-{uuid.uuid4().hex[:8]}"
        os.symlink(Path("versions") / version, link_tmp)
        os.replace(link_tmp, out / "current")  # the commit point
        shutil.rmtree(staging_root, ignore_errors=True)
        _prune(versions, keep=final.name)
    return CommitResult(version, final, all_docs.num_rows, all_inds.num_rows,
                        old_docs.num_rows - kept_docs.num_rows, all_sents.num_rows)


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
