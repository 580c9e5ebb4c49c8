"""Measured precision: a stratified random sample of indicators for manual checking, and the score.

``draw_sample(out, n, seed)`` -> rows for a CSV an auditor fills in.  Strata are
``unit family × report type`` (``unit_family``: the kind of ``lexicons/units.txt`` - count, money,
measure, time, percent - or ``none`` for unit-less values; ``report_type`` from ``documents``, or
``unknown``).  Each stratum gets a share of ``n`` proportional to its size, at least one row while
``n`` allows (largest remainders decide the rest), drawn without replacement with a seeded RNG:
the same dataset, ``n`` and seed give the same sample.  Every row carries its stratum's ``weight``
(stratum size / rows drawn from it) so that precision can be estimated for the whole dataset.

``score(csv)`` reads the filled CSV back.  ``verdict`` values: ``correct`` (also ok, yes, y, 1, ✓,
对), ``wrong`` (no, n, 0, x, ✗, 错), ``partial`` (the number is right but subject/unit/qualifier is
off: counted as wrong for strict precision and as right for lenient precision); anything else
(blank, ``skip``, ``unsure``) is not counted.  Precision is reported per unit, per unit family,
per section (top-level heading, numbering removed), per report type and overall (raw and
stratum-weighted).
"""
from __future__ import annotations

import csv
import os
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .dataset import read_table

__all__ = ["draw_sample", "write_sample", "score", "ScoreReport", "unit_family", "COLUMNS"]

COLUMNS = ["sample_id", "stratum", "weight", "indicator_id", "doc_id", "source", "organization", "report_year",
           "report_type", "unit_family", "section", "subject", "value", "value_text", "unit", "qualifier",
           "change", "period", "span_start", "span_end", "value_start", "value_end", "sentence_start",
           "sentence_end", "span_text", "sentence", "verdict", "comment"]

CORRECT = {"correct", "ok", "yes", "y", "1", "true", "✓", "✔", "对", "正确"}
WRONG = {"wrong", "no", "n", "0", "false", "x", "✗", "✘", "错", "错误", "incorrect"}
PARTIAL = {"partial", "partly", "部分"}


@lru_cache(maxsize=1)
def _unit_kinds() -> dict[str, str]:
    kinds = {}
    path = Path(__file__).with_name("lexicons") / "units.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kinds[parts[0]] = parts[1] if len(parts) > 1 else "count"
    return kinds


def unit_family(unit: Optional[str]) -> str:
    """count | money | measure | time | percent | fraction | none (unit-less)."""
    if not unit:
        return "none"
    if "分之" in unit:
        return "fraction"
    kinds = _unit_kinds()
    return kinds.get(unit) or kinds.get(unit.split("/")[0]) or "count"


def top_section(section) -> str:
    """The top-level heading without its numbering (``一、主要举措和成效`` -> 主要举措和成效)."""
    if section is None or len(section) == 0:
        return "(no heading)"
    h = str(section[0]).strip()
    h = re.sub(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])\s*", "", h)
    return h or "(no heading)"


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return str(v)


def draw_sample(out: os.PathLike | str, n: int = 100, seed: int = 0) -> list[dict]:
    """``n`` indicator rows (fewer if the dataset is smaller), stratified; see the module doc."""
    if n <= 0:
        raise ValueError("n must be positive")
    docs = {d["doc_id"]: d for d in read_table(out, "documents").select(
        ["doc_id", "main_text", "organization", "report_year", "report_type"]).to_pylist()}
    inds = read_table(out, "indicators").to_pylist()
    strata: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(inds, key=lambda r: r["indicator_id"]):
        d = docs.get(r["doc_id"], {})
        r["_family"] = unit_family(r["unit"])
        r["_stratum"] = f"{r['_family']}|{d.get('report_type') or 'unknown'}"
        strata[r["_stratum"]].append(r)
    total = sum(len(v) for v in strata.values())
    n = min(n, total)
    alloc = _allocate({k: len(v) for k, v in strata.items()}, n)
    rng = random.Random(seed)
    rows = []
    for k in sorted(strata):
        take = alloc.get(k, 0)
        if not take:
            continue
        pop = strata[k]
        weight = len(pop) / take
        for r in rng.sample(pop, take):
            d = docs.get(r["doc_id"], {})
            text = d.get("main_text") or ""
            rows.append({
                "stratum": k, "weight": f"{weight:.4g}", "indicator_id": r["indicator_id"], "doc_id": r["doc_id"],
                "source": r["source"], "organization": d.get("organization") or "",
                "report_year": _fmt(d.get("report_year")), "report_type": d.get("report_type") or "",
                "unit_family": r["_family"], "section": top_section(r["section"]),
                "subject": r["subject"] or "", "value": _fmt(r["value"]), "value_text": r["value_text"],
                "unit": r["unit"] or "", "qualifier": r["qualifier"] or "", "change": r["change"] or "",
                "period": r["period"] or "", "span_start": r["span_start"], "span_end": r["span_end"],
                "value_start": r["value_start"], "value_end": r["value_end"],
                "sentence_start": r["sentence_start"], "sentence_end": r["sentence_end"],
                "span_text": r["span_text"],
                "sentence": text[r["sentence_start"]:r["sentence_end"]].strip(),
                "verdict": "", "comment": "",
            })
    rng.shuffle(rows)  # strata interleaved: the auditor's order does not follow the strata
    for i, r in enumerate(rows, 1):
        r["sample_id"] = i
    return rows


def _allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Proportional allocation, at least one per stratum while n allows, largest remainders."""
    total = sum(sizes.values())
    n = min(n, total)
    if total == 0 or n == 0:
        return {}
    keys = sorted(sizes, key=lambda k: (-sizes[k], k))
    alloc = {k: 0 for k in keys}
    if n >= len(keys):
        for k in keys:
            alloc[k] = 1
        left = n - len(keys)
    else:
        for k in keys[:n]:  # more strata than rows: the biggest strata get one each
            alloc[k] = 1
        return alloc
    quotas = {k: left * sizes[k] / total for k in keys}
    for k in keys:
        alloc[k] += min(int(quotas[k]), sizes[k] - alloc[k])
    rest = n - sum(alloc.values())
    for k in sorted(keys, key=lambda k: (-(quotas[k] - int(quotas[k])), -sizes[k], k)) * 2:
        if rest <= 0:
            break
        if alloc[k] < sizes[k]:
            alloc[k] += 1
            rest -= 1
    while rest > 0:  # remainders exhausted by capped strata: fill wherever rows are left
        k = next(k for k in keys if alloc[k] < sizes[k])
        alloc[k] += 1
        rest -= 1
    return alloc


def write_sample(out: os.PathLike | str, csv_path: os.PathLike | str, n: int = 100, seed: int = 0) -> int:
    rows = draw_sample(out, n, seed)
    path = Path(csv_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8-sig") as f:  # BOM: spreadsheet apps read UTF-8
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return len(rows)


@dataclass
class Tally:
    correct: int = 0
    partial: int = 0
    wrong: int = 0
    w_correct: float = 0.0
    w_total: float = 0.0

    @property
    def judged(self) -> int:
        return self.correct + self.partial + self.wrong

    @property
    def precision(self) -> Optional[float]:
        return self.correct / self.judged if self.judged else None

    @property
    def lenient(self) -> Optional[float]:
        return (self.correct + self.partial) / self.judged if self.judged else None


@dataclass
class ScoreReport:
    rows: int = 0
    judged: int = 0
    unjudged: int = 0
    unknown_verdicts: dict = field(default_factory=dict)
    overall: Tally = field(default_factory=Tally)
    groups: dict = field(default_factory=dict)  # dimension -> {value: Tally}

    @property
    def weighted_precision(self) -> Optional[float]:
        o = self.overall
        return o.w_correct / o.w_total if o.w_total else None

    def to_text(self) -> str:
        def pct(x):
            return "  n/a" if x is None else f"{100 * x:5.1f}%"

        o = self.overall
        lines = [f"{self.rows} sampled rows, {self.judged} judged ({o.correct} correct, {o.partial} partial, "
                 f"{o.wrong} wrong), {self.unjudged} without a verdict"]
        if self.unknown_verdicts:
            lines.append("verdicts not understood (not counted): "
                         + ", ".join(f"{k!r} x{v}" for k, v in sorted(self.unknown_verdicts.items())))
        lines.append(f"precision {pct(o.precision)} (strict; partial counts as wrong), lenient "
                     f"{pct(o.lenient)}, stratum-weighted estimate {pct(self.weighted_precision)}")
        for dim, title in (("unit", "per unit"), ("unit_family", "per unit family"),
                           ("section", "per section"), ("report_type", "per report type")):
            g = self.groups.get(dim, {})
            if not g:
                continue
            lines.append("")
            lines.append(f"{title}:")
            width = max(8, *(_w(k) for k in g))
            lines.append(f"  {_pad(dim, width)}  judged  correct  precision  lenient")
            for k, t in sorted(g.items(), key=lambda kv: (-kv[1].judged, kv[0])):
                lines.append(f"  {_pad(k, width)}  {t.judged:6d}  {t.correct:7d}  {pct(t.precision):>9}  "
                             f"{pct(t.lenient):>7}")
        return "\n".join(lines)


def _w(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _w(s))


def _verdict(v: str) -> Optional[str]:
    t = (v or "").strip().lower()
    if t in CORRECT:
        return "correct"
    if t in WRONG:
        return "wrong"
    if t in PARTIAL:
        return "partial"
    return None


def score(csv_path: os.PathLike | str) -> ScoreReport:
    """Precision from a filled sample CSV (see the module doc)."""
    rep = ScoreReport()
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = {"verdict", "unit", "section"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{csv_path}: not a sample CSV (missing columns {sorted(missing)})")
        for row in reader:
            rep.rows += 1
            raw = (row.get("verdict") or "").strip()
            v = _verdict(raw)
            if v is None:
                rep.unjudged += 1
                if raw and raw.lower() not in ("skip", "unsure", "?", "-"):
                    rep.unknown_verdicts[raw] = rep.unknown_verdicts.get(raw, 0) + 1
                continue
            rep.judged += 1
            try:
                weight = float(row.get("weight") or 1)
            except ValueError:
                weight = 1.0
            keys = {"unit": row.get("unit") or "(none)", "unit_family": row.get("unit_family") or "",
                    "section": row.get("section") or "(no heading)",
                    "report_type": row.get("report_type") or "unknown"}
            for t in [rep.overall] + [rep.groups.setdefault(d, {}).setdefault(k, Tally()) for d, k in keys.items()]:
                setattr(t, v, getattr(t, v) + 1)
            rep.overall.w_total += weight
            if v == "correct":
                rep.overall.w_correct += weight
    return rep
