"""The dataset layer: atomic snapshot commits, idempotent merges, reads through DuckDB."""
import os
from decimal import Decimal

import pyarrow.parquet as pq
import pytest

from pipeline.dataset import commit, current_path, load, read_table
from pipeline.process import process_document
from pipeline.query import QueryError, query

from rows import _doc, _ind


def test_commit_writes_hive_partitions_with_zstd(tmp_path):
    res = commit(tmp_path, [_doc("a", "a.html", 2023), _doc("b", "b.html", 2024)],
                 [_ind("a", "a.html", 2023), _ind("b", "b.html", 2024)])
    snap = current_path(tmp_path)
    assert snap == res.path
    files = sorted(p.relative_to(snap).as_posix() for p in snap.rglob("*.parquet"))
    assert files == ["documents/year=2023/part-0.parquet", "documents/year=2024/part-0.parquet",
                     "indicators/year=2023/part-0.parquet", "indicators/year=2024/part-0.parquet",
                     "sentences/year=2023/part-0.parquet", "sentences/year=2024/part-0.parquet"]
    meta = pq.ParquetFile(snap / files[0]).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    inds = read_table(tmp_path, "indicators").to_pylist()
    assert [r["value"] for r in inds] == [Decimal("235"), Decimal("235")]
    assert {r["year"] for r in inds} == {2023, 2024}


def test_recommit_same_rows_is_idempotent(tmp_path):
    for _ in range(3):
        commit(tmp_path, [_doc("a", "a.html")], [_ind("a", "a.html")])
    assert read_table(tmp_path, "documents").num_rows == 1
    assert read_table(tmp_path, "indicators").num_rows == 1
    assert len(list((tmp_path / "versions").iterdir())) == 2  # current + previous kept


def test_changed_source_replaces_its_old_rows(tmp_path):
    commit(tmp_path, [_doc("a", "a.html"), _doc("b", "b.html")], [_ind("a", "a.html"), _ind("b", "b.html")])
    res = commit(tmp_path, [_doc("a2", "a.html")], [])  # a.html changed, now without indicators
    assert res.replaced_documents == 1
    docs = {d["doc_id"] for d in read_table(tmp_path, "documents").to_pylist()}
    assert docs == {"a2", "b"}
    assert [r["doc_id"] for r in read_table(tmp_path, "indicators").to_pylist()] == ["b"]


def test_same_bytes_under_two_names_is_one_document(tmp_path):
    commit(tmp_path, [_doc("a", "x/a.html"), _doc("a", "y/a.html")], [_ind("a", "x/a.html")])
    assert read_table(tmp_path, "documents").column("source").to_pylist() == ["x/a.html"]


def test_crashed_staging_is_invisible_and_cleaned(tmp_path):
    commit(tmp_path, [_doc("a", "a.html")], [_ind("a", "a.html")])
    before = current_path(tmp_path)
    junk = tmp_path / ".staging" / "crashed" / "documents" / "year=2024"
    junk.mkdir(parents=True)
    (junk / "part-0.parquet").write_bytes(b"PAR1 half written")
    assert current_path(tmp_path) == before  # readers never see staging
    assert load(tmp_path)["documents"].shape[0] == 1
    commit(tmp_path, [_doc("b", "b.html")], [])
    assert not (tmp_path / ".staging").exists()


def test_duckdb_query_over_snapshot(tmp_path):
    commit(tmp_path, [_doc("a", "a.html", 2023)], [_ind("a", "a.html", 2023)])
    cols, rows = query(tmp_path, "select subject, value, unit, year from indicators")
    assert cols == ["subject", "value", "unit", "year"]
    assert rows == [("调解矛盾纠纷", Decimal("235.0000000000"), "起", 2023)]
    _, rows = query(tmp_path, "select typeof(year) from documents")
    assert rows == [("INTEGER",)]


def test_query_without_dataset_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="no dataset"):
        query(tmp_path / "nothing", "select 1")


def test_empty_indicator_table_still_queryable(tmp_path):
    commit(tmp_path, [_doc("a", "a.html")], [])
    assert query(tmp_path, "select count(*) from indicators")[1] == [(0,)]


def test_oversized_and_empty_inputs_get_rows_not_exceptions():
    big = process_document(b"x" * 101, source="big.html", max_bytes=100)
    assert big.document["status"] == "error" and "limit" in big.document["error"]
    empty = process_document(b"   ", source="e.html")
    assert empty.document["status"] == "empty" and empty.document["warnings"]


def test_failed_refresh_keeps_last_good_row(tmp_path):
    commit(tmp_path, [_doc("a", "http://x/a.html")], [_ind("a", "http://x/a.html")])
    failed = _doc("err", "http://x/a.html")
    failed.update(status="error", error="fetch: HTTPError: 500 Internal Server Error", main_text="")
    commit(tmp_path, [failed], [])
    docs = read_table(tmp_path, "documents").to_pylist()
    assert [d["doc_id"] for d in docs] == ["a"]
    assert docs[0]["status"] == "ok"
    assert docs[0]["warnings"][-1].startswith("refresh_failed: ") and "500" in docs[0]["warnings"][-1]
    assert read_table(tmp_path, "indicators").num_rows == 1
