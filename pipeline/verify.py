"""Re-check a written dataset against its stored text.

Checks, per indicator row: ``value``, ``span`` and ``subject`` offsets index their stored surface in
``documents.main_text``; the row's document exists.  Per document whose raw bytes are still at
``source`` (same sha256 as ``doc_id``) and whose ``extractor_version`` is the current one: the
stored ``main_text`` re-derives from those bytes.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .dataset import read_table
from .version import extractor_version


@dataclass
class VerifyReport:
    indicators: int = 0
    documents: int = 0
    rederived: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.documents > 0

    def to_text(self, limit: int = 50) -> str:
        head = (f"checked {self.indicators} indicators in {self.documents} documents; "
                f"re-derived main_text of {self.rederived} documents from their raw bytes")
        if self.documents == 0:
            return head + "\nFAILED: the dataset is empty or missing"
        if not self.problems:
            return head + "\nOK: every indicator grounds in its stored text"
        lines = [head, f"FAILED: {len(self.problems)} problems"]
        lines += ["  " + p for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


def verify(out: os.PathLike | str = "outputs", *, rederive: bool = True) -> VerifyReport:
    docs = read_table(out, "documents").to_pylist()
    inds = read_table(out, "indicators").to_pylist()
    rep = VerifyReport(indicators=len(inds), documents=len(docs))
    texts = {d["doc_id"]: d["main_text"] or "" for d in docs}
    for r in inds:
        text = texts.get(r["doc_id"])
        where = f"{r['source']} indicator {r['indicator_id']}"
        if text is None:
            rep.problems.append(f"{where}: no document row {r['doc_id'][:12]}")
            continue
        for key, surface in (("value", r["value_text"]), ("span", r["span_text"]), ("subject", r["subject"])):
            s, e = r[f"{key}_start"], r[f"{key}_end"]
            if s is None and key == "subject":
                continue
            if s is None or e is None or text[s:e] != surface:
                got = None if s is None or e is None else text[s:e]
                rep.problems.append(f"{where}: {key} {surface!r} != main_text[{s}:{e}] {got!r}")
    if rederive:
        from .process import clean_document

        current = extractor_version()
        for d in docs:
            src = d["source"]
            if d["extractor_version"] != current or not src or not Path(src).is_file():
                continue
            raw = Path(src).read_bytes()
            if hashlib.sha256(raw).hexdigest() != d["doc_id"]:
                continue  # the file changed since it was processed: nothing to compare
            if d["status"] == "error":
                continue
            again = clean_document(raw, source=src).main_text
            rep.rederived += 1
            if again != (d["main_text"] or ""):
                rep.problems.append(f"{src}: stored main_text differs from a re-derivation with {current}")
    return rep
