"""The document loop: the stage's flow, sentence after sentence and trigger after trigger.

A Diet record hands the floor from speaker to speaker (speaker.py); a heading without a venue
starts a new topic; an answer's restated question (…についてお尋ねがありました) holds no act and
moves to a new topic; a statement's ○ items are read as its agreements (lists.py). Every other
sentence is read for its occasions (venues.py) and triggers (triggers.py), and each trigger's
act is assembled as a ``Frame``, step by step, in ``_commitments_of``. ``read`` also says which
rule dropped each trigger that yields no record (tools/commitments_dev.py --diff shows it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from pipeline.commitments import actors, clauses, dating, records, setting, vetoes
from pipeline.commitments.frame import ONE_SIDED, DocContext, Vetoed
from pipeline.commitments.lexicon import alternation, load_lexicon, load_words
from pipeline.commitments.lists import introduced_list, is_list_item, listed_items
from pipeline.commitments.occasions import Discourse, VenueMention
from pipeline.commitments.parties import PartyResolver
from pipeline.commitments.speaker import Speaker, find_speaker, stage_turns
from pipeline.commitments.syntax import SentenceView, sentence_views
from pipeline.commitments.triggers import TriggerMatch, find_triggers
from pipeline.commitments.venues import find_venues, is_heading
from pipeline.parse import ParsedDoc
from pipeline.schema import Commitment, DateMention, Entity, Sentence


def find_commitments(
    text: str,
    parsed: ParsedDoc,
    *,
    sentences: Sequence[Sentence] = (),
    dates: Sequence[DateMention] = (),
    entities: Sequence[Entity] = (),
    meta: Mapping[str, Any] | None = None,
) -> tuple[Commitment, ...]:
    """Commitments of ``text`` in text order, ids ``c0``, ``c1``, ...

    Args:
        text: the document text; every offset indexes it.
        parsed: GiNZA's parse of ``text`` (tokens with dependencies and bunsetu labels).
        sentences: the pipeline's sentences (headings and list items are their own sentences);
            GiNZA's sentence starts are used when empty.
        dates: the dates stage's mentions (values and ids are linked as ``date``).
        entities: the entities stage's entities (actors and venues are linked by id).
        meta: document metadata; ``date`` (ISO) dates first-person pledges of a speech.

    Offsets are code points into ``text``; every span satisfies ``text[start:end] == surface``.
    Nothing is raised for odd input: a sentence without a usable parse yields nothing.
    """
    return read(text, parsed, sentences=sentences, dates=dates, entities=entities, meta=meta).commitments


@dataclass(frozen=True, slots=True)
class Reading:
    """What the stage made of a document: its commitments, and the triggers the vetoes dropped."""

    commitments: tuple[Commitment, ...]
    vetoed: tuple[Vetoed, ...]


def read(
    text: str,
    parsed: ParsedDoc,
    *,
    sentences: Sequence[Sentence] = (),
    dates: Sequence[DateMention] = (),
    entities: Sequence[Entity] = (),
    meta: Mapping[str, Any] | None = None,
) -> Reading:
    """``find_commitments`` with the reason for every trigger that yields no record (see ``vetoes``)."""
    lex = load_lexicon()
    ctx = DocContext(
        text=text,
        lex=lex,
        dates=sorted(dates, key=lambda d: d.start),
        entities=entities,
        resolver=PartyResolver(text, entities, lex),
        speaker=find_speaker(text),
        doc_date=_doc_date(meta),
        state=Discourse(),
    )
    later_turns = stage_turns(text)
    out: list[Commitment] = []
    for view in sentence_views(text, parsed, sentences):
        if later_turns and later_turns[0].start < view.end:
            _hand_over(ctx, later_turns.pop(0))
            continue
        out.extend(_read_sentence(view, ctx))
    found = tuple(records.with_id(c, k) for k, c in enumerate(sorted(out, key=lambda c: (c.trigger.start, c.start))))
    return Reading(commitments=found, vetoed=tuple(ctx.vetoed))


def _doc_date(meta: Mapping[str, Any] | None) -> str | None:
    value = (meta or {}).get("date")
    if not isinstance(value, str):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _hand_over(ctx: DocContext, speaker: Speaker) -> None:
    """〔国務大臣岸信夫君登壇〕: another speaker takes the floor; what they report starts afresh."""
    ctx.speaker = speaker
    ctx.state = Discourse()
    ctx.partner, ctx.paragraph_parties = (), ()
    ctx.list_occasion = None


def _read_sentence(view: SentenceView, ctx: DocContext) -> list[Commitment]:
    """The records of one sentence; the discourse moves on to what it reports."""
    venues = find_venues(view, ctx.lex, ctx.dates, ctx.entities, ctx.resolver, ctx.state)
    if is_heading(view) and not venues and not is_list_item(view):
        # a heading without a venue starts a new topic
        ctx.state.reset_section()
        ctx.list_occasion = None
        return []
    asked_until = _restated_question(view)
    if asked_until is not None:
        # 次に、…についてお尋ねがありました: an answer moves to a new topic
        ctx.state.reset_section()
    if is_list_item(view) and ctx.list_occasion is not None:
        return listed_items(view, ctx.list_occasion)
    ctx.list_occasion = None
    ctx.partner = actors.pair_partner(view.surface, ctx.lex) or ctx.partner
    triggers = _triggers(view, ctx, asked_until)
    _follow_paragraph(view, ctx, venues)
    # a venue inside what is agreed (…六者会合における共同声明の実施が重要であることを確認) is
    # part of the content: it is not the occasion being reported
    venues = [replace(v, reported=False) if setting.venue_in_content(view, v, triggers) else v for v in venues]
    found = [c for match in triggers for c in _commitments_of(view, match, venues, ctx, triggers)]
    for c in found:
        if not c.actor.inferred and len(c.actor.members) >= 2 and c.type not in ONE_SIDED:
            ctx.paragraph_parties = c.actor.members
    ctx.list_occasion = introduced_list(view, venues, ctx.state)
    for v in venues:
        # …サミットにおける…議論についてお尋ねがありました: the meeting asked about is what the
        # answer reports
        ctx.state.push(v.occasion, current=v.reported)
    return found


@cache
def _new_question() -> re.Pattern[str]:
    words = load_words()
    markers, nouns = alternation(words.question_markers), alternation(words.question_nouns)
    return re.compile(rf"(?:{markers})(?:{nouns})(?:が|を)(?:{alternation(words.question_verbs)})")


def _restated_question(view: SentenceView) -> int | None:
    """The document offset where a restated question ends (…についてお尋ねがありました), or None."""
    question = _new_question().search(view.surface)
    return view.start + question.end() if question else None


def _triggers(view: SentenceView, ctx: DocContext, asked_until: int | None) -> tuple[TriggerMatch, ...]:
    """The sentence's triggers that are acts of their own (vetoes.TRIGGER_VETOES), after any restated question.

    First-person pledges count for government speakers, and in documents that are not minutes.
    """
    first_person = ctx.speaker.government if ctx.speaker is not None else True
    triggers, dropped = vetoes.acts_of(view, find_triggers(view, ctx.lex, first_person=first_person))
    if asked_until is not None:
        # …を国際社会が一体となり求めることの重要性についてお尋ねがありました: the question
        # restated, no act of a party; an answer may follow in the same sentence (…ましたが、…)
        dropped.extend((t, "restated_question") for t in triggers if view.tokens[t.first].start < asked_until)
        triggers = [t for t in triggers if view.tokens[t.first].start >= asked_until]
    ctx.vetoed.extend(Vetoed(trigger=records.trigger_of(view, t), rule=rule) for t, rule in dropped)
    return tuple(triggers)


def _follow_paragraph(view: SentenceView, ctx: DocContext, venues: Sequence[VenueMention]) -> None:
    """A new paragraph, or a newly reported occasion, forgets the parties last named together."""
    paragraph = ctx.text.rfind("\n", 0, view.start)
    if paragraph != ctx.paragraph_start or any(v.reported for v in venues):
        ctx.paragraph_parties, ctx.paragraph_start = (), paragraph


def _commitments_of(
    view: SentenceView,
    match: TriggerMatch,
    venues: Sequence[VenueMention],
    ctx: DocContext,
    triggers: tuple[TriggerMatch, ...],
) -> list[Commitment]:
    """The records of one trigger: its frame filled in step by step, none when a veto applies."""
    frame = clauses.locate(view, match, triggers)  # its clause, spine and mention
    frame = setting.with_venues(frame, venues, ctx)  # its meetings, the occasion being reported
    frame = actors.with_actor_phrase(frame, ctx)  # the actor its clause writes
    rule = vetoes.frame_veto(frame, ctx)
    if rule is not None:
        ctx.vetoed.append(Vetoed(trigger=records.trigger_of(view, match), rule=rule))
        return []
    frame = setting.with_occasions(frame, venues, ctx)  # the occasions it is recorded under
    frame = dating.with_dates(frame, ctx)  # one (occasion, date of its clause) per record
    out = []
    for occ, own in frame.acts:
        rule = vetoes.act_veto(frame, occ, ctx)
        if rule is not None:
            ctx.vetoed.append(Vetoed(trigger=records.trigger_of(view, match), rule=rule))
            continue
        actor = actors.act_actor(frame, occ, ctx)
        date = dating.act_date(frame, occ, own, ctx)
        out.append(records.record(frame, actor, date, setting.act_venue(occ)))
    return out
