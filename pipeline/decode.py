"""Bytes -> text for pages from Chinese government sites.

Order of evidence (first conclusive one wins):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32) - decisive, overrides any declaration
   (Word re-saves pages as UTF-16 with a ``charset=unicode`` meta *and* a stale ``charset=UTF-8``);
2. strict UTF-8: GBK text practically never validates as UTF-8, so bytes that decode as UTF-8 *are*
   UTF-8 - even when the page declares GB2312 (pages normalised by scrapers keep the old meta);
3. the declared charset (HTTP header, then ``<meta charset>`` / ``http-equiv``); the GB2312/GBK family is
   decoded as GB18030, its superset, because real "GB2312" pages use GBK-only characters;
4. detection (charset-normalizer) when nothing is declared or the declaration does not fit the bytes.

Never silent mojibake: a warning (``encoding_mismatch:``, ``encoding_guessed:``,
``encoding_replacement:``) is attached whenever the result is not backed by a BOM, a valid declaration
or valid UTF-8.  A UTF-8 page with a few invalid byte sequences (a corrupted download, a GBK fragment
pasted into a UTF-8 template) stays UTF-8, with the bad bytes replaced by U+FFFD and counted.

``sniff_binary(raw)`` names binary formats (images, PDF, archives, Office files, executables) that
are not pages at all; the cleaner refuses them instead of decoding noise (see clean.NotHTMLError).
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .model import Decoded

# Declared names that mean "some GB encoding"; GB18030 decodes all of them.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "gb_2312-80", "gb_2312", "x-gbk", "cp936", "ms936",
              "windows-936", "csgb2312", "euc-cn", "x-euc-cn", "hz-gb-2312", "chinese"}
# Declarations that only make sense with a BOM (Word writes charset=unicode for UTF-16).
_UNICODE_ALIASES = {"unicode", "utf-16", "utf16", "ucs-2", "utf-16le", "utf-16be"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # must precede UTF-16 LE (shares its first two bytes)
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def normalize_charset(name: str | None) -> str | None:
    """Canonical codec name for a declared charset, or None when unknown/unusable."""
    if not name:
        return None
    n = name.strip().strip("\"'").lower()
    if not n:
        return None
    if n in _GB_FAMILY:
        return "gb18030"
    if n in _UNICODE_ALIASES:
        return "utf-16"
    if n in ("utf8", "utf-8", "unicode-1-1-utf-8"):
        return "utf-8"
    if n in ("big5", "big5-hkscs", "x-x-big5", "cn-big5"):
        return "big5hkscs"
    # ISO-8859-1/ASCII are what a server says by default, not a real statement about Chinese bytes:
    # browsers treat them as windows-1252; we keep them but they lose against valid UTF-8 anyway.
    if n in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"
    try:
        return codecs.lookup(n).name
    except LookupError:
        return None


def sniff_declared(raw: bytes) -> str | None:
    """Charset declared in the document itself (meta tag or XML declaration), from the first 32 KB."""
    head = raw[:32768]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def _bom(raw: bytes) -> str | None:
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return enc
    return None


def _looks_utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text with no BOM: markup is ASCII, so every other byte is NUL."""
    sample = raw[:2000]
    if len(sample) < 40:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _strict(raw: bytes, enc: str) -> str | None:
    try:
        return raw.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _cjk_share(text: str) -> float:
    """Share of non-ASCII characters that are common CJK ideographs / CJK punctuation.

    Mojibake from a wrong single-byte or wrong multi-byte decode is dominated by Latin-1 symbols,
    rare ideographs from the extension blocks and private-use characters.
    """
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 1.0
    good = sum(1 for c in non_ascii
               if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
               or c in "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7")
    return good / len(non_ascii)


def _detect(raw: bytes) -> tuple[str, str] | None:
    """(codec, text) from charset-normalizer, or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared, but degrade gracefully
        return None
    best = from_bytes(raw[:200_000]).best()
    if best is None:
        return None
    enc = normalize_charset(best.encoding) or best.encoding
    text = _strict(raw, enc)
    return (enc, text) if text is not None else None


# Magic numbers of binary formats that turn up where a page was expected (attachments saved with an
# .html name, error images served instead of a page).  Checked at offset 0 only.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/OFD)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (DOC/XLS/WPS)"),
    (b"\x1f\x8b", "gzip data"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x00\x00\x01\x00", "ICO image"),
)
# Control bytes that never occur in text (TAB, LF, FF, CR and ESC excluded).
_CONTROL = bytes(i for i in range(32) if i not in (9, 10, 12, 13, 27))


def sniff_binary(raw: bytes) -> str | None:
    """A short name of the binary format of ``raw``, or None when it may be text.

    Magic numbers first; then the share of control bytes in the first 4 KB (text, including GBK and
    UTF-8, has none; a page with a few stray NUL bytes stays far below the 10 % threshold).  Bytes with
    a BOM or the NUL pattern of BOM-less UTF-16 are text."""
    if not raw or _bom(raw) or _looks_utf16_without_bom(raw):
        return None
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    sample = raw[:4096]
    ctrl = len(sample) - len(sample.translate(None, _CONTROL))
    if ctrl > 0.10 * len(sample):
        return f"binary data ({100 * ctrl // len(sample)}% control bytes)"
    return None


def _mostly_utf8(raw: bytes) -> tuple[str, int] | None:
    """(text, number of replaced sequences) when ``raw`` is UTF-8 with only a few invalid sequences:
    at most 8, or at most 1 % of the non-ASCII characters (GBK read as UTF-8 fails almost everywhere)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127) if bad > 8 else 0
    if bad <= 8 or bad <= 0.01 * non_ascii:
        return text, bad
    return None


def decode_bytes(raw: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes; see the module docstring for the order of evidence."""
    warnings: list[str] = []

    bom = _bom(raw)
    if bom:
        text = raw.decode(bom, errors="replace")
        if "\ufffd" in text:
            warnings.append(f"encoding_replacement: {text.count(chr(0xFFFD))} undecodable sequences after {bom} BOM")
        return Decoded(text=text.lstrip("\ufeff"), encoding=bom.replace("-sig", ""),
                       source_of_encoding="bom", warnings=warnings)

    utf16 = _looks_utf16_without_bom(raw)
    if utf16:
        text = raw.decode(utf16, errors="replace")
        warnings.append(f"encoding_guessed: {utf16} without BOM (NUL-byte pattern)")
        return Decoded(text=text, encoding=utf16, source_of_encoding="detected", warnings=warnings)

    # Which declaration counts: the HTTP header outranks the document (as in browsers).
    declared_raw, declared_src = None, None
    if http_charset and normalize_charset(http_charset):
        declared_raw, declared_src = http_charset, "http"
    else:
        meta = sniff_declared(raw)
        if meta and normalize_charset(meta):
            declared_raw, declared_src = meta, "meta"
    declared = normalize_charset(declared_raw)

    is_ascii = raw.isascii()
    utf8 = _strict(raw, "utf-8")
    if utf8 is not None:
        if declared in (None, "utf-8") or is_ascii:
            # undeclared: "detected" by the strict UTF-8 trial, unless there was nothing to detect
            src = declared_src if declared_src else ("default" if is_ascii else "detected")
            return Decoded(text=utf8, encoding="utf-8", source_of_encoding=src, warnings=warnings)
        # Declared something else, but the bytes are valid UTF-8 with non-ASCII content: UTF-8 wins.
        warnings.append(f"encoding_mismatch: declared {declared_raw} ({declared_src}), bytes are valid utf-8")
        return Decoded(text=utf8, encoding="utf-8", source_of_encoding="detected", warnings=warnings)

    if declared and declared not in ("utf-8", "utf-16"):
        text = _strict(raw, declared)
        if text is not None and (declared != "cp1252" or _cjk_share(text) > 0.5):
            return Decoded(text=text, encoding=declared, source_of_encoding=declared_src, warnings=warnings)

    # Undeclared, or the declaration does not fit: GB18030 is by far the most likely legacy encoding
    # on .gov.cn; accept it when it decodes strictly into mostly common Chinese characters.
    gb = _strict(raw, "gb18030")
    if gb is not None and _cjk_share(gb) > 0.9:
        if declared:
            warnings.append(f"encoding_mismatch: declared {declared_raw} ({declared_src}), bytes decode as gb18030")
            return Decoded(text=gb, encoding="gb18030", source_of_encoding="detected", warnings=warnings)
        warnings.append("encoding_guessed: gb18030 (no declaration, strict decode)")
        return Decoded(text=gb, encoding="gb18030", source_of_encoding="detected", warnings=warnings)

    if declared in (None, "utf-8"):
        # Declared (or presumably) UTF-8 with a few invalid sequences: keep UTF-8, mark the damage.
        # Detection would otherwise guess a legacy codec and turn the whole page into mojibake.
        mu = _mostly_utf8(raw)
        if mu is not None:
            text, bad = mu
            warnings.append(f"encoding_replacement: {bad} invalid utf-8 sequence{'s' if bad != 1 else ''} "
                            f"replaced by U+FFFD" + (f" (declared {declared_raw}, {declared_src})" if declared else ""))
            src = declared_src if declared else "detected"
            return Decoded(text=text, encoding="utf-8", source_of_encoding=src, warnings=warnings)

    det = _detect(raw)
    if det is not None:
        enc, text = det
        warnings.append(f"encoding_guessed: {enc} (charset-normalizer"
                        + (f"; declared {declared_raw} did not fit)" if declared else ")"))
        return Decoded(text=text, encoding=enc, source_of_encoding="detected", warnings=warnings)

    # Nothing decodes cleanly: take the likeliest codec and say how much was replaced.
    best_enc, best_text, best_bad = "utf-8", None, None
    for enc in ([declared] if declared and declared != "utf-16" else []) + ["utf-8", "gb18030"]:
        t = raw.decode(enc, errors="replace")
        bad = t.count("\ufffd")
        if best_bad is None or bad < best_bad:
            best_enc, best_text, best_bad = enc, t, bad
    warnings.append(f"encoding_replacement: {best_bad} undecodable sequences replaced ({best_enc})")
    src = declared_src if declared == best_enc else "detected"
    return Decoded(text=best_text or "", encoding=best_enc, source_of_encoding=src, warnings=warnings)


def read_text_file(path: str | Path) -> Decoded:
    """A ``.txt`` input: UTF-8 as ``open(path, encoding="utf-8-sig", newline="").read()`` gives it.

    Line endings are not translated (offsets index the file text as read with ``newline=""``); a
    leading UTF-8 BOM is not text and is dropped, as ``pipeline.process`` does for ``.txt`` sources.
    Non-UTF-8 files fall back to :func:`decode_bytes` with a warning.
    """
    raw = Path(path).read_bytes()
    try:
        if raw.startswith(codecs.BOM_UTF8):
            return Decoded(text=raw[3:].decode("utf-8"), encoding="utf-8", source_of_encoding="bom")
        return Decoded(text=raw.decode("utf-8"), encoding="utf-8", source_of_encoding="default")
    except UnicodeDecodeError:
        d = decode_bytes(raw)
        d.warnings.insert(0, "encoding_not_utf8: text file is not valid UTF-8")
        return d
