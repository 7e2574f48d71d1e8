"""Resolution: turn recognized candidates into calendar values and mentions, in text order.

Each candidate gets a ``Value`` by the rule of its kind, tried in this order: a relative word
written with the date it restates (本日十七日), a season continuing a dated mention, an era year,
a Western year, an era-less year, a relative year, a bare 年度末 (``years.py``); then its month
and day (``days.py``), and for a month or day written alone the year it inherits. The value is
written as ANNOTATION.md says (2011-03-11, FY2011, 2011-SP, 199X, 20XX), and what it fixes is
remembered for the mentions after it (``antecedents.py``).

Impossible dates become W301 warnings, era overflows W302 (the mention is kept and flagged unless
it is more than 10 years past the era), unresolvable relative dates W303; they are never silently
converted.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from pipeline.dates import days, years
from pipeline.dates.antecedents import Context, Known, Unresolved, Value, add_months
from pipeline.dates.candidate import Candidate
from pipeline.errors import MESSAGES, Code
from pipeline.schema import DateMention, RecordWarning

__all__ = ["resolve"]


def resolve(
    text: str,
    candidates: Sequence[Candidate],
    document_date: dt.date | None,
) -> tuple[list[DateMention], list[RecordWarning]]:
    """Values for ``candidates`` (in text order) and the warnings for those that are not dates."""
    ctx = Context(text, document_date)
    mentions: list[DateMention] = []
    warnings: list[RecordWarning] = []
    for index, cand in enumerate(candidates):
        try:
            val = _value(ctx, cand)
            value = _format(ctx, cand, val)
        except Unresolved as exc:
            warnings.append(_warning(text, exc.code, cand, exc.detail))
            continue
        if val.overflow:
            warnings.append(_warning(text, Code.W302_ERA_OVERFLOW, cand, f"read as {value}"))
        mention = _mention(text, f"d{len(mentions)}", cand, val, value)
        mentions.append(mention)
        ctx.remember(index, _known(ctx, mention.id, cand, val))
    warnings.sort(key=lambda w: (w.start or 0, w.code))
    return mentions, warnings


# --- the value -----------------------------------------------------------------------------------


def _value(ctx: Context, cand: Candidate) -> Value:
    """The calendar value of a candidate, by the rule of its kind."""
    val = Value()
    if cand.month is not None and not 1 <= cand.month <= 12:
        raise Unresolved(Code.W301_INVALID_DATE, f"month {cand.month}")
    if cand.day is not None and not 1 <= cand.day <= 31:
        raise Unresolved(Code.W301_INVALID_DATE, f"day {cand.day}")
    if cand.anchor is not None and not cand.has_year_info:
        _from_anchor(ctx, cand, cand.anchor, val)
        return val
    if cand.season is not None and not cand.has_year_info and cand.link is not None:
        # 秋には after ことしの春に: the year of the dated mention it continues.
        head = ctx.head(cand)
        if head is None or head.year is None:
            raise Unresolved(Code.W303_UNRESOLVED, "a season alone with no year in context")
        val.year, val.resolved_from = head.year, head.id
        return val
    if cand.era is not None or cand.era_same:
        years.era_year(ctx, cand, val)
    elif cand.year is not None or cand.year2 is not None:
        years.western_year(ctx, cand, val)
    elif cand.bare is not None:
        years.bare_year(ctx, cand, val)
    elif cand.year_rel is not None:
        years.relative_year(ctx, cand, val)
    elif cand.context_part is not None:
        years.context_year(ctx, cand, val)
    elif cand.century is not None or cand.century_off is not None:
        return val
    days.month_and_day(ctx, cand, val)
    written_alone = cand.month is not None or cand.day is not None
    if val.year is None and written_alone and cand.month_rel is None and cand.day_rel is None:
        days.inherit_year(ctx, cand, val)
    return val


def _from_anchor(ctx: Context, cand: Candidate, anchor: Candidate, val: Value) -> None:
    """本日十七日, 翌日三十日, 今月十一月十五日: the explicit part, placed by the relative word."""
    base = _value(ctx, anchor)
    if base.year is None or base.month is None:
        raise Unresolved(Code.W303_UNRESOLVED, "relative word with no value")
    val.year, val.month, val.resolved_from = base.year, base.month, base.resolved_from
    if cand.month is not None:
        val.month = cand.month
    elif base.day is not None and cand.day is not None and cand.day != base.day:
        # The explicit day wins; its month is the one that puts it nearest the relative day.
        here = dt.date(base.year, base.month, base.day)
        options = []
        for delta in (-1, 0, 1):
            year, month = add_months(base.year, base.month, delta)
            if cand.day <= calendar.monthrange(year, month)[1]:
                options.append((abs((dt.date(year, month, cand.day) - here).days), year, month))
        if options:
            _, val.year, val.month = min(options)
    val.day = cand.day


# --- the written value ---------------------------------------------------------------------------


def _format(ctx: Context, cand: Candidate, val: Value) -> str:
    """The value as ANNOTATION.md writes it: 20XX, 199X, FY2011, 2011-SP, 2011-03, 2011-03-11."""
    if cand.century is not None or cand.century_off is not None:
        return _century(ctx, cand)
    if val.year is None and val.month is None:
        raise Unresolved(Code.W303_UNRESOLVED, "nothing to place on the calendar")
    if cand.decade:
        assert val.year is not None
        return f"{val.year // 10}X"
    if val.fiscal and val.month is None:
        return f"FY{val.year}"
    if cand.season is not None:
        return f"{val.year}-{cand.season}"
    return _calendar_date(val)


def _century(ctx: Context, cand: Candidate) -> str:
    """21世紀 -> 20XX; 今世紀 from the document date."""
    if cand.century is not None:
        return f"{cand.century - 1:02d}XX"
    assert cand.century_off is not None
    doc = ctx.document_date("今世紀 with no document date")
    return f"{doc.year // 100 + cand.century_off:02d}XX"


def _calendar_date(val: Value) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD (XXXX for an unknown year); W301 for an impossible month or day."""
    year = "XXXX" if val.year is None else f"{val.year:04d}"
    if val.month is None:
        return year
    if not 1 <= val.month <= 12:
        raise Unresolved(Code.W301_INVALID_DATE, f"month {val.month}")
    if val.day is None:
        return f"{year}-{val.month:02d}"
    last = calendar.monthrange(val.year if val.year is not None else 2000, val.month)[1]
    if not 1 <= val.day <= last:
        raise Unresolved(Code.W301_INVALID_DATE, f"{val.month}月{val.day}日")
    return f"{year}-{val.month:02d}-{val.day:02d}"


# --- records -------------------------------------------------------------------------------------


def _mention(text: str, mention_id: str, cand: Candidate, val: Value, value: str) -> DateMention:
    return DateMention(
        id=mention_id,
        start=cand.start,
        end=cand.end,
        surface=text[cand.start : cand.end],
        value=value,
        mod=cand.mod,
        part=cand.part,
        range=cand.range,
        flags=("era_overflow",) if val.overflow else (),
        resolved_from=val.resolved_from,
        era=val.era.name if val.era is not None else None,
        era_year=val.era_year if val.era is not None else None,
    )


def _known(ctx: Context, mention_id: str, cand: Candidate, val: Value) -> Known:
    """What the mention fixes for later ones (a century or decade fixes no year)."""
    exact = cand.century is None and cand.century_off is None and not cand.decade
    return Known(
        id=mention_id,
        year=val.year if exact else None,
        month=val.month if exact else None,
        day=val.day if exact else None,
        fiscal=val.fiscal,
        era=val.era,
        paragraph=ctx.paragraph(cand.start),
        dated=_dated(cand),
        deictic=_deictic(ctx.text, cand),
    )


def _dated(cand: Candidate) -> bool:
    """A month whose year its own surface states (来年の一月, 2010年5月), not copied (同年の五月)."""
    if cand.month is None and cand.month_rel != "doc":
        return False
    if cand.month_rel == "doc" or cand.year_rel == "doc":
        return True
    return cand.era is not None or cand.year is not None or cand.year2 is not None or cand.bare is not None


def _deictic(text: str, cand: Candidate) -> str | None:
    """本日, 昨日 ("kanji") and きょう, あす ("kana"): day words of the speaker's time."""
    if cand.day_rel != "doc" or cand.anchor is not None:
        return None
    return "kana" if text[cand.start] in "きあ" else "kanji"


def _warning(text: str, code: Code, cand: Candidate, detail: str) -> RecordWarning:
    surface = text[cand.start : cand.end]
    message = f"{MESSAGES[code]}: {surface} ({detail})"
    return RecordWarning(code=code.value, start=cand.start, end=cand.end, message=message)
