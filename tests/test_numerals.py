"""Numeral parsing: exact Decimal values for every numeral form of the reports."""
from decimal import Decimal

import pytest

from pipeline.numerals import is_year_numeral, magnitude_of, numeral_kind, parse_numeral


@pytest.mark.parametrize("text, expected", [
    ("235", "235"), ("3,500", "3500"), ("1,392,476", "1392476"), ("440.5", "440.5"),
    ("１２３", "123"), ("０.５", "0.5"), ("3,.83", "3.83"),
    ("十二", "12"), ("一千二百", "1200"), ("两", "2"), ("一百零八", "108"), ("二十万零五百", "200500"),
    ("壹仟贰佰", "1200"), ("叁佰伍拾", "350"), ("萬", None), ("两萬", "20000"), ("三億", "300000000"),
    ("1.2万", "12000"), ("3万5千", "35000"), ("一点二万", "12000"), ("1234.5亿", "123450000000"),
    ("3亿1600万", "316000000"), ("2千亿", "200000000000"), ("13.57万亿", "13570000000000"),
    ("一万五", "15000"), ("三千五", "3500"), ("一万零五", "10005"),
    ("百分之五", "5"), ("百分之一点五", "1.5"), ("九成", "90"), ("3‰", "3"), ("千分之三", "3"), ("12.5%", "12.5"),
    ("-1.16", "-1.16"), ("零", "0"), ("〇", "0"),
])
def test_values(text, expected):
    if expected is None:
        with pytest.raises(ValueError):
            parse_numeral(text)
    else:
        assert parse_numeral(text) == Decimal(expected)


def test_exact_not_float():
    assert parse_numeral("0.1万") == Decimal("1000")
    assert str(parse_numeral("1.2万")) == "12000"


def test_years_and_kinds():
    assert parse_numeral("二〇二四") == 2024 and parse_numeral("三五") == 35  # digit runs read positionally
    assert is_year_numeral("二〇二四") and is_year_numeral("2024") and not is_year_numeral("3500")
    assert numeral_kind("百分之五") == "percent" and numeral_kind("九成") == "percent"
    assert numeral_kind("3‰") == "permille" and numeral_kind("二〇二五") == "year"
    assert numeral_kind("1.2万") == "number"


def test_magnitude():
    assert magnitude_of("万") == 10**4 and magnitude_of("千亿") == 10**11 and magnitude_of("") == 1


@pytest.mark.parametrize("bad", ["", "abc", "万", "1.2.3"])
def test_garbage_raises(bad):
    with pytest.raises(ValueError):
        parse_numeral(bad)


def test_cn2an_oracle():
    """cn2an (test-only oracle) writes numbers out in Chinese; we must read them back exactly."""
    cn2an = pytest.importorskip("cn2an")
    import random
    rng = random.Random(20240501)
    numbers = list(range(0, 1200)) + [rng.randrange(0, 10**12) for _ in range(1500)]
    for n in numbers:
        for mode in ("low", "up"):
            written = cn2an.an2cn(n, mode)
            assert parse_numeral(written) == n, (n, written)
    for _ in range(300):  # decimals: 一点二三
        x = Decimal(rng.randrange(0, 10**6)) / 100
        written = cn2an.an2cn(str(x), "low")
        assert parse_numeral(written) == x, (x, written)
