"""Which calendar year a candidate names, kind by kind: era years, Western years, era-less years, relative years.

Each rule fills the year (and era, fiscal flag, ``resolved_from``) of a ``Value`` from the
candidate's surface and the ``Context``, or raises ``Unresolved``:

- an era year (平成22年, 10(平成22)年, 同23年) is checked against its era (overflow W302, impossible W301);
- a two-digit Western year (九八年, 一一年度) and an era-less year (二十七年十月, 23年度) take the
  reading closest to the reference year, among the centuries and eras that give a possible date;
- the end of a range or a list item takes the era or century of its start (平成6年、7年);
- 同年/翌年/前年 count from the latest mention, 本年/昨年/来年度/新年度 from the document date;
- a bare 年度末/年末 is the year or fiscal year in context.
"""

from __future__ import annotations

from pipeline.dates.antecedents import DOCUMENT_DATE, Context, Unresolved, Value, fiscal_year
from pipeline.dates.candidate import Candidate
from pipeline.dates.eras import Era, EraCheck, check_era_date, eras
from pipeline.dates.numerals import NumberStyle
from pipeline.errors import Code

__all__ = ["bare_year", "context_year", "era_year", "relative_year", "western_year"]

# How far past the reference year an era-less year may be read: plans (年度) look further ahead
# than dated events.
_AHEAD_FISCAL = 10
_AHEAD_DATED = 1

Reading = tuple[int, Era | None]  # a Gregorian year and the era it is read in (None: Western)


def era_year(ctx: Context, cand: Candidate, val: Value) -> None:
    """Years given by an era (平成22年, 10(平成22)年, 同23年, 09(同21)年)."""
    era = cand.era
    if cand.era_same:
        ante = ctx.latest("era")
        if ante is None or ante.era is None:
            if cand.year2 is None and cand.year is None:
                raise Unresolved(Code.W303_UNRESOLVED, "同 with no era-bearing mention before it")
            western_year(ctx, cand, val)
            return
        era = ante.era
        val.resolved_from = ante.id
    assert era is not None
    assert cand.era_year is not None
    check = check_era_date(era, cand.era_year, cand.month, cand.day, fiscal=cand.fiscal, written=ctx.doc)
    if check is EraCheck.IMPOSSIBLE:
        raise Unresolved(Code.W301_INVALID_DATE, f"not a day of {era.name}")
    if check is EraCheck.TOO_FAR:
        raise Unresolved(Code.W302_ERA_OVERFLOW, f"more than 10 years past the end of {era.name}")
    val.overflow = check is EraCheck.OVERFLOW
    val.era, val.era_year = era, cand.era_year
    val.year = era.to_western(cand.era_year)
    val.fiscal = cand.fiscal


def western_year(ctx: Context, cand: Candidate, val: Value) -> None:
    """2010年; a two-digit 九八年 from the range's start (一八二五年から五五年) or the closest reading."""
    if cand.year is not None:
        val.year = cand.year
    elif cand.year2 is not None and not _from_head(ctx, cand, cand.year2, val):
        year, era = _two_digit_year(ctx, cand, cand.year2)
        val.year = year
        if era is not None:
            val.era, val.era_year = era, cand.year2
    val.fiscal = cand.fiscal


def _two_digit_year(ctx: Context, cand: Candidate, yy: int) -> Reading:
    """A two-digit year: the century (or, for 二七年度, an era) closest to the reference."""
    ref = ctx.reference_year()
    if ref is None:
        ref = 2000 + yy if yy < 50 else 1900 + yy
    # Western readings may lie ahead (二一年七月にずれ込む, said in 2019); era readings may
    # not (that is what separates 平成 from 昭和 readings).
    options: list[Reading] = [(y, None) for y in (1900 + yy, 2000 + yy) if y <= ref + _AHEAD_FISCAL] or [
        (1900 + yy, None)
    ]
    if cand.year2_era:
        # An era reading of a digit-by-digit year (二七年度 = 平成27年度) is never more than
        # a year ahead: 一三から二一年度 said in 2023 is 2013, not 令和13 (2031).
        options += [o for o in _era_readings(cand, yy) if o[0] <= ref + _AHEAD_DATED]
    return min(options, key=lambda o: (abs(o[0] - ref), o[0]))


def _era_readings(cand: Candidate, n: int) -> list[Reading]:
    """Gregorian years of era year ``n`` in every era where it is a possible date."""
    return [
        (era.to_western(n), era)
        for era in eras()
        if check_era_date(era, n, cand.month, cand.day, fiscal=cand.fiscal) is EraCheck.OK
    ]


def _from_head(ctx: Context, cand: Candidate, n: int, val: Value) -> bool:
    """The end of a range or a list item: era or century from its start (平成6年、7年)."""
    head = ctx.head(cand)
    if head is None or head.year is None:
        return False
    val.resolved_from = head.id
    val.fiscal = cand.fiscal
    if head.era is not None:
        era = head.era
        check = check_era_date(era, n, cand.month, cand.day, fiscal=cand.fiscal, written=ctx.doc)
        if check in (EraCheck.IMPOSSIBLE, EraCheck.TOO_FAR):
            raise Unresolved(Code.W301_INVALID_DATE, f"{era.name}{n}年")
        val.overflow = check is EraCheck.OVERFLOW
        val.era, val.era_year, val.year = era, n, era.to_western(n)
    elif n < 100:
        year = head.year // 100 * 100 + n
        val.year = year + 100 if year < head.year else year
    else:
        val.year = n
    return True


def bare_year(ctx: Context, cand: Candidate, val: Value) -> None:
    """An era-less number: from the linked start of a range/list, else the closest reading."""
    assert cand.bare is not None
    n = cand.bare
    if _from_head(ctx, cand, n, val):
        return
    ref = ctx.reference_year()
    if ref is None:
        raise Unresolved(Code.W303_UNRESOLVED, "year without era and no context")
    ahead = _AHEAD_DATED if cand.month is not None else _AHEAD_FISCAL
    options = _era_readings(cand, n)
    if cand.bare_style is NumberStyle.ARABIC and 10 <= n < 100:
        options += [(1900 + n, None), (2000 + n, None)]
    options = [o for o in options if o[0] <= ref + ahead]
    if not options:
        raise Unresolved(Code.W303_UNRESOLVED, "year without era and no possible reading")
    year, best_era = min(options, key=lambda o: (abs(o[0] - ref), o[0]))
    val.year, val.era, val.era_year = year, best_era, (n if best_era is not None else None)
    val.fiscal = cand.fiscal
    if ctx.doc is not None:
        val.resolved_from = DOCUMENT_DATE


def relative_year(ctx: Context, cand: Candidate, val: Value) -> None:
    """同年/翌年/前年(度) from the latest mention; 本年/昨年/来年度 from the document date."""
    off = cand.year_off
    val.fiscal = cand.fiscal
    if cand.year_rel == "doc":
        doc = ctx.document_date("relative to the document date, which is unknown")
        base = fiscal_year(doc) if cand.fiscal else doc.year
        if cand.new_fiscal:
            # 新年度: the fiscal year about to start (January-March) or just started (April-
            # June); from July on, budget talk of 新年度 is about the next one.
            base, off = (doc.year, 0) if doc.month <= 6 else (doc.year + 1, 0)
        val.year = base + off
        val.resolved_from = DOCUMENT_DATE
        return
    ante = ctx.latest("year")
    if ante is None or ante.year is None:
        raise Unresolved(Code.W303_UNRESOLVED, "no earlier date to count from")
    val.year = ante.year + off
    val.resolved_from = ante.id


def context_year(ctx: Context, cand: Candidate, val: Value) -> None:
    """Bare 年度末 / 年末: the year or fiscal year in context, else the document's."""
    fiscal = cand.context_part == "fiscal"
    val.fiscal = fiscal
    ante = ctx.latest("year", ctx.paragraph(cand.start))
    if ante is not None and ante.year is not None and (ante.fiscal or not fiscal):
        val.year, val.resolved_from = ante.year, ante.id
        return
    doc = ctx.document_date("年度末 with no year in context")
    val.year = fiscal_year(doc) if fiscal else doc.year
    val.resolved_from = DOCUMENT_DATE
