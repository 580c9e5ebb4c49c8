"""The same flow on a real local Dask cluster (2 worker processes on loopback) writes exactly the
rows of the single-process run."""
import pytest

from conftest import SAMPLES
from flows.ingest import run_ingest
from pipeline.dataset import read_table

pytest.importorskip("prefect_dask")

# fetched_at is when each run read its files; everything else must match exactly.
VOLATILE = {"fetched_at"}


def _rows(out, name):
    rows = read_table(out, name).to_pylist()
    return sorted((tuple((k, str(v)) for k, v in sorted(r.items()) if k not in VOLATILE) for r in rows))


def test_dask_cluster_writes_same_rows(tmp_path):
    single = run_ingest([str(SAMPLES)], out=str(tmp_path / "single"), batch_size=2, refresh=True)
    dask = run_ingest([str(SAMPLES)], out=str(tmp_path / "dask"), batch_size=2, refresh=True,
                      dask_workers=2)
    assert dask.processed == single.processed == single.documents > 0
    for name in ("documents", "indicators"):
        a, b = _rows(tmp_path / "dask", name), _rows(tmp_path / "single", name)
        diff = [(dict(x), dict(y)) for x, y in zip(a, b) if x != y]
        diff = [{k: (x[k], y.get(k)) for k in x if x[k] != y.get(k)} for x, y in diff]
        assert len(a) == len(b) and not diff, (name, len(a), len(b), diff[:3])
