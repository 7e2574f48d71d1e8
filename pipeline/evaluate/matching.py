"""Matching predicted spans to gold spans, and the counters the scores are made of.

Spans are matched by character offsets, never by ids. **strict**: the same span and the same key;
**lenient**: overlapping spans with equal keys, one to one, largest overlap first. Gold items marked
``optional`` are neither required nor penalized. The counters follow spaCy's scorer (``PRFScore``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

Item = Mapping[str, object]
Span = tuple[int, int]


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives (spaCy's PRFScore)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def fscore(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """p, r, f rounded for reports, with the raw counts."""
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f": round(self.fscore, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Correct / total over matched pairs."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one observation."""
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        """The accuracy, or None when nothing was observed."""
        return round(self.correct / self.total, 4) if self.total else None


def span_of(item: Item) -> Span:
    """``(start, end)`` of an item with offsets."""
    return int(item["start"]), int(item["end"])  # type: ignore[call-overload]


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_strict(gold: Sequence[Item], pred: Sequence[Item], key: Callable[[Item], Hashable]) -> PRF:
    """Multiset match on (start, end, key)."""
    g = Counter((*span_of(x), key(x)) for x in gold)
    p = Counter((*span_of(x), key(x)) for x in pred)
    tp = sum((g & p).values())
    return PRF(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def match_lenient(
    gold: Sequence[Item],
    pred: Sequence[Item],
    key: Callable[[Item], Hashable] | None = None,
    span: Callable[[Item], Span] = span_of,
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans with equal keys."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = overlap(span(g), span(p))
            if size and (key is None or key(g) == key(p)):
                candidates.append((-size, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def pairs_prf(pairs: Sequence[tuple[int, int]], n_gold: int, n_pred: int) -> PRF:
    """Detection counts from lenient pairs."""
    return PRF(tp=len(pairs), fp=n_pred - len(pairs), fn=n_gold - len(pairs))


def drop_optional(
    gold: Sequence[Item], pred: Sequence[Item], span: Callable[[Item], Span] = span_of
) -> tuple[list[Item], list[Item]]:
    """Remove optional gold and the predictions that only match optional gold."""
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    if not optional:
        return required, list(pred)
    kept = []
    for p in pred:
        hits_optional = any(overlap(span(p), span(o)) for o in optional)
        hits_required = any(overlap(span(p), span(r)) for r in required)
        if hits_optional and not hits_required:
            continue
        kept.append(p)
    return required, kept
