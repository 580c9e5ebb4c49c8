"""A real HTTP server on 127.0.0.1 for scraping tests (no test reaches the internet).

``LocalSite`` runs ``http.server.ThreadingHTTPServer`` in a thread and serves what a test registers:
static pages (with ETag / Last-Modified and 304 answers to conditional requests), and behaviours
a scraper must survive - 404, 500, flaky (fails N times then succeeds), slow, redirect loops, huge
bodies, binary files, gzip bombs, GBK pages.  Every request is recorded (path, headers, status), so a
test can count fetches and see the conditional headers it sent.

``add_column(site, n_articles)`` builds a TRS-style column: ``/col/index.html`` and ``index_1.html``
linked by a 下一页 link and a ``createPageHTML`` script, with short report-like articles.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    etag: Optional[str] = None           # None: no ETag header
    last_modified: Optional[float] = None  # epoch seconds; None: no Last-Modified header


@dataclass
class Request:
    path: str
    headers: dict
    status: int


class LocalSite:
    """Context manager: ``with LocalSite() as site: site.url("/x")``."""

    def __init__(self):
        self.pages: dict[str, Page] = {}
        self.handlers: dict[str, Callable[["_Handler"], int]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self.flaky_left: Counter = Counter()
        self.robots: Optional[str] = "User-agent: *\nDisallow: /private/\n"

    # -- registering content
    def add(self, path: str, body: bytes | str, *, content_type: str = "text/html; charset=utf-8",
            status: int = 200, headers: Optional[dict] = None, validators: bool = True) -> Page:
        if isinstance(body, str):
            body = body.encode("utf-8")
        page = Page(body, content_type, status, dict(headers or {}))
        if validators:
            page.etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            page.last_modified = 1_700_000_000.0
        self.pages[path] = page
        return page

    def handle(self, path: str, fn: Callable[["_Handler"], int]) -> None:
        """Serve ``path`` with ``fn(handler) -> status`` (it writes the whole response)."""
        self.handlers[path] = fn

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # -- what was asked
    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()

    # -- lifecycle
    def __enter__(self) -> "LocalSite":
        site = self

        class Handler(_Handler):
            pass

        Handler.site = site
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    site: LocalSite
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        site = self.site
        path = self.path
        status = 500
        try:
            if path == "/robots.txt" and path not in site.pages and path not in site.handlers:
                status = self._robots()
            elif path.split("?")[0] in site.handlers and path not in site.pages:
                status = site.handlers[path.split("?")[0]](self)
            elif path in site.pages:
                status = self._page(site.pages[path])
            else:
                status = self.send_simple(404, b"<html><body>not found</body></html>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up on purpose (size limit)
        finally:
            with site._lock:
                site.requests.append(Request(path, {k.lower(): v for k, v in self.headers.items()}, status))

    def _robots(self) -> int:
        if self.site.robots is None:
            return self.send_simple(404, b"no robots")
        return self.send_simple(200, self.site.robots.encode(), "text/plain")

    def _page(self, page: Page) -> int:
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if page.etag and inm:
            fresh = page.etag in [t.strip() for t in inm.split(",")]
        elif page.last_modified and ims:
            try:
                fresh = parsedate_to_datetime(ims).timestamp() >= page.last_modified
            except (TypeError, ValueError):
                fresh = False
        if fresh and page.status == 200:
            self.send_response(304)
            self._validators(page)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return 304
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self._validators(page)
        for k, v in page.headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        self.wfile.write(page.body)
        return page.status

    def _validators(self, page: Page) -> None:
        if page.etag:
            self.send_header("ETag", page.etag)
        if page.last_modified:
            self.send_header("Last-Modified", formatdate(page.last_modified, usegmt=True))

    def send_simple(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
                    headers: Optional[dict] = None) -> int:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return status


# --------------------------------------------------------------------------------------------------
# ready-made behaviours

def article_html(i: int, *, title: Optional[str] = None, charset: str = "utf-8") -> str:
    """A short self-written report page with a few numeric indicators."""
    title = title or f"关于2024年第{i}项法治政府建设工作情况的报告"
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}_示例区人民政府</title>
<meta name="PubDate" content="2024-05-{(i % 28) + 1:02d}"></head><body>
<div class="nav"><a href="/">首页</a><a href="/col/index.html">法治政府建设</a></div>
<div class="article"><h1>{title}</h1>
<p>2024年，全区共办理行政复议案件{100 + i}件，同比增长{i % 9 + 1}.5%。</p>
<p>全年组织执法人员培训{i + 3}场次，参训人数达{1200 + i * 7}人，行政诉讼败诉率下降到{i % 5}.2%。</p>
<p>下一步，我区将继续深入推进依法行政，全面提升法治政府建设水平。</p></div>
<div class="footer">版权所有：示例区人民政府 地址：示例路1号</div></body></html>"""


def listing_html(items: list[tuple[str, str, str]], *, page: int, total: int,
                 next_url: Optional[str] = None) -> str:
    """A TRS-style column page: a ``<ul>`` of dated links, 下一页 link and a createPageHTML call."""
    lis = "\n".join(f'<li><a href="{href}" target="_blank">{t}</a><span>{d}</span></li>'
                    for href, t, d in items)
    nxt = f'<a href="{next_url}">下一页</a>' if next_url else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>法治政府建设_示例区人民政府</title></head>
<body><div class="header"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/col/index.html">法治政府建设</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main"><div class="list"><ul class="news">
{lis}
</ul></div>
<div class="page"><script>createPageHTML({total}, {page}, "index", "html");</script>{nxt}</div></div>
<div class="friend"><a href="http://www.gov.cn/">中国政府网</a></div>
<div class="footer">版权所有：示例区人民政府</div></body></html>"""


def add_column(site: LocalSite, n_articles: int = 55, per_page: int = 30) -> list[str]:
    """Register ``/col/index.html`` (+ ``index_1.html`` …) and the articles; returns the article paths."""
    paths = [f"/col/2024{(i % 12) + 1:02d}/t2024_{i:04d}.html" for i in range(n_articles)]
    for i, p in enumerate(paths):
        site.add(p, article_html(i))
    pages = [paths[k:k + per_page] for k in range(0, len(paths), per_page)]
    for n, chunk in enumerate(pages):
        items = [(p if k % 2 else p.replace("/col/", "./", 1),  # relative and absolute hrefs both occur
                  f"关于2024年第{paths.index(p)}项法治政府建设工作情况的报告", f"2024-05-{(k % 28) + 1:02d}")
                 for k, p in enumerate(chunk)]
        nxt = f"index_{n + 1}.html" if n + 1 < len(pages) else None
        name = "index.html" if n == 0 else f"index_{n}.html"
        site.add(f"/col/{name}", listing_html(items, page=n, total=len(pages), next_url=nxt))
    return paths


def flaky(site: LocalSite, path: str, failures: int, body: str = "") -> None:
    """``path`` answers 503 ``failures`` times, then the page."""
    site.flaky_left[path] = failures

    def fn(h: _Handler) -> int:
        with site._lock:
            left = site.flaky_left[path]
            site.flaky_left[path] = left - 1
        if left > 0:
            return h.send_simple(503, b"busy")
        return h.send_simple(200, (body or article_html(999)).encode())

    site.handle(path, fn)


def slow(site: LocalSite, path: str, seconds: float) -> None:
    def fn(h: _Handler) -> int:
        time.sleep(seconds)
        return h.send_simple(200, article_html(1).encode())

    site.handle(path, fn)


def redirect(site: LocalSite, path: str, to: str, status: int = 302) -> None:
    site.handle(path, lambda h: h.send_simple(status, b"", headers={"Location": to}))


def huge(site: LocalSite, path: str, nbytes: int, *, declare_length: bool = False) -> None:
    """An HTML body of ``nbytes``, streamed in 64 KB writes (no Content-Length unless asked)."""
    def fn(h: _Handler) -> int:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if declare_length:
            h.send_header("Content-Length", str(nbytes))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + "填充文本".encode() * 5000 + b"</p>\n"
        sent = 0
        while sent < nbytes:
            piece = chunk[:nbytes - sent]
            h.wfile.write(piece)
            sent += len(piece)
        h.close_connection = True
        return 200

    site.handle(path, fn)


def gzip_bomb(site: LocalSite, path: str, nbytes: int) -> None:
    """A small gzip body that inflates to ``nbytes`` of HTML-ish text."""
    payload = gzip.compress(b"<html><body>" + b" " * nbytes, compresslevel=9)

    def fn(h: _Handler) -> int:
        return h.send_simple(200, payload, headers={"Content-Encoding": "gzip"})

    site.handle(path, fn)


def gzip_page(site: LocalSite, path: str, html: str) -> None:
    payload = gzip.compress(html.encode("utf-8"))
    site.handle(path, lambda h: h.send_simple(200, payload, headers={"Content-Encoding": "gzip"}))


PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
             b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84\x00\x00\x00\x00"
             b"IEND\xaeB`\x82")
