"""Occasions (meetings, visits, statements) and the discourse state that carries them along.

Most commitments do not write their date, venue or actor in their own clause: a White Paper says
`1 「2+2」会合(11(平成23)年6月21日)` in a heading and then `この際公表された「2+2」共同発表においては
…再確認を行った`; a Diet report says `四月二十七日、ニューヨークにおいて、…２プラス２会合を開催
いたしました` and then `同会合においては…再確認しました`. An ``Occasion`` is one such meeting,
visit or statement with its date and parties; ``Discourse`` keeps the section heading's occasion
and the occasion currently being reported, sentence after sentence.

Rules (each generalizes over the domain's reporting style; the gold fixtures' adjudication notes
fixed the open points):

- a venue is a meeting or statement noun (``parties.json`` venue_nouns) with the name glued to its
  left (日米首脳会談, 「2+2」共同発表, 日・デンマーク・グリーンランド三者会談), linked to an EVENT or
  DOCUMENT entity when one overlaps; a bare 会談/会合 (会談を行い, 首相と会談しました) is a generic
  meeting whose parties come from its sentence;
- its date is a date written right before it with の (09(同21)年11月13日の日米首脳会談), in
  parentheses right after it (heading style), or the date opening its clause (四月二十七日、…会合を
  開催; …ところであるが、同年10月25日、…会談を行い); dates followed by 以来/以降/ぶり/から/まで are
  not occasion dates; a relative clause holding the meeting dates it (去る五月一日に米国ワシントン
  ＤＣにて開催された日米安全保障協議委員会), and an apposition (…委員会、いわゆる２プラス２) shares
  its date and parties. A visit dated by a range within one month takes the month (四月十五日から
  十八日まで…訪問し → 2021-04, the range start's id; gold rules), a range over two months gives
  none; a meeting held during a dated visit (in the visit's sentence, or a later mention whose
  partners the visit has: オバマ米大統領が…訪日 … 日米首脳会談では) takes the visit's date. A meeting
  whose date is not written otherwise has none: it is not guessed from an earlier meeting;
- 同X, この際, 今回の, 本X refer back to the latest reported occasion whose venue has the same head
  noun (同共同発表 → the latest 共同発表; 同会合 → the latest 会合), else the latest reported one;
  a bare anaphor (同共同発表, 会合では) takes the antecedent's named mention as its venue, a mention
  that names the meeting itself (今般の２プラス２) is the venue (the nearest named mention);
- an occasion is *reported* (becomes the one later sentences inherit) when it is a heading, a
  topic (会談では, 同共同発表においては), a named meeting mentioned outside a relative clause and
  not as a reference point (…に先立つ形で, …以降), or a meeting held (会合を開催, 会談を行い);
  a statement only as a topic (issuing one, 共同声明を発出し, does not move the report off the
  meeting that issued it);
- a bare 会談/会合 in a section whose heading names a meeting is that meeting (its entity and
  name), dated by the sentence that reports it;
- trip reports: a named meeting attended on a dated trip (…ハノイを訪問し、第十八回アジア太平洋
  経済協力閣僚会議、通称ＡＰＥＣに出席) dates its later mentions (ＡＰＥＣ閣僚会議では: the
  parties match the trip's attended meetings) and makes that trip the one being reported; a trip
  named again without a predicate (次に、シンガポールの訪問の成果ですが) refocuses the report on the
  earlier dated trip to those countries; bare meetings reported then take that trip's date, and
  a named meeting with the same partners as a bare meeting just reported (…中国の外務大臣と…
  会談を行いました。日中外相会談では) is that meeting; a meeting recalled as earlier (さきの…) is
  not on the trip;
- a meeting still to come (再開後の六者会合で, 次回の首脳会談で) is never where an act took place;
  a meeting in an の-phrase about another noun (首脳会議でのドーハ・ラウンドに関する声明発出) is not
  what is reported; a body written before a meeting with の (国連総会の緊急特別会合 → UN) is its
  party; a named anaphoric meeting (先般の日米首脳テレビ会談) refers back only to a mention with its
  parties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.parties import SELF_CODE, PartyResolver, country_codes, unique
from pipeline.commitments.syntax import SentenceView
from pipeline.schema import DateMention, Entity, EntityLabel

NAME_CHARS = r"0-9０-９A-Za-zＡ-Ｚａ-ｚ一-龥々ァ-ヶー・･「」『』+＋ⅠⅡⅢⅣⅤ"
ANAPHORS = ("同", "この際", "今回の", "今回", "今次", "本", "当該", "その際", "この", "先般の")
HOLDING_LEMMAS = frozenset({"開催", "行う", "実施", "出席", "開く", "持つ", "臨む", "参加", "会談", "会する"})
# a country named as a place or a topic, not a party: ソマリア沖, 南スーダン情勢, 朝鮮半島
NOT_A_PARTY = re.compile(
    r"[ァ-ヶー一-龥]{2,8}(?:沖|近海|周辺|海域|情勢|問題|半島|領海|領空|国内|全土|上空)|在日米軍|在沖米軍"
)
# what follows a date that opens a clause: 四月二十七日、 / 五月九日には / 四月二十日でありますが、
CLAUSE_DATE_AFTER = re.compile(r"^(?:[、，]|には|に[、，]|で(?:あります|す|ございます)が[、，])")
TOPIC_PARTICLES = frozenset({"では", "においては", "において", "で", "には", "は", "でも", "に関しては", "にて"})
# what may follow a venue noun without making it part of a longer noun (会談及び…, 会談後, 会合等)
VENUE_CONTINUATIONS = (
    "及び",
    "並びに",
    "等",
    "後",
    "前",
    "中",
    "時",
    "直後",
    "直前",
    "冒頭",
    "終了",
    "以降",
    "以来",
)
# a venue mentioned as a reference point, not as what is reported
REFERENCE_AFTER = re.compile(r"^[0-9０-９]?(?:に先立|以降|以来|の前|の後|後、|前に|に向け|に向けた|までに|から|に続)")
# に + an optional place + a holding verb in the past, closing a relative clause on the meeting
HELD_CLAUSE = re.compile(
    r"に[、，]?(?:[^、，。]{1,20}(?:にて|において|で)[、，]?)?(?:開催|実施|行われ|開かれ|催され)(?:された|た)?"
)
APPOSITION = re.compile(r"[、，（(]?(?:いわゆる|通称)")
# a meeting still to come is what is talked about, never where an act took place (再開後の六者会合で)
FUTURE_BEFORE = re.compile(
    r"(?:再開後の|次回の|次期|今後の|来年の|来月の|開催予定の|予定される|再開される|開催される|次の)$"
)
# 国連総会の緊急特別会合: the body whose meeting it is, written before it with の (not との: a partner)
BODY_OF = re.compile(r"(?P<body>[^、，。\s「」]{0,15}[^、，。\s「」と])の$")
NOT_OCCASION_AFTER = re.compile(r"^(?:以来|以降|ぶり|から|まで|より|以前|頃|ごろ|当時|末|中|に向け)")


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
    for noun in (
        "共同発表",
        "共同声明",
        "共同宣言",
        "首脳会談",
        "会談",
        "会合",
        "会議",
        "声明",
        "宣言",
        "談話",
        "訪問",
        "訪日",
    ):
        if surface.endswith(noun):
            return noun
    return surface[-2:]


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


@dataclass(frozen=True, slots=True)
class VenueMention:
    """An occasion found in a sentence, with the bunsetu it sits in and whether it is reported."""

    occasion: Occasion
    bunsetu: int
    reported: bool
    reference: bool = False  # mentioned as a reference point (…に先立ち, …を踏まえ, …に続き)


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


def find_venues(
    view: SentenceView,
    lex: Lexicon,
    dates: Sequence[DateMention],
    entities: Sequence[Entity],
    resolver: PartyResolver,
    state: Discourse,
) -> list[VenueMention]:
    """Occasions mentioned in a sentence, dated and with parties, in text order."""
    sentence = view.surface
    heading = is_heading(view)
    pattern = _venue_pattern(lex.venue_nouns)
    found: list[VenueMention] = []
    local_current: Occasion | None = None
    raw_spans: list[tuple[int, int]] = []
    taken_until = -1
    sentence_dates = [d for d in dates if view.start <= d.start and d.end <= view.end]
    visits = _find_visits(view, lex, sentence_dates, resolver, state)
    for m in pattern.finditer(sentence):
        if m.start() < taken_until:
            continue
        a, b = m.start(), m.end()
        # ２プラス２文書, 会議録: the venue word is only the front of another compound
        rest = sentence[b:]
        continues = rest.startswith((*lex.venue_nouns, *VENUE_CONTINUATIONS))
        if re.match(r"[一-龥ァ-ヶ]", rest[:1]) and not continues:
            continue
        # glue the name on the left (日米首脳会談, 「2+2」共同発表) and footnote digits on the right
        while a > 0 and re.match(f"[{NAME_CHARS}]", sentence[a - 1]):
            a -= 1
        # never start inside a date: 13日の is not glued (の stops), but 2+2 after a date is
        for d in sentence_dates:
            ds, de = d.start - view.start, d.end - view.start
            if ds <= a < de:
                a = de
        while a < b and sentence[a] in "・･":
            a += 1
        surface = sentence[a:b]
        # 「2+2」 then 「2+2」共同発表: the longer venue replaces the one it contains
        while found and raw_spans[-1][0] >= a:
            found.pop()
            raw_spans.pop()
        raw_spans.append((a, b))
        taken_until = b
        start, end = view.start + a, view.start + b
        kind = "statement" if any(surface.endswith(s) for s in lex.statement_nouns) else "meeting"
        ent = _entity_at(entities, start, end)
        if ent is not None:
            kind = "statement" if ent.label is EntityLabel.DOCUMENT else "meeting"
            # 「2+2」 then 「2+2」の共同発表: one entity, one venue
            while found and found[-1].occasion.entity_id == ent.id:
                found.pop()
        anaphoric = _anaphoric(sentence, a, surface)
        stripped = surface
        for prefix in ("同", "本", "当該"):
            if stripped.startswith(prefix) and len(stripped) > len(prefix) + 1:
                stripped = stripped[len(prefix) :]
        generic = stripped in lex.venue_nouns and not any(t in stripped for t in lex.two_plus_two)
        if ent is not None and len(ent.surface) > len(stripped) + 1:
            generic = False  # 防衛相会談 inside the entity 日米の防衛相会談: a named meeting
        parties = _venue_parties(surface, lex)
        if not parties:
            parties = _body_parties(sentence[:a], lex)
        bun = view.bunsetu_at(start)
        occ = Occasion(
            start=ent.start if ent else start,
            end=ent.end if ent else end,
            surface=ent.surface if ent else surface,
            kind=kind,
            entity_id=ent.id if ent else None,
            date=_venue_date(view, a, b, sentence_dates, heading),
            parties=parties,
            generic=generic,
            anaphoric=anaphoric,
            heading=heading,
            before=sentence[max(0, a - 6) : a],
        )
        topic = bun is not None and view.particles(bun) in TOPIC_PARTICLES
        # 会談では (bare) is the meeting just reported; ハッサン国防大臣との会談では names its own
        bare = bun is not None and not view.children.get(bun) and view.bunsetu_text(bun).startswith(surface)
        if found and APPOSITION.fullmatch(sentence[raw_spans[-2][1] if len(raw_spans) > 1 else b : a]):
            # 日米安全保障協議委員会、いわゆる２プラス２: one meeting, one date, the same parties
            prev = found[-1].occasion
            occ = replace(occ, date=occ.date or prev.date, parties=prev.parties or occ.parties)
        occ = _complete(occ, view, resolver, state, local_current, topic=topic and bare, visits=visits)
        future = FUTURE_BEFORE.search(sentence[:a]) is not None
        reported = not future and (heading or (bun is not None and _reported(view, bun, occ, sentence[b:])))
        found.append(VenueMention(occasion=occ, bunsetu=bun if bun is not None else -1, reported=reported))
        found[-1] = replace(
            found[-1],
            reference=future or (not reported and bun is not None and _reference(view, bun, sentence[b:])),
        )
        if reported:
            local_current = occ
    return sorted([*_with_attended(visits, found), *found], key=lambda v: v.occasion.start)


def _with_attended(visits: Sequence[VenueMention], meetings: Sequence[VenueMention]) -> list[VenueMention]:
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


def _body_parties(before: str, lex: Lexicon) -> tuple[str, ...]:
    """The international body of a meeting named right before it with の (国連総会の緊急特別会合 → UN)."""
    m = BODY_OF.search(before)
    if m is None:
        return ()
    bodies = set(lex.international.values())
    codes = [c for c in country_codes(m["body"], lex) if c in bodies]
    return unique(codes)


VISIT_RE = re.compile(r"(?P<verb>訪問|訪日|訪米|来日|訪中|訪韓|訪豪|視察)(?P<pred>を?(?:し|する|され|いたし))?")


def _find_visits(
    view: SentenceView,
    lex: Lexicon,
    dates: Sequence[DateMention],
    resolver: PartyResolver,
    state: Discourse,
) -> list[VenueMention]:
    """Visits: ジブチを訪問し, …豪州、マレーシア訪問について (a trip announced), 今回の訪問.

    A one-day visit dates the meetings held during it (五月九日にはジブチを訪問し). A visit is never
    a venue (it is no EVENT); it carries a date only when it lasted one day.
    """
    sentence = view.surface
    out: list[VenueMention] = []
    for m in VISIT_RE.finditer(sentence):
        a, b = m.start(), m.end("verb")
        window = sentence[max(0, a - 24) : a]
        anaphoric = bool(re.search(r"(?:今回の|この|その|今般の|同)$", window))
        if anaphoric and m["verb"] == "視察":
            # この視察においては: the inspection just reported (no meeting: nothing joint happens)
            members = state.visit.parties if state.visit else (SELF_CODE,)
            occ_date = state.visit.date if state.visit else None
        elif anaphoric:
            members = unique(c for v in state.visits for c in v.parties)
            occ_date = None
        else:
            segment = re.split(r"[のはにでがを。]|まで|にかけて", window.rstrip("をがは"))[-1]
            codes = list(country_codes(segment, lex))
            if not codes:
                found, _, _ = resolver.resolve(window, view.start + a - len(window), ())
                codes = list(found)
            members = unique([SELF_CODE, *codes])
            occ_date = _venue_date(view, a, b, dates, heading=False) if m["pred"] else None
            if occ_date is None and m["pred"]:
                # 私は、四月十五日から十八日まで米国ワシントンを訪問し: the range just before the visit
                ends = [d for d in dates if d.range == "end" and 0 <= view.start + a - d.end <= 30]
                starts = [d for d in dates if d.range == "start" and ends and d.end <= ends[-1].start]
                occ_date = starts[-1] if starts else None
            starts_range = occ_date is not None and (
                occ_date.range == "start" or sentence[occ_date.end - view.start :].startswith("から")
            )
            if starts_range and occ_date is not None:
                # 四月十五日から十八日まで…訪問し: which day is not said; the range's common month
                # dates the visit (gold rules), a range over two months gives none
                occ_date = range_month(occ_date, dates)
            if m["verb"] == "視察" and occ_date is None and state.visit is not None:
                # an inspection during the visit being reported (ジブチにおいては…を視察しました)
                occ_date = state.visit.date
                members = unique([*state.visit.parties, *members])
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


def range_month(start: DateMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The start of a range valued as the month both ends share (2021-04-15〜18 → 2021-04), or None."""
    end = next((d for d in dates if d.start > start.start and d.range == "end"), None)
    if end is None:
        return None
    a, b = start.value, end.value
    if len(a) == len(b) == 10 and a[:7] == b[:7] and a[:4].isdigit():
        return replace(start, value=a[:7])
    return None


def _reference(view: SentenceView, b: int, after: str) -> bool:
    """A venue mentioned as a reference point: …に先立ち, …に続き, …を踏まえ, …の前に."""
    return bool(REFERENCE_AFTER.match(after)) or _under_reference_verb(view, b)


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
    if re.match(r"^(?:この|その|今回の|今次|今般の|先般の)[^、，。]{0,20}$", phrase):
        return True
    return before.endswith(
        ("この際公表された", "この際", "今回の", "今次", "今般の", "その際", "この", "当該", "先般の", "本")
    )


def _venue_parties(surface: str, lex: Lexicon) -> tuple[str, ...]:
    codes = list(country_codes(surface, lex))
    if any(t in surface for t in lex.two_plus_two) and not codes:
        codes = list(lex.two_plus_two_members)
    if codes and SELF_CODE not in codes and surface.startswith("日"):
        codes.insert(0, SELF_CODE)
    return unique(codes)


def _venue_date(view: SentenceView, a: int, b: int, dates: Sequence[DateMention], heading: bool) -> DateMention | None:
    """The date of a venue at sentence offsets ``a..b`` (see the module rules)."""
    sentence = view.surface
    base = view.start
    # heading style: 「2+2」会合(11(平成23)年6月21日)
    for d in dates:
        gap = sentence[b : d.start - base]
        if d.start - base >= b and re.fullmatch(r"[0-9０-９]?[(（]?", gap):
            return d
    best = None
    for d in dates:
        de = d.end - base
        if de > a:
            continue
        after = sentence[de:]
        if NOT_OCCASION_AFTER.match(after) or d.mod is not None or d.range == "end":
            continue
        gap = sentence[de:a]
        # 09(同21)年11月13日の日米首脳会談, 翌二十八日の日米首脳会談, 去る五月一日に米国ワシン
        # トンＤＣにて開催された日米安全保障協議委員会 (a relative clause holding the meeting)
        if gap in ("の", "の「", "に") or HELD_CLAUSE.fullmatch(gap):
            best = d
    if best is not None:
        return best
    # the date opening the venue's clause: 四月二十七日、…会合を開催 / …であるが、同年10月25日、…会談
    for d in dates:
        ds, de = d.start - base, d.end - base
        if de > a or not CLAUSE_DATE_AFTER.match(sentence[de:]) or NOT_OCCASION_AFTER.match(sentence[de:]):
            continue
        if d.mod is not None or d.range == "end":
            continue
        # 現地時間三月二日、…: a time-zone note opens the clause with the date
        prefix = re.sub(r"(?:現地時間|日本時間)$", "", sentence[:ds].rstrip()).rstrip()
        if not prefix or prefix.endswith(("、", "，", "。")):
            best = d
    if best is None:
        # 四月二十三日から二十五日まで、…: a range opening the sentence dates what follows
        for d in dates:
            if d.start - base <= 2 and (d.range == "start" or sentence[d.end - base :].startswith("から")):
                return d
    return best


def _complete(
    occ: Occasion,
    view: SentenceView,
    resolver: PartyResolver,
    state: Discourse,
    local: Occasion | None,
    *,
    topic: bool = False,
    visits: Sequence[VenueMention] = (),
) -> Occasion:
    """Fill what the mention leaves out from the discourse: anaphora, date, parties, heading name.

    ``local`` is the occasion reported earlier in the same sentence (会談では、…共同声明を発出).
    """
    reported = local or state.current
    if occ.anaphoric:
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
        if ref is not None:
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
    if not occ.parties and occ.kind == "statement" and reported is not None and reported.kind == "meeting":
        # 首脳共同声明を発出: the statement of the meeting being reported
        occ = replace(occ, parties=reported.parties, date=occ.date or (local.date if local else None))
    if not occ.parties:
        # the countries the sentence names (イタリアを訪問し、…との会談を行いました), else its people
        plain = NOT_A_PARTY.sub(lambda m: "＿" * len(m.group()), view.surface)
        named = country_codes(plain, resolver.lex)
        context = (SELF_CODE, *named) if named else (reported.parties if reported else ())
        members, _, _ = resolver.resolve(plain, view.start, context)
        parties = [*named, *members] if named else list(members)
        if parties and SELF_CODE not in parties:
            parties.insert(0, SELF_CODE)
        if len(parties) < 2 and reported is not None:
            parties = list(reported.parties)
        occ = replace(occ, parties=unique(parties))
    # a bare 会談/会合 right after a meeting was reported is that meeting (会談では、まず、…)
    if occ.generic and topic and occ.date is None and reported is not None and reported.kind == occ.kind:
        occ = replace(
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
    section = state.section
    if occ.generic and section is not None and section.kind == occ.kind and not section.generic:
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
    if occ.generic or re.search(r"(?:さきの|先の|先日の|前回の|昨年の|以前の)$", occ.before):
        return None
    for earlier in reversed(state.history):
        if earlier.heading:
            break  # the section's own occasion: nothing before it is this section's
        bare = earlier.kind == "meeting" and earlier.generic and earlier.date is not None
        if bare and foreign <= set(earlier.parties):
            return earlier
    return None


def _reported(view: SentenceView, b: int, occ: Occasion, after: str) -> bool:
    """Whether the venue in bunsetu ``b`` is what the sentence reports (see the module rules)."""
    particles = view.particles(b)
    head = view.bunsetu[b].head
    if particles == "を" and head >= 0 and _holds(view, head):
        return True  # …と会談を行い、: a meeting held, whatever GiNZA hung the verb on
    topic = particles in TOPIC_PARTICLES and particles not in ("で", "において")
    if not topic and _in_relative_clause(view, b):
        return False  # …07(同19)年の「2+2」共同発表において定めた目標: recalled, not reported
    topic = topic or particles in TOPIC_PARTICLES
    if occ.kind == "statement":
        return topic or occ.anaphoric
    if REFERENCE_AFTER.match(after):
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
    return bool(lemmas & HOLDING_LEMMAS) or view.is_predicate(b)


REFERENCE_VERBS = frozenset(
    {"踏まえる", "受ける", "基づく", "先立つ", "向ける", "沿う", "続く", "経る", "通じる", "見据える"}
)


def _under_reference_verb(view: SentenceView, b: int) -> bool:
    """Whether the first predicate above ``b`` is a reference verb (踏まえ, 受けて, 基づき, 先立ち)."""
    for anc in view.ancestors(b):
        if view.is_predicate(anc):
            return view.tokens[view.content_tokens(anc)[0]].lemma in REFERENCE_VERBS
    return False


def _holds(view: SentenceView, b: int) -> bool:
    """A coordinated holding verb (会談を行い、 / 会合を開催し、 / 会談を行いました)."""
    lemmas = {view.tokens[i].lemma for i in view.token_range(b)}
    text = view.bunsetu_text(b)
    return bool(lemmas & HOLDING_LEMMAS) and (text.endswith(("、", "，", "。")) or view.bunsetu[b].head < 0)


def _in_relative_clause(view: SentenceView, b: int) -> bool:
    """Whether bunsetu ``b`` sits inside a clause modifying a noun (連体修飾節)."""
    for anc in view.ancestors(b):
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in ("こと", "事", "の", "ほか", "他", "旨", "とともに", "上", "うえ"):
                return True
    return False
