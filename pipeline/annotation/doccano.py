"""doccano: sequence labelling with relations, as JSONL, and reading its export back.

One line per document: ``text``, ``entities`` (``id``, ``label``, ``start_offset``, ``end_offset``)
and ``relations`` (``from_id``, ``to_id``, ``type``), doccano's format for span labelling with
relations; the label names are the regions' (DATE, PERSON … PRODUCT, TITLE, QUALIFIER, the seven
commitment types, CONTENT). doccano has no per-span fields, so the fields (a date's value, an
entity's key, a commitment's actor members) travel in the line's ``jpextract`` object, keyed by
``start:end:label`` (``#2`` ... for a repeated one), which doccano keeps as metadata and exports
again: a span kept as it was gets its fields back on import, a span the annotator added or moved
has none (a date without a value is refused on import; use Label Studio to correct values, keys
and arguments). ``labels`` and ``relation_types`` are doccano's label-type files, to import into
the project.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pipeline.annotation.gold import Document, genre_of_item
from pipeline.annotation.labelstudio import COLOURS, TRIGGER_COLOUR
from pipeline.annotation.regions import GROUPS, RELATIONS, Region, Relation, document_regions
from pipeline.errors import Code, PipelineError
from pipeline.evaluate.corpus import text_sha256

GROUP_OF = {label: group for group, labels in GROUPS.items() for label in labels}


def _key(start: int, end: int, label: str) -> str:
    return f"{start}:{end}:{label}"


def _keys(spans: list[tuple[int, int, str]]) -> list[str]:
    """``start:end:label`` of each span, ``#2``, ``#3`` ... marking repeats (one trigger, two occasions).

    Repeats are counted in order, on export and on import alike.
    """
    seen: dict[str, int] = {}
    out = []
    for start, end, label in spans:
        key = _key(start, end, label)
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def line(doc: Mapping[str, Any], line_id: int) -> dict[str, Any]:
    """One doccano JSONL line for a record or fixture."""
    regions, relations, extra = document_regions(doc)
    numbers = {r.rid: n for n, r in enumerate(regions, 1)}
    keys = dict(zip((r.rid for r in regions), _keys([(r.start, r.end, r.label) for r in regions]), strict=True))
    text = str(doc.get("text") or "")
    return {
        "id": line_id,
        "text": text,
        "entities": [
            {"id": numbers[r.rid], "label": r.label, "start_offset": r.start, "end_offset": r.end} for r in regions
        ],
        "relations": [
            {"id": n, "from_id": numbers[rel.source], "to_id": numbers[rel.target], "type": rel.label}
            for n, rel in enumerate(relations, 1)
        ],
        "jpextract": {
            "doc_id": str(doc.get("doc_id")),
            "text_sha256": text_sha256(text),
            "genre": genre_of_item(doc),
            "fields": {keys[r.rid]: r.fields for r in regions if r.fields},
            "extra": {keys[r.rid]: extra[r.rid] for r in regions if r.rid in extra},
        },
    }


def lines(docs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One doccano line for every document, numbered from 1."""
    return [line(doc, n) for n, doc in enumerate(docs, 1)]


def labels() -> list[dict[str, Any]]:
    """The span label types, as doccano imports them (the project's Labels page)."""
    return [
        {"text": label, "background_color": COLOURS.get(label, TRIGGER_COLOUR), "text_color": "#000000"}
        for group in GROUPS.values()
        for label in group
    ]


def relation_types() -> list[dict[str, Any]]:
    """The relation types, as doccano imports them."""
    return [{"text": name, "background_color": "#888888", "text_color": "#ffffff"} for name in RELATIONS]


def _spans(item: Mapping[str, Any]) -> Iterator[tuple[str, int, int, str]]:
    for e in item.get("entities") or []:
        yield str(e["id"]), int(e["start_offset"]), int(e["end_offset"]), str(e["label"])
    for n, triple in enumerate(item.get("label") or []):  # doccano's plain sequence labelling format
        if isinstance(triple, list) and len(triple) == 3:
            yield f"l{n}", int(triple[0]), int(triple[1]), str(triple[2])


def _document(item: Mapping[str, Any], where: str) -> Document:
    text = str(item.get("text") or "")
    meta = item.get("jpextract") or (item.get("meta") or {}).get("jpextract") or {}
    fields, extras = meta.get("fields") or {}, meta.get("extra") or {}
    regions, extra = [], {}
    spans = list(_spans(item))
    for (rid, start, end, label), key in zip(spans, _keys([s[1:] for s in spans]), strict=True):
        if label not in GROUP_OF:
            raise PipelineError(Code.E106_FIELD, where, f"unknown label {label!r} (expected one of {sorted(GROUP_OF)})")
        regions.append(Region(rid, GROUP_OF[label], label, start, end, text[start:end],
                              {k: list(v) for k, v in (fields.get(key) or {}).items()}))
        if key in extras:
            extra[rid] = extras[key]
    relations = [Relation(str(r["from_id"]), str(r["to_id"]), str(r["type"])) for r in item.get("relations") or []]
    doc_id = str(meta.get("doc_id") or item.get("doc_id") or item.get("id"))
    sha = meta.get("text_sha256")
    return Document(doc_id, text, regions, relations, extra, where, str(sha) if sha else None,
                    str(meta.get("genre") or "") or None)


def read_export(raw: str, where: str) -> Iterator[Document]:
    """The documents of a doccano JSONL export."""
    for number, text in enumerate(raw.splitlines(), 1):
        if not text.strip():
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PipelineError(Code.E105_JSON, f"{where}:{number}", str(exc)) from exc
        if not isinstance(item, dict) or "text" not in item:
            raise PipelineError(Code.E106_FIELD, f"{where}:{number}", "a doccano line needs a text")
        yield _document(item, f"{where}:{number}")
