"""jieba set-up, sentence/clause splitting and POS tokenisation, all with character offsets.

jieba is loaded lazily, once per process, into a private ``jieba.Tokenizer`` (the global
``jieba.dt`` is left untouched) with the user dictionary ``lexicons/userdict.txt``; jieba's
logger is kept at WARNING so loading prints nothing.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

__all__ = ["Token", "get_tokenizer", "get_pos_tokenizer", "sentences", "clauses", "tokenize", "cut"]

_USERDICT = Path(__file__).with_name("lexicons") / "userdict.txt"
_LOCK = threading.Lock()

# Sentence ends: 。！？!? ; and line breaks.  Semicolons end a sentence too: in these reports they
# separate list items that each carry their own subject.
_SENT_END = re.compile(r"[。！？!?;；]+|\n")
# Clause separators inside a sentence (a comma between digits is a thousands separator: 1,250).
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|[，:：;；。！？!?\t\n]")


class Token(NamedTuple):
    word: str
    flag: str   # jieba.posseg tag ('n', 'v', 'm', 'q', ...); '' from tokenize(pos=False)
    start: int
    end: int


def _quiet() -> None:
    import jieba
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)


@lru_cache(maxsize=1)
def get_tokenizer():
    """The process-wide jieba tokenizer with our user dictionary (built on first use)."""
    with _LOCK:
        import jieba
        _quiet()
        tk = jieba.Tokenizer()
        tk.initialize()
        # jieba.load_userdict does not accept comment lines: feed it the entries only.
        for line in _USERDICT.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            word = parts[0]
            freq = int(parts[1]) if len(parts) > 1 else None
            tag = parts[2] if len(parts) > 2 else None
            tk.add_word(word, freq, tag)
        return tk


@lru_cache(maxsize=1)
def get_pos_tokenizer():
    """jieba.posseg tokenizer sharing :func:`get_tokenizer`'s dictionary."""
    import jieba.posseg as pseg
    tk = get_tokenizer()
    pt = pseg.POSTokenizer(tk)
    # POSTokenizer reads tags of user words from its own table: register ours.
    for line in _USERDICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3 and not line.startswith("#"):
            pt.word_tag_tab[parts[0]] = parts[2]
    pt.makesure_userdict_loaded()      # what posseg does before its first cut (_pos_words skips posseg.cut)
    return pt


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(s, e)`` in ``text[start:end]``, ends including the terminator; blanks skipped."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if text[pos:m.end()].strip():
            out.append((pos, m.end()))
        pos = m.end()
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return out


def _inside_short_paren(text: str, k: int, lo: int) -> bool:
    """Is text[k] inside a parenthesis opened at most 10 characters before and closed within 10 after?"""
    op = text.rfind("(", max(lo, k - 10), k)
    if op < 0 or text.find(")", op, k) >= 0:
        return False
    cl = text.find(")", k, k + 11)
    return cl > 0 and not any(c in text[k + 1:cl] for c in "。;(")


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans (separators excluded) in ``text[start:end]``."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if text[m.start()] == "," and _inside_short_paren(text, m.start(), start):
            continue                       # 等级为A(笑脸,良好)的占31.26%: a comma inside a short parenthesis
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def cut(text: str) -> list[str]:
    """Plain segmentation with our dictionary (no HMM for unknown words: stable, faster)."""
    return get_tokenizer().lcut(text, HMM=False)


# jieba.posseg's own block and token patterns (posseg/__init__.py), for _pos_words below
_RE_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_RE_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_NUM = re.compile("[\\.0-9]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@lru_cache(maxsize=8192)
def _pos_words(chunk: str) -> tuple:
    """(word, flag) pairs of a chunk; cached because extraction re-reads the same short phrases
    (a subject prefix is tokenized by several clean-up rules).

    The same tokens and tags as ``jieba.posseg.POSTokenizer.lcut(chunk, HMM=False)`` (a test checks it
    on generated text), without posseg's generator layers and pair objects: POS tokenisation is the
    largest single cost of extraction."""
    pt = get_pos_tokenizer()
    tk, tags = pt.tokenizer, pt.word_tag_tab
    out = []
    for blk in _RE_HAN_INTERNAL.split(chunk):
        if not blk:
            continue
        if _RE_HAN_INTERNAL.match(blk):
            dag = tk.get_DAG(blk)
            route: dict = {}
            tk.calc(blk, dag, route)
            x, n, buf = 0, len(blk), ""
            while x < n:
                y = route[x][1] + 1
                w = blk[x:y]
                if y - x == 1 and w in _ASCII_ALNUM:
                    buf += w
                else:
                    if buf:
                        out.append((buf, "eng"))
                        buf = ""
                    out.append((w, tags.get(w, "x")))
                x = y
            if buf:
                out.append((buf, "eng"))
        else:
            for x in _RE_SKIP_INTERNAL.split(blk):
                if _RE_SKIP_INTERNAL.match(x):
                    out.append((x, "x"))
                else:
                    eng = _RE_ENG.match(x) is not None
                    for xx in x:
                        out.append((xx, "m" if _RE_NUM.match(xx) else "eng" if eng else "x"))
    return tuple(out)


@lru_cache(maxsize=8192)
def _words(chunk: str) -> tuple:
    return tuple(get_tokenizer().lcut(chunk, HMM=False))


def tokenize(text: str, start: int = 0, end: int | None = None, pos: bool = True) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets; with ``pos`` the jieba.posseg tags."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    out: list[Token] = []
    i = start
    if pos:
        for word, flag in _pos_words(chunk):
            out.append(Token(word, flag, i, i + len(word)))
            i += len(word)
    else:
        for w in _words(chunk):
            out.append(Token(w, "", i, i + len(w)))
            i += len(w)
    return out


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, line terminators excluded (handles \\r\\n)."""
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        e = n if nl < 0 else nl
        s_end = e - 1 if e > pos and text[e - 1] == "\r" else e
        yield pos, s_end
        if nl < 0:
            break
        pos = nl + 1
