"""Shared fixtures.  Prefect defaults (project-local PREFECT_HOME, services off) are set by
importing ``flows`` before anything imports Prefect itself."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Prefect's INFO lines (flow run started/finished, temporary server stopping at exit) add nothing
# to test output, and the last one is written after pytest closed the captured stream.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import flows  # noqa: E402,F401  - sets Prefect's environment defaults first

SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: checks against the shared dev sets are skipped")
    return SHARED


def build_dataset(out: Path, sources) -> Path:
    """Process ``(source, raw bytes[, url])`` tuples with the library (no Prefect) and commit them."""
    from pipeline.dataset import commit
    from pipeline.process import process_document

    docs, inds = [], []
    for src, raw, *url in sources:
        res = process_document(raw, source=src, url=url[0] if url else None)
        docs.append(res.document)
        inds.extend(res.indicators)
    commit(out, docs, inds)
    return out


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory):
    """A dataset of the project's samples/ pages, built once per test module."""
    return build_dataset(tmp_path_factory.mktemp("out"),
                         [(str(p), p.read_bytes()) for p in sorted(SAMPLES.glob("*.html"))])


@pytest.fixture
def site():
    """A real HTTP server on 127.0.0.1 (tests/httpserver.py)."""
    from httpserver import LocalSite

    with LocalSite() as s:
        yield s
