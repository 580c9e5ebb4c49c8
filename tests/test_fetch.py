"""pipeline.fetch / pipeline.fetchlog against a real HTTP server on 127.0.0.1 (tests/httpserver.py)."""
from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

import pytest

import pipeline.fetch as fetch_mod
from pipeline.fetch import FetchConfig, Fetcher, FetchResult, _retry_after, check_address, parse_content_type
from pipeline.fetchlog import FetchLog, RawStore
from tests.httpserver import (PNG_BYTES, article_html, flaky, gzip_bomb, gzip_page, huge,
                              redirect, slow)


def cfg(**kw) -> FetchConfig:
    """Test config: local server allowed, no politeness delays, tiny timeouts/backoffs and limits."""
    base = dict(allow_private=True, min_interval=0.0, backoff=0.01, max_backoff=0.05, retries=2,
                connect_timeout=1.0, read_timeout=0.5, max_time=5.0, trust_env=False,
                max_response_bytes=1_000_000, max_decompressed_bytes=2_000_000)
    base.update(kw)
    return FetchConfig(**base)




@pytest.fixture
def fetcher(site, tmp_path):
    with Fetcher(tmp_path / "out", cfg()) as f:
        yield f


# -- pages, storage, log ---------------------------------------------------------------------------

def test_page_is_fetched_stored_and_logged(site, fetcher, tmp_path):
    site.add("/a.html", article_html(1))
    r = fetcher.fetch(site.url("/a.html"))
    assert r.ok and r.error is None and r.status == 200 and not r.not_modified
    assert r.raw == article_html(1).encode()
    assert (r.content_type, r.http_charset) == ("text/html", "utf-8")
    assert r.final_url == site.url("/a.html")
    assert r.fetched_at.tzinfo is not None
    # content-addressed raw store: OUT/raw/sha[:2]/sha
    assert r.raw_path == str(tmp_path / "out" / "raw" / r.sha256[:2] / r.sha256)
    assert open(r.raw_path, "rb").read() == r.raw
    hist = fetcher.log.history(site.url("/a.html"))
    assert len(hist) == 1
    h = hist[0]
    assert h["status"] == 200 and h["ok"] and h["sha256"] == r.sha256 and h["etag"] and h["last_modified"]
    assert h["headers"]["content-type"].startswith("text/html") and h["role"] == "document"


def test_user_agent_names_the_project(site, fetcher):
    site.add("/a.html", article_html(1))
    fetcher.fetch(site.url("/a.html"))
    ua = site.requests_for("/a.html")[0].headers["user-agent"]
    assert ua.startswith("gov-indicators/") and "(+https://" in ua
    assert site.requests_for("/a.html")[0].headers["accept-encoding"] == "gzip, deflate"


def test_gbk_page_keeps_bytes_and_reports_http_charset(site, fetcher):
    html = article_html(2, charset="gbk")
    site.add("/gbk.html", html.encode("gbk"), content_type="text/html; charset=GBK")
    r = fetcher.fetch(site.url("/gbk.html"))
    assert r.ok and r.http_charset == "GBK" and r.raw == html.encode("gbk")
    from pipeline.decode import decode_bytes

    assert "行政复议案件" in decode_bytes(r.raw, http_charset=r.http_charset).text


def test_gzip_page_is_decoded(site, fetcher):
    gzip_page(site, "/z.html", article_html(3))
    r = fetcher.fetch(site.url("/z.html"))
    assert r.ok and r.raw == article_html(3).encode()


# -- failures: every one is a FetchResult with an error ---------------------------------------------

def test_404_is_an_error_without_retries(site, fetcher):
    r = fetcher.fetch(site.url("/missing.html"))
    assert not r.ok and r.status == 404 and r.raw is None
    assert r.error == "fetch: HTTPError: 404 Not Found"
    assert site.count("/missing.html") == 1
    assert fetcher.log.history(site.url("/missing.html"))[0]["error"] == r.error


def test_500_is_retried_then_reported(site, fetcher):
    site.add("/err.html", "<html>boom</html>", status=500, validators=False)
    r = fetcher.fetch(site.url("/err.html"))
    assert not r.ok and r.status == 500 and "500 Internal Server Error" in r.error
    assert site.count("/err.html") == 3 == r.attempts  # 1 + retries=2


def test_flaky_page_succeeds_after_retries(site, fetcher):
    flaky(site, "/flaky.html", failures=2)
    r = fetcher.fetch(site.url("/flaky.html"))
    assert r.ok and r.status == 200
    assert site.count("/flaky.html") == 3


def test_slow_page_times_out(site, tmp_path):
    slow(site, "/slow.html", seconds=1.5)
    with Fetcher(tmp_path, cfg(read_timeout=0.2, retries=1)) as f:
        t0 = time.monotonic()
        r = f.fetch(site.url("/slow.html"))
    assert not r.ok and r.status is None
    assert r.error.startswith("fetch: ReadTimeout:") and "(2 attempts)" in r.error
    assert time.monotonic() - t0 < 3


def test_connection_refused_is_an_error(tmp_path):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with Fetcher(tmp_path, cfg(retries=1)) as f:
        r = f.fetch(f"http://127.0.0.1:{port}/x.html")
    assert not r.ok and r.error.startswith("fetch: ConnectError:")


def test_redirects_followed_and_bounded(site, fetcher):
    site.add("/final.html", article_html(4))
    redirect(site, "/r1", "/r2")
    redirect(site, "/r2", "/final.html", status=301)
    r = fetcher.fetch(site.url("/r1"))
    assert r.ok and r.final_url == site.url("/final.html") and r.url == site.url("/r1")

    redirect(site, "/loop-a", "/loop-b")
    redirect(site, "/loop-b", "/loop-a")
    r = fetcher.fetch(site.url("/loop-a"))
    assert not r.ok and r.error.startswith("fetch: RedirectLoop:")

    for i in range(8):
        redirect(site, f"/chain{i}", f"/chain{i + 1}")
    r = fetcher.fetch(site.url("/chain0"))
    assert not r.ok and r.error.startswith("fetch: TooManyRedirects:")
    assert site.count("/chain6") == 0  # max_redirects=5: stops before asking further


@pytest.mark.parametrize("declare_length", [False, True])
def test_huge_response_stops_at_the_limit(site, fetcher, declare_length):
    huge(site, "/huge.html", 5_000_000, declare_length=declare_length)
    r = fetcher.fetch(site.url("/huge.html"))
    assert not r.ok and r.raw is None and r.error.startswith("fetch: TooLarge:")


def test_gzip_bomb_stops_at_the_decompressed_limit(site, fetcher):
    gzip_bomb(site, "/bomb.html", 50_000_000)  # ~50 KB on the wire, 50 MB inflated
    r = fetcher.fetch(site.url("/bomb.html"))
    assert not r.ok and r.error.startswith("fetch: TooLarge: decompressed body over")


def test_binary_is_refused_not_parsed(site, fetcher):
    site.add("/logo.png", PNG_BYTES, content_type="image/png")
    r = fetcher.fetch(site.url("/logo.png"))
    assert not r.ok and r.raw is None and r.error == "fetch: UnsupportedContentType: image/png is not a page"
    # untyped binary: sniffed, not taken for a page
    site.add("/blob", PNG_BYTES, content_type="application/octet-stream")
    r = fetcher.fetch(site.url("/blob"))
    assert not r.ok and "UnsupportedContentType" in r.error


def test_pdf_and_doc_are_recorded_as_attachments(site, fetcher):
    site.add("/report.pdf", b"%PDF-1.4 fake", content_type="application/pdf")
    site.add("/files/W0201.doc", b"\xd0\xcf\x11\xe0 fake", content_type="application/octet-stream")
    for path in ("/report.pdf", "/files/W0201.doc"):
        r = fetcher.fetch(site.url(path))
        assert r.attachment and not r.ok and r.error is None and r.raw is None and r.status == 200
        assert fetcher.log.history(site.url(path))[0]["role"] == "attachment"


def test_bad_urls_never_raise(fetcher):
    for url in ("ftp://example.gov.cn/a.html", "file:///etc/passwd", "http://", "not a url"):
        r = fetcher.fetch(url)
        assert isinstance(r, FetchResult) and not r.ok and r.error.startswith("fetch: Refused:")


# -- address safety --------------------------------------------------------------------------------

@pytest.mark.parametrize("url,kind", [
    ("http://127.0.0.1/", "loopback"), ("http://localhost:8080/", "loopback"), ("http://[::1]/", "loopback"),
    ("http://10.1.2.3/", "private"), ("http://192.168.1.1/", "private"), ("http://172.16.0.9/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"), ("http://0.0.0.0/", "address 0.0.0.0"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
])
def test_private_addresses_refused(url, kind):
    with pytest.raises(fetch_mod.Refused, match=kind):
        check_address(url, allow_private=False)
    check_address(url, allow_private=True)  # allowed on request


def test_public_address_passes():
    check_address("http://8.8.8.8/index.html", allow_private=False)  # IP literal: no DNS lookup needed


def test_local_server_refused_without_allow_private(site, tmp_path):
    site.add("/a.html", article_html(1))
    with Fetcher(tmp_path, cfg(allow_private=False)) as f:
        r = f.fetch(site.url("/a.html"))
    assert not r.ok and r.error.startswith("fetch: Refused:") and "loopback" in r.error
    assert site.count("/a.html") == 0


def test_every_redirect_hop_is_checked(site, tmp_path, monkeypatch):
    """A permitted host redirecting to a loopback name is stopped at the hop."""
    real = fetch_mod.check_address

    def only_127(url, allow_private):  # pretend 127.0.0.1 is public; everything else checked for real
        if urlsplit(url).hostname == "127.0.0.1":
            return real(url, True)
        return real(url, False)

    monkeypatch.setattr(fetch_mod, "check_address", only_127)
    redirect(site, "/out", f"http://localhost:{site.port}/a.html")
    site.add("/a.html", article_html(1))
    with Fetcher(tmp_path, cfg(allow_private=False)) as f:
        r = f.fetch(site.url("/out"))
    assert not r.ok and "Refused" in r.error and "localhost" in r.error
    assert site.count("/a.html") == 0


# -- robots.txt ------------------------------------------------------------------------------------

def test_robots_txt_respected_and_cached(site, fetcher):
    site.add("/private/secret.html", article_html(1))
    site.add("/a.html", article_html(2))
    r = fetcher.fetch(site.url("/private/secret.html"))
    assert not r.ok and r.error.startswith("fetch: RobotsDisallowed:")
    assert site.count("/private/secret.html") == 0
    assert fetcher.fetch(site.url("/a.html")).ok
    assert fetcher.fetch(site.url("/a.html")).ok
    assert site.count("/robots.txt") == 1
    assert site.requests_for("/robots.txt")[0].headers["user-agent"].startswith("gov-indicators/")


def test_robots_txt_can_be_switched_off(site, tmp_path):
    site.add("/private/secret.html", article_html(1))
    with Fetcher(tmp_path, cfg(respect_robots=False)) as f:
        assert f.fetch(site.url("/private/secret.html")).ok
    assert site.count("/robots.txt") == 0


def test_robots_txt_missing_allows_and_server_error_disallows(site, tmp_path):
    site.add("/a.html", article_html(1))
    site.robots = None  # 404
    with Fetcher(tmp_path / "1", cfg()) as f:
        assert f.fetch(site.url("/a.html")).ok
    site.add("/robots.txt", "oops", status=503, validators=False)
    with Fetcher(tmp_path / "2", cfg(retries=0)) as f:
        r = f.fetch(site.url("/a.html"))
    assert not r.ok and "503" in r.error and "robots.txt unreachable" in r.error
    assert site.count("/a.html") == 1  # only the first, allowed fetch


def test_robots_crawl_delay_raises_the_interval(site, tmp_path):
    # urllib.robotparser reads whole seconds only
    site.robots = "User-agent: gov-indicators\nCrawl-delay: 1\nDisallow:\n"
    site.add("/a.html", article_html(1))
    site.add("/b.html", article_html(2))
    with Fetcher(tmp_path, cfg()) as f:
        t0 = time.monotonic()
        assert f.fetch(site.url("/a.html")).ok and f.fetch(site.url("/b.html")).ok
        assert time.monotonic() - t0 >= 0.9


# -- politeness ------------------------------------------------------------------------------------

def test_min_interval_between_requests_to_a_host(site, tmp_path):
    for i in range(4):
        site.add(f"/p{i}.html", article_html(i))
    with Fetcher(tmp_path, cfg(min_interval=0.15, concurrency=4, respect_robots=False)) as f:
        t0 = time.monotonic()
        res = list(f.fetch_many([site.url(f"/p{i}.html") for i in range(4)]))
        elapsed = time.monotonic() - t0
    assert all(r.ok for r in res)
    assert elapsed >= 0.45  # 4 request starts spaced 0.15 s apart


def test_per_host_concurrency_is_bounded(site, tmp_path):
    state = {"now": 0, "max": 0}
    lock = threading.Lock()

    def fn(h):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.1)
        with lock:
            state["now"] -= 1
        return h.send_simple(200, article_html(1).encode())

    for i in range(8):
        site.handle(f"/c{i}.html", fn)
    with Fetcher(tmp_path, cfg(per_host_concurrency=2, concurrency=8)) as f:
        res = list(f.fetch_many([site.url(f"/c{i}.html") for i in range(8)]))
    assert [r.url for r in res] == [site.url(f"/c{i}.html") for i in range(8)]  # input order kept
    assert all(r.ok for r in res) and state["max"] == 2


# -- conditional GET -------------------------------------------------------------------------------

def test_rerun_sends_conditional_request_and_reuses_bytes(site, tmp_path):
    site.add("/a.html", article_html(1))
    out = tmp_path / "out"
    with Fetcher(out, cfg()) as f:
        first = f.fetch(site.url("/a.html"))
    with Fetcher(out, cfg()) as f:
        second = f.fetch(site.url("/a.html"))
        hist = f.log.history(site.url("/a.html"))
    req = site.requests_for("/a.html")[-1]
    assert req.headers["if-none-match"] == site.pages["/a.html"].etag and "if-modified-since" in req.headers
    assert req.status == 304
    assert second.ok and second.not_modified and second.status == 304
    assert second.raw == first.raw and second.sha256 == first.sha256 and second.raw_path == first.raw_path
    assert [h["status"] for h in hist] == [200, 304] and hist[1]["etag"] == hist[0]["etag"]
    assert second.unchanged and not first.unchanged
    # a third run still has the validators (the 304 row keeps them)
    with Fetcher(out, cfg()) as f:
        assert f.fetch(site.url("/a.html")).not_modified


def test_changed_page_is_fetched_in_full(site, tmp_path):
    site.add("/a.html", article_html(1))
    with Fetcher(tmp_path, cfg()) as f:
        first = f.fetch(site.url("/a.html"))
    site.add("/a.html", article_html(1) + "<!-- updated -->")
    with Fetcher(tmp_path, cfg()) as f:
        second = f.fetch(site.url("/a.html"))
    assert second.ok and not second.not_modified and second.status == 200 and second.sha256 != first.sha256
    assert not second.unchanged


def test_server_ignoring_validators_still_marks_identical_bytes_unchanged(site, tmp_path):
    site.add("/a.html", article_html(1), validators=False)
    with Fetcher(tmp_path, cfg()) as f:
        f.fetch(site.url("/a.html"))
        r = f.fetch(site.url("/a.html"))
    assert r.status == 200 and not r.not_modified and r.unchanged


def test_last_modified_only(site, tmp_path):
    page = site.add("/lm.html", article_html(1))
    page.etag = None
    with Fetcher(tmp_path, cfg()) as f:
        f.fetch(site.url("/lm.html"))
        r = f.fetch(site.url("/lm.html"))
    req = site.requests_for("/lm.html")[-1]
    assert "if-none-match" not in req.headers and req.headers["if-modified-since"]
    assert r.not_modified and r.ok


def test_missing_stored_copy_triggers_full_fetch(site, tmp_path):
    site.add("/a.html", article_html(1))
    with Fetcher(tmp_path, cfg()) as f:
        first = f.fetch(site.url("/a.html"))
    import os

    os.unlink(first.raw_path)
    with Fetcher(tmp_path, cfg()) as f:
        r = f.fetch(site.url("/a.html"))
    assert r.ok and not r.not_modified and r.status == 200 and r.raw == first.raw
    assert os.path.exists(first.raw_path)


def test_no_out_dir_means_no_store_and_no_conditional(site):
    site.add("/a.html", article_html(1))
    with Fetcher(None, cfg()) as f:
        assert f.fetch(site.url("/a.html")).raw_path is None
        assert not f.fetch(site.url("/a.html")).not_modified
    assert "if-none-match" not in site.requests_for("/a.html")[-1].headers


# -- store and log units ---------------------------------------------------------------------------

def test_raw_store_is_idempotent_and_leaves_no_temp_files(tmp_path):
    store = RawStore(tmp_path / "raw")
    sha, path = store.put(b"abc")
    assert store.put(b"abc") == (sha, path)
    assert store.get(sha) == b"abc"
    assert sorted(p.name for p in (tmp_path / "raw").rglob("*") if p.is_file()) == [sha]
    path.write_bytes(b"tampered")
    assert store.get(sha) is None  # a corrupted copy is never served as the original


def test_fetch_log_survives_reopen(tmp_path):
    log = FetchLog.under(tmp_path)
    log.record(url="http://x/a", final_url="http://x/a", fetched_at="2024-01-01T00:00:00+00:00", status=200,
               ok=True, not_modified=False, error=None, role="document", content_type="text/html",
               etag='"e1"', last_modified=None, sha256="ab" * 32, size=3, headers={"etag": '"e1"'})
    log.close()
    log = FetchLog.under(tmp_path)
    e = log.latest_ok("http://x/a")
    assert e.etag == '"e1"' and e.sha256 == "ab" * 32 and log.latest_ok("http://x/b") is None
    assert (tmp_path / "fetchlog" / "fetchlog.sqlite").is_file()


def test_helpers():
    assert parse_content_type('text/html; charset="gb2312"') == ("text/html", "gb2312")
    assert parse_content_type(None) == (None, None)
    assert _retry_after("3") == 3.0 and _retry_after(None) is None and _retry_after("soon") is None
