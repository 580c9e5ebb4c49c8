"""gov-indicators: numeric indicators from Chinese government report pages.

The library is plain Python (no Prefect): one stage per module, see docs/ARCHITECTURE.md.
Researchers: ``pipeline.load(out)`` returns the dataset as pandas DataFrames.
"""
__version__ = "0.1.0"


def load(out="outputs", tables=None):
    """Load the current dataset under ``out`` as pandas DataFrames:
    ``{"documents": df, "indicators": df, "sentences": df}`` (``tables`` picks a subset)."""
    from .dataset import load as _load

    return _load(out, tables)
