"""When an act or an occasion took place: which date mentions date a venue, a trip, a clause.

Dates are never guessed: an occasion's date is a date written next to its venue or opening its
clause; a trip's is the common month of the range it lasted; an act's is a time adjunct of its
own clause, else its occasion's. The rules are in README.md (Decisions, dating.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from pipeline.commitments.clauses import background_regions, coordinated
from pipeline.commitments.frame import Act, DocContext, Frame
from pipeline.commitments.lexicon import alternation, load_words
from pipeline.commitments.occasions import Occasion
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import TriggerMatch
from pipeline.schema import CommitmentDate, DateMention

SEASON_START = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}


@cache
def _not_act_date() -> re.Pattern[str]:
    """What, following a date, makes it no date of the act (以来, 以降, までに, を目途)."""
    return re.compile(rf"^(?:{alternation(load_words().not_act_date_after)})")


@cache
def _not_occasion_date() -> re.Pattern[str]:
    """What, following a date, makes it no date of the venue next to it (以来, 当時, に向け)."""
    return re.compile(rf"^(?:{alternation(load_words().not_occasion_date_after)})")


@cache
def _clause_date_after() -> re.Pattern[str]:
    """What follows a date that opens a clause: 四月二十七日、 / 五月九日には / 四月二十日でありますが、."""
    return re.compile(rf"^(?:[、，]|には|に[、，]|で(?:{alternation(load_words().polite_copulas)})が[、，])")


@cache
def _held_clause() -> re.Pattern[str]:
    """に + an optional place + a holding verb in the past, closing a relative clause on the meeting."""
    verbs = alternation(load_words().held_verbs)
    return re.compile(rf"に[、，]?(?:[^、，。]{{1,20}}(?:にて|において|で)[、，]?)?(?:{verbs})(?:された|た)?")


def occasion_date(view: SentenceView, a: int, b: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date of a venue at sentence offsets ``a..b`` (``dates``: the sentence's).

    Written after it in parentheses, before it with の (or closing a relative clause that holds
    it), opening its clause, or a range opening the sentence.
    """
    return (
        _parenthesized_date(view, b, dates)
        or _modifying_date(view, a, dates)
        or _clause_opening_date(view, a, dates)
        or _opening_range(view, dates)
    )


def _parenthesized_date(view: SentenceView, b: int, dates: Sequence[DateMention]) -> DateMention | None:
    """Heading style: 「2+2」会合(11(平成23)年6月21日)."""
    sentence, base = view.surface, view.start
    for d in dates:
        gap = sentence[b : d.start - base]
        if d.start - base >= b and re.fullmatch(r"[0-9０-９]?[(（]?", gap):
            return d
    return None


def _modifying_date(view: SentenceView, a: int, dates: Sequence[DateMention]) -> DateMention | None:
    """09(同21)年11月13日の日米首脳会談, 去る五月一日に…にて開催された日米安全保障協議委員会."""
    sentence, base = view.surface, view.start
    best = None
    for d in dates:
        de = d.end - base
        if de > a:
            continue
        after = sentence[de:]
        if _not_occasion_date().match(after) or d.mod is not None or d.range == "end":
            continue
        gap = sentence[de:a]
        # 09(同21)年11月13日の日米首脳会談, 翌二十八日の日米首脳会談, 去る五月一日に米国ワシン
        # トンＤＣにて開催された日米安全保障協議委員会 (a relative clause holding the meeting)
        if gap in ("の", "の「", "に") or _held_clause().fullmatch(gap):
            best = d
    return best


def _clause_opening_date(view: SentenceView, a: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date opening the venue's clause: 四月二十七日、…会合を開催 / …であるが、同年10月25日、…会談."""
    sentence, base = view.surface, view.start
    best = None
    for d in dates:
        ds, de = d.start - base, d.end - base
        if de > a or not _clause_date_after().match(sentence[de:]) or _not_occasion_date().match(sentence[de:]):
            continue
        if d.mod is not None or d.range == "end":
            continue
        # 現地時間三月二日、…: a time-zone note opens the clause with the date
        prefix = re.sub(r"(?:現地時間|日本時間)$", "", sentence[:ds].rstrip()).rstrip()
        if not prefix or prefix.endswith(("、", "，", "。")):
            best = d
    return best


def _opening_range(view: SentenceView, dates: Sequence[DateMention]) -> DateMention | None:
    """四月二十三日から二十五日まで、…: a range opening the sentence dates what follows."""
    sentence, base = view.surface, view.start
    for d in dates:
        if d.start - base <= 2 and (d.range == "start" or sentence[d.end - base :].startswith("から")):
            return d
    return None


def range_month(start: DateMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The start of a range valued as the month both ends share (2021-04-15〜18 → 2021-04), or None."""
    end = next((d for d in dates if d.start > start.start and d.range == "end"), None)
    if end is None:
        return None
    a, b = start.value, end.value
    if len(a) == len(b) == 10 and a[:7] == b[:7] and a[:4].isdigit():
        return replace(start, value=a[:7])
    return None


def with_dates(frame: Frame, ctx: DocContext) -> Frame:
    """The step that pairs each occasion with the date the act's own clause gives (``Frame.acts``).

    Several coordinated occasions and first-person acts take no date of the clause (each occasion
    has its own; the speech dates a pledge); coordinated dates of one occasion give one record
    each (…05(同17)年および07(同19)年の「2+2」共同発表で…).
    """
    if frame.speech_act:
        return frame._replace(acts=((None, None),))
    occasions = frame.occasions
    own = [] if len(occasions) > 1 or frame.match.kind == "first_person" else own_dates(frame, ctx)
    acts: list[Act]
    if len(own) >= 2 and coordinated(ctx.text, [(d.start, d.end) for d in own]) and len(occasions) == 1:
        acts = [(occasions[0], d) for d in own]
    else:
        acts = [(occ, own[-1] if own else None) for occ in occasions]
    return frame._replace(acts=tuple(acts))


def own_dates(frame: Frame, ctx: DocContext) -> list[DateMention]:
    """Dates of the clause itself, none after the document date.

    A reported act cannot lie after the report: 本年夏、…開催を実現する決意を述べた (said in April)
    has 本年夏 as the date of what was said.
    """
    view, match = frame.view, frame.match
    skip = [region for pred, region in background_regions(view, frame.triggers) if pred != match.pred]
    found = frame_dates(view, frame.scope, ctx.dates, [v.bunsetu for v in frame.venues], skip, frame.spine)
    return [d for d in found if not after(d.value, ctx.doc_date)]


def frame_dates(
    view: SentenceView,
    frame: Sequence[int],
    dates: Sequence[DateMention],
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
    for d in dates:
        if not (view.start <= d.start < view.end) or any(a <= d.start < b for a, b in skip):
            continue
        b = view.bunsetu_at(d.start)
        if b is None or (b not in nodes and not _shared_opening(view, b, spine)):
            continue
        after_date = view.text[d.end : d.end + 6]
        if _not_act_date().match(after_date) or d.mod is not None:
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


def act_date(frame: Frame, occ: Occasion | None, own: DateMention | None, ctx: DocContext) -> CommitmentDate | None:
    """The date of one record: its clause's, else its occasion's, else the speech's for an act of it.

    Without a date of its own clause, a date of the content that contains the act's day dates it
    more precisely (今年度…派遣することをお伝え → FY2014).
    """
    date = _date(own, occ, frame.match, ctx.doc_date)
    if frame.speech_act and date is None and ctx.doc_date is not None:
        date = CommitmentDate(value=ctx.doc_date, date_id=None)
    if own is None:
        act = occ.date.value if occ is not None and occ.date is not None else ctx.doc_date
        inside = content_date(frame.view, frame.match, ctx.dates, act if act and len(act) in (7, 10) else None)
        if inside is not None and (date is None or contains(inside.value, date.value)):
            date = CommitmentDate(value=inside.value, date_id=inside.id)
    return date


def _date(
    own: DateMention | None, occ: Occasion | None, match: TriggerMatch, doc_date: str | None
) -> CommitmentDate | None:
    if own is not None:
        return CommitmentDate(value=own.value, date_id=own.id)
    if occ is not None and occ.date is not None:
        return CommitmentDate(value=occ.date.value, date_id=occ.date.id)
    if match.kind == "first_person" and doc_date is not None:
        return CommitmentDate(value=doc_date, date_id=None)
    return None


def content_date(
    view: SentenceView, match: TriggerMatch, dates: Sequence[DateMention], act: str | None
) -> DateMention | None:
    """A date of the content that contains the act (今年度…派遣することをお伝え → FY2014)."""
    if match.content < 0 or act is None:
        return None
    first, last = view.subtree_span(match.content)
    lo = view.tokens[view.bunsetu[first].first].start
    hi = view.tokens[view.bunsetu[last].last].end
    for d in dates:
        if lo <= d.start < hi and d.mod is None and d.range is None and contains(d.value, act):
            return d
    return None


def after(value: str, doc_date: str | None) -> bool:
    """Whether the period ``value`` begins after the document date (2021-SU after 2021-04-20)."""
    if doc_date is None:
        return False
    m = re.fullmatch(r"(FY)?(\d{4})(?:-(\d{2}|SP|SU|FA|WI))?(?:-(\d{2}))?", value)
    if m is None:
        return False
    fiscal, year, part, day = m.groups()
    month = "04" if fiscal else SEASON_START.get(part or "", part or "01")
    return f"{year}-{month}-{day or '01'}" > doc_date


def contains(period: str, day: str) -> bool:
    """Whether the date ``day`` (YYYY-MM-DD, or a month YYYY-MM) falls in ``period`` (YYYY, FYYYYY, ...)."""
    if re.fullmatch(r"\d{4}-\d{2}", day):
        return period != day and contains(period, day + "-01") and contains(period, day + "-28")
    if period.startswith("FY") and period[2:].isdigit():
        year = int(period[2:])
        return f"{year}-04-01" <= day <= f"{year + 1}-03-31"
    if re.fullmatch(r"\d{4}(?:-\d{2})?", period):
        return day.startswith(period) and len(period) < len(day)
    return False
