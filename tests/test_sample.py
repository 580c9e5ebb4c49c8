"""sample: a stratified, reproducible sample CSV for manual checking, and precision read back."""
import csv
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES
from pipeline.dataset import commit, read_table
from pipeline.process import process_document
from pipeline.sample import COLUMNS, _allocate, draw_sample, score, unit_family, write_sample


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docs, inds = [], []
    for p in sorted(SAMPLES.glob("*.html")):
        res = process_document(p.read_bytes(), source=str(p))
        docs.append(res.document)
        inds.extend(res.indicators)
    commit(out, docs, inds)
    return out


def cli(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_sample_is_stratified_reproducible_and_grounded(out, tmp_path):
    rows = draw_sample(out, 60, seed=7)
    assert len(rows) == 60 and len({r["indicator_id"] for r in rows}) == 60
    assert rows == draw_sample(out, 60, seed=7)
    assert [r["indicator_id"] for r in rows] != [r["indicator_id"] for r in draw_sample(out, 60, seed=8)]
    inds = read_table(out, "indicators").to_pylist()
    docs = {d["doc_id"]: d for d in read_table(out, "documents").to_pylist()}
    strata = {f"{unit_family(r['unit'])}|{docs[r['doc_id']]['report_type'] or 'unknown'}" for r in inds}
    assert {r["stratum"] for r in rows} == strata  # every stratum represented (n >= number of strata)
    for r in rows:
        text = docs[r["doc_id"]]["main_text"]
        assert text[r["value_start"]:r["value_end"]] == r["value_text"]
        assert r["span_text"] in r["sentence"] or r["sentence"] in text
        assert r["verdict"] == ""
    # weights sum to the population
    assert abs(sum(float(r["weight"]) for r in rows) - len(inds)) < 1


def test_allocation_is_proportional_with_one_each():
    a = _allocate({"a": 80, "b": 15, "c": 5}, 20)
    assert sum(a.values()) == 20 and min(a.values()) >= 1 and a["a"] > a["b"] > 0
    assert _allocate({"a": 2, "b": 1}, 10) == {"a": 2, "b": 1}  # capped at the stratum sizes
    assert sum(_allocate({"a": 5, "b": 5, "c": 5}, 2).values()) == 2


def test_cli_sample_then_score(out, tmp_path):
    f = tmp_path / "s.csv"
    p = cli("sample", "--out", str(out), "-n", "40", "--csv", str(f), "--seed", "3")
    assert p.returncode == 0, p.stderr
    with open(f, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS and len(rows) == 40
    for i, r in enumerate(rows):
        r["verdict"] = "wrong" if r["unit"] == "%" and i % 2 else ("partial" if i == 0 else "correct")
    rows[1]["verdict"] = ""
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    rep = score(f)
    assert rep.rows == 40 and rep.judged == 39 and rep.unjudged == 1
    pct = rep.groups["unit"].get("%")
    if pct:
        assert pct.wrong >= 1 and pct.precision < 1
    assert rep.groups["section"] and rep.groups["report_type"]
    p = cli("sample", "--score", str(f))
    assert p.returncode == 0
    assert "per unit:" in p.stdout and "per section:" in p.stdout and "precision" in p.stdout


def test_score_rejects_a_csv_that_is_not_a_sample(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="not a sample CSV"):
        score(f)
    assert cli("sample", "--score", str(f)).returncode == 1
    assert write_sample(tmp_path / "none", tmp_path / "y.csv", 5) == 0
