"""Report identity: who reports (``organization``), on which year (``report_year``), what kind of
report it is (``report_type``).  Pure functions over a cleaned document; rules in
``lexicons/identity_report_types.tsv`` and ``lexicons/identity_organizations.tsv``.

``organization`` - the reporting body, from the first of these that yields a plausible name
(a name ending in an administrative or institutional suffix, not a news medium, not spam):

1. ``title``     - the name before the year (``青峰县市场监督管理局2024年法治政府建设情况报告``), after
   ``关于YYYY年度`` (``关于2024年度鹦鹉街道法治政府建设情况的报告``), or the place of a
   政府工作报告 (``……在桐溪县第十八届人民代表大会……`` -> ``桐溪县人民政府``);
2. ``signature`` - the signature lines at the end of ``main_text`` (the last short line that is a
   name; Party committees 中共… are co-signers and come second), or a byline as the first line;
3. ``meta``      - meta ``ContentSource`` (a relative name such as ``县市场监督管理局`` gets the
   place of the title/SiteName prepended); newspapers and portals that reprint are rejected;
4. ``site``      - the site name (meta ``SiteName`` or page furniture) without 门户网站/网站.

Every candidate goes through the cleaner's spam check (``pipeline.clean.spam_warnings_for_text``)
and must not contain a brand that the cleaner reported as injected on this page (the seed page's
``环球国际(中国)官方网站``): an injected site name is never a reporting body.

``report_year`` - the year reported on, not the publishing date: the first ``YYYY年`` of the title
that is not a date (``2025年1月8日`` is when a 政府工作报告 was delivered), else the first such year
in the opening of ``main_text`` (``一、2024年工作回顾``), else null.

``report_type`` - the first row of ``identity_report_types.tsv`` matching the title, meta
ArticleTitle, ColumnName, Keywords, then the opening of ``main_text``; else null.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

__all__ = ["Identity", "identify", "report_type_of", "report_year_of", "organization_of"]

_LEX = Path(__file__).with_name("lexicons")


@dataclass
class Identity:
    organization: Optional[str]
    organization_source: Optional[str]  # title | signature | meta | site
    report_year: Optional[int]
    report_type: Optional[str]

    def to_dict(self) -> dict:
        return {"organization": self.organization, "organization_source": self.organization_source,
                "report_year": self.report_year, "report_type": self.report_type}


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (_LEX / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def _types() -> list[tuple[str, re.Pattern]]:
    return [(t, re.compile(rx)) for t, rx in _rows("identity_report_types.tsv")]


@lru_cache(maxsize=1)
def _org_rules() -> dict[str, re.Pattern]:
    rules = {kind: re.compile(rx) for kind, rx in _rows("identity_organizations.tsv")}
    rules["suffix_end"] = re.compile("(?:" + rules["suffix"].pattern + ")$")
    return rules


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s or "")


def _squash(s: str) -> str:
    """NFKC, whitespace removed (titles carry stray spaces: ``法治政府建设 情况的报告``)."""
    return re.sub(r"\s+", "", _nfkc(s))


# --------------------------------------------------------------------------------------------
# report_type

def _opening(text: str, lines: int = 2, chars: int = 120) -> str:
    """The first lines of the text: where a .txt report states what it is."""
    out = [ln.strip() for ln in (text or "").splitlines() if ln.strip()][:lines]
    return "\n".join(out)[:chars]


def title_from_text(text: str) -> Optional[str]:
    """A .txt input has no <title>: its first short line naming a report type stands in for one."""
    for ln in [ln.strip() for ln in (text or "").splitlines() if ln.strip()][:6]:
        if len(ln) <= 60 and any(rx.search(_squash(ln)) for _, rx in _types()):
            return ln
    return None


def report_type_of(title: Optional[str], meta: Optional[dict], text: str = "") -> Optional[str]:
    meta = meta or {}
    evidence = [title, meta.get("ArticleTitle"), meta.get("ColumnName"), meta.get("Keywords"),
                _opening(text)]
    for ev in evidence:
        ev = _squash(ev or "")
        if not ev:
            continue
        for t, rx in _types():
            if rx.search(ev):
                return t
    return None


# --------------------------------------------------------------------------------------------
# report_year

_CN_DIG = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
           "六": "6", "七": "7", "八": "8", "九": "9"}
# A year (Arabic or digit-by-digit Chinese) followed by 年, not followed by a month (a date).
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d|[二][〇○零][〇○零一二三四五六七八九]{2})\s*年(?!\s*\d{1,2}\s*月)"
                      r"(?![一二三四五六七八九十]{1,2}月)")


def _year_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(_CN_DIG[c] for c in s))


def report_year_of(title: Optional[str], text: str = "", published: Optional[str] = None) -> Optional[int]:
    """The year the report is about; see the module doc."""
    pub_year = int(str(published)[:4]) if published and str(published)[:4].isdigit() else None
    for ev, limit in ((_squash(title or ""), None), (_nfkc((text or "")[:400]), None)):
        for m in _YEAR_RE.finditer(ev):
            y = _year_value(m.group(1))
            # inside 《…》 or 〔…〕 it names a law or a document number, not the period reported on
            before = ev[:m.start()]
            if before.rfind("《") > before.rfind("》") or before.rfind("〔") > before.rfind("〕"):
                continue
            if pub_year is not None and y > pub_year + 1:
                continue  # a plan far ahead (2035年远景目标), not the year reported on
            return y
    return None


# --------------------------------------------------------------------------------------------
# organization

def _spam_brands(warnings: list[str]) -> list[str]:
    """Brands the cleaner reported as injected on this page (``环球国际(中国)官方网站`` -> 环球国际)."""
    out = []
    for w in warnings or []:
        if not w.startswith("spam_injection:"):
            continue
        detail = _nfkc(w.split(":", 1)[1]).strip()
        m = re.match(r"(.{2,12}?)(?:[((]中国[))])?官方网站", detail)
        if m:
            out.append(m.group(1))
    return out


def _is_spam(name: str, brands: list[str]) -> bool:
    from .clean import spam_warnings_for_text

    if any(b and b in name for b in brands):
        return True
    return bool(spam_warnings_for_text(name))


def _plausible(name: Optional[str], brands: list[str]) -> Optional[str]:
    if not name:
        return None
    name = _squash(name).strip("·:：-—()（）[]【】")
    rules = _org_rules()
    if not (2 <= len(name) <= 40) or not rules["suffix_end"].search(name):
        return None
    if re.search(r"[,，。;；!！?？、“”\"'《》|<>=]", name) or name.isdigit():
        return None
    if rules["not_org"].search(name) or _is_spam(name, brands):
        return None
    return name


def _place(*names: Optional[str]) -> Optional[str]:
    """The place a site or title names (``桐溪县人民政府`` -> 桐溪县, ``武汉市汉阳区人民政府`` -> 武汉市汉阳区)."""
    for n in names:
        n = _squash(n or "")
        m = re.match(r"^(.{2,16}?(?:自治区|自治州|省|市|州|盟|县|区|旗|镇|乡|街道))(?:人民政府|政府|委员会|办事处|$)", n)
        if m:
            return m.group(1)
    return None


# Where titles name the reporting body, tried in order: (pattern, suffix added, report type it needs).
_TITLE_PATTERNS = (
    # 关于2024年度鹦鹉街道法治政府建设情况的报告: the name after the year
    (re.compile(r"^(?:(?:19|20)\d\d)年度?(.{2,24}?)(?=法治|依法|政府信息|政务公开|信息公开|国民经济|统计|预算|决算|"
                r"审计|工作|情况|年度|政府工作|12345|热线|信访)"), "", None),
    # 青峰县市场监督管理局2024年法治政府建设情况报告: the name before the year
    (re.compile(r"^(.{2,30}?)(?:(?:19|20)\d\d|二[〇○零][〇○零一二三四五六七八九]{2})年"), "", None),
    # 政府工作报告——2025年1月8日在桐溪县第十八届人民代表大会第五次会议上
    (re.compile(r"在(.{2,16}?)第[一二三四五六七八九十\d]{1,4}届人民代表大会"), "人民政府", "政府工作报告"),
    # 汉滨区政府工作报告 (no year)
    (re.compile(r"^(.{2,24}?)(?:政府工作报告|国民经济和社会发展统计公报|政府信息公开工作年度报告|法治政府建设)"), "", None),
)


def _from_title(title: str, report_type: Optional[str], brands: list[str]) -> Optional[str]:
    t = _squash(title)
    if not t:
        return None
    t = re.sub(r"^关于", "", t)
    for pattern, suffix, only_for in _TITLE_PATTERNS:
        if only_for and report_type not in (None, only_for):
            continue
        m = pattern.search(t)
        if m:
            got = _plausible(m.group(1) + suffix, brands)
            if got:
                return got
    return None


_DATE_LINE = re.compile(r"^[(（]?\s*(?:\d{2,4}|[二〇○零一二三四五六七八九十]{2,4})\s*年?\s*[\d一二三四五六七八九十]{1,2}\s*月"
                        r"|^[\d\s年月日.\-/()（）]+$")


def _from_signature(text: str, brands: list[str]) -> Optional[str]:
    lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
    if not lines:
        return None
    tail = lines[-5:]
    party = None
    for ln in reversed(tail):
        if _DATE_LINE.search(_nfkc(ln)):
            continue
        if len(ln) > 30:
            break  # reached the body: a signature block is a few short lines
        got = _plausible(ln, brands)
        if got is None:
            continue
        if got.startswith("中共") or "党委" in got or "党工委" in got or "工作委员会" in got:
            party = party or got  # a Party committee co-signs: the government body is preferred
            continue
        return got
    # a byline as the first line: 江澜市梧桐区统计局 / (2025年3月10日); not an addressee (…委员会:)
    head = lines[0]
    if len(head) <= 30 and not head.endswith((":", "：")):
        got = _plausible(head, brands)
        if got:
            return got
    return party


def _from_meta(meta: dict, title: Optional[str], site_name: Optional[str], brands: list[str]) -> Optional[str]:
    src = _squash(meta.get("ContentSource") or "")
    if not src:
        return None
    rules = _org_rules()
    if rules["relative"].search(src):
        place = _place(title, site_name, meta.get("SiteName"))
        if place and place.endswith(src[0]):
            src = place + src[1:]
        elif place is None or not src.startswith(place[:2]):
            # 县政府办公室 with no place to attach: too vague to identify a body
            return None
    return _plausible(src, brands)


def _from_site(site_name: Optional[str], meta: dict, brands: list[str]) -> Optional[str]:
    rules = _org_rules()
    for n in (meta.get("SiteName"), site_name):
        n = _squash(n or "")
        if not n:
            continue
        n = rules["portal"].sub("", n)
        n = re.sub(r"[_|\-].*$", "", n)  # 济南政府网_济南市人民政府门户网站
        got = _plausible(n, brands)
        if got:
            return got
    return None


def organization_of(*, title: Optional[str], site_name: Optional[str], meta: Optional[dict], text: str,
                    warnings: Optional[list[str]] = None,
                    report_type: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """``(organization, where it came from)``; ``(None, None)`` when nothing plausible is found."""
    meta = meta or {}
    brands = _spam_brands(warnings or [])
    title = title or title_from_text(text)
    for source, fn in (
        ("title", lambda: _from_title(title or meta.get("ArticleTitle") or "", report_type, brands)),
        ("signature", lambda: _from_signature(text, brands)),
        ("meta", lambda: _from_meta(meta, title, site_name, brands)),
        ("site", lambda: _from_site(site_name, meta, brands)),
    ):
        got = fn()
        if got:
            return got, source
    return None, None


def identify(*, title: Optional[str], site_name: Optional[str], meta: Optional[dict], text: str,
             published: Optional[str] = None, warnings: Optional[list[str]] = None) -> Identity:
    """The identity of one cleaned document (see the module doc)."""
    title = title or (meta or {}).get("ArticleTitle") or title_from_text(text)
    rtype = report_type_of(title, meta, text)
    org, org_src = organization_of(title=title, site_name=site_name, meta=meta, text=text,
                                   warnings=warnings, report_type=rtype)
    return Identity(organization=org, organization_source=org_src,
                    report_year=report_year_of(title, text, published),
                    report_type=rtype)
