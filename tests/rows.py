"""Hand-made dataset rows for tests of the dataset layer (local and remote outputs)."""
from datetime import datetime, timezone
from decimal import Decimal

T0 = datetime(2025, 3, 1, tzinfo=timezone.utc)


def _doc(doc_id, source, year=2024, text="共调解矛盾纠纷235起"):
    return {"doc_id": doc_id, "source": source, "url": None, "site_name": "某区人民政府", "title": "t",
            "published": f"{year}-02-10", "fetched_at": T0, "content_type": "html", "encoding": "utf-8",
            "raw_bytes": 10, "main_text": text, "n_chars": len(text), "n_indicators": 1, "status": "ok",
            "warnings": [], "error": None, "meta": None, "extractor_version": "test", "year": year}


def _ind(doc_id, source, year=2024):
    return {"doc_id": doc_id, "indicator_id": f"{doc_id}:7:10", "source": source,
            "span_start": 1, "span_end": 11, "span_text": "调解矛盾纠纷235起",
            "value_start": 7, "value_end": 10, "value_text": "235", "value": Decimal("235"),
            "value_high": None, "unit": "起", "unit_text": "起", "subject": "调解矛盾纠纷",
            "subject_start": 1, "subject_end": 7, "qualifier": None, "change": None, "period": None,
            "sentence_start": 0, "sentence_end": 11, "section": ["一、总体情况"], "notes": [], "year": year}
