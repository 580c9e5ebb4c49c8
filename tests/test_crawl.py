"""pipeline.crawl: listings, pagination, URL files, and the run-level acceptance of issue 5
(a local column of two list pages and 55 articles; re-runs answered 304; every failure reported)."""
from __future__ import annotations

import pytest

from pipeline.crawl import (CrawlOptions, Plan, expand_and_fetch, fetch_planned, looks_like_listing,
                            main_block_links, normalize_url, pagination_links, parse_html, plan,
                            read_url_file, same_site)
from pipeline.fetch import FetchConfig, Fetcher
from tests.httpserver import (add_column, article_html, flaky, listing_html, redirect, slow)


def cfg(**kw) -> FetchConfig:
    base = dict(allow_private=True, min_interval=0.0, backoff=0.01, max_backoff=0.05, retries=1,
                connect_timeout=1.0, read_timeout=0.5, max_time=5.0, trust_env=False, concurrency=8,
                per_host_concurrency=4)
    base.update(kw)
    return FetchConfig(**base)




# -- acceptance ------------------------------------------------------------------------------------

def test_column_fetched_once_then_conditionally(site, tmp_path):
    articles = add_column(site, n_articles=55, per_page=30)  # index.html + index_1.html
    out = tmp_path / "out"
    start = site.url("/col/index.html")

    results = list(expand_and_fetch([start], out, cfg()))
    assert len(results) == 55
    assert all(r.ok and r.error is None and r.role == "document" for r in results)
    assert sorted(r.url for r in results) == sorted(site.url(p) for p in articles)
    for p in articles:  # every article fetched exactly once
        assert site.count(p) == 1, p
    assert site.count("/col/index.html") == 1 and site.count("/col/index_1.html") == 1
    assert site.count("/robots.txt") == 1

    # re-run: every page (listings and articles) asked conditionally and answered 304
    site.reset_log()
    again = list(expand_and_fetch([start], out, cfg()))
    assert len(again) == 55 and all(r.ok and r.not_modified and r.status == 304 for r in again)
    assert [r.raw for r in again] == [r.raw for r in results]  # stored bytes reused, same order
    page_requests = [q for q in site.requests if q.path != "/robots.txt"]
    assert len(page_requests) == 57
    assert all(q.status == 304 and "if-none-match" in q.headers for q in page_requests)


def test_every_failing_url_yields_a_result(site, tmp_path):
    good = [f"/col/a{i}.html" for i in range(4)]
    for i, p in enumerate(good):
        site.add(p, article_html(i))
    site.add("/col/err.html", "<html>down</html>", status=500, validators=False)
    slow(site, "/col/slow.html", 1.5)
    redirect(site, "/col/loop.html", "/col/loop.html")
    flaky(site, "/col/flaky.html", failures=1)
    links = good + ["/col/missing.html", "/col/err.html", "/col/slow.html", "/col/loop.html",
                    "/col/flaky.html", "/private/a.html"]
    items = [(p, f"关于2024年第{i}项重点工作进展情况的通报", "2024-06-01") for i, p in enumerate(links)]
    site.add("/col/index.html", listing_html(items, page=0, total=1))

    results = list(expand_and_fetch([site.url("/col/index.html")], tmp_path, cfg(read_timeout=0.2)))
    by = {r.url: r for r in results}
    assert len(results) == len(links) == len(by)
    assert all(by[site.url(p)].ok for p in good + ["/col/flaky.html"])
    assert by[site.url("/col/missing.html")].error == "fetch: HTTPError: 404 Not Found"
    assert by[site.url("/col/missing.html")].status == 404
    assert by[site.url("/col/err.html")].error.startswith("fetch: HTTPError: 500")
    assert by[site.url("/col/slow.html")].error.startswith("fetch: ReadTimeout:")
    assert by[site.url("/col/loop.html")].error.startswith("fetch: RedirectLoop:")
    assert by[site.url("/private/a.html")].error.startswith("fetch: RobotsDisallowed:")
    for r in results:
        assert r.ok or r.error, r


def test_failed_specs_and_listing_pages_are_reported(site, tmp_path):
    add_column(site, n_articles=40, per_page=20)
    del site.pages["/col/index_1.html"]  # page 2 of the column is gone
    specs = [site.url("/col/index.html"), "ftp://example.gov.cn/x.html", f"@{tmp_path}/no-such-file.txt",
             site.url("/nothing/here.html")]
    results = list(expand_and_fetch(specs, tmp_path / "out", cfg()))
    errors = {r.url: r.error for r in results if not r.ok}
    assert errors[site.url("/col/index_1.html")] == "fetch: HTTPError: 404 Not Found"
    assert errors["ftp://example.gov.cn/x.html"].startswith("fetch: Refused: not an http(s) URL")
    assert errors[f"@{tmp_path}/no-such-file.txt"].startswith("read: FileNotFoundError")
    assert errors[site.url("/nothing/here.html")] == "fetch: HTTPError: 404 Not Found"
    assert sum(1 for r in results if r.ok) == 20  # page 1's articles still fetched
    listing_failure = next(r for r in results if r.url == site.url("/col/index_1.html"))
    assert listing_failure.role == "listing"


# -- specs: single URLs and URL files --------------------------------------------------------------

def test_article_url_is_fetched_once_as_a_document(site, tmp_path):
    site.add("/col/202405/t1.html", article_html(1))
    results = list(expand_and_fetch([site.url("/col/202405/t1.html")], tmp_path, cfg()))
    assert len(results) == 1 and results[0].ok and results[0].role == "document"
    assert site.count("/col/202405/t1.html") == 1  # the auto-detection fetch is reused


def test_url_file(site, tmp_path):
    for i in range(3):
        site.add(f"/a{i}.html", article_html(i))
    f = tmp_path / "urls.txt"
    f.write_text(f"# reports to read\n{site.url('/a0.html')}\n\n  {site.url('/a1.html')}  # second\n"
                 f"{site.url('/a2.html')}#frag\n{site.url('/a0.html')}\n", encoding="utf-8")
    assert read_url_file(f) == [site.url("/a0.html"), site.url("/a1.html"), site.url("/a2.html") + "#frag",
                                site.url("/a0.html")]
    results = list(expand_and_fetch([f"@{f}"], tmp_path / "out", cfg()))
    assert [r.url for r in results] == [site.url(f"/a{i}.html") for i in range(3)]  # deduplicated, in order
    assert all(r.ok for r in results)


def test_page_mode_does_not_read_links(site, tmp_path):
    add_column(site, n_articles=10, per_page=10)
    results = list(expand_and_fetch([site.url("/col/index.html")], tmp_path, cfg(), CrawlOptions(mode="page")))
    assert len(results) == 1 and results[0].url == site.url("/col/index.html")


def test_attachment_links_are_recorded(site, tmp_path):
    site.add("/col/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    site.add("/col/a.html", article_html(1))
    items = [("report.pdf", "2024年法治政府建设年度报告（PDF版）", "2024-03-01"),
             ("a.html", "关于2024年法治政府建设情况的报告", "2024-03-02"),
             ("a.html", "关于2024年法治政府建设情况的报告", "2024-03-02")]
    site.add("/col/index.html", listing_html(items * 2, page=0, total=1))
    results = list(expand_and_fetch([site.url("/col/index.html")], tmp_path, cfg(),
                                    CrawlOptions(mode="list")))
    pdf = next(r for r in results if r.url.endswith(".pdf"))
    assert pdf.attachment and not pdf.ok and pdf.error is None
    assert len(results) == 2


# -- bounds and options ----------------------------------------------------------------------------

def test_max_pages_and_max_documents(site, tmp_path):
    add_column(site, n_articles=60, per_page=20)  # 3 list pages
    with Fetcher(tmp_path, cfg()) as f:
        p = plan([site.url("/col/index.html")], f, CrawlOptions(max_pages=2))
        assert len(p.urls) == 40 and len(p.listings) == 2 and any("max_pages" in n for n in p.notes)
        p = plan([site.url("/col/index.html")], f, CrawlOptions(max_documents=25))
        assert len(p.urls) == 25 and any("max_documents" in n for n in p.notes)
    assert site.count("/col/index_2.html") == 0


def test_link_pattern_option(site, tmp_path):
    paths = add_column(site, n_articles=12, per_page=12)
    with Fetcher(tmp_path, cfg()) as f:
        p = plan([site.url("/col/index.html")], f, CrawlOptions(link_pattern=r"/t2024_000[0-4]\.html$"))
    assert p.urls == [site.url(x) for x in paths[:5]]


def test_plan_then_fetch_two_steps(site, tmp_path):
    add_column(site, n_articles=8, per_page=8)
    site.add("/single.html", article_html(99))
    with Fetcher(tmp_path, cfg()) as f:
        p = plan([site.url("/single.html"), site.url("/col/index.html")], f)
        assert isinstance(p, Plan) and len(p.urls) == 9 and site.url("/single.html") in p.prefetched
        results = list(fetch_planned(p, f))
    assert [r.url for r in results] == p.urls
    assert site.count("/single.html") == 1


# -- HTML reading units ----------------------------------------------------------------------------

LIST = listing_html([(f"/col/t{i}.html", f"关于第{i}季度财政预算执行情况的报告", f"2024-0{i % 9 + 1}-15")
                     for i in range(12)], page=0, total=3, next_url="index_1.html")


def test_main_block_ignores_menus_and_offsite_links():
    base = "http://www.example.gov.cn/col/index.html"
    doc = parse_html(LIST)
    urls, n, _ = main_block_links(doc, base)
    assert urls == [f"http://www.example.gov.cn/col/t{i}.html" for i in range(12)] and n == 12
    assert looks_like_listing(doc, base, LIST)


def test_split_list_blocks_are_joined():
    ul = lambda r: "<ul class='l'>" + "".join(  # noqa: E731
        f"<li><a href='/t{i}.html'>关于第{i}号工作通报的说明材料</a><span>2024-01-0{i % 9 + 1}</span></li>"
        for i in r) + "</ul>"
    html = f"<html><body><div class='box'>{ul(range(0, 5))}<div class='line'></div>{ul(range(5, 10))}</div></body></html>"
    urls, n, _ = main_block_links(parse_html(html), "http://x.gov.cn/col/")
    assert n == 10


def test_article_with_related_links_is_not_a_listing():
    related = "".join(f"<li><a href='/r{i}.html'>关于第{i}项相关工作的通知文件</a> 2024-01-02</li>" for i in range(5))
    body = "".join(f"<p>{'全区完成固定资产投资123亿元，同比增长5.6%。' * 4}</p>" for _ in range(6))
    html = f"<html><body><h1>关于2023年工作情况的报告</h1>{body}<ul>{related}</ul></body></html>"
    assert not looks_like_listing(parse_html(html), "http://x.gov.cn/art/2024/1/2/art_1_2.html", html)


def test_pagination_sources():
    base = "http://x.gov.cn/col/index.html"
    # next link and createPageHTML: index_1 … index_2
    assert pagination_links(parse_html(LIST), base, LIST) == [
        "http://x.gov.cn/col/index_1.html", "http://x.gov.cn/col/index_2.html"]
    # ?page=N numbered links and 尾页 expansion
    html = ("<html><body><a href='list.jsp?cat=5&page=2'>2</a><a href='list.jsp?cat=5&page=2'>下一页</a>"
            "<a href='list.jsp?cat=5&page=4'>尾页</a></body></html>")
    got = pagination_links(parse_html(html), "http://x.gov.cn/list.jsp?cat=5&page=1", html)
    assert got == ["http://x.gov.cn/list.jsp?cat=5&page=2", "http://x.gov.cn/list.jsp?cat=5&page=3",
                   "http://x.gov.cn/list.jsp?cat=5&page=4"]
    # index_N 尾页 from the first page
    html = "<html><body><a href='index_1.html'>下一页</a><a href='index_3.html'>尾页</a></body></html>"
    assert pagination_links(parse_html(html), base, html) == [
        "http://x.gov.cn/col/index_1.html", "http://x.gov.cn/col/index_2.html", "http://x.gov.cn/col/index_3.html"]
    # createPageHTML variant with a container id first; the definition itself is ignored
    html = ("<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}</script>"
            "<script>createPageHTML('page_div', 3, 0, 'list', 'shtml');</script>")
    assert pagination_links(parse_html("<html><body>" + html + "</body></html>"), base, html) == [
        "http://x.gov.cn/col/list.shtml", "http://x.gov.cn/col/list_1.shtml", "http://x.gov.cn/col/list_2.shtml"]


def test_gbk_listing_is_decoded(site, tmp_path):
    items = [(f"/g/t{i}.html", f"关于第{i}季度统计数据发布的公告", "2024-02-01") for i in range(6)]
    html = listing_html(items, page=0, total=1).replace('charset="utf-8"', 'charset="gbk"')
    site.add("/g/index.html", html.encode("gbk"), content_type="text/html; charset=GBK")
    for i in range(6):
        site.add(f"/g/t{i}.html", article_html(i, charset="gbk").encode("gbk"), content_type="text/html")
    results = list(expand_and_fetch([site.url("/g/index.html")], tmp_path, cfg()))
    assert len(results) == 6 and all(r.ok for r in results)


def test_url_helpers():
    assert normalize_url("HTTP://WWW.X.gov.cn/a.html#top") == "http://www.x.gov.cn/a.html"
    assert normalize_url("http://x.gov.cn") == "http://x.gov.cn/"
    assert same_site("http://www.x.gov.cn/a", "http://x.gov.cn/b")
    assert same_site("http://fgw.x.gov.cn/a", "http://www.x.gov.cn/")
    assert not same_site("http://www.gov.cn/", "http://www.x.gov.cn/")


def test_shared_corpus_articles_are_not_listings(shared_dir):
    """The dev corpus's article pages (real chrome, related-link boxes) stay articles in auto mode."""
    import csv

    rows = list(csv.DictReader(open(shared_dir / "corpus" / "manifest.tsv", encoding="utf-8"), delimiter="\t"))
    from pipeline.crawl import decode_page

    for r in rows:
        if "kind=article" not in r["notes"]:
            continue
        raw = (shared_dir / "corpus" / "pages" / f"{r['name']}.html").read_bytes()
        url = r["original_url"] or "http://www.example.gov.cn/art/2024/t1.html"
        text = decode_page(raw)
        assert not looks_like_listing(parse_html(text), url, text), r["name"]
