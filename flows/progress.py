"""Progress callback of an in-process caller (the CLI's progress bar).

Kept out of the flow's parameters so deployments see only serialisable parameters, and out of the
task modules so Dask can pickle tasks (a ContextVar cannot be pickled).
"""
from __future__ import annotations

import contextvars
from typing import Callable, Optional

on_progress: contextvars.ContextVar[Optional[Callable[[int, int], None]]] = \
    contextvars.ContextVar("ingest_on_progress", default=None)
