"""Prefect 3 flows: thin orchestration over the ``pipeline`` library.

Importing this package sets Prefect's defaults for a local, self-contained run *before* Prefect is
imported (see ``settings.py``): ephemeral API, project-local ``PREFECT_HOME``, no analytics.
"""
from .settings import configure_prefect_defaults

configure_prefect_defaults()
