"""Prefect defaults for running the main job with no server and nothing outside the project.

Every value is only a default: anything already set in the environment (for instance
``PREFECT_API_URL`` of a real server, or another ``PREFECT_HOME``) wins.  Measured reasons are in
../shared/notes/prefect-facts.md (Prefect 3.9, 2 cores):

- ``PREFECT_HOME`` inside the project (``.prefect/``, git-ignored): no writes to ``~/.prefect``.
- analytics off: no network calls from an offline machine.
- the ephemeral API's EVENT_PERSISTER and TASK_RUN_RECORDER services off: their SQLite lock
  contention turned into ~2 s of 503 retries per flow run; flows, retries, caching and artifacts
  still work without them.
- ephemeral start-up timeout 90 s: the first run of a fresh ``PREFECT_HOME`` migrates its database
  (11-13 s measured, more on a loaded CI machine) and the default 20 s is too tight there.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_prefect_home() -> Path:
    """``<repo>/.prefect`` for a source checkout, else ``./.prefect`` of the working directory."""
    if (PROJECT_ROOT / "pyproject.toml").is_file():
        return PROJECT_ROOT / ".prefect"
    return Path.cwd() / ".prefect"


DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    # Library loggers (``pipeline.*``) reach the flow-run logs (a known Prefect complaint otherwise).
    "PREFECT_LOGGING_EXTRA_LOGGERS": "pipeline",
}


def configure_prefect_defaults() -> None:
    os.environ.setdefault("PREFECT_HOME", str(default_prefect_home()))
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
