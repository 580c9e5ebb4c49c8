"""The main job end to end: a real Prefect flow (local ephemeral API) over the project's samples,
real Parquet files, real DuckDB queries."""
import shutil
from decimal import Decimal

import pytest

from conftest import SAMPLES
from flows.ingest import run_ingest
from pipeline.dataset import read_table
from pipeline.query import query
from pipeline.verify import verify

FURNITURE = ("区长信箱", "返回顶部", "扫一扫")


@pytest.fixture(scope="module")
def run_twice(tmp_path_factory):
    """Run the flow over a copy of samples/ plus a broken input, twice, into the same dataset."""
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(SAMPLES, src / "samples")
    (src / "samples" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (src / "samples" / "empty.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    first = run_ingest([str(src / "samples"), str(src / "missing-folder")], out=str(out))
    counts1 = (read_table(out, "documents").num_rows, read_table(out, "indicators").num_rows)
    second = run_ingest([str(src / "samples"), str(src / "missing-folder")], out=str(out))
    counts2 = (read_table(out, "documents").num_rows, read_table(out, "indicators").num_rows)
    return out, first, second, counts1, counts2


def test_every_input_has_a_document_row(run_twice):
    out, first, *_ = run_twice
    n_inputs = sum(1 for p in SAMPLES.iterdir() if p.suffix in (".html", ".htm", ".txt")) + 2
    assert first.documents == n_inputs
    assert read_table(out, "documents").num_rows == n_inputs
    assert any("missing-folder" in p for p in first.problems)
    statuses = dict(query(out, "select source, status from documents")[1])
    assert statuses[[s for s in statuses if s.endswith("empty.txt")][0]] == "empty"
    assert statuses[[s for s in statuses if s.endswith("broken.html")][0]] == "attachment"  # PNG bytes saved as .html


def test_rerun_is_idempotent_and_served_from_cache(run_twice):
    _, first, second, counts1, counts2 = run_twice
    assert counts1 == counts2
    assert counts1[1] > 0
    assert first.indicators == second.indicators
    assert first.processed == first.documents and first.cached == 0
    assert second.processed == 0 and second.cached == second.documents  # cache hits reported


def test_refresh_reprocesses_everything(run_twice, tmp_path):
    out, first, *_ = run_twice
    again = run_ingest([str(SAMPLES)], out=str(tmp_path), refresh=True)
    assert again.processed == again.documents > 0 and again.cached == 0


def test_run_reports_artifacts(run_twice):
    out, first, *_ = run_twice
    assert len(first.per_source) == 1  # the missing folder produced no documents
    assert sum(r["documents"] for r in first.per_source) == first.documents
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[first.flow_run_id])))
    mine = {a.key: a for a in arts}
    assert {k: a.type for k, a in mine.items()} == {"ingest-summary": "markdown", "ingest-per-source": "table"}
    assert "not ok:" in mine["ingest-summary"].data and "broken.html" in mine["ingest-summary"].data


def test_seed_report_figures_grounded(run_twice):
    out = run_twice[0]
    cols, rows = query(out, """
        select i.subject, i.value, i.unit, i.value_start, i.value_end, i.value_text, d.main_text
        from indicators i join documents d using (doc_id)
        where d.source like '%yingwu%' and i.value in (235, 1736)""")
    found = {(r[0], int(r[1]), r[2]) for r in rows}
    assert ("调解各类矛盾纠纷", 235, "起") in found
    assert any(s.endswith("解答居民法律咨询") and v == 1736 and u == "次" for s, v, u in found)
    for r in rows:
        assert r[6][r[3]:r[4]] == r[5]


def test_no_furniture_in_main_text(run_twice):
    out = run_twice[0]
    for word in FURNITURE:
        _, rows = query(out, f"select count(*) from documents where main_text like '%{word}%'")
        assert rows == [(0,)], word


def test_verify_passes_on_written_dataset(run_twice):
    rep = verify(run_twice[0])
    assert rep.ok, rep.to_text()
    assert rep.indicators > 0 and rep.rederived > 0
