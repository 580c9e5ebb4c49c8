"""Score the extractor against a hand-labelled set, with field-level disagreements.

A labelled set is a folder ``texts/NNN.txt`` + ``labels/NNN.jsonl`` (one JSON object per indicator:
``span``, ``start``, ``subject``, ``value``, ``unit``, ``qualifier``, ``change`` [, ``value_high``]),
the layout of ../shared/gold-dev.  Labels keep the magnitude in the unit (``1.2万人次`` -> value 1.2,
unit ``万人次``); predictions apply it (value 12000, unit ``人次``); both are compared with the
magnitude split off.

Matching follows ../shared/eval/score_indicators.py so that figures agree with it: a prediction
matches the shortest unused label whose span contains the predicted numeral and whose value agrees;
a subject is right when one of the two contains the other and the shorter is at least half as long.

``score_set(folder) -> EvalReport``; ``python -m pipeline evaluate FOLDER`` prints it.  The project's
own set (tests/evalset, self-written sentences) is re-run by the test suite on every change.
"""
from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

__all__ = ["EvalReport", "Disagreement", "load_labelled_set", "score_set", "score_predictions"]

_TRAD = str.maketrans({"億": "亿", "萬": "万", "個": "个", "項": "项", "條": "条", "場": "场", "戶": "户",
                       "間": "间", "噸": "吨", "畝": "亩", "張": "张", "筆": "笔", "處": "处",
                       "點": "点", "倉": "仓", "幾": "几", "歲": "岁", "號": "号", "類": "类", "們": "们"})
# units that merely start with a magnitude character
_KEEP = ("千米", "千克", "千瓦时", "千瓦", "千伏", "千卡", "百分点")
_MAG = {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8}


class EvalError(ValueError):
    """The folder is not a labelled set (missing texts/, unreadable label line)."""


def split_unit(unit: Optional[str]) -> tuple[float, str]:
    """-> (multiplier, bare unit) for a unit as written: 万人次 -> (1e4, 人次), 成 -> (10, %)."""
    u = unicodedata.normalize("NFKC", unit or "").strip().translate(_TRAD)
    if u.startswith("个") and u[1:] in _KEEP:
        u = u[1:]
    mult = 1.0
    while u and u[0] in _MAG and not u.startswith(_KEEP):
        mult *= _MAG[u[0]]
        u = u[1:]
    if u == "百分点":
        u = "个百分点"
    elif u == "成":
        mult, u = mult * 10, "%"
    elif u == "分之" and mult == 100:
        mult, u = 1.0, "%"
    elif u == "分之" and mult == 1000:
        mult, u = 1.0, "‰"
    return mult, u


def _close(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def value_ok(pred: dict, gold: dict) -> bool:
    mult, _ = split_unit(gold.get("unit"))
    return _close(pred.get("value"), gold["value"]) or _close(pred.get("value"), gold["value"] * mult)


def subject_ok(pred: Optional[str], gold: Optional[str]) -> bool:
    ps, gs = (pred or "").strip(), (gold or "").strip()
    if not ps or not gs or not (gs in ps or ps in gs):
        return False
    return min(len(ps), len(gs)) / max(len(ps), len(gs)) >= 0.5


@dataclass
class Disagreement:
    kind: str  # miss | fp | subject | unit | qualifier | change | grounding
    file: str
    where: str  # the gold span, or the text around a false positive
    predicted: object = None
    gold: object = None

    def to_text(self) -> str:
        if self.kind in ("miss", "fp", "grounding"):
            return f"{self.kind.upper():9} {self.file}  {self.where}  {self.predicted if self.kind == 'fp' else self.gold or ''}"
        return f"{self.kind:9} {self.file}  {self.where}  predicted {self.predicted!r}, gold {self.gold!r}"


@dataclass
class EvalReport:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    unit_ok: int = 0
    subject_ok: int = 0
    qualifier_ok: int = 0
    change_ok: int = 0
    all_ok: int = 0
    grounding_errors: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, pred: int, gold: int) -> float:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.matched, self.predicted, self.gold)

    @property
    def all_fields_f1(self) -> float:
        return self._f1(self.all_ok, self.predicted, self.gold)

    def accuracy(self, n: int) -> float:
        return n / self.matched if self.matched else 0.0

    def to_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "unit_acc": round(self.accuracy(self.unit_ok), 4),
                "subject_acc": round(self.accuracy(self.subject_ok), 4),
                "qualifier_acc": round(self.accuracy(self.qualifier_ok), 4),
                "change_acc": round(self.accuracy(self.change_ok), 4),
                "full_f1": round(self.all_fields_f1, 4), "grounding_errors": self.grounding_errors}

    def to_text(self, show: int = 0) -> str:
        lines = [f"gold indicators {self.gold}, predicted {self.predicted}, matched {self.matched}",
                 f"detection  P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}",
                 f"on matched: unit {self.accuracy(self.unit_ok):.3f}  subject {self.accuracy(self.subject_ok):.3f}  "
                 f"qualifier {self.accuracy(self.qualifier_ok):.3f}  change {self.accuracy(self.change_ok):.3f}",
                 f"all fields right F1 {self.all_fields_f1:.3f}   grounding errors {self.grounding_errors}"]
        if show:
            lines += [""] + [d.to_text() for d in self.disagreements[:show]]
        return "\n".join(lines)


def _read_text(p: Path) -> str:
    with open(p, encoding="utf-8", newline="") as f:
        return f.read()


def load_labelled_set(folder) -> dict[str, tuple[str, list[dict]]]:
    """{file name: (text, labels)} for every texts/*.txt of a labelled set."""
    root = Path(folder)
    if not (root / "texts").is_dir():
        raise EvalError(f"{root}: no texts/ folder (expected texts/NNN.txt and labels/NNN.jsonl)")
    out = {}
    for tp in sorted((root / "texts").glob("*.txt")):
        labels = []
        lp = root / "labels" / (tp.stem + ".jsonl")
        if lp.exists():
            for n, line in enumerate(_read_text(lp).splitlines(), 1):
                if line.strip():
                    try:
                        labels.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        raise EvalError(f"{lp}:{n}: {e}") from e
        out[tp.name] = (_read_text(tp), labels)
    return out


def score_predictions(gold: dict[str, tuple[str, list[dict]]],
                      preds: dict[str, list[dict]]) -> EvalReport:
    """Score prediction dicts (CONTRACT.md fields) per file name against a loaded labelled set."""
    rep = EvalReport()
    for name, (text, labels) in gold.items():
        used: set[int] = set()
        rep.gold += len(labels)
        for p in preds.get(name, []):
            rep.predicted += 1
            vs, ve = p.get("value_start"), p.get("value_end")
            if not (isinstance(vs, int) and isinstance(ve, int) and 0 <= vs < ve <= len(text)) or \
                    (p.get("value_text") is not None and text[vs:ve] != p["value_text"]):
                rep.grounding_errors += 1
                rep.disagreements.append(Disagreement("grounding", name, f"{vs}..{ve}", p.get("value_text")))
                continue
            best = None
            for i, g in enumerate(labels):
                gs, ge = g["start"], g["start"] + len(g["span"])
                if i not in used and gs <= vs and ve <= ge and value_ok(p, g):
                    if best is None or ge - gs < best[1]:
                        best = (i, ge - gs)
            if best is None:
                ctx = text[max(0, vs - 12):ve + 6].replace("\n", " ")
                rep.disagreements.append(Disagreement(
                    "fp", name, ctx, f"[{p.get('subject')}|{p.get('value')}|{p.get('unit')}]"))
                continue
            used.add(best[0])
            g = labels[best[0]]
            rep.matched += 1
            checks = {
                "subject": (subject_ok(p.get("subject"), g.get("subject")), p.get("subject"), g.get("subject")),
                "unit": (split_unit(p.get("unit"))[1] == split_unit(g.get("unit"))[1], p.get("unit"), g.get("unit")),
                "qualifier": ((p.get("qualifier") or None) == (g.get("qualifier") or None),
                              p.get("qualifier"), g.get("qualifier")),
                "change": ((p.get("change") or None) == (g.get("change") or None), p.get("change"), g.get("change")),
            }
            for fld, (ok, pv, gv) in checks.items():
                setattr(rep, f"{fld}_ok", getattr(rep, f"{fld}_ok") + ok)
                if not ok:
                    rep.disagreements.append(Disagreement(fld, name, g["span"], pv, gv))
            rep.all_ok += all(ok for ok, _, _ in checks.values())
        for i, g in enumerate(labels):
            if i not in used:
                rep.disagreements.append(Disagreement(
                    "miss", name, g["span"].replace("\n", " "),
                    gold=f"[{g.get('subject')}|{g.get('value')}|{g.get('unit')}]"))
    return rep


def _extract_all(text: str) -> list[dict]:
    from .extract import extract_indicators

    return [ind.to_json() for ind in extract_indicators(text)]


def score_set(folder, extract: Callable[[str], Iterable[dict]] = _extract_all) -> EvalReport:
    """Run the extractor over every text of a labelled set and score it.

    Texts are plain ``.txt``: the document text is the file's text as decoded, the same as
    ``python -m pipeline extract`` uses for ``.txt`` inputs.
    """
    gold = load_labelled_set(folder)
    preds = {name: list(extract(text)) for name, (text, _) in gold.items()}
    return score_predictions(gold, preds)
