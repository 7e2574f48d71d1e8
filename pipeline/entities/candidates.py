"""The working record of the entities stage: a candidate span, and how overlaps between them resolve.

Offsets are code points into the document text (end exclusive). ``source`` says which rule or
component proposed the span; when candidates overlap, the higher ``priority`` wins (then the
longer span, then the earlier one). Candidates are frozen: a pass that changes one returns a new
one (``dataclasses.replace``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel, Span

__all__ = ["PRIORITY", "Candidate", "resolve_overlaps", "token_surface", "tokens_within"]

# Priorities when spans overlap: rules about persons > assembled official names and definitions >
# the domain ruler, gazetteer names found after the parse and names read off the parse > GiNZA's
# model > bare proper-noun runs.
PRIORITY = {
    "speaker": 4,
    "title_rule": 3,
    "definition": 3,
    "name_rule": 3,
    "ruler": 2,
    "gazetteer": 2,
    "compound": 2,
    "model": 1,
    "token": 0,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity: span, label, ENE or domain subtype, canonical name, and its source."""

    start: int
    end: int
    label: EntityLabel
    subtype: str | None
    canonical: str | None
    source: str
    title: Span | None = None
    qualifier: Span | None = None
    key: str | None = None  # identity (identity.py), set by the last pass

    @property
    def priority(self) -> int:
        """Rank of ``source`` in PRIORITY."""
        return PRIORITY[self.source]


def resolve_overlaps(cands: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """Keep the best of overlapping candidates: higher priority, then longer, then earlier; in text order."""
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if all(cand.end <= k.start or k.end <= cand.start for k in kept):
            kept.append(cand)
    return tuple(sorted(kept, key=lambda c: (c.start, c.end)))


def token_surface(text: str, token: ParsedToken) -> str:
    """The text of ``token``."""
    return text[token.start : token.end]


def tokens_within(tokens: Sequence[ParsedToken], start: int, end: int) -> Sequence[ParsedToken]:
    """The tokens that lie inside ``[start, end)`` (``tokens`` sorted and non-overlapping), by bisection."""
    first = bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect_right(tokens, end, key=lambda t: t.end)
    return tokens[first:last]
