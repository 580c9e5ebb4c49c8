"""Numeral parsing to exact ``Decimal`` values.

Covers the numerals found in Chinese government reports:

* Arabic, with decimals and thousands separators (``3,500`` ``1,392,476.5``), fullwidth digits
  (``１２３``) and malformed separators left by scraping (``3,.83`` -> 3.83);
* Chinese numerals (``十二`` ``一千二百`` ``两`` ``一百零八`` ``〇/零``), financial forms
  (``壹仟贰佰``), traditional ``萬/億/兩``, colloquial abbreviations (``一万五`` = 15000);
* mixed forms (``1.2万`` ``3万5千`` ``一点二万`` ``1234.5亿`` ``3亿1600万`` ``2千亿``);
* percentages and per-mille (``5%`` ``百分之五`` ``九成`` = 90 ``3‰`` ``千分之三``);
* digit-by-digit years (``二〇二四`` = 2024, see :func:`is_year_numeral`).

The public entry point is :func:`parse_numeral`; :func:`numeral_kind` says whether a string is a
percentage, per-mille figure or year.  No floats are used anywhere: values are exact.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation

__all__ = [
    "CN_DIGITS", "CN_SMALL_UNITS", "CN_BIG_UNITS", "NUMERAL_CHARS",
    "parse_numeral", "numeral_kind", "is_year_numeral", "magnitude_of", "tidy_decimal",
]

# Chinese digit characters (simplified, traditional, financial and variants) -> value.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "◯": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# Units below 万: multiply the digit before them and add into the current section.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Section units: close the current section.
CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# Shorthands for twenty / thirty / forty.
CN_TENS: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}

NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(CN_SMALL_UNITS) | frozenset(CN_BIG_UNITS) | frozenset(CN_TENS)

_ZERO_CHARS = frozenset("零〇○◯Ｏ")
_POINT_CHARS = frozenset("点點")
_ARABIC_RE = re.compile(r"\d+(?:[.,]\d+)*(?:\.\d+)?")


def _fold(s: str) -> str:
    """Fullwidth -> ASCII (NFKC) for digits and signs, whitespace removed."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace())


_PLAIN_ARABIC = re.compile(r"\d+(?:[.,]\d+)*(?:\.\d+)?|\d+,\.\d+|\d+\.\.\d+")


def _arabic(s: str) -> Decimal:
    """Arabic digits with optional thousands separators / decimal point -> Decimal.

    A comma is a thousands separator; malformed sequences such as ``3,.83`` (a digit lost while
    scraping) keep the digits that are there (3.83), which is how the gold labels read them; so does a
    doubled decimal point (14..3).
    """
    t = s.replace(",", "").replace("..", ".")     # 14..3%: a doubled point, read like 3,.83
    if t.count(".") > 1:
        raise ValueError(f"not a number: {s!r}")
    if t.startswith("."):
        t = "0" + t
    if t.endswith("."):
        t = t[:-1]
    try:
        return Decimal(t)
    except InvalidOperation as e:  # pragma: no cover - guarded by the regex
        raise ValueError(f"not a number: {s!r}") from e


def _tokens(s: str) -> list[tuple[str, Decimal]]:
    """Split a (folded) numeral into ("num", value) / ("small"|"big", unit) / ("zero", 0) tokens."""
    out: list[tuple[str, Decimal]] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit() or (ch == "." and i + 1 < n and s[i + 1].isdigit()):
            m = _ARABIC_RE.match(s, i) if ch.isdigit() else re.compile(r"\.\d+").match(s, i)
            out.append(("num", _arabic(m.group())))
            i = m.end()
        elif ch in CN_DIGITS:
            # Chinese digits, possibly with a decimal point: 一点二 -> 1.2; 二〇二四 stays a digit run.
            j = i
            while j < n and s[j] in CN_DIGITS:
                j += 1
            run = s[i:j]
            if j < n and s[j] in _POINT_CHARS and j + 1 < n and s[j + 1] in CN_DIGITS:
                k = j + 1
                while k < n and s[k] in CN_DIGITS:
                    k += 1
                int_part = _digit_run(run) if len(run) > 1 else CN_DIGITS[run]
                frac = "".join(str(CN_DIGITS[c]) for c in s[j + 1:k])
                out.append(("num", Decimal(f"{int_part}.{frac}")))
                i = k
                continue
            if _is_digit_run(s, i, j):
                out.append(("num", Decimal(_digit_run(run))))
            else:
                for c in run:
                    out.append(("zero", Decimal(0)) if c in _ZERO_CHARS else ("num", Decimal(CN_DIGITS[c])))
            i = j
        elif ch in _POINT_CHARS and i + 1 < n and s[i + 1] in CN_DIGITS and out and out[-1][0] == "small":
            # 五千三百五十点七四: decimal digits after a unit
            k = i + 1
            while k < n and s[k] in CN_DIGITS:
                k += 1
            out.append(("num", Decimal("0." + "".join(str(CN_DIGITS[c]) for c in s[i + 1:k]))))
            i = k
        elif ch in CN_TENS:
            out.append(("num", Decimal(CN_TENS[ch])))
            i += 1
        elif ch in CN_SMALL_UNITS:
            out.append(("small", Decimal(CN_SMALL_UNITS[ch])))
            i += 1
        elif ch in CN_BIG_UNITS:
            out.append(("big", Decimal(CN_BIG_UNITS[ch])))
            i += 1
        else:
            raise ValueError(f"unexpected character {ch!r} in numeral {s!r}")
    return out


def _is_digit_run(s: str, i: int, j: int) -> bool:
    """A run of 2+ Chinese digits read positionally (二〇二四, 一二三) rather than 一千零五-style.

    That is the case when the numeral has no unit character at all (三五 in 三五个 is a range
    and is handled by the extractor, not here)."""
    # 一百零八 / 一万零五: 零 is a placeholder followed by a digit, not part of a digit run
    return j - i >= 2 and not any(c in CN_SMALL_UNITS or c in CN_BIG_UNITS for c in s)


def _digit_run(run: str) -> int:
    return int("".join(str(CN_DIGITS[c]) for c in run))


def _combine(tokens: list[tuple[str, Decimal]]) -> Decimal:
    """Positional-with-units evaluation: 3亿1600万 -> 316000000, 1.2万亿 -> 1.2e12, 一万五 -> 15000."""
    total = Decimal(0)      # everything closed by 亿
    section = Decimal(0)    # the part below 亿 (closed by 万 or still open)
    number: Decimal | None = None
    last_unit: Decimal | None = None   # the unit just applied, for 一万五 / 三千五 abbreviations
    after_zero = False
    seen_digit = False
    for kind, val in tokens:
        if kind == "num":
            if number is not None:
                raise ValueError("two numbers in a row")
            number = val
            seen_digit = True
        elif kind == "zero":
            after_zero = True
            last_unit = None
            seen_digit = True
            if number is not None:   # e.g. 一〇 inside a unit numeral: treat 零 as a placeholder
                section += number
                number = None
        elif kind == "small":
            section += (number if number is not None else Decimal(1)) * val
            number, last_unit, after_zero = None, val, False
        else:  # big
            if not seen_digit and number is None and section == 0 and total == 0:
                raise ValueError("magnitude without digits")
            if val == 10**8:
                total = (total + section + (number or 0)) * val
                section = Decimal(0)
            else:  # 万
                section = (section + (number or 0)) * val
            number, last_unit, after_zero = None, val, False
    if number is not None:
        if last_unit is not None and not after_zero and last_unit >= 100 and number < 10 \
                and number == number.to_integral_value():
            number *= last_unit / 10  # 一万五 = 15000, 三千五 = 3500, 两百五 = 250
        section += number
    return total + section


@lru_cache(maxsize=8192)
def parse_numeral(s: str) -> Decimal:
    """Parse a numeral as written into an exact Decimal with its magnitude applied.

    >>> parse_numeral("1.2万"), parse_numeral("壹仟贰佰"), parse_numeral("百分之五"), parse_numeral("九成")
    (Decimal('1.2E+4'), Decimal('1200'), Decimal('5'), Decimal('90'))

    Percent forms return the percentage (``百分之五`` and ``5%`` -> 5; ``九成`` -> 90); per-mille
    forms return the per-mille figure (``3‰`` and ``千分之三`` -> 3).  A leading ``-`` or ``负``
    gives a negative value.  Raises ``ValueError`` for anything that is not a numeral.
    """
    if not isinstance(s, str):
        raise TypeError("parse_numeral expects a str")
    t = _fold(s)
    if not t:
        raise ValueError("empty numeral")
    sign = Decimal(1)
    if t[0] in "-−负負":
        sign, t = Decimal(-1), t[1:]
    elif t[0] == "+":
        t = t[1:]
    mult = Decimal(1)
    if t.startswith("百分之"):
        t = t[3:]
    elif t.startswith("千分之"):
        t = t[3:]
    elif t.endswith("%") or t.endswith("‰"):
        t = t[:-1]
    elif t.endswith("成") and len(t) > 1:
        t, mult = t[:-1], Decimal(10)
    if not t:
        raise ValueError(f"not a numeral: {s!r}")
    if _PLAIN_ARABIC.fullmatch(t):
        value = _arabic(t)
    else:
        value = _combine(_tokens(t))
    return tidy_decimal(sign * value * mult)


def tidy_decimal(d: Decimal) -> Decimal:
    """Normalise exponent so 12000 prints as 12000, not 1.2E+4, keeping exactness."""
    if d == d.to_integral_value() and d.adjusted() < 25:
        return d.quantize(Decimal(1))
    return d


def numeral_kind(s: str) -> str:
    """'percent' | 'permille' | 'year' | 'number' for a numeral as written."""
    t = _fold(s)
    if t.startswith("百分之") or t.endswith("%") or t.endswith("成"):
        return "percent"
    if t.startswith("千分之") or t.endswith("‰"):
        return "permille"
    if is_year_numeral(t):
        return "year"
    return "number"


def is_year_numeral(s: str) -> bool:
    """True for a digit-by-digit four-digit year such as ``二〇二四`` or ``2024`` (1900-2099)."""
    t = _fold(s)
    if len(t) != 4:
        return False
    if all(c in CN_DIGITS for c in t):
        t = "".join(str(CN_DIGITS[c]) for c in t)
    return t.isdigit() and 1900 <= int(t) <= 2099


def magnitude_of(s: str) -> Decimal:
    """Multiplier of a magnitude prefix as written: 万 -> 1e4, 千亿 -> 1e11, 百万 -> 1e6, '' -> 1."""
    m = Decimal(1)
    for ch in s:
        if ch in CN_SMALL_UNITS:
            m *= CN_SMALL_UNITS[ch]
        elif ch in CN_BIG_UNITS:
            m *= CN_BIG_UNITS[ch]
        else:
            raise ValueError(f"not a magnitude: {s!r}")
    return m
