"""One indicator over time, one line per organization (matplotlib, Agg backend: no display needed).

``series(out, key)`` picks the rows of ``indicators`` whose ``indicator_key`` is ``key``, keeps the
key's dominant unit (or the ``unit`` asked for) and levels only (``change`` null: a 增长5% is not a
level) unless ``change`` is asked for, and takes, per (organization, report_year), the document's
first such mention - the headline figure, before the breakdowns that repeat the subject.
``plot(out, key, png)`` draws it.

Chinese labels need a CJK font: the first installed one of ``CJK_FONTS`` (or any font whose name
says CJK/Han/Hei/Song/Ming) is used; without one the plot is still written, with a warning, and
matplotlib's missing-glyph warnings are silenced (``apt-get install fonts-noto-cjk`` or
``fonts-wqy-zenhei`` gives readable labels).
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

__all__ = ["series", "plot", "find_cjk_font", "PlotError", "Series"]

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN",
             "AR PL UKai CN", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Sarasa Gothic SC")


class PlotError(RuntimeError):
    """No dataset, or nothing to plot for the key."""


@dataclass
class Series:
    key: str
    unit: str
    change: Optional[str]
    points: dict = field(default_factory=dict)  # organization -> [(report_year, value, indicator_id)]
    skipped_other_units: int = 0
    skipped_no_identity: int = 0


def series(out: os.PathLike | str, key: str, unit: Optional[str] = None,
           change: Optional[str] = None) -> Series:
    from .query import QueryError, connect

    try:
        con = connect(out)
    except QueryError as e:
        raise PlotError(str(e)) from e
    rows = con.execute(
        """
        SELECT d.organization, d.report_year, i.unit, i.change, i.value, i.indicator_id, i.value_start,
               i.doc_id
        FROM indicators i JOIN documents d USING (doc_id)
        WHERE i.indicator_key = ?
        ORDER BY d.organization, d.report_year, i.doc_id, i.value_start
        """, [key]).fetchall()
    if not rows:
        near = con.execute(
            "SELECT indicator_key, count(*) n FROM indicators WHERE indicator_key LIKE ? "
            "GROUP BY 1 ORDER BY n DESC LIMIT 5", [f"%{key}%"]).fetchall()
        hint = ("; keys containing it: " + ", ".join(f"{k} ({n})" for k, n in near)) if near else ""
        raise PlotError(f"no indicator with indicator_key = {key!r}{hint}")
    rows = [r for r in rows if (r[3] or None) == (change or None)]
    # units keep the source script (公頃, 萬人); compare them folded to simplified characters
    from .normalize import normalize_with_map

    rows = [(r[0], r[1], normalize_with_map(r[2] or "")[0], *r[3:]) for r in rows]
    if unit is not None:
        unit = normalize_with_map(unit)[0]
    if not rows:
        raise PlotError(f"no {'level' if change is None else change} rows for {key!r} "
                        f"(try --change increase/decrease)")
    if unit is None:
        counts: dict[str, int] = {}
        for r in rows:
            counts[r[2]] = counts.get(r[2], 0) + 1
        named = [u for u in counts if u]  # a table cell without its unit column counts less
        unit = max(sorted(named or counts), key=lambda u: counts[u])
    s = Series(key=key, unit=unit, change=change)
    seen = set()
    for org, year, u, _, value, iid, _, doc_id in rows:
        if u != unit:
            s.skipped_other_units += 1
            continue
        if org is None or year is None:
            s.skipped_no_identity += 1
            continue
        if (org, year) in seen:
            continue  # the first mention per organization and year is the headline figure
        seen.add((org, year))
        s.points.setdefault(org, []).append((int(year), Decimal(value), iid))
    if not s.points:
        raise PlotError(f"no rows of {key!r} in {unit!r} with an organization and report_year")
    return s


def _scale(s: Series) -> tuple[Decimal, str]:
    """Values of 1e8 and more are drawn in 亿, of 1e5 and more in 万 (the unit label says so)."""
    top = max((abs(p[1]) for pts in s.points.values() for p in pts), default=Decimal(0))
    if s.unit in ("%", "‰", "个百分点"):
        return Decimal(1), ""
    if top >= Decimal(10) ** 8:
        return Decimal(10) ** 8, "亿"
    if top >= Decimal(10) ** 5:
        return Decimal(10) ** 4, "万"
    return Decimal(1), ""


def find_cjk_font() -> Optional[str]:
    """The family name of an installed font that renders Chinese, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for n in CJK_FONTS:
        if n in names:
            return n
    for n in sorted(names):
        if any(w in n for w in ("CJK", "Han", "Hei", "Song", "Ming", "Kai", "WenQuanYi")):
            return n
    return None


def plot(out: os.PathLike | str, key: str, png: os.PathLike | str, *, unit: Optional[str] = None,
         change: Optional[str] = None, font: Optional[str] = "auto") -> tuple[Path, Series, Optional[str]]:
    """Draw ``key`` over report_year per organization into ``png``; returns (path, series, font used)."""
    import logging

    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    s = series(out, key, unit=unit, change=change)
    family = find_cjk_font() if font == "auto" else font
    rc = {"font.family": "sans-serif", "axes.unicode_minus": False}
    if family:
        rc["font.sans-serif"] = [family, "DejaVu Sans"]
    path = Path(png)
    path.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        if not family:
            warnings.filterwarnings("ignore", message=r".*Glyph .* missing from font.*")
            warnings.filterwarnings("ignore", message=r".*missing from current font.*")
        fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=100)
        try:
            scale, prefix = _scale(s)
            for org, pts in sorted(s.points.items()):
                pts = sorted(pts)
                ax.plot([p[0] for p in pts], [float(p[1] / scale) for p in pts], marker="o", label=org)
            years = sorted({p[0] for pts in s.points.values() for p in pts})
            ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
            if len(years) <= 15:
                ax.set_xticks(years, [str(y) for y in years])
            else:
                ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlabel("report_year")
            what = key if change is None else f"{key} ({change})"
            ax.set_ylabel((prefix + s.unit) if (prefix or s.unit) else "value")
            ax.set_title(what)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8, loc="best")
            fig.tight_layout()
            fig.savefig(path, format="png")
        finally:
            plt.close(fig)
    return path, s, family
