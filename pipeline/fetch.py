"""Polite, bounded HTTP fetching of report pages (httpx), with a fetch log for conditional re-runs.

``Fetcher.fetch(url)`` never raises: every outcome - page, attachment, 404, timeout, refused address,
robots.txt exclusion, oversized body - is a ``FetchResult`` whose ``error`` says what happened, in the
dataset's ``<stage>: <kind>: <message>`` form (``fetch: HTTPError: 404 Not Found``).

What a fetch does, in order, on every redirect hop:

1. only ``http``/``https``; the host is resolved and private, loopback, link-local and other
   non-global addresses are refused unless ``allow_private`` (checked again on each redirect hop,
   so a public page cannot bounce the fetcher into the intranet);
2. robots.txt of the host (fetched once per host and cached; RFC 9309 rules: 4xx = no rules,
   5xx/unreachable = everything disallowed); its ``Crawl-delay`` raises the host's interval;
3. per-host politeness: at most ``per_host_concurrency`` requests in flight and ``min_interval``
   seconds between request starts;
4. a conditional GET (``If-None-Match`` / ``If-Modified-Since``) when the fetch log holds an earlier
   good fetch of the URL; a 304 reuses the stored bytes (``not_modified=True``);
5. retries with exponential backoff on 5xx/429, timeouts and connection errors (``Retry-After``
   honoured up to ``max_backoff``);
6. the body is streamed with limits on the wire size, the decompressed size (gzip/deflate are
   decoded here, in bounded steps, so a gzip bomb stops at the limit instead of filling memory) and
   the total time; the content type is checked before the body is read: PDF/Word/Excel/… are
   recorded as attachments (not downloaded, not parsed), images and other non-documents refused.

Bodies go to the content-addressed raw store and every outcome to the fetch log (``fetchlog.py``).
"""
from __future__ import annotations

import ipaddress
import logging
import random
import re
import socket
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterable, Iterator, Optional
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from . import __version__
from .fetchlog import RAW_DIRNAME, FetchLog, LogEntry, RawStore

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/gov-indicators/gov-indicators"
ROBOTS_AGENT = "gov-indicators"  # the product token robots.txt groups are matched against
DEFAULT_USER_AGENT = f"{ROBOTS_AGENT}/{__version__} (+{PROJECT_URL})"

# Content types parsed as pages.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml"})
# Content types of report attachments: recorded as links, never parsed as HTML.
ATTACHMENT_TYPES = frozenset({
    "application/pdf", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.ms-works", "application/wps-office.doc", "application/wps-office.docx",
    "application/kswps", "application/zip", "application/x-zip-compressed", "application/x-rar-compressed",
    "application/vnd.rar", "application/x-7z-compressed", "application/rtf", "text/rtf",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
    "text/csv", "application/csv", "application/ofd",  # OFD: China's national e-document format
})
# File extensions of attachments, for servers that send them as application/octet-stream.
ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".rtf",
                         ".zip", ".rar", ".7z", ".ofd", ".csv", ".odt", ".ods", ".ceb", ".caj")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

_CHUNK = 64 * 1024
# Max bytes produced by one zlib call: bounds memory per step of decompression (a 64 KB gzip
# chunk can expand ~1000x; asking for at most 1 MB at a time keeps that in check).
_INFLATE_STEP = 1024 * 1024
# Google's robots.txt limit (500 KiB); rules past it are ignored, as RFC 9309 allows.
ROBOTS_MAX_BYTES = 500 * 1024


class Refused(Exception):
    """A URL the fetcher will not request (scheme, address, robots.txt)."""


class Unresolvable(Refused):
    """The host name does not resolve (so its address cannot be checked)."""


class TooLarge(Exception):
    pass


@dataclass
class FetchConfig:
    """How politely and how far to fetch.  Defaults suit small government web servers."""

    # Seconds to wait for a connection / for each read.  Gov portals are often slow but a page that
    # sends nothing for 20 s is broken; retries cover transient stalls.
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    # Whole-request deadline (headers + body): stops a server trickling bytes just under read_timeout.
    max_time: float = 120.0
    # Attempts after the first on 5xx/429/timeouts/connection errors; delay backoff * 2**n, capped.
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 30.0
    max_redirects: int = 5  # real redirect chains are 1-2 hops (http->https, /->/index.html)
    # Per-host politeness: one request start per second and two in flight is the usual courtesy for
    # small servers; ``concurrency`` bounds the worker threads over all hosts.
    min_interval: float = 1.0
    per_host_concurrency: int = 2
    concurrency: int = 8
    max_crawl_delay: float = 30.0  # cap on a robots.txt Crawl-delay (a typo of 3600 would stall a run)
    user_agent: str = DEFAULT_USER_AGENT
    respect_robots: bool = True
    # Wire bytes of one response.  Real report pages are < 5 MB (the largest in ../shared/corpus
    # is 0.5 MB): 20 MB is a generous ceiling that still bounds memory and disk per page.
    max_response_bytes: int = 20 * 1024 * 1024
    # Bytes after gzip/deflate decoding: the same 50 MB pipeline.process refuses to parse anyway.
    max_decompressed_bytes: int = 50 * 1024 * 1024
    allow_private: bool = False
    conditional: bool = True  # send If-None-Match / If-Modified-Since from the fetch log
    trust_env: bool = True    # honour HTTP(S)_PROXY / NO_PROXY / SSL_CERT_FILE from the environment
    verify_tls: bool = True


@dataclass
class FetchResult:
    """The outcome of fetching one URL (one per URL, failures included)."""

    url: str
    final_url: Optional[str] = None
    status: Optional[int] = None          # HTTP status of the last response; None if none came
    ok: bool = False                      # True when ``raw`` holds the page to parse
    raw: Optional[bytes] = None
    http_charset: Optional[str] = None    # charset= of the Content-Type header, if any
    content_type: Optional[str] = None    # media type, lowercase, without parameters
    headers: dict = field(default_factory=dict)
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    error: Optional[str] = None           # "fetch: <Kind>: <message>" when not ok (and not attachment)
    not_modified: bool = False            # answered 304: ``raw`` is the stored copy, unchanged
    unchanged: bool = False               # same bytes as the previous good fetch (304, or identical 200)
    raw_path: Optional[str] = None        # where ``raw`` lives in OUT/raw/
    sha256: Optional[str] = None
    attachment: bool = False              # PDF/DOC/XLS…: recorded as a link, body not downloaded
    role: str = "document"                # document | listing (set by pipeline.crawl)
    attempts: int = 0                     # HTTP requests made (retries and redirect hops included)


# --------------------------------------------------------------------------------------------------
# small helpers

def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _err(kind: str, msg: str) -> str:
    return f"fetch: {kind}: {msg}"


def parse_content_type(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """``"text/html; charset=GBK"`` -> ``("text/html", "GBK")``."""
    if not value:
        return None, None
    parts = value.split(";")
    media = parts[0].strip().lower() or None
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip("\"'") or None
    return media, charset


def _headers_dict(h: httpx.Headers) -> dict:
    out: dict[str, str] = {}
    for k, v in h.multi_items():
        k = k.lower()
        out[k] = f"{out[k]}, {v}" if k in out else v
    return out


def host_key(url: str) -> str:
    """``scheme://host:port`` - the unit of robots.txt, rate limiting and concurrency."""
    p = urlsplit(url)
    port = p.port or (443 if p.scheme == "https" else 80)
    return f"{p.scheme}://{(p.hostname or '').lower()}:{port}"


def _is_attachment_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(ATTACHMENT_EXTENSIONS)


def check_address(url: str, allow_private: bool) -> None:
    """Raise ``Refused`` unless ``url`` is http(s) and (unless allowed) every address of its host is public."""
    p = urlsplit(url)
    if p.scheme not in ("http", "https"):
        raise Refused(f"only http(s) URLs are fetched, not {p.scheme or 'a relative URL'!r}: {url}")
    host = p.hostname
    if not host:
        raise Refused(f"URL has no host: {url}")
    if allow_private:
        return
    try:
        port = p.port or (443 if p.scheme == "https" else 80)
    except ValueError:
        raise Refused(f"bad port in {url}") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise Unresolvable(f"cannot resolve {host}: {e}") from None
    for info in infos:
        addr = info[4][0].split("%")[0]  # drop an IPv6 zone id
        ip = ipaddress.ip_address(addr)
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            kind = ("loopback" if ip.is_loopback else "link-local" if ip.is_link_local
                    else "private" if ip.is_private else "non-public")
            raise Refused(f"{host} resolves to {kind} address {ip} (pass allow_private to fetch it)")


class _Inflater:
    """Bounded gzip/deflate decoding of a streamed body."""

    def __init__(self, encoding: str, limit: int):
        enc = encoding.strip().lower()
        self.limit = limit
        self.total = 0
        self._raw_deflate_fallback = False
        if enc in ("", "identity"):
            self._d = None
        elif enc in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            # "deflate" should be zlib-wrapped, but some servers send raw deflate: try both.
            self._d = zlib.decompressobj(zlib.MAX_WBITS)
            self._raw_deflate_fallback = True
        else:
            raise ValueError(f"unsupported Content-Encoding {encoding!r}")

    def feed(self, data: bytes) -> bytes:
        if self._d is None:
            self._count(len(data))
            return data
        out = []
        buf = data
        while buf:
            try:
                chunk = self._d.decompress(buf, _INFLATE_STEP)
            except zlib.error:
                if self._raw_deflate_fallback and self.total == 0:
                    self._raw_deflate_fallback = False
                    self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._raw_deflate_fallback = False
            self._count(len(chunk))
            out.append(chunk)
            buf = self._d.unconsumed_tail
            if self._d.eof:
                break
        return b"".join(out)

    def flush(self) -> bytes:
        if self._d is None:
            return b""
        rest = self._d.flush()
        self._count(len(rest))
        return rest

    def _count(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise TooLarge(f"decompressed body over the {self.limit:,}-byte limit")


@dataclass
class _Response:
    """One HTTP exchange, body read (or deliberately not read)."""

    status: int
    headers: httpx.Headers
    body: Optional[bytes]
    content_type: Optional[str]
    charset: Optional[str]
    attachment: bool = False
    error: Optional[str] = None


class _HostState:
    def __init__(self, concurrency: int, interval: float):
        self.sem = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.interval = interval
        self.next_start = 0.0


# --------------------------------------------------------------------------------------------------

class Fetcher:
    """Fetch URLs politely into ``out_dir`` (raw store + fetch log).  Use as a context manager.

    ``out_dir=None`` fetches without storing or logging (no conditional GETs) - for ad-hoc use.
    Thread-safe: ``fetch_many`` runs ``config.concurrency`` threads over one connection pool.
    """

    def __init__(self, out_dir: Optional[str | Path] = None, config: Optional[FetchConfig] = None):
        self.config = config or FetchConfig()
        c = self.config
        self.store = RawStore(Path(out_dir) / RAW_DIRNAME) if out_dir is not None else None
        self.log = FetchLog.under(out_dir) if out_dir is not None else None
        self.client = httpx.Client(
            timeout=httpx.Timeout(c.read_timeout, connect=c.connect_timeout),
            follow_redirects=False,  # followed by hand: every hop is checked (address, robots, loops)
            headers={
                "User-Agent": c.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
                # Only what _Inflater decodes with bounded memory (no br/zstd).
                "Accept-Encoding": "gzip, deflate",
            },
            limits=httpx.Limits(max_connections=max(1, c.concurrency) * 2,
                                max_keepalive_connections=max(1, c.concurrency)),
            trust_env=c.trust_env,
            verify=c.verify_tls,
        )
        self._hosts: dict[str, _HostState] = {}
        self._hosts_lock = threading.Lock()
        self._robots: dict[str, RobotFileParser] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_errors: dict[str, str] = {}  # host -> why its robots.txt could not be read

    # -- lifecycle
    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self.log is not None:
            self.log.close()

    # -- public API
    def fetch(self, url: str, *, role: str = "document") -> FetchResult:
        """Fetch one URL.  Never raises: failures come back as ``FetchResult(ok=False, error=…)``."""
        url = url.strip()
        try:
            return self._fetch(url, role=role)
        except Exception as e:  # noqa: BLE001 - a bug or odd input must not end the run
            log.exception("unexpected failure fetching %s", url)
            res = FetchResult(url=url, error=_err(type(e).__name__, str(e)), role=role)
            self._log(res)
            return res

    def fetch_many(self, urls: Iterable[str], *, role: str = "document") -> Iterator[FetchResult]:
        """Fetch ``urls`` concurrently (per-host limits apply); results in input order, one per URL."""
        urls = list(urls)
        if not urls:
            return
        workers = max(1, min(self.config.concurrency, len(urls)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as ex:
            yield from ex.map(lambda u: self.fetch(u, role=role), urls)

    # -- internals
    def _host(self, url: str) -> _HostState:
        key = host_key(url)
        with self._hosts_lock:
            st = self._hosts.get(key)
            if st is None:
                st = self._hosts[key] = _HostState(self.config.per_host_concurrency, self.config.min_interval)
            return st

    def _fetch(self, url: str, role: str) -> FetchResult:
        c = self.config
        prior: Optional[LogEntry] = None
        if c.conditional and self.log is not None and self.store is not None:
            prior = self.log.latest_ok(url)
        res = self._fetch_hops(url, role, prior)
        if res.status == 304 and prior is not None:
            stored = self.store.get(prior.sha256) if self.store else None
            if stored is None:  # stored copy gone or corrupted: fetch it in full instead
                res = self._fetch_hops(url, role, None)
            else:
                media, charset = parse_content_type(prior.content_type)
                res.ok, res.not_modified, res.raw, res.sha256 = True, True, stored, prior.sha256
                res.raw_path = str(self.store.path_for(prior.sha256))
                res.content_type, res.http_charset = media, charset
                res.error = None
                # a 304 may omit validators and type: keep the prior ones for the next run
                for k, v in (("etag", prior.etag), ("last-modified", prior.last_modified),
                             ("content-type", prior.content_type)):
                    if v:
                        res.headers.setdefault(k, v)
        elif res.status == 304:  # 304 without having asked conditionally: nothing usable
            res.ok, res.error = False, _err("HTTPError", "304 Not Modified without a stored copy")
        if res.ok and not res.not_modified and res.raw is not None and self.store is not None:
            res.sha256, path = self.store.put(res.raw)
            res.raw_path = str(path)
        res.unchanged = res.ok and prior is not None and res.sha256 == prior.sha256
        self._log(res)
        return res

    def _fetch_hops(self, url: str, role: str, prior: Optional[LogEntry]) -> FetchResult:
        c = self.config
        res = FetchResult(url=url, role=role, fetched_at=_utcnow())
        seen = {url}
        current = url
        hops = 0
        while True:
            res.final_url = current
            try:
                check_address(current, c.allow_private)
                if c.respect_robots and role != "robots" and not self._robots_allow(current):
                    unreachable = self._robots_errors.get(host_key(current))
                    if unreachable:  # say why: the server failed, not a rule
                        res.error = f"{unreachable} [robots.txt unreachable: host treated as disallowed]"
                        return res
                    raise Refused(f"robots.txt of {host_key(current)} disallows {current}")
            except Refused as e:
                kind = ("DNSError" if isinstance(e, Unresolvable)
                        else "RobotsDisallowed" if "robots.txt" in str(e) else "Refused")
                res.error = _err(kind, str(e))
                return res
            extra = {}
            if prior is not None:
                if prior.etag:
                    extra["If-None-Match"] = prior.etag
                if prior.last_modified:
                    extra["If-Modified-Since"] = prior.last_modified
            res.fetched_at = _utcnow()
            resp, err, attempts = self._request(current, extra, role)
            res.attempts += attempts
            if resp is None:
                res.error = err
                return res
            res.status = resp.status
            res.headers = _headers_dict(resp.headers)
            res.content_type, res.http_charset = resp.content_type, resp.charset
            if resp.status in REDIRECT_STATUSES:
                loc = resp.headers.get("location")
                if not loc:
                    res.error = _err("HTTPError", f"{resp.status} redirect without a Location header")
                    return res
                nxt = urljoin(current, loc.strip())
                hops += 1
                if nxt in seen:
                    res.error = _err("RedirectLoop", f"{current} redirects back to {nxt}")
                    return res
                if hops > c.max_redirects:
                    res.error = _err("TooManyRedirects", f"more than {c.max_redirects} redirects from {url}")
                    return res
                seen.add(nxt)
                current = nxt
                continue
            if resp.error:
                res.error = resp.error
                return res
            if resp.status == 304:
                return res
            if resp.attachment:
                res.attachment = True
                return res
            if not 200 <= resp.status < 300:
                reason = httpx.codes.get_reason_phrase(resp.status) or "HTTP status"
                res.error = _err("HTTPError", f"{resp.status} {reason}")
                return res
            res.raw = resp.body
            res.ok = True
            return res

    def _request(self, url: str, extra_headers: dict, role: str
                 ) -> tuple[Optional[_Response], Optional[str], int]:
        """One GET with retries.  Returns ``(response, None, attempts)`` or ``(None, error, attempts)``;
        a response may still be an HTTP error (4xx, or 5xx once retries are spent)."""
        c = self.config
        attempt = 0
        while True:
            attempt += 1
            delay = None
            try:
                resp = self._request_once(url, extra_headers, role)
            except TooLarge as e:
                return None, _err("TooLarge", str(e)), attempt
            except (httpx.TimeoutException, TimeoutError) as e:
                if attempt > c.retries:
                    return None, _err(type(e).__name__, f"{e or 'timed out'} ({attempt} attempts)"), attempt
            except httpx.TransportError as e:
                if isinstance(e, (httpx.UnsupportedProtocol, httpx.LocalProtocolError)) or attempt > c.retries:
                    return None, _err(type(e).__name__, f"{e} ({attempt} attempts)"), attempt
            except (zlib.error, ValueError) as e:  # bad gzip stream, unknown Content-Encoding
                return None, _err("DecodingError", str(e)), attempt
            else:
                if resp.status not in RETRY_STATUSES or attempt > c.retries:
                    return resp, None, attempt
                delay = _retry_after(resp.headers.get("retry-after"))
            backoff = min(c.max_backoff, c.backoff * 2 ** (attempt - 1))
            if delay is not None:
                backoff = min(c.max_backoff, max(backoff, delay))
            # +-10 % jitter so parallel workers retrying one host do not stampede in lockstep
            time.sleep(backoff * (0.9 + 0.2 * random.random()))

    def _request_once(self, url: str, extra_headers: dict, role: str) -> _Response:
        c = self.config
        host = self._host(url)
        with host.sem:
            with host.lock:  # space request starts at least `interval` apart per host
                now = time.monotonic()
                wait = host.next_start - now
                host.next_start = max(now, host.next_start) + host.interval
            if wait > 0:
                time.sleep(wait)
            deadline = time.monotonic() + c.max_time
            with self.client.stream("GET", url, headers=extra_headers) as r:
                media, charset = parse_content_type(r.headers.get("content-type"))
                out = _Response(status=r.status_code, headers=r.headers, body=None,
                                content_type=media, charset=charset)
                if not 200 <= r.status_code < 300:
                    return out  # error/redirect/304 bodies are not needed
                disposition = (r.headers.get("content-disposition") or "").lower()
                if role != "robots" and (media in ATTACHMENT_TYPES or disposition.startswith("attachment")
                                         or (media in (None, "application/octet-stream")
                                             and _is_attachment_url(str(r.url)))):
                    out.attachment = True
                    return out
                if role != "robots" and media is not None and media not in PAGE_TYPES \
                        and media != "application/octet-stream":
                    out.error = _err("UnsupportedContentType", f"{media} is not a page")
                    return out
                limit = ROBOTS_MAX_BYTES if role == "robots" else c.max_response_bytes
                length = r.headers.get("content-length")
                if role != "robots" and length and length.isdigit() and int(length) > limit:
                    raise TooLarge(f"Content-Length {int(length):,} over the {limit:,}-byte limit")
                inflater = _Inflater(r.headers.get("content-encoding", ""), c.max_decompressed_bytes)
                parts: list[bytes] = []
                wire = 0
                for chunk in r.iter_raw(_CHUNK):
                    wire += len(chunk)
                    if wire > limit:
                        if role == "robots":
                            break  # RFC 9309: parse what fits
                        raise TooLarge(f"response over the {limit:,}-byte limit")
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout(f"body not complete after {c.max_time:.0f} s")
                    parts.append(inflater.feed(chunk))
                parts.append(inflater.flush())
                body = b"".join(parts)
                if media in (None, "application/octet-stream") and role != "robots":
                    sniffed = _sniff(body)
                    if sniffed == "attachment":
                        out.attachment = True
                        return out
                    if sniffed is None:
                        out.error = _err("UnsupportedContentType",
                                         f"{media or 'no content type'} and the body does not look like a page")
                        return out
                out.body = body
                return out

    def _robots_allow(self, url: str) -> bool:
        key = host_key(url)
        with self._hosts_lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:  # one robots.txt fetch per host, even with many threads starting at once
            rp = self._robots.get(key)
            if rp is None:
                rp = self._load_robots(url)
                self._robots[key] = rp
        return rp.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, url: str) -> RobotFileParser:
        p = urlsplit(url)
        robots_url = f"{p.scheme}://{p.netloc}/robots.txt"
        rp = RobotFileParser(robots_url)
        res = self._fetch_hops(robots_url, "robots", None)
        if res.ok and res.raw is not None and self.store is not None:
            res.sha256, path = self.store.put(res.raw)
            res.raw_path = str(path)
        self._log(res)
        if res.ok and res.raw is not None:
            rp.parse(res.raw.decode("utf-8", "replace").splitlines())
        elif res.status is not None and 400 <= res.status < 500:
            rp.allow_all = True  # RFC 9309 2.3.1.3: "unavailable" robots.txt = no restrictions
        else:
            # RFC 9309 2.3.1.4: server error or unreachable = assume complete disallow
            log.warning("robots.txt %s unreachable (%s): host treated as disallowed", robots_url, res.error)
            rp.disallow_all = True
            self._robots_errors[host_key(url)] = res.error or _err("HTTPError", f"{res.status} on robots.txt")
        delay = rp.crawl_delay(ROBOTS_AGENT) if not (rp.allow_all or rp.disallow_all) else None
        if delay:
            st = self._host(url)
            st.interval = max(st.interval, min(float(delay), self.config.max_crawl_delay))
        return rp

    def _log(self, res: FetchResult) -> None:
        if self.log is None:
            return
        h = res.headers or {}
        ctype = h.get("content-type") or res.content_type
        self.log.record(
            url=res.url, final_url=res.final_url, fetched_at=res.fetched_at.isoformat(), status=res.status,
            ok=res.ok, not_modified=res.not_modified, error=res.error,
            role="attachment" if res.attachment else res.role, content_type=ctype,
            etag=h.get("etag"), last_modified=h.get("last-modified"), sha256=res.sha256,
            size=len(res.raw) if res.raw is not None else None, headers=h)


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - _utcnow()).total_seconds())


_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype|html|head|body|meta|title|div|p|table|\?xml)",
                         re.I | re.S)


def _sniff(body: bytes) -> Optional[str]:
    """Classify an untyped body: ``"page"``, ``"attachment"`` or None (neither)."""
    head = body[:2048]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            return "page"
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"Rar!", b"{\\rtf")):
        return "attachment"
    if _HTML_START.match(head):
        return "page"
    return None


def fetch_result_error(url: str, error: str, *, role: str = "document") -> FetchResult:
    """A failure result for a URL that was never requested (e.g. an unreadable URL file line)."""
    return FetchResult(url=url, error=error, role=role)


__all__ = ["FetchConfig", "FetchResult", "Fetcher", "DEFAULT_USER_AGENT", "check_address",
           "parse_content_type", "host_key", "fetch_result_error"]
