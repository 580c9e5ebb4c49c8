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
The commit also writes ``OUT/_CURRENT`` (the version id, replaced atomically) next to the symlink so
that every output, local or not, carries the same pointer; local readers use the symlink.

``out`` may also be a filesystem URI (see ``resolve_output``): ``file:///abs/path`` is a local folder
(the protocol above); ``s3://bucket/prefix``, ``gs://…``, ``hdfs://…`` go through ``pyarrow.fs``; any other
fsspec protocol (``memory://…``) through ``pyarrow.fs.PyFileSystem(FSSpecHandler(…))``.  Object stores
have neither rename nor a lock, so their commit protocol is a pointer object::

    OUT/_CURRENT                               the version id of the current snapshot (one object, atomic)
    OUT/versions/<version>/{documents,indicators,sentences}/year=YYYY/part-0.parquet

A writer reads ``_CURRENT`` (snapshot P), merges its rows into P, writes the complete new snapshot
under ``versions/<version>/`` (invisible until published), re-reads ``_CURRENT`` and, only if it still
names P, publishes by overwriting ``_CURRENT``; if it moved, another writer published meanwhile: the
new snapshot is discarded and the merge redone on top of the newer one (optimistic concurrency, up to
``MAX_COMMIT_ATTEMPTS`` attempts).  After publishing it reads ``_CURRENT`` once more: a snapshot that
replaced ours without our documents (a concurrent writer that passed its check before our PUT) is
merged onto again.  The check and the PUT are not one atomic step (pyarrow.fs has no conditional
write), so the guarantee for object stores is: never a corrupt or partial dataset, readers always
see one complete snapshot, lost updates detected in the interleavings above; exactly-once for every
commit needs one writer per prefix at a time (docs/DEPLOY.md).
"""
from __future__ import annotations

import fcntl
import functools
import hashlib
import logging
import os
import random
import re
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Iterable, Optional, Union

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.fs as pafs

log = logging.getLogger(__name__)

# Exact values: 28 integer digits cover 万亿-scale yuan amounts; 10 fractional digits cover
# rates such as 0.0001‰ exactly.
VALUE_TYPE = pa.decimal128(38, 10)
PARTITION = ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
COMPRESSION = "zstd"  # measured (../shared/notes/prefect-facts.md): 1.7x faster, 1.5x smaller than snappy
KEEP_VERSIONS = 2  # the current snapshot and the one before it (for readers still on it)
POINTER = "_CURRENT"  # the version id of the current snapshot, on every output
MAX_COMMIT_ATTEMPTS = 5  # object stores: merges redone when another writer published meanwhile
_VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")

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


class ConcurrentCommitError(DatasetError):
    """An object-store commit lost the race against other writers ``MAX_COMMIT_ATTEMPTS`` times."""


@dataclass
class CommitResult:
    version: str
    path: Union[Path, PurePosixPath]  # the snapshot folder (inside its filesystem for a URI output)
    documents: int  # rows in the committed snapshot
    indicators: int
    replaced_documents: int  # rows of the previous snapshot this commit replaced
    sentences: int = 0
    attempts: int = 1  # object stores: > 1 when another writer published meanwhile (re-merged)


# --------------------------------------------------------------------------------------------
# where the output lives

_PYARROW_SCHEMES = ("file", "s3", "gs", "gcs", "hdfs", "viewfs", "abfs", "abfss")


@dataclass(frozen=True)
class Output:
    """A resolved output location: a local folder (``local``) or a folder ``root`` inside ``fs``."""

    uri: str
    local: Optional[Path] = None
    fs: Optional[pafs.FileSystem] = None
    root: str = ""

    def join(self, *parts: str) -> str:
        base = self.root.rstrip("/")
        return "/".join(([base] if base else []) + list(parts))


def is_uri(out: os.PathLike | str) -> bool:
    return isinstance(out, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", out) is not None


def resolve_output(out: os.PathLike | str | Output) -> Output:
    """``out`` as a local folder or a (filesystem, path) pair.

    A plain path, and a ``file://`` URI, is a local folder (symlink + flock protocol).  ``s3://``,
    ``gs://``, ``hdfs://``, ``abfs://`` go through ``pyarrow.fs.FileSystem.from_uri`` (options in the
    query string, e.g. ``s3://bucket/prefix?endpoint_override=host:9000&scheme=http``; credentials from
    the environment); any other protocol through fsspec (``memory://``, …) wrapped as a pyarrow
    filesystem."""
    if isinstance(out, Output):
        return out
    if not is_uri(out):
        return Output(uri=os.fspath(out), local=Path(out))
    return _resolve_uri(out)


@functools.lru_cache(maxsize=32)
def _resolve_uri(out: str) -> Output:
    """One filesystem object per URI per process (an S3 URI without ``region`` costs a request)."""
    scheme = out.split("://", 1)[0].lower()
    if scheme in _PYARROW_SCHEMES:
        try:
            fs, path = pafs.FileSystem.from_uri(out)
        except pa.ArrowNotImplementedError:  # this pyarrow build lacks it: try fsspec
            fs = None
        if fs is not None:
            if isinstance(fs, pafs.LocalFileSystem):
                return Output(uri=out, local=Path(path))
            return Output(uri=out, fs=fs, root=path.rstrip("/"))
    import fsspec

    ffs, path = fsspec.core.url_to_fs(out)
    return Output(uri=out, fs=pafs.PyFileSystem(pafs.FSSpecHandler(ffs)), root=path.rstrip("/"))


def local_state_dir(out: os.PathLike | str) -> Path:
    """Where the scraper keeps its raw store (``raw/``) and fetch log (``fetchlog/``) for ``out``:
    ``out`` itself when it is a local folder; for a URI output, a local cache folder
    ``$GOV_INDICATORS_CACHE/outputs/<sha256(uri)[:16]>`` (default ``.cache/outputs/…`` under the
    working directory) - raw pages stay on the machine that fetched them."""
    if not is_uri(out) or out.lower().startswith("file://"):
        return resolve_output(out).local
    # no filesystem is built: that could mean network calls (an S3 bucket's region)
    key = hashlib.sha256(out.rstrip("/").encode()).hexdigest()[:16]
    return Path(os.environ.get("GOV_INDICATORS_CACHE", ".cache")) / "outputs" / key


def _check_version(v: str, where: str) -> str:
    lines = {x.strip() for x in v.splitlines() if x.strip()}
    if len(lines) == 1:
        # the same id written twice (seen once on an fsspec in-memory store under concurrent
        # publishes): still one unambiguous pointer; two different ids stay an error
        v = lines.pop()
    if not _VERSION_RE.match(v):
        raise DatasetError(f"{where}: {POINTER} holds {v[:80]!r}, not a version id")
    return v


def _read_pointer(t: Output) -> Optional[str]:
    """The version named by ``OUT/_CURRENT``, None when there is none."""
    if t.local is not None:
        try:
            v = (t.local / POINTER).read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        return _check_version(v, str(t.local)) if v else None
    try:
        with t.fs.open_input_stream(t.join(POINTER)) as f:
            v = f.read().decode("ascii").strip()
    except FileNotFoundError:
        return None
    return _check_version(v, t.uri) if v else None


def _write_pointer(t: Output, version: str) -> None:
    """Publish ``version``: one small object.  S3/GCS create an object atomically (pyarrow may use a
    one-part multipart upload: the object appears when it completes), so readers never see half of it."""
    data = (version + "\n").encode("ascii")
    if t.local is not None:
        tmp = t.local / f".{POINTER}-{uuid.uuid4().hex[:8]}"
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, t.local / POINTER)
        return
    with t.fs.open_output_stream(t.join(POINTER)) as f:
        f.write(data)


def current_version(out: os.PathLike | str) -> Optional[str]:
    """The version id of the current snapshot, or None when nothing was committed yet."""
    t = resolve_output(out)
    if t.local is None:
        return _read_pointer(t)
    snap = current_path(t.local)
    return snap.name if snap is not None else None


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


def current_path(out: os.PathLike | str) -> Optional[Union[Path, PurePosixPath]]:
    """The folder of the current snapshot, or None when nothing was committed yet.

    Local folders: the target of the ``current`` symlink (else of ``_CURRENT``, e.g. a copy of an
    object-store dataset).  URI outputs: the snapshot's path inside its filesystem, as a
    ``PurePosixPath`` (``.name`` is the version id)."""
    t = resolve_output(out)
    if t.local is None:
        v = _read_pointer(t)
        return PurePosixPath(t.join("versions", v)) if v else None
    link = t.local / "current"
    if link.exists():
        return link.resolve()
    v = _read_pointer(t)
    if v and (t.local / "versions" / v).is_dir():
        return (t.local / "versions" / v).resolve()
    return None


def _finish(table: pa.Table, schema: pa.Schema) -> pa.Table:
    # Older snapshots may lack newer columns: add them as nulls, order as the schema says.
    for f in schema:
        if f.name not in table.column_names:
            table = table.append_column(f, pa.nulls(len(table), f.type))
    return table.select(schema.names).cast(schema)


def table_dataset(out: os.PathLike | str, name: str, *, snapshot=None) -> Optional[ds.Dataset]:
    """A ``pyarrow.dataset`` over one table of the current (or the given) snapshot, ``year`` typed
    int32; None when the snapshot or the table does not exist (no rows)."""
    t = resolve_output(out)
    snap = snapshot if snapshot is not None else current_path(t)
    if snap is None:
        return None
    if t.local is not None:
        folder = Path(snap) / name
        if not folder.is_dir():
            return None
        return ds.dataset(folder, format="parquet", partitioning=PARTITION)
    folder = f"{str(snap).rstrip('/')}/{name}"
    if t.fs.get_file_info(folder).type == pafs.FileType.NotFound:
        return None
    return ds.dataset(folder, filesystem=t.fs, format="parquet", partitioning=PARTITION)


def read_table(out: os.PathLike | str, name: str, *, snapshot=None) -> pa.Table:
    """One table of the current snapshot (an empty table when there is none)."""
    schema = TABLES[name]
    dset = table_dataset(out, name, snapshot=snapshot)
    if dset is None:
        return schema.empty_table()
    return _finish(dset.to_table(), schema)


def load(out: os.PathLike | str = "outputs", tables: Optional[Iterable[str]] = None) -> dict:
    """The current snapshot as pandas DataFrames: ``{"documents": df, "indicators": df, "sentences": df}``
    (``tables`` picks a subset: the sentences table is the biggest)."""
    names = list(tables) if tables is not None else list(TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; tables are {list(TABLES)}")
    t = resolve_output(out)
    snap = current_path(t)  # once: every table from the same snapshot
    if snap is None:
        return {name: TABLES[name].empty_table().to_pandas() for name in names}
    return {name: read_table(t, name, snapshot=snap).to_pandas() for name in names}


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


def _write_table(table: pa.Table, folder, filesystem: Optional[pafs.FileSystem] = None) -> None:
    ds.write_dataset(
        table, folder, format="parquet", partitioning=PARTITION, filesystem=filesystem,
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


def _merge(new_docs: pa.Table, new_inds: pa.Table, new_sents: pa.Table,
           old_docs: pa.Table, old_inds: pa.Table, old_sents: pa.Table):
    """The new snapshot: the old rows minus those this run replaces, plus this run's rows.
    Returns ``(documents, indicators, sentences, replaced documents)``."""
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
    return all_docs, all_inds, all_sents, old_docs.num_rows - kept_docs.num_rows


def _new_version() -> str:
    """Names sort by commit time (microseconds; commits to a local folder are serialised by the lock)."""
    now = time.time()
    return (time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now % 1 * 1e6):06d}-"
            + uuid.uuid4().hex[:8])


def commit(out: os.PathLike | str, documents: list[dict], indicators: list[dict],
           sentences: Optional[list[dict]] = None) -> CommitResult:
    """Merge the rows of one run into the dataset under ``out`` and publish a new snapshot atomically.

    A document of this run replaces any stored row with the same ``doc_id`` or the same ``source``
    (a page that changed), together with that row's indicators and sentences.  ``sentences``
    defaults to the sentence block each document carries under the key ``sentences``
    (``process_document``); a document without one gets its sentences derived from ``main_text``.
    ``out`` is a local folder or a filesystem URI (``resolve_output``; protocols in the module doc).
    """
    t = resolve_output(out)
    new_docs = _dedupe_documents(to_table("documents", documents))
    new_inds = to_table("indicators", indicators)
    new_inds = new_inds.filter(pc.is_in(new_inds["doc_id"], new_docs["doc_id"]))
    new_sents = _sentences_table(documents) if sentences is None else to_table("sentences", sentences)
    new_sents = new_sents.filter(pc.is_in(new_sents["doc_id"], new_docs["doc_id"]))
    if t.local is None:
        return _commit_remote(t, new_docs, new_inds, new_sents)
    out = t.local
    with _locked(out):
        versions = out / "versions"
        staging_root = out / ".staging"
        shutil.rmtree(staging_root, ignore_errors=True)  # left by a crashed writer; we hold the lock
        staging_root.mkdir(parents=True)
        versions.mkdir(exist_ok=True)
        prev = current_path(out)
        old = [read_table(out, name, snapshot=prev) for name in TABLES]
        all_docs, all_inds, all_sents, replaced = _merge(new_docs, new_inds, new_sents, *old)

        version = _new_version()
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
        _write_pointer(t, version)  # the same pointer object-store outputs have
        shutil.rmtree(staging_root, ignore_errors=True)
        _prune(versions, keep=final.name)
    return CommitResult(version, final, all_docs.num_rows, all_inds.num_rows, replaced, all_sents.num_rows)


def _write_version(t: Output, version: str, tables: dict[str, pa.Table]) -> None:
    """The complete snapshot under ``versions/<version>/``: invisible to readers until published."""
    for name, table in tables.items():
        _write_table(table, t.join("versions", version, name), filesystem=t.fs)


def _delete_version(t: Output, version: str) -> None:
    try:
        t.fs.delete_dir(t.join("versions", version))
    except (FileNotFoundError, OSError) as e:  # best effort: an unpublished snapshot is never read
        log.warning("%s: could not remove unpublished snapshot %s: %s", t.uri, version, e)


def _missing_from(t: Output, version: Optional[str], docs: pa.Table) -> int:
    """How many of ``docs`` the snapshot ``version`` holds neither by doc_id nor by source."""
    if docs.num_rows == 0:
        return 0
    if version is None:
        return docs.num_rows
    dset = table_dataset(t, "documents", snapshot=t.join("versions", version))
    have = dset.to_table(columns=["doc_id", "source"]) if dset is not None else DOCUMENTS_SCHEMA.empty_table()
    present = pc.or_(pc.is_in(docs["doc_id"], have["doc_id"]), pc.is_in(docs["source"], have["source"]))
    return docs.num_rows - pc.sum(present.cast(pa.int64())).as_py()


def _commit_remote(t: Output, new_docs: pa.Table, new_inds: pa.Table, new_sents: pa.Table) -> CommitResult:
    """The pointer protocol for object stores (module doc): write, check, publish, check again."""
    for attempt in range(1, MAX_COMMIT_ATTEMPTS + 1):
        prev = _read_pointer(t)
        snap = t.join("versions", prev) if prev else None
        old = [read_table(t, name, snapshot=snap) if snap else TABLES[name].empty_table() for name in TABLES]
        all_docs, all_inds, all_sents, replaced = _merge(new_docs, new_inds, new_sents, *old)
        version = _new_version()
        _write_version(t, version, {"documents": all_docs, "indicators": all_inds, "sentences": all_sents})
        now = _read_pointer(t)
        if now != prev:
            # another writer published while we wrote: our snapshot lacks its rows
            log.info("%s: %s moved from %s to %s while writing; merging again (attempt %d)",
                     t.uri, POINTER, prev, now, attempt)
            _delete_version(t, version)
            time.sleep(random.uniform(0.0, 0.05 * attempt))
            continue
        _write_pointer(t, version)  # the commit point
        now = _read_pointer(t)
        if now != version and _missing_from(t, now, new_docs):
            # a writer that checked before our PUT published over it without our documents
            log.warning("%s: snapshot %s was replaced by %s without this run's documents; merging "
                        "again (attempt %d)", t.uri, version, now, attempt)
            time.sleep(random.uniform(0.0, 0.05 * attempt))
            continue
        _prune_remote(t, keep={version, now}, parent=prev)
        return CommitResult(version, PurePosixPath(t.join("versions", version)), all_docs.num_rows,
                            all_inds.num_rows, replaced, all_sents.num_rows, attempts=attempt)
    raise ConcurrentCommitError(
        f"{t.uri}: other writers published {MAX_COMMIT_ATTEMPTS} times while this run committed; "
        "run one writer per output prefix at a time (docs/DEPLOY.md)")


def _prune(versions: Path, keep: str) -> None:
    """Remove old snapshots beyond ``KEEP_VERSIONS`` (names sort by commit time)."""
    names = sorted(p.name for p in versions.iterdir() if p.is_dir())
    for name in names[:-KEEP_VERSIONS]:
        if name != keep:
            shutil.rmtree(versions / name, ignore_errors=True)


def _prune_remote(t: Output, keep: set, parent: Optional[str]) -> None:
    """Object stores: remove the snapshots older than the one this commit replaced (``parent``):
    with one writer that keeps ``KEEP_VERSIONS`` = 2 like a local folder; a newer folder may be
    another writer's snapshot in progress and is left alone (a crashed writer's is removed by a later
    commit)."""
    if parent is None:
        return
    infos = t.fs.get_file_info(pafs.FileSelector(t.join("versions"), recursive=False, allow_not_found=True))
    for info in infos:
        name = info.base_name
        if info.type == pafs.FileType.Directory and name < parent and name not in keep:
            _delete_version(t, name)


def parquet_files(out: os.PathLike | str, name: str) -> Iterable:
    """The Parquet files of one table of the current snapshot (paths inside the filesystem for a URI)."""
    dset = table_dataset(out, name)
    if dset is None:
        return []
    t = resolve_output(out)
    return sorted(Path(f) if t.local is not None else f for f in dset.files)
