"""From source specs to fetched documents: single URLs, files of URLs and column listing pages.

A *listing* (column page, 栏目页) is read for its article links - the page's main link block, or the
links matching ``link_pattern`` - and its pagination is followed (``index_1.html``, ``?page=2``,
下一页/尾页 links, ``createPageHTML(total, current, "index", "html")`` scripts), bounded by
``max_pages`` per listing and ``max_documents`` per run.  With ``mode="auto"`` a URL is read as a
listing when its main link block outweighs its prose (see ``looks_like_listing``), else as an article.

Entry points::

    expand_and_fetch(specs, out_dir, config, options) -> Iterator[FetchResult]   # one call
    plan(specs, fetcher, options) -> Plan ; fetch_planned(plan, fetcher)           # two steps

Every spec or URL that fails (bad URL, unreadable URL file, listing page 404, article timeout …)
comes out as a ``FetchResult`` with ``error`` set: nothing is dropped silently.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

from .fetch import FetchConfig, Fetcher, FetchResult, _is_attachment_url

log = logging.getLogger(__name__)

# A list block needs at least this many article-like links: fewer is a "related links" box.
MIN_BLOCK_LINKS = 3
# A page with a main block of this many article links (and little prose) is read as a listing.
LISTING_MIN_LINKS = 5
# Anchor text of at least this many characters reads as an article title ("关于2024年…的报告");
# menus and breadcrumbs are 2-6 characters (首页, 政务公开, 法治政府建设).
TITLE_MIN_CHARS = 8
# How far up from an <a> to look for the repeating element (li, tr, dd…) that makes a list.
_MAX_CONTAINER_DEPTH = 6

_DATE = re.compile(r"(?:19|20)\d\d\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2}\s*日?)?|\b\d{1,2}-\d{1,2}\b")
_NEXT_TEXTS = {"下一页", "下页", "下一页>", "下一页>>", "下一页»", "后一页", "next", "nextpage", ">", ">>", "›", "»"}
_LAST_TEXTS = {"尾页", "末页", "最后一页", "最末页", "last", "lastpage"}
_PAGE_PARAMS = {"page", "pageno", "pagenum", "pageindex", "p", "pn", "curpage", "currentpage", "pagenumber",
                "page_no", "cp", "start"}
_LISTING_NAME = re.compile(r"^(index|list|default|more|column|lm)(_\d+)?\.\w+$", re.I)
_PAGED_NAME = re.compile(r"^(?P<stem>.*?)_(?P<n>\d+)(?P<ext>\.\w+)$")
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^()]*)\)", re.I)
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


@dataclass
class CrawlOptions:
    """How far to follow listings.  Defaults bound a run on one column to a few hundred requests."""

    mode: str = "auto"          # auto | list | page: how a spec URL is read
    max_pages: int = 50         # listing pages read per listing spec (first page included)
    max_documents: int = 1000   # article links taken from listings over the whole run
    link_pattern: Optional[str] = None  # regex (re.search on the absolute URL) selecting article links
    same_site: bool = True      # article/page links must stay on the listing's site


@dataclass
class Plan:
    """What a run will fetch."""

    urls: list[str] = field(default_factory=list)                    # document URLs, in order, unique
    prefetched: dict[str, FetchResult] = field(default_factory=dict)  # documents fetched while planning
    failures: list[FetchResult] = field(default_factory=list)        # specs/listing pages that failed
    listings: list[str] = field(default_factory=list)                # listing pages read
    notes: list[str] = field(default_factory=list)                   # caps reached, empty listings …


# --------------------------------------------------------------------------------------------------
# URL files and URL helpers

def read_url_file(path: str | Path) -> list[str]:
    """URLs of a text file: one a line; blank lines and ``#`` comments (whole-line or trailing) ignored."""
    urls = []
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = re.split(r"\s#", line, maxsplit=1)[0].strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


def normalize_url(url: str) -> str:
    """Drop the fragment and lowercase scheme and host: the key that makes a URL fetched once."""
    url, _ = urldefrag(url.strip())
    p = urlsplit(url)
    if not p.scheme:
        return url
    netloc = p.netloc.lower()
    path = p.path or "/"
    return p._replace(scheme=p.scheme.lower(), netloc=netloc, path=path).geturl()


# Registry-level suffixes: hosts directly under them are separate sites (www.gov.cn is not x.gov.cn's
# parent).  A small list instead of the full Public Suffix List: these are the ones Chinese
# government and media sites live under.
_PUBLIC_SUFFIXES = {"gov.cn", "com.cn", "org.cn", "net.cn", "edu.cn", "ac.cn", "mil.cn", "cn", "com", "org",
                    "net", "gov", "edu", "com.hk", "gov.hk", "gov.mo", "gov.tw"}


def _site(host: str) -> str:
    host = (host or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def same_site(a: str, b: str) -> bool:
    """Same host (``www.`` aside), or one a subdomain of the other: x.gov.cn ~ www.x.gov.cn ~
    fgw.x.gov.cn (a city portal and its departments' sub-sites), but never via a registry suffix
    (www.gov.cn is not the parent of www.x.gov.cn)."""
    ha, hb = _site(urlsplit(a).hostname or ""), _site(urlsplit(b).hostname or "")
    if not ha or not hb:
        return False
    if ha == hb:
        return True
    short, long_ = sorted((ha, hb), key=len)
    return short not in _PUBLIC_SUFFIXES and long_.endswith("." + short)


# --------------------------------------------------------------------------------------------------
# HTML reading

def decode_page(raw: bytes, http_charset: Optional[str] = None) -> str:
    """Bytes -> text with the project's decoder (BOM, UTF-8, declared charset, detection)."""
    try:
        from .decode import decode_bytes
    except ImportError:  # pragma: no cover - decode.py is part of the package
        for enc in ([http_charset] if http_charset else []) + ["utf-8", "gb18030"]:
            try:
                return raw.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
        return raw.decode("utf-8", "replace")
    return decode_bytes(raw, http_charset=http_charset).text


def parse_html(text: str):
    """lxml tree of ``text`` (None for an empty or unparsable page)."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def _base_url(doc, url: str) -> str:
    base = doc.find(".//base[@href]") if doc is not None else None
    return urljoin(url, base.get("href").strip()) if base is not None else url


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


@dataclass
class _Link:
    url: str
    text: str
    el: object
    score: int = 0  # 0 = not article-like; +1 long title; +1 a date in its list item


def _links(doc, base: str) -> list[_Link]:
    out = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = normalize_url(urljoin(base, href))
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        text = _text(a) or (a.get("title") or "").strip()
        out.append(_Link(url, text, a))
    return out


def _item_of(a):
    """The list item around a link (li/tr/dd/p…), for finding its date."""
    node = a
    for _ in range(3):
        parent = node.getparent()
        if parent is None:
            break
        node = parent
        if node.tag in ("li", "tr", "dd", "dt", "p"):
            return node
    return a.getparent() if a.getparent() is not None else a


def _container_of(a):
    """The element whose repeated children form the list the link belongs to (ul for li, tbody/table
    for tr, a div of repeated divs/p/a …)."""
    node = a
    for _ in range(_MAX_CONTAINER_DEPTH):
        parent = node.getparent()
        if parent is None:
            return node
        if sum(1 for ch in parent if ch.tag == node.tag) >= MIN_BLOCK_LINKS:
            return parent
        node = parent
    return a.getparent()


def _signature(el) -> tuple:
    p = el.getparent()
    return (el.tag, el.get("class"), p.tag if p is not None else None, p.get("class") if p is not None else None)


def _is_pagination_text(text: str) -> bool:
    t = text.replace(" ", "").lower()
    return t in _NEXT_TEXTS or t in _LAST_TEXTS or t in {"首页", "上一页", "上页", "前一页", "first", "prev",
                                                        "previous", "<", "<<", "‹", "«"} or t.isdigit()


def main_block_links(doc, base: str, *, same_site_only: bool = True) -> tuple[list[str], int, int]:
    """The article links of the page's main link block.

    Returns ``(urls, n_article_links, link_text_chars)``.  Links are grouped by their list container;
    the container with the highest article-likeness score wins, joined by containers with the same
    tag/class shape (a list split into several ``<ul>`` of five).
    """
    links = [lk for lk in _links(doc, base)
             if not _is_pagination_text(lk.text) and (not same_site_only or same_site(lk.url, base))]
    groups: dict[int, list[_Link]] = {}
    owners: dict[int, object] = {}
    for lk in links:
        if len(lk.text) >= TITLE_MIN_CHARS:
            lk.score += 1
        if _DATE.search(_text(_item_of(lk.el))):
            lk.score += 1
        if lk.score == 0:
            continue
        c = _container_of(lk.el)
        groups.setdefault(id(c), []).append(lk)
        owners[id(c)] = c
    if not groups:
        return [], 0, 0
    best = max(groups, key=lambda k: (sum(lk.score for lk in groups[k]), len(groups[k])))
    if len(groups[best]) < MIN_BLOCK_LINKS:
        return [], 0, 0
    sig = _signature(owners[best])
    chosen = [lk for k, g in groups.items() if k == best or _signature(owners[k]) == sig for lk in g]
    order = {id(a): i for i, a in enumerate(doc.iter("a"))}
    chosen.sort(key=lambda lk: order.get(id(lk.el), 0))
    urls, seen = [], set()
    for lk in chosen:
        if lk.url not in seen and lk.url != normalize_url(base):
            seen.add(lk.url)
            urls.append(lk.url)
    return urls, len(urls), sum(len(lk.text) for lk in chosen)


def pattern_links(doc, base: str, pattern: str, *, same_site_only: bool = True) -> list[str]:
    rx = re.compile(pattern)
    urls, seen = [], set()
    for lk in _links(doc, base):
        if rx.search(lk.url) and lk.url not in seen and (not same_site_only or same_site(lk.url, base)):
            seen.add(lk.url)
            urls.append(lk.url)
    return urls


def _prose_chars(doc) -> int:
    """Characters of visible text outside links: an article has hundreds, a listing only its footer."""
    nodes = doc.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)"
                      " and not(ancestor::noscript) and not(ancestor::a)]")
    return sum(len("".join(str(t).split())) for t in nodes)


def looks_like_listing(doc, url: str, page_html: Optional[str] = None) -> bool:
    """A column listing rather than an article: its main link block outweighs its prose.

    URLs named like listings (``/``, ``index.html``, ``list_2.html``) or pages with pagination need less
    evidence; an article with a short "related reports" box keeps more prose than link text.
    """
    if doc is None:
        return False
    base = _base_url(doc, url)
    urls, n, link_chars = main_block_links(doc, base)
    prose = _prose_chars(doc)
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    hinted = not name or bool(_LISTING_NAME.match(name)) or bool(pagination_links(doc, base, page_html))
    if hinted:
        return n >= MIN_BLOCK_LINKS and link_chars >= 0.3 * prose
    return n >= LISTING_MIN_LINKS and link_chars >= prose


def _create_page_urls(html: str, base: str) -> list[str]:
    """Pages named by TRS-style ``createPageHTML(total, current, "index", "html")`` calls.

    TRS numbers pages ``index.html, index_1.html … index_{total-1}.html`` in the listing's folder.
    Variants put a container id first (``createPageHTML('page', 8, 1, 'index', 'html')``): the first two
    integers are total and current, the last two strings name and extension.
    """
    out = []
    for m in _CREATE_PAGE.finditer(html):
        args = [a.strip() for a in m.group(1).split(",")]
        ints = [int(a) for a in args if re.fullmatch(r"\d+", a)]
        strs = [a.strip("\"'") for a in args if re.fullmatch(r"""(["']).*\1""", a)]
        if not ints or len(strs) < 2:
            continue  # the function definition itself, or an unknown variant
        total = ints[0]
        name, ext = strs[-2], strs[-1]
        if not re.fullmatch(r"[A-Za-z]{2,6}", ext) or not name:
            continue
        for i in range(total):
            out.append(normalize_url(urljoin(base, f"{name}.{ext}" if i == 0 else f"{name}_{i}.{ext}")))
    return out


def _page_number(url: str) -> Optional[tuple[str, int]]:
    """``(pattern key, n)`` for a paged URL: ``.../index_3.html`` or ``...?page=3``."""
    p = urlsplit(url)
    name = p.path.rsplit("/", 1)[-1]
    m = _PAGED_NAME.match(name)
    if m and not p.query:
        return f"path:{p.path[:len(p.path) - len(name)]}{m['stem']}|{m['ext']}", int(m["n"])
    for k, v in parse_qsl(p.query, keep_blank_values=True):
        if k.lower() in _PAGE_PARAMS and v.isdigit():
            rest = sorted((k2, v2) for k2, v2 in parse_qsl(p.query, keep_blank_values=True) if k2 != k)
            return f"query:{p.path}|{k}|{rest}", int(v)
    return None


def _expand_last(first: str, last: str) -> list[str]:
    """All pages up to the 尾页 link ``last``, when it numbers its pages (index_9.html, ?page=9)."""
    pn = _page_number(last)
    if pn is None:
        return []
    key, n = pn
    p = urlsplit(last)
    out = []
    if key.startswith("path:"):
        m = _PAGED_NAME.match(p.path.rsplit("/", 1)[-1])
        folder = p.path[:p.path.rfind("/") + 1]
        for i in range(1, n + 1):
            out.append(p._replace(path=f"{folder}{m['stem']}_{i}{m['ext']}").geturl())
    else:
        k = key.split("|")[1]
        start = 0 if n == 0 else (0 if "0" in {v for kk, v in parse_qsl(urlsplit(first).query) if kk == k} else 1)
        for i in range(max(start, 1), n + 1):
            q = "&".join(f"{kk}={i if kk == k else vv}" for kk, vv in parse_qsl(p.query, keep_blank_values=True))
            out.append(p._replace(query=q).geturl())
    return [normalize_url(u) for u in out]


def pagination_links(doc, base: str, page_html: Optional[str]) -> list[str]:
    """Other pages of the same listing, next page first."""
    if doc is None:
        return []
    nxt, last, numbered = [], [], []
    this = normalize_url(base)
    base_pn = _page_number(this)
    for lk in _links(doc, base):
        if lk.url == this or not same_site(lk.url, base) or _is_attachment_url(lk.url):
            continue
        t = lk.text.replace(" ", "").lower()
        cls = (lk.el.get("class") or "").lower()
        if t in _NEXT_TEXTS or "next" in cls.split():
            nxt.append(lk.url)
        elif t in _LAST_TEXTS or "last" in cls.split():
            last.append(lk.url)
        elif t.isdigit() and len(t) <= 4:
            pn = _page_number(lk.url)
            # a numbered link is a page of this listing when it follows the same numbering, or is the
            # numbered sibling of an unnumbered first page (index.html -> index_2.html)
            if pn and (base_pn is None or pn[0] == base_pn[0]):
                numbered.append(lk.url)
    out = nxt + numbered
    for u in last:
        out.extend(_expand_last(this, u))
        out.append(u)
    if page_html:
        out.extend(_create_page_urls(page_html, base))
    seen, res = set(), []
    for u in out:
        if u not in seen and u != this:
            seen.add(u)
            res.append(u)
    return res


# --------------------------------------------------------------------------------------------------
# planning and fetching

def _read_listing_page(res: FetchResult) -> tuple[object, str, str]:
    text = decode_page(res.raw or b"", res.http_charset)
    doc = parse_html(text)
    base = _base_url(doc, res.final_url or res.url) if doc is not None else (res.final_url or res.url)
    return doc, text, base


def _article_links(doc, base: str, options: CrawlOptions) -> list[str]:
    if doc is None:
        return []
    if options.link_pattern:
        return pattern_links(doc, base, options.link_pattern, same_site_only=options.same_site)
    return main_block_links(doc, base, same_site_only=options.same_site)[0]


def plan(specs: Iterable[str], fetcher: Fetcher, options: Optional[CrawlOptions] = None) -> Plan:
    """Expand ``specs`` (URLs, ``@file`` of URLs) into the document URLs to fetch.

    Listing pages are fetched (through ``fetcher``, so they are logged, stored and conditional on
    re-runs) and read here; an article spec fetched to tell it from a listing is kept in
    ``Plan.prefetched`` so it is not fetched twice.
    """
    options = options or CrawlOptions()
    if options.mode not in ("auto", "list", "page"):
        raise ValueError(f"mode must be auto, list or page, not {options.mode!r}")
    if options.link_pattern:
        re.compile(options.link_pattern)  # fail early on a bad pattern (usage error, not a fetch error)
    p = Plan()
    seen: set[str] = set()
    harvested = 0

    def add_doc(url: str, res: Optional[FetchResult] = None) -> None:
        if url in seen:
            return
        seen.add(url)
        p.urls.append(url)
        if res is not None:
            p.prefetched[url] = res

    for spec in _expand_specs(specs, p):
        url = normalize_url(spec)
        if urlsplit(url).scheme not in ("http", "https"):
            p.failures.append(FetchResult(url=spec, error=f"fetch: Refused: not an http(s) URL: {spec!r}"))
            continue
        if url in seen:
            continue
        if options.mode == "page" or (options.mode == "auto" and _is_attachment_url(url)):
            add_doc(url)
            continue
        first = fetcher.fetch(url, role="listing" if options.mode == "list" else "document")
        if not first.ok:
            if options.mode == "list" or first.attachment:
                if first.attachment:
                    first.role = "document"
                    add_doc(url, first)
                else:
                    p.failures.append(first)
                continue
            # auto: a failed spec is reported as the document it was meant to be
            first.role = "document"
            add_doc(url, first)
            continue
        doc, text, base = _read_listing_page(first)
        is_listing = options.mode == "list" or (
            bool(_article_links(doc, base, options)) if options.link_pattern else looks_like_listing(doc, url, text))
        if not is_listing:
            first.role = "document"
            add_doc(url, first)
            continue
        # a listing: read it and its other pages, breadth-first in the order pages are discovered
        queue, queued = [url], {url}
        pages = 0
        page_res: Optional[FetchResult] = first
        while queue and pages < options.max_pages:
            page_url = queue.pop(0)
            res = page_res if page_res is not None else fetcher.fetch(page_url, role="listing")
            page_res = None
            pages += 1
            if not res.ok:
                res.role = "listing"
                p.failures.append(res)
                continue
            p.listings.append(page_url)
            if res is not first:
                doc, text, base = _read_listing_page(res)
            found = _article_links(doc, base, options)
            if not found:
                p.notes.append(f"{page_url}: listing page without article links")
            for art in found:
                if art in seen or art in queued:
                    continue
                if harvested >= options.max_documents:
                    break
                add_doc(art)
                harvested += 1
            for nxt in pagination_links(doc, base, text):
                if nxt not in queued and nxt not in seen:
                    queued.add(nxt)
                    queue.append(nxt)
            if harvested >= options.max_documents:
                p.notes.append(f"max_documents ({options.max_documents}) reached at {page_url}")
                break
        if queue and pages >= options.max_pages:
            p.notes.append(f"{url}: max_pages ({options.max_pages}) reached; {len(queue)} more pages not read")
    return p


def _expand_specs(specs: Iterable[str], p: Plan) -> Iterator[str]:
    for spec in specs:
        spec = spec.strip()
        if spec.startswith("@"):
            path = spec[1:]
            try:
                yield from read_url_file(path)
            except (OSError, UnicodeDecodeError) as e:
                p.failures.append(FetchResult(url=spec, error=f"read: {type(e).__name__}: {e}"))
        elif spec:
            yield spec


def fetch_planned(p: Plan, fetcher: Fetcher) -> Iterator[FetchResult]:
    """Every failure of the plan, then one result per document URL in plan order (concurrently fetched)."""
    yield from p.failures
    todo = [u for u in p.urls if u not in p.prefetched]
    fetched = fetcher.fetch_many(todo, role="document")
    for u in p.urls:
        if u in p.prefetched:
            yield p.prefetched[u]
        else:
            yield next(fetched)


def expand_and_fetch(specs: Iterable[str], out_dir: Optional[str | Path],
                     config: Optional[FetchConfig] = None,
                     options: Optional[CrawlOptions] = None) -> Iterator[FetchResult]:
    """Fetch every document named by ``specs`` into ``out_dir``; yields one ``FetchResult`` per document
    URL and per failed spec/listing page.  Listing pages that were read fine are not yielded (they are in
    the fetch log)."""
    with Fetcher(out_dir, config) as fetcher:
        yield from fetch_planned(plan(specs, fetcher, options), fetcher)


__all__ = ["CrawlOptions", "Plan", "plan", "fetch_planned", "expand_and_fetch", "read_url_file",
           "main_block_links", "pagination_links", "looks_like_listing", "normalize_url", "same_site",
           "FetchConfig", "FetchResult", "Fetcher"]
