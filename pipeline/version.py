"""The extractor version recorded on every document row.

``extractor_version`` = package version + a short hash of the code and lexicons that decide what a
document's text and indicators are.  Any change to cleaning or extraction rules changes it, so a
cached result or a stored row always says which rules produced it.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__

_HERE = Path(__file__).parent
# Modules whose behaviour determines the stored main_text and indicators.
_RULE_MODULES = ("decode.py", "clean.py", "normalize.py", "numerals.py", "segment.py", "extract.py",
                 "process.py", "identity.py", "keys.py")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    h = hashlib.sha256()
    files = [_HERE / m for m in _RULE_MODULES]
    files += sorted((_HERE / "lexicons").glob("*")) if (_HERE / "lexicons").is_dir() else []
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:10]}"
