"""Which meetings and statements a sentence mentions, and which of them it is reporting.

A venue is a meeting or statement noun (``parties.json`` venue_nouns) with the name glued to its
left (日米首脳会談, 「2+2」共同発表), linked to an EVENT or DOCUMENT entity when one overlaps. A
mention is *reported* (the occasion later sentences inherit) or only recalled, a reference point
or a meeting still to come. The rules are in README.md (Decisions, venues.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.commitments.dating import occasion_date
from pipeline.commitments.lexicon import Lexicon, alternation, load_words
from pipeline.commitments.occasions import Discourse, Occasion, VenueMention, complete
from pipeline.commitments.parties import SELF_CODE, PartyResolver, country_codes, unique
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.visits import find_visits, with_attended
from pipeline.schema import DateMention, Entity, EntityLabel

NAME_CHARS = r"0-9０-９A-Za-zＡ-Ｚａ-ｚ一-龥々ァ-ヶー・･「」『』+＋ⅠⅡⅢⅣⅤ"
APPOSITION = re.compile(r"[、，（(]?(?:いわゆる|通称)")
# 国連総会の緊急特別会合: the body whose meeting it is, written before it with の (not との: a partner)
BODY_OF = re.compile(r"(?P<body>[^、，。\s「」]{0,15}[^、，。\s「」と])の$")


def is_heading(view: SentenceView) -> bool:
    """A short line of its own without a final 。: a section heading (`1 「2+2」会合(…)`)."""
    surface = view.surface
    line_start = view.text.rfind("\n", 0, view.start) + 1
    line_end = view.text.find("\n", view.end)
    line_end = len(view.text) if line_end < 0 else line_end
    own_line = not view.text[line_start : view.start].strip() and not view.text[view.end : line_end].strip()
    return (
        own_line and not surface.endswith(("。", "．")) and len(surface) <= 60 and not surface.startswith(("○", "・"))
    )


@cache
def _venue_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """The venue nouns as one alternation, longest first (built once per lexicon)."""
    return re.compile("|".join(re.escape(n) for n in sorted(set(nouns), key=len, reverse=True)))


@cache
def _reference_after() -> re.Pattern[str]:
    """A venue mentioned as a reference point, not as what is reported (…に先立ち, …以降)."""
    return re.compile(rf"^[0-9０-９]?(?:{alternation(load_words().reference_after)})")


@cache
def _future_before() -> re.Pattern[str]:
    """A meeting still to come is what is talked about, never where an act took place (再開後の六者会合で)."""
    return re.compile(rf"(?:{alternation(load_words().future_before)})$")


@cache
def _demonstrative_phrase() -> re.Pattern[str]:
    """このマティス長官との防衛相会談, 今回の訪問: the demonstrative opens the noun phrase."""
    return re.compile(rf"^(?:{alternation(load_words().demonstratives)})[^、，。]{{0,20}}$")


@dataclass
class _Scan:
    """The venues found so far in one sentence (a longer venue replaces those it contains)."""

    found: list[VenueMention] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # sentence offsets of the venue words
    taken_until: int = -1
    local: Occasion | None = None  # the occasion reported earlier in the sentence

    def take(self, a: int, b: int) -> None:
        # 「2+2」 then 「2+2」共同発表: the longer venue replaces the one it contains
        while self.found and self.spans[-1][0] >= a:
            self.found.pop()
            self.spans.pop()
        self.spans.append((a, b))
        self.taken_until = b

    def drop_entity(self, entity_id: str) -> None:
        # 「2+2」 then 「2+2」の共同発表: one entity, one venue
        while self.found and self.found[-1].occasion.entity_id == entity_id:
            self.found.pop()

    def apposed(self, occ: Occasion, sentence: str, a: int, b: int) -> Occasion:
        """日米安全保障協議委員会、いわゆる２プラス２: one meeting, one date, the same parties."""
        if self.found and APPOSITION.fullmatch(sentence[self.spans[-2][1] if len(self.spans) > 1 else b : a]):
            prev = self.found[-1].occasion
            return replace(occ, date=occ.date or prev.date, parties=prev.parties or occ.parties)
        return occ

    def add(self, mention: VenueMention) -> None:
        self.found.append(mention)
        if mention.reported:
            self.local = mention.occasion


def find_venues(
    view: SentenceView,
    lex: Lexicon,
    dates: Sequence[DateMention],
    entities: Sequence[Entity],
    resolver: PartyResolver,
    state: Discourse,
) -> list[VenueMention]:
    """Occasions mentioned in a sentence (venues and visits), dated and with parties, in text order."""
    sentence = view.surface
    heading = is_heading(view)
    sentence_dates = [d for d in dates if view.start <= d.start and d.end <= view.end]
    visits = find_visits(view, lex, sentence_dates, resolver, state)
    scan = _Scan()
    for m in _venue_pattern(lex.venue_nouns).finditer(sentence):
        if m.start() < scan.taken_until:
            continue
        span = _venue_span(view, m, lex, sentence_dates)
        if span is None:
            continue
        a, b = span
        scan.take(a, b)
        occ, ent = _occasion(view, a, b, lex, entities, sentence_dates, heading)
        if ent is not None:
            scan.drop_entity(ent.id)
        bun = view.bunsetu_at(view.start + a)
        topic = bun is not None and view.particles(bun) in load_words().topic_particles
        # 会談では (bare) is the meeting just reported; ハッサン国防大臣との会談では names its own
        bare = bun is not None and not view.children.get(bun) and view.bunsetu_text(bun).startswith(sentence[a:b])
        occ = scan.apposed(occ, sentence, a, b)
        occ = complete(occ, view, resolver, state, scan.local, topic=topic and bare, visits=visits)
        scan.add(_mention(view, occ, bun, a, b, heading=heading))
    return sorted([*with_attended(visits, scan.found), *scan.found], key=lambda v: v.occasion.start)


def _venue_span(
    view: SentenceView, m: re.Match[str], lex: Lexicon, dates: Sequence[DateMention]
) -> tuple[int, int] | None:
    """Sentence offsets of the venue a venue noun ends, with its name glued on the left, or None."""
    sentence = view.surface
    a, b = m.start(), m.end()
    # ２プラス２文書, 会議録: the venue word is only the front of another compound
    rest = sentence[b:]
    continues = rest.startswith((*lex.venue_nouns, *load_words().venue_continuations))
    if re.match(r"[一-龥ァ-ヶ]", rest[:1]) and not continues:
        return None
    # glue the name on the left (日米首脳会談, 「2+2」共同発表) and footnote digits on the right
    while a > 0 and re.match(f"[{NAME_CHARS}]", sentence[a - 1]):
        a -= 1
    # never start inside a date: 13日の is not glued (の stops), but 2+2 after a date is
    for d in dates:
        ds, de = d.start - view.start, d.end - view.start
        if ds <= a < de:
            a = de
    while a < b and sentence[a] in "・･":
        a += 1
    return a, b


def _occasion(
    view: SentenceView,
    a: int,
    b: int,
    lex: Lexicon,
    entities: Sequence[Entity],
    dates: Sequence[DateMention],
    heading: bool,
) -> tuple[Occasion, Entity | None]:
    """The occasion the venue at ``a..b`` names by itself (before the discourse completes it)."""
    sentence = view.surface
    surface = sentence[a:b]
    start, end = view.start + a, view.start + b
    kind = "statement" if any(surface.endswith(s) for s in lex.statement_nouns) else "meeting"
    ent = _entity_at(entities, start, end)
    if ent is not None:
        kind = "statement" if ent.label is EntityLabel.DOCUMENT else "meeting"
    stripped = surface
    for prefix in ("同", "本", "当該"):
        if stripped.startswith(prefix) and len(stripped) > len(prefix) + 1:
            stripped = stripped[len(prefix) :]
    generic = stripped in lex.venue_nouns and not any(t in stripped for t in lex.two_plus_two)
    if ent is not None and len(ent.surface) > len(stripped) + 1:
        generic = False  # 防衛相会談 inside the entity 日米の防衛相会談: a named meeting
    parties = _venue_parties(surface, lex) or _body_parties(sentence[:a], lex)
    occ = Occasion(
        start=ent.start if ent else start,
        end=ent.end if ent else end,
        surface=ent.surface if ent else surface,
        kind=kind,
        entity_id=ent.id if ent else None,
        date=occasion_date(view, a, b, dates),
        parties=parties,
        generic=generic,
        anaphoric=_anaphoric(sentence, a, surface),
        heading=heading,
        before=sentence[max(0, a - 6) : a],
    )
    return occ, ent


def _mention(view: SentenceView, occ: Occasion, bun: int | None, a: int, b: int, *, heading: bool) -> VenueMention:
    """The venue as mentioned: reported, a reference point, or neither."""
    sentence = view.surface
    future = _future_before().search(sentence[:a]) is not None
    reported = not future and (heading or (bun is not None and _reported(view, bun, occ, sentence[b:])))
    reference = future or (not reported and bun is not None and _reference(view, bun, sentence[b:]))
    return VenueMention(occasion=occ, bunsetu=bun if bun is not None else -1, reported=reported, reference=reference)


def _reference(view: SentenceView, b: int, after: str) -> bool:
    """A venue mentioned as a reference point: …に先立ち, …に続き, …を踏まえ, …の前に."""
    return bool(_reference_after().match(after)) or _under_reference_verb(view, b)


def _entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    best = None
    for ent in entities:
        if ent.label not in (EntityLabel.EVENT, EntityLabel.DOCUMENT):
            continue
        overlaps = ent.start < end and start < ent.end
        if overlaps and (best is None or (ent.end - ent.start) > (best.end - best.start)):
            best = ent
    return best


def _anaphoric(sentence: str, a: int, surface: str) -> bool:
    before = sentence[max(0, a - 8) : a]
    if surface.startswith(("同", "本", "当該")):
        return True
    # このマティス長官との防衛相会談, 今回の訪問: the demonstrative opens the noun phrase
    phrase = re.split(r"[、，。]", sentence[:a])[-1]
    if _demonstrative_phrase().match(phrase):
        return True
    return before.endswith(load_words().anaphor_endings)


def _venue_parties(surface: str, lex: Lexicon) -> tuple[str, ...]:
    codes = list(country_codes(surface, lex))
    if any(t in surface for t in lex.two_plus_two) and not codes:
        codes = list(lex.two_plus_two_members)
    if codes and SELF_CODE not in codes and surface.startswith("日"):
        codes.insert(0, SELF_CODE)
    return unique(codes)


def _body_parties(before: str, lex: Lexicon) -> tuple[str, ...]:
    """The international body of a meeting named right before it with の (国連総会の緊急特別会合 → UN)."""
    m = BODY_OF.search(before)
    if m is None:
        return ()
    bodies = set(lex.international.values())
    codes = [c for c in country_codes(m["body"], lex) if c in bodies]
    return unique(codes)


def _reported(view: SentenceView, b: int, occ: Occasion, after: str) -> bool:
    """Whether the venue in bunsetu ``b`` is what the sentence reports (README.md, Decisions).

    A heading, a topic (会談では, 同共同発表においては), a meeting held (会合を開催, 会談を行い), or a
    named meeting mentioned outside a relative clause and not as a reference point; a statement
    only as a topic (issuing one, 共同声明を発出し, does not move the report off the meeting).
    """
    particles = view.particles(b)
    head = view.bunsetu[b].head
    topic_particles = load_words().topic_particles
    if particles == "を" and head >= 0 and _holds(view, head):
        return True  # …と会談を行い、: a meeting held, whatever GiNZA hung the verb on
    topic = particles in topic_particles and particles not in ("で", "において")
    if not topic and _in_relative_clause(view, b):
        return False  # …07(同19)年の「2+2」共同発表において定めた目標: recalled, not reported
    topic = topic or particles in topic_particles
    if occ.kind == "statement":
        return topic or occ.anaphoric
    return _meeting_reported(view, b, occ, after, topic=topic)


def _meeting_reported(view: SentenceView, b: int, occ: Occasion, after: str, *, topic: bool) -> bool:
    """A meeting outside a relative clause: reported unless a reference point or a noun about it."""
    particles = view.particles(b)
    if _reference_after().match(after):
        return False
    if particles in ("での", "における", "においての") and view.bunsetu[b].dep == "nmod":
        return False  # 首脳会議でのドーハ・ラウンドに関する声明発出: a noun about it, not a report of it
    if not topic and _under_reference_verb(view, b):
        return False  # 日豪首脳会談等での議論も踏まえ, 首脳会談の成果を受けて: a reference point
    if topic or not occ.generic:
        return True
    head = view.bunsetu[b].head
    lemmas = {view.tokens[i].lemma for i in view.token_range(b)}
    if head >= 0 and particles in ("を", "が", ""):
        lemmas |= {view.tokens[i].lemma for i in view.token_range(head)}
    # 会談を行い, 会合を開催し, 首相と会談しました
    return bool(lemmas & load_words().holding_lemmas) or view.is_predicate(b)


def _under_reference_verb(view: SentenceView, b: int) -> bool:
    """Whether the first predicate above ``b`` is a reference verb (踏まえ, 受けて, 基づき, 先立ち)."""
    for anc in view.ancestors(b):
        if view.is_predicate(anc):
            return view.tokens[view.content_tokens(anc)[0]].lemma in load_words().reference_verbs
    return False


def _holds(view: SentenceView, b: int) -> bool:
    """A coordinated holding verb (会談を行い、 / 会合を開催し、 / 会談を行いました)."""
    lemmas = {view.tokens[i].lemma for i in view.token_range(b)}
    text = view.bunsetu_text(b)
    held = bool(lemmas & load_words().holding_lemmas)
    return held and (text.endswith(("、", "，", "。")) or view.bunsetu[b].head < 0)


def _in_relative_clause(view: SentenceView, b: int) -> bool:
    """Whether bunsetu ``b`` sits inside a clause modifying a noun (連体修飾節)."""
    for anc in view.ancestors(b):
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in load_words().venue_clause_nouns:
                return True
    return False
