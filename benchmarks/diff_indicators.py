"""List every disagreement between the extractor and a labelled set, one line each.

The shared scorer prints figures and the spans it missed; to fix rules one needs the field-level
disagreements too (subject too long, wrong unit, missed qualifier).  This script matches predictions to
labels exactly as ../shared/eval/score_indicators.py does (it imports the scorer) and prints:

  MISS  file  gold span                         (label with no prediction)
  FP    file  context of the prediction         (prediction with no label)
  FIELD file  span  field: predicted != gold    (matched, but a field differs)

Use it on tuning sets only (gold-dev, self-labelled sets); never on gold-val.

Usage (repo root):
  .venv/bin/python benchmarks/diff_indicators.py --gold ../shared/gold-dev [--only subject]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_indicators", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="labelled set: texts/*.txt and labels/*.jsonl")
    ap.add_argument("--scorer", default=str(HERE.parent.parent / "shared/eval/score_indicators.py"))
    ap.add_argument("--only", choices=["miss", "fp", "subject", "unit", "qualifier", "change"],
                    help="print one kind of disagreement")
    a = ap.parse_args(argv)
    if "gold-val" in os.path.abspath(a.gold):
        print("refusing: gold-val is for measuring only (use score_indicators.py --show 0)", file=sys.stderr)
        return 2
    sc = _load_scorer(Path(a.scorer))
    gold = sc.load_gold(a.gold)
    paths = [os.path.abspath(os.path.join(a.gold, "texts", n)) for n in gold]
    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--format", "jsonl", *paths],
                         capture_output=True, text=True, check=True, cwd=HERE.parent)
    preds, _ = sc.load_preds(out.stdout.splitlines())
    for name, (text, labels) in gold.items():
        used: set[int] = set()
        for p in preds.get(name, []):
            vs, ve = p["value_start"], p["value_end"]
            best = None
            for i, g in enumerate(labels):
                gs, ge = g["start"], g["start"] + len(g["span"])
                if i not in used and gs <= vs and ve <= ge and sc.value_ok(p, g):
                    if best is None or ge - gs < best[1]:
                        best = (i, ge - gs)
            if best is None:
                if a.only in (None, "fp"):
                    ctx = text[max(0, vs - 12):ve + 6].replace("\n", " ")
                    print(f"FP    {name}  {ctx}  [{p.get('subject')}|{p.get('value')}|{p.get('unit')}]")
                continue
            used.add(best[0])
            g = labels[best[0]]
            checks = {
                "subject": (sc.subject_ok(p.get("subject"), g.get("subject")), p.get("subject"), g.get("subject")),
                "unit": (sc.split_unit(p.get("unit"))[1] == sc.split_unit(g.get("unit"))[1],
                         p.get("unit"), g.get("unit")),
                "qualifier": ((p.get("qualifier") or None) == (g.get("qualifier") or None),
                              p.get("qualifier"), g.get("qualifier")),
                "change": ((p.get("change") or None) == (g.get("change") or None), p.get("change"), g.get("change")),
            }
            for field, (ok, pv, gv) in checks.items():
                if not ok and a.only in (None, field):
                    print(f"FIELD {name}  {g['span']}  {field}: {pv!r} != {gv!r}")
        for i, g in enumerate(labels):
            if i not in used and a.only in (None, "miss"):
                print(f"MISS  {name}  {g['span']}  [{g.get('subject')}|{g.get('value')}|{g.get('unit')}]"
                      + (f"  note: {g['note']}" if g.get("note") else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
