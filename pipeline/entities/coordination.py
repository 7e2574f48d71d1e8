"""Names shared across a coordination: the part a list leaves out belongs to every item.

- ``日米、日中、日ロ首脳会談``: the meeting word after the last pair is said once for all three;
  each earlier pair is a mention of its own meeting (EVENT, canonical ``日米首脳会談``).
- ``派遣海賊対処行動水上部隊及び航空隊``: a unit word after a named unit and 及び is a unit of
  the same body (ORG), and so are its later mentions.
- ``東京オリンピック・パラリンピック競技大会``: an event joined by ・ to one that starts with an
  event word (パラリンピック...) shares its place and its head: one EVENT.

Offsets are code points into the document text; every span produced starts and ends on token
boundaries.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from pipeline.entities.candidates import Candidate, token_surface
from pipeline.entities.data import heads, words
from pipeline.entities.names import is_country_combo
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["coordinated_units", "elided_meeting_heads", "joined_events"]

# bare 部隊 ("unit") is a unit word only with a word before it (水上部隊)
UNIT_AFTER_A_WORD = "[一-龥]部隊"


@cache
def _separators() -> frozenset[str]:
    """Separators of list items: 、 ・ and the coordinating words (``rules.json``)."""
    return frozenset(words("rules.json", "list_separators"))


@cache
def _unit_word() -> re.Pattern[str]:
    """Unit words of armed forces (ANNOTATION.md: units are ORG), alone or after kanji."""
    units = "|".join([*map(re.escape, words("rules.json", "listed_unit_words")), UNIT_AFTER_A_WORD])
    return re.compile(f"^[一-龥]*({units})$")


def elided_meeting_heads(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """Country pairs listed before a meeting or statement named by a pair (日米、日中、日ロ首脳会談).

    Each pair separated by 、/・/や/と/及び from the next becomes an entity with the named one's
    label, its canonical name the pair plus the shared rest (日米 → 日米首脳会談).
    """
    index = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for cand in cands:
        if cand.label not in (EntityLabel.EVENT, EntityLabel.DOCUMENT):
            continue
        k = index.get(cand.start)
        if k is None or tokens[k].end >= cand.end:
            continue
        if not is_country_combo(unicodedata.normalize("NFKC", token_surface(text, tokens[k]))):
            continue
        rest = text[tokens[k].end : cand.end]
        while k >= 2:
            sep, pair = tokens[k - 1], tokens[k - 2]
            adjacent = pair.end == sep.start and sep.end == tokens[k].start and not tokens[k].sent_start
            pair_surface = token_surface(text, pair)
            if not (adjacent and token_surface(text, sep) in _separators() and is_country_combo(pair_surface)):
                break
            out.append(Candidate(pair.start, pair.end, cand.label, cand.subtype, pair_surface + rest, "name_rule"))
            k -= 2
    return out


def coordinated_units(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """A unit word right after a named unit and a separator (…水上部隊及び航空隊): a unit (ORG)."""
    index = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for cand in cands:
        if cand.label is not EntityLabel.ORG or cand.subtype != "Military_Unit":
            continue
        k = index.get(cand.end)
        if k is None or k + 1 >= len(tokens):
            continue
        sep, unit = tokens[k], tokens[k + 1]
        if token_surface(text, sep) not in _separators() or sep.end != unit.start or unit.sent_start:
            continue
        if not _unit_word().match(token_surface(text, unit)):
            continue
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        if after is not None and after.start == unit.end and after.tag.startswith(("名詞", "接尾辞")):
            continue  # 航空隊司令: the unit word is part of a longer compound
        out.append(Candidate(unit.start, unit.end, EntityLabel.ORG, "Military_Unit", None, "name_rule"))
    return out


def _event_words() -> tuple[str, ...]:
    return tuple(head for head, label in heads() if label == "EVENT")


def joined_events(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """Pairs of events ``A・B`` where B starts with an event word, as one EVENT spanning both."""
    events = sorted((c for c in cands if c.label is EntityLabel.EVENT), key=lambda c: c.start)
    words = _event_words()
    out = []
    for a, b in itertools.pairwise(events):
        if b.start != a.end + 1 or text[a.end] not in "・･":
            continue
        if not text[b.start : b.end].startswith(words):
            continue
        out.append(Candidate(a.start, b.end, EntityLabel.EVENT, b.subtype, None, "name_rule"))
    return out
