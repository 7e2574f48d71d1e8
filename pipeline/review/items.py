"""What the review page highlights in one document: every predicted item, and the gold items missed.

A ``Highlight`` is one span (a date, an entity, a commitment's trigger or its content) with what the
page shows about it: its kind and label, the details of the item (value, key, actor, date, venue,
...), and, with gold, its status from ``pipeline.evaluate.diff`` (matched, mismatched, missed,
spurious, optional) and the attributes that differ. Everything here is plain text: the page escapes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.diff import DocDiff, ItemDiff

KINDS = ("date", "entity", "trigger", "content")


@dataclass(frozen=True)
class Highlight:
    """One highlighted span of a document."""

    uid: str  # unique in the page's document: d0, e3, c1, c1.content, gold.c4 ...
    kind: str  # one of KINDS
    source: str  # pred or gold
    item_id: str  # the item's id in its record or fixture
    start: int
    end: int
    label: str  # DATE, ORG, agreement, content ...
    surface: str
    status: str = ""  # "" without gold, else a diff status
    differences: tuple[str, ...] = ()
    details: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def describe(self) -> str:
        """One line for tooltips: label, id, status and details (a content: only whose it is)."""
        head = f"{self.label} {self.item_id}" + (f" [{self.status}]" if self.status else "")
        if self.kind == "content":
            return f"{head} of {dict(self.details).get('of', '')}"
        if self.differences:
            head += " differs in " + ", ".join(self.differences)
        body = "; ".join(f"{k}: {v}" for k, v in self.details)
        return f"{head} {self.surface!r}" + (f" ({body})" if body else "")


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def _details(pairs: Sequence[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    return tuple((k, _text(v)) for k, v in pairs if v not in (None, "", [], False))


def date_details(d: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Value, mod, part, range, flags and what it was resolved from."""
    keys = ("value", "mod", "part", "range", "flags", "resolved_from")
    return _details([(k, d.get(k)) for k in keys])


def entity_details(e: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Subtype, key, canonical name and title."""
    title = _map(e.get("title")).get("surface")
    qualifier = e.get("title_qualifier")
    qualifier = _map(qualifier).get("surface") if isinstance(qualifier, Mapping) else qualifier
    keys = ("subtype", "key", "canonical")
    return _details([*((k, e.get(k)) for k in keys), ("title", title), ("qualifier", qualifier)])


def commitment_details(c: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    """Actor, recipient, speaker, date, venue, content and the flags of a commitment."""
    actor, recipient, speaker = _map(c.get("actor")), _map(c.get("recipient")), _map(c.get("speaker"))
    speaker_name = speaker.get("surface") or _map(entities.get(str(speaker.get("entity_id")))).get("surface")
    venue = _map(c.get("venue"))
    venue_key = _map(entities.get(str(venue.get("entity_id")))).get("key")
    return _details([
        ("actor", _list(actor.get("members")) + (["(inferred)"] if actor.get("inferred") else [])),
        ("recipient", _list(recipient.get("members"))),
        ("speaker", speaker_name),
        ("date", _map(c.get("date")).get("value")),
        ("venue", venue.get("surface")),
        ("venue key", venue_key),
        ("content", _map(c.get("content")).get("surface")),
        ("mention", c.get("mention")),
        ("polarity", c.get("polarity") if c.get("polarity") not in (None, "positive") else None),
        ("generic", "yes" if c.get("generic") else None),
        ("optional", "yes" if c.get("optional") else None),
    ])


def _status(diff: ItemDiff | None) -> tuple[str, tuple[str, ...]]:
    return (diff.status, diff.differences) if diff else ("", ())


def _span(item: Mapping[str, Any]) -> tuple[int, int, str]:
    return int(item["start"]), int(item["end"]), str(item.get("surface") or "")


Key = tuple[str, int]  # (layer, index in the layer's list)


def _layer_highlights(
    doc: Mapping[str, Any], source: str, diffs: Mapping[Key, ItemDiff], indices: set[Key] | None
) -> list[Highlight]:
    """Dates, entities, triggers and contents of one side (``indices``: only these items, per layer)."""
    prefix = "gold." if source == "gold" else ""
    entities = {str(e.get("id")): e for e in _list(doc.get("entities"))}
    out: list[Highlight] = []
    for layer, kind in (("dates", "date"), ("entities", "entity"), ("commitments", "trigger")):
        for n, item in enumerate(_list(doc.get(layer))):
            if indices is not None and (layer, n) not in indices:
                continue
            status, differences = _status(diffs.get((layer, n)))
            out.extend(_item_highlights(layer, kind, item, n, entities, prefix, source, status, differences))
    return out


def _item_highlights(
    layer: str,
    kind: str,
    item: Mapping[str, Any],
    n: int,
    entities: Mapping[str, Mapping[str, Any]],
    prefix: str,
    source: str,
    status: str,
    differences: tuple[str, ...],
) -> list[Highlight]:
    item_id = str(item.get("id") or f"{layer[0]}{n}")
    uid = f"{prefix}{layer[0]}{n}"
    if layer == "dates":
        return [Highlight(uid, kind, source, item_id, *_span(item), "DATE", status, differences, date_details(item))]
    if layer == "entities":
        label = str(item.get("label") or "ENTITY")
        return [Highlight(uid, kind, source, item_id, *_span(item), label, status, differences, entity_details(item))]
    details = commitment_details(item, entities)
    trigger = _map(item.get("trigger")) or item
    label = str(item.get("type") or "commitment")
    out = [Highlight(uid, "trigger", source, item_id, *_span(trigger), label, status, differences, details)]
    content = _map(item.get("content"))
    if content:
        out.append(Highlight(f"{uid}.content", "content", source, item_id, *_span(content), "content",
                             status, differences, (("of", f"{label} {item_id}"),)))
    return out


def highlights(record: Mapping[str, Any], gold: Mapping[str, Any] | None, diff: DocDiff | None) -> list[Highlight]:
    """Every predicted item of ``record`` and, with gold, every gold item the prediction missed."""
    pred_diffs: dict[Key, ItemDiff] = {}
    gold_diffs: dict[Key, ItemDiff] = {}
    for item in diff.items if diff else ():
        if item.pred is not None:
            pred_diffs[(item.layer, item.pred)] = item
        elif item.status == "missed" and item.gold is not None:
            gold_diffs[(item.layer, item.gold)] = item
    out = _layer_highlights(record, "pred", pred_diffs, None)
    if gold is not None:
        out += _layer_highlights(gold, "gold", gold_diffs, set(gold_diffs))
    return sorted(out, key=lambda h: (h.start, -h.end, h.uid))


def count_predicted(record: Mapping[str, Any]) -> int:
    """How many spans the page highlights for a record's own items (dates, entities, triggers, contents)."""
    commitments = _list(record.get("commitments"))
    contents = sum(1 for c in commitments if _map(c.get("content")))
    return len(_list(record.get("dates"))) + len(_list(record.get("entities"))) + len(commitments) + contents
