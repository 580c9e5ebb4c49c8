"""audit: the self-contained HTML review page, checked in a real headless Chromium.

The browser tests need Debian's chromium (``apt-get install -y chromium``) and the ``playwright``
Python package (the ``dev`` extra); playwright's own browser download is never used.  Without them
the browser tests are skipped with the reason, unless ``PIPELINE_REQUIRE_BROWSER=1`` (set in CI),
which turns the skip into a failure.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_dataset, ROOT, SAMPLES
from pipeline.audit import AuditError, render_audit, write_audit

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SEED = "yingwu-2024-fazhi.html"

# A report whose text, headings and title carry markup: none of it may run.
XSS_TEXT = (
    "甲街道2024年法治政府建设情况报告<script>window.__xss='title'</script>\n"
    "一、</script><script>window.__xss='heading'</script>工作成效\n"
    "全年共调解<img src=x onerror=\"window.__xss='img';alert(1)\">矛盾纠纷235起,调解成功率100%。\n"
    "受理<script>window.__xss='body';alert(2)</script>信访事项12件。\n"
    "<svg onload=\"window.__xss='svg'\"></svg><a href=\"javascript:window.__xss='a'\">x</a>共办结8件。\n"
)
XSS_HTML = ("<html><head><title>&lt;script&gt;window.__xss='ttl'&lt;/script&gt;关于2024年度鹦鹉街道报告</title>"
            "<meta name=\"ContentSource\" content=\"&lt;img src=x onerror=alert(3)&gt;街道办事处\"></head><body>"
            "<div class=\"content\"><p>2024年,全街道共调解矛盾纠纷&lt;script&gt;window.__xss=1&lt;/script&gt;"
            "235起。</p><p>&lt;img src=x onerror=\"window.__xss=2\"&gt;受理信访事项12件。</p></div></body></html>")




@pytest.fixture(scope="module")
def xss_out(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    (src / "xss.txt").write_text(XSS_TEXT, encoding="utf-8")
    (src / "xss.html").write_text(XSS_HTML, encoding="utf-8")
    return build_dataset(tmp_path_factory.mktemp("out"), [(str(src / "xss.txt"), XSS_TEXT.encode()),
                                                   (str(src / "xss.html"), XSS_HTML.encode())])


# ---------------------------------------------------------------------------------------------
# the page as text (no browser)

def test_page_is_self_contained_and_escaped(xss_out, tmp_path):
    page = render_audit(xss_out)
    assert "<script>window" not in page and "<img src=x" not in page and "<svg" not in page
    assert "&lt;script&gt;window.__xss=&#x27;body&#x27;" in page  # shown as text
    data = re.search(r'<script type="application/json" id="audit-data">(.*?)</script>', page, re.S).group(1)
    assert "</" not in data and "<" not in data
    # markup kept verbatim in a span (x</a>共办结8件) is escaped inside the JSON; the extractor reads
    # tags left in text as spaces, so the markup reaches spans only through the offset map
    assert "\\u003c/a\\u003e" in data
    assert any("</a>" in (r["span_text"] or "") for r in json.loads(data)["indicators"])
    # no network: no external URL is loaded by the page itself
    assert not re.search(r'(?:src|href)="https?://', page)
    assert "default-src &#x27;none&#x27;" in page
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert len(scripts) == 2 and all('nonce="' in s or 'type="application/json"' in s for s in scripts)


def test_doc_selection_and_errors(samples_out, tmp_path):
    from pipeline.dataset import read_table

    d = [x for x in read_table(samples_out, "documents").to_pylist() if x["source"].endswith(SEED)][0]
    page = render_audit(samples_out, doc=d["doc_id"][:10])
    assert page.count('<section class="doc"') == 1 and "鹦鹉街道" in page
    with pytest.raises(AuditError, match="no document"):
        render_audit(samples_out, doc="zzzz")
    with pytest.raises(AuditError, match="no dataset"):
        render_audit(tmp_path / "none")


def test_cli_audit(samples_out, tmp_path):
    f = tmp_path / "a" / "audit.html"
    p = subprocess.run([sys.executable, "-m", "pipeline", "audit", "--out", str(samples_out), "--html", str(f)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert f.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------------------------------
# the page in headless Chromium

def _unavailable(reason: str):
    if os.environ.get("PIPELINE_REQUIRE_BROWSER"):
        pytest.fail(f"PIPELINE_REQUIRE_BROWSER is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        _unavailable("no chromium on PATH (Debian: apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 760})
    events = {"dialogs": [], "errors": [], "requests": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.auditReady === true", timeout=10000)
    return page, events


def test_highlights_and_row_click_marks_the_span(browser, samples_out, tmp_path):
    f = write_audit(samples_out, tmp_path / "audit.html")
    page, events = open_page(browser, f)
    n_rows = page.locator("#rows tr").count()
    assert n_rows > 200
    assert page.locator(".hl").count() >= n_rows and page.locator(".hl.val").count() >= n_rows
    # click the row of 调解各类矛盾纠纷 235起
    row = page.locator("#rows tr", has_text="调解各类矛盾纠纷").first
    row.click()
    n = page.evaluate("document.body.dataset.selected")
    active = page.locator(".hl.active")
    assert active.count() >= 1
    assert "235" in "".join(active.all_inner_texts())
    assert all(n in (page.locator(".hl.active").nth(i).get_attribute("data-ids") or "").split()
               for i in range(active.count()))
    assert active.first.is_visible() and page.evaluate(
        "(() => { const r = document.querySelector('.hl.active').getBoundingClientRect();"
        " const c = document.getElementById('docs').getBoundingClientRect();"
        " return r.top >= c.top && r.bottom <= c.bottom; })()")
    assert "sel" in (row.get_attribute("class") or "")
    # filter and sort
    page.fill("#filter", "调解成功率")
    assert 1 <= page.locator("#rows tr:visible").count() < n_rows
    page.fill("#filter", "")
    page.locator("th", has_text="value").click()
    vals = page.evaluate("Array.from(document.querySelectorAll('#rows tr')).slice(0, 30)"
                         ".map(tr => parseFloat(tr.children[2].textContent)).filter(v => !isNaN(v))")
    assert vals == sorted(vals)
    # the raw page link points at the stored file
    link = page.locator("section.doc", has_text="鹦鹉街道").locator("a").first
    assert link.get_attribute("href").startswith("file://") and link.get_attribute("href").endswith(SEED)
    assert not events["errors"] and not events["dialogs"]
    assert all(u.startswith("file://") for u in events["requests"])  # nothing from the network
    page.close()


def test_markup_in_reports_does_not_execute(browser, xss_out, tmp_path):
    f = write_audit(xss_out, tmp_path / "xss.html")
    page, events = open_page(browser, f)
    assert page.evaluate("typeof window.__xss") == "undefined"
    # click every row and every highlight: still nothing runs
    for i in range(page.locator("#rows tr").count()):
        page.locator("#rows tr").nth(i).click()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert events["dialogs"] == [] and events["errors"] == []
    assert page.locator("#docs img, #docs svg, #docs script, #rows img, #rows script").count() == 0
    body = page.inner_text("#docs")
    assert "<script>window.__xss='body';alert(2)</script>" in body  # shown literally
    assert page.locator("#rows tr").count() >= 2
    page.close()


def test_screenshot_for_the_docs(browser, samples_out, tmp_path):
    """Refreshes docs/audit-screenshot.png when UPDATE_SCREENSHOT=1; otherwise checks a shot can be taken."""
    from pipeline.dataset import read_table

    d = [x for x in read_table(samples_out, "documents").to_pylist() if x["source"].endswith(SEED)][0]
    f = write_audit(samples_out, tmp_path / "one.html", doc=d["doc_id"][:12])
    page, _ = open_page(browser, f)
    page.locator("#rows tr", has_text="调解各类矛盾纠纷").first.click()
    target = ROOT / "docs" / "audit-screenshot.png" if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "s.png"
    page.screenshot(path=str(target), type="png")
    assert target.read_bytes().startswith(b"\x89PNG")
    if os.environ.get("UPDATE_SCREENSHOT"):  # keep the committed PNG small: 64-colour palette
        from PIL import Image

        Image.open(target).convert("RGB").quantize(colors=64).save(target, optimize=True)
    page.close()
