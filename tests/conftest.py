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
