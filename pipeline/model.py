"""Small dataclasses passed between the stages.

Data flows one way: raw bytes -> ``Decoded`` (decode.py) -> ``CleanedDocument`` (clean.py)
-> ``Indicator`` list (extract.py) -> Arrow tables (dataset.py).  Every offset in an
``Indicator`` indexes ``CleanedDocument.main_text`` (or the plain text given to the
extractor): ``text[start:end]`` equals the stored surface.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from decimal import Decimal
from typing import Optional


@dataclass
class Decoded:
    """Bytes decoded to text, with how the encoding was chosen."""

    text: str
    encoding: str  # codec name actually used, e.g. "utf-8", "gb18030"
    source_of_encoding: str  # "bom" | "http" | "meta" | "detected" | "default"
    warnings: list[str] = field(default_factory=list)


@dataclass
class CleanedDocument:
    """One page after boilerplate removal.

    ``main_text`` holds the article body: paragraphs separated by ``\\n``; table rows as one
    line each with cells joined by ``\\t``.  ``status`` is ``ok`` for an article, otherwise a
    reason the page has no usable body (``not_an_article``, ``js_rendered``, ``empty``).
    """

    title: Optional[str]
    published: Optional[str]  # ISO date YYYY-MM-DD, or None
    site_name: Optional[str]
    main_text: str
    encoding: Optional[str] = None
    status: str = "ok"
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # government meta tags found on the page

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Indicator:
    """One numeric mention.  Field names follow ../shared/CONTRACT.md."""

    span_start: int
    span_end: int
    span_text: str
    value_start: int
    value_end: int
    value_text: str
    value: Decimal
    value_high: Optional[Decimal]
    unit: str
    unit_text: str
    subject: str
    subject_start: Optional[int]
    subject_end: Optional[int]
    qualifier: Optional[str]
    change: Optional[str]
    period: Optional[str]
    sentence_start: int = 0
    sentence_end: int = 0
    section: tuple[str, ...] = ()  # heading path, outermost first
    notes: tuple[str, ...] = ()  # extractor remarks (e.g. "table_cell", "rank", "target")

    def to_json(self) -> dict:
        """JSON-friendly dict: Decimals as numbers (float), tuples as lists."""
        d = asdict(self)
        d["value"] = _num(self.value)
        d["value_high"] = _num(self.value_high) if self.value_high is not None else None
        d["section"] = list(self.section)
        d["notes"] = list(self.notes)
        return d


def _num(v: Decimal):
    """Decimal -> int when integral, else float (JSON has no decimal type)."""
    if v == v.to_integral_value():
        return int(v)
    return float(v)
