"""SQL over the dataset with DuckDB: views ``documents``, ``indicators`` and ``sentences`` on the current snapshot.

A local output is read by DuckDB itself (``read_parquet`` over the snapshot's files).  A URI output
(``s3://…``, ``memory://…``) is read through ``pyarrow.fs`` instead: DuckDB would need its ``httpfs``
extension for object stores, so each table is a ``pyarrow.dataset`` registered with the connection
(filters and projections are still pushed down to it)."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .dataset import TABLES, current_path, resolve_output, table_dataset


class QueryError(RuntimeError):
    """No dataset to query, or DuckDB rejected the SQL."""


def connect(out: os.PathLike | str = "outputs") -> "duckdb.DuckDBPyConnection":
    """An in-memory DuckDB connection with one view per table of the current snapshot.

    ``year`` is typed INTEGER explicitly: DuckDB reads hive partition values as BIGINT otherwise.
    """
    target = resolve_output(out)
    snap = current_path(target)
    if snap is None:
        raise QueryError(f"no dataset under {out}: run `python -m pipeline run` first")
    con = duckdb.connect()
    if target.local is None:
        for name in TABLES:
            # the partitioning types year as int32, which DuckDB sees as INTEGER (same as hive_types)
            dset = table_dataset(target, name, snapshot=snap)
            con.register(name, dset if dset is not None and dset.files else TABLES[name].empty_table())
        return con
    for name in TABLES:
        pattern = str(Path(snap) / name / "**" / "*.parquet").replace("'", "''")
        if not any((Path(snap) / name).rglob("*.parquet")):
            # no rows (e.g. every document failed): a typed empty table, so queries still run
            con.register(name, TABLES[name].empty_table())
            continue
        con.execute(
            f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', "
            "hive_partitioning = true, hive_types = {'year': INTEGER})"
        )
    return con


def query(out: os.PathLike | str, sql: str) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` and return ``(column names, rows)``."""
    con = connect(out)
    try:
        cur = con.execute(sql)
    except duckdb.Error as e:
        raise QueryError(str(e)) from e
    cols = [d[0] for d in cur.description] if cur.description else []
    return cols, cur.fetchall()
