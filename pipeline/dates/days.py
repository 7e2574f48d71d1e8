"""Which month and day a candidate names, and the year of a month or day written alone.

- 同月/翌月/先月 and 同日/翌日/本日/翌二十八日 count from the latest mention or the document date;
- a month or day alone (四月に, 二十日の) takes its year from the linked range start, else the
  most recent mention of the same paragraph, else the reading nearest the document date (a
  later day counting as half again as far), else the most recent mention anywhere;
- a month-day followed by the name of an event that day names (九月十一日テロ) takes the event's
  year (``pipeline/data/dates/events.json``).

The rules and the measurements behind them are in the stage README (Resolution).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from pipeline import tables
from pipeline.dates import lexicon
from pipeline.dates.antecedents import DOCUMENT_DATE, Context, Known, Unresolved, Value, add_months
from pipeline.dates.candidate import Candidate
from pipeline.errors import Code
from pipeline.schema import DateMod

__all__ = ["inherit_year", "month_and_day"]

# A day word anchored to the speaker's time is no antecedent of a month or day alone: it takes
# the nearest reading to the document date instead (きのう…十二月十六日 said in February is last
# December, not this one).
_DEICTIC = ("kanji", "kana")


@dataclass(frozen=True, slots=True)
class _Event:
    date: dt.date
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Events:
    events: tuple[_Event, ...]
    connector: re.Pattern[str]


@functools.cache
def _events() -> _Events:
    data = tables.load_json(lexicon.EVENTS)
    places = lexicon.alternation(lexicon.EVENTS, "connector_places")
    verbs = lexicon.alternation(lexicon.EVENTS, "connector_verbs")
    return _Events(
        tuple(_Event(dt.date.fromisoformat(e["date"]), tuple(e["cues"])) for e in data["events"]),
        # What may stand between the day and the event's name: 九月十一日の米国における同時多発テロ,
        # 九月十一日に米国で発生した同時多発テロ, 三月十一日に発生した東日本大震災.
        re.compile(rf"(?:に|の)?(?:(?:{places})(?:に(?:おける|おいて)|で|の)?)?(?:(?:{verbs})(?:した|た))?(?:の)?"),
    )


def month_and_day(ctx: Context, cand: Candidate, val: Value) -> None:
    """Months and days: written, relative (同月, 翌日, 先月, 本日, 翌二十八日) or inherited."""
    if cand.month is not None:
        val.month = cand.month
    if cand.month_rel is not None:
        _relative_month(ctx, cand, val)
    if cand.day is not None and cand.day_rel is None:
        val.day = cand.day
    if cand.day_rel is not None:
        _relative_day(ctx, cand, val)


def _relative_month(ctx: Context, cand: Candidate, val: Value) -> None:
    """先月, 来月 from the document date; 同月, 翌月, 前月 from the latest mention with a month."""
    if cand.month_rel == "doc":
        doc = ctx.document_date("relative to the document date, which is unknown")
        val.year, val.month = add_months(doc.year, doc.month, cand.month_off)
        val.resolved_from = DOCUMENT_DATE
        return
    ante = ctx.latest("month")
    if ante is None or ante.year is None or ante.month is None:
        raise Unresolved(Code.W303_UNRESOLVED, "no earlier month to count from")
    val.year, val.month = add_months(ante.year, ante.month, cand.month_off)
    val.resolved_from = ante.id


def _relative_day(ctx: Context, cand: Candidate, val: Value) -> None:
    """本日/昨日/あす from the document date; 同日/翌日/前日 and 翌二十八日 from the latest mention."""
    rel = cand.day_rel
    if rel == "doc":
        day = ctx.document_date("relative to the document date, which is unknown") + dt.timedelta(days=cand.day_off)
        val.year, val.month, val.day = day.year, day.month, day.day
        val.resolved_from = DOCUMENT_DATE
        return
    if rel in ("same", "next", "prev"):
        ante = ctx.latest("day", skip=("kana",))
        if ante is None or ante.year is None or ante.month is None or ante.day is None:
            raise Unresolved(Code.W303_UNRESOLVED, "no earlier day to count from")
        day = dt.date(ante.year, ante.month, ante.day) + dt.timedelta(days=cand.day_off)
        val.year, val.month, val.day = day.year, day.month, day.day
        val.resolved_from = ante.id
        return
    # 翌二十八日 (the next 28th after the antecedent), 同二十九日 (the 29th of its month).
    ante = ctx.latest("month")
    if ante is None or ante.year is None or ante.month is None:
        raise Unresolved(Code.W303_UNRESOLVED, "no earlier month for the day")
    year, month = ante.year, ante.month
    if rel == "next_n" and ante.day is not None and cand.day is not None and cand.day <= ante.day:
        year, month = add_months(year, month, 1)
    val.year, val.month, val.day = year, month, cand.day
    val.resolved_from = ante.id


def inherit_year(ctx: Context, cand: Candidate, val: Value) -> None:
    """A month or day alone: the year (and month) from context or the document date."""
    if (year := _event_year(ctx, cand)) is not None:
        val.year = year
        return
    if cand.next_after and _first_after_antecedent(ctx, cand, val):
        return
    ante = _antecedent(ctx, cand)
    if ante is not None and ante.year is not None and _from_antecedent(ctx, cand, ante, ante.year, val):
        return
    if ctx.doc is not None:
        val.resolved_from = DOCUMENT_DATE
        val.year, month = _nearest_to_document(ctx.doc, cand.month, cand.day, cand.mod, cand.deixis)
        if cand.month is None:
            val.month = month
        return
    # Neither context nor document date: the year stays unknown (XXXX-04-30).
    if cand.month is None:
        raise Unresolved(Code.W303_UNRESOLVED, "a day alone with no month in context")


def _event_year(ctx: Context, cand: Candidate) -> int | None:
    """The year of a day-named event that follows the month-day (九月十一日テロ, 三月十一日の震災)."""
    if cand.month is None or cand.day is None:
        return None
    events = _events()
    after = events.connector.match(ctx.text, cand.end)
    rest = ctx.text[after.end() if after else cand.end :]
    for event in events.events:
        if (event.date.month, event.date.day) != (cand.month, cand.day) or not rest.startswith(event.cues):
            continue
        if ctx.doc is None or event.date <= ctx.doc:
            return event.date.year
    return None


def _first_after_antecedent(ctx: Context, cand: Candidate, val: Value) -> bool:
    """翌5月1日: the first 5月1日 after the antecedent (2019年4月30日 → 2019-05-01)."""
    latest = ctx.latest("year", skip=_DEICTIC)
    if latest is None or latest.year is None:
        return False
    year = latest.year
    if latest.month is not None and (cand.month or 0, cand.day or 0) <= (latest.month, latest.day or 0):
        year += 1
    val.year, val.resolved_from = year, latest.id
    return True


def _antecedent(ctx: Context, cand: Candidate) -> Known | None:
    """The mention a month or day alone takes its year from: the range start, else the paragraph's latest.

    A month or day anchored to the speaker's time (去る十八日) looks at the document date instead.
    """
    if cand.link is not None and cand.link in ctx.by_index:
        return ctx.by_index[cand.link]
    if cand.deixis is not None and ctx.doc is not None:
        return None
    need = "month" if cand.month is None and cand.month_rel is None else "year"
    ante = ctx.latest(need, ctx.paragraph(cand.start), skip=_DEICTIC)
    if ante is None and ctx.doc is None:
        ante = ctx.latest(need)
    return ante


def _from_antecedent(ctx: Context, cand: Candidate, ante: Known, year: int, val: Value) -> bool:
    """Take the year (and month) of ``ante``, unless that puts the date too far ahead of the document."""
    month = cand.month if cand.month is not None else ante.month
    if ante.fiscal and ante.month is None and month is not None and month <= 3:
        year += 1  # 平成23年度 ... 1月: January 2012
    if cand.link is None and _far_ahead(ctx.doc, year, month) and not ante.dated:
        return False
    val.resolved_from = ante.id
    val.year = year
    if cand.month is None:
        val.month = month
    return True


def _far_ahead(doc: dt.date | None, year: int, month: int | None) -> bool:
    """Whether an inherited month lies more than a year after the document date.

    Such a reading gives way to the document date unless its antecedent is itself a month
    whose year is written (来年の一月から…六月から, 来年一月の市長選挙、十一月の知事選挙): a
    year or fiscal year alone (a plan year, 来年度, 二〇二五年) is a target that a speech names
    before the month of its own next step (二〇二五年…戦略を五月までに策定, 来年度予算…八月の
    概算要求, 令和八年度…一月二十四日に試算した). Over the whole Diet and speech corpora there
    are 21 such readings: the rule keeps two (both right) and sends 19 to the document date (18
    right; the last is wrong either way); sending all of them there got 18 of 21.
    """
    if doc is None or month is None:
        return False
    return (year * 12 + month) - (doc.year * 12 + doc.month) > 12


def _nearest_to_document(
    doc: dt.date, month: int | None, day: int | None, mod: DateMod | None, deixis: str | None = None
) -> tuple[int, int]:
    """The (year, month) nearest to the document date for a month and/or day alone.

    Speeches mostly report what happened, so a later day counts as half again as far as an
    earlier one (五月一日 said in November is last May); ``以来`` never looks ahead, and
    ``まで(に)`` looks ahead as readily as back (三月までに said in November is next March).
    """
    ahead_weight = 1.0 if mod is DateMod.ON_OR_BEFORE else 1.5
    best: tuple[float, int, int] | None = None
    for year, m, signed in _readings_around(doc, month, day):
        if signed > 0 and (mod is DateMod.SINCE or deixis == "past"):
            continue
        if signed < 0 and deixis == "future":
            continue
        distance = signed * ahead_weight if signed > 0 else -signed
        if best is None or distance < best[0]:
            best = (distance, year, m)
    if best is None:
        return doc.year, month if month is not None else doc.month
    return best[1], best[2]


def _readings_around(doc: dt.date, month: int | None, day: int | None) -> list[tuple[int, int, int]]:
    """(year, month, signed distance) of each reading near the document date.

    The distance is in days when a day is given, else in months.
    """
    readings: list[tuple[int, int, int]] = []
    if month is not None:
        for year in (doc.year - 1, doc.year, doc.year + 1):
            if day is None:
                readings.append((year, month, (year * 12 + month) - (doc.year * 12 + doc.month)))
            else:
                d = min(day, calendar.monthrange(year, month)[1])
                readings.append((year, month, (dt.date(year, month, d) - doc).days))
        return readings
    assert day is not None
    for delta in (-1, 0, 1):
        year, m = add_months(doc.year, doc.month, delta)
        if day <= calendar.monthrange(year, m)[1]:
            readings.append((year, m, (dt.date(year, m, day) - doc).days))
    return readings
