"""The command line as users type it (subprocesses of ``python -m pipeline``)."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

SEED_SAMPLE = SAMPLES / "yingwu-2024-fazhi.html"


def cli(*args, check=True):
    p = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"exit {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def test_clean_jsonl_contract_fields():
    out = cli("clean", "--format", "jsonl", str(SEED_SAMPLE)).stdout.splitlines()
    assert len(out) == 1
    rec = json.loads(out[0])
    for key in ("source", "title", "published", "site_name", "main_text", "warnings"):
        assert key in rec
    assert rec["source"] == str(SEED_SAMPLE)
    assert "共调解各类矛盾纠纷235起" in rec["main_text"]
    assert "区长信箱" not in rec["main_text"]


def test_extract_jsonl_grounds_in_txt(tmp_path):
    txt = tmp_path / "r.txt"
    text = "一、基本情况\r\n2024年,共调解各类矛盾纠纷235起,调解成功率100%。\r\n"
    txt.write_bytes(text.encode("utf-8"))
    rows = [json.loads(l) for l in cli("extract", "--format", "jsonl", str(txt)).stdout.splitlines()]
    assert {(r["value"], r["unit"]) for r in rows} >= {(235, "起"), (100, "%")}
    for r in rows:
        assert r["source"] == str(txt)
        assert text[r["value_start"]:r["value_end"]] == r["value_text"]
        assert text[r["span_start"]:r["span_end"]] == r["span_text"]


def test_missing_file_reported_and_others_processed(tmp_path):
    good = tmp_path / "g.txt"
    good.write_text("共受理案件12件。", encoding="utf-8")
    p = cli("extract", "--format", "jsonl", str(tmp_path / "nope.txt"), str(good), check=False)
    assert p.returncode == 1
    assert "nope.txt" in p.stderr
    assert any(json.loads(l)["value"] == 12 for l in p.stdout.splitlines())


def test_run_then_query_then_verify(tmp_path):
    out = tmp_path / "out"
    p = cli("run", str(SAMPLES), "--out", str(out))
    assert "documents" in p.stdout and "indicators" in p.stdout and str(out) in p.stdout
    q = cli("query", "--out", str(out), "--format", "csv", "select count(*) as n from indicators")
    n = int(q.stdout.splitlines()[1])
    assert n > 0
    v = cli("verify", "--out", str(out))
    assert "OK" in v.stdout
