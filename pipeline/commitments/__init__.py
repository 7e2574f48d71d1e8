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

Decisions written down here (cases ANNOTATION.md leaves open; the gold adjudication rules of
tests/fixtures/gold/README.md are followed where they speak):

- 確認 is a confirmation only in a joint setting (two parties named, or a meeting or statement
  in the frame or being reported); 確認したところ, Xに確認した, 確認中 are fact checks, never
  commitments; 確認できた / 確認することができた needs two parties named or a venue in its own
  clause (a fact verified on a visit is not a commitment).
- A reported statement (〜旨述べた/発言があった/お伝えした, 〜ことを説明した) is a commitment only
  when the reported clause is volitional (〜ていく/〜てまいる/a plain action verb → pledge,
  〜たい/意向 → intent) or restates a standing commitment (…方針は不変である旨, …条約第五条の適用
  対象である旨 → reaffirmation); a reported evaluation (重要である旨述べた) is none.
- First-person 〜していきます/〜してまいります/〜していく考えです and a plain polite policy
  statement (〜を強化します) (pledge) and 〜したいと考えております (intent) count when the author
  speaks for a party: a government speaker in Diet minutes, any sentence of a non-minutes
  government document; a Diet member's own requests and plans are not commitments of a party, nor
  are procedural requests (答弁を求めます, 出席を求めた). Such a pledge binds the speaker's side only
  (日中でともに努力していきます → JP), is dated by the speech and has no venue; so has the speaker's
  own sentence-final request (…の着実な実施を求めます).
- An agreement, and a joint 確認 whose clause names nobody, has two parties at least: when only
  Japan's side is found, the partner of the bilateral pair the text last named (日米同盟 → US) is
  added. A 確認 coordinated with an agreement (…で一致し、…を改めて確認) is joint.
- A reported act is not dated by a date after the document date (本年夏、…開催を実現する決意を
  述べた in April: 本年夏 dates what was said). An agreement that did not happen has no date or venue.
- 一致した + noun without a content (国際社会の一致した対応) is an adjective; 合意の…実施 is a noun
  (a light verb must be a predicate); a request given as an example (…を求めるなど、) of what a
  later joint act is about is part of that act's content.
- Agreements that did not happen (合意には至っていない) are kept with ``polarity: "negative"`` and
  no content; other negated acts are not extracted.
- A trigger that is itself the content of another (…ことを求めることで一致した) is part of what was
  agreed, not a separate act.
- Subjects that are agents but no state party (国際社会は, 国連安保理は, …組合が) make the clause no
  party's commitment unless a party is also named.
- Listed items of a statement are typed ``agreement`` (a joint statement's contents are agreed
  by its parties); items headed by 歓迎/強調/謝意 are not commitments.
- Dates are never guessed: a meeting whose date is not written (日米首脳会談では…) gives none unless
  the trip report places it (context.py: the trip it was held on, the bare meeting it names), and a
  clause does not inherit the reported meeting's date when its own sentence reports other dated
  meetings (こうして日米両国は…こととし、10年11月13日の首脳会談で…こととした).
- A partner named in the clause who is no party of the meeting being reported (李中国外交部長とは…
  一致 while an APEC meeting is reported) met the speaker separately: no venue, the trip's date.
  An organization or group has its short name as member (APEC, UN, G7: countries.json), and its
  act is joint by itself (Ｇ７首脳は…確認). An agreement voiced by one foreign party (マティス長官
  から…一致) is with the speaker's side.
- A Diet record may hand the floor to another speaker (〔国務大臣岸信夫君登壇〕, speaker.py): the
  discourse starts afresh and the new speaker decides whether first-person acts count. A sentence
  restating a question (…についてお尋ねがありました) holds no act up to the question's end.
- A sentence ending in the dictionary form of an action verb under a speaker-side topic
  (防衛省・自衛隊としては、…に協力する。) is a pledge like the plain polite form (gold rules).
- Mid-sentence first-person frames count like sentence-final ones (gold rules): 〜していく考え
  であり、 (a pledge; 〜よう強く求めていく考え a request), 我が国については…堅持していくことから (a
  reason given by the speaker's side); a frame whose verb is no act (…の重要性を強調する考えです)
  only carries its coordinated predicates. …とともに、 and …つつ、 clauses are coordinated with the
  frame wherever GiNZA hangs them (not from inside a relative clause; below a request, only
  …つつ、 and clauses before the addressee are the speaker's: 北朝鮮に対し、…履行するとともに、
  …取るよう求めます asks both).
- Not acts: a fact the speaker evaluates (…確認されたものと受け止めております), a claim reported
  (…要請を受けたとの指摘は当たりません), a wish that is a speech act or asks the audience
  (申し上げたい, 御覧いただきたい, 御理解を賜りたい, 説明させていただきたい), answering the
  question itself (お答えをしてまいります).
- Acts recalled in noun phrases are ``background`` (gold rules): a joint act in a relative clause
  whose venue phrase GiNZA hangs elsewhere (…２プラス２において打ち出した方向性: that meeting's
  parties, date and venue); a request received (…の譲渡要請を受け, 米国からの要請に応じ: the
  sender, from …からの/…の or the foreign party the sentence names before it, else none); a
  request that is an adopted document's content (…撤退を求めることなどを内容とする総会決議: the
  body adopting it, dated and venued by the meeting). A government's 策定 of a strategy or plan is
  a decision when it took place in a main clause (…戦略を策定するとともに、…を決定しました); a date
  opening coordinated clauses dates them all.

Offsets are code points into ``text``; every span satisfies ``text[start:end] == surface``.
Nothing is raised for odd input: a sentence without a usable parse yields nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pipeline.commitments.lexicon import Lexicon, load_lexicon, load_words
from pipeline.commitments.occasions import Discourse, Occasion, VenueMention
from pipeline.commitments.parties import SELF_CODE, PartyResolver, country_codes, mask_places, unique
from pipeline.commitments.speaker import Speaker, find_speaker, stage_turns
from pipeline.commitments.syntax import SentenceView, sentence_views
from pipeline.commitments.triggers import REQUEST_VERBS, TriggerMatch, find_triggers
from pipeline.commitments.venues import find_venues, is_heading
from pipeline.parse import ParsedDoc
from pipeline.schema import (
    Actor,
    Commitment,
    CommitmentDate,
    CommitmentType,
    DateMention,
    Entity,
    EntityLabel,
    Mention,
    Sentence,
    Span,
    Trigger,
    Venue,
)

__all__ = ["find_commitments"]

# particles of an actor phrase (exact trailing particle strings of a bunsetu)
ACTOR_PARTICLES = frozenset(
    {
        "は",
        "が",
        "から",
        "からは",
        "からも",
        "より",
        "よりは",
        "よりも",
        "も",
        "としては",
        "として",
        "としても",
        # the same as ``SentenceView.particles`` writes them (し of として is an auxiliary)
        "とては",
        "とて",
        "とても",
        "とも",
        "では",
        "で",
    }
    | {"でも"}
)
PARTNER_PARTICLES = frozenset({"とは", "と", "とも"})
BETWEEN_PARTICLES = frozenset(
    {"との間で", "との間では", "との間でも", "との間での", "の間で", "の間での", "間で", "間での"}
)
# nouns a predicate may modify without being a relative clause about a thing (…こととしたほか、)
CONJUNCTIVE_NOUNS = frozenset(
    {
        "わけ",
        "訳",
        "ほか",
        "他",
        "一方",
        "上",
        "うえ",
        "結果",
        "後",
        "あと",
        "際",
        "中",
        "うち",
        "反面",
        "ところ",
        "とおり",
        "通り",
        "まま",
        "もの",
        "こと",
        "事",
        "の",
        "旨",
        "ため",
        "為",
        "など",
        "等",
        "次第",
    }
)
# the head of an actor phrase: who can commit (a side, a government, an office, a person)
PARTY_HEAD = re.compile(
    r"(?:側|国|政府|首脳|大臣|長官|総理|首相|大統領|閣僚|外相|国防相|防衛相|代表|両者|双方|私|私ども|我々|われわれ|当方|先方|"
    r"主席|国王|女王|知事|大使|司令官|議長|間|省|庁|当局|陣営|両国|日米|日米韓|米韓|日韓|日中|日豪)$"
)
# verbs that are a joint act only with the joint meeting or document in their own clause
JOINT_VENUE_VERBS = frozenset({"定める", "打ち出す"})
ONE_SIDED = frozenset({CommitmentType.REQUEST, CommitmentType.PLEDGE, CommitmentType.INTENT})
# acts with two parties at least
JOINT_TYPES = frozenset({CommitmentType.AGREEMENT, CommitmentType.CONFIRMATION, CommitmentType.REAFFIRMATION})
# 日米, 日中, 日豪: a pair naming Japan and its partner in a bilateral relation (日米同盟, 日米経済対話)
PAIR_WITH_JAPAN = re.compile(r"日[・･]?(?=[^本])")
LIST_MARKERS = ("○", "・", "●", "◯", "◆", "■", "-", "－", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨")
LIST_INTRO = re.compile(r"(?:以下|次)の(?:ような|とおり|通り|内容|点|項目)|以下を|次を")
NOT_LISTED = ("歓迎", "強調", "謝意", "感謝", "懸念", "留意", "評価", "重要性")
# agents that are not state parties: international bodies, assemblies, unions, the 'international community'
NON_PARTY_AGENT = re.compile(
    r"(?:国際社会|安保理|理事会|総会|議会|県議会|組合|党|委員会|団体|機関|事務総長|皆さん|県|市|町|村|知事|議員|"
    r"野党|与党|マスコミ|報道|世論|住民|国民)$"
)
TRAILING_PARTICLES = re.compile(r"(?:[、，\s]|から|より|は|が|も|と|で|との|とは|として|にも|に)*$")
# How many bunsetu before a trigger the actor and clause searches look at: real clauses are far
# shorter; run-on text (thousands of bunsetu without a full stop) stays linear
WINDOW = 80
NEW_QUESTION = re.compile(
    r"(?:について|に関して|に関する|の)(?:お尋ね|御質問|ご質問|質問|御指摘|ご指摘)(?:が|を)(?:ありました|いただきました)"
)
CONTRASTIVE = re.compile(r"(?:のに対し|に対して|に対し|けれども|ものの|一方)[、，]?$|[^でにと]が[、，]$")
EXAMPLE_END = re.compile(r"(?:など|等)[、，]?$")
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
    # the parties last named together in this paragraph (米国との間では…一致。第二に…こととした)
    paragraph_parties: tuple[str, ...] = ()
    paragraph_start: int = -1
    # the partner of the bilateral relation the text last named (日米同盟 → US): the other party of
    # a joint act whose clause names only Japan's side, and the country of a foreign name with a
    # bare title (トランプ大統領)
    partner: tuple[str, ...] = ()


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
    later_turns = stage_turns(text)
    out: list[Commitment] = []
    list_occasion: Occasion | None = None
    for view in sentence_views(text, parsed, sentences):
        if later_turns and later_turns[0].start < view.end:
            # 〔国務大臣岸信夫君登壇〕: another speaker takes the floor; what they report starts afresh
            ctx.speaker = later_turns.pop(0)
            ctx.state = Discourse()
            ctx.partner, ctx.paragraph_parties = (), ()
            list_occasion = None
            continue
        venues = find_venues(view, lex, ctx.dates, entities, ctx.resolver, ctx.state)
        heading = is_heading(view)
        if heading and not venues and not view.surface.startswith(LIST_MARKERS):
            ctx.state.reset_section()
            list_occasion = None
            continue
        question = NEW_QUESTION.search(view.surface)
        if question:
            # 次に、…についてお尋ねがありました: an answer moves to a new topic
            ctx.state.reset_section()
        if view.surface.startswith(LIST_MARKERS) and list_occasion is not None:
            out.extend(_listed_items(view, ctx, list_occasion))
            continue
        list_occasion = None
        ctx.partner = _pair_partner(view.surface, lex) or ctx.partner
        first_person = _speaks_for_party(ctx)
        triggers = _outermost(view, find_triggers(view, lex, first_person=first_person))
        if question:
            # …を国際社会が一体となり求めることの重要性についてお尋ねがありました: the question
            # restated, no act of a party; an answer may follow in the same sentence (…ましたが、…)
            asked_until = view.start + question.end()
            triggers = [t for t in triggers if view.tokens[t.first].start >= asked_until]
        found_here: list[Commitment] = []
        paragraph = ctx.text.rfind("\n", 0, view.start)
        if paragraph != ctx.paragraph_start or any(v.reported for v in venues):
            ctx.paragraph_parties, ctx.paragraph_start = (), paragraph
        # a venue inside what is agreed (…六者会合における共同声明の実施が重要であることを確認) is
        # part of the content: it is not the occasion being reported
        venues = [replace(v, reported=False) if _in_content(view, v, triggers) else v for v in venues]
        for match in triggers:
            found_here.extend(_commitments(view, match, venues, ctx, triggers))
        out.extend(found_here)
        for c in found_here:
            if not c.actor.inferred and len(c.actor.members) >= 2 and c.type not in ONE_SIDED:
                ctx.paragraph_parties = c.actor.members
        if LIST_INTRO.search(view.surface):
            frame_venues = [v.occasion for v in venues if v.occasion.kind == "statement"]
            list_occasion = frame_venues[-1] if frame_venues else ctx.state.current
        for v in venues:
            # …サミットにおける…議論についてお尋ねがありました: the meeting asked about is what the
            # answer reports
            ctx.state.push(v.occasion, current=v.reported)
    return tuple(_with_id(c, k) for k, c in enumerate(sorted(out, key=lambda c: (c.trigger.start, c.start))))


def _outermost(view: SentenceView, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop a trigger that is the predicate of another's …こと content.

    (…義務に従うことを求めることで一致した: the request is what was agreed, not a separate act.)
    """
    heads = {
        t.content
        for t in triggers
        if t.content >= 0 and view.tokens[view.content_tokens(t.content)[0]].lemma in ("こと", "事")
    }
    kept = [t for t in triggers if not (t.kind == "predicate" and view.bunsetu[t.pred].head in heads)]
    # …の停止を求めるなど、…国際協力の重要性を確認しました: a request given as an example (〜など)
    # of what a later joint act is about is part of its content, not a request of its own (a
    # joint act listed with など, …を確認するなど、…を補完し, stays an act)
    return [
        t
        for t in kept
        if not (
            t.kind == "predicate"
            and t.type is CommitmentType.REQUEST
            and EXAMPLE_END.search(view.bunsetu_text(t.pred))
            and any(o.first > t.last and o.type in JOINT_TYPES for o in kept)
        )
    ]


def _pair_partner(surface: str, lex: Lexicon) -> tuple[str, ...]:
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


def _in_content(view: SentenceView, v: VenueMention, triggers: Sequence[TriggerMatch]) -> bool:
    if v.bunsetu < 0 or v.occasion.kind == "visit":
        return False  # 今回の訪問を通じて、…で一致: the trip frames the whole report
    head = view.bunsetu[v.bunsetu].head
    if head >= 0 and {view.tokens[i].lemma for i in view.token_range(head)} & load_words().holding_lemmas:
        return False  # …三者会談を開催し、…で一致: a meeting held is reported, whatever GiNZA attached
    for t in triggers:
        if t.content < 0 or t.content == v.bunsetu:
            continue
        if v.bunsetu in view.descendant_set(t.content) and not _leading_venue(view, t, v):
            return True
    return False


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
    return replace(c, id=f"c{k}")


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


def _spine(view: SentenceView, match: TriggerMatch) -> frozenset[int]:
    """The trigger's predicate and the predicates coordinated with it (〜を開催し、…を確認した)."""
    nodes = {match.pred, view.token_bunsetu[match.first], *_spine_ancestors(view, match.pred)}
    todo = [match.pred]
    while todo:
        cur = todo.pop()
        for child in view.children.get(cur, ()):
            bun = view.bunsetu[child]
            coordinated = bun.dep in ("advcl", "conj") and view.is_predicate(child)
            # …決意を述べたのに対し、…支持が表明された: the other side's clause has its own time
            coordinated = coordinated and not CONTRASTIVE.search(view.bunsetu_text(child))
            if child != match.content and coordinated and child not in nodes:
                nodes.add(child)
                todo.append(child)
    return frozenset(nodes)


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
        view.tokens[last].pos in ("ADP", "PUNCT", "SCONJ", "PART") or view.tokens[last].lemma in ("こと", "事", "旨")
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
    """The frame's actor bunsetu (or -1) with its members and entity ids.

    An actor phrase is a party phrase (``_is_party``) ending in は/が/から(は)/も/として(は)
    (両首脳は, 一川防衛大臣(当時)から); with とは/との間で it names a partner of the author's side
    (デンマーク側とは…一致); with で only a pair or a between-phrase (日米で, 日米の閣僚間で). The
    nearest one before the trigger wins; without one, the sentence's leading topic (日米両国は …
    こととし) is taken unless it sits inside a reported clause (…旨, …ことを伝えた).
    """
    best = -1
    members: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    partners: list[str] = []
    for b in frame:
        if b > match.pred or (b == match.pred and view.token_bunsetu[match.first] == b):
            continue
        if _in_contrastive(view, b, match):
            continue
        if b < match.pred and _in_relative(view, b, match):
            continue  # ロシア、中国及び米国も出席する場で: the subject of a relative clause
        found = _party_members(view, b, ctx, context)
        if found is None:
            continue
        kind, codes, found_ids = found
        if kind == "partner":
            if view.bunsetu[b].dep != "nmod" or view.particles(b) in BETWEEN_PARTICLES:
                partners.extend(codes)
            continue
        best, members, ids = b, codes, found_ids
    if best < 0 and not _non_party_subject(view, frame, match, ctx):
        # GiNZA often hangs the sentence's topic inside the content (日米両国は…強化することとし)
        # or the speaker inside the reported clause (先方から…支持したい旨): the first topic
        # (は/が) or the last source (から) before the trigger, outside relative clauses and
        # outside a reported or described content
        topics: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
        sources: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
        trigger_b = view.token_bunsetu[match.first]
        for b in range(max(0, trigger_b - WINDOW), trigger_b):
            particles = view.particles(b)
            if (
                not partners
                and particles in ("とは", "では", "との間で", "との間では")
                and not _embedded(view, b, match)
            ):
                found = _party_members(view, b, ctx, context)
                if found is not None and found[0] == "partner":
                    partners.extend(found[1])  # 米国との間では、…ことで意見の一致を見ました
                continue
            speaker_side = match.kind == "first_person" and particles in ("とては", "とても", "とて")
            if particles not in ("は", "が", "から", "からは", "より", "よりは") and not speaker_side:
                continue
            if _embedded(view, b, match) and not speaker_side:
                continue  # (日本としても、…努力をしていく考え: the speaker's side, inside the frame)
            is_topic = particles in ("は", "が") or speaker_side
            if is_topic and _inside_report(view, b):
                continue
            if _in_contrastive(view, b, match):
                continue
            found = _party_members(view, b, ctx, context)
            if found is not None and found[0] == "actor":
                (topics if is_topic else sources).append((b, found[1], found[2]))
        pick = sources[-1] if sources else topics[0] if topics else None
        if pick is not None:
            best, members, ids = pick
    if partners:
        base = list(members) if members else [SELF_CODE]
        members = unique([*base, *partners])
    return best, members, ids


def _embedded(view: SentenceView, b: int, match: TriggerMatch) -> bool:
    """Whether ``b`` sits in a relative clause, or in a content that is not a …こと/…旨 clause.

    (中国が及ぼす影響について: a relative clause; …ソマリアが復興しない限り…との認識で一致: the
    content's own subject.)
    """
    content_nodes = view.descendant_set(match.content) | {match.content} if match.content >= 0 else frozenset()
    marker = "旨" if match.kind in ("report", "decision") else ""
    if match.content >= 0 and not marker:
        marker = view.tokens[view.content_tokens(match.content)[0]].lemma
    for anc in view.ancestors(b):
        if anc == match.pred:
            break
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in ("こと", "事", "旨", "の", "ほか", "他"):
                return True
    return b in content_nodes and marker not in ("こと", "事", "旨")


def _in_relative(view: SentenceView, b: int, match: TriggerMatch) -> bool:
    """Whether ``b`` sits in a clause modifying a noun below the trigger (…も出席する場で)."""
    for anc in view.ancestors(b):
        if anc == match.pred:
            return False
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0 and bun.head != match.pred:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in CONJUNCTIVE_NOUNS:
                return True
    return False


def _in_contrastive(view: SentenceView, b: int, match: TriggerMatch) -> bool:
    """Whether the topic ``b`` sits in a contrasted clause (韓国は…繰り返しておられましたけれども、…).

    A source (Xからは) is the speaker of the whole report even when GiNZA hangs it in such a clause.
    """
    if not view.particles(b).endswith(("は", "が", "も")) or view.particles(b).endswith(("からは", "よりは")):
        return False
    return any(CONTRASTIVE.search(view.bunsetu_text(a)) for a in view.ancestors(b) if a < match.pred)


def _inside_report(view: SentenceView, b: int) -> bool:
    """Whether bunsetu ``b`` lies in a reported clause (…旨述べた, …ことを伝えた)."""
    for anc in view.ancestors(b):
        lemmas = {view.tokens[i].lemma for i in view.token_range(anc)}
        if lemmas & {"旨"}:
            return True
    return False


def _party_members(
    view: SentenceView, b: int, ctx: _DocContext, context: Sequence[str]
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """("actor" | "partner", members, entity ids) when bunsetu ``b`` is an actor phrase."""
    particles = view.particles(b)
    split_between = (
        particles in ("で", "では", "でも")
        and b > 0
        and view.bunsetu_text(b).startswith("間")
        and view.bunsetu_text(b - 1).endswith("との")
    )
    if particles in BETWEEN_PARTICLES or split_between:
        kind = "between"  # AとBとの間で: both; Xとの間で: X and the author's side
    elif particles in PARTNER_PARTICLES and particles not in ("とも",):
        kind = "partner"
    elif particles in ACTOR_PARTICLES:
        kind = "actor"
    else:
        return None
    content = _party_content(view, b, ctx)
    if content is None:
        return None
    if particles in ("で", "では", "でも") and not content.endswith("間") and not _pure_countries(content, ctx):
        return None
    start, end = _phrase_extent(view, b)
    phrase = view.text[start:end]
    codes, ids, named = ctx.resolver.resolve(phrase, start, context)
    if not named or not codes:
        return None
    if kind == "between":
        kind = "actor" if len(codes) >= 2 else "partner"
    return kind, codes, ids


def _party_content(view: SentenceView, b: int, ctx: _DocContext) -> str | None:
    """The bunsetu's words without particles and (当時)-style notes, when they name a party."""
    first = view.bunsetu[b].first
    last = view.bunsetu[b].last
    raw = view.span_text(first, last)
    content = re.sub(r"[(（][^)）]*[)）]", "", raw)
    content = TRAILING_PARTICLES.sub("", content)
    if not content:
        return None
    if PARTY_HEAD.search(content) or _pure_countries(content, ctx):
        return content
    start = view.tokens[first].start
    end = start + len(raw)
    # a person entity (パネッタ, オバマ) possibly followed by a title or 氏
    for ent in ctx.entities:
        if ent.label is EntityLabel.PERSON and start <= ent.start and ent.end <= end:
            rest = TRAILING_PARTICLES.sub("", view.text[ent.end : end])
            if rest in ("", "氏", "さん") or ctx.resolver.title_re.fullmatch(ent.surface + rest):
                return content
    return None


def _pure_countries(content: str, ctx: _DocContext | None) -> bool:
    lex = ctx.lex if ctx is not None else load_lexicon()
    stripped = lex.country_re.sub("", content)
    stripped = lex.abbreviation_re.sub("", stripped)
    return not stripped.strip("・、両")


def _phrase_extent(view: SentenceView, b: int) -> tuple[int, int]:
    """A phrase with its coordinated left parts: 一川防衛大臣(当時)と | パネッタ長官は.

    The parts are taken by adjacency (…と, …や, …及び right before the phrase), whatever GiNZA
    attached them to: it often hangs 'AとBは' on the verb as a comitative.
    """
    first = b
    # マールズ | 豪国防大臣からは, 日米の | 閣僚間で: the name or the pair modifying the phrase
    while first > 0 and view.bunsetu[first - 1].head == first:
        prev_text = view.bunsetu_text(first - 1)
        name_part = view.particles(first - 1) == "" and not prev_text.endswith(("、", "，"))
        pair = prev_text.endswith("の") and _pure_countries(prev_text[:-1], None)
        between = prev_text.endswith("との") and view.bunsetu_text(first).startswith("間")  # 米国との | 間では
        if name_part or pair or between:
            first -= 1
        else:
            break
    while first > 0:
        prev = first - 1
        text = view.bunsetu_text(prev)
        if not re.search(r"(?:と|や|及び|および|並びに)[、，]?$", text) or text.endswith(("こと", "など")):
            break
        if not PARTY_HEAD.search(TRAILING_PARTICLES.sub("", re.sub(r"[(（][^)）]*[)）]", "", text))):
            break
        first = prev
    return view.tokens[view.bunsetu[first].first].start, view.tokens[view.bunsetu[b].last].end


def _frame_dates(
    view: SentenceView,
    frame: Sequence[int],
    ctx: _DocContext,
    venue_bunsetu: Sequence[int],
    skip: Sequence[tuple[int, int]],
    spine: frozenset[int] = frozenset(),
) -> list[DateMention]:
    """Dates of the trigger's own clause: time adjuncts of its predicates and dates of its venues.

    A date modifying some other noun of the frame (06(同18)年の…ロードマップを補完し) belongs to
    that noun's clause, not to the act; dates inside ``skip`` (the clauses of other triggers,
    …昨年十月に実質合意を達成した…) are theirs.
    """
    nodes = set(frame)
    venues = set(venue_bunsetu)
    out = []
    for d in ctx.dates:
        if not (view.start <= d.start < view.end) or any(a <= d.start < b for a, b in skip):
            continue
        b = view.bunsetu_at(d.start)
        if b is None or (b not in nodes and not _shared_opening(view, b, spine)):
            continue
        after = view.text[d.end : d.end + 6]
        if NOT_OCCASION_DATE.match(after) or d.mod is not None:
            continue
        head = view.bunsetu[b].head
        # a time adjunct: the bunsetu is the date itself (+ に/、/には) on a predicate
        rest = view.bunsetu_text(b).replace(d.surface, "", 1)
        bare = re.fullmatch(r"[、，]?(?:に|には|にも|は|、|，)*[、，]?", rest) is not None
        # …on the trigger or a predicate coordinated with it, not on a predicate nested in an
        # argument (本年夏、…開催を実現する決意を述べたのに対し: the date of what was said)
        adjunct = bare and (head < 0 or head in spine or (rest.endswith(("、", "，")) and head in spine))
        of_venue = head in venues or b in venues or _coordinated_into(view, b, venues)
        if adjunct or of_venue:
            out.append(d)
    return out


def _shared_opening(view: SentenceView, b: int, spine: frozenset[int]) -> bool:
    """A date opening coordinated clauses dates them all (昨年末、…を策定するとともに、…を決定しました).

    GiNZA hangs it on the first clause; it reaches the others through coordinated predicates only.
    """
    if not spine or not view.bunsetu_text(b).endswith(("、", "，")):
        return False
    for anc in view.ancestors(b):
        if anc in spine:
            return True
        bun = view.bunsetu[anc]
        if bun.dep not in ("advcl", "conj") or not view.is_predicate(anc):
            return False
    return False


def _coordinated_into(view: SentenceView, b: int, targets: set[int]) -> bool:
    """05(同17)年および | 07(同19)年の | 「2+2」共同発表: b reaches a target through dates and および."""
    for anc in view.ancestors(b):
        if anc in targets:
            return True
        text = view.bunsetu_text(anc)
        if not re.search(r"[年月日度]|および|及び|並びに", text):
            return False
    return False


def _content_date(view: SentenceView, match: TriggerMatch, ctx: _DocContext, act: str | None) -> DateMention | None:
    """A date of the content that contains the act (今年度…派遣することをお伝え → FY2014)."""
    if match.content < 0 or act is None:
        return None
    first, last = view.subtree_span(match.content)
    lo = view.tokens[view.bunsetu[first].first].start
    hi = view.tokens[view.bunsetu[last].last].end
    for d in ctx.dates:
        if lo <= d.start < hi and d.mod is None and d.range is None and _contains(d.value, act):
            return d
    return None


SEASON_START = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}


def _after(value: str, doc_date: str | None) -> bool:
    """Whether the period ``value`` begins after the document date (2021-SU after 2021-04-20)."""
    if doc_date is None:
        return False
    m = re.fullmatch(r"(FY)?(\d{4})(?:-(\d{2}|SP|SU|FA|WI))?(?:-(\d{2}))?", value)
    if m is None:
        return False
    fiscal, year, part, day = m.groups()
    month = "04" if fiscal else SEASON_START.get(part or "", part or "01")
    return f"{year}-{month}-{day or '01'}" > doc_date


def _contains(period: str, day: str) -> bool:
    """Whether the date ``day`` (YYYY-MM-DD, or a month YYYY-MM) falls in ``period`` (YYYY, FYYYYY, ...)."""
    if re.fullmatch(r"\d{4}-\d{2}", day):
        return period != day and _contains(period, day + "-01") and _contains(period, day + "-28")
    if period.startswith("FY") and period[2:].isdigit():
        year = int(period[2:])
        return f"{year}-04-01" <= day <= f"{year + 1}-03-31"
    if re.fullmatch(r"\d{4}(?:-\d{2})?", period):
        return day.startswith(period) and len(period) < len(day)
    return False


def _coordinated(text: str, items: Sequence[tuple[int, int]]) -> bool:
    """Whether consecutive spans are joined by や/と/及び/および/、 (AやBなど, A及びB)."""
    for (_, a_end), (b_start, _) in itertools.pairwise(items):
        gap = text[a_end:b_start]
        if not re.search(r"(?:や|と|及び|および|並びに|ならびに|、)", gap) or len(gap) > 30:
            return False
    return True


def _commitments(
    view: SentenceView,
    match: TriggerMatch,
    venues: Sequence[VenueMention],
    ctx: _DocContext,
    triggers: Sequence[TriggerMatch],
) -> list[Commitment]:
    others = [o for o in triggers if o.pred != match.pred]
    frame = _frame(view, match, others)
    frame_set = set(frame)
    frame_venues = [
        v
        for v in venues
        if not v.reference
        and ((v.bunsetu in frame_set and not _venue_in_other_clause(view, v, match)) or _leading_venue(view, match, v))
    ]
    if not frame_venues and _mention(view, match, triggers) is Mention.BACKGROUND:
        # 昨年十月の日米２プラス２において打ち出した方向性: the venue phrase of a relative clause,
        # whatever GiNZA hung it on, is where the recalled act took place
        region = _clause_region(view, match)
        frame_venues = [
            v
            for v in venues
            if not v.reference
            and v.bunsetu >= 0
            and _within(view, v.bunsetu, region)
            and view.particles(v.bunsetu) in ("において", "で", "にて", "の場で")
        ]
    # what is being reported: a meeting reported earlier in this sentence, else the discourse's
    t_start = view.tokens[match.first].start
    earlier = [v.occasion for v in venues if v.reported and v.occasion.end <= t_start]
    # 今回の訪問を通じて、…ことで一致: the trip is the occasion even when GiNZA hangs it in the content
    trip = [v for v in venues if v.occasion.kind == "visit" and v.occasion.anaphoric and v.occasion.end <= t_start]
    if trip and not any(v.bunsetu in frame_set for v in trip):
        frame_venues = [*frame_venues, trip[-1]]
    current = earlier[-1] if earlier else ctx.state.current
    context_parties: tuple[str, ...] = ()
    if frame_venues:
        context_parties = frame_venues[-1].occasion.parties
    elif current is not None:
        context_parties = current.parties
    if not any(c != SELF_CODE for c in context_parties) and ctx.partner:
        # トランプ大統領は…: a foreign name with a bare title belongs to the partner in context
        context_parties = unique([*context_parties, *ctx.partner])
    actor_b, members, ids = _actor_phrase(view, frame, match, ctx, context_parties)
    mention = _mention(view, match, triggers)
    explicit = bool(members)
    if match.kind == "first_person" and tuple(members) != (SELF_CODE,):
        # the speaker's own pledge binds the speaker's side only (日中でともに努力していきます,
        # ロシアとは…進めていきます, 米国ともしっかり連携をしつつ…進めてまいります: JP)
        members, ids, explicit = (SELF_CODE,), (), False

    occasions: list[Occasion | None]
    skip = [region for pred, region in _background_regions(view, triggers) if pred != match.pred]
    spine = _spine(view, match)
    if mention is Mention.BACKGROUND:
        # a relative clause is its own clause: its dates are its own (昨年十月に実質合意を達成した…)
        region = _clause_region(view, match)
        trigger_b = view.token_bunsetu[match.first]
        in_region = {b for b in range(max(0, trigger_b - WINDOW), trigger_b + 1) if _within(view, b, region)}
        frame = sorted(set(frame) | in_region)
        spine = spine | {view.bunsetu[b].head for b in in_region}
    own_dates = _frame_dates(view, frame, ctx, [v.bunsetu for v in frame_venues], skip, spine)
    # a reported act cannot lie after the report: 本年夏、…開催を実現する決意を述べた (said in
    # April) has 本年夏 as the date of what was said
    own_dates = [d for d in own_dates if not _after(d.value, ctx.doc_date)]
    spans = [(v.occasion.start, v.occasion.end) for v in frame_venues]
    distinct = {(v.occasion.surface, v.occasion.date.id if v.occasion.date else None) for v in frame_venues}
    if len(frame_venues) >= 2 and len(distinct) >= 2 and _coordinated(ctx.text, spans):
        occasions = [v.occasion for v in frame_venues]
        own_dates = []
    elif match.kind == "first_person":
        # the act is the speech itself: no meeting is its venue (先般の日中首脳会談を新たなスタ
        # ートとし、…努力していきます)
        occasions = [None]
        own_dates = []
    elif frame_venues:
        occasions = [frame_venues[-1].occasion]
    elif mention is Mention.BACKGROUND and _request_document(view, match) >= 0:
        # …撤退を求めることなどを内容とする総会決議が採択: the meeting that adopted the document
        occasions = [current]
    elif mention is Mention.BACKGROUND and not _evaluated_act(view, match):
        occasions = [None]
    elif any(
        v.reported and v.occasion.date is not None and not v.occasion.anaphoric and view.start <= v.occasion.date.start
        for v in venues
    ):
        # the sentence reports other dated occasions of its own: this clause belongs to none of
        # them, and inheriting the discourse's occasion would cross their predicates
        occasions = [None]
    elif explicit and current is not None and _outside_occasion(members, current):
        # 李中国外交部長とは、…一致 while an APEC meeting is being reported: a meeting of its
        # own with that partner, held on the trip being reported (its date, no venue)
        occasions = [ctx.state.visit]
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

    # 〜ことで一致し、…を改めて確認しました: a 確認 coordinated with an agreement is joint too
    with_agreement = any(
        o.type is CommitmentType.AGREEMENT and o.kind == "predicate" and o.pred in spine for o in others
    )
    if match.needs_joint and not with_agreement and not _joint(members, frame_venues, current, explicit, match, view):
        return []
    if not _acting_party(view, frame, match, members, explicit, ctx, mention):
        return []
    speech_act = match.type in ONE_SIDED and _future(view, match)
    if speech_act:
        # 〜を求めてまいります / 〜を求めます: a request made now, in this text, not at the meeting
        # being reported; its date is the speech's
        occasions = [None]
        date_sets = [None]
    if (
        match.type in ONE_SIDED
        and not explicit
        and frame_venues
        and frame_venues[-1].occasion.kind == "statement"
        and match.kind != "first_person"
    ):
        members = frame_venues[-1].occasion.parties  # a request written in a joint statement
        explicit = False
    records = []
    for occ, own in zip(occasions, date_sets, strict=False):
        date = _date(own, occ, match, ctx)
        if speech_act and date is None and ctx.doc_date is not None:
            date = CommitmentDate(value=ctx.doc_date, date_id=None)
        if own is None:
            act = occ.date.value if occ is not None and occ.date is not None else ctx.doc_date
            inside = _content_date(view, match, ctx, act if act and len(act) in (7, 10) else None)
            if inside is not None and (date is None or _contains(inside.value, date.value)):
                date = CommitmentDate(value=inside.value, date_id=inside.id)
        party_source = occ
        if occ is None and mention is Mention.BACKGROUND and current is not None:
            party_source = current  # 実質合意を達成した日米地位協定の…: the parties being reported
        actor = _actor(members, ids, explicit, party_source, match, ctx)
        if match.type in ONE_SIDED and not explicit and members:
            actor = Actor(members=members, inferred=True, entities=())
        if mention is Mention.BACKGROUND and match.type is CommitmentType.REQUEST:
            requester = _requester(view, match, occ, ctx)
            if not requester:
                continue  # a recalled request of nobody named: no party's act
            actor = Actor(members=requester, inferred=True, entities=())
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
            actor = replace(actor, members=unique([*(actor.members or (SELF_CODE,)), *ctx.partner]))
        elif (
            match.type is CommitmentType.AGREEMENT
            and len(actor.members) == 1
            and actor.members[0] != SELF_CODE
            and actor.members[0] not in ctx.lex.international.values()
            and ctx.speaker is not None
        ):
            # マティス長官から、…認識が示され、…協力していくことで一致: the source of a statement
            # is one side of the agreement; the speaker's is the other (an organization or group,
            # APEC, agrees on its own)
            actor = replace(actor, members=(SELF_CODE, actor.members[0]))
        # a visit is when and with whom, never where (it is no meeting or document)
        venue = Venue(entity_id=occ.entity_id, surface=occ.surface) if occ is not None and occ.kind != "visit" else None
        if match.negative:
            # 合意には至っていない: nothing took place, so no time or place of the act
            date, venue = None, None
        records.append(_record(view, match, actor_b, actor, date, venue, mention, "main"))
    return records


def _outside_occasion(members: Sequence[str], current: Occasion) -> bool:
    """Whether a party named in the clause takes no part in the occasion being reported.

    Only for a meeting whose parties are known (a named or organization meeting, not a visit):
    a foreign party of the clause missing from it means the act took place elsewhere.
    """
    if current.kind != "meeting" or current.generic:
        return False
    known = {c for c in current.parties if c != SELF_CODE}
    named = {c for c in members if c != SELF_CODE}
    return bool(known) and bool(named) and not named <= known


DOCUMENT_NOUNS = ("決議", "決議案", "声明", "宣言", "書簡", "文書", "コミュニケ")


def _request_document(view: SentenceView, match: TriggerMatch) -> int:
    """The document whose content a request is (…撤退を求めることなどを内容とする総会決議), or -1.

    The request clause reaches the document noun through こと/など and …を内容とする only.
    """
    if match.type is not CommitmentType.REQUEST or match.kind != "predicate" or match.received:
        return -1
    memo = view.memo.setdefault("request_document", {})
    if match.pred in memo:
        return int(memo[match.pred])
    found = -1
    for anc in itertools.islice(view.ancestors(match.pred), 4):
        content = view.content_tokens(anc)
        words = "".join(view.token_text(k) for k in content)
        lemma = view.tokens[content[0]].lemma if content else ""
        if words.endswith(DOCUMENT_NOUNS):
            found = anc
            break
        if lemma in ("こと", "事", "内容") or (lemma in ("する", "為る") and view.is_predicate(anc)):
            continue
        break
    memo[match.pred] = found
    return found


def _requester(view: SentenceView, match: TriggerMatch, occ: Occasion | None, ctx: _DocContext) -> tuple[str, ...]:
    """Who made a recalled request: the body adopting the document, or the sender of one received.

    A document's request is its authors' (the meeting that adopted it, or a body in its name:
    国連総会の緊急特別会合 → UN); a received request (…要請を受け) is the party marked by から
    (米国からの要請), else the foreign party the sentence names before it (韓国隊の…譲渡要請 → KR).
    """
    lex = ctx.lex
    document = _request_document(view, match)
    if document >= 0:
        if occ is not None and any(c != SELF_CODE for c in occ.parties):
            return occ.parties
        return tuple(c for c in country_codes(view.bunsetu_text(document), lex) if c != SELF_CODE)
    if not match.received:
        return ()
    before = view.text[view.start : view.tokens[match.first].start]
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
    plain = mask_places(before)
    return tuple(c for c in country_codes(plain, lex) if c != SELF_CODE)


def _acting_party(
    view: SentenceView,
    frame: Sequence[int],
    match: TriggerMatch,
    members: Sequence[str],
    explicit: bool,
    ctx: _DocContext,
    mention: Mention,
) -> bool:
    """Whether the act is a party's: not a Diet member's own request, not 国際社会は/…組合が."""
    speaker = ctx.speaker
    one_sided = match.type in ONE_SIDED
    recalled = match.received or _request_document(view, match) >= 0
    if mention is Mention.BACKGROUND and one_sided and not recalled:
        return False  # …を求める議論: a recalled request is not reported as made
    if one_sided and _procedural_object(view, match, ctx):
        return False
    # a member's 〜を求めました / 〜してまいります speaks for no party
    own_act = not explicit or set(members) <= {SELF_CODE}
    if speaker is not None and not speaker.government and one_sided and own_act:
        return False
    return not (not explicit and _non_party_subject(view, frame, match, ctx))


def _procedural_object(view: SentenceView, match: TriggerMatch, ctx: _DocContext) -> bool:
    """求める/要請 of the session's own business: 答弁を求めます, 出席を求めた, 御理解を求めます."""
    if match.content < 0:
        return False
    words = view.bunsetu_text(match.content)
    return any(w in words for w in ctx.lex.procedural_objects)


def _non_party_subject(view: SentenceView, frame: Sequence[int], match: TriggerMatch, ctx: _DocContext) -> bool:
    """A subject phrase that is an agent but no state party (国際社会は, 国連安保理は, …組合が)."""
    for b in frame:
        if b >= match.pred or b == match.content or b < match.pred - WINDOW:
            continue
        if view.particles(b) not in ("は", "が", "も", "からは", "から"):
            continue
        if _embedded(view, b, match):
            continue  # 国際社会が直面する課題に…: a relative clause's own subject
        text = re.sub(r"[(（][^)）]*[)）]", "", view.bunsetu_text(b)).rstrip("、，")
        text = re.sub(r"(?:からは|から|は|が|も)$", "", text)
        if NON_PARTY_AGENT.search(text):
            return True
    return False


def _future(view: SentenceView, match: TriggerMatch) -> bool:
    """〜てまいります / 〜ていく / 〜たい after the trigger: a commitment made in the text itself."""
    # the tail after the verb (求めていく: the trigger itself runs over its auxiliary)
    verb = match.first if match.lemma in REQUEST_VERBS else match.last
    tail = view.span_text(verb, max(match.last, view.bunsetu[match.pred].last)) if match.pred >= 0 else ""
    nxt = view.bunsetu[match.pred].head
    if nxt >= 0 and view.bunsetu[match.pred].dep in ("aux", "advcl") and nxt == match.pred + 1:
        tail += view.bunsetu_text(nxt)
    if re.search(r"て(?:まい|参|い(?:く|き|け))|たい", tail):
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


def _background_regions(view: SentenceView, triggers: Sequence[TriggerMatch]) -> list[tuple[int, tuple[int, int]]]:
    """(pred, clause region) of the sentence's background triggers, computed once per sentence."""
    key = (id(view), len(triggers))
    cached = view.memo.get("background_regions")
    if cached is None or cached[0] != key:
        regions = [
            (t.pred, _clause_region(view, t)) for t in triggers if _mention(view, t, triggers) is Mention.BACKGROUND
        ]
        cached = (key, regions)
        view.memo["background_regions"] = cached
    return cached[1]


def _clause_region(view: SentenceView, match: TriggerMatch) -> tuple[int, int]:
    """Character span of a trigger's clause: from after the last 、 before it to the trigger."""
    end = view.tokens[match.last].end
    start = view.start
    first_b = view.token_bunsetu[match.first]
    for b in range(first_b - 1, max(-1, first_b - 1 - WINDOW), -1):
        if view.bunsetu_text(b).endswith(("、", "，")):
            start = view.tokens[view.bunsetu[b].last].end
            break
    return start, end


def _within(view: SentenceView, b: int, region: tuple[int, int]) -> bool:
    bun = view.bunsetu[b]
    return region[0] <= view.tokens[bun.first].start and view.tokens[bun.last].end <= region[1]


def _venue_in_other_clause(view: SentenceView, v: VenueMention, match: TriggerMatch) -> bool:
    """A venue inside a relative clause the trigger is not part of (…会合で表明したビジョンに沿って)."""
    if v.bunsetu < 0:
        return False
    for anc in view.ancestors(v.bunsetu):
        if anc == match.pred:
            return False
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in CONJUNCTIVE_NOUNS:
                return True
    return False


def _leading_venue(view: SentenceView, match: TriggerMatch, v: VenueMention) -> bool:
    """A venue phrase (…首脳会談で, …において) opening the content: GiNZA often hangs it there."""
    if match.content < 0 or v.bunsetu < 0:
        return False
    first, _ = view.subtree_span(match.content)
    if not (first <= v.bunsetu <= match.content):
        return False
    if _venue_in_other_clause(view, v, match):
        return False  # 先月の日米２プラス２で一致した認識を改めて確認: the venue of the recalled act
    return view.particles(v.bunsetu) in (
        "で",
        "でも",
        "において",
        "においては",
        "においても",
        "では",
        "にて",
        "の際に",
        "の場で",
    )


def _joint(
    members: Sequence[str],
    frame_venues: Sequence[VenueMention],
    current: Occasion | None,
    explicit: bool,
    match: TriggerMatch,
    view: SentenceView,
) -> bool:
    """A joint setting for 確認/定める: two parties named, or a meeting/statement at hand."""
    bodies = set(load_lexicon().international.values())
    if len(members) >= 2 or any(v.occasion.kind != "visit" for v in frame_venues):
        return True
    if any(m in bodies for m in members):
        # Ｇ７首脳は、…を確認: a group or organization is many parties acting together
        return True
    if explicit:
        return False
    if match.lemma in JOINT_VENUE_VERBS:
        return False  # a law or plan 'provides': only a joint document's 定めた is an agreement
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


def _date(
    own: DateMention | None, occ: Occasion | None, match: TriggerMatch, ctx: _DocContext
) -> CommitmentDate | None:
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
        # a joint act with no occasion: the parties this paragraph last named together
        if match.type not in ONE_SIDED and match.kind != "first_person" and len(ctx.paragraph_parties) >= 2:
            return Actor(members=ctx.paragraph_parties, inferred=True, entities=())
        # a request, pledge or intent with no actor written is the author's (Japan's)
        if match.type in ONE_SIDED or match.kind == "first_person" or ctx.speaker is not None:
            return Actor(members=(SELF_CODE,), inferred=True, entities=())
        return Actor(members=(), inferred=True, entities=())
    return Actor(members=occ.parties, inferred=True, entities=())


def _evaluated_act(view: SentenceView, match: TriggerMatch) -> bool:
    """…を確認できたことは(意義がある): the act of the meeting, recalled as the topic of an evaluation."""
    pred = view.bunsetu[match.pred]
    if match.kind != "predicate" or pred.dep != "acl" or pred.head < 0:
        return False
    noun = view.tokens[view.content_tokens(pred.head)[0]].lemma
    return noun in ("こと", "事") and view.particles(pred.head) in ("は", "が", "も")


def _mention(view: SentenceView, match: TriggerMatch, triggers: Sequence[TriggerMatch]) -> Mention:
    """``background`` for a trigger in a relative clause about a thing (…において定めた戦略目標)."""
    pred = view.bunsetu[match.pred]
    if match.received:
        return Mention.BACKGROUND  # …の譲渡要請を受け: a request recalled as received
    if match.kind != "predicate" or pred.dep != "acl" or pred.head < 0:
        return Mention.MAIN
    head = pred.head
    noun = view.tokens[view.content_tokens(head)[0]].lemma
    if _evaluated_act(view, match):
        # …を確認できたことは、大きな意義があります: an act recalled to be evaluated
        return Mention.BACKGROUND
    if _request_document(view, match) >= 0:
        return Mention.BACKGROUND  # …を求めることなどを内容とする総会決議: a request recalled
    if noun in CONJUNCTIVE_NOUNS:
        return Mention.MAIN
    if match.type in ONE_SIDED and (noun in ctx_lex().pledge_nouns or noun in ctx_lex().intent_nouns):
        return Mention.MAIN  # …よう強く求めていく考えであり: what the speaker's frame undertakes
    # …を完了し、…を再確認、: GiNZA hangs a clause on the next coordinated verbal noun
    if any(t.pred == head or view.token_bunsetu[t.first] == head for t in triggers):
        return Mention.MAIN
    if view.span_text(view.bunsetu[match.pred].first, view.bunsetu[match.pred].last).endswith(("、", "，")):
        return Mention.MAIN
    return Mention.BACKGROUND


def ctx_lex() -> Lexicon:
    """The stage's lexicon (loaded once per process)."""
    return load_lexicon()


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
        date=date,
        venue=venue,
        mention=mention,
        polarity="negative" if match.negative else "positive",
        content=None if match.negative else content,
    )


def _listed_items(view: SentenceView, ctx: _DocContext, occ: Occasion) -> list[Commitment]:
    """A ○ item of a statement's list is a commitment of the statement's parties.

    The trigger is the item's head verbal noun (…協力の促進, …枠組を継続的に検討、強化); an item
    headed by 歓迎/強調/謝意 is no commitment, unless an earlier coordinated part has a head of its
    own (…パートナーシップの深化、…政策協議の歓迎など → 深化).
    """
    body_start = view.start + 1
    while body_start < view.end and view.text[body_start] in " 　":
        body_start += 1
    toks = [i for i in range(view.first, view.last + 1) if view.tokens[i].start >= body_start]
    if not toks:
        return []
    head = _item_head(view, toks[0], toks[-1])
    if head is None:
        return []
    lemma = view.tokens[head].lemma
    t_start, t_end = view.tokens[head].start, view.tokens[head].end
    c_start, c_end = view.tokens[toks[0]].start, view.tokens[toks[-1]].end
    while c_end > c_start and view.text[c_end - 1] in "。、 　":
        c_end -= 1
    date = CommitmentDate(value=occ.date.value, date_id=occ.date.id) if occ.date is not None else None
    return [
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
    ]


def _item_head(view: SentenceView, first: int, last: int) -> int | None:
    """The head word of an item (skipping など/等 and punctuation), or None for 歓迎/強調 items."""
    head = last
    while head > first and (view.tokens[head].pos in ("PUNCT", "ADP") or view.token_text(head) in ("など", "等")):
        head -= 1
    if view.token_text(head) not in NOT_LISTED and view.tokens[head].lemma not in NOT_LISTED:
        return head
    # …の深化、…の歓迎など: fall back on the part before the last top-level 、
    depth = 0
    for i in range(head - 1, first, -1):
        s = view.token_text(i)
        depth += s.count(")") + s.count("）") + s.count("」") - s.count("(") - s.count("（") - s.count("「")
        if s == "、" and depth == 0:
            prev = i - 1
            if view.tokens[prev].pos in ("NOUN", "VERB") and view.token_text(prev) not in NOT_LISTED:
                return prev
            return None
    return None
