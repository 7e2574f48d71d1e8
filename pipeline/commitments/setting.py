"""Where an act took place: its clause's meetings, the occasion reported, its records' occasions.

A venue belongs to a trigger when it sits in its clause (not in another clause GiNZA hung there)
or opens its content (…首脳会談で…ことで一致: GiNZA often hangs it there). Without one, the act
inherits the occasion being reported, unless it is the speech itself (a first-person pledge, a
request made now) or a recalled act; several coordinated occasions give one record each. The
rules are in README.md (Decisions, setting.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.commitments.clauses import clause_region, coordinated, evaluated_act, request_document, within
from pipeline.commitments.frame import DocContext, Frame
from pipeline.commitments.lexicon import alternation, load_words
from pipeline.commitments.occasions import Occasion, VenueMention
from pipeline.commitments.parties import SELF_CODE
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import REQUEST_VERBS, TriggerMatch
from pipeline.schema import Venue

# the particles of the venue phrase of a relative clause (昨年十月の日米２プラス２において打ち出した…)
RECALLED_VENUE_PARTICLES = ("において", "で", "にて", "の場で")


def with_venues(frame: Frame, venues: Sequence[VenueMention], ctx: DocContext) -> Frame:
    """The step that finds the clause's meetings and statements, and the occasion being reported."""
    view, match = frame.view, frame.match
    clause = set(frame.clause)
    own = [
        v
        for v in venues
        if not v.reference
        and ((v.bunsetu in clause and not venue_in_other_clause(view, v, match)) or leading_venue(view, match, v))
    ]
    if not own and frame.background:
        # 昨年十月の日米２プラス２において打ち出した方向性: the venue phrase of a relative clause,
        # whatever GiNZA hung it on, is where the recalled act took place
        region = clause_region(view, match)
        own = [
            v
            for v in venues
            if not v.reference
            and v.bunsetu >= 0
            and within(view, v.bunsetu, region)
            and view.particles(v.bunsetu) in RECALLED_VENUE_PARTICLES
        ]
    # what is being reported: a meeting reported earlier in this sentence, else the discourse's
    t_start = view.tokens[match.first].start
    earlier = [v.occasion for v in venues if v.reported and v.occasion.end <= t_start]
    # 今回の訪問を通じて、…ことで一致: the trip is the occasion even when GiNZA hangs it in the content
    trip = [v for v in venues if v.occasion.kind == "visit" and v.occasion.anaphoric and v.occasion.end <= t_start]
    if trip and not any(v.bunsetu in clause for v in trip):
        own = [*own, trip[-1]]
    reported = earlier[-1] if earlier else ctx.state.current
    return frame._replace(venues=tuple(own), reported=reported)


def with_occasions(frame: Frame, venues: Sequence[VenueMention], ctx: DocContext) -> Frame:
    """The step that decides the occasions the act is recorded under (``Frame.occasions``)."""
    # 〜を求めてまいります / 〜を求めます: a request made now, in this text, not at the meeting
    # being reported; its date is the speech's
    speech_act = frame.one_sided and made_in_text(frame.view, frame.match)
    occasions = (None,) if speech_act else _occasions(frame, venues, ctx)
    return frame._replace(speech_act=speech_act, occasions=occasions)


def _occasions(frame: Frame, venues: Sequence[VenueMention], ctx: DocContext) -> tuple[Occasion | None, ...]:
    view, match = frame.view, frame.match
    if coordinated_occasions(frame, ctx.text):
        # 同年5月28日の「2+2」共同発表や11(同23)年1月13日の日米防衛相会談などでも…示され: one
        # record per occasion
        return tuple(v.occasion for v in frame.venues)
    if match.kind == "first_person":
        # the act is the speech itself: no meeting is its venue (先般の日中首脳会談を新たなスタ
        # ートとし、…努力していきます)
        return (None,)
    if frame.venues:
        return (frame.venues[-1].occasion,)
    if frame.background:
        if request_document(view, match) >= 0:
            # …撤退を求めることなどを内容とする総会決議が採択: the meeting that adopted the document
            return (frame.reported,)
        if not evaluated_act(view, match):
            return (None,)
    return (_inherited_occasion(frame, venues, ctx),)


def coordinated_occasions(frame: Frame, text: str) -> bool:
    """Several distinct occasions joined by や/及び in the clause (…共同発表や…会談などでも…示され)."""
    venues = frame.venues
    spans = [(v.occasion.start, v.occasion.end) for v in venues]
    distinct = {(v.occasion.surface, v.occasion.date.id if v.occasion.date else None) for v in venues}
    return len(venues) >= 2 and len(distinct) >= 2 and coordinated(text, spans)


def _inherited_occasion(frame: Frame, venues: Sequence[VenueMention], ctx: DocContext) -> Occasion | None:
    """The occasion a clause without a venue of its own inherits: the one being reported, mostly."""
    view = frame.view
    if any(
        v.reported and v.occasion.date is not None and not v.occasion.anaphoric and view.start <= v.occasion.date.start
        for v in venues
    ):
        # the sentence reports other dated occasions of its own: this clause belongs to none of
        # them, and inheriting the discourse's occasion would cross their predicates
        return None
    current, phrase = frame.reported, frame.phrase
    if phrase.explicit and current is not None and outside_occasion(phrase.members, current):
        # 李中国外交部長とは、…一致 while an APEC meeting is being reported: a meeting of its
        # own with that partner, held on the trip being reported (its date, no venue)
        return ctx.state.visit
    return current


def outside_occasion(members: Sequence[str], current: Occasion) -> bool:
    """Whether a party named in the clause takes no part in the occasion being reported.

    Only for a meeting whose parties are known (a named or organization meeting, not a visit):
    a foreign party of the clause missing from it means the act took place elsewhere.
    """
    if current.kind != "meeting" or current.generic:
        return False
    known = {c for c in current.parties if c != SELF_CODE}
    named = {c for c in members if c != SELF_CODE}
    return bool(known) and bool(named) and not named <= known


@cache
def _speech_act_tail() -> re.Pattern[str]:
    return re.compile(alternation(load_words().speech_act_tails))


def made_in_text(view: SentenceView, match: TriggerMatch) -> bool:
    """〜てまいります / 〜ていく / 〜たい after the trigger: a commitment made in the text itself."""
    # the tail after the verb (求めていく: the trigger itself runs over its auxiliary)
    verb = match.first if match.lemma in REQUEST_VERBS else match.last
    tail = view.span_text(verb, max(match.last, view.bunsetu[match.pred].last)) if match.pred >= 0 else ""
    nxt = view.bunsetu[match.pred].head
    if nxt >= 0 and view.bunsetu[match.pred].dep in ("aux", "advcl") and nxt == match.pred + 1:
        tail += view.bunsetu_text(nxt)
    if _speech_act_tail().search(tail):
        return True
    # 〜を求めます said in the speech: the sentence-final non-past polite form of the trigger itself
    # (not 要請が想定をされます, 要請をいたしております: a state, not an act of the speech)
    lemmas = {view.tokens[k].lemma for k in range(verb + 1, view.bunsetu[match.pred].last + 1)}
    return (
        view.bunsetu[match.pred].head < 0
        and re.search(r"ます[。．]?$", tail) is not None
        and len(tail) <= 12
        and not lemmas & {"いる", "おる", "居る", "れる", "られる"}
    )


def venue_in_content(view: SentenceView, v: VenueMention, triggers: Sequence[TriggerMatch]) -> bool:
    """A venue inside what a trigger agrees on (…六者会合における共同声明の実施が重要であることを確認).

    It is part of the content, not the occasion being reported.
    """
    if v.bunsetu < 0 or v.occasion.kind == "visit":
        return False  # 今回の訪問を通じて、…で一致: the trip frames the whole report
    head = view.bunsetu[v.bunsetu].head
    if head >= 0 and {view.tokens[i].lemma for i in view.token_range(head)} & load_words().holding_lemmas:
        return False  # …三者会談を開催し、…で一致: a meeting held is reported, whatever GiNZA attached
    for t in triggers:
        if t.content < 0 or t.content == v.bunsetu:
            continue
        if v.bunsetu in view.descendant_set(t.content) and not leading_venue(view, t, v):
            return True
    return False


def venue_in_other_clause(view: SentenceView, v: VenueMention, match: TriggerMatch) -> bool:
    """A venue inside a relative clause the trigger is not part of (…会合で表明したビジョンに沿って)."""
    if v.bunsetu < 0:
        return False
    conjunctive = load_words().conjunctive_nouns
    for anc in view.ancestors(v.bunsetu):
        if anc == match.pred:
            return False
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in conjunctive:
                return True
    return False


def leading_venue(view: SentenceView, match: TriggerMatch, v: VenueMention) -> bool:
    """A venue phrase (…首脳会談で, …において) opening the content: GiNZA often hangs it there."""
    if match.content < 0 or v.bunsetu < 0:
        return False
    first, _ = view.subtree_span(match.content)
    if not (first <= v.bunsetu <= match.content):
        return False
    if venue_in_other_clause(view, v, match):
        return False  # 先月の日米２プラス２で一致した認識を改めて確認: the venue of the recalled act
    return view.particles(v.bunsetu) in load_words().venue_particles


def act_venue(occ: Occasion | None) -> Venue | None:
    """The venue of a record: its occasion, linked to its entity; a visit is when and with whom, never where."""
    if occ is None or occ.kind == "visit":
        return None
    return Venue(entity_id=occ.entity_id, surface=occ.surface)
