"""A self-contained HTML review page of the dataset, for auditors.

``write_audit(out, html_path, doc=None)`` writes one file (inline CSS and JS, no network access:
a Content-Security-Policy forbids every fetch and allows only this page's own script by nonce):

* every document (or the ones whose ``doc_id`` starts with ``doc``): title, organization, report
  year and type, warnings, a link to the stored raw page (the source file, or the scraper's raw
  store ``OUT/raw/<sha[:2]>/<sha>``) and its ``main_text`` with every indicator span highlighted
  (the numeral darker);
* one table of all indicators (document, subject, value, unit, qualifier, change, period, key,
  warnings), sortable by clicking a header, filterable by a text box, a document selector and a
  "with warnings" switch; clicking a row scrolls to its span in the text and marks it.

Safety: everything that comes from a source page is text, never markup.  The document text is
escaped with ``html.escape`` on the server; the table is built in the browser from a JSON block
(``<script type="application/json">``, with ``<``, ``>`` and ``&`` written as ``\\u003c`` … so a
``</script>`` inside a report cannot close it) using ``textContent`` only.
"""
from __future__ import annotations

import html
import json
import os
import secrets
from decimal import Decimal
from pathlib import Path
from typing import Optional

from .dataset import read_table

__all__ = ["write_audit", "render_audit", "AuditError"]


class AuditError(RuntimeError):
    """No dataset, or no document matching the selection."""


def _json_for_script(obj) -> str:
    """JSON that is safe inside a <script> element: no ``</``, ``<!--``, or stray ``&``."""
    s = json.dumps(obj, ensure_ascii=False, default=_default)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
             .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _default(o):
    if isinstance(o, Decimal):
        return format(o.normalize(), "f")
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(type(o).__name__)


def _num(v) -> Optional[str]:
    if v is None:
        return None
    return format(Decimal(v).normalize(), "f")


def _segments(text: str, inds: list[dict]) -> str:
    """``text`` as escaped HTML, every elementary stretch covered by indicator spans wrapped in a
    ``<span class="hl" data-ids="…">`` (``val`` when inside a numeral).  Overlapping spans (``分别增长
    4.5%、9.9%``) are handled by cutting at every boundary."""
    bounds = {0, len(text)}
    for r in inds:
        for a, b in ((r["span_start"], r["span_end"]), (r["value_start"], r["value_end"])):
            if a is not None and b is not None and 0 <= a <= b <= len(text):
                bounds.update((a, b))
    cuts = sorted(bounds)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        piece = html.escape(text[a:b])
        cover = [r for r in inds if r["span_start"] <= a and b <= r["span_end"]]
        if not cover:
            out.append(piece)
            continue
        ids = " ".join(r["_n"] for r in cover)
        is_val = any(r["value_start"] <= a and b <= r["value_end"] for r in cover)
        cls = "hl val" if is_val else "hl"
        out.append(f'<span class="{cls}" data-ids="{html.escape(ids)}">{piece}</span>')
    return "".join(out)


def _raw_link(out: Path, d: dict) -> tuple[Optional[str], str]:
    """(href, label) of the stored raw page."""
    from .verify import raw_bytes_for

    raw, where, _ = raw_bytes_for(out, d)
    if where:
        p = Path(where).resolve()
        return p.as_uri(), str(where)
    src = d.get("source") or ""
    if src and not src.startswith(("http://", "https://")):
        return Path(src).resolve().as_uri(), f"{src} (changed or missing since it was read)"
    return None, "raw bytes not stored"


def _indicator_warnings(r: dict) -> list[str]:
    from .verify import check_value

    w = list(r.get("notes") or [])
    if not r.get("subject"):
        w.append("no_subject")
    bad = check_value(r)
    if bad:
        w.append("value_mismatch: " + bad)
    return w


_CSS = """
body{font:14px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#f7f7f2;border-bottom:1px solid #ccc;padding:6px 12px;z-index:2}
header h1{font-size:16px;margin:0 0 4px}
.controls input,.controls select{font:inherit;margin-right:8px}
main{display:flex;height:calc(100vh - 70px)}
#docs{flex:1 1 55%;overflow:auto;padding:8px 16px;border-right:1px solid #ccc}
#tablewrap{flex:1 1 45%;overflow:auto}
.doc{margin-bottom:28px}
.doc h2{font-size:15px;margin:8px 0 2px}
.docmeta{font-size:12px;color:#555}
.docmeta .warn{color:#a40}
.text{white-space:pre-wrap;background:#fff;border:1px solid #e3e3e3;padding:8px;margin-top:6px}
.hl{background:#fff3a8}
.hl.val{background:#ffd54a;font-weight:600}
.hl.active{background:#ff8a65;outline:2px solid #d84315}
table{border-collapse:collapse;width:100%;font-size:12px}
th{position:sticky;top:0;background:#eee;cursor:pointer;text-align:left;padding:3px 5px;border-bottom:1px solid #bbb;user-select:none}
th.asc::after{content:" \\25B2"}th.desc::after{content:" \\25BC"}
td{padding:2px 5px;border-bottom:1px solid #eee;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.doc{max-width:9em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#count{margin-left:12px;color:#555}
tr.sel td{background:#ffe0d6}
tbody tr{cursor:pointer}
tbody tr:hover td{background:#f3f3f3}
.w{color:#a40}
"""

_JS = r"""
(function(){
  "use strict";
  var data = JSON.parse(document.getElementById("audit-data").textContent);
  var cols = [["doc","document"],["subject","subject"],["value","value"],["unit","unit"],
              ["qualifier","qualifier"],["change","change"],["period","period"],["key","indicator_key"],
              ["warnings","warnings"]];
  var tbody = document.getElementById("rows");
  var head = document.getElementById("head");
  var sortCol = null, sortDir = 1;
  cols.forEach(function(c){
    var th = document.createElement("th");
    th.textContent = c[1];
    th.dataset.col = c[0];
    th.addEventListener("click", function(){ sortBy(c[0], th); });
    head.appendChild(th);
  });
  var rows = data.indicators.map(function(r){
    var tr = document.createElement("tr");
    tr.dataset.n = r.n;
    tr.dataset.doc = r.doc_id;
    cols.forEach(function(c){
      var td = document.createElement("td");
      var v = c[0] === "warnings" ? r.warnings.join("; ") : r[c[0]];
      td.textContent = v === null || v === undefined ? "" : String(v);
      if (c[0] === "value") { td.className = "num"; td.title = r.value_text; }
      if (c[0] === "doc") { td.className = "doc"; td.title = r.doc; }
      if (c[0] === "warnings" && r.warnings.length) td.className = "w";
      tr.appendChild(td);
    });
    tr.addEventListener("click", function(){ select(r.n); });
    tr._r = r;
    tr._search = [r.doc, r.subject, r.value_text, r.unit, r.qualifier, r.change, r.period, r.key,
                  r.span_text, r.warnings.join(" ")].join(" ").toLowerCase();
    tbody.appendChild(tr);
    return tr;
  });
  function sortBy(col, th){
    sortDir = (sortCol === col) ? -sortDir : 1; sortCol = col;
    Array.prototype.forEach.call(head.children, function(h){ h.className = ""; });
    th.className = sortDir > 0 ? "asc" : "desc";
    var key = function(tr){
      var r = tr._r;
      if (col === "value") return r.value === null ? -Infinity : parseFloat(r.value);
      if (col === "warnings") return r.warnings.length;
      var v = r[col]; return v === null || v === undefined ? "" : String(v);
    };
    rows.slice().sort(function(a, b){
      var x = key(a), y = key(b);
      if (x < y) return -sortDir; if (x > y) return sortDir;
      return a._r.n_int - b._r.n_int;
    }).forEach(function(tr){ tbody.appendChild(tr); });
  }
  var q = document.getElementById("filter"), dsel = document.getElementById("docsel"),
      wonly = document.getElementById("wonly"), count = document.getElementById("count");
  function applyFilter(){
    var t = q.value.trim().toLowerCase(), d = dsel.value, w = wonly.checked, shown = 0;
    rows.forEach(function(tr){
      var ok = (!t || tr._search.indexOf(t) >= 0) && (!d || tr.dataset.doc === d) && (!w || tr._r.warnings.length);
      tr.style.display = ok ? "" : "none"; if (ok) shown++;
    });
    count.textContent = shown + " / " + rows.length + " indicators";
  }
  [q, dsel, wonly].forEach(function(el){ el.addEventListener("input", applyFilter); el.addEventListener("change", applyFilter); });
  function select(n){
    Array.prototype.forEach.call(document.querySelectorAll(".hl.active"), function(e){ e.classList.remove("active"); });
    rows.forEach(function(tr){ tr.classList.toggle("sel", tr.dataset.n === n); });
    var marks = document.querySelectorAll('.hl[data-ids~="' + n + '"]');
    Array.prototype.forEach.call(marks, function(e){ e.classList.add("active"); });
    if (marks.length) marks[0].scrollIntoView({block: "center"});
    document.body.dataset.selected = n;
  }
  document.getElementById("docs").addEventListener("click", function(ev){
    var el = ev.target.closest ? ev.target.closest(".hl") : null;
    if (!el) return;
    var ids = el.dataset.ids.split(" "), n = ids[ids.length - 1];
    select(n);
    var tr = rows.filter(function(t){ return t.dataset.n === n; })[0];
    if (tr) tr.scrollIntoView({block: "center"});
  });
  applyFilter();
  window.auditReady = true;
})();
"""


def render_audit(out: os.PathLike | str = "outputs", doc: Optional[str] = None) -> str:
    """The review page as one HTML string (see the module doc)."""
    from .dataset import current_path, local_state_dir

    if current_path(out) is None:
        raise AuditError(f"no dataset under {out}: run `python -m pipeline run` first")
    docs = read_table(out, "documents").to_pylist()
    inds = read_table(out, "indicators").to_pylist()
    if doc:
        docs = [d for d in docs if d["doc_id"].startswith(doc) or d["source"] == doc]
        if not docs:
            raise AuditError(f"no document whose doc_id starts with {doc!r} (or whose source is it)")
    docs.sort(key=lambda d: (d["source"] or "", d["doc_id"]))
    by_doc: dict[str, list[dict]] = {}
    for r in inds:
        by_doc.setdefault(r["doc_id"], []).append(r)

    table = []
    sections = []
    options = ['<option value="">all documents</option>']
    n = 0
    for di, d in enumerate(docs):
        rows = sorted(by_doc.get(d["doc_id"], []), key=lambda r: (r["value_start"], r["value_end"]))
        short = Path(d["source"] or d["doc_id"]).name if not (d["source"] or "").startswith("http") else d["source"]
        for r in rows:
            r["_n"] = f"i{n}"
            table.append({
                "n": f"i{n}", "n_int": n, "doc_id": d["doc_id"], "doc": short,
                "subject": r["subject"], "value": _num(r["value"]), "value_text": r["value_text"],
                "value_high": _num(r["value_high"]), "unit": r["unit"], "qualifier": r["qualifier"],
                "change": r["change"], "period": r["period"], "key": r.get("indicator_key"),
                "span_text": r["span_text"], "span_start": r["span_start"], "span_end": r["span_end"],
                "warnings": _indicator_warnings(r),
            })
            n += 1
        href, label = _raw_link(local_state_dir(out), d)
        link = (f'<a href="{html.escape(href, quote=True)}">{html.escape(label)}</a>' if href
                else html.escape(label))
        meta_bits = [
            f"source: {html.escape(d['source'] or '')}",
            f"organization: {html.escape(d.get('organization') or '—')}",
            f"report year: {html.escape(str(d.get('report_year') or '—'))}",
            f"type: {html.escape(d.get('report_type') or '—')}",
            f"published: {html.escape(str(d['published'] or '—'))}",
            f"status: {html.escape(d['status'] or '')}",
            f"{len(rows)} indicators",
        ]
        warns = "".join(f'<div class="warn">{html.escape(w)}</div>' for w in (d["warnings"] or []))
        if d.get("error"):
            warns += f'<div class="warn">{html.escape(d["error"])}</div>'
        sections.append(
            f'<section class="doc" id="doc-{di}" data-doc="{html.escape(d["doc_id"])}">'
            f'<h2>{html.escape(d["title"] or short)}</h2>'
            f'<div class="docmeta">{" · ".join(meta_bits)}<br>raw page: {link}'
            f'<br>doc_id: {html.escape(d["doc_id"])}{warns}</div>'
            f'<div class="text">{_segments(d["main_text"] or "", rows)}</div></section>')
        options.append(f'<option value="{html.escape(d["doc_id"])}">{html.escape(short)}</option>')

    nonce = secrets.token_urlsafe(16)
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    snapshot = current_path(out)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=True)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Indicator audit · {len(docs)} documents</title>
<style>{_CSS}</style></head>
<body>
<header><h1>Indicator audit · {len(docs)} documents · {n} indicators · snapshot {html.escape(snapshot.name)}</h1>
<div class="controls"><input id="filter" type="search" placeholder="filter (subject, unit, value, key…)" size="32">
<select id="docsel">{''.join(options)}</select>
<label><input id="wonly" type="checkbox"> with warnings</label> <span id="count"></span></div></header>
<main><div id="docs">{''.join(sections)}</div>
<div id="tablewrap"><table><thead><tr id="head"></tr></thead><tbody id="rows"></tbody></table></div></main>
<script type="application/json" id="audit-data">{_json_for_script({"indicators": table})}</script>
<script nonce="{nonce}">{_JS}</script>
</body></html>
"""


def write_audit(out: os.PathLike | str, html_path: os.PathLike | str, doc: Optional[str] = None) -> Path:
    """Write the review page to ``html_path`` (atomically: temp file + rename) and return its path."""
    page = render_audit(out, doc)
    path = Path(html_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path
