"""Who acts: the actor phrase a clause writes, its party members, and the actor of each record.

An actor phrase is a party phrase ending in は/が/から(は)/も/として(は) (両首脳は, 一川防衛大臣
(当時)から); with とは/との間で it names a partner of the author's side (デンマーク側とは…一致);
with で only a pair or a between-phrase (日米で, 日米の閣僚間で). Without one the actor is inferred:
requests, pledges and intents are the author's side's (Japan: the documents are Japanese
government texts and Diet minutes), joint acts the parties of their occasion. The rules are in
README.md (Decisions, actors.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from pipeline.commitments.clauses import (
    WINDOW,
    embedded,
    in_contrastive,
    in_relative,
    inside_report,
    phrase_extent,
    request_document,
)
from pipeline.commitments.frame import JOINT_TYPES, ONE_SIDED, ActorPhrase, DocContext, Frame
from pipeline.commitments.lexicon import Lexicon, alternation, load_lexicon, load_words
from pipeline.commitments.occasions import Occasion, VenueMention
from pipeline.commitments.parties import (
    SELF_CODE,
    country_codes,
    mask_places,
    party_head,
    pure_countries,
    trailing_particles,
    unique,
)
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import TriggerMatch
from pipeline.schema import Actor, CommitmentType, EntityLabel

PARTNER_PARTICLES = frozenset({"とは", "と", "とも"})
# the particles of a sentence's leading topic and of a source, when the frame names no actor
TOPIC_PARTICLES = ("は", "が")
SOURCE_PARTICLES = ("から", "からは", "より", "よりは")
# verbs that are a joint act only with the joint meeting or document in their own clause
JOINT_VENUE_VERBS = frozenset({"定める", "打ち出す"})

# (bunsetu, members, entity ids) of an actor phrase
_Phrase = tuple[int, tuple[str, ...], tuple[str, ...]]


def with_actor_phrase(frame: Frame, ctx: DocContext) -> Frame:
    """The step that reads the actor the clause writes (``Frame.phrase``)."""
    actor_b, members, ids = actor_phrase(frame.view, frame.clause, frame.match, ctx, context_parties(frame, ctx))
    phrase = ActorPhrase(bunsetu=actor_b, members=members, entities=ids, explicit=bool(members))
    if frame.match.kind == "first_person" and tuple(members) != (SELF_CODE,):
        # the speaker's own pledge binds the speaker's side only (日中でともに努力していきます,
        # ロシアとは…進めていきます, 米国ともしっかり連携をしつつ…進めてまいります: JP)
        phrase = replace(phrase, members=(SELF_CODE,), entities=(), explicit=False)
    return frame._replace(phrase=phrase)


def context_parties(frame: Frame, ctx: DocContext) -> tuple[str, ...]:
    """The parties of the occasion at hand: for 両首脳, 先方 and foreign names with a bare title."""
    context: tuple[str, ...] = ()
    if frame.venues:
        context = frame.venues[-1].occasion.parties
    elif frame.reported is not None:
        context = frame.reported.parties
    if not any(c != SELF_CODE for c in context) and ctx.partner:
        # トランプ大統領は…: a foreign name with a bare title belongs to the partner in context
        context = unique([*context, *ctx.partner])
    return context


def actor_phrase(
    view: SentenceView, frame: Sequence[int], match: TriggerMatch, ctx: DocContext, context: Sequence[str]
) -> _Phrase:
    """The frame's actor bunsetu (or -1) with its members and entity ids.

    The nearest actor phrase before the trigger wins; without one, the sentence's leading topic
    (日米両国は … こととし) is taken unless it sits inside a reported clause (…旨, …ことを伝えた).
    Partners (…とは, …との間で) join the actor, or the author's side.
    """
    (best, members, ids), partners = _phrase_in_frame(view, frame, match, ctx, context)
    if best < 0 and not non_party_subject(view, frame, match):
        pick, partners = _sentence_topic(view, match, ctx, context, partners)
        if pick is not None:
            best, members, ids = pick
    if partners:
        base = list(members) if members else [SELF_CODE]
        members = unique([*base, *partners])
    return best, members, ids


def _phrase_in_frame(
    view: SentenceView, frame: Sequence[int], match: TriggerMatch, ctx: DocContext, context: Sequence[str]
) -> tuple[_Phrase, list[str]]:
    """The last actor phrase of the frame before the trigger, and the partners it names."""
    best: _Phrase = (-1, (), ())
    partners: list[str] = []
    for b in frame:
        if b > match.pred or (b == match.pred and view.token_bunsetu[match.first] == b):
            continue
        if in_contrastive(view, b, match):
            continue
        if b < match.pred and in_relative(view, b, match):
            continue  # ロシア、中国及び米国も出席する場で: the subject of a relative clause
        found = party_members(view, b, ctx, context)
        if found is None:
            continue
        kind, codes, found_ids = found
        if kind == "partner":
            if view.bunsetu[b].dep != "nmod" or view.particles(b) in load_words().between_particles:
                partners.extend(codes)
            continue
        best = (b, codes, found_ids)
    return best, partners


def _sentence_topic(
    view: SentenceView, match: TriggerMatch, ctx: DocContext, context: Sequence[str], partners: list[str]
) -> tuple[_Phrase | None, list[str]]:
    """The sentence's topic or source before the trigger, when the frame names no actor.

    GiNZA often hangs the sentence's topic inside the content (日米両国は…強化することとし) or the
    speaker inside the reported clause (先方から…支持したい旨): the first topic (は/が) or the last
    source (から) before the trigger, outside relative clauses and outside a reported or described
    content. A partner phrase (米国との間では、…ことで意見の一致を見ました) adds its partners.
    """
    partners = list(partners)
    topics: list[_Phrase] = []
    sources: list[_Phrase] = []
    trigger_b = view.token_bunsetu[match.first]
    for b in range(max(0, trigger_b - WINDOW), trigger_b):
        particles = view.particles(b)
        if not partners and particles in ("とは", "では", "との間で", "との間では") and not embedded(view, b, match):
            found = party_members(view, b, ctx, context)
            if found is not None and found[0] == "partner":
                partners.extend(found[1])
            continue
        role = _topic_role(view, b, match, particles)
        if role is None:
            continue
        found = party_members(view, b, ctx, context)
        if found is not None and found[0] == "actor":
            (topics if role == "topic" else sources).append((b, found[1], found[2]))
    pick = sources[-1] if sources else topics[0] if topics else None
    return pick, partners


def _topic_role(view: SentenceView, b: int, match: TriggerMatch, particles: str) -> str | None:
    """The part bunsetu ``b`` may play as the sentence's actor: "topic", "source" or None."""
    # 日本としても、…努力をしていく考え: the speaker's side, inside the frame
    speaker_side = match.kind == "first_person" and particles in ("とては", "とても", "とて")
    if particles not in (*TOPIC_PARTICLES, *SOURCE_PARTICLES) and not speaker_side:
        return None
    if embedded(view, b, match) and not speaker_side:
        return None
    is_topic = particles in TOPIC_PARTICLES or speaker_side
    if is_topic and inside_report(view, b):
        return None
    if in_contrastive(view, b, match):
        return None
    return "topic" if is_topic else "source"


def party_members(
    view: SentenceView, b: int, ctx: DocContext, context: Sequence[str]
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """("actor" | "partner", members, entity ids) when bunsetu ``b`` is an actor phrase."""
    particles = view.particles(b)
    kind = _phrase_kind(view, b, particles)
    if kind is None:
        return None
    content = _party_content(view, b, ctx)
    if content is None:
        return None
    if particles in ("で", "では", "でも") and not content.endswith("間") and not pure_countries(content, ctx.lex):
        return None
    start, end = phrase_extent(view, b)
    phrase = view.text[start:end]
    codes, ids, named = ctx.resolver.resolve(phrase, start, context)
    if not named or not codes:
        return None
    if kind == "between":
        kind = "actor" if len(codes) >= 2 else "partner"
    return kind, codes, ids


def _phrase_kind(view: SentenceView, b: int, particles: str) -> str | None:
    """What the particles make of a phrase: "between" (AとBとの間で), "partner" (…とは), "actor" (…は)."""
    split_between = (
        particles in ("で", "では", "でも")
        and b > 0
        and view.bunsetu_text(b).startswith("間")
        and view.bunsetu_text(b - 1).endswith("との")
    )
    words = load_words()
    if particles in words.between_particles or split_between:
        return "between"  # AとBとの間で: both; Xとの間で: X and the author's side
    if particles in PARTNER_PARTICLES and particles not in ("とも",):
        return "partner"
    if particles in words.actor_particles:
        return "actor"
    return None


def _party_content(view: SentenceView, b: int, ctx: DocContext) -> str | None:
    """The bunsetu's words without particles and (当時)-style notes, when they name a party."""
    first = view.bunsetu[b].first
    last = view.bunsetu[b].last
    raw = view.span_text(first, last)
    content = re.sub(r"[(（][^)）]*[)）]", "", raw)
    content = trailing_particles().sub("", content)
    if not content:
        return None
    if party_head().search(content) or pure_countries(content, ctx.lex):
        return content
    start = view.tokens[first].start
    end = start + len(raw)
    # a person entity (パネッタ, オバマ) possibly followed by a title or 氏
    for ent in ctx.entities:
        if ent.label is EntityLabel.PERSON and start <= ent.start and ent.end <= end:
            rest = trailing_particles().sub("", view.text[ent.end : end])
            if rest in ("", "氏", "さん") or ctx.resolver.title_re.fullmatch(ent.surface + rest):
                return content
    return None


@cache
def _non_party_agent() -> re.Pattern[str]:
    """Agents that are no state party (国際社会, 安保理, 組合, 県): their clause is no party's act."""
    return re.compile(rf"(?:{alternation(load_words().non_party_agents)})$")


def non_party_subject(view: SentenceView, frame: Sequence[int], match: TriggerMatch) -> bool:
    """A subject phrase that is an agent but no state party (国際社会は, 国連安保理は, …組合が)."""
    for b in frame:
        if b >= match.pred or b == match.content or b < match.pred - WINDOW:
            continue
        if view.particles(b) not in ("は", "が", "も", "からは", "から"):
            continue
        if embedded(view, b, match):
            continue  # 国際社会が直面する課題に…: a relative clause's own subject
        text = re.sub(r"[(（][^)）]*[)）]", "", view.bunsetu_text(b)).rstrip("、，")
        text = re.sub(r"(?:からは|から|は|が|も)$", "", text)
        if _non_party_agent().search(text):
            return True
    return False


def joint_setting(frame: Frame) -> bool:
    """A joint setting for 確認/定める: two parties named, or a meeting/statement at hand."""
    members, match = frame.phrase.members, frame.match
    bodies = set(load_lexicon().international.values())
    if len(members) >= 2 or any(v.occasion.kind != "visit" for v in frame.venues):
        return True
    if any(m in bodies for m in members):
        # Ｇ７首脳は、…を確認: a group or organization is many parties acting together
        return True
    if frame.phrase.explicit:
        return False
    if match.lemma in JOINT_VENUE_VERBS:
        return False  # a law or plan 'provides': only a joint document's 定めた is an agreement
    return _confirmed_at_reported_occasion(frame.view, match, frame.reported)


def _confirmed_at_reported_occasion(view: SentenceView, match: TriggerMatch, current: Occasion | None) -> bool:
    """A 確認 with nobody named: joint when an occasion is being reported (a meeting, for 確認できた)."""
    # 確認できた/確認された about a fact needs a meeting being reported right here; the
    # potential may sit in the next bunsetu (確認することもできました)
    tail_end = view.bunsetu[match.pred].last
    head = view.bunsetu[match.pred].head
    if head >= 0 and view.tokens[view.content_tokens(head)[0]].lemma in ("こと", "事"):
        after = view.bunsetu[head].head
        tail_end = view.bunsetu[after].last if after >= 0 else view.bunsetu[head].last
    tail = view.span_text(match.last, tail_end)
    if re.search(r"でき", tail):
        # 確認できた in a meeting report is a joint confirmation (…一致していることを確認できた
        # ことは意義がある); checked by oneself (自ら確認することもできました) it is a fact verified
        unilateral = re.search(r"自ら|自分|この目|現地で", view.surface)
        return current is not None and current.kind == "meeting" and not unilateral
    if re.search(r"され", tail):
        return current is not None and not current.heading
    return current is not None


def requester(view: SentenceView, match: TriggerMatch, occ: Occasion | None, lex: Lexicon) -> tuple[str, ...]:
    """Who made a recalled request: the body adopting the document, or the sender of one received.

    A document's request is its authors' (the meeting that adopted it, or a body in its name:
    国連総会の緊急特別会合 → UN); a received request (…要請を受け) is the party marked by から
    (米国からの要請), else the foreign party the sentence names before it (韓国隊の…譲渡要請 → KR).
    """
    document = request_document(view, match)
    if document >= 0:
        if occ is not None and any(c != SELF_CODE for c in occ.parties):
            return occ.parties
        return tuple(c for c in country_codes(view.bunsetu_text(document), lex) if c != SELF_CODE)
    if not match.received:
        return ()
    return _sender(view.text[view.start : view.tokens[match.first].start], lex)


def _sender(before: str, lex: Lexicon) -> tuple[str, ...]:
    """The sender of a received request, from what the sentence writes before it."""
    # 日本の要請に基づき, 米国からの要請を受け: the party written right before the request
    owner = re.search(r"([^、，。のを]{1,12})(?:から)?の(?:[^、，。]{0,12}の)?$", before)
    if owner is not None:
        codes = country_codes(owner.group(1), lex)
        if not codes and re.search(r"(?:我が国|わが国|政府)$", owner.group(1)):
            codes = (SELF_CODE,)
        if codes:
            return codes
    source = re.search(r"([^、，。]{1,20})から(?:の|は|も)?[^、，。]{0,40}$", before)
    if source is not None:
        codes = tuple(c for c in country_codes(source.group(1), lex) if c != SELF_CODE)
        if codes:
            return codes
    return tuple(c for c in country_codes(mask_places(before), lex) if c != SELF_CODE)


def pair_partner(surface: str, lex: Lexicon) -> tuple[str, ...]:
    """The partners in the last pair naming Japan in ``surface`` (日米同盟 → US; 日中韓 → CN, KR)."""
    found: tuple[str, ...] = ()
    for m in lex.abbreviation_re.finditer(surface):
        if not m.group().startswith("日") or (m.start() > 0 and surface[m.start() - 1] == "在"):
            continue
        codes = unique(lex.abbreviations[ch] for ch in m.group() if ch in lex.abbreviations)
        partners = tuple(c for c in codes if c != SELF_CODE)
        if partners:
            found = partners
    return found


def act_actor(frame: Frame, occ: Occasion | None, ctx: DocContext) -> Actor:
    """The actor of one record: the phrase written, else inferred (see the module docstring)."""
    match, phrase = frame.match, frame.phrase
    members = phrase.members
    statement = _statement_venue(frame)
    if statement is not None:
        members = statement.occasion.parties  # a request written in a joint statement
    party_source = occ
    if occ is None and frame.background and frame.reported is not None:
        party_source = frame.reported  # 実質合意を達成した日米地位協定の…: the parties being reported
    actor = _written_or_inferred(members, phrase, party_source, match, ctx)
    if frame.one_sided and not phrase.explicit and members:
        actor = Actor(members=members, inferred=True, entities=())
    if frame.background and match.type is CommitmentType.REQUEST:
        actor = Actor(members=requester(frame.view, match, occ, ctx.lex), inferred=True, entities=())
    return _with_other_side(actor, match, ctx)


def _statement_venue(frame: Frame) -> VenueMention | None:
    """The joint statement a one-sided act with no actor phrase is written in, or None."""
    venues = frame.venues
    if (
        frame.one_sided
        and not frame.phrase.explicit
        and venues
        and venues[-1].occasion.kind == "statement"
        and frame.match.kind != "first_person"
    ):
        return venues[-1]
    return None


def _written_or_inferred(
    members: tuple[str, ...], phrase: ActorPhrase, occ: Occasion | None, match: TriggerMatch, ctx: DocContext
) -> Actor:
    if phrase.explicit:
        return Actor(members=members, inferred=False, entities=phrase.entities)
    one_sided = match.type in ONE_SIDED or match.kind == "first_person"
    if one_sided or occ is None or not occ.parties:
        # a joint act with no occasion: the parties this paragraph last named together
        if not one_sided and len(ctx.paragraph_parties) >= 2:
            return Actor(members=ctx.paragraph_parties, inferred=True, entities=())
        # a request, pledge or intent with no actor written is the author's (Japan's)
        if one_sided or ctx.speaker is not None:
            return Actor(members=(SELF_CODE,), inferred=True, entities=())
        return Actor(members=(), inferred=True, entities=())
    return Actor(members=occ.parties, inferred=True, entities=())


def _with_other_side(actor: Actor, match: TriggerMatch, ctx: DocContext) -> Actor:
    """A joint act found with one side only gets the other: the partner in context, or the speaker's."""
    if (
        match.type in JOINT_TYPES
        and match.kind == "predicate"
        and set(actor.members) <= {SELF_CODE}
        and (actor.inferred or match.type is CommitmentType.AGREEMENT)
        and ctx.partner
    ):
        # an agreement has two parties at least, and so has a joint 確認 whose clause names
        # nobody: the partner in context (日米同盟…で一致し); an act of one named party
        # (大統領から…コミットメントを改めて表明) stays that party's
        return replace(actor, members=unique([*(actor.members or (SELF_CODE,)), *ctx.partner]))
    if (
        match.type is CommitmentType.AGREEMENT
        and len(actor.members) == 1
        and actor.members[0] != SELF_CODE
        and actor.members[0] not in ctx.lex.international.values()
        and ctx.speaker is not None
    ):
        # マティス長官から、…認識が示され、…協力していくことで一致: the source of a statement
        # is one side of the agreement; the speaker's is the other (an organization or group,
        # APEC, agrees on its own)
        return replace(actor, members=(SELF_CODE, actor.members[0]))
    return actor
