"""Dates: strict on span + value + mod + part, lenient on overlap; value and mod accuracy."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from pipeline.evaluate.matching import Item, match_lenient, match_strict, pairs_prf
from pipeline.evaluate.scores import DocScores


def date_kind(item: Item) -> str:
    """A coarse type of a date value for per-type scores."""
    value = str(item.get("value", ""))
    if value.startswith("FY"):
        return "fiscal_year"
    if value[-3:] in ("-SP", "-SU", "-FA", "-WI"):
        return "season"
    if "X" in value[:4]:
        return "decade_or_unknown_year"
    parts = value.count("-")
    return {0: "year", 1: "month", 2: "day"}.get(parts, "other")


def date_key(item: Item) -> Hashable:
    """What a strict date match compares beyond the span."""
    return (item.get("value"), item.get("mod"), item.get("part"))


def date_pair_agreement(g: Item, p: Item) -> dict[str, bool]:
    """The accuracies a lenient date match counts (value, mod), by name."""
    return {"value": g.get("value") == p.get("value"), "mod": g.get("mod") == p.get("mod")}


def score_dates(gold: Sequence[Item], pred: Sequence[Item], scores: DocScores) -> None:
    """Dates: strict, span-only and lenient PRF; value/mod accuracy over lenient matches; per kind."""
    scores.add_prf("dates", match_strict(gold, pred, date_key))
    scores.add_prf("dates_span", match_strict(gold, pred, lambda _: None))
    pairs = match_lenient(gold, pred)
    scores.add_prf("dates_lenient", pairs_prf(pairs, len(gold), len(pred)))
    for gi, pi in pairs:
        for name, ok in date_pair_agreement(gold[gi], pred[pi]).items():
            scores.add_acc(f"dates_{name}", ok)
    for kind in sorted({date_kind(x) for x in [*gold, *pred]}):
        g_k = [x for x in gold if date_kind(x) == kind]
        p_k = [x for x in pred if date_kind(x) == kind]
        scores.add_prf(f"dates:{kind}", match_strict(g_k, p_k, date_key))
