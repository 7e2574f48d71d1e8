"""Canonical names: ISO 3166 codes for countries, full names for short names.

- A country name (``countries.tsv``: ISO names, 外務省 short names, 米国/アメリカ/豪州...) gets its
  alpha-2 code.
- A gazetteer alias carries its canonical name from the data (日米安保条約 → the treaty's title).
- A short name *defined in the text* is resolved to the full name it was defined for, within the
  document: ``「再編の実施のための日米ロードマップ」(ロードマップ)``, ``X、いわゆるY``, ``X、通称Y``,
  ``X(以下「Y」)``.
  Later mentions of the short name are entities too (same label), even where the model missed them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.entities.candidates import Candidate, tokens_within
from pipeline.entities.data import countries
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = [
    "ShortName",
    "apply_definitions",
    "country_code",
    "elided_prefix_names",
    "find_definitions",
    "with_country_codes",
]

# After a full name: 」? then (Y) / （以下「Y」） / 、いわゆるY
PAREN_DEF = re.compile(r"」?[（(](?:以下[、,]?)?「?(?P<short>[^（()）「」、。\s]{2,20}?)」?(?:という。?)?[）)]")
# ＯＥＣＤ閣僚理事会 … 閣僚理事会: a meeting or document named after a body, later without it.
ACRONYM_PREFIX = re.compile(r"^(?P<body>[A-Z][A-Z0-9&]{1,7})[・･]?(?P<rest>[^\W\d_A-Za-z][^\W_]{2,})$")
# 、いわゆるY / 、通称Y: the short name people use (通称 "commonly called")
IWAYURU_DEF = re.compile(
    r"[、,]\s*(?:いわゆる|通称)「?(?P<short>[^（()）「」、。\s]{2,20}?)」?(?=[をがはにでとの、。（(]|$)"
)


@dataclass(frozen=True, slots=True)
class ShortName:
    """A short name defined in the text for ``full`` (the defining entity's surface or canonical)."""

    short: str
    full: str
    start: int
    end: int


def country_code(surface: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name (width-folded), or None."""
    return countries().get(unicodedata.normalize("NFKC", surface).strip())


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` can stand for ``full``: an acronym, or its characters in order in it.

    A bracket after a name is often no definition at all (ワシントンDC(米国)); a real short form
    keeps the full name's characters in order (ロードマップ, 日米安保条約) or is an acronym.
    """
    if re.fullmatch(r"[A-ZＡ-Ｚ0-9０-９&＆\-]{2,10}", short):
        return True
    rest = iter(full)
    return len(short) < len(full) and all(ch in rest for ch in short)


def find_definitions(text: str, spans: Sequence[tuple[int, int, str]]) -> list[ShortName]:
    """Short names defined right after entity spans ``(start, end, full name)``, in text order.

    The short name must not simply repeat the full name; it may be any word (the definition is
    what makes it a name).
    """
    found: list[ShortName] = []
    for start, end, full in spans:
        del start
        for pattern in (PAREN_DEF, IWAYURU_DEF):
            match = pattern.match(text, end)
            if match is None:
                continue
            short = match.group("short")
            if short == full or re.fullmatch(r"[\d\s.,、]+|当時|仮称|注\d*", short):
                continue
            if pattern is PAREN_DEF and not _abbreviates(short, full):
                continue
            found.append(ShortName(short, full, match.start("short"), match.end("short")))
            break
    return found


def elided_prefix_names(text: str, spans: Sequence[tuple[int, int]]) -> list[ShortName]:
    """Short names left when a body's acronym is dropped: ``ＯＥＣＤ閣僚理事会`` → ``閣僚理事会``.

    ``spans`` are EVENT/DOCUMENT entities; the short form is looked for after each of them.
    """
    found = []
    for start, end in spans:
        surface = text[start:end]
        match = ACRONYM_PREFIX.match(unicodedata.normalize("NFKC", surface))
        if match is None or len(unicodedata.normalize("NFKC", surface)) != len(surface):
            continue
        if re.match(r"[ぁ-ゖ]", match.group("rest")):
            continue  # ＥＰＡのための閣僚会合: a particle follows the acronym, nothing is elided
        rest_start = start + match.start("rest")
        found.append(ShortName(surface[match.start("rest") :], surface, rest_start, end))
    return found


def with_country_codes(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """Every LOCATION that is a country name gets its ISO code as canonical name (unless it has one)."""
    out = []
    for cand in cands:
        code = country_code(text[cand.start : cand.end])
        if code and cand.label is EntityLabel.LOCATION and not cand.canonical:
            cand = replace(cand, canonical=code)
        out.append(cand)
    return out


def unit_tails(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[ShortName]:
    """A unit named in full is later called by its type: 派遣海賊対処行動航空隊 … 航空隊, 水上部隊."""
    tails = []
    for cand in cands:
        if cand.subtype != "Military_Unit" or cand.source != "ruler":
            continue
        inside = tokens_within(tokens, cand.start, cand.end)
        if len(inside) < 3:
            continue
        full = text[cand.start : cand.end]
        for n in (1, 2):
            start = inside[-n].start
            tail = text[start : cand.end]
            if len(tail) >= 3 and tail != "部隊":
                tails.append(ShortName(tail, full, start, cand.end))
    return tails


def apply_definitions(
    text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate], later: Sequence[ShortName] = ()
) -> list[Candidate]:
    """Short names defined in the text: canonical = the full name, later mentions added; in text order.

    ``cands`` do not overlap; a mention is added only where no candidate overlaps it, so the
    result does not overlap either. ``later`` are names whose later mentions are entities too
    (units named in a list).
    """
    spans = [(c.start, c.end, c.canonical or text[c.start : c.end]) for c in cands if c.label is not EntityLabel.PERSON]
    definitions = find_definitions(text, spans)
    named = [(c.start, c.end) for c in cands if c.label in (EntityLabel.EVENT, EntityLabel.DOCUMENT)]
    elided = elided_prefix_names(text, named) + unit_tails(text, tokens, cands) + list(later)
    out = list(cands)
    if definitions or elided:
        label_of = {(c.canonical or text[c.start : c.end]): c.label for c in cands}
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        for definition in [*definitions, *elided]:
            label = label_of.get(definition.full)
            if label is not None:
                _mentions(text, out, definition, label, definition in definitions, (starts, ends))
    return sorted(out, key=lambda c: (c.start, c.end))


def _mentions(
    text: str,
    out: list[Candidate],
    definition: ShortName,
    label: EntityLabel,
    defined: bool,
    bounds: tuple[set[int], set[int]],
) -> None:
    """Every mention of ``definition.short`` on token boundaries, from the definition on, in ``out``.

    A definition's own mention is an entity; an elided name only counts after the full one. The
    candidates of a mention get the full name as canonical name (the defining mention also the
    label it is defined for: …閣僚会議、通称ＡＰＥＣ is the meeting, not the body); where there is
    none and nothing overlaps, a new candidate is added.
    """
    starts, ends = bounds
    position = definition.start if defined else text.find(definition.short, definition.end)
    while position >= 0:
        start, end = position, position + len(definition.short)
        aligned = (start in starts or start == definition.start) and (end in ends or end == definition.end)
        if aligned:
            relabel = defined and start == definition.start
            same = [i for i, c in enumerate(out) if c.start == start and c.end == end]
            for i in same:
                out[i] = replace(out[i], canonical=definition.full, label=label if relabel else out[i].label)
            if not same and not any(c.start < end and start < c.end for c in out):
                out.append(Candidate(start, end, label, "Short_Name", definition.full, "definition"))
        position = text.find(definition.short, end)
