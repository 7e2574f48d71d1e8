"""Trips a sentence reports (ジブチを訪問し, 訪日, 今回の訪問), with their dates and the meetings attended.

A visit is never a venue (it is no EVENT): it says when and with whom. It carries a date only
when it lasted one day, or the month a range within one month gives (gold rules); the meetings
held on it take that date (occasions.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from pipeline.commitments.dating import occasion_date, range_month
from pipeline.commitments.lexicon import Lexicon, alternation, load_words
from pipeline.commitments.occasions import Discourse, Occasion, VenueMention
from pipeline.commitments.parties import SELF_CODE, PartyResolver, country_codes, unique
from pipeline.commitments.syntax import SentenceView
from pipeline.schema import DateMention

INSPECTION = "視察"


@cache
def _visit_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?P<verb>{alternation(load_words().visit_verbs)})(?P<pred>を?(?:し|する|され|いたし))?")


def find_visits(
    view: SentenceView,
    lex: Lexicon,
    dates: Sequence[DateMention],
    resolver: PartyResolver,
    state: Discourse,
) -> list[VenueMention]:
    """Visits: ジブチを訪問し, …豪州、マレーシア訪問について (a trip announced), 今回の訪問.

    ``dates`` are the sentence's. A visit written with its predicate (訪問し) is reported; so is
    an anaphoric one (今回の訪問), which stands for the trips reported before.
    """
    sentence = view.surface
    out: list[VenueMention] = []
    for m in _visit_pattern().finditer(sentence):
        a, b = m.start(), m.end("verb")
        window = sentence[max(0, a - 24) : a]
        anaphoric = bool(re.search(r"(?:今回の|この|その|今般の|同)$", window))
        if anaphoric:
            members, occ_date = _visit_referred_to(m["verb"], state)
        else:
            members, occ_date = _new_visit(view, m, window, lex, dates, resolver, state)
        occ = Occasion(
            start=view.start + a,
            end=view.start + b,
            surface=m["verb"],
            kind="visit",
            date=occ_date,
            parties=members,
            generic=True,
            anaphoric=anaphoric,
        )
        bun = view.bunsetu_at(view.start + a)
        out.append(
            VenueMention(occasion=occ, bunsetu=bun if bun is not None else -1, reported=bool(m["pred"]) or anaphoric)
        )
    return out


def _visit_referred_to(verb: str, state: Discourse) -> tuple[tuple[str, ...], DateMention | None]:
    """Parties and date of an anaphoric visit (今回の訪問: every trip reported; この視察: the current one)."""
    if verb == INSPECTION:
        # この視察においては: the inspection just reported (no meeting: nothing joint happens)
        members = state.visit.parties if state.visit else (SELF_CODE,)
        return members, state.visit.date if state.visit else None
    return unique(c for v in state.visits for c in v.parties), None


def _new_visit(
    view: SentenceView,
    m: re.Match[str],
    window: str,
    lex: Lexicon,
    dates: Sequence[DateMention],
    resolver: PartyResolver,
    state: Discourse,
) -> tuple[tuple[str, ...], DateMention | None]:
    """Parties and date of a visit named here: the countries written before it, its own date."""
    a = m.start()
    segment = re.split(r"[のはにでがを。]|まで|にかけて", window.rstrip("をがは"))[-1]
    codes = list(country_codes(segment, lex))
    if not codes:
        found, _, _ = resolver.resolve(window, view.start + a - len(window), ())
        codes = list(found)
    members = unique([SELF_CODE, *codes])
    occ_date = _visit_date(view, a, m.end("verb"), dates) if m["pred"] else None
    if m["verb"] == INSPECTION and occ_date is None and state.visit is not None:
        # an inspection during the visit being reported (ジブチにおいては…を視察しました)
        occ_date = state.visit.date
        members = unique([*state.visit.parties, *members])
    return members, occ_date


def _visit_date(view: SentenceView, a: int, b: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date of a visit with its predicate: its occasion date, else the range just before it."""
    occ_date = occasion_date(view, a, b, dates)
    if occ_date is None:
        # 私は、四月十五日から十八日まで米国ワシントンを訪問し: the range just before the visit
        ends = [d for d in dates if d.range == "end" and 0 <= view.start + a - d.end <= 30]
        starts = [d for d in dates if d.range == "start" and ends and d.end <= ends[-1].start]
        occ_date = starts[-1] if starts else None
    starts_range = occ_date is not None and (
        occ_date.range == "start" or view.surface[occ_date.end - view.start :].startswith("から")
    )
    if starts_range and occ_date is not None:
        # 四月十五日から十八日まで…訪問し: which day is not said; the range's common month
        # dates the visit (gold rules), a range over two months gives none
        occ_date = range_month(occ_date, dates)
    return occ_date


def with_attended(visits: Sequence[VenueMention], meetings: Sequence[VenueMention]) -> list[VenueMention]:
    """Visits with the parties of the named meetings their sentence reports after them.

    (…ハノイを訪問し、第十八回アジア太平洋経済協力閣僚会議…に出席 → APEC), up to the next visit.
    """
    out = []
    for k, v in enumerate(visits):
        if v.occasion.anaphoric or v.occasion.date is None:
            out.append(v)
            continue
        until = visits[k + 1].occasion.start if k + 1 < len(visits) else 1 << 62
        attended = unique(
            c
            for m in meetings
            if v.occasion.end <= m.occasion.start < until and m.occasion.kind == "meeting" and not m.occasion.generic
            for c in m.occasion.parties
            if c != SELF_CODE
        )
        out.append(replace(v, occasion=replace(v.occasion, attended=attended)) if attended else v)
    return out
