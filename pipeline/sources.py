"""Find the inputs of a run: files, folders (recursively) and glob patterns.

URLs are recognised and passed through untouched (fetching belongs to the scraping stage).
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

# Extensions treated as report pages or report text when a folder is walked.  Other files
# in a folder (images, README.md, CSS) are skipped; a file named explicitly is always taken.
DOCUMENT_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")


class SourceError(ValueError):
    """A source that names nothing (missing path, glob without matches)."""


@dataclass(frozen=True)
class Source:
    """One input document: a local path or a URL."""

    location: str  # path as given/found, or URL
    is_url: bool = False
    spec: str = ""  # the command-line argument this source came from (for per-source reports)


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def discover(specs: list[str]) -> tuple[list[Source], list[str]]:
    """Expand ``specs`` into sources, in a stable order, without duplicates.

    Returns ``(sources, problems)``: each problem is a readable message for a spec that named
    nothing, so a run can report it instead of failing.
    """
    out: list[Source] = []
    problems: list[str] = []
    seen: set[str] = set()

    def add(loc: str, is_url: bool = False) -> None:
        key = loc if is_url else os.path.normpath(loc)
        if key not in seen:
            seen.add(key)
            out.append(Source(loc, is_url, spec))

    for spec in specs:
        if _is_url(spec):
            add(spec, True)
        elif os.path.isdir(spec):
            found = sorted(
                str(p) for p in Path(spec).rglob("*")
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(spec).parts)
            )
            if not found:
                problems.append(f"{spec}: folder holds no {'/'.join(DOCUMENT_SUFFIXES)} files")
            for f in found:
                add(f)
        elif os.path.isfile(spec):
            add(spec)
        elif glob.has_magic(spec):
            found = sorted(f for f in glob.glob(spec, recursive=True) if os.path.isfile(f))
            if not found:
                problems.append(f"{spec}: pattern matched no files")
            for f in found:
                add(f)
        else:
            problems.append(f"{spec}: no such file or folder")
    return out, problems
