"""Helpers shared by tests: every span of a record, for the offset invariant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def iter_spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, span) for every span with a surface in a record or gold fixture."""
    for date in record.get("dates", []):
        yield f"date {date.get('id')}", date
    for ent in record.get("entities", []):
        yield f"entity {ent.get('id')}", ent
        for key in ("title", "title_qualifier"):
            if ent.get(key):
                yield f"entity {ent.get('id')} {key}", ent[key]
    for com in record.get("commitments", []):
        yield f"commitment {com.get('id')}", com
        yield f"commitment {com.get('id')} trigger", com["trigger"]
        if com.get("content"):
            yield f"commitment {com.get('id')} content", com["content"]


def offset_errors(record: dict[str, Any]) -> list[str]:
    """Every span whose offsets do not give back its surface."""
    text = record["text"]
    errors = []
    for where, span in iter_spans(record):
        start, end = span["start"], span["end"]
        if not (0 <= start < end <= len(text)) or text[start:end] != span["surface"]:
            errors.append(f"{record.get('doc_id')} {where}: {start}-{end} {span.get('surface')!r}")
    return errors
