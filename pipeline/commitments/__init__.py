"""Stage 5: commitments (agreements, decisions, reaffirmations, ...) and who made them.

``find_commitments`` reads GiNZA's parse (``ParsedDoc``), the pipeline's sentences and the dates
and entities stages' records, and follows ANNOTATION.md (Commitments):

1. **Triggers** (``triggers.py``, lexicon in ``data/triggers.json``) over each sentence's bunsetu.
2. **Frame**: the bunsetu a trigger governs (its dependents and the coordinated predicates before
   it, 〜し、…一致した), minus its content argument: where its own actor, date and venue are.
3. **Actor** (``parties.py``): an actor phrase of the frame (は/が/から/とは/間で: 両首脳は,
   一川防衛大臣(当時)とパネッタ長官は, 私から, 日米の閣僚間で) resolved to ISO codes, ``inferred``
   false; otherwise inferred (``inferred`` true): requests, pledges and intents from the author's
   side (Japan: the documents are Japanese government texts and Diet minutes), the rest from the
   parties of the occasion (日米首脳会談 → JP+US).
4. **Date**: a date in the frame, else the frame venue's date, else the date of the occasion
   being reported (``context.py``: headings, この際, 同共同発表, the latest meeting); never a date of
   another predicate's clause; first-person pledges of a speech are dated by the speech.
5. **Venue**: the meeting or statement of the frame, else of the context, linked to its entity.
6. **Mention**: ``background`` for a trigger in a relative clause (…において定めた共通の戦略目標),
   ``listed_item`` for each ○ item of a list a statement contains (…以下のようなものを含む…),
   ``main`` otherwise; one record per occasion when a frame holds several coordinated occasions
   (同年5月28日の「2+2」共同発表や11(同23)年1月13日の日米防衛相会談などでも…示され).

Decisions written down here (cases ANNOTATION.md leaves open):

- 確認 is a confirmation only in a joint setting (two parties named, or a meeting or statement
  in the frame or being reported); 確認したところ, Xに確認した, 確認中 are fact checks, never
  commitments; 確認できた about a fact outside a meeting report is not one either.
- A reported statement (〜旨述べた/発言があった) is a commitment only when the reported clause is
  volitional: 〜ていく/〜てまいる/a plain action verb → pledge, 〜たい/意向 → intent.
- First-person 〜していきます/〜してまいります (pledge) and 〜したいと考えております (intent) count
  when the author speaks for a party: a government speaker in Diet minutes, any sentence of a
  non-minutes government document; a Diet member's own plans are not commitments of a party.
- Negated acts (合意には至っていない) are not extracted (no party bound itself).
- Listed items of a statement are typed ``agreement`` (a joint statement's contents are agreed
  by its parties); items headed by 歓迎/強調/謝意 are not commitments.

Offsets are code points into ``text``; every span satisfies ``text[start:end] == surface``.
Nothing is raised for odd input: a sentence without a usable parse yields nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.commitments.context import Discourse, Occasion, VenueMention, find_venues, is_heading
from pipeline.commitments.lexicon import Lexicon, load_lexicon
from pipeline.commitments.parties import SELF_CODE, PartyResolver, unique
from pipeline.commitments.speaker import Speaker, find_speaker
from pipeline.commitments.syntax import SentenceView, sentence_views
from pipeline.commitments.triggers import TriggerMatch, find_triggers
from pipeline.parse import ParsedDoc
from pipeline.schema import (
    Actor,
    Commitment,
    CommitmentDate,
    CommitmentType,
    DateMention,
    Entity,
    Mention,
    Sentence,
    Span,
    Trigger,
    Venue,
)

__all__ = ["find_commitments"]

ACTOR_PARTICLES = ("は", "が", "から", "からは", "からも", "も", "とは", "とも", "では", "としては", "として")
PARTNER_PARTICLES = ("とは", "とも", "との間で", "との間では")
ONE_SIDED = frozenset({CommitmentType.REQUEST, CommitmentType.PLEDGE, CommitmentType.INTENT})
LIST_MARKERS = ("○", "・", "●", "◯", "◆", "■", "-", "－", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨")
LIST_INTRO = re.compile(r"(?:以下|次)の(?:ような|とおり|通り|内容|点|項目)|以下を|次を")
NOT_LISTED = ("歓迎", "強調", "謝意", "感謝", "懸念", "留意", "評価", "重要性")
NOT_OCCASION_DATE = re.compile(r"^(?:以来|以降|ぶり|から|まで|より|以前|頃|ごろ|に向け|までに|を目途)")


@dataclass
class _DocContext:
    text: str
    lex: Lexicon
    dates: Sequence[DateMention]
    entities: Sequence[Entity]
    resolver: PartyResolver
    speaker: Speaker | None
    doc_date: str | None
    state: Discourse


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
    """
    lex = load_lexicon()
    ctx = _DocContext(
        text=text,
        lex=lex,
        dates=sorted(dates, key=lambda d: d.start),
        entities=entities,
        resolver=PartyResolver(text, entities, lex),
        speaker=find_speaker(text),
        doc_date=_doc_date(meta),
        state=Discourse(),
    )
    out: list[Commitment] = []
    list_occasion: Occasion | None = None
    for view in sentence_views(text, parsed, sentences):
        venues = find_venues(view, lex, ctx.dates, entities, ctx.resolver, ctx.state)
        heading = is_heading(view)
        if heading and not venues and not view.surface.startswith(LIST_MARKERS):
            ctx.state.reset_section()
            list_occasion = None
            continue
        if view.surface.startswith(LIST_MARKERS) and list_occasion is not None:
            out.extend(_listed_items(view, ctx, list_occasion))
            continue
        list_occasion = None
        first_person = _speaks_for_party(ctx)
        for match in find_triggers(view, lex, first_person=first_person):
            out.extend(_commitments(view, match, venues, ctx))
        if LIST_INTRO.search(view.surface):
            frame_venues = [v.occasion for v in venues if v.occasion.kind == "statement"]
            list_occasion = frame_venues[-1] if frame_venues else ctx.state.current
        for v in venues:
            ctx.state.push(v.occasion, current=v.reported)
    return tuple(_with_id(c, k) for k, c in enumerate(sorted(out, key=lambda c: (c.trigger.start, c.start))))


def _doc_date(meta: Mapping[str, Any] | None) -> str | None:
    value = (meta or {}).get("date")
    if not isinstance(value, str):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _speaks_for_party(ctx: _DocContext) -> bool:
    """First-person pledges count for government speakers, and in documents that are not minutes."""
    return ctx.speaker.government if ctx.speaker is not None else True


def _with_id(c: Commitment, k: int) -> Commitment:
    return Commitment(
        id=f"c{k}",
        start=c.start,
        end=c.end,
        surface=c.surface,
        trigger=c.trigger,
        type=c.type,
        actor=c.actor,
        content=c.content,
        date=c.date,
        venue=c.venue,
        mention=c.mention,
        polarity=c.polarity,
    )


def _spine_ancestors(view: SentenceView, b: int) -> list[int]:
    """Predicates that ``b`` is coordinated into (〜し、…一致した): they share its actor and time."""
    out: list[int] = []
    cur = b
    while True:
        bun = view.bunsetu[cur]
        if bun.head < 0 or bun.dep not in ("advcl", "conj", "ROOT"):
            break
        if not view.is_predicate(cur) and cur != b:
            break
        out.append(bun.head)
        cur = bun.head
    return out


def _frame(view: SentenceView, match: TriggerMatch, others: Sequence[TriggerMatch]) -> list[int]:
    """Bunsetu holding the trigger's own actor, date and venue (its content excluded)."""
    stop = {match.content} if match.content >= 0 else set()
    stop |= {o.pred for o in others if o.pred != match.pred}
    frozen = frozenset(stop)
    nodes = set(view.descendants(match.pred, stop=frozen))
    if match.pred != view.token_bunsetu[match.first]:
        nodes.add(view.token_bunsetu[match.first])
    left = view.subtree_span(match.pred)[0]
    for anc in _spine_ancestors(view, match.pred):
        for child in view.children.get(anc, ()):
            if child < left and child not in frozen:
                nodes.add(child)
                nodes.update(view.descendants(child, stop=frozen))
    return sorted(nodes - stop)


def _content_span(view: SentenceView, match: TriggerMatch, actor_b: int) -> Span | None:
    if match.content < 0:
        return None
    first_b, _ = view.subtree_span(match.content)
    if actor_b >= first_b and actor_b < match.content:
        first_b = actor_b + 1
    first = view.bunsetu[first_b].first
    last = view.bunsetu[match.content].last
    # drop the marker and particles that link the content to the trigger (…ことで, …旨, …を)
    while last > first and (
        view.tokens[last].pos in ("ADP", "PUNCT", "SCONJ", "PART")
        or view.tokens[last].lemma in ("こと", "事", "旨")
    ):
        if last <= match.first and last >= match.first:
            break
        last -= 1
    if last >= match.first and match.first > first:
        last = match.first - 1
        while last > first and view.tokens[last].pos in ("ADP", "PUNCT"):
            last -= 1
    while first < last and view.tokens[first].pos == "PUNCT":
        first += 1
    start, end = view.tokens[first].start, view.tokens[last].end
    return Span(start=start, end=end, surface=view.text[start:end])


def _actor_phrase(
    view: SentenceView, frame: Sequence[int], match: TriggerMatch, ctx: _DocContext, context: Sequence[str]
) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    """The frame's actor bunsetu (or -1) with its members and entity ids."""
    best = -1
    members: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    partners: list[str] = []
    for b in frame:
        if b >= match.pred and b != match.pred:
            continue
        particles = view.particles(b)
        surface = view.bunsetu_text(b)
        is_between = bool(re.search(r"間(?:で|では|でも)$", particles and surface.rstrip("、，")))
        if not (particles.endswith(ACTOR_PARTICLES) or is_between or particles in ("で",)):
            continue
        if particles in ("では", "で") and not is_between:
            # 会談では is a venue; 日米で / 両国で name parties
            found, _, named = ctx.resolver.resolve(surface, view.tokens[view.bunsetu[b].first].start, context)
            if not named or any(n in surface for n in ctx.lex.venue_nouns):
                continue
        start, end = _phrase_extent(view, b)
        phrase = view.text[start:end]
        found, found_ids, named = ctx.resolver.resolve(phrase, start, context)
        if not named:
            continue
        if particles.endswith(PARTNER_PARTICLES):
            partners.extend(found)
            continue
        best, members, ids = b, found, found_ids
    if partners:
        base = list(members) if members else [SELF_CODE]
        members = unique([*base, *partners])
    return best, members, ids


def _phrase_extent(view: SentenceView, b: int) -> tuple[int, int]:
    """A phrase with its coordinated left parts: 一川防衛大臣(当時)と | パネッタ長官は."""
    first = b
    for c in sorted(view.children.get(b, ()), reverse=True):
        if c == first - 1 and view.particles(c).endswith(("と", "や", "及び", "および", "、")):
            first = c
    return view.tokens[view.bunsetu[first].first].start, view.tokens[view.bunsetu[b].last].end


def _frame_dates(view: SentenceView, frame: Sequence[int], ctx: _DocContext) -> list[DateMention]:
    nodes = set(frame)
    out = []
    for d in ctx.dates:
        if not (view.start <= d.start < view.end):
            continue
        b = view.bunsetu_at(d.start)
        if b is None or b not in nodes:
            continue
        after = view.text[d.end : d.end + 6]
        if NOT_OCCASION_DATE.match(after) or d.mod is not None:
            continue
        out.append(d)
    return out


def _coordinated(text: str, items: Sequence[tuple[int, int]]) -> bool:
    """Whether consecutive spans are joined by や/と/及び/および/、 (AやBなど, A及びB)."""
    for (_, a_end), (b_start, _) in zip(items, items[1:]):
        gap = text[a_end:b_start]
        if not re.search(r"(?:や|と|及び|および|並びに|ならびに|、)", gap) or len(gap) > 30:
            return False
    return True


def _commitments(
    view: SentenceView, match: TriggerMatch, venues: Sequence[VenueMention], ctx: _DocContext
) -> list[Commitment]:
    lex = ctx.lex
    others = [o for o in find_triggers(view, lex) if o.pred != match.pred]
    frame = _frame(view, match, others)
    frame_set = set(frame)
    frame_venues = [v for v in venues if v.bunsetu in frame_set]
    current = ctx.state.current
    context_parties: tuple[str, ...] = ()
    if frame_venues:
        context_parties = frame_venues[-1].occasion.parties
    elif current is not None:
        context_parties = current.parties
    actor_b, members, ids = _actor_phrase(view, frame, match, ctx, context_parties)
    mention = _mention(view, match)
    explicit = bool(members)

    occasions: list[Occasion | None]
    dated_venues = [v for v in frame_venues if v.occasion.date is not None]
    own_dates = _frame_dates(view, frame, ctx)
    if len(dated_venues) >= 2 and _coordinated(ctx.text, [(v.occasion.start, v.occasion.end) for v in dated_venues]):
        occasions = [v.occasion for v in dated_venues]
        own_dates = []
    elif frame_venues:
        occasions = [frame_venues[-1].occasion]
    elif mention is Mention.BACKGROUND or match.kind == "first_person":
        occasions = [None]
    else:
        occasions = [current]
    date_sets: list[DateMention | None]
    if len(own_dates) >= 2 and _coordinated(ctx.text, [(d.start, d.end) for d in own_dates]) and len(occasions) == 1:
        date_sets = list(own_dates)
        occasions = occasions * len(own_dates)
    elif own_dates:
        date_sets = [own_dates[-1]] * len(occasions)
    else:
        date_sets = [None] * len(occasions)

    if match.needs_joint and not _joint(members, frame_venues, current, explicit, match, view):
        return []
    records = []
    for occ, own in zip(occasions, date_sets):
        date = _date(own, occ, match, ctx)
        actor = _actor(members, ids, explicit, occ, match, ctx)
        venue = Venue(entity_id=occ.entity_id, surface=occ.surface) if occ is not None else None
        records.append(_record(view, match, actor_b, actor, date, venue, mention, "main"))
    return records


def _joint(
    members: Sequence[str],
    frame_venues: Sequence[VenueMention],
    current: Occasion | None,
    explicit: bool,
    match: TriggerMatch,
    view: SentenceView,
) -> bool:
    """A joint setting for 確認/定める: two parties named, or a meeting/statement at hand."""
    if len(members) >= 2 or frame_venues:
        return True
    if explicit:
        return False
    if match.lemma == "定める":
        return False  # a law or plan 'provides': only a joint document's 定めた is an agreement
    # 確認できた/確認された about a fact needs a meeting being reported right here
    tail = view.span_text(match.last, view.bunsetu[match.pred].last)
    if re.search(r"でき|され", tail):
        return current is not None and not current.heading
    return current is not None


def _date(own: DateMention | None, occ: Occasion | None, match: TriggerMatch, ctx: _DocContext) -> CommitmentDate | None:
    if own is not None:
        return CommitmentDate(value=own.value, date_id=own.id)
    if occ is not None and occ.date is not None:
        return CommitmentDate(value=occ.date.value, date_id=occ.date.id)
    if match.kind == "first_person" and ctx.doc_date is not None:
        return CommitmentDate(value=ctx.doc_date, date_id=None)
    return None


def _actor(
    members: tuple[str, ...],
    ids: tuple[str, ...],
    explicit: bool,
    occ: Occasion | None,
    match: TriggerMatch,
    ctx: _DocContext,
) -> Actor:
    if explicit:
        return Actor(members=members, inferred=False, entities=ids)
    if match.type in ONE_SIDED or match.kind == "first_person" or occ is None or not occ.parties:
        # a request, pledge or intent with no actor written is the author's (Japan's)
        if match.type in ONE_SIDED or match.kind == "first_person" or ctx.speaker is not None:
            return Actor(members=(SELF_CODE,), inferred=True, entities=())
        return Actor(members=(), inferred=True, entities=())
    return Actor(members=occ.parties, inferred=True, entities=())


def _mention(view: SentenceView, match: TriggerMatch) -> Mention:
    pred = view.bunsetu[match.pred]
    if match.kind in ("predicate",) and pred.dep == "acl" and pred.head >= 0:
        noun = view.tokens[view.content_tokens(pred.head)[0]].lemma
        if noun not in ("こと", "事", "の", "もの", "旨"):
            return Mention.BACKGROUND
    return Mention.MAIN


def _record(
    view: SentenceView,
    match: TriggerMatch,
    actor_b: int,
    actor: Actor,
    date: CommitmentDate | None,
    venue: Venue | None,
    mention: Mention,
    _kind: str,
) -> Commitment:
    text = view.text
    t_start, t_end = view.tokens[match.first].start, view.tokens[match.last].end
    content = _content_span(view, match, actor_b)
    start = min(x for x in (t_start, content.start if content else t_start) if x is not None)
    if actor_b >= 0:
        start = min(start, view.tokens[view.bunsetu[actor_b].first].start)
    end = t_end
    pred_last = view.bunsetu[match.pred].last
    while pred_last > match.last and view.tokens[pred_last].pos == "PUNCT":
        pred_last -= 1
    end = max(end, view.tokens[pred_last].end)
    return Commitment(
        id="",
        start=start,
        end=end,
        surface=text[start:end],
        trigger=Trigger(start=t_start, end=t_end, surface=text[t_start:t_end], lemma=match.lemma),
        type=match.type,
        actor=actor,
        content=content,
        date=date,
        venue=venue,
        mention=mention,
    )


def _listed_items(view: SentenceView, ctx: _DocContext, occ: Occasion) -> list[Commitment]:
    """Each ○ item of a statement's list is a commitment of the statement's parties."""
    body_start = view.start + 1
    while body_start < view.end and view.text[body_start] in " 　":
        body_start += 1
    parts = _item_parts(view, body_start)
    out = []
    for first_tok, last_tok in parts:
        head = last_tok
        while head > first_tok and (view.tokens[head].pos in ("PUNCT", "ADP") or view.token_text(head) in ("など", "等")):
            head -= 1
        lemma = view.tokens[head].lemma
        if lemma in NOT_LISTED or view.token_text(head) in NOT_LISTED:
            continue
        t_start, t_end = view.tokens[head].start, view.tokens[head].end
        c_start, c_end = view.tokens[first_tok].start, view.tokens[head].end
        date = CommitmentDate(value=occ.date.value, date_id=occ.date.id) if occ.date is not None else None
        out.append(
            Commitment(
                id="",
                start=c_start,
                end=c_end,
                surface=view.text[c_start:c_end],
                trigger=Trigger(start=t_start, end=t_end, surface=view.text[t_start:t_end], lemma=lemma),
                type=CommitmentType.AGREEMENT,
                actor=Actor(members=occ.parties, inferred=True, entities=()),
                content=Span(start=c_start, end=c_end, surface=view.text[c_start:c_end]),
                date=date,
                venue=Venue(entity_id=occ.entity_id, surface=occ.surface),
                mention=Mention.LISTED_ITEM,
            )
        )
    return out


def _item_parts(view: SentenceView, body_start: int) -> list[tuple[int, int]]:
    """Token ranges of an item's coordinated parts: …の深化、…の歓迎など → two parts.

    A part ends at a top-level 、 after a verbal noun that has its own の-modifier; 検討、強化
    (two verbs sharing an object) stays one part.
    """
    toks = [i for i in range(view.first, view.last + 1) if view.tokens[i].start >= body_start]
    if not toks:
        return []
    parts: list[tuple[int, int]] = []
    start = toks[0]
    for k, i in enumerate(toks):
        if view.token_text(i) != "、" or k == 0:
            continue
        prev = toks[k - 1]
        rest = toks[k + 1 :]
        has_own_no = any(view.token_text(j) == "の" for j in rest[: max(0, len(rest) - 1)])
        if view.tokens[prev].pos in ("NOUN", "VERB") and has_own_no and _depth(view, toks[0], i) == 0:
            parts.append((start, prev))
            start = toks[k + 1]
    parts.append((start, toks[-1]))
    return parts


def _depth(view: SentenceView, first: int, upto: int) -> int:
    depth = 0
    for i in range(first, upto):
        s = view.token_text(i)
        depth += s.count("(") + s.count("（") + s.count("「") - s.count(")") - s.count("）") - s.count("」")
    return depth
