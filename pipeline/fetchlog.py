"""What the scraper fetched: a content-addressed raw store and a fetch log under the output directory.

Layout::

    OUT/raw/ab/ab12…ef          the exact bytes of every body fetched (name = sha256 of the bytes)
    OUT/fetchlog/fetchlog.sqlite one row per fetch attempt-outcome (url, time, status, headers, …)

Why SQLite for the log rather than JSON lines:

* crash safety comes with it: every record is one transaction, so a crash mid-run leaves the log at
  the last committed fetch, never a torn line or half-rewritten file;
* a re-run needs "the latest good fetch of this URL" (for the ETag / Last-Modified of a conditional
  GET) - an indexed lookup, instead of re-reading an ever-growing JSONL history at every start;
* several fetch threads write at once; one connection behind a lock serialises them cheaply;
* an auditor reads it with any SQLite client (``sqlite3 OUT/fetchlog/fetchlog.sqlite
  'select fetched_at,status,url,sha256 from fetches'``), DuckDB, pandas, or ``FetchLog.history()``.

The raw store is written temp-file + ``os.replace`` (atomic on POSIX and Windows), so a reader
never sees a partial body under a content hash.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

LOG_DIRNAME = "fetchlog"
LOG_FILENAME = "fetchlog.sqlite"
RAW_DIRNAME = "raw"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fetches (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    url           TEXT NOT NULL,      -- URL as requested
    final_url     TEXT,               -- after redirects
    fetched_at    TEXT NOT NULL,      -- ISO 8601, UTC
    status        INTEGER,            -- HTTP status of the last hop; NULL when no response
    ok            INTEGER NOT NULL,   -- 1 when a body (or a 304 reuse) is available
    not_modified  INTEGER NOT NULL,   -- 1 when answered 304 and the stored bytes were reused
    error         TEXT,
    role          TEXT,               -- document | listing | robots
    content_type  TEXT,
    etag          TEXT,
    last_modified TEXT,
    sha256        TEXT,               -- name of the body in OUT/raw/
    size          INTEGER,
    headers       TEXT                -- JSON object of the final response headers
);
CREATE INDEX IF NOT EXISTS fetches_url ON fetches(url, id);
"""


@dataclass
class LogEntry:
    """The latest good fetch of a URL: what a conditional GET needs."""

    url: str
    final_url: Optional[str]
    fetched_at: str
    status: Optional[int]
    etag: Optional[str]
    last_modified: Optional[str]
    content_type: Optional[str]
    sha256: str
    headers: dict


class RawStore:
    """Content-addressed bytes: ``root/sha[:2]/sha``."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> tuple[str, Path]:
        """Store ``data``; return ``(sha256, path)``.  Idempotent: same bytes, same file, one write."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha)
        if path.exists() and path.stat().st_size == len(data):
            return sha, path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return sha, path

    def get(self, sha256: str) -> Optional[bytes]:
        """The stored bytes, or None when missing or not matching their name (corrupted store)."""
        path = self.path_for(sha256)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != sha256:
            return None
        return data


class FetchLog:
    """Append-only log of fetches in ``OUT/fetchlog/fetchlog.sqlite`` (thread-safe)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # One connection shared by the fetch threads, serialised by the lock.
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        with self._lock:
            self._conn.executescript(_SCHEMA)
            self._conn.commit()

    @classmethod
    def under(cls, out_dir: str | os.PathLike) -> "FetchLog":
        return cls(Path(out_dir) / LOG_DIRNAME / LOG_FILENAME)

    def record(self, *, url: str, final_url: Optional[str], fetched_at: str, status: Optional[int],
               ok: bool, not_modified: bool, error: Optional[str], role: Optional[str],
               content_type: Optional[str], etag: Optional[str], last_modified: Optional[str],
               sha256: Optional[str], size: Optional[int], headers: Optional[dict]) -> None:
        row = (url, final_url, fetched_at, status, int(ok), int(not_modified), error, role, content_type,
               etag, last_modified, sha256, size,
               json.dumps(headers or {}, ensure_ascii=False, sort_keys=True))
        with self._lock:
            self._conn.execute(
                "INSERT INTO fetches (url, final_url, fetched_at, status, ok, not_modified, error, role,"
                " content_type, etag, last_modified, sha256, size, headers)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", row)
            self._conn.commit()  # one transaction per fetch: a crash loses at most the one in flight

    def latest_ok(self, url: str) -> Optional[LogEntry]:
        """The latest fetch of ``url`` that produced stored bytes (200, or a 304 that reused them)."""
        with self._lock:
            r = self._conn.execute(
                "SELECT url, final_url, fetched_at, status, etag, last_modified, content_type, sha256,"
                " headers FROM fetches WHERE url = ? AND ok = 1 AND sha256 IS NOT NULL"
                " ORDER BY id DESC LIMIT 1", (url,)).fetchone()
        if r is None:
            return None
        return LogEntry(url=r[0], final_url=r[1], fetched_at=r[2], status=r[3], etag=r[4],
                        last_modified=r[5], content_type=r[6], sha256=r[7], headers=json.loads(r[8] or "{}"))

    def history(self, url: Optional[str] = None) -> list[dict]:
        """Every logged fetch (of ``url`` when given), oldest first, as dicts - for audits and tests."""
        q = "SELECT * FROM fetches"
        args: tuple = ()
        if url is not None:
            q += " WHERE url = ?"
            args = (url,)
        q += " ORDER BY id"
        with self._lock:
            cur = self._conn.execute(q, args)
            cols = [c[0] for c in cur.description]
            rows = cur.fetchall()
        out = []
        for r in rows:
            d = dict(zip(cols, r))
            d["ok"] = bool(d["ok"])
            d["not_modified"] = bool(d["not_modified"])
            d["headers"] = json.loads(d["headers"] or "{}")
            out.append(d)
        return out

    def close(self) -> None:
        with self._lock:
            self._conn.close()
