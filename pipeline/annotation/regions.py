"""Records (or gold fixtures) as annotation regions: labelled spans, per-region fields and relations.

Both tools see the same model. A **region** is a span with a group and a label: ``date``/DATE,
``entity``/PERSON … PRODUCT and TITLE (a person's title), QUALIFIER (its 当時), ``commitment``/one of the seven types
(the trigger) and CONTENT (what is committed to). What a span cannot say is a **field** of its
region (a date's value, an entity's key, a commitment's actor members) or a **relation** from a
trigger or a person to another region: ``content``, ``date``, ``venue``, ``speaker``, ``actor``,
``recipient`` (trigger to CONTENT, DATE, EVENT/DOCUMENT, PERSON, entity), ``title`` and ``qualifier``
(PERSON to TITLE and QUALIFIER). ``pipeline.annotation.gold`` turns regions back into items.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ENTITY_LABELS = ("PERSON", "ORG", "LOCATION", "FACILITY", "EVENT", "DOCUMENT", "PRODUCT")
COMMITMENT_TYPES = ("agreement", "decision", "reaffirmation", "confirmation", "pledge", "intent", "request")
TITLE, QUALIFIER, CONTENT, DATE = "TITLE", "QUALIFIER", "CONTENT", "DATE"
GROUPS = {"date": (DATE,), "entity": (*ENTITY_LABELS, TITLE, QUALIFIER), "commitment": (*COMMITMENT_TYPES, CONTENT)}
RELATIONS = ("content", "date", "venue", "speaker", "actor", "recipient", "title", "qualifier")

# Per-region fields: group -> (name, kind, choices). kind: text (free text; lists comma-separated),
# single or multiple (choices).
FIELDS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "date": (
        ("value", "text", ()),
        ("mod", "single", ("SINCE", "ON_OR_AFTER", "AFTER", "ON_OR_BEFORE", "BEFORE")),
        ("part", "single", ("START", "MID", "END")),
        ("range", "single", ("start", "end")),
        ("flags", "multiple", ("era_overflow",)),
        ("resolved_from", "text", ()),
    ),
    "entity": (
        ("subtype", "text", ()),
        ("canonical", "text", ()),
        ("key", "text", ()),
        ("optional", "multiple", ("optional",)),
    ),
    "commitment": (
        ("actor", "text", ()),
        ("actor_inferred", "multiple", ("inferred",)),
        ("recipient", "text", ()),
        ("speaker", "text", ()),
        ("speaker_title", "text", ()),
        ("date", "text", ()),
        ("mention", "single", ("main", "listed_item", "background")),
        ("polarity", "single", ("positive", "negative")),
        ("flags", "multiple", ("generic", "optional")),
    ),
}


@dataclass
class Region:
    """A labelled span with its fields (values as lists of strings)."""

    rid: str
    group: str
    label: str
    start: int
    end: int
    surface: str
    fields: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Relation:
    """A directed, labelled link between two regions."""

    source: str
    target: str
    label: str


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _put(fields: dict[str, list[str]], name: str, value: object) -> None:
    if value is None or value is False or value == "" or value == []:
        return
    if isinstance(value, list):
        fields[name] = [str(v) for v in value]
    elif value is True:
        fields[name] = [name]
    else:
        fields[name] = [str(value)]


def _span(rid: str, group: str, label: str, item: Mapping[str, Any]) -> Region:
    return Region(rid, group, label, int(item["start"]), int(item["end"]), str(item.get("surface") or ""))


def _dates(doc: Mapping[str, Any], ids: dict[str, str]) -> list[Region]:
    out = []
    for n, d in enumerate(_list(doc.get("dates"))):
        region = _span(f"d{n}", "date", DATE, d)
        ids[f"date:{d.get('id')}"] = region.rid
        for name in ("value", "mod", "part", "range", "flags"):
            _put(region.fields, name, d.get(name))
        out.append(region)
    for region, d in zip(out, _list(doc.get("dates")), strict=True):
        source = d.get("resolved_from")
        _put(region.fields, "resolved_from", ids.get(f"date:{source}", source))
    return out


def _entities(doc: Mapping[str, Any], ids: dict[str, str]) -> tuple[list[Region], list[Relation]]:
    regions, relations = [], []
    for n, e in enumerate(_list(doc.get("entities"))):
        region = _span(f"e{n}", "entity", str(e.get("label")), e)
        ids[f"entity:{e.get('id')}"] = region.rid
        for name in ("subtype", "canonical", "key"):
            _put(region.fields, name, e.get(name))
        _put(region.fields, "optional", bool(e.get("optional")))
        regions.append(region)
        for suffix, label, part in (("t", TITLE, "title"), ("q", QUALIFIER, "title_qualifier")):
            span = _map(e.get(part))
            if span:
                regions.append(_span(f"e{n}{suffix}", "entity", label, span))
                relations.append(Relation(region.rid, f"e{n}{suffix}", label.lower()))
    return regions, relations


def _commitment_fields(region: Region, c: Mapping[str, Any]) -> None:
    actor, recipient = _map(c.get("actor")), _map(c.get("recipient"))
    _put(region.fields, "actor", ",".join(str(m) for m in _list(actor.get("members"))))
    _put(region.fields, "actor_inferred", ["inferred"] if actor.get("inferred") else [])
    if c.get("recipient") is not None:
        _put(region.fields, "recipient", ",".join(str(m) for m in _list(recipient.get("members"))) or "-")
    speaker = _map(c.get("speaker"))
    if speaker:
        # the name and office travel as fields: a speech's speaker may be named only by its metadata
        _put(region.fields, "speaker", speaker.get("surface"))
        _put(region.fields, "speaker_title", speaker.get("title"))
    _put(region.fields, "date", _map(c.get("date")).get("value"))
    _put(region.fields, "mention", c.get("mention"))
    _put(region.fields, "polarity", c.get("polarity"))
    _put(region.fields, "flags", [f for f in ("generic", "optional") if c.get(f)])


def _commitment_relations(rid: str, c: Mapping[str, Any], ids: Mapping[str, str]) -> list[Relation]:
    links = [("date", f"date:{_map(c.get('date')).get('date_id')}"),
             ("venue", f"entity:{_map(c.get('venue')).get('entity_id')}"),
             ("speaker", f"entity:{_map(c.get('speaker')).get('entity_id')}")]
    links += [("actor", f"entity:{e}") for e in _list(_map(c.get("actor")).get("entities"))]
    links += [("recipient", f"entity:{e}") for e in _list(_map(c.get("recipient")).get("entities"))]
    return [Relation(rid, ids[target], label) for label, target in links if target in ids]


def _commitments(
    doc: Mapping[str, Any], ids: Mapping[str, str]
) -> tuple[list[Region], list[Relation], dict[str, Any]]:
    regions: list[Region] = []
    relations: list[Relation] = []
    extra: dict[str, Any] = {}
    for n, c in enumerate(_list(doc.get("commitments"))):
        trigger = _map(c.get("trigger")) or c
        region = _span(f"c{n}", "commitment", str(c.get("type")), trigger)
        _commitment_fields(region, c)
        regions.append(region)
        extra[region.rid] = {"lemma": trigger.get("lemma"), "trigger": [region.start, region.end],
                             "evidence": [c.get("start"), c.get("end")]}
        content = _map(c.get("content"))
        if content:
            regions.append(_span(f"c{n}c", "commitment", CONTENT, content))
            relations.append(Relation(region.rid, f"c{n}c", "content"))
        relations += _commitment_relations(region.rid, c, ids)
    return regions, relations, extra


def document_regions(doc: Mapping[str, Any]) -> tuple[list[Region], list[Relation], dict[str, Any]]:
    """The regions and relations of a record or fixture, and what the tools cannot carry.

    ``extra``: each trigger's lemma and evidence span, restored on import when the trigger did not move.
    """
    ids: dict[str, str] = {}
    dates = _dates(doc, ids)
    entities, relations = _entities(doc, ids)
    commitments, commitment_relations, extra = _commitments(doc, ids)
    return dates + entities + commitments, relations + commitment_relations, extra
