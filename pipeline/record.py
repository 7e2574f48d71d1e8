"""Stage 6: turn an ``Extraction`` into the contract's JSON record (and token rows).

Records are plain dicts of JSON types, ready for ``jsonl.dumps`` (sorted keys): no timestamps,
no absolute paths, so the same input always gives the same bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from pipeline.schema import SCHEMA_VERSION, Extraction, Sentence


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, str):
        return str(obj)  # StrEnum members become plain strings
    return obj


def to_record(extraction: Extraction) -> dict[str, Any]:
    """The output record of one document (see CONTRACT.md and pipeline/data/record.schema.json)."""
    doc = extraction.document
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "text": doc.text,
        "meta": _plain(doc.meta),
        "source": _plain(doc.source),
        "sentences": [{"start": s.start, "end": s.end} for s in extraction.sentences],
        "dates": [_plain(d) for d in extraction.dates],
        "entities": [_plain(e) for e in extraction.entities],
        "commitments": [_plain(c) for c in extraction.commitments],
        "warnings": [_plain(w) for w in extraction.warnings],
    }


def token_rows(doc_id: str, sentences: tuple[Sentence, ...]) -> Iterator[dict[str, Any]]:
    """``tokens.jsonl`` rows: one per sentence, with its index and span."""
    for index, sentence in enumerate(sentences):
        yield {
            "doc_id": doc_id,
            "sentence": index,
            "start": sentence.start,
            "end": sentence.end,
            "tokens": [
                {
                    "start": t.start,
                    "end": t.end,
                    "surface": t.surface,
                    "lemma": t.lemma,
                    "pos": t.pos,
                    "reading": t.reading,
                }
                for t in sentence.tokens
            ],
        }
