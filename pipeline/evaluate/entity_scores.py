"""Entities: strict span + label, lenient overlap + label, per label; titles and identity keys.

``ents_key``: over lenient matches whose gold entity has a ``key``, the predicted key is the same.
``ents_person_key``: over every required gold PERSON with a key (found or not), a predicted PERSON
overlapping it carries the same key: "every statement by this person" needs both the mention and
its identity.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from pipeline.evaluate.matching import Item, Span, drop_optional, match_lenient, match_strict, pairs_prf, span_of
from pipeline.evaluate.scores import DocScores


def _label(item: Item) -> Hashable:
    return item.get("label")


def _span_or_none(item: object) -> Span | None:
    return span_of(item) if isinstance(item, dict) else None


def entity_pair_agreement(g: Item, p: Item) -> dict[str, bool]:
    """The accuracies a lenient entity match counts, by name.

    ``title``: a PERSON found with its exact span; ``key``: the gold entity has one.
    """
    agreement = {}
    if g.get("label") == "PERSON" and span_of(g) == span_of(p):
        agreement["title"] = _span_or_none(g.get("title")) == _span_or_none(p.get("title"))
    if g.get("key"):
        agreement["key"] = g.get("key") == p.get("key")
    return agreement


def score_entities(gold: Sequence[Item], pred: Sequence[Item], scores: DocScores) -> None:
    """Entities: strict and lenient PRF, per label; title and key accuracy."""
    gold, pred = drop_optional(gold, pred)
    scores.add_prf("ents", match_strict(gold, pred, _label))
    pairs = match_lenient(gold, pred, _label)
    scores.add_prf("ents_lenient", pairs_prf(pairs, len(gold), len(pred)))
    matched: dict[int, Item] = {}
    for gi, pi in pairs:
        matched[gi] = pred[pi]
        for name, ok in entity_pair_agreement(gold[gi], pred[pi]).items():
            scores.add_acc(f"ents_{name}", ok)
    for gi, g in enumerate(gold):
        if g.get("label") == "PERSON" and g.get("key"):
            found = matched.get(gi)
            scores.add_acc("ents_person_key", found is not None and found.get("key") == g.get("key"))
    for label in sorted({str(x.get("label")) for x in [*gold, *pred]}):
        g_l = [x for x in gold if x.get("label") == label]
        p_l = [x for x in pred if x.get("label") == label]
        scores.add_prf(f"ents:{label}", match_strict(g_l, p_l, _label))
