"""The trigger record (``TriggerMatch``) and the two relations the finder needs between records."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.schema import CommitmentType


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence.

    ``first``/``last`` are the document token indices of the trigger surface; ``pred`` the
    bunsetu that governs the clause (the light verb's bunsetu for 再確認を行った); ``content`` the
    bunsetu heading what is committed to (…ことで, …旨, …を), or -1.
    """

    first: int
    last: int
    lemma: str
    type: CommitmentType
    pred: int
    content: int
    kind: str  # predicate | decision | report | first_person
    needs_joint: bool = False
    negative: bool = False
    # a volitional frame whose own verb is no act (…を取り上げ、…の重要性を強調する考えです): it
    # only carries the predicates coordinated into it and is never a record itself
    seed_only: bool = False
    # a request recalled as received (…の譲渡要請を受け, 米国からの要請に応じ): the requester's act
    received: bool = False


def overlaps(a: TriggerMatch, b: TriggerMatch) -> bool:
    """Whether the two trigger surfaces share a token."""
    return a.first <= b.last and b.first <= a.last


def dedupe(found: list[TriggerMatch]) -> list[TriggerMatch]:
    """One trigger per predicate: 再確認 wins over the 確認 inside it, a report over its こと."""
    out: list[TriggerMatch] = []
    for m in sorted(found, key=lambda m: (m.first, -(m.last - m.first))):
        clash = next((o for o in out if overlaps(o, m) or (o.pred == m.pred and o.kind == m.kind)), None)
        if clash is None:
            out.append(m)
    return out
