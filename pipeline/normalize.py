"""Text folding for extraction, through an offset map back to the original text.

Extraction runs on a normalised copy of the text: NFKC (fullwidth digits, letters and
punctuation -> ASCII, ideographic space -> space), traditional -> simplified characters
(lexicons/trad2simp.tsv) and a few explicit overrides.  Offsets are sacred: every offset
the extractor reports is mapped back through ``offsets`` so that ``text[start:end]`` on the
ORIGINAL text is the surface that was matched.

``normalize_with_map(text) -> (norm, offsets)``: ``len(offsets) == len(norm) + 1``;
``offsets[i]`` is the index in ``text`` of the character that produced ``norm[i]`` and
``offsets[len(norm)] == len(text)``.  Use :func:`map_span` to map a half-open span back.
Pinyin ruby annotations inlined by scrapers (預(yù)算) are dropped from the normalised copy; a span
mapped back covers them again, so surfaces stay verbatim.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["normalize_with_map", "map_span", "fold_char", "to_simplified"]

_LEXICON = Path(__file__).with_name("lexicons") / "trad2simp.tsv"

# Characters NFKC would rewrite unhelpfully, with what they become instead.
_OVERRIDES = {
    "\ufe30": ":",   # ︰ vertical two-dot leader, used as ratio separator (11.8︰48.3); NFKC gives '..'
    "\u2236": ":",   # ∶ ratio
    "\u33a1": "平方米",  # ㎡
    "\u33a2": "平方公里",  # ㎢
    "\u2103": "℃",   # keep degree Celsius as one character
    "\u2030": "‰",
}
# Circled / parenthesised digits are list markers; keep them as they are so they never look like
# quantities after folding.
_KEEP_RANGES = ((0x2460, 0x24FF), (0x2776, 0x2793))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    """-> (one-to-one translate table, multi-character expansions)."""
    t2s: dict[int, str] = {}
    with open(_LEXICON, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            trad, simp = line.rstrip("\n").split("\t")[:2]
            t2s[ord(trad)] = simp
    one: dict[int, str] = dict(t2s)
    multi: dict[int, str] = {}
    for cp, rep in _OVERRIDES.items():
        (one if len(rep) == 1 else multi)[ord(cp)] = rep
    # Fullwidth ASCII block and ideographic space are the common NFKC cases: precompute them.
    for cp in range(0xFF01, 0xFF5F):
        one[cp] = chr(cp - 0xFEE0)
    one[0x3000] = " "
    return one, multi


def fold_char(ch: str) -> str:
    """The normalised form of one character (may be longer than one character)."""
    one, multi = _tables()
    cp = ord(ch)
    if cp in one:
        return one[cp]
    if cp in multi:
        return multi[cp]
    if any(a <= cp <= b for a, b in _KEEP_RANGES):
        return ch
    n = unicodedata.normalize("NFKC", ch)
    if not n:
        return ch  # never drop a character: keeps the map simple and spans contiguous
    return "".join(one.get(ord(c), c) for c in n)


def to_simplified(s: str) -> str:
    """Traditional -> simplified folding only (same length)."""
    one, _ = _tables()
    return s.translate(one)


# Pinyin ruby left inline by some scrapes: 預(yù)算, 統(tǒng)計(jì).  A parenthesised syllable with a tone
# mark right after a Chinese character is dropped from the normalised text (the original keeps it,
# and spans mapped back include it).
_RUBY_RE = re.compile(r"(?<=[\u4e00-\u9fff])[((][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[))]")


# A line wrapped inside a number by a fixed-width page (高于全省14.\n6个百分点, 保障金1389\n万元): the
# newline is dropped from the normalised text, so the number is read whole (review sets E and J).
_WRAP_RE = re.compile(r"(?<=\d)\n(?=[万亿][\u4e00-\u9fff])|(?<=\d\.)\n(?=\d)"
                      # 玉米种植面积达\n4350亩: a line cut after the link word before its number (set O)
                      r"|(?<=[达为共计成现长降至到约近超和、及与])\n(?=\d+(?:\.\d+)?(?:[%‰万亿]|[\u4e00-\u9fff]))"
                      # 固定资产投资 154 亿\n元: the unit wrapped after its magnitude (set Y)
                      r"|(?<=\d[万亿])\n(?=[元人户亩吨件个台辆套间])|(?<=\d [万亿])\n(?=[元人户亩吨件个台辆套间])")


def _wraps(text: str) -> list[int]:
    out = []
    for m in _WRAP_RE.finditer(text):
        if not text[m.start() - 1].isdigit() and text[m.start() - 1] != ".":
            out.append(m.start())          # a link word closing the line, or a magnitude before its unit
            continue
        k = m.start() - (2 if text[m.start() - 1] == "." else 1)
        while k > 0 and (text[k - 1].isdigit() or text[k - 1] == "." and k > 1 and text[k - 2].isdigit()):
            k -= 1
        if k > 0 and ("\u4e00" <= text[k - 1] <= "\u9fff" or text[k - 1] in "为达约近超,、 "):
            out.append(m.start())          # mid-sentence number, not a list marker "1." on its own line
    return out


# Pages whose markup put almost every token on its own line (规上工业产值5200万元,增长 / 7% / ;税收…):
# inside a run of at least four short lines that shows the split (a line opening with punctuation or
# holding only a number), the newlines are dropped so clauses read whole (review set O).  Headings,
# list items, lines ending a sentence and table bars (|) are never joined.
_SHORT_LINE = 16   # set O's split page had lines of 1-12 characters; prose lines of reports run far longer
_LIST_START = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+[章节条])")


def _token_lines(text: str) -> list[int]:
    lines, pos = [], 0
    while True:
        nl = text.find("\n", pos)
        lines.append((pos, len(text) if nl < 0 else nl))
        if nl < 0:
            break
        pos = nl + 1
    out: list[int] = []
    run: list[int] = []

    def flush():
        if len(run) >= 4 and any(text[lines[k][0]:lines[k][1]].strip()[:1] in ",,。;;、" or
                                 re.fullmatch(r"\s*[\d.,]+\s*[%‰]?\s*", text[lines[k][0]:lines[k][1]])
                                 for k in run):
            for k in run[:-1]:
                e = lines[k][1]
                if text[lines[k][0]:e].rstrip()[-1:] not in "。!?!?::" and not _LIST_START.match(text, lines[k + 1][0]):
                    out.append(e)
        run.clear()

    for k, (a, b) in enumerate(lines):
        st = text[a:b].strip()
        if st and len(st) <= _SHORT_LINE and "|" not in st:
            run.append(k)
        else:
            flush()
    flush()
    return out


# HTML left in scraped text (受理案件&nbsp;123件, <br/>): read as one space
_HTML_RESIDUE = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|#\d{2,5});|</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,80})?/?>")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise ``text``; return the normalised text and the offset map (see module doc)."""
    one, multi = _tables()
    fast = text.translate(one)
    ruby = _RUBY_RE.search(fast) is not None
    wraps = (_wraps(fast) + _token_lines(fast)) if "\n" in fast else []
    html = list(_HTML_RESIDUE.finditer(fast)) if ("&" in fast or "<" in fast) else []
    if not ruby and not wraps and not html and not multi.keys() & {ord(c) for c in fast} and \
            unicodedata.is_normalized("NFKC", fast):
        # Common case: every character folds to exactly one character.
        return fast, list(range(len(text) + 1))
    drop = bytearray(len(text))
    space = set()
    for m in html:
        space.add(m.start())
        drop[m.start() + 1:m.end()] = b"\x01" * (m.end() - m.start() - 1)
    if ruby:
        for m in _RUBY_RE.finditer(fast):
            drop[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for k in wraps:
        drop[k] = 1
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if drop[i]:
            continue
        rep = " " if i in space else fold_char(ch)
        parts.append(rep)
        offsets.extend([i] * len(rep))
    offsets.append(len(text))
    return "".join(parts), offsets


def map_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a half-open span of the normalised text back to the original text.

    The start maps to the original character that produced ``norm[start]``; the end to one past
    the original character that produced ``norm[end - 1]`` (so expansions such as ㎡ -> 平方米 are
    covered whole).  An empty span maps to an empty span.
    """
    if end <= start:
        s = offsets[start]
        return s, s
    return offsets[start], offsets[end - 1] + 1
