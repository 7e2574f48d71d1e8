"""Occasions (meetings, visits, statements) and the discourse state that carries them along.

Most commitments do not write their date, venue or actor in their own clause: a heading or an
earlier sentence does (``1 「2+2」会合(11(平成23)年6月21日)`` … ``この際公表された「2+2」共同発表に
おいては…``). An ``Occasion`` is one such meeting, visit or statement with its date and parties;
``Discourse`` keeps the section's occasion and the one being reported, sentence after sentence;
``complete`` fills what a mention leaves out (anaphora, parties, date) from it. The rules are in
README.md (Decisions, occasions.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.commitments.lexicon import alternation, load_words
from pipeline.commitments.parties import SELF_CODE, PartyResolver, country_codes, mask_places, unique
from pipeline.commitments.syntax import SentenceView
from pipeline.schema import DateMention


@dataclass(frozen=True, slots=True)
class Occasion:
    """A meeting, visit or statement: venue span and entity, date, parties, kind."""

    start: int
    end: int
    surface: str
    kind: str  # meeting | statement | visit
    entity_id: str | None = None
    date: DateMention | None = None
    parties: tuple[str, ...] = ()
    generic: bool = False
    anaphoric: bool = False
    heading: bool = False
    # a visit: the parties of the meetings its sentence says were attended on it (…ハノイを訪問
    # し、…閣僚会議、通称ＡＰＥＣに出席 → APEC); a meeting: the start of the visit that dates it
    attended: tuple[str, ...] = ()
    visit_start: int = -1
    before: str = ""  # the few characters before the mention (さきの, 先の: recalled as earlier)

    @property
    def head_noun(self) -> str:
        """The venue noun the surface ends with (会談, 共同発表, 会合)."""
        return _head_noun(self.surface)


def _head_noun(surface: str) -> str:
    for noun in load_words().head_nouns:
        if surface.endswith(noun):
            return noun
    return surface[-2:]


@dataclass(frozen=True, slots=True)
class VenueMention:
    """An occasion found in a sentence, with the bunsetu it sits in and whether it is reported."""

    occasion: Occasion
    bunsetu: int
    reported: bool
    reference: bool = False  # mentioned as a reference point (…に先立ち, …を踏まえ, …に続き)


@dataclass
class Discourse:
    """What the text is reporting at this point: the section's occasion and the current one."""

    section: Occasion | None = None
    current: Occasion | None = None
    history: list[Occasion] = field(default_factory=list)
    visits: list[Occasion] = field(default_factory=list)
    visit: Occasion | None = None  # the visit being reported (meetings during it take its day)

    def latest(self, head_noun: str | None = None, kind: str | None = None) -> Occasion | None:
        """The most recent reported occasion (with that head noun or kind, when given)."""
        for occ in reversed(self.history):
            if head_noun is not None and occ.head_noun != head_noun:
                continue
            if kind is not None and occ.kind != kind:
                continue
            return occ
        return None

    def push(self, occ: Occasion, *, current: bool) -> None:
        """Record a reported occasion and make it the current one (unreported ones are dropped).

        A visit named again without a predicate (次に、シンガポールの訪問の成果ですが) is the earlier
        dated trip to those countries, now being reported again; a meeting dated by a trip (the
        conference attended on it) makes that trip the one being reported.
        """
        if occ.kind == "visit":
            earlier = self.trip_to(occ) if not current and not occ.anaphoric else None
            if earlier is not None:
                self.visit = earlier
                return
            if not occ.anaphoric:
                self.visits.append(occ)
            if not current:
                return
            self.visit = occ
        elif current and occ.visit_start >= 0:
            self.visit = next((v for v in self.visits if v.start == occ.visit_start), self.visit)
        if not current and not occ.heading:
            return
        self.history.append(occ)
        if occ.heading:
            self.section = occ
            self.current = occ
        elif current:
            self.current = occ

    def trip_to(self, occ: Occasion) -> Occasion | None:
        """The latest dated visit whose countries include those of ``occ`` (a visit named again)."""
        foreign = {c for c in occ.parties if c != SELF_CODE}
        if not foreign:
            return None
        for visit in reversed(self.visits):
            if visit.date is not None and foreign <= set(visit.parties):
                return visit
        return None

    def reset_section(self) -> None:
        """A heading without a venue starts a new topic."""
        self.section = None
        self.current = None
        self.visit = None


def complete(
    occ: Occasion,
    view: SentenceView,
    resolver: PartyResolver,
    state: Discourse,
    local: Occasion | None,
    *,
    topic: bool = False,
    visits: Sequence[VenueMention] = (),
) -> Occasion:
    """Fill what the mention leaves out from the discourse: anaphora, parties, date, heading name.

    ``local`` is the occasion reported earlier in the same sentence (会談では、…共同声明を発出);
    ``topic`` says the mention is a bare venue word as a topic (会談では); ``visits`` are the
    sentence's visits.
    """
    reported = local or state.current
    if occ.anaphoric:
        occ = _with_antecedent(occ, state)
    occ = _with_parties(occ, view, resolver, reported, local)
    # a bare 会談/会合 right after a meeting was reported is that meeting (会談では、まず、…)
    if occ.generic and topic and occ.date is None and reported is not None and reported.kind == occ.kind:
        occ = _as_reported(occ, reported)
    occ = _with_visit_date(occ, visits, state)
    section = state.section
    if occ.generic and section is not None and section.kind == occ.kind and not section.generic:
        # a bare 会談/会合 in a section whose heading names a meeting is that meeting
        occ = replace(
            occ,
            entity_id=section.entity_id,
            surface=section.surface,
            start=section.start,
            end=section.end,
            parties=section.parties or occ.parties,
            date=occ.date or section.date,
        )
    return occ


def _antecedent(occ: Occasion, state: Discourse) -> Occasion | None:
    """The occasion an anaphoric mention refers back to (同共同発表, この際, 今回の会談), or None."""
    ref = state.latest(head_noun=occ.head_noun) or state.latest(kind=occ.kind) or state.current
    if not occ.generic and any(c != SELF_CODE for c in occ.parties):
        # 先般の日米首脳テレビ会談: a named meeting refers back only to a mention with its
        # parties, else it is a meeting of its own (undated here)
        foreign = {c for c in occ.parties if c != SELF_CODE}
        ref = next(
            (o for o in reversed(state.history) if o.kind == occ.kind and foreign <= set(o.parties)),
            None,
        )
    if occ.surface.startswith(("この際", "この")) or occ.kind == "statement":
        # この際公表された「2+2」共同発表: the statement issued at the current meeting
        ref = state.latest(head_noun=occ.head_noun) if occ.surface.startswith("同") else state.current or ref
    return ref


def _with_antecedent(occ: Occasion, state: Discourse) -> Occasion:
    ref = _antecedent(occ, state)
    if ref is None:
        return occ
    occ = replace(occ, date=occ.date or ref.date, parties=occ.parties or ref.parties)
    if ref.head_noun == occ.head_noun and not ref.generic and occ.generic:
        # the venue is the antecedent's named mention (同共同発表 → 「2+2」共同発表); a
        # mention that names the meeting itself (今般の２プラス２) is the nearest named
        # mention, and the venue (gold rules)
        occ = replace(
            occ,
            entity_id=ref.entity_id,
            surface=ref.surface,
            start=ref.start,
            end=ref.end,
            generic=False,
        )
    return occ


def _with_parties(
    occ: Occasion, view: SentenceView, resolver: PartyResolver, reported: Occasion | None, local: Occasion | None
) -> Occasion:
    """Parties for a mention that names none: the reported meeting's for its statement, else the sentence's."""
    if not occ.parties and occ.kind == "statement" and reported is not None and reported.kind == "meeting":
        # 首脳共同声明を発出: the statement of the meeting being reported
        occ = replace(occ, parties=reported.parties, date=occ.date or (local.date if local else None))
    if not occ.parties:
        occ = replace(occ, parties=_sentence_parties(view, resolver, reported))
    return occ


def _sentence_parties(view: SentenceView, resolver: PartyResolver, reported: Occasion | None) -> tuple[str, ...]:
    """The countries the sentence names (イタリアを訪問し、…との会談を行いました), else its people."""
    plain = mask_places(view.surface)
    named = country_codes(plain, resolver.lex)
    context = (SELF_CODE, *named) if named else (reported.parties if reported else ())
    members, _, _ = resolver.resolve(plain, view.start, context)
    parties = [*named, *members] if named else list(members)
    if parties and SELF_CODE not in parties:
        parties.insert(0, SELF_CODE)
    if len(parties) < 2 and reported is not None:
        parties = list(reported.parties)
    return unique(parties)


def _as_reported(occ: Occasion, reported: Occasion) -> Occasion:
    """A bare meeting word standing for the meeting being reported (its date, parties, named mention)."""
    return replace(
        occ,
        date=reported.date,
        parties=reported.parties or occ.parties,
        # the named mention, not the bare one (首脳会談では → 日米首脳会談)
        entity_id=reported.entity_id or occ.entity_id,
        surface=reported.surface if reported.entity_id else occ.surface,
        start=reported.start if reported.entity_id else occ.start,
        end=reported.end if reported.entity_id else occ.end,
        generic=reported.generic,
    )


def _with_visit_date(occ: Occasion, visits: Sequence[VenueMention], state: Discourse) -> Occasion:
    """A meeting without a date of its own held on a dated visit takes the visit's date."""
    # a meeting held during a one-day visit took place that day (五月九日にはジブチを訪問し、…
    # ハッサン国防大臣との会談では…一致)
    visit_here = any(v.occasion.end <= occ.start and not v.occasion.anaphoric for v in visits)
    if occ.generic and occ.kind == "meeting" and occ.date is None and state.visit is not None and not visit_here:
        occ = replace(occ, date=state.visit.date)
    if occ.kind == "meeting" and occ.date is None and not occ.anaphoric:
        # a meeting held during a dated visit (…十八日まで米国ワシントンを訪問し、…日米首脳会談を
        # 行いました; オバマ米大統領が…訪日をしました。…日米首脳会談では): the visit's date, when the
        # visit is in its sentence, its partners or attended meetings are the meeting's, or it is
        # the trip being reported
        dating = _dating_occasion(occ, visits, state)
        if dating is not None and dating.date is not None:
            start = dating.start if dating.kind == "visit" else dating.visit_start
            occ = replace(occ, date=dating.date, visit_start=start)
    return occ


@cache
def _recalled_as_earlier() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(load_words().earlier_markers)})$")


def _dating_occasion(occ: Occasion, visits: Sequence[VenueMention], state: Discourse) -> Occasion | None:
    """The visit (or the bare meeting) that dates a meeting without a date of its own, or None.

    The visit of its sentence (…を訪問し、…会談を行いました); else the latest visit whose countries,
    or the named meetings attended on it, include the meeting's parties (ＡＰＥＣ閣僚会議では →
    the trip on which APEC was attended); else, for a named meeting, the bare meeting with the
    same partners this section reported (…中国の外務大臣と…会談を行いました。日中外相会談では:
    one meeting), unless it is recalled as an earlier one (さきの日米首脳会談).
    """
    here = [v.occasion for v in visits if v.occasion.end <= occ.start and not v.occasion.anaphoric]
    if here:
        return here[-1]
    foreign = {c for c in occ.parties if c != SELF_CODE}
    if not foreign:
        return None
    for visit in reversed(state.visits):
        if foreign <= {*visit.parties, *visit.attended}:
            return visit
    if occ.generic or _recalled_as_earlier().search(occ.before):
        return None
    for earlier in reversed(state.history):
        if earlier.heading:
            break  # the section's own occasion: nothing before it is this section's
        bare = earlier.kind == "meeting" and earlier.generic and earlier.date is not None
        if bare and foreign <= set(earlier.parties):
            return earlier
    return None
