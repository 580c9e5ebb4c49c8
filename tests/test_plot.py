"""plot: one indicator over report_year per organization, PNG via matplotlib (Agg)."""
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import ROOT
from pipeline.dataset import commit
from pipeline.plot import PlotError, plot, series
from pipeline.process import process_document

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    docs, inds = [], []
    for org, year, n in [("甲街道", 2022, 180), ("甲街道", 2023, 200), ("甲街道", 2024, 235),
                         ("乙街道", 2023, 90), ("乙街道", 2024, 120)]:
        text = (f"{org}{year}年法治政府建设情况报告\n{year}年,共调解各类矛盾纠纷{n}起,同比增长5%。\n"
                f"其中调解矛盾纠纷{n // 2}起来自社区。\n")
        res = process_document(text.encode(), source=str(src / f"{org}-{year}.txt"))
        docs.append(res.document)
        inds.extend(res.indicators)
    commit(out := tmp_path_factory.mktemp("out"), docs, inds)
    return out


def test_series_takes_the_headline_figure_per_organization_and_year(out):
    s = series(out, "调解矛盾纠纷")
    assert s.unit == "起"
    got = {org: [(y, int(v)) for y, v, _ in sorted(pts)] for org, pts in s.points.items()}
    assert got == {"甲街道": [(2022, 180), (2023, 200), (2024, 235)], "乙街道": [(2023, 90), (2024, 120)]}


def test_plot_writes_a_png(out, tmp_path):
    path, s, font = plot(out, "调解矛盾纠纷", tmp_path / "p.png")
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 5000


def test_plot_without_a_cjk_font_still_writes(out, tmp_path):
    path, s, font = plot(out, "调解矛盾纠纷", tmp_path / "p.png", font=None)
    assert font is None and path.read_bytes().startswith(PNG)


def test_unknown_key_is_a_clear_error_with_suggestions(out, tmp_path):
    with pytest.raises(PlotError, match="keys containing it: 调解矛盾纠纷"):
        series(out, "矛盾纠纷")
    p = subprocess.run([sys.executable, "-m", "pipeline", "plot", "矛盾纠纷", "--out", str(out), "--png",
                        str(tmp_path / "x.png")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 1 and "no indicator with indicator_key" in p.stderr
    p = subprocess.run([sys.executable, "-m", "pipeline", "plot", "调解矛盾纠纷", "--out", str(out), "--png",
                        str(tmp_path / "y.png")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and "5 points, 2 organizations" in p.stdout
    assert (tmp_path / "y.png").read_bytes().startswith(PNG)
