"""``python -m pipeline``: every command is a thin wrapper over a documented library function.

| command  | library function |
| -------- | ---------------- |
| run      | ``flows.ingest.run_ingest`` (the Prefect flow over ``pipeline.process``) |
| clean    | ``pipeline.process.clean_document`` |
| extract  | ``pipeline.process.clean_document`` + ``pipeline.extract.extract_indicators`` |
| query    | ``pipeline.query.query`` |
| verify   | ``pipeline.verify.verify`` |
| audit    | ``pipeline.audit.write_audit`` |
| sample   | ``pipeline.sample.write_sample`` / ``pipeline.sample.score`` |
| plot     | ``pipeline.plot.plot`` |
| evaluate | ``pipeline.evaluate.score_set`` |

Exit status: 0 on success; 1 when an input could not be processed or a check failed; 2 on usage errors.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Optional

DEFAULT_OUT = "outputs"
DEFAULT_SOURCES = ["samples"]
PROGRESS_MIN_DOCS = 20  # below this a run takes a second or two: no progress bar


def _json_default(o):
    if isinstance(o, Decimal):
        return int(o) if o == o.to_integral_value() else float(o)
    if hasattr(o, "isoformat"):
        return o.isoformat()
    if isinstance(o, (set, tuple)):
        return list(o)
    raise TypeError(type(o).__name__)


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_json_default)


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def cmd_run(a) -> int:
    from flows.ingest import run_ingest

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total < PROGRESS_MIN_DOCS or a.quiet:
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="doc", desc="documents", file=sys.stderr)
        bar.update(done - bar.n)

    summary = run_ingest(a.sources or DEFAULT_SOURCES, out=a.out, batch_size=a.batch_size,
                         refresh=a.refresh, on_progress=progress,
                         dask_address=a.dask_address, dask_workers=a.dask_workers,
                         allow_private=a.allow_private, max_pages=a.max_pages,
                         max_documents=a.max_documents, link_pattern=a.link_pattern,
                         fetch_settings=({"min_interval": a.min_interval}
                                         if a.min_interval is not None else None))
    if bar is not None:
        bar.close()
    print(summary.to_text())
    if summary.documents == 0:
        _err("no documents found in the given sources")
        return 1
    return 0


def cmd_serve(a) -> int:
    from flows.deploy import ServeError, serve

    try:
        serve(a.sources or DEFAULT_SOURCES, out=a.out, cron=a.cron, timezone=a.timezone, name=a.name)
    except ServeError as e:
        _err(f"error: {e}")
        return 1
    return 0


def _read(path: str) -> Optional[bytes]:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        _err(f"error: {path}: {e}")
        return None


def cmd_clean(a) -> int:
    from .process import clean_document

    status = 0
    for path in a.files:
        raw = _read(path)
        if raw is None:
            status = 1
            print(_dump({"source": path, "title": None, "published": None, "site_name": None,
                         "main_text": "", "status": "error", "warnings": [], "error": "unreadable"}))
            continue
        try:
            doc = clean_document(raw, source=path)
        except Exception as e:  # noqa: BLE001 - reported per file, the other files go on
            _err(f"error: {path}: {type(e).__name__}: {e}")
            status = 1
            print(_dump({"source": path, "title": None, "published": None, "site_name": None,
                         "main_text": "", "status": "error", "warnings": [],
                         "error": f"{type(e).__name__}: {e}"}))
            continue
        rec = {"source": path, **doc.to_dict()}
        print(_dump(rec))
    return status


def cmd_extract(a) -> int:
    from .process import clean_document, extract_document, grounded

    status = 0
    for path in a.files:
        raw = _read(path)
        if raw is None:
            status = 1
            continue
        try:
            text = clean_document(raw, source=path).main_text
            found = extract_document(text)
        except Exception as e:  # noqa: BLE001
            _err(f"error: {path}: {type(e).__name__}: {e}")
            status = 1
            continue
        for ind in found:
            if not grounded(ind, text):
                _err(f"warning: {path}: ungrounded indicator {ind.value_text!r} at {ind.value_start} dropped")
                continue
            print(_dump({"source": path, **ind.to_json()}))
    return status


def cmd_query(a) -> int:
    from .query import QueryError, query

    try:
        cols, rows = query(a.out, a.sql)
    except QueryError as e:
        _err(f"error: {e}")
        return 1
    if a.format == "json":
        for r in rows:
            print(_dump(dict(zip(cols, r))))
    elif a.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        _print_table(cols, rows)
    return 0


def _print_table(cols, rows, max_width: int = 60) -> None:
    def cell(v) -> str:
        if isinstance(v, Decimal):  # decimal(38,10) columns: 235.0000000000 -> 235
            v = format(v, "f")
            v = v.rstrip("0").rstrip(".") if "." in v else v
        s = "NULL" if v is None else str(v)
        s = s.replace("\n", "⏎")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(v) for v in r] for r in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(cols)]
    print("  ".join(_pad(c, w) for c, w in zip(cols, widths)))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(_pad(v, w) for v, w in zip(r, widths)))


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def cmd_verify(a) -> int:
    from .verify import verify

    report = verify(a.out)
    print(report.to_text())
    return 0 if report.ok else 1


def cmd_audit(a) -> int:
    from .audit import AuditError, write_audit

    try:
        path = write_audit(a.out, a.html, doc=a.doc)
    except AuditError as e:
        _err(f"error: {e}")
        return 1
    print(f"wrote {path} ({path.stat().st_size:,} bytes); open it in a browser (no network needed)")
    return 0


def cmd_sample(a) -> int:
    from .sample import score, write_sample

    if a.score:
        try:
            rep = score(a.score)
        except (OSError, ValueError) as e:
            _err(f"error: {e}")
            return 1
        print(rep.to_text())
        return 0 if rep.judged else 1
    if not a.csv:
        _err("error: give --csv FILE (draw a sample) or --score FILE (score a filled one)")
        return 2
    from .dataset import current_path

    if current_path(a.out) is None:
        _err(f"error: no dataset under {a.out}: run `python -m pipeline run` first")
        return 1
    try:
        n = write_sample(a.out, a.csv, n=a.n, seed=a.seed)
    except ValueError as e:
        _err(f"error: {e}")
        return 2
    print(f"wrote {n} sampled indicators to {a.csv}: fill the verdict column (correct / wrong / partial), "
          f"then run `python -m pipeline sample --score {a.csv}`")
    return 0 if n else 1


def cmd_plot(a) -> int:
    from .plot import PlotError, plot

    try:
        path, s, font = plot(a.out, a.key, a.png, unit=a.unit, change=a.change)
    except PlotError as e:
        _err(f"error: {e}")
        return 1
    pts = sum(len(v) for v in s.points.values())
    print(f"wrote {path}: {a.key} in {s.unit or '(no unit)'}, {pts} points, {len(s.points)} organizations")
    if s.skipped_other_units or s.skipped_no_identity:
        print(f"left out: {s.skipped_other_units} rows in other units, "
              f"{s.skipped_no_identity} rows without organization/report_year")
    if font is None:
        _err("warning: no CJK font found (fc-list :lang=zh is empty): Chinese labels show as boxes; "
             "install fonts-noto-cjk or fonts-wqy-zenhei")
    return 0


def cmd_evaluate(a) -> int:
    from .evaluate import EvalError, score_set

    if "gold-val" in Path(a.folder).resolve().parts and a.show:
        _err("error: gold-val is for measuring only: run it with --show 0 (figures, no examples)")
        return 2
    try:
        rep = score_set(a.folder)
    except EvalError as e:
        _err(f"error: {e}")
        return 2
    shown = [d for d in rep.disagreements if not a.only or d.kind == a.only]
    rep.disagreements = shown
    print(rep.to_text(show=len(shown) if a.show < 0 else a.show))
    if a.json:
        print(_dump(rep.to_dict()))
    if a.fail_under is not None and rep.all_fields_f1 < a.fail_under:
        _err(f"all-fields-right F1 {rep.all_fields_f1:.3f} is below --fail-under {a.fail_under}")
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="Numeric indicators from Chinese government report pages.")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="the main job: Prefect flow over sources -> Parquet dataset")
    r.add_argument("sources", nargs="*",
                   help="files, folders, globs, http(s) URLs of pages or column listings, @FILE of URLs "
                        "(default: samples/)")
    r.add_argument("--out", default=DEFAULT_OUT, help="dataset folder (default: outputs/)")
    r.add_argument("--allow-private", action="store_true",
                   help="allow fetching from private, loopback and link-local addresses")
    r.add_argument("--max-pages", type=int, default=50, help="listing pages followed per listing URL")
    r.add_argument("--max-documents", type=int, default=1000, help="article links taken from listings")
    r.add_argument("--link-pattern", metavar="REGEX", help="article links of a listing: URLs matching REGEX")
    r.add_argument("--min-interval", type=float, metavar="SECONDS",
                   help="politeness: seconds between request starts per host (default 1.0)")
    r.add_argument("--batch-size", type=int, default=50, help="documents per Prefect task (default 50)")
    r.add_argument("--refresh", action="store_true",
                   help="re-process every document even when a cached result exists")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument("--dask-address", metavar="tcp://HOST:8786",
                   help="run the batches on an existing Dask cluster (needs the 'scale' extra)")
    r.add_argument("--dask-workers", type=int, metavar="N",
                   help="run the batches on a local Dask cluster of N worker processes")
    r.set_defaults(func=cmd_run)

    s = sub.add_parser("serve", help="serve the flow on a schedule against a running Prefect server")
    s.add_argument("sources", nargs="*", help="files, folders, globs (default: samples/)")
    s.add_argument("--out", default=DEFAULT_OUT)
    s.add_argument("--cron", required=True, help='cron schedule, e.g. "0 6 * * *"')
    s.add_argument("--timezone", default="Asia/Shanghai", help="timezone of the cron schedule")
    s.add_argument("--name", default="scheduled-ingest", help="deployment name")
    s.set_defaults(func=cmd_serve)

    c = sub.add_parser("clean", help="boilerplate removal only: one JSON object per input")
    c.add_argument("--format", choices=["jsonl"], default="jsonl")
    c.add_argument("files", nargs="+")
    c.set_defaults(func=cmd_clean)

    e = sub.add_parser("extract", help="extraction only: one JSON object per indicator")
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("files", nargs="+")
    e.set_defaults(func=cmd_extract)

    q = sub.add_parser("query", help="SQL over the dataset (tables documents, indicators, sentences)")
    q.add_argument("sql")
    q.add_argument("--out", default=DEFAULT_OUT)
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("verify", help="re-check offsets, values and main_text against the stored text and raw bytes")
    v.add_argument("--out", default=DEFAULT_OUT)
    v.set_defaults(func=cmd_verify)

    au = sub.add_parser("audit", help="one self-contained HTML review page: texts with highlights, indicator table")
    au.add_argument("--out", default=DEFAULT_OUT)
    au.add_argument("--html", required=True, metavar="FILE", help="the page to write")
    au.add_argument("--doc", metavar="ID", help="only the document whose doc_id starts with ID (or whose source is ID)")
    au.set_defaults(func=cmd_audit)

    sa = sub.add_parser("sample", help="stratified sample of indicators for manual checking; --score reads it back")
    sa.add_argument("--out", default=DEFAULT_OUT)
    sa.add_argument("-n", type=int, default=100, help="rows to draw (default 100)")
    sa.add_argument("--csv", metavar="FILE", help="write the sample to FILE")
    sa.add_argument("--seed", type=int, default=0, help="random seed (default 0): same seed, same sample")
    sa.add_argument("--score", metavar="FILE", help="read a filled sample CSV and report precision")
    sa.set_defaults(func=cmd_sample)

    pl = sub.add_parser("plot", help="one indicator (indicator_key) over report_year per organization -> PNG")
    pl.add_argument("key", help="an indicator_key, e.g. 地区生产总值")
    pl.add_argument("--png", required=True, metavar="FILE")
    pl.add_argument("--out", default=DEFAULT_OUT)
    pl.add_argument("--unit", help="the unit to plot (default: the key's most frequent unit)")
    pl.add_argument("--change", choices=["increase", "decrease"],
                    help="plot changes (同比增长…) instead of levels")
    pl.set_defaults(func=cmd_plot)

    ev = sub.add_parser("evaluate", help="score extraction on a labelled set (texts/ + labels/), list disagreements")
    ev.add_argument("folder", help="labelled set folder, e.g. tests/evalset or ../shared/gold-dev")
    ev.add_argument("--show", type=int, default=0, metavar="N",
                    help="list N disagreements (misses, false positives, wrong fields); -1 for all")
    ev.add_argument("--only", choices=["miss", "fp", "subject", "unit", "qualifier", "change", "grounding"],
                    help="list one kind of disagreement")
    ev.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    ev.add_argument("--fail-under", type=float, metavar="F1",
                    help="exit 1 when all-fields-right F1 is below this")
    ev.set_defaults(func=cmd_evaluate)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `… | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
