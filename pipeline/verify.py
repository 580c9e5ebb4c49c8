"""Re-check a written dataset against its stored text and raw bytes.

Per indicator row:

* ``grounding`` - ``value``, ``span`` and ``subject`` offsets index their stored surface in
  ``documents.main_text``; the row's document exists;
* ``value``     - ``value`` (and ``value_high``) re-parse from ``value_text`` with
  ``pipeline.numerals.parse_numeral`` and the magnitude written in ``unit_text``, under the
  extractor's conventions: ``1.2万人次`` -> 12000 (magnitude in the numeral or in the unit),
  ``七成`` -> 70 %, ``三分之一`` -> 1 (the numerator; the denominator is in the unit), ``3至5天`` ->
  3 and 5, a decrease stored positive (``-2.3`` -> 2.3).

Per document whose raw bytes are available - the local ``source`` file when its sha256 still equals
``doc_id``, else the scraper's raw store ``OUT/raw/<sha[:2]>/<sha>`` (``pipeline.fetchlog.RawStore``,
with the HTTP charset of that fetch from the fetch log) - and whose ``extractor_version`` is the
current one: ``main_text`` re-derives from those bytes.  Documents that cannot be re-derived (no
bytes, another extractor version) are counted and named, not failed.

Per ``sentences`` row: ``sentence_text`` equals ``main_text[sentence_start:sentence_end]``.

``VerifyReport.to_text()`` lists every problem as ``<source> …: <what differs>``;
``python -m pipeline verify`` exits 1 when there is any.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

from .dataset import local_state_dir, read_table
from .version import extractor_version

_RANGE_SPLIT = re.compile(r"(?<=[\d一二三四五六七八九十百千万亿两零〇])\s?(?:-|~|～|—|–|至|到)\s?(?=[\d一二三四五六七八九十两零〇])")
_MAG_CHARS = "十百千万亿萬億"


@dataclass
class VerifyReport:
    indicators: int = 0
    documents: int = 0
    sentences: int = 0
    values_checked: int = 0
    rederived: int = 0
    not_rederived: dict = field(default_factory=dict)  # reason -> count
    problems: list[str] = field(default_factory=list)
    differing_documents: list[str] = field(default_factory=list)  # sources whose main_text differs

    @property
    def ok(self) -> bool:
        return not self.problems and self.documents > 0

    def to_text(self, limit: int = 50) -> str:
        head = (f"checked {self.indicators} indicators ({self.values_checked} values re-parsed) and "
                f"{self.sentences} sentences in {self.documents} documents; "
                f"re-derived main_text of {self.rederived} documents from their raw bytes")
        if self.not_rederived:
            head += "\nnot re-derived: " + ", ".join(f"{n} {why}" for why, n in sorted(self.not_rederived.items()))
        if self.documents == 0:
            return head + "\nFAILED: the dataset is empty or missing"
        if not self.problems:
            return head + "\nOK: every indicator grounds in its stored text and re-parses to its value"
        lines = [head, f"FAILED: {len(self.problems)} problems"]
        if self.differing_documents:
            lines.append(f"documents whose stored main_text differs from a re-derivation "
                         f"({len(self.differing_documents)}):")
            lines += ["  " + s for s in self.differing_documents[:limit]]
            lines.append("problems:")
        lines += ["  " + p for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# values

def _magnitude_prefix(unit_text: str, unit: str) -> Decimal:
    """The magnitude written in ``unit_text`` before the unit (``亿元`` -> 1e8, ``万`` -> 1e4)."""
    from .numerals import magnitude_of

    ut = unit_text or ""
    if unit and ut.endswith(unit):
        prefix = ut[: len(ut) - len(unit)]
    else:
        k = 0
        while k < len(ut) and ut[k] in _MAG_CHARS:
            k += 1
        prefix = ut[:k]
    prefix = "".join(ch for ch in prefix if ch in _MAG_CHARS)
    if not prefix:
        return Decimal(1)
    try:
        return magnitude_of(prefix.replace("萬", "万").replace("億", "亿"))
    except ValueError:
        return Decimal(1)


def _parse_part(part: str) -> Decimal:
    from .numerals import parse_numeral

    t = re.sub(r",(?=\.)", "", part.strip())  # 3,.83万: a digit lost while scraping (numerals.py convention)
    if "分之" in t and not t.startswith(("百分之", "千分之")):
        t = t.split("分之", 1)[1]  # 三分之一: the numerator is the value
    return abs(parse_numeral(t))


def expected_values(value_text: str, unit_text: str, unit: str) -> tuple[set, set]:
    """The values (low, high) a mention may carry under the extractor's conventions.

    Raises ``ValueError`` when ``value_text`` is not a numeral at all."""
    parts = _RANGE_SPLIT.split(value_text.strip(), maxsplit=1)
    mag = _magnitude_prefix(unit_text, unit)
    mults = {Decimal(1), mag}
    if (unit_text or "").endswith("成") and not value_text.endswith("成"):
        mults |= {m * 10 for m in mults}  # 七 + 成 = 70 %
    lows = {_parse_part(parts[0]) * m for m in mults}
    highs = {_parse_part(parts[1]) * m for m in mults} if len(parts) > 1 else set()
    return lows, highs


def _same(a: Decimal, candidates: set) -> bool:
    return any(abs(Decimal(a) - c) <= Decimal("1e-9") for c in candidates)


def check_value(row: dict) -> Optional[str]:
    """None when ``row['value']`` re-parses from ``value_text``; else what differs."""
    try:
        lows, highs = expected_values(row["value_text"] or "", row["unit_text"] or "", row["unit"] or "")
    except (ValueError, ArithmeticError) as e:
        return f"value_text {row['value_text']!r} does not parse ({e})"
    if row["value"] is None:
        return f"value is null for value_text {row['value_text']!r}"
    if not _same(abs(Decimal(row["value"])), lows):
        want = ", ".join(sorted({format(c.normalize(), "f") for c in lows}))
        return (f"value {format(Decimal(row['value']).normalize(), 'f')} does not re-parse from "
                f"value_text {row['value_text']!r} + unit_text {row['unit_text']!r} (expected {want})")
    if row.get("value_high") is not None and highs and not _same(abs(Decimal(row["value_high"])), highs):
        return (f"value_high {format(Decimal(row['value_high']).normalize(), 'f')} does not re-parse from "
                f"value_text {row['value_text']!r}")
    return None


# --------------------------------------------------------------------------------------------
# raw bytes

def _charset_of_fetch(out: Path, sha: str) -> Optional[str]:
    """The HTTP charset recorded in the fetch log for the body ``sha`` (read-only; no log, None)."""
    from .fetch import parse_content_type
    from .fetchlog import LOG_DIRNAME, LOG_FILENAME

    db = out / LOG_DIRNAME / LOG_FILENAME
    if not db.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            r = con.execute("SELECT content_type, headers FROM fetches WHERE sha256 = ? AND ok = 1 "
                            "ORDER BY id DESC LIMIT 1", (sha,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if r is None:
        return None
    ctype = r[0] or (json.loads(r[1] or "{}").get("content-type"))
    return parse_content_type(ctype)[1]


def raw_bytes_for(out: Path, doc: dict) -> tuple[Optional[bytes], Optional[str], Optional[str]]:
    """``(raw bytes, where they are, http charset)`` of a stored document, or Nones when unavailable.

    The local source file is used when its sha256 still equals ``doc_id``; else the raw store."""
    from .fetchlog import RAW_DIRNAME, RawStore

    src = doc.get("source") or ""
    if src and not src.startswith(("http://", "https://")):
        p = Path(src)
        if p.is_file():
            raw = p.read_bytes()
            if hashlib.sha256(raw).hexdigest() == doc["doc_id"]:
                return raw, str(p), None
    store = RawStore(out / RAW_DIRNAME)
    raw = store.get(doc["doc_id"])
    if raw is not None:
        return raw, str(store.path_for(doc["doc_id"])), _charset_of_fetch(out, doc["doc_id"])
    return None, None, None


# --------------------------------------------------------------------------------------------

def verify(out: os.PathLike | str = "outputs", *, rederive: bool = True) -> VerifyReport:
    docs = read_table(out, "documents").to_pylist()
    inds = read_table(out, "indicators").to_pylist()
    sents = read_table(out, "sentences").select(
        ["doc_id", "sentence_start", "sentence_end", "sentence_text"]).to_pylist()
    rep = VerifyReport(indicators=len(inds), documents=len(docs), sentences=len(sents))
    texts = {d["doc_id"]: d["main_text"] or "" for d in docs}
    source_of = {d["doc_id"]: d["source"] for d in docs}
    for r in inds:
        text = texts.get(r["doc_id"])
        where = f"{r['source']} indicator {r['indicator_id']}"
        if text is None:
            rep.problems.append(f"{where}: no document row {r['doc_id'][:12]}")
            continue
        for key, surface in (("value", r["value_text"]), ("span", r["span_text"]), ("subject", r["subject"])):
            s, e = r[f"{key}_start"], r[f"{key}_end"]
            if s is None and key == "subject":
                continue
            if s is None or e is None or text[s:e] != surface:
                got = None if s is None or e is None else text[s:e]
                rep.problems.append(f"{where}: {key} {surface!r} != main_text[{s}:{e}] {got!r}")
        bad = check_value(r)
        rep.values_checked += 1
        if bad:
            rep.problems.append(f"{where}: {bad}")
    for s in sents:
        text = texts.get(s["doc_id"])
        if text is None:
            rep.problems.append(f"sentence of missing document {s['doc_id'][:12]}")
        elif text[s["sentence_start"]:s["sentence_end"]] != s["sentence_text"]:
            rep.problems.append(f"{source_of[s['doc_id']]} sentence {s['sentence_start']}:{s['sentence_end']}: "
                                f"sentence_text != main_text[{s['sentence_start']}:{s['sentence_end']}]")
    if rederive:
        _rederive(local_state_dir(out), docs, rep)  # the raw store is local even for a URI output
    return rep


def _rederive(out: Path, docs: list[dict], rep: VerifyReport) -> None:
    from .process import clean_document

    current = extractor_version()

    def skip(why: str) -> None:
        rep.not_rederived[why] = rep.not_rederived.get(why, 0) + 1

    for d in docs:
        if d["status"] == "error" or not d["raw_bytes"]:
            skip("without bytes (failed or unreadable inputs)")
            continue
        if d["status"] == "attachment":
            skip("attachments (binary, never parsed)")
            continue
        if d["extractor_version"] != current:
            skip(f"written by another extractor version than {current}")
            continue
        raw, where, charset = raw_bytes_for(out, d)
        if raw is None:
            skip("whose raw bytes are neither at their source nor in the raw store")
            continue
        try:
            again = clean_document(raw, source=d["source"], http_charset=charset, url=d["url"]).main_text
        except Exception as e:  # noqa: BLE001 - a crash on re-derivation is a difference to report
            rep.problems.append(f"{d['source']}: re-deriving main_text from {where} failed: {type(e).__name__}: {e}")
            rep.differing_documents.append(d["source"])
            continue
        rep.rederived += 1
        stored = d["main_text"] or ""
        if again != stored:
            k = next((i for i, (a, b) in enumerate(zip(again, stored)) if a != b), min(len(again), len(stored)))
            rep.differing_documents.append(f"{d['source']} (doc {d['doc_id'][:12]})")
            rep.problems.append(
                f"{d['source']}: stored main_text differs from a re-derivation from {where} with {current} "
                f"at char {k}: stored {stored[k:k + 20]!r} vs re-derived {again[k:k + 20]!r}")
