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


# Extraction cost grows with running text, not markup: a 20 MB page of prose took ~5 min and 1.9 GB
# (benchmarks/bench_memory.py --text, docs/ROBUSTNESS.md), while real reports run to 10,000-100,000
# characters.  2 million characters (~1 min of extraction) bounds one document's cost.
MAX_MAIN_TEXT_CHARS = 2_000_000

# sniff_binary's format names -> media types for the documents.content_type column.
_MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "PDF": "application/pdf",
         "ZIP": "application/zip", "OLE2": "application/x-ole-storage", "gzip": "application/gzip",
         "RAR": "application/vnd.rar", "7z": "application/x-7z-compressed",
         "ELF": "application/x-executable", "ICO": "image/x-icon"}


def _mime_of(kind: str) -> str:
    return _MIME.get(kind.split()[0], "application/octet-stream")


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
        from .clean import spam_warnings_for_text

        # Report text is kept verbatim (offsets index the file), so spam is flagged, not removed.
        return CleanedDocument(title=None, published=None, site_name=None, main_text=text,
                               encoding=decoded.encoding, status=status,
                               warnings=list(decoded.warnings) + spam_warnings_for_text(text))
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
    doc = _document_row(doc_id_for(raw), source, url, fetched_at,
                        content_type="text" if is_text_source(source) else "html", raw_bytes=len(raw))
    if len(raw) > max_bytes:
        doc["status"] = "error"
        doc["error"] = f"read: document is {len(raw):,} bytes, over the {max_bytes:,}-byte limit"
        return ProcessedDocument(doc)
    if not raw.strip():
        doc["status"] = "empty"
        doc["warnings"].append("empty_document: no bytes to parse")
        return ProcessedDocument(doc)
    from .decode import sniff_binary

    kind = sniff_binary(raw)
    if kind is not None:  # a PDF/image/archive saved or served as a page: recorded, never parsed
        doc.update(status="attachment", content_type=_mime_of(kind),
                   warnings=[f"attachment: {kind}, not parsed"])
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
        year=partition_year(cleaned.published, cleaned.title, doc["fetched_at"]),
    )
    try:
        from .identity import identify

        doc.update(identify(title=cleaned.title, site_name=cleaned.site_name, meta=cleaned.meta, text=text,
                            published=cleaned.published, warnings=doc["warnings"]).to_dict())
    except Exception as e:  # noqa: BLE001 - identity is descriptive: never lose the document over it
        log.warning("identity failed for %s: %s", source, e)
        doc["warnings"].append(f"identity_failed: {type(e).__name__}: {e}")
    if not text.strip():
        return ProcessedDocument(doc)
    if len(text) > MAX_MAIN_TEXT_CHARS:
        doc["status"] = "error"
        doc["error"] = (f"extract: main text is {len(text):,} characters, over the "
                        f"{MAX_MAIN_TEXT_CHARS:,}-character limit")
        return ProcessedDocument(doc)
    doc["sentences"] = sentence_block(text)

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
    from .keys import indicator_key

    row = {
        "doc_id": doc["doc_id"],
        "indicator_id": f"{doc['doc_id'][:16]}:{ind.value_start}:{ind.value_end}",
        "source": doc["source"],
        "span_start": ind.span_start, "span_end": ind.span_end, "span_text": ind.span_text,
        "value_start": ind.value_start, "value_end": ind.value_end, "value_text": ind.value_text,
        "value": ind.value, "value_high": ind.value_high,
        "unit": ind.unit, "unit_text": ind.unit_text,
        "subject": ind.subject, "subject_start": ind.subject_start, "subject_end": ind.subject_end,
        "indicator_key": indicator_key(ind.subject),
        "qualifier": ind.qualifier, "change": ind.change, "period": ind.period,
        "sentence_start": ind.sentence_start, "sentence_end": ind.sentence_end,
        "section": list(ind.section), "notes": list(ind.notes),
        "year": doc["year"],
    }
    return row


def unreadable_doc_id(source: str) -> str:
    """The id of an input with no bytes (unreadable, failed fetch): derived from the source, so it is
    stable across re-runs."""
    return hashlib.sha256(f"unreadable:{source}".encode()).hexdigest()


def _document_row(doc_id: str, source: str, url: Optional[str], fetched_at: Optional[datetime],
                  **values) -> dict:
    """A ``documents`` row with every column at its empty value, ``values`` filled in."""
    fetched_at = fetched_at or datetime.now(timezone.utc)
    doc = {
        "doc_id": doc_id, "source": source, "url": url, "site_name": None, "title": None,
        "published": None, "fetched_at": fetched_at, "content_type": None, "encoding": None,
        "raw_bytes": 0, "main_text": "", "n_chars": 0, "n_indicators": 0, "status": "ok",
        "warnings": [], "error": None, "meta": None, "extractor_version": extractor_version(),
        "organization": None, "organization_source": None, "report_year": None, "report_type": None,
        "year": fetched_at.year,
        # not a column: the document's sentences in compact form (see sentence_block), turned into
        # ``sentences`` rows by dataset.commit
        "sentences": EMPTY_BLOCK,
    }
    doc.update(values)
    return doc


def read_error_document(source: str, error: str, *, url: Optional[str] = None,
                        fetched_at: Optional[datetime] = None) -> dict:
    """The ``documents`` row of an input that could not be read or fetched at all."""
    return _document_row(unreadable_doc_id(source), source, url, fetched_at, status="error", error=error)


def _heading_fns():
    """The extractor's heading rules, so ``sentences.section`` equals ``indicators.section``."""
    try:
        from .extract import _heading_level, _heading_text  # noqa: PLC2701 - same package, same rules

        return _heading_level, _heading_text
    except ImportError:  # pragma: no cover - extract.py renamed them: a plain fallback
        rx = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
        return (lambda line: 1 if rx.match(line) else 0), (lambda line: line.strip()[:40])


TOKEN_SEP = "\x1f"  # joins a sentence's tokens in a SentenceBlock (ASCII unit separator)
EMPTY_BLOCK: dict = {"starts": [], "ends": [], "section_ix": [], "sections": [], "tokens": []}


def sentence_block(text: str) -> dict:
    """The sentences of ``main_text`` in a compact, column-wise form that travels with the document row
    (one list per column, tokens joined by ``TOKEN_SEP``, each heading path stored once) - a few
    objects per sentence instead of one per token, so a run's rows stay small in memory and in the
    Prefect result cache.  ``dataset.commit`` turns it into ``sentences`` rows (``document_sentences``
    gives the same rows as dicts).

    Same splitting as the extractor (``pipeline.segment`` on the normalised copy, offsets mapped back
    to ``main_text``; a table row is one sentence), the heading path as in ``indicators.section``, and
    jieba tokens of the normalised sentence (simplified characters, ASCII digits), so a term search
    finds 統計 and 统计 alike.
    """
    from . import segment
    from .normalize import map_span, normalize_with_map

    blk: dict = {k: [] for k in EMPTY_BLOCK}
    if not text or not text.strip():
        return blk
    level_of, heading_text = _heading_fns()
    norm, offsets = normalize_with_map(text)
    section: list[tuple[int, str]] = []
    path_ix = -1
    for ls, le in segment.iter_lines(norm):
        line = norm[ls:le]
        if not line.strip():
            continue
        lvl = level_of(line)
        if lvl or path_ix < 0:
            if lvl:
                while section and section[-1][0] >= lvl:
                    section.pop()
                section.append((lvl, heading_text(line)))
            blk["sections"].append([h for _, h in section])
            path_ix = len(blk["sections"]) - 1
        spans = [(ls, le)] if "\t" in line else segment.sentences(norm, ls, le)
        for ss, se in spans:
            a, b = map_span(offsets, ss, se)
            blk["starts"].append(a)
            blk["ends"].append(b)
            blk["section_ix"].append(path_ix)
            blk["tokens"].append(TOKEN_SEP.join(
                t.replace(TOKEN_SEP, "") for t in segment.cut(norm[ss:se]) if t.strip() and t != TOKEN_SEP))
    return blk


def document_sentences(doc_id: str, text: str, year: int, block: Optional[dict] = None) -> list[dict]:
    """The ``sentences`` rows of one document as dicts: ``doc_id, sentence_index, sentence_start,
    sentence_end, sentence_text, section, tokens, year`` (see :func:`sentence_block`)."""
    blk = block if block is not None else sentence_block(text)
    return [{"doc_id": doc_id, "sentence_index": i, "sentence_start": a, "sentence_end": b,
             "sentence_text": text[a:b], "section": list(blk["sections"][k]),
             "tokens": tok.split(TOKEN_SEP) if tok else [], "year": year}
            for i, (a, b, k, tok) in enumerate(zip(blk["starts"], blk["ends"], blk["section_ix"], blk["tokens"]))]
