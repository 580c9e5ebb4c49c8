"""``indicator_key``: a subject normalised so that the same indicator lines up across reports.

``调解各类矛盾纠纷`` (2024, 鹦鹉街道) and ``共调解矛盾纠纷`` (2023, another street) are one series:
both become ``调解矛盾纠纷``.  Steps, all rule data in ``lexicons/keys_subjects.tsv``:

1. fold the subject with ``pipeline.normalize`` (fullwidth -> ASCII, traditional -> simplified,
   pinyin ruby dropped), remove a leading list marker (``(四)``, ``一、``) and whitespace, quotes and
   punctuation;
2. tokenise it with ``pipeline.segment`` (jieba with the project dictionary) and drop scope
   tokens (``drop``: 共, 累计, 全年, 各类 …) wherever they stand - as tokens only, so 公共预算 keeps
   its 共 - and place-scope tokens (``lead``: 全区, 全市 …) at the start;
3. replace abbreviation tokens (``token``: 规上 -> 规模以上);
4. map a whole key to its canonical name (``synonym``: 公共财政预算收入 -> 一般公共预算收入).

The key is a grouping aid, not a claim that two figures measure the same thing: units and
``change`` still have to agree (``pipeline.plot`` keeps the key's dominant unit and levels only).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

__all__ = ["indicator_key", "key_rules"]

_LEX = Path(__file__).with_name("lexicons") / "keys_subjects.tsv"
# list markers before a table-row label: (四)无法提供, 一、本年新收…, 1.
_MARKER = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))")
_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()\[\]【】,，、:：;；.。!！?？]+")


@lru_cache(maxsize=1)
def key_rules() -> dict:
    rules: dict = {"drop": set(), "lead": set(), "token": {}, "synonym": {}}
    for line in _LEX.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kind = parts[0]
        if kind in ("drop", "lead"):
            rules[kind].add(parts[1])
        elif kind in ("token", "synonym"):
            rules[kind][parts[1]] = parts[2]
        else:
            raise ValueError(f"{_LEX.name}: unknown rule kind {kind!r}")
    return rules


@lru_cache(maxsize=65536)
def indicator_key(subject: Optional[str]) -> Optional[str]:
    """The normalised key of a subject; None for an empty subject."""
    if not subject:
        return None
    from .normalize import normalize_with_map
    from .segment import cut

    rules = key_rules()
    norm, _ = normalize_with_map(subject)
    norm = _STRIP.sub("", _MARKER.sub("", norm))
    if not norm:
        return None
    tokens = [rules["token"].get(t, t) for t in cut(norm)]
    tokens = [t for t in tokens if t not in rules["drop"]]
    while tokens and tokens[0] in rules["lead"] | rules["drop"]:
        tokens.pop(0)
    key = "".join(tokens)
    if not key:
        return norm  # the subject was nothing but scope words: keep it rather than lose it
    return rules["synonym"].get(key, key)
