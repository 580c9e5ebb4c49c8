"""Boilerplate removal for Chinese government report / news pages.

``clean_html(raw)`` turns page bytes into a :class:`CleanedDocument`:

1. decode (``decode.py``) and parse with lxml; when libxml2 visibly loses text (it silently drops
   content after some malformed markup) the page is re-parsed with html5lib, a browser-grade parser;
2. drop what a reader never sees: scripts, styles, forms controls, comments and hidden elements
   (inline ``display:none``/``visibility:hidden``, the ``hidden`` attribute, and classes/ids hidden by
   simple rules in the page's own ``<style>`` blocks).  Large hidden blocks are kept aside: a hidden
   read-aloud / elderly-mode copy of the article is the *unedited* original, which exposes injected
   spam in the visible copy;
3. read government meta tags (ArticleTitle, PubDate, SiteName, ...) and find the headline;
4. pick the article container: known CMS containers first (lexicons/clean_containers.txt), else a
   Readability-style density score over the tree (paragraph text with Chinese punctuation, minus link
   text, class/id hints from lexicons/clean_class_hints.tsv);
5. linearise the container into lines (one block per line, ``<br>`` breaks, table rows as TAB-joined
   cells) and drop furniture lines (lexicons/clean_lines.tsv): widgets, bylines, editor lines,
   related-links and attachment blocks, pagers, info-disclosure tables, repeated headline, duplicates;
6. find and remove injected spam (lexicons/clean_spam.tsv + hidden-copy comparison), always warning;
7. classify the page: ``ok``, ``not_an_article`` (portal/list/redirect), ``js_rendered``, ``empty``.

Warnings are ``kind: detail`` strings: ``spam_injection:`` (removed), ``spam_signal:`` (flagged, kept),
``duplicate_body:``, ``not_an_article:``, ``js_rendered:``, ``empty:`` and the decoder's ``encoding_*:``,
e.g. ``spam_injection: 环球国际(中国)官方网站``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from lxml import etree

from .decode import decode_bytes, read_text_file, sniff_binary
from .model import CleanedDocument

LEXICON_DIR = Path(__file__).with_name("lexicons")

# --------------------------------------------------------------------------------------------------
# lexicons


def _lexicon_lines(name: str) -> list[str]:
    out = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        st = line.strip()
        # comments are "# …" ("#" then a space); "#zoom" is an id selector, not a comment
        if st and not (st == "#" or st.startswith("# ")):
            out.append(line.rstrip("\n"))
    return out


@lru_cache(maxsize=None)
def _tsv(name: str) -> tuple[tuple[str, re.Pattern], ...]:
    rows = []
    for line in _lexicon_lines(name):
        kind, _, rx = line.partition("\t")
        rows.append((kind.strip(), re.compile(rx)))
    return tuple(rows)


@lru_cache(maxsize=None)
def _containers() -> tuple[tuple[str | None, str | None, str | None], ...]:
    """Parsed selectors: (tag, id, class), any part may be None."""
    sels = []
    for s in _lexicon_lines("clean_containers.txt"):
        s = s.strip()
        m = re.fullmatch(r"([A-Za-z][\w-]*)?(?:#([\w-]+))?(?:\.([\w-]+))?", s)
        if m and any(m.groups()):
            sels.append(tuple(g.lower() if g else None for g in m.groups()))
    return tuple(sels)


@lru_cache(maxsize=None)
def _class_hints() -> tuple[re.Pattern, re.Pattern]:
    d = {k: rx.pattern for k, rx in _tsv("clean_class_hints.tsv")}
    # Tokens are matched as whole words inside class/id values split on -, _ and digits.
    pos = re.compile(r"(?:^|[\s_\-\d])(?:%s)(?:$|[\s_\-\d])" % d["positive"], re.I)
    neg = re.compile(r"(?:^|[\s_\-\d])(?:%s)(?:$|[\s_\-\d])" % d["negative"], re.I)
    return pos, neg


@lru_cache(maxsize=None)
def _line_rules(kind: str) -> tuple[re.Pattern, ...]:
    return tuple(rx for k, rx in _tsv("clean_lines.tsv") if k == kind)


@lru_cache(maxsize=None)
def _line_rule(kind: str) -> re.Pattern:
    """All rules of one kind as a single alternation (one scan per line instead of one per rule)."""
    return re.compile("|".join(f"(?:{rx.pattern})" for rx in _line_rules(kind)))


@lru_cache(maxsize=None)
def _spam_rules(kind: str) -> tuple[re.Pattern, ...]:
    return tuple(rx for k, rx in _tsv("clean_spam.tsv") if k == kind)


# --------------------------------------------------------------------------------------------------
# text helpers

_WS = re.compile(r"[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENT_PUNCT = re.compile(r"[。！？；，、：]")
_LETTERS = re.compile(r"[^\W\d_]", re.U)  # letters of any script


def _collapse(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _squash(s: str) -> str:
    """Whitespace-free, width-folded form used for comparisons."""
    s = _WS.sub("", s or "")
    if _NEEDS_FOLD.search(s):
        s = s.translate(_FOLD)
    return s.replace("&nbsp;", "") if "&" in s else s


# Full-width digits and letters, the ideographic space and the ratio sign (used as a colon in times
# such as 10∶08) folded to ASCII: the part of NFKC the line rules need.  Full-width punctuation is left
# alone (the rules accept both forms).  A regex pre-check keeps the common case (nothing to fold) at C
# speed; NFKC proper costs ~0.3 µs per CJK character, which dominated the run time on long documents.
_FOLD = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for cp in range(*r)}
_FOLD[0x3000] = 0x20
_FOLD[0x2236] = 0x3A
_NEEDS_FOLD = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u2236]")


def _nfkc(s: str) -> str:
    return s.translate(_FOLD) if _NEEDS_FOLD.search(s) else s


# --------------------------------------------------------------------------------------------------
# parsing

_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
              "svg", "canvas", "select", "option", "textarea", "button", "input", "map", "area", "audio",
              "video", "source", "track", "marquee", "head", "title", "link", "meta", "base", "dialog"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li",
               "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
               "td", "th", "tbody", "thead", "tfoot", "caption", "center", "figure", "figcaption", "form",
               "fieldset", "address", "hr", "br", "body", "html", "ucapcontent", "ucaptitle", "details",
               "summary", "legend", "option", "menu", "dir", "hgroup", "o:p"}


def _ci_finder(pattern: str):
    """``lambda s: re.search(pattern, s, re.I) is not None`` for a lower-case ``pattern``, faster:
    case-insensitive matching is slow in ``re`` (no fast scan for the first letters).  CSS is ASCII,
    where lower-casing first is exact; other text keeps re.I, which also folds a few non-ASCII
    letters (ı, İ, ſ) that lower() does not."""
    rx_i, rx_lower = re.compile(pattern, re.I), re.compile(pattern)

    def found(s: str) -> bool:
        if s.isascii():
            return rx_lower.search(s.lower()) is not None
        return rx_i.search(s) is not None
    return found


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_hides = _ci_finder(_HIDDEN_STYLE.pattern)


def _text(el) -> str:
    """``"".join(el.itertext())`` (text of the element and its descendants, their tails, no comments),
    serialised by libxml2: the same string, 5x faster than the itertext iterator.  An element without
    children (no sub-elements, comments or PIs) is just its text: no serialiser set-up (~1 µs)."""
    if not len(el):
        return el.text or ""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _tag(el) -> str:
    """Tag name; "" for comments and processing instructions.  Both parsers used here (libxml2's
    HTML parser, html5lib without namespaces) already produce lower-case names."""
    t = el.tag
    return t if t.__class__ is str else ""


class NotHTMLError(ValueError):
    """The input is a binary file (image, PDF, archive, Office file ...), not a page.

    The only exception ``clean_html`` raises on purpose; ``pipeline.process.process_document`` records
    it on the document (``status="error"``, ``error="clean: NotHTMLError: <format> ..."``)."""


# Parser safety (issue 7).  libxml2's HTML parser never loads DTDs, never expands entities declared
# in the document and never executes scripts; the options below make the rest explicit:
#   no_network=True    no URL is ever fetched (DTDs, XIncludes, entities);
#   remove_pis=True    processing instructions (<?xml-stylesheet …?>) are dropped;
#   huge_tree=False    by default: libxml2 then caps nesting at 256 levels (our linearizer recurses
#                      once per level, Python's limit is 1000) and any single buffer at 10 MB.
# The 10 MB buffer cap silently truncates legitimate big pages (Word exports with inline base64
# images reach 20 MB), so a page that hits it is re-parsed with huge_tree=True.  Memory stays bounded
# by the input size, which ``process.MAX_DOCUMENT_BYTES`` caps before parsing; the depth limit is then
# re-checked on the tree (MAX_DEPTH) since huge_tree raises libxml2's own cap to 2048.
# Document-type declarations are removed before parsing (``_prepare``): an internal subset
# (<!DOCTYPE x [<!ENTITY …>]>: billion laughs, XXE) is never handed to any parser, and html5lib's
# lxml tree builder would otherwise re-parse the doctype with lxml's *XML* parser.
# collect_ids=False: no ID hash table (only getElementById/XPath id() read it; we use neither)
_PARSER_OPTS = dict(remove_pis=True, no_network=True, recover=True, remove_comments=False, collect_ids=False)
MAX_DEPTH = 256
_HUGE_LIMIT = re.compile(r"Buffer size limit|huge text node|too long|XML_PARSE_HUGE", re.I)


def _new_parser(huge: bool = False):
    # a fresh parser per document: its error_log is read afterwards, and flows parse in threads
    return etree.HTMLParser(huge_tree=huge, **_PARSER_OPTS)


_XML_DECL_RX = re.compile(r"^\s*<\?xml[^>]*>")
# <!DOCTYPE …> with an optional internal subset [...]; the subset may span lines and hold '>'
_DOCTYPE_RX = re.compile(r"<!DOCTYPE\b[^\[>]*(\[.*?\]\s*)?>", re.I | re.S)
_ENTITY_DECL = re.compile(r"<!ENTITY\b", re.I)


def _ci(word: str) -> str:
    """Case-insensitive pattern for an ASCII word, spelled out as character classes: exactly what re.I
    matches (it also folds ı/İ to i and ſ to s), but without re.I, whose per-character case folding
    makes scanning a whole page ~1.5x slower."""
    fold = {"i": "İı", "s": "ſ"}
    return "".join(f"[{c}{c.upper()}{fold.get(c, '')}]" if c.isalpha() else c for c in word)


# Unclosed-tag count: one cheap prefix pattern over the whole page, block containers only (an
# unclosed <b>/<span>/<a> changes no structure, and inline tags are most of a page's tags: counting
# them cost 3x).  Tags inside scripts are counted too (excluding them doubled the cost); no page of
# ../shared/corpus, samples/ or tests/fixtures reaches the warning threshold either way.
_COUNTED_TAG = re.compile(r"<(/?)(%s)[\s>/]" % "|".join(
    _ci(t) for t in ("div", "table", "tr", "td", "ul", "ol", "section", "article", "center")))
_BODY_TAG = re.compile(r"<body", re.I)
_HTML_TAG = re.compile(r"<html", re.I)
_BODY_OR_HTML_END = re.compile(r"</(?:body|html)", re.I)


def _unclosed_tags(text: str) -> dict:
    opened: dict = {}
    # Counter counts in C; its keys keep first-appearance order, so ``opened`` does too
    for (close, tag), k in Counter(_COUNTED_TAG.findall(text)).items():
        opened[tag] = opened.get(tag, 0) + (-k if close else k)
    merged: dict = {}
    for tag, k in opened.items():  # <DIV> and <div> alike
        merged[tag.lower()] = merged.get(tag.lower(), 0) + k
    return {t: k for t, k in merged.items() if k > 0}


def _prepare(text: str, warnings: list[str]) -> str:
    """Make page text safe and parseable; every change that can matter is reported in ``warnings``."""
    text = _XML_DECL_RX.sub("", text, count=1)
    head = text[:65536]
    m = _DOCTYPE_RX.search(head)
    if m and m.group(1):
        n = len(_ENTITY_DECL.findall(m.group(1)))
        warnings.append(f"doctype_internal_subset: DOCTYPE with an internal subset ({n} entity declarations) "
                        "removed; entities are never expanded or fetched")
    if m:
        text = text[:m.start()] + text[m.end():]
    if "<!ENTITY" in text or "<!entity" in text:  # stray declarations outside a doctype: inert, drop
        text = re.sub(r"(?is)<!ENTITY\b[^>]*>", "", text)
    # re.I searches instead of head.lower(): lower-casing 64 KB of CJK text costs more than the scans
    # (and finds the same: no non-ASCII letter lower-cases to, or folds to, a letter of "body"/"html")
    body_in_head = _BODY_TAG.search(head) is not None
    if not body_in_head and not _BODY_TAG.search(text) and re.search(r"(?i)<(html|head|p|div)\b", head):
        warnings.append("no_body: the page has no <body> tag; everything after <head> was read as the body")
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
        warnings.append(f"nul_bytes: {nul} NUL character{'s' if nul != 1 else ''} removed")
    low_tail = text[-4096:].lower()
    if ("</html" not in low_tail and "</body" not in low_tail) and (body_in_head or _HTML_TAG.search(head)) \
            and not _BODY_OR_HTML_END.search(text):
        tail = _collapse(text[-40:])
        warnings.append(f"truncated_html: the page ends without </body> or </html> (incomplete download or "
                        f"save?); text up to the cut is kept; it ends with {tail!r}")
    if len(text) < 5_000_000:  # a markup sanity count; skipped on huge pages (cost, not safety)
        unclosed = _unclosed_tags(text)
        if sum(unclosed.values()) >= 3:  # real templates are off by one or two at most
            detail = ", ".join(f"<{t}>×{n}" for t, n in sorted(unclosed.items(), key=lambda x: -x[1]))
            warnings.append(f"unclosed_tags: {sum(unclosed.values())} elements never closed ({detail}); "
                            "the parser closed them where a browser would")
    return text


_FLAT_KEEP = frozenset(("html", "head", "body", "title", "meta", "script", "style", "br", "noscript"))


def _flatten(text: str) -> str:
    """Markup without nesting: block tags become paragraph breaks, inline tags disappear."""
    def repl(m):
        tg = m.group(1).lower()
        if tg in _FLAT_KEEP:
            return m.group(0)
        return "<p>" if tg in _BLOCK_TAGS else ""
    return re.sub(r"</?([a-zA-Z][\w:-]*)\b[^>]*>", repl, text)


def _depth(root) -> int:
    d = mx = 0
    for ev, _ in etree.iterwalk(root, events=("start", "end")):
        if ev == "start":
            d += 1
            if d > mx:
                mx = d
        else:
            d -= 1
    return mx


def _lxml_parse(text: str, huge: bool = False):
    """(root or None, error log text)."""
    parser = _new_parser(huge)
    try:
        root = etree.fromstring(text, parser) if text.strip() else None
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    return root, " ".join(str(e) for e in parser.error_log if e.level_name == "FATAL"
                          or "depth" in str(e).lower() or "limit" in str(e).lower())


def parse_html(text: str, warnings: list[str] | None = None):
    """lxml parse; html5lib when libxml2 evidently mis-built the document.

    After some malformed markup libxml2 closes the document early and hangs the rest of the page
    off a *second* top-level ``<html>`` element (gov.cn gongbao pages lose their whole body that way);
    that is cheap to see.  html5lib builds the tree like a browser but is pure Python (10-30x
    slower), so it is only the fallback.  Resource limits (see the notes above ``_new_parser``):
    a page over libxml2's 10 MB buffer cap is re-parsed with huge_tree, a page nested deeper than
    MAX_DEPTH is flattened; both are reported in ``warnings``."""
    warnings = warnings if warnings is not None else []
    text = _prepare(text, warnings)
    root, errors = _lxml_parse(text)
    if root is not None and _HUGE_LIMIT.search(errors) and "depth" not in errors.lower():
        root, errors = _lxml_parse(text, huge=True)
        warnings.append(f"large_page: {len(text):,} characters, over libxml2's 10 MB buffer limit; "
                        "parsed with huge_tree")
        if root is not None and "depth" not in errors.lower() and _depth(root) > MAX_DEPTH:
            errors += " Excessive depth"
    if "depth" in errors.lower():
        warnings.append(f"deep_nesting: markup nested deeper than {MAX_DEPTH} levels; the page was flattened "
                        "to paragraphs (layout and hidden-element rules ignored) so no text is lost")
        root, errors = _lxml_parse(_flatten(text))
    if root is None:
        root = etree.fromstring("<html><body></body></html>", _new_parser())
    need_html5 = False
    for sib in root.itersiblings():
        if isinstance(sib.tag, str):
            lost = _cjk_len(" ".join(sib.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")))
            need_html5 = need_html5 or lost >= 50
    if not need_html5 and len(text) > 5000 and len(root) < 2 and _cjk_len(text) > 200 > _cjk_len(
            " ".join(root.xpath(".//text()[not(ancestor::script)]"))):
        need_html5 = True  # libxml2 gave up early altogether
    if need_html5:
        import warnings as _w

        import html5lib  # slow (pure Python): only when libxml2 lost content

        with _w.catch_warnings():
            _w.simplefilter("ignore")  # DataLossWarning about non-XML names (Word's o:p etc.)
            root5 = html5lib.parse(text, treebuilder="lxml", namespaceHTMLElements=False).getroot()
        if _depth(root5) > MAX_DEPTH:  # html5lib has no depth limit; the linearizer recurses
            warnings.append(f"deep_nesting: markup nested deeper than {MAX_DEPTH} levels; the page was "
                            "flattened to paragraphs")
            root, _ = _lxml_parse(_flatten(text))
            root = root if root is not None else etree.fromstring("<html><body></body></html>", _new_parser())
        else:
            root = root5
            warnings.append("parser_fallback: libxml2 lost text after malformed markup; page re-parsed with html5lib")
    return root


# --------------------------------------------------------------------------------------------------
# page-level information: meta tags, CSS-hidden selectors

GOV_META = ("ArticleTitle", "PubDate", "ContentSource", "SiteName", "ColumnName", "Keywords", "Description",
            "Url")
_META_CANON = {k.lower(): k for k in GOV_META}
_META_CANON.update({"sitename": "SiteName", "og:site_name": "SiteName", "keywords": "Keywords",
                    "description": "Description", "url": "Url", "columnname": "ColumnName",
                    "contentsource": "ContentSource", "pubdate": "PubDate", "articletitle": "ArticleTitle"})
_EXTRA_DATE_META = ("publishdate", "publish_date", "article:published_time", "og:release_date", "created",
                    "firstpublishedtime", "publishtime", "releasedate", "dc.date")


def _read_meta(root) -> tuple[dict, dict]:
    gov, other = {}, {}
    for m in root.iter("meta"):
        name = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip()
        content = m.get("content")
        if not name or content is None:
            continue
        content = _collapse(content)
        canon = _META_CANON.get(name.lower())
        if canon:
            gov.setdefault(canon, content)
        else:
            other.setdefault(name.lower(), content)
    return gov, other




_BRACE = re.compile(r"[{}]")
_SIMPLE_SEL = re.compile(r"[a-zA-Z]*([.#])([\w-]+)")


def _css_hidden(root) -> tuple[set, set]:
    """Classes and ids hidden by simple top-level rules in inline ``<style>`` blocks.

    Only plain ``.cls`` / ``#id`` / ``tag.cls`` selectors outside ``@media``/``@supports`` blocks count:
    a rule that depends on context (descendant selectors, pseudo classes, media queries) hides nothing
    for sure.  A linear scan with str.find: saved pages can carry 100+ KB stylesheets (browser
    extensions inline theirs with base64 images), where regexes with nested repetition crawl.
    """
    classes, ids = set(), set()
    for st in root.iter("style"):
        css = st.text or ""
        if "none" not in css and "hidden" not in css:
            continue
        if "/*" in css:
            css = re.sub(r"(?s)/\*.*?\*/", "", css)
        pos, n = 0, len(css)
        while pos < n:
            i = css.find("{", pos)
            if i < 0:
                break
            sel = css[pos:i].strip()
            if sel.startswith("@"):  # at-rule block: skip it whole, nested braces included
                depth, j = 1, i + 1
                while depth:
                    m = _BRACE.search(css, j)
                    if not m:
                        j = n
                        break
                    depth += 1 if m.group() == "{" else -1
                    j = m.end()
                pos = j
                continue
            k = css.find("}", i)
            if k < 0:
                break
            body = css[i + 1:k]
            if ("none" in body or "hidden" in body) and _hides(body):
                for sel1 in sel.split(","):
                    m = _SIMPLE_SEL.fullmatch(sel1.strip())
                    if m:
                        (classes if m.group(1) == "." else ids).add(m.group(2))
            pos = k + 1
    return classes, ids


def _remove(el):
    """Remove an element but keep its tail text (it belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _prune(root) -> list[str]:
    """Drop invisible elements in place; return the text of large hidden blocks (kept for spam checks).

    Tag-based removal runs in libxml2 (strip_elements); the attribute checks use plain substring
    tests before any regex, since Word-made pages carry thousands of ``style`` attributes."""
    hid_classes, hid_ids = _css_hidden(root)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_DROP_TAGS, with_tail=False)
    doomed = []
    check_attrs = bool(hid_classes or hid_ids)
    for el in root.iter():  # one pass, cheap substring tests first (XPath is slower here)
        st = el.get("style")
        if st is not None and ("display" in st or "visib" in st or "DISPLAY" in st or "VISIB" in st) \
                and _hides(st):
            doomed.append(el)
        elif el.get("hidden") is not None:
            doomed.append(el)
        elif check_attrs:
            cls = el.get("class")
            if (cls is not None and hid_classes and not hid_classes.isdisjoint(cls.split())) \
                    or (hid_ids and el.get("id") in hid_ids):
                doomed.append(el)
    hidden_texts: list[str] = []
    for el in doomed:
        if el.tag in ("html", "body"):
            continue
        # big enough to be a copy of (part of) the article?  Counted on the fast serialisation first
        # (same CJK count: only the separators differ), most hidden blocks are small menus
        if _cjk_len(_text(el)) >= 60:
            hidden_texts.append(_collapse(" ".join(el.itertext())))
        _remove(el)
    return hidden_texts


# --------------------------------------------------------------------------------------------------
# linearisation


@dataclass
class Line:
    text: str
    pos: int  # preorder index of the element that opened the line
    link_chars: int = 0
    table: bool = False  # a data-table row (cells joined by TAB)
    heading: bool = False
    table_id: int = -1  # preorder index of the data table a row belongs to
    centered: bool = False  # the block is centred (headline copies, subtitles, signatures, captions)

    @property
    def link_ratio(self) -> float:
        n = len(_WS.sub("", self.text))
        return self.link_chars / n if n else 0.0


def _number(root) -> dict:
    """Preorder index of every element (keys in preorder: a subtree is a contiguous run of them)."""
    order = {}
    for i, el in enumerate(root.iter()):
        order[el] = i
    return order


def _subtree_end(el, order) -> int:
    last = el
    while len(last):
        last = last[-1]
    return order.get(last, order[el])


def _subtree(el, order) -> list:
    """``list(el.iter())`` read off the numbering: the passes over the body share one list instead of
    each walking the tree again."""
    return list(islice(order, order[el], _subtree_end(el, order) + 1))


def _is_layout_table(tbl) -> bool:
    if tbl.find(".//table") is not None:
        return True
    if tbl.find(".//tr") is None:
        return True
    for td in tbl.iter("td", "th"):
        cell = _text(td)
        if len(cell) > 160 and len(_WS.sub("", cell)) > 160:  # (white space only shortens it)
            return True
        # a cell holding several paragraphs/blocks is page layout, not a data cell (td itself is none
        # of these tags; two are enough to decide; most cells have no child element at all)
        if len(td) and len(list(islice(td.iter("p", "div", "ul", "ol", "h1", "h2", "h3", "h4"), 2))) >= 2:
            return True
    return False


_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
_centers = _ci_finder(_CENTER_STYLE.pattern)
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_TITLE_TAGS = frozenset(("h1", "h2", "h3"))  # headline candidates whatever their class


class _Linearizer:
    def __init__(self, order: dict):
        self.order = order
        self.lines: list[Line] = []
        self.buf: list[str] = []
        self.has_text = False
        self.link = 0
        self.pos = 0
        self.heading = False
        self.centered = False

    def flush(self):
        # called at every block boundary, mostly with nothing (or only white space) buffered
        if self.has_text:
            text = _collapse("".join(self.buf))
            self.lines.append(Line(text, self.pos, self.link, heading=self.heading, centered=self.centered))
            self.has_text = False
            self.link = 0  # (only text that is not all white space counts as link characters)
        if self.buf:
            self.buf = []
        self.heading = False

    def add(self, s: str, el, in_link: bool, centered: bool):
        """Append non-empty text ``s`` (callers test for None/"": most nodes have no text)."""
        if not self.has_text and not s.isspace():
            self.pos = self.order.get(el, self.pos)
            self.has_text = True
            self.centered = centered
        self.buf.append(s)
        if in_link:
            self.link += len(_WS.sub("", s))
    def walk(self, el, in_link=False, centered=False):
        # the hottest loop of the cleaner (every element of the body): tests inlined, no helper calls
        tg = el.tag
        if tg.__class__ is not str:  # comment / processing instruction
            return
        if tg == "br":
            self.flush()
            return
        if tg == "table" and not _is_layout_table(el):
            self.flush()
            self.table(el)
            return
        block = tg in _BLOCK_TAGS
        if block:
            self.flush()
            if tg in _HEADING_TAGS:
                self.heading = True
            style = el.get("style")
            centered = (tg == "center" or (el.get("align") or "").lower() == "center"
                        or bool(style and _centers(style)))
        link = in_link or tg == "a"
        text = el.text
        if text:
            self.add(text, el, link, centered)
        for ch in el[:]:  # (a list of the children: half the cost of lxml's child iterator)
            self.walk(ch, link, centered)
            tail = ch.tail
            if tail and ch.tag.__class__ is str:
                if tail.isspace():  # indentation between tags: all add() would do is buffer it
                    self.buf.append(tail)
                else:
                    self.add(tail, el, link, centered)
        if block:
            self.flush()

    def table(self, tbl):
        for tr in tbl.iter("tr"):
            cells = []
            link = 0
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                parts = []
                for node in td.iter():
                    tg = node.tag
                    if tg.__class__ is str:  # not a comment (their text is not shown; tails are)
                        if tg == "br":
                            parts.append(" ")
                        text = node.text
                        if text:
                            parts.append(text)
                            if tg == "a":
                                link += len(_WS.sub("", text))
                    if node is not td:
                        tail = node.tail
                        if tail:
                            parts.append(tail)
                cells.append(_collapse(" ".join(parts) if len(parts) > 1 else "".join(parts)))
            if any(cells):
                while cells and not cells[-1]:
                    cells.pop()
                self.lines.append(Line("\t".join(cells), self.order.get(tr, 0), link, table=True,
                                       table_id=self.order.get(tbl, -1)))


def linearize(el, order) -> list[Line]:
    lz = _Linearizer(order)
    lz.walk(el)
    lz.flush()
    return lz.lines


# --------------------------------------------------------------------------------------------------
# container search


_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def _cjk_len(s: str) -> int:
    if not s or s.isascii():  # O(1) in CPython; most text nodes of a template are ASCII whitespace
        return 0
    # summing run lengths: 2x faster than counting single-character matches (one str object each)
    return sum(map(len, _CJK_RUN.findall(s)))


@lru_cache(maxsize=None)
def _container_index() -> tuple[dict, dict, dict]:
    """Selector numbers by id, by class and by tag (for selectors with neither)."""
    by_id, by_cls, by_tag = {}, {}, {}
    for i, (tag, id_, cls) in enumerate(_containers()):
        if id_:
            by_id.setdefault(id_, []).append(i)
        elif cls:
            by_cls.setdefault(cls, []).append(i)
        else:
            by_tag.setdefault(tag, []).append(i)
    return by_id, by_cls, by_tag


@lru_cache(maxsize=None)
def _marked_tags() -> frozenset:
    return frozenset(_container_index()[2]) | _TITLE_TAGS


def _marked(els) -> list[tuple]:
    """(element, tag, id, class) of the elements the container and headline searches look at: those
    with an id or a class, and bare tags either search names (h1-h3, tag-only container selectors).
    Read once for both searches: ``el.get`` is most of what a pass over the tree costs."""
    tags = _marked_tags()
    out = []
    for el in els:
        id_ = el.get("id")
        cls = el.get("class")
        tg = el.tag
        if id_ is None and cls is None and tg not in tags:
            continue
        out.append((el, tg, id_, cls))
    return out


def _known_container(body, marked=None):
    """First known CMS container (in lexicon priority) that holds real text; ``marked`` is
    ``_marked(<body elements>)`` when the caller has it.

    Returns (element, how, name of an empty known container or None)."""
    sels = _containers()
    by_id, by_cls, by_tag = _container_index()
    found: dict[int, list] = {}
    for el, tg, id_, cls in (marked if marked is not None else _marked(body.iter())):
        if id_ is None and cls is None and tg not in by_tag:
            continue
        cand = list(by_tag.get(tg, ()))
        if id_:
            cand += by_id.get(id_.lower(), ())
        if cls:
            for c in cls.lower().split():
                cand += by_cls.get(c, ())
        for i in cand:
            tag = sels[i][0]
            if tag and tag != tg:
                continue
            if sels[i][1] and sels[i][2] and sels[i][2] not in (cls or "").lower().split():
                continue
            found.setdefault(i, []).append(el)
    empty = None  # a known container that exists but holds no text (filled by JavaScript?)
    for i in sorted(found):
        tag, id_, cls = sels[i]
        name = (tag or "") + ("#" + id_ if id_ else "") + ("." + cls if cls else "")
        lens = [(_cjk_len(_text(e)), e) for e in found[i]]
        best = max(n for n, _ in lens)
        if best < 20:
            empty = empty or name
            continue
        for n, e in lens:  # document order: the normal copy comes before alternate-mode copies
            if n >= 0.3 * best:
                return e, "selector:" + name, None
    return None, None, empty


def _class_weight(el) -> float:
    pos, neg = _class_hints()
    s = " " + (el.get("class") or "") + " " + (el.get("id") or "") + " "
    if s.strip() == "":
        return 0.0
    w = 0.0
    if pos.search(s):
        w += 25
    if neg.search(s):
        w -= 25
    return w


_INLINE_TAGS = frozenset(("span", "font", "strong", "b", "em", "i", "u", "sub", "sup", "o:p", "a"))
_PARA_TAGS = frozenset(("p", "td", "pre", "div", "section", "article", "span", "font", "li", "dd", "center"))


def _text_stats(els) -> dict:
    """CJK characters under each element, and how many of them are link text: one bottom-up pass over
    ``els``, a subtree in preorder (``list(body.iter())``).  Keys in reverse preorder.

    Each node hands its sums (and its tail's count) up to its parent, instead of each element
    iterating its children: iterating children is the dearest thing lxml does per element."""
    stats: dict = {}
    below: dict = {}  # element -> [CJK, link CJK] summed over its children handled so far
    top = els[0]
    for el in reversed(els):  # children before parents
        tg = el.tag
        total = link = 0
        if tg.__class__ is str:  # (a comment or PI adds only its tail, below)
            text = el.text
            if text:
                total = _cjk_len(text)
            acc = below.pop(el, None)
            if acc is not None:
                total += acc[0]
                link = acc[1]
            if tg == "a":
                link = total
            stats[el] = (total, link)
        if el is not top:
            tail = el.tail
            if tail:
                total += _cjk_len(tail)
            parent = el.getparent()
            acc = below.get(parent)
            if acc is None:
                below[parent] = [total, link]
            else:
                acc[0] += total
                acc[1] += link
    return stats


def _density_container(body, order=None, title_pos=None, els=None):
    """Readability-style scoring: paragraphs feed their parent (fully) and grandparent (half);
    class/id hints and closeness to the headline adjust; link text discounts.  ``els`` is
    ``list(body.iter())`` when the caller has it."""
    stats = _text_stats(els if els is not None else list(body.iter()))
    scores: dict = {}
    for el, (total, link) in stats.items():
        tg = el.tag
        if tg not in _PARA_TAGS or total < 20:
            continue
        # paragraph text of this element: own text, children's tails, inline children
        parts = [el.text or ""]
        for ch in el[:]:
            ctg = ch.tag
            if ctg in _INLINE_TAGS and ctg != "a":
                parts.append(_text(ch))
            parts.append(ch.tail or "")
        txt = "".join(parts)
        n = _cjk_len(txt)
        if n < 20:
            continue
        punct = len(_SENT_PUNCT.findall(txt))
        if punct == 0 and n < 60:
            continue
        ld = link / max(1, total)
        sc = (1 + punct + min(n / 100, 3)) * (1 - ld)
        parent = el if tg in ("td", "div", "section", "article") and n > 80 else el.getparent()
        for k, anc in enumerate((parent, parent.getparent() if parent is not None else None)):
            if anc is None or anc.tag == "html":
                continue
            if anc not in scores:
                scores[anc] = _class_weight(anc)
            scores[anc] += sc if k == 0 else sc / 2
    best, best_s = None, 0.0
    for el, sc in scores.items():
        total, link = stats.get(el, (1, 0))
        adj = sc * (1 - link / max(1, total))
        if title_pos is not None and order is not None and el in order:
            # the body of an article follows its headline closely; sidebars and feeds do not
            start = order[el]
            if start <= title_pos <= _subtree_end(el, order) or 0 < start - title_pos <= 60:
                adj *= 1.5
        if adj > best_s:
            best, best_s = el, adj
    return best, best_s


# --------------------------------------------------------------------------------------------------
# headline, date, site name

_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–| - |-)\s*")


def _clean_title(s: str | None) -> str:
    if not s:
        return ""
    s = s.replace("&nbsp;", " ")
    return _collapse(s)


_HEADLINE_ATTR = re.compile(r"title|tit\b|biaoti|bt\b|headline|heading")


_DATE_ONLY = re.compile(r"^[\s\[【(（]*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
                        r"(\s*\d{1,2}[:：∶]\d{2}([:：∶]\d{2})?)?[\s\]】)）]*$")


def _headline_text(el) -> str:
    """Text of a headline element without the furniture some templates put inside it: a date
    (``<small class="PBtime">2025-04-03</small>``), a font-size widget or a byline in a child element
    (Shanghai "Article-title" templates nest all three in the ``<h2>``); and without body paragraphs
    that an unclosed headline tag swallowed."""
    parts = [el.text or ""]
    for ch in el:
        if _tag(ch):
            ct = _collapse(" ".join(ch.itertext()))
            nct = _nfkc(ct)
            furniture = ct and (_DATE_ONLY.match(nct) or _matches("widget", nct) or _matches("byline", nct)
                                 or _BYLINE_LABELS.search(nct))
            # a block of running text inside the headline: an unclosed <h1> swallowed the body
            swallowed = _tag(ch) in _BLOCK_TAGS and (len(ct) > 80 or re.search(r"[。！？]", ct))
            if not (furniture or swallowed):
                parts.append(" ".join(ch.itertext()))
        parts.append(ch.tail or "")
    return _clean_title(" ".join(p for p in parts if p))


def _find_title(root_body, gov_meta: dict, title_tag: str, site_name: str | None,
                marked=None) -> tuple[str | None, str]:
    """(headline, squashed headline).  Meta ArticleTitle when it is shown on the page, else the best
    headline-looking element that agrees with ``<title>``, else the first part of ``<title>``.
    ``marked`` is ``_marked(<body elements>)`` when the caller has it."""
    meta_t = _clean_title(gov_meta.get("ArticleTitle"))
    if meta_t and len(meta_t) >= 4:  # government pages state their headline; no element search needed
        return meta_t, _squash(meta_t)
    cands = []
    for el, tg, id_, cls in (marked if marked is not None else _marked(root_body.iter())):
        if tg not in _TITLE_TAGS:
            if not (cls or id_) or not _HEADLINE_ATTR.search(((cls or "") + " " + (id_ or "")).lower()):
                continue
        t = _headline_text(el)
        if 4 <= len(t) <= 200:
            cands.append((t, tg))
    sq_title_tag = _squash(title_tag)
    sq_site = _squash(site_name or "")
    best, best_score = None, 0.0
    for i, (t, tg) in enumerate(cands):
        sq = _squash(t)
        if sq == sq_site or (sq_site and sq in sq_site) or len(sq) < 5:
            continue
        score = 0.0
        if sq_title_tag and sq in sq_title_tag:
            score += 10 + len(sq) / 10
            if sq_title_tag.startswith(sq):
                score += 5
        elif sq_title_tag and sq_title_tag and _squash(_TITLE_SPLIT.split(title_tag)[0]) in sq:
            score += 6
        if tg == "h1":
            score += 3
        elif tg in ("h2", "h3"):
            score += 1.5
        else:
            score += 1
        if score > best_score:
            best, best_score = t, score
    if best and (best_score >= 10 or not sq_title_tag):
        return best, _squash(best)
    if title_tag:
        parts = [p for p in _TITLE_SPLIT.split(title_tag) if p.strip()]
        if parts:
            t = parts[0]
            if sq_site and _squash(t) == sq_site and len(parts) > 1:
                t = parts[1]
            if best and best_score >= 4 and _squash(best) != sq_site:
                return best, _squash(best)
            return _collapse(t), _squash(t)
    if best:
        return best, _squash(best)
    return None, ""


_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_DATE_LABEL = re.compile(r"(发布时间|发布日期|发表时间|发表日期|发文日期|更新时间|更新日期|时间|日期|发布|Date|date|Time|time)\s*[:：]?\s*$")


def _norm_date(m) -> str | None:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _labeled_date(text: str) -> str | None:
    t = _nfkc(text)
    for m in _DATE.finditer(t):
        before = t[max(0, m.start() - 12):m.start()]
        if _DATE_LABEL.search(before):
            return _norm_date(m)
    return None


def _any_date(text: str) -> str | None:
    m = _DATE.search(_nfkc(text))
    return _norm_date(m) if m else None


def _find_date(page_lines: list[Line], title_idx: int | None, c_start: int, c_end: int, meta_date: str | None):
    """The date shown with the article: labelled date in the header zone (between headline and body),
    then just after the body, then any short dated line in the header zone, then labelled dates
    anywhere, then the meta PubDate."""
    first_body = next((i for i, l in enumerate(page_lines) if c_start <= l.pos <= c_end), None)
    last_body = max((i for i, l in enumerate(page_lines) if c_start <= l.pos <= c_end), default=None)
    if first_body is None:
        first_body = title_idx + 1 if title_idx is not None else 0
        last_body = first_body
    if title_idx is not None and title_idx < first_body:
        head = page_lines[title_idx:first_body]
    else:
        lo = title_idx if title_idx is not None else max(0, first_body - 8)
        head = page_lines[lo:lo + 8] if title_idx is not None else page_lines[lo:first_body]
    head = head[-12:] if len(head) > 12 else head
    tail = page_lines[last_body + 1:last_body + 8]
    body_head = page_lines[first_body:first_body + 4]
    for zone in (head, body_head, tail):
        for l in zone:
            d = _labeled_date(l.text)
            if d:
                return d
    for l in head:
        # an unlabelled date counts only outside the body (a body date is an event/adoption date)
        if len(l.text) < 120 and not (c_start <= l.pos <= c_end):
            d = _any_date(l.text)
            if d:
                return d
    for l in page_lines:
        t = _nfkc(l.text)
        if re.search(r"(发布时间|发布日期|发表时间)", t):
            d = _labeled_date(t)
            if d:
                return d
    if meta_date:
        m = _DATE.search(_nfkc(meta_date))
        if m:
            return _norm_date(m)
    return None


# --------------------------------------------------------------------------------------------------
# line filtering


def _matches(kind: str, text: str) -> bool:
    return _line_rule(kind).search(text) is not None


def _is_long_para(l: Line) -> bool:
    return not l.table and _cjk_len(l.text) >= 40 and l.link_ratio < 0.3


_BYLINE_LABELS = re.compile(r"(来源|发布时间|发布日期|时间|日期|作者|浏览次数|点击数|阅读量|字号|字体|编辑|记者|访问量)\s*[:：]")


_BULLET = re.compile(r"^[\s▪•·●◆◇■□►▶>》»\-–—*※★☆]+")
_BRACKETED = re.compile(r"^(\s*[【\[][^【】\[\]]{0,30}[】\]]\s*)+$")


def _filter_lines(lines: list[Line], title_sq: str, site_sq: str) -> list[Line]:
    """Drop furniture lines inside the chosen container."""
    if not lines:
        return lines
    long_idx = [i for i, l in enumerate(lines) if _is_long_para(l)]
    first_long = long_idx[0] if long_idx else 0
    last_long = long_idx[-1] if long_idx else len(lines) - 1
    # info-disclosure tables (索引号/发文字号/发布机构…) go whole, value rows included
    bad_tables = {l.table_id for l in lines if l.table and _matches("infotable", _nfkc(l.text))}
    out: list[Line] = []
    in_related = False
    seen: set = set()
    # the headline repeated at the top of the body, split by <br> into several lines
    split_title: set = set()
    if title_sq:
        for a in range(min(first_long + 1, len(lines))):
            acc = ""
            for b in range(a, min(a + 6, len(lines))):
                acc += _squash(lines[b].text)
                if acc == title_sq:
                    split_title.update(range(a, b + 1))
                    break
                if not title_sq.startswith(acc):
                    break
    for i, l in enumerate(lines):
        if i in split_title:
            continue
        t = l.text.strip()
        nt = _BULLET.sub("", _nfkc(t))
        sq = _squash(t)
        if not sq:
            continue
        if l.table and l.table_id in bad_tables:
            continue
        short = len(sq) < 120
        edge = i < first_long or i > last_long  # header / trailer zone of the container
        # related-links / attachments block: header line plus the link/file lines that follow it
        if _matches("related", nt) and (short or l.link_ratio > 0.5):
            in_related = True
            continue
        if in_related:
            if l.link_ratio > 0.5 or re.search(r"\.(docx?|xlsx?|pdf|wps|zip|rar|ofd|et)\s*$", nt, re.I):
                continue
            in_related = False
        if not short:
            # long lines are body text unless they are link lists or repeated copies
            if l.link_ratio >= 0.8 and not re.search(r"[。！？]", t):
                continue
            if sq in seen:
                continue
            seen.add(sq)
            out.append(l)
            continue
        if _matches("widget", nt) or _matches("pager", nt):
            continue
        # a row of bracketed widgets: 【信息发布：…】【内容纠错】【打印文章】【关闭窗口】
        if short and _BRACKETED.match(nt) and _matches("widget", re.sub(r"^.*[【\[]", "【", nt)):
            continue
        if (edge or len(_BYLINE_LABELS.findall(nt)) >= 2) and short and _matches("byline", nt):
            continue
        if short and _matches("editor", nt):
            continue
        if short and _matches("provenance", nt):
            continue
        if edge and short and _matches("footer", nt):
            continue
        if _matches("infotable", nt) and (l.table or short):
            continue
        if short and _matches("breadcrumb", nt):
            continue
        # link-only lines (promo links, related-news items) inside the body
        if l.link_ratio >= 0.8 and (len(sq) < 60 or not re.search(r"[。！？]", t)):
            continue
        # the headline repeated at the top of the body (whole, or split by <br> into pieces)
        if title_sq and i <= first_long and (sq == title_sq or (len(sq) >= 4 and sq in title_sq)):
            continue
        if site_sq and sq == site_sq:
            continue
        if len(sq) >= 12 and sq in seen:  # second copy of the same paragraph
            continue
        seen.add(sq)
        out.append(l)
    # a centred, unpunctuated short first line right above the first paragraph is a subtitle (副标题)
    # - document numbers (〔2024〕10号) stay
    if len(out) >= 2 and out[0].centered and not out[0].table and 4 <= len(_squash(out[0].text)) <= 40 \
            and not re.search(r"^[（(]|[。！？；，,：:]|〔\d{4}〕|\[\d{4}\]|\d+号$|^[一二三四五六七八九十\d]+[、.．]", out[0].text) \
            and _cjk_len(out[1].text) >= 20 and re.search(r"[。！？]", out[1].text):
        out = out[1:]
    return out


def _drop_duplicate_copy(lines: list[Line]) -> tuple[list[Line], bool]:
    """A container holding two copies of the body (normal + elderly/accessible mode): keep the first."""
    sqs = [_squash(l.text) for l in lines]
    n = len(sqs)
    if n < 4:
        return lines, False
    for start in range(1, n // 2 + 1):
        if sqs[start] == sqs[0] and sqs[start:start + 3] == sqs[0:3]:
            return lines[:start], True
    return lines, False


# --------------------------------------------------------------------------------------------------
# spam injections
#
# Granularity follows how injections are planted (see lexicons/clean_spam.tsv):
#   * an injected heading ("四、关于专家组") or bio paragraph        -> the paragraph goes;
#   * a credential chain that is the subject of its sentence        -> the sentence goes (the planted
#     person replaced the real speaker, so the sentence cannot stand without it);
#   * a credential chain inside a sentence (attendee lists etc.)     -> only the chain goes;
#   * an unedited hidden copy of the body exists                     -> sentences missing from it go.
# Every removal is reported as ``spam_injection: <text>``.

_OPEN_Q, _CLOSE_Q = "“‘「『", "”’」』"


_SIMPLE_SENT = re.compile(r"(?<=[。！？!?])")


def _sentences(text: str) -> list[str]:
    """Split after 。！？ outside quotation marks (a quoted speech stays with its speaker)."""
    if not any(q in text for q in _OPEN_Q):
        return [x for x in _SIMPLE_SENT.split(text) if x]
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN_Q:
            depth += 1
        elif ch in _CLOSE_Q:
            depth = max(0, depth - 1)
            if depth == 0 and i > 0 and text[i - 1] in "。！？!?":
                out.append(text[start:i + 1])
                start = i + 1
        elif ch in "。！？!?" and depth == 0:
            if i + 1 < len(text) and text[i + 1] in _CLOSE_Q:
                continue
            out.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return [s for s in out if s]


@lru_cache(maxsize=None)
def _spam_trigger() -> re.Pattern:
    """Cheap pre-filter (literal keywords, lexicon kind ``trigger``): lines without any of them skip
    the sentence-level analysis."""
    return re.compile("|".join(f"(?:{rx.pattern})" for rx in _spam_rules("trigger")))


def _spam_score(text: str) -> tuple[bool, float]:
    """(has a strong signal, weighted count of weak/bare signals; overlapping matches count once)."""
    strong = any(rx.search(text) for rx in _spam_rules("strong"))
    spans = []
    for kind, w in (("weak", 1.0), ("bare", 0.5)):
        for rx in _spam_rules(kind):
            spans += [(m.start(), m.end(), w) for m in rx.finditer(text)]
    spans.sort()
    score, last_end, last_w = 0.0, -1, 0.0
    for a, b, w in spans:
        if a < last_end:  # overlaps the previous match: keep the heavier weight only
            if w > last_w:
                score += w - last_w
                last_w = w
            last_end = max(last_end, b)
            continue
        score += w
        last_end, last_w = b, w
    return strong, score


def _is_spammy(text: str) -> bool:
    strong, score = _spam_score(text)
    return strong or score >= 2


def _signal(text: str) -> bool:
    strong, score = _spam_score(text)
    return strong or score > 0


def _last_signal_end(text: str) -> int:
    ends = [m.end() for k in ("strong", "weak", "bare") for rx in _spam_rules(k) for m in rx.finditer(text)]
    return max(ends) if ends else 0


_STOP = r"(?=与|和|及|等|成员|；|;|作|表示|介绍|说|指出|强调|认为|谈到|现场|参加|出席|在|（|\(|$)"
_NAME_AT = re.compile(r"^\s*([\u4e00-\u9fff]{2,3}?)" + _STOP)
_NAME_AFTER_ORIGIN = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,10}?人)?\s*([\u4e00-\u9fff]{2,3}?)" + _STOP)
_PAREN = re.compile(r"^\s*[（(][^（()）]{0,15}[）)]")
_CONJ = re.compile(r"^\s*(与|和|及|等|成员|、|，|,|；|;|。|$)")


def _chain_span(sent: str) -> tuple[int, int, bool] | None:
    """(start, end, is_subject) of a stacked-credential chain ending in a personal name, or None."""
    pieces = re.split(r"([，,、；;：:])", sent)
    clauses, off = [], 0  # (start, end, separator after)
    for k in range(0, len(pieces), 2):
        c, sep = pieces[k], pieces[k + 1] if k + 1 < len(pieces) else ""
        clauses.append((off, off + len(c), sep))
        off += len(c) + len(sep)
    sig = [_signal(sent[a:b]) for a, b, _ in clauses]
    j = 0
    while j < len(clauses):
        if not sig[j]:
            j += 1
            continue
        k = j
        while k + 1 < len(clauses) and sig[k + 1] and (
                clauses[k][2] == "、"
                # across a comma only when the clause ends in a title ("…客座教授，…会员X介绍")
                or (clauses[k][2] in "，," and clauses[k][0] + _last_signal_end(sent[clauses[k][0]:clauses[k][1]])
                    >= clauses[k][1])):
            k += 1
        run_text = sent[clauses[j][0]:clauses[k][1]]
        if not _is_spammy(run_text):
            j = k + 1
            continue
        start = clauses[j][0]
        a, b, sep = clauses[k]
        kw_end = a + _last_signal_end(sent[a:b])
        end = None
        m = _NAME_AT.match(sent[kw_end:b] + ("" if b < len(sent) else ""))
        if kw_end < b and m:
            end = kw_end + m.end(1)
        elif k + 1 < len(clauses) and sep in "、，,":
            na, nb, nsep = clauses[k + 1]
            m2 = _NAME_AFTER_ORIGIN.match(sent[na:nb])
            list_item = j > 0 and clauses[j - 1][2] in "；;：:" and nsep in "；;"
            if m2 and nb - na <= 24:
                end = na + m2.end(1)
            elif list_item and nb - na <= 30:  # "title、title name；" item of a ；-separated list
                end = nb
        whole_clause = end is None
        if whole_clause:
            end = b + (1 if sep in "，,、" and sep else 0)  # the whole clause: its separator goes too
        pm = _PAREN.match(sent[end:])
        if pm:
            end += pm.end()
        rest = sent[end:]
        lead = sent[:start].strip(" “\"'")
        is_subject = not lead and not _CONJ.match(rest)
        if not is_subject and not whole_clause:
            if rest[:1] in ("与", "；", ";"):
                end += 1
            elif not _CONJ.match(rest):
                # a verb phrase of the planted person ("…作闭幕讲话，"): the whole clause goes
                nxt = re.search(r"[，,；;]", rest)
                end = end + nxt.end() if nxt else len(sent)
        return start, end, is_subject
    return None


def _bigrams(s: str) -> set:
    c = _CJK.findall(s)
    return {c[i] + c[i + 1] for i in range(len(c) - 1)}


def _off_topic(par: str, context: str) -> bool:
    """A long paragraph sharing almost no vocabulary with the rest of the article (appended SEO text).

    Calibrated on the dev corpus: genuine paragraphs share >= 14 % of their character bigrams with
    the rest of their article, the appended SEO paragraph 5 %."""
    bg = _bigrams(par)
    ctx = _bigrams(context)
    if len(bg) < 80 or len(ctx) < 100:
        return False
    return len(bg & ctx) / len(bg) < 0.08


def _hidden_reference(lines: list[Line], hidden_texts: list[str]) -> str | None:
    """A hidden block that is a copy of most of the body (read-aloud / plain-text copy)."""
    if not hidden_texts:
        return None
    body_sents = [s for l in lines for s in _sentences(l.text) if _cjk_len(s) >= 8]
    if len(body_sents) < 3:
        return None
    for h in hidden_texts:
        hs = _squash(h)
        found = sum(1 for s in body_sents if _squash(s) in hs)
        if found >= 0.6 * len(body_sents):
            return hs
    return None


def _strip_brands(s: str, warnings: list[str], brands: set) -> str:
    for rx in _spam_rules("brand"):
        while True:
            m = rx.search(s)
            if not m:
                break
            a = m.start()
            lead = re.match(r"(中共|中国共产党)", s[a:m.end()])  # "中共<brand>委…": the brand was pasted in
            if lead:
                a += lead.end()
            brand = s[a:m.end()]
            warnings.append(f"spam_injection: {brand}")
            brands.add(re.sub(r"[（(]?中国[）)]?官方网站$|官方网站$", "", brand))
            s = s[:a] + s[m.end():]
    return s


def _remove_spam(lines: list[Line], hidden_texts: list[str], warnings: list[str], title: str = "") -> list[Line]:
    """Drop or cut injected spam; every removal is reported in ``warnings``."""
    ref = _hidden_reference(lines, hidden_texts)
    out: list[Line] = []
    brands: set = set()
    after_heading = False
    all_text = "\n".join(l.text for l in lines)
    pre = _spam_trigger()
    for idx, l in enumerate(lines):
        t = l.text
        if ref is None and not pre.search(t):
            after_heading = False
            out.append(l)
            continue
        nt = _nfkc(t)
        if any(rx.search(nt) for rx in _spam_rules("heading")):
            warnings.append(f"spam_injection: {t[:80]}")
            after_heading = True
            continue
        if after_heading:
            after_heading = False
            if len(t) < 300 and _signal(nt):  # the bio under an injected heading
                warnings.append(f"spam_injection: {t[:80]}")
                continue
        if l.table:
            if _is_spammy(nt) or (ref is not None and _cjk_len(t) >= 8 and _squash(t) not in ref):
                warnings.append(f"spam_injection: {t[:80]}")
                continue
            out.append(l)
            continue
        if _signal(nt) and not _is_spammy(nt) and not (ref and _squash(t) in ref):
            context = title + "\n" + all_text.replace(t, "")
            if _off_topic(t, context):
                warnings.append(f"spam_injection: off-topic paragraph {t[:60]}")
                continue
        kept, changed = [], False
        for s in _sentences(t):
            if ref is not None and _cjk_len(s) >= 8:
                if _squash(s) not in ref:
                    warnings.append(f"spam_injection: {s.strip()[:80]} (absent from the hidden copy)")
                    changed = True
                else:
                    kept.append(s)
                continue
            s2 = _strip_brands(s, warnings, brands)
            m = re.search(r"[（(]\s*作者\s*[:：][^（()）]{0,80}[）)]", s2)
            if m and _is_spammy(m.group(0)):  # author credit stuffed with commercial credentials
                warnings.append(f"spam_injection: {m.group(0)}")
                s2 = s2[:m.start()] + s2[m.end():]
            changed = changed or s2 != s
            s = s2
            while _is_spammy(s):
                span = _chain_span(s)
                if span is None:
                    # signals scattered over unrelated clauses, no credential chain: flag, keep the text
                    warnings.append(f"spam_signal: {s.strip()[:80]}")
                    break
                changed = True
                if span[2]:
                    warnings.append(f"spam_injection: {s.strip()[:80]}")
                    s = ""
                    break
                a, b, _ = span
                warnings.append(f"spam_injection: {s[a:b].strip()}")
                s = s[:a] + s[b:]
            if _squash(s):
                kept.append(s)
        if changed:
            nt2 = "".join(kept).strip()
            if _cjk_len(nt2) < 2:
                continue
            out.append(Line(nt2, l.pos, l.link_chars, l.table, l.heading, l.table_id, l.centered))
        else:
            out.append(l)
    if brands:  # a line that is nothing but the injected brand (e.g. above the headline)
        out = [l for l in out if _squash(l.text) not in {_squash(b) for b in brands}]
    return out


def spam_warnings_for_text(text: str) -> list[str]:
    """Spam signals in plain text (``.txt`` inputs are kept verbatim: warn only)."""
    w: list[str] = []
    lines = [Line(t, 0) for t in text.splitlines() if t.strip()]
    _remove_spam(lines, [], w)
    return list(dict.fromkeys(w))


# --------------------------------------------------------------------------------------------------
# page classification

_REDIRECT = re.compile(r"(location\.href|location\.replace|top\.location|window\.location|http-equiv=[\"']?refresh)", re.I)
_JS_BODY = re.compile(r"(document\.write|innerHTML|\$\(|\.html\(|ajax|fetch\(|XMLHttpRequest|vue|avalon|react)", re.I)


# --------------------------------------------------------------------------------------------------
# entry points


def clean_html(raw: bytes, *, http_charset: str | None = None, url: str | None = None) -> CleanedDocument:
    """Clean page bytes.  Raises :class:`NotHTMLError` (only) for binary input; any other damage
    (bad bytes, broken or hostile markup) gives a document with a status and warnings."""
    kind = sniff_binary(raw)
    if kind:
        raise NotHTMLError(f"{kind}, {len(raw):,} bytes: not an HTML page, not parsed")
    dec = decode_bytes(raw, http_charset)
    doc = clean_html_text(dec.text, url=url)
    doc.encoding = dec.encoding
    doc.warnings = list(dec.warnings) + doc.warnings
    return doc


def clean_html_text(html: str, *, url: str | None = None) -> CleanedDocument:
    warnings: list[str] = []
    root = parse_html(html, warnings)
    gov_meta, other_meta = _read_meta(root)
    title_el = root.find(".//title")
    title_tag = _clean_title(_text(title_el)) if title_el is not None else ""
    raw_scripts = " ".join((s.text or "") for s in root.iter("script"))
    has_refresh = any((m.get("http-equiv") or "").lower() == "refresh" for m in root.iter("meta"))

    hidden_texts = _prune(root)
    # numbered right after pruning: the dict keeps every element's Python proxy alive, so the passes
    # below (headline search, linearisation, container search) reuse proxies instead of creating them
    order = _number(root)
    body = root.find(".//body")
    if body is None:
        body = root
    site_name = gov_meta.get("SiteName") or other_meta.get("og:site_name") or None
    if not site_name and title_tag:
        parts = [p for p in _TITLE_SPLIT.split(title_tag) if p.strip()]
        if len(parts) > 1:
            site_name = _collapse(parts[-1])
    body_els = _subtree(body, order)
    marked = _marked(body_els)  # id/class read once for the headline and the container search
    title, title_sq = _find_title(body, gov_meta, title_tag, site_name, marked)

    page_lines = linearize(body, order)
    # where the headline sits in reading order (first exact occurrence; a prefix of it when the
    # headline is split by <br>)
    title_idx = None
    # squashed text of lines that could be (part of) the headline; others are never compared
    short_sq = {i: _squash(l.text) for i, l in enumerate(page_lines) if len(l.text) <= 2 * len(title_sq) + 20}
    if title_sq:
        exact = [i for i, sq in short_sq.items() if sq == title_sq]
        if exact:
            title_idx = exact[0]
        else:
            title_idx = next((i for i, sq in short_sq.items() if len(sq) >= 6 and title_sq.startswith(sq)), None)
    title_pos = page_lines[title_idx].pos if title_idx is not None else None

    container, how, empty_known = _known_container(body, marked)
    if container is None:
        container, score = _density_container(body, order, title_pos, body_els)
        how = "density"
    if container is None:
        # no running text anywhere: a page that is only data tables (statistical annexes) keeps them
        tables = [l for l in page_lines if l.table and l.link_ratio < 0.5]
        if sum(_cjk_len(l.text) for l in tables) >= 30:
            container, how = body, "tables"
            warnings.append(f"tables_only: no running text; {len(tables)} data-table rows kept as the body")
    if container is not None:
        c_start, c_end = order.get(container, 0), _subtree_end(container, order)
        lines = [l for l in page_lines if c_start <= l.pos <= c_end]
    else:
        c_start = c_end = -1
        lines = []
    if title_sq and title_idx is not None:
        # prefer a headline occurrence outside (before) the body container for the byline search
        exact = [i for i, sq in short_sq.items() if sq == title_sq
                 and not (c_start <= page_lines[i].pos <= c_end)]
        if exact:
            title_idx = exact[0]
    meta_date = gov_meta.get("PubDate") or next((other_meta[k] for k in _EXTRA_DATE_META if k in other_meta
                                                 and k != "firstpublishedtime"), None)
    published = _find_date(page_lines, title_idx, c_start, c_end, meta_date)

    lines = _filter_lines(lines, title_sq, _squash(site_name or ""))
    lines, dup = _drop_duplicate_copy(lines)
    if dup:
        warnings.append("duplicate_body: second copy of the body dropped")
    lines = _remove_spam(lines, hidden_texts, warnings, title or "")
    main_text = "\n".join(l.text for l in lines)

    # ---- classify
    status = "ok"
    body_cjk = _cjk_len(main_text)
    page_text = "\n".join(l.text for l in page_lines)
    page_cjk = _cjk_len(page_text)
    page_links = sum(l.link_chars for l in page_lines)
    n_links = sum(1 for a in body.iter("a") if a.get("href"))
    if page_cjk < 30:
        letters = len(_LETTERS.findall(page_text))
        if _REDIRECT.search(raw_scripts) or has_refresh:
            status, why = "not_an_article", "redirect stub"
        elif letters >= 100:
            status, why = "not_an_article", (f"no Chinese text ({letters:,} letters of visible text in another "
                                             f"language, {page_cjk} CJK characters); nothing to extract")
        elif n_links >= 3:
            status, why = "not_an_article", "splash/portal page without running text"
        elif raw_scripts.strip():
            status, why = "js_rendered", "no text in the page body; content is produced by JavaScript"
        else:
            status, why = "empty", "no visible text"
        warnings.append(f"{status}: {why}")
        main_text = ""
    elif container is None or body_cjk < 30 or (not re.search(r"[。！？；]", main_text)
                                                  and not any(l.table for l in lines)):
        if empty_known and _JS_BODY.search(raw_scripts):
            status = "js_rendered"
            warnings.append(f"js_rendered: article container {empty_known} is empty; content is loaded by JavaScript")
        else:
            status = "not_an_article"
            warnings.append("not_an_article: no article body found (list or portal page)")
        main_text = ""
    elif how == "density" and empty_known and body_cjk < 200 and _JS_BODY.search(raw_scripts):
        # the CMS body container is empty and scripts fill it: what density found is page chrome
        status = "js_rendered"
        warnings.append(f"js_rendered: article container {empty_known} is empty; content is loaded by JavaScript")
        main_text = ""
    elif how == "density" and page_links > 0.5 * page_cjk and body_cjk < 60:
        # a few sentences picked out of a link-dominated page: a portal/list page, not an article
        status = "not_an_article"
        warnings.append("not_an_article: link-dominated page with little running text (portal/list page)")
        main_text = ""

    if status != "ok" and not title:
        title = title_tag or None
    if status == "not_an_article":
        published = published if title_idx is not None else None
    meta = dict(gov_meta)
    if url and "Url" not in meta:
        meta["Url"] = url
    return CleanedDocument(title=title or None, published=published, site_name=site_name, main_text=main_text,
                           status=status, warnings=list(dict.fromkeys(warnings)), meta=meta)


def clean_file(path) -> CleanedDocument:
    """Clean one input file.  ``.txt`` text is returned verbatim (offsets index the file); anything else
    is treated as HTML."""
    p = Path(path)
    if p.suffix.lower() == ".txt":
        dec = read_text_file(p)
        w = list(dec.warnings) + spam_warnings_for_text(dec.text)
        return CleanedDocument(title=None, published=None, site_name=None, main_text=dec.text,
                               encoding=dec.encoding, status="ok" if dec.text.strip() else "empty", warnings=w)
    return clean_html(p.read_bytes())
