"""One document through every stage: raw bytes -> a ``documents`` row + ``indicators`` rows.

Pure function, no I/O except what the caller hands in.  A failure in any stage is caught and
recorded on the document (``status="error"``, ``error="<stage>: <exception>"``): one bad page never
takes the run down, and never disappears silently.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

from .model import CleanedDocument, Indicator
from .version import extractor_version

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)

# Pages bigger than this are refused before parsing: real report pages are well under 5 MB
# (the largest page of ../shared/corpus is 0.5 MB); 50 MB leaves room for table-heavy notices
# while bounding memory (see docs/ROBUSTNESS.md once written).
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


@dataclass
class ProcessedDocument:
    document: dict
    indicators: list[dict] = field(default_factory=list)


def doc_id_for(raw: bytes) -> str:
    """The document id: sha256 of the raw bytes (same bytes, same id, wherever they came from)."""
    return hashlib.sha256(raw).hexdigest()


def is_text_source(source: str) -> bool:
    return source.lower().endswith(TEXT_SUFFIXES)


def clean_document(raw: bytes, *, source: str = "", http_charset: Optional[str] = None,
                   url: Optional[str] = None) -> CleanedDocument:
    """Decode and clean one input: HTML pages go through the boilerplate remover; a ``.txt`` input
    is report text already, kept exactly as decoded (line endings included)."""
    if is_text_source(source):
        from .decode import decode_bytes

        decoded = decode_bytes(raw, http_charset=http_charset)
        text = decoded.text
        if text.startswith("\ufeff"):
            text = text[1:]
        status = "ok" if text.strip() else "empty"
        return CleanedDocument(title=None, published=None, site_name=None, main_text=text,
                               encoding=decoded.encoding, status=status,
                               warnings=list(decoded.warnings))
    from .clean import clean_html

    return clean_html(raw, http_charset=http_charset, url=url)


def extract_document(text: str) -> list[Indicator]:
    from .extract import extract_indicators

    return extract_indicators(text)


_YEAR = re.compile(r"(19[5-9]\d|20\d\d)")


def partition_year(published: Optional[str], title: Optional[str], fetched_at: datetime) -> int:
    """Hive partition ``year=``: the publication year; else the first year in the title
    (关于2024年度…的报告); else the year the document was fetched/read."""
    if published and _YEAR.match(published[:4]):
        return int(published[:4])
    m = _YEAR.search(title or "")
    if m:
        return int(m.group(1))
    return fetched_at.year


def grounded(ind: Indicator, text: str) -> bool:
    """Every offset pair of ``ind`` must index its surface in ``text``."""
    if text[ind.value_start:ind.value_end] != ind.value_text:
        return False
    if text[ind.span_start:ind.span_end] != ind.span_text:
        return False
    if ind.subject_start is not None and text[ind.subject_start:ind.subject_end] != ind.subject:
        return False
    return True


def process_document(raw: bytes, *, source: str, url: Optional[str] = None,
                     fetched_at: Optional[datetime] = None, http_charset: Optional[str] = None,
                     max_bytes: int = MAX_DOCUMENT_BYTES) -> ProcessedDocument:
    """Run decode -> clean -> segment/extract on one document and return its dataset rows."""
    fetched_at = fetched_at or datetime.now(timezone.utc)
    doc_id = doc_id_for(raw)
    doc = {
        "doc_id": doc_id,
        "source": source,
        "url": url,
        "site_name": None,
        "title": None,
        "published": None,
        "fetched_at": fetched_at,
        "content_type": "text" if is_text_source(source) else "html",
        "encoding": None,
        "raw_bytes": len(raw),
        "main_text": "",
        "n_chars": 0,
        "n_indicators": 0,
        "status": "ok",
        "warnings": [],
        "error": None,
        "meta": None,
        "extractor_version": extractor_version(),
        "year": fetched_at.year,
    }
    if len(raw) > max_bytes:
        doc["status"] = "error"
        doc["error"] = f"read: document is {len(raw):,} bytes, over the {max_bytes:,}-byte limit"
        return ProcessedDocument(doc)
    if not raw.strip():
        doc["status"] = "empty"
        doc["warnings"].append("empty_document: no bytes to parse")
        return ProcessedDocument(doc)

    try:
        cleaned = clean_document(raw, source=source, http_charset=http_charset, url=url)
    except Exception as e:  # noqa: BLE001 - any parser failure is recorded, never raised
        log.warning("clean failed for %s: %s", source, e)
        doc["status"] = "error"
        doc["error"] = f"clean: {type(e).__name__}: {e}"
        return ProcessedDocument(doc)

    text = cleaned.main_text
    doc.update(
        site_name=cleaned.site_name, title=cleaned.title, published=cleaned.published,
        encoding=cleaned.encoding, main_text=text, n_chars=len(text), status=cleaned.status,
        warnings=list(cleaned.warnings),
        meta=json.dumps(cleaned.meta, ensure_ascii=False, sort_keys=True) if cleaned.meta else None,
        year=partition_year(cleaned.published, cleaned.title, fetched_at),
    )
    if not text.strip():
        return ProcessedDocument(doc)

    try:
        found = extract_document(text)
    except Exception as e:  # noqa: BLE001
        log.warning("extract failed for %s: %s", source, e)
        doc["status"] = "error"
        doc["error"] = f"extract: {type(e).__name__}: {e}"
        return ProcessedDocument(doc)

    rows = []
    for ind in found:
        if not grounded(ind, text):  # defence in depth: never store a row that lies about its source
            doc["warnings"].append(f"ungrounded_indicator: {ind.value_text!r} at {ind.value_start} dropped")
            continue
        rows.append(indicator_row(ind, doc))
    doc["n_indicators"] = len(rows)
    return ProcessedDocument(doc, rows)


def indicator_row(ind: Indicator, doc: dict) -> dict:
    row = {
        "doc_id": doc["doc_id"],
        "indicator_id": f"{doc['doc_id'][:16]}:{ind.value_start}:{ind.value_end}",
        "source": doc["source"],
        "span_start": ind.span_start, "span_end": ind.span_end, "span_text": ind.span_text,
        "value_start": ind.value_start, "value_end": ind.value_end, "value_text": ind.value_text,
        "value": ind.value, "value_high": ind.value_high,
        "unit": ind.unit, "unit_text": ind.unit_text,
        "subject": ind.subject, "subject_start": ind.subject_start, "subject_end": ind.subject_end,
        "qualifier": ind.qualifier, "change": ind.change, "period": ind.period,
        "sentence_start": ind.sentence_start, "sentence_end": ind.sentence_end,
        "section": list(ind.section), "notes": list(ind.notes),
        "year": doc["year"],
    }
    return row


def read_error_document(source: str, error: str, *, url: Optional[str] = None,
                        fetched_at: Optional[datetime] = None) -> dict:
    """The ``documents`` row of an input that could not be read or fetched at all.

    It has no bytes, so its id is derived from the source (stable across re-runs).
    """
    fetched_at = fetched_at or datetime.now(timezone.utc)
    return {
        "doc_id": hashlib.sha256(f"unreadable:{source}".encode()).hexdigest(),
        "source": source, "url": url, "site_name": None, "title": None, "published": None,
        "fetched_at": fetched_at, "content_type": None, "encoding": None, "raw_bytes": 0,
        "main_text": "", "n_chars": 0, "n_indicators": 0, "status": "error", "warnings": [],
        "error": error, "meta": None, "extractor_version": extractor_version(), "year": fetched_at.year,
    }
