"""verify: offsets, values and main_text re-checked against real Parquet snapshots, tampered copies
fail loudly; the sentences table is written in the same snapshot and grounds too."""
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from conftest import build_dataset, ROOT, SAMPLES
from pipeline.dataset import current_path, read_table
from pipeline.fetchlog import RawStore
from pipeline.query import query
from pipeline.verify import check_value, expected_values, verify

SEED = "yingwu-2024-fazhi.html"




def tampered_copy(out: Path, dest: Path, table: str, fn) -> Path:
    """A copy of the dataset with one table's Parquet files rewritten by ``fn(pyarrow.Table)``."""
    shutil.copytree(out, dest, symlinks=True)
    for f in sorted((current_path(dest) / table).rglob("*.parquet")):
        t = pq.read_table(f)
        t2 = fn(t)
        if t2 is not None:
            pq.write_table(t2, f, compression="zstd")
    return dest


def cli(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_verify_passes_on_samples_and_rederives_every_document(samples_out):
    rep = verify(samples_out)
    assert rep.ok, rep.to_text()
    assert rep.documents == 7 and rep.rederived == 7
    assert rep.values_checked == rep.indicators > 200
    assert rep.sentences > 100


def test_tampered_main_text_fails_and_lists_the_document(samples_out, tmp_path):
    def edit(t):
        texts = t.column("main_text").to_pylist()
        for i, x in enumerate(texts):
            if "235" in x:
                texts[i] = x.replace("235", "253", 1)
                return t.set_column(t.schema.get_field_index("main_text"), "main_text",
                                    pc.cast(pc.cast(texts, "string"), t.schema.field("main_text").type))
        return None

    bad = tampered_copy(samples_out, tmp_path / "bad", "documents", edit)
    rep = verify(bad)
    assert not rep.ok
    assert any(SEED in d for d in rep.differing_documents)
    assert any("value '235' != main_text" in p for p in rep.problems)
    p = cli("verify", "--out", str(bad))
    assert p.returncode == 1
    assert "FAILED" in p.stdout and SEED in p.stdout and "main_text[" in p.stdout
    assert verify(samples_out).ok  # the original is untouched


def test_tampered_value_fails_with_a_readable_line(samples_out, tmp_path):
    def edit(t):
        vals = t.column("value").to_pylist()
        texts = t.column("value_text").to_pylist()
        if "235" not in texts:
            return None
        i = texts.index("235")
        vals[i] = Decimal("236")
        import pyarrow as pa

        return t.set_column(t.schema.get_field_index("value"), "value", pa.array(vals, t.schema.field("value").type))

    bad = tampered_copy(samples_out, tmp_path / "bad", "indicators", edit)
    rep = verify(bad)
    assert not rep.ok
    assert len(rep.problems) == 1 and not rep.differing_documents
    assert "value 236 does not re-parse from value_text '235'" in rep.problems[0]
    p = cli("verify", "--out", str(bad))
    assert p.returncode == 1 and "236" in p.stdout and SEED in p.stdout


@pytest.mark.parametrize("value_text, unit_text, unit, value, high", [
    ("235", "起", "起", "235", None),
    ("1.2万", "万人次", "人次", "12000", None),
    ("3.26亿", "亿元", "元", "326000000", None),
    ("1.3", "万名", "名", "13000", None),          # 1.3万余名: the magnitude is only in unit_text
    ("三百", "人", "人", "300", None),
    ("七", "成", "%", "70", None),                  # 七成 = 70 %
    ("近三成"[1:], "成", "%", "30", None),
    ("百分之五", "百分之", "%", "5", None),
    ("3至5", "天", "天", "3", "5"),
    ("2000~2500", "毫米", "毫米", "2000", "2500"),
    ("三分之一", "三分之", "三分之", "1", None),
    ("-2.3", "", "", "2.3", None),                   # a decrease is stored positive
    ("１２３", "件", "件", "123", None),
    ("3,.83万", "万元", "元", "38300", None),
    ("两千", "元", "元", "2000", None),
])
def test_value_reparses_under_the_extractor_conventions(value_text, unit_text, unit, value, high):
    row = {"value_text": value_text, "unit_text": unit_text, "unit": unit, "value": Decimal(value),
           "value_high": Decimal(high) if high else None}
    assert check_value(row) is None
    row["value"] = Decimal(value) + 1
    assert "does not re-parse" in check_value(row)


def test_unparseable_value_text_is_reported():
    row = {"value_text": "abc", "unit_text": "", "unit": "", "value": Decimal(1), "value_high": None}
    assert "does not parse" in check_value(row)
    assert expected_values("5", "万", "")[0] == {Decimal(5), Decimal(50000)}


def test_fetched_page_rederives_from_the_raw_store(tmp_path):
    raw = (SAMPLES / SEED).read_bytes()
    out = tmp_path / "out"
    RawStore(out / "raw").put(raw)
    build_dataset(out, [("https://www.example.gov.cn/fzzf/1.html", raw, "https://www.example.gov.cn/fzzf/1.html")])
    rep = verify(out)
    assert rep.ok and rep.rederived == 1, rep.to_text()
    # without the stored bytes it is counted as not re-derived, not failed
    shutil.rmtree(out / "raw")
    rep = verify(out)
    assert rep.ok and rep.rederived == 0 and rep.not_rederived


def test_sentences_table_in_the_same_snapshot_and_queryable(samples_out):
    snap = current_path(samples_out)
    assert sorted(p.name for p in snap.iterdir()) == ["documents", "indicators", "sentences"]
    sents = read_table(samples_out, "sentences").to_pylist()
    docs = {d["doc_id"]: d["main_text"] for d in read_table(samples_out, "documents").to_pylist()}
    assert {s["doc_id"] for s in sents} == set(docs)
    for s in sents:
        assert docs[s["doc_id"]][s["sentence_start"]:s["sentence_end"]] == s["sentence_text"]
    # every indicator lies in a stored sentence with the same heading path
    by = {(s["doc_id"], s["sentence_start"], s["sentence_end"]): s for s in sents}
    inds = read_table(samples_out, "indicators").to_pylist()
    hits = [by.get((r["doc_id"], r["sentence_start"], r["sentence_end"])) for r in inds]
    assert sum(h is not None for h in hits) / len(inds) > 0.95
    assert all(h["section"] == r["section"] for h, r in zip(hits, inds) if h is not None)
    cols, rows = query(samples_out, "select count(*) from sentences where list_contains(tokens, '调解')")
    assert rows[0][0] >= 2
    _, rows = query(samples_out, "select typeof(year), typeof(tokens) from sentences limit 1")
    assert rows == [("INTEGER", "VARCHAR[]")]
