"""Commitments: detection by overlapping triggers, strict trigger + type, and each argument.

Over the detection matches (one to one, largest trigger overlap first):

- ``type``, ``actor`` (member sets), ``date`` (value), ``venue`` (the venue entities overlap, or
  both null), ``mention``, ``polarity``, ``generic``: accuracies over every match;
- ``content``: character P/R/F summed over the matches, the characters of both triggers left out
  of both sides (so either reading of a verb-internal trigger scores the same), and
  ``content_exact``: the share of matches whose content characters are the same set;
- ``recipient`` and ``speaker``: accuracies over the matches where gold or prediction has one (a
  null on both sides says nothing); a speaker is the same person when the names are equal, one
  is the other's prefix (surname and full name), or their entities share a key.

Gold records marked ``optional`` (ongoing efforts, ANNOTATION.md) are neither required nor penalized.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.evaluate.matching import (
    PRF,
    Item,
    Span,
    drop_optional,
    match_lenient,
    match_strict,
    overlap,
    pairs_prf,
    span_of,
)
from pipeline.evaluate.scores import DocScores

Entities = Mapping[str, Item]


def trigger_span(item: Item) -> Span:
    """The trigger's offsets (the item's own when it has no trigger)."""
    trigger = item.get("trigger")
    return span_of(trigger if isinstance(trigger, Mapping) else item)


def _arg(item: Item, name: str) -> Mapping[str, object]:
    value = item.get(name)
    return value if isinstance(value, Mapping) else {}


def members(item: Item, name: str = "actor") -> tuple[str, ...]:
    """Sorted member codes of the actor (or recipient)."""
    return tuple(sorted(str(m) for m in _arg(item, name).get("members") or ()))  # type: ignore[attr-defined]


def _venue_span(item: Item, entities: Entities) -> Span | None:
    entity = entities.get(str(_arg(item, "venue").get("entity_id")))
    return span_of(entity) if entity else None


def content_chars(item: Item, triggers: set[int]) -> set[int]:
    """The content's character offsets, without the characters of either trigger."""
    content = item.get("content")
    if not isinstance(content, Mapping):
        return set()
    start, end = span_of(content)
    return set(range(start, end)) - triggers


def _names(speaker: Mapping[str, object], entities: Entities) -> tuple[str, str | None]:
    entity = entities.get(str(speaker.get("entity_id")))
    surface = str(speaker.get("surface") or (entity.get("surface") if entity else "") or "").replace(" ", "")
    key = entity.get("key") if entity else None
    return surface.replace("\u3000", ""), str(key) if key else None


def same_person(gold: Mapping[str, object], pred: Mapping[str, object], ge: Entities, pe: Entities) -> bool:
    """Whether two speakers name one person (equal names, surname vs full name, or one key)."""
    (g_name, g_key), (p_name, p_key) = _names(gold, ge), _names(pred, pe)
    if g_key and p_key:
        return g_key == p_key
    if not g_name or not p_name:
        return False
    return g_name.startswith(p_name) or p_name.startswith(g_name)


def pair_agreement(g: Item, p: Item, ge: Entities, pe: Entities) -> dict[str, bool]:
    """Which arguments of a detection match agree: the accuracies of the module docstring, by name.

    ``recipient`` and ``speaker`` are present only when gold or prediction has one. The scorer counts
    these; ``pipeline.evaluate.diff`` lists the names that are false as the pair's differences.
    """
    triggers = set(range(*trigger_span(g))) | set(range(*trigger_span(p)))
    gv, pv = _venue_span(g, ge), _venue_span(p, pe)
    agreement = {
        "type": g.get("type") == p.get("type"),
        "actor": members(g) == members(p),
        "date": _arg(g, "date").get("value") == _arg(p, "date").get("value"),
        "mention": g.get("mention") == p.get("mention"),
        "polarity": (g.get("polarity") or "positive") == (p.get("polarity") or "positive"),
        "generic": bool(g.get("generic")) == bool(p.get("generic")),
        "venue": (gv is None and pv is None) or bool(gv and pv and overlap(gv, pv)),
        "content_exact": content_chars(g, triggers) == content_chars(p, triggers),
    }
    if g.get("recipient") or p.get("recipient"):
        both = bool(g.get("recipient")) and bool(p.get("recipient"))
        agreement["recipient"] = both and members(g, "recipient") == members(p, "recipient")
    gs, ps = _arg(g, "speaker"), _arg(p, "speaker")
    if gs or ps:
        agreement["speaker"] = bool(gs) and bool(ps) and same_person(gs, ps, ge, pe)
    return agreement


def _score_pair(g: Item, p: Item, scores: DocScores, ge: Entities, pe: Entities) -> None:
    for name, ok in pair_agreement(g, p, ge, pe).items():
        scores.add_acc(f"commitments_{name}", ok)
    triggers = set(range(*trigger_span(g))) | set(range(*trigger_span(p)))
    gc, pc = content_chars(g, triggers), content_chars(p, triggers)
    scores.add_prf("commitments_content", PRF(tp=len(gc & pc), fp=len(pc - gc), fn=len(gc - pc)))


def _strict(item: Item) -> dict[str, object]:
    start, end = trigger_span(item)
    return {**item, "start": start, "end": end}


def score_commitments(
    gold: Sequence[Item], pred: Sequence[Item], scores: DocScores, gold_entities: Entities, pred_entities: Entities
) -> None:
    """Commitments: detection, strict (trigger span + type), per type, and argument accuracies."""
    gold, pred = drop_optional(gold, pred, span=trigger_span)
    strict_gold, strict_pred = [_strict(g) for g in gold], [_strict(p) for p in pred]
    scores.add_prf("commitments", match_strict(strict_gold, strict_pred, lambda x: x.get("type")))
    pairs = match_lenient(gold, pred, span=trigger_span)
    scores.add_prf("commitments_detect", pairs_prf(pairs, len(gold), len(pred)))
    for gi, pi in pairs:
        _score_pair(gold[gi], pred[pi], scores, gold_entities, pred_entities)
    for ctype in sorted({str(x.get("type")) for x in [*gold, *pred]}):
        g_t = [x for x in strict_gold if x.get("type") == ctype]
        p_t = [x for x in strict_pred if x.get("type") == ctype]
        scores.add_prf(f"commitments:{ctype}", match_strict(g_t, p_t, lambda x: x.get("type")))
