"""Encoding cases of issue 3: UTF-8, GB2312/GBK/GB18030 declared in a meta tag, in the HTTP header or
nowhere, a BOM, a wrong declaration; never silent mojibake."""
import codecs

from pipeline.decode import decode_bytes, normalize_charset, read_text_file

# 堃/镕 are GBK-only (not in GB2312): real "GB2312" pages use them, so GB names must decode as GB18030.
TEXT = "示例区统计局发布2024年统计公报：地区生产总值增长5.6%，王堃、朱镕参加会议。"


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>统计公报</title></head><body><p>{body}</p></body></html>"


def test_utf8_declared_in_meta():
    d = decode_bytes(html(TEXT, '<meta charset="utf-8">').encode("utf-8"))
    assert TEXT in d.text
    assert (d.encoding, d.source_of_encoding, d.warnings) == ("utf-8", "meta", [])


def test_utf8_undeclared():
    d = decode_bytes(html(TEXT).encode("utf-8"))
    assert TEXT in d.text and d.encoding == "utf-8" and d.warnings == []


def test_gb2312_declared_in_meta_with_gbk_only_characters():
    raw = html(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk")
    d = decode_bytes(raw)
    assert TEXT in d.text
    assert (d.encoding, d.source_of_encoding, d.warnings) == ("gb18030", "meta", [])


def test_gbk_declared_in_http_header_only():
    d = decode_bytes(html(TEXT).encode("gbk"), http_charset="GBK")
    assert TEXT in d.text
    assert (d.encoding, d.source_of_encoding, d.warnings) == ("gb18030", "http", [])


def test_http_header_outranks_meta():
    raw = html(TEXT, '<meta charset="iso-8859-1">').encode("gb18030")
    d = decode_bytes(raw, http_charset="gb18030")
    assert TEXT in d.text and d.source_of_encoding == "http"


def test_gb18030_undeclared_is_guessed_with_a_warning():
    d = decode_bytes(html(TEXT).encode("gbk"))
    assert TEXT in d.text
    assert d.encoding == "gb18030" and d.source_of_encoding == "detected"
    assert d.warnings and d.warnings[0].startswith("encoding_guessed:")


def test_utf8_bom_wins_and_is_stripped():
    raw = codecs.BOM_UTF8 + html(TEXT, '<meta charset="gbk">').encode("utf-8")
    d = decode_bytes(raw)
    assert d.text.startswith("<html>") and TEXT in d.text
    assert (d.encoding, d.source_of_encoding) == ("utf-8", "bom")


def test_utf16le_bom_word_page_with_conflicting_declarations():
    # MS Word writes charset=unicode and keeps the page's old <meta charset=UTF-8>
    head = '<meta http-equiv=Content-Type content="text/html; charset=unicode"><meta charset="UTF-8">'
    raw = codecs.BOM_UTF16_LE + html(TEXT, head).encode("utf-16-le")
    d = decode_bytes(raw)
    assert TEXT in d.text and not d.text.startswith("\ufeff")
    assert (d.encoding, d.source_of_encoding) == ("utf-16", "bom")


def test_utf16_without_bom_is_detected_with_a_warning():
    d = decode_bytes(html(TEXT * 3).encode("utf-16-le"))
    assert TEXT in d.text and d.encoding == "utf-16-le"
    assert d.warnings[0].startswith("encoding_guessed:")


def test_wrong_declaration_gb2312_but_bytes_are_utf8():
    raw = html(TEXT, '<meta http-equiv="content-type" content="text/html;charset=GB2312">').encode("utf-8")
    d = decode_bytes(raw)
    assert TEXT in d.text and d.encoding == "utf-8"
    assert d.warnings[0].startswith("encoding_mismatch: declared GB2312")


def test_wrong_declaration_utf8_but_bytes_are_gbk():
    d = decode_bytes(html(TEXT, '<meta charset="utf-8">').encode("gbk"))
    assert TEXT in d.text and d.encoding == "gb18030"
    assert d.warnings[0].startswith("encoding_mismatch: declared utf-8")


def test_undecodable_bytes_are_never_silent():
    raw = html(TEXT, '<meta charset="utf-8">').encode("utf-8") + b"\xff\xfe\xfd\x80\x81" * 3 + b"\x00\xff"
    d = decode_bytes(raw)
    assert d.warnings, "replacement characters or a guess must be reported"
    assert any(w.split(":")[0] in ("encoding_replacement", "encoding_guessed", "encoding_mismatch") for w in d.warnings)


def test_normalize_charset_names():
    assert normalize_charset("GB2312") == normalize_charset("x-gbk") == normalize_charset("cp936") == "gb18030"
    assert normalize_charset("UTF8") == "utf-8"
    assert normalize_charset("unicode") == "utf-16"
    assert normalize_charset("no-such-charset") is None


def test_read_text_file_keeps_line_endings(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes("第一行\r\n第二行\n第三行\r".encode("utf-8"))
    d = read_text_file(p)
    assert d.text == "第一行\r\n第二行\n第三行\r"
    assert d.text == open(p, encoding="utf-8", newline="").read()
    assert d.warnings == []


def test_read_text_file_drops_a_leading_bom_only(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + "报告\r\n正文".encode("utf-8"))
    d = read_text_file(p)
    assert d.text == "报告\r\n正文" and d.source_of_encoding == "bom"


def test_read_text_file_not_utf8_warns(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(TEXT.encode("gbk"))
    d = read_text_file(p)
    assert d.text == TEXT
    assert d.warnings[0].startswith("encoding_not_utf8")


# ---------------------------------------------------------------- damaged bytes (issue 7)

from pipeline.decode import sniff_binary  # noqa: E402


def test_a_few_invalid_bytes_in_a_utf8_page_stay_utf8_with_a_count():
    raw = html(TEXT * 3, '<meta charset="utf-8">').encode("utf-8").replace("统计".encode(), b"\xff\xfe", 1)
    d = decode_bytes(raw)
    assert d.encoding == "utf-8" and d.text.count("\ufffd") == 2
    assert TEXT in d.text  # the other two copies are intact
    assert d.warnings == ["encoding_replacement: 2 invalid utf-8 sequences replaced by U+FFFD (declared utf-8, meta)"]


def test_gbk_bytes_declared_utf8_are_decoded_as_gb18030():
    d = decode_bytes(html(TEXT, '<meta charset="utf-8">').encode("gbk"))
    assert TEXT in d.text and d.encoding == "gb18030"
    assert d.warnings[0].startswith("encoding_mismatch: declared utf-8")


def test_sniff_binary():
    assert sniff_binary(b"\x89PNG\r\n\x1a\n\x00\x00") == "PNG image"
    assert sniff_binary(b"%PDF-1.4\n") == "PDF document"
    assert sniff_binary(b"PK\x03\x04" + b"\x00" * 40).startswith("ZIP archive")
    assert sniff_binary(bytes(range(256)) * 4).startswith("binary data")
    assert sniff_binary(html(TEXT).encode("utf-8")) is None
    assert sniff_binary(html(TEXT).encode("gbk")) is None
    assert sniff_binary(html(TEXT + "\x00" * 3).encode("utf-8")) is None  # a few NULs: still a page
    assert sniff_binary(codecs.BOM_UTF16_LE + html(TEXT).encode("utf-16-le")) is None
    assert sniff_binary(html(TEXT).encode("utf-16-le")) is None  # BOM-less UTF-16
    assert sniff_binary(b"") is None
