"""Item by item, what the scorer saw: each gold and predicted item of a document with its status.

Built on the scorer's own pieces (``drop_optional``, ``match_lenient`` with the same keys and spans,
and the per-pair agreements the accuracies count), so the counts equal ``evaluate``'s by
construction: ``missed`` is the lenient (for commitments: detection) false negatives, ``spurious``
the false positives, ``matched`` + ``mismatched`` the true positives. A matched pair is
``mismatched`` when its spans differ or an attribute the scorer checks disagrees (dates: value,
mod, part; entities: title, key; commitments: trigger span, type, actor, date, venue, content,
mention, polarity, generic, recipient, speaker); ``differences`` names them. Predictions that only
overlap optional gold, and optional gold itself, are ``optional``: neither counted nor penalized
(entities and commitments; the date scorer has no optional gold).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.commitment_scores import pair_agreement, trigger_span
from pipeline.evaluate.date_scores import date_pair_agreement
from pipeline.evaluate.entity_scores import entity_pair_agreement
from pipeline.evaluate.matching import Item, Span, drop_optional, match_lenient, span_of

LAYERS = ("dates", "entities", "commitments")
STATUSES = ("matched", "mismatched", "missed", "spurious", "optional")
# The scorer's names for the lenient counts of each layer (``<name>_fn``, ``<name>_fp`` in scores).
SCORE_NAMES = {"dates": "dates_lenient", "entities": "ents_lenient", "commitments": "commitments_detect"}


@dataclass(frozen=True)
class ItemDiff:
    """One item's fate: indices into the gold and the record's lists (None on the side it lacks)."""

    layer: str
    status: str
    gold: int | None
    pred: int | None
    differences: tuple[str, ...] = ()


@dataclass
class DocDiff:
    """Every item of one document, gold and predicted."""

    items: list[ItemDiff] = field(default_factory=list)

    def count(self, layer: str, status: str) -> int:
        """How many items of ``layer`` have ``status``."""
        return sum(1 for i in self.items if i.layer == layer and i.status == status)

    def counts(self) -> dict[str, dict[str, int]]:
        """``{layer: {status: n}}`` for every layer and status."""
        return {layer: {status: self.count(layer, status) for status in STATUSES} for layer in LAYERS}

    def for_pred(self, layer: str) -> dict[int, ItemDiff]:
        """The diff of each predicted item of ``layer``, by its index in the record."""
        return {i.pred: i for i in self.items if i.layer == layer and i.pred is not None}


def _entity_key(item: Item) -> Hashable:
    return item.get("label")


def _layer(
    layer: str,
    gold: Sequence[Item],
    pred: Sequence[Item],
    key: Callable[[Item], Hashable] | None,
    span: Callable[[Item], Span],
    differences: Callable[[Item, Item], tuple[str, ...]],
    optional: bool = True,
) -> list[ItemDiff]:
    gold_index = {id(g): n for n, g in enumerate(gold)}
    pred_index = {id(p): n for n, p in enumerate(pred)}
    required, kept = drop_optional(gold, pred, span=span) if optional else (list(gold), list(pred))
    pairs = match_lenient(required, kept, key, span=span)
    out = []
    for gi, pi in pairs:
        g, p = required[gi], kept[pi]
        found = differences(g, p)
        status = "mismatched" if found else "matched"
        out.append(ItemDiff(layer, status, gold_index[id(g)], pred_index[id(p)], found))
    paired_g = {id(required[gi]) for gi, _ in pairs}
    paired_p = {id(kept[pi]) for _, pi in pairs}
    kept_ids = {id(p) for p in kept}
    for g in gold:
        if id(g) not in paired_g:
            status = "optional" if optional and g.get("optional") else "missed"
            out.append(ItemDiff(layer, status, gold_index[id(g)], None))
    for p in pred:
        if id(p) not in paired_p:
            out.append(ItemDiff(layer, "spurious" if id(p) in kept_ids else "optional", None, pred_index[id(p)]))
    return out


def _date_differences(g: Item, p: Item) -> tuple[str, ...]:
    found = ["span"] if span_of(g) != span_of(p) else []
    found += [name for name, ok in date_pair_agreement(g, p).items() if not ok]
    if g.get("part") != p.get("part"):
        found.append("part")
    return tuple(found)


def _entity_differences(g: Item, p: Item) -> tuple[str, ...]:
    found = ["span"] if span_of(g) != span_of(p) else []
    return tuple(found + [name for name, ok in entity_pair_agreement(g, p).items() if not ok])


def _items(doc: Mapping[str, Any], layer: str) -> list[Item]:
    value = doc.get(layer)
    return list(value) if isinstance(value, list) else []


def diff_document(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> DocDiff:
    """The diff of one document: gold fixture against record (see the module docstring)."""
    ge = {str(e.get("id")): e for e in _items(gold, "entities")}
    pe = {str(e.get("id")): e for e in _items(pred, "entities")}

    def commitment_differences(g: Item, p: Item) -> tuple[str, ...]:
        found = ["trigger"] if trigger_span(g) != trigger_span(p) else []
        return tuple(found + [name for name, ok in pair_agreement(g, p, ge, pe).items() if not ok])

    # the date scorer has no optional gold: neither has its diff
    items = _layer("dates", _items(gold, "dates"), _items(pred, "dates"), None, span_of, _date_differences, False)
    items += _layer(
        "entities", _items(gold, "entities"), _items(pred, "entities"), _entity_key, span_of, _entity_differences
    )
    items += _layer(
        "commitments",
        _items(gold, "commitments"),
        _items(pred, "commitments"),
        None,
        trigger_span,
        commitment_differences,
    )
    return DocDiff(items)
