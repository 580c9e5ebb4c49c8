"""Scheduled runs: ``python -m pipeline serve --cron "0 6 * * *" SOURCES...``.

Schedules need a Prefect server (``prefect server start``): on the ephemeral API ``serve()`` can
register nothing that fires.  ``serve`` therefore refuses to start without ``PREFECT_API_URL``.
For worker-based deployments use ``prefect.yaml`` (``prefect deploy`` + ``prefect worker start``).
"""
from __future__ import annotations

import os
from pathlib import Path

from flows import configure_prefect_defaults

configure_prefect_defaults()


class ServeError(RuntimeError):
    pass


def serve(sources: list[str], *, out: str, cron: str, timezone: str = "Asia/Shanghai",
          name: str = "scheduled-ingest") -> None:
    from prefect.client.schemas.schedules import CronSchedule

    from flows.ingest import ingest_flow

    if not os.environ.get("PREFECT_API_URL"):
        raise ServeError("schedules need a Prefect server: start one with `prefect server start` and set "
                         "PREFECT_API_URL=http://127.0.0.1:4200/api")
    # Absolute paths: the served runs start in their own working directory.
    params = {"sources": [s if s.startswith(("http://", "https://")) else str(Path(s).resolve())
                          for s in sources],
              "out": str(Path(out).resolve())}
    ingest_flow.serve(name=name, schedules=[CronSchedule(cron=cron, timezone=timezone)],
                      parameters=params, pause_on_shutdown=False)
