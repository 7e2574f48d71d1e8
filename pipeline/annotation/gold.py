"""Annotation regions back to a gold fixture in the contract's shape (``tests/fixtures/gold``).

Offsets are checked against the text: a region whose ``text[start:end]`` is not its surface is
realigned (an offset counted in UTF-16 code units, as a browser counts, is converted; else the
nearest occurrence of the surface) and refused when the surface is nowhere near. Items get fresh
ids in text order (``d0``, ``e0``, ``c0``); references between them follow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pipeline.annotation.regions import (
    COMMITMENT_TYPES,
    CONTENT,
    DATE,
    ENTITY_LABELS,
    QUALIFIER,
    TITLE,
    Region,
    Relation,
)
from pipeline.errors import Code, PipelineError
from pipeline.evaluate.corpus import text_sha256

NEAR = 200  # characters around a stated offset searched for the surface


@dataclass(frozen=True)
class Document:
    """One annotated document as a tool exported it."""

    doc_id: str
    text: str
    regions: list[Region]
    relations: list[Relation]
    extra: Mapping[str, Any]
    where: str  # the task or line, for error messages
    text_sha256: str | None = None  # of the text that was exported, when the export carries it
    genre: str | None = None  # whitepaper / diet / mofa / speech, scored apart by evaluate


def _utf16_to_codepoints(text: str, offset: int) -> int | None:
    units = 0
    for index, ch in enumerate(text):
        if units >= offset:
            return index if units == offset else None
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if units == offset else None


def align(text: str, region: Region, where: str) -> Region:
    """The region with offsets that index ``text`` (see the module docstring)."""
    start, end, surface = region.start, region.end, region.surface
    if 0 <= start < end <= len(text) and (not surface or text[start:end] == surface):
        return replace(region, surface=text[start:end])
    s16, e16 = _utf16_to_codepoints(text, start), _utf16_to_codepoints(text, end)
    if s16 is not None and e16 is not None and text[s16:e16] == surface:
        return replace(region, start=s16, end=e16)
    if surface:
        found = [i for i in _occurrences(text, surface) if abs(i - start) <= NEAR]
        if found:
            best = min(found, key=lambda i: abs(i - start))
            return replace(region, start=best, end=best + len(surface))
    raise PipelineError(
        Code.E106_FIELD, where, f"region {region.rid} {region.label} {start}-{end} {surface!r} is not in the text"
    )


def _occurrences(text: str, surface: str) -> list[int]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append(i)
        i = text.find(surface, i + 1)
    return out


def _one(region: Region, name: str) -> str | None:
    values = [v.strip() for v in region.fields.get(name, []) if v.strip()]
    return values[0] if values else None


def _members(value: str | None) -> list[str]:
    """``JP, US`` (commas, 、 or spaces) -> ["JP", "US"], in the order written, each once."""
    names = (m.strip() for m in (value or "").replace("、", ",").replace(" ", ",").split(","))
    return list(dict.fromkeys(m for m in names if m))


def _span(region: Region) -> dict[str, Any]:
    return {"start": region.start, "end": region.end, "surface": region.surface}


class _Builder:
    """Regions and relations of one document, indexed for building its items."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        regions = sorted(doc.regions, key=lambda r: (r.start, r.end, r.rid))
        self.by_rid = {r.rid: r for r in regions}
        self.dates = [r for r in regions if r.label == DATE]
        self.entities = [r for r in regions if r.label in ENTITY_LABELS]
        self.triggers = [r for r in regions if r.label in COMMITMENT_TYPES]
        self.ids = {r.rid: f"d{n}" for n, r in enumerate(self.dates)}
        self.ids.update({r.rid: f"e{n}" for n, r in enumerate(self.entities)})
        self.links: dict[tuple[str, str], list[Region]] = {}
        for rel in doc.relations:
            if rel.source in self.by_rid and rel.target in self.by_rid:
                self.links.setdefault((rel.source, rel.label), []).append(self.by_rid[rel.target])

    def linked(self, region: Region, label: str, allowed: Sequence[str]) -> list[Region]:
        """Regions ``region`` links to with ``label`` whose label is in ``allowed``."""
        return [r for r in self.links.get((region.rid, label), []) if r.label in allowed]

    def date(self, r: Region) -> dict[str, Any]:
        source = _one(r, "resolved_from")
        return {
            "id": self.ids[r.rid], **_span(r), "value": _one(r, "value"), "mod": _one(r, "mod"),
            "part": _one(r, "part"), "range": _one(r, "range"), "flags": sorted(r.fields.get("flags", [])),
            "resolved_from": self.ids.get(source, source) if source else None,
        }

    def entity(self, r: Region) -> dict[str, Any]:
        titles, qualifiers = self.linked(r, "title", (TITLE,)), self.linked(r, "qualifier", (QUALIFIER,))
        return {
            "id": self.ids[r.rid], **_span(r), "label": r.label, "subtype": _one(r, "subtype"),
            "canonical": _one(r, "canonical"), "title": _span(titles[0]) if titles else None,
            "title_qualifier": _span(qualifiers[0]) if qualifiers else None, "key": _one(r, "key"),
            "optional": bool(r.fields.get("optional")),
        }

    def _entity_ref(self, r: Region) -> dict[str, Any]:
        return {"entity_id": self.ids[r.rid], "surface": r.surface}

    def _speaker(self, r: Region) -> dict[str, Any] | None:
        people = self.linked(r, "speaker", ("PERSON",))
        name, office = _one(r, "speaker"), _one(r, "speaker_title")
        if people:
            titles = self.linked(people[0], "title", (TITLE,))
            return {**self._entity_ref(people[0]), "title": office or (titles[0].surface if titles else None)}
        return {"entity_id": None, "surface": name, "title": office} if name else None

    def _recipient(self, r: Region) -> dict[str, Any] | None:
        field, linked = _one(r, "recipient"), self.linked(r, "recipient", ENTITY_LABELS)
        if field is None and not linked:
            return None
        return {"members": _members(field if field != "-" else ""), "entities": [self.ids[e.rid] for e in linked]}

    def _date_ref(self, r: Region) -> dict[str, Any] | None:
        dates, value = self.linked(r, "date", (DATE,)), _one(r, "date")
        if dates:
            return {"value": value or _one(dates[0], "value"), "date_id": self.ids[dates[0].rid]}
        return {"value": value, "date_id": None} if value else None

    def commitment(self, n: int, r: Region) -> dict[str, Any]:
        contents = self.linked(r, "content", (CONTENT,))
        venues = self.linked(r, "venue", ("EVENT", "DOCUMENT"))
        extra = self.doc.extra.get(r.rid) or {}
        moved = extra.get("trigger") != [r.start, r.end]
        parts = [r, *contents[:1]]
        start, end = min(p.start for p in parts), max(p.end for p in parts)
        if not moved and None not in (extra.get("evidence") or [None]):
            start, end = extra["evidence"]
        flags = set(r.fields.get("flags", []))
        return {
            "id": f"c{n}", "start": start, "end": end, "surface": self.doc.text[start:end],
            "trigger": {**_span(r), "lemma": (None if moved else extra.get("lemma")) or r.surface},
            "type": r.label,
            "actor": {"members": _members(_one(r, "actor")), "inferred": bool(r.fields.get("actor_inferred")),
                      "entities": [self.ids[e.rid] for e in self.linked(r, "actor", ENTITY_LABELS)]},
            "recipient": self._recipient(r),
            "speaker": self._speaker(r),
            "content": _span(contents[0]) if contents else None,
            "date": self._date_ref(r),
            "venue": self._entity_ref(venues[0]) if venues else None,
            "mention": _one(r, "mention") or "main",
            "polarity": _one(r, "polarity") or "positive",
            "generic": "generic" in flags,
            "optional": "optional" in flags,
        }


def to_fixture(doc: Document) -> dict[str, Any]:
    """The gold fixture of one annotated document."""
    if doc.text_sha256 and doc.text_sha256 != text_sha256(doc.text):
        raise PipelineError(Code.E106_FIELD, doc.where, "the tool changed the text (its sha256 differs)")
    aligned = [align(doc.text, r, doc.where) for r in doc.regions]
    builder = _Builder(replace(doc, regions=aligned))
    missing = [r for r in builder.dates if not _one(r, "value")]
    if missing:
        names = ", ".join(f"{r.rid} {r.surface!r}" for r in missing)
        raise PipelineError(Code.E106_FIELD, doc.where, f"dates without a value: {names} (fill in date_value)")
    fixture: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "text_sha256": text_sha256(doc.text),
        "dates": [builder.date(r) for r in builder.dates],
        "entities": [builder.entity(r) for r in builder.entities],
        "commitments": [builder.commitment(n, r) for n, r in enumerate(builder.triggers)],
    }
    if doc.genre:
        fixture["genre"] = doc.genre
    return fixture


def genre_of_item(doc: Any) -> str:
    """The genre a record (``meta.genre``) or a fixture (``genre``) declares, else ''."""
    meta = doc.get("meta")
    declared = doc.get("genre") or (meta.get("genre") if isinstance(meta, dict) else None)
    return str(declared or "")
