"""Resolution: turn recognized candidates into calendar values, in text order.

Rules (ANNOTATION.md, Dates, Resolution):

- 同年/同月/同日/同年度 copy what they need from the most recent preceding mention that has it
  (across sentences); 同N年 and YY(同N)年 take the era of the most recent era-bearing mention.
- 翌/前 (翌年, 翌日, 翌二十八日, 前年度 ...) count from the most recent mention; 本/今/昨/来
  (本年, 昨年十月, 来年度, 先月, 今春, 本日 ...) from the document date.
- A month or day written alone takes its year (and month) from the most recent mention of the
  same paragraph; without one, from the document date (the nearest such day to it, so that a
  speech of 2015-01-20 reading 十二月二十日 means 2014-12-20); without a document date, from the
  most recent mention anywhere; else the year stays ``XXXX``. Inside a fiscal-year context
  (the antecedent is a 年度), January-March belong to the next calendar year.
- The end of a range (or a list item) inherits the era, century, year and month it leaves out
  from its start (平成23年度〜27年度 -> FY2015, 2011年4月〜6月 -> 2011-06).
- An era-less year number (二十七年十月, 23年度, 九八年) is read as the reading closest to the
  reference year (the document date, else the most recent mention) among the eras and centuries
  that give a possible date.

Impossible dates become W301 warnings, era overflows W302 (the mention is kept and flagged unless
it is more than 10 years past the era), unresolvable relative dates W303; they are never silently
converted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline import tables
from pipeline.dates.candidate import Candidate
from pipeline.dates.eras import Era, EraCheck, check_era_date, eras
from pipeline.dates.numerals import NumberStyle
from pipeline.errors import MESSAGES, Code
from pipeline.schema import DateMention, DateMod, RecordWarning

__all__ = ["resolve"]

DOCUMENT_DATE = "document_date"


@dataclass(frozen=True)
class _Event:
    date: dt.date
    cues: tuple[str, ...]

    @property
    def month(self) -> int:
        return self.date.month

    @property
    def day(self) -> int:
        return self.date.day


_EVENTS: tuple[_Event, ...] = tuple(
    _Event(dt.date.fromisoformat(e["date"]), tuple(e["cues"]))
    for e in tables.load_json("dates/events.json")["events"]
)
# What may stand between the day and the event's name: 九月十一日の米国における同時多発テロ,
# 九月十一日に米国で発生した同時多発テロ, 三月十一日に発生した東日本大震災.
_EVENT_CONNECTOR = re.compile(
    r"(?:に|の)?(?:(?:米国|アメリカ|合衆国|米国本土)(?:に(?:おける|おいて)|で|の)?)?"
    r"(?:(?:発生|起き|起こっ|起こ)(?:した|た))?(?:の)?"
)
# How far past the reference year an era-less year may be read: plans (年度) look further ahead
# than dated events.
_AHEAD_FISCAL = 10
_AHEAD_DATED = 1


@dataclass(frozen=True, slots=True)
class _Known:
    """What an emitted mention fixes on the calendar, for later mentions to inherit."""

    id: str
    year: int | None  # calendar year (for a fiscal year: the year it begins)
    month: int | None
    day: int | None
    fiscal: bool
    era: Era | None
    paragraph: int
    # A month whose year its own surface gives (来年の一月, 2010年5月), not one inherited.
    dated: bool = False
    # A day word anchored to the speaker's time (本日, 昨日, きょう, あす): "kanji" or "kana".
    deictic: str | None = None


class _Unresolved(Exception):
    """A relative date with no antecedent (W303) or an impossible one (W301/W302)."""

    def __init__(self, code: Code, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(slots=True)
class _Value:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    fiscal: bool = False
    era: Era | None = None
    era_year: int | None = None
    resolved_from: str | None = None
    overflow: bool = False


def _fiscal_year(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class _Resolver:
    def __init__(self, text: str, candidates: Sequence[Candidate], document_date: dt.date | None) -> None:
        self.text = text
        self.candidates = candidates
        self.doc = document_date
        self.known: list[_Known] = []
        self.by_index: dict[int, _Known] = {}
        self.mentions: list[DateMention] = []
        self.warnings: list[RecordWarning] = []

    # --- antecedents ---------------------------------------------------------------------------

    def _latest(self, need: str, paragraph: int | None = None, skip: tuple[str, ...] = ()) -> _Known | None:
        """The most recent known mention that has ``need`` (year, month, day or era).

        ``skip``: deictic day words not to count (``"kanji"``: 本日, 昨日; ``"kana"``: きょう,
        きのう, あす, which the Diet record also writes inside reported speech).
        """
        for known in reversed(self.known):
            if paragraph is not None and known.paragraph != paragraph:
                return None
            if known.deictic is not None and known.deictic in skip:
                continue
            if getattr(known, need) is not None:
                return known
        return None

    def _reference_year(self) -> int | None:
        if self.doc is not None:
            return self.doc.year
        latest = self._latest("year")
        return latest.year if latest is not None else None

    # --- the parts of a value ------------------------------------------------------------------

    def _era_year(self, cand: Candidate, val: _Value) -> None:
        """Years given by an era (平成22年, 10(平成22)年, 同23年, 09(同21)年)."""
        era = cand.era
        if cand.era_same:
            ante = self._latest("era")
            if ante is None or ante.era is None:
                if cand.year2 is None and cand.year is None:
                    raise _Unresolved(Code.W303_UNRESOLVED, "同 with no era-bearing mention before it")
                self._western(cand, val)
                return
            era = ante.era
            val.resolved_from = ante.id
        assert era is not None
        assert cand.era_year is not None
        check = check_era_date(era, cand.era_year, cand.month, cand.day, fiscal=cand.fiscal, written=self.doc)
        if check is EraCheck.IMPOSSIBLE:
            raise _Unresolved(Code.W301_INVALID_DATE, f"not a day of {era.name}")
        if check is EraCheck.TOO_FAR:
            raise _Unresolved(Code.W302_ERA_OVERFLOW, f"more than 10 years past the end of {era.name}")
        val.overflow = check is EraCheck.OVERFLOW
        val.era, val.era_year = era, cand.era_year
        val.year = era.to_western(cand.era_year)
        val.fiscal = cand.fiscal

    def _western(self, cand: Candidate, val: _Value) -> None:
        if cand.year is not None:
            val.year = cand.year
        elif cand.year2 is not None and self._from_head(cand, cand.year2, val):
            pass  # 一八二五年から五五年: the century of the range's start
        elif cand.year2 is not None:
            # A two-digit year: the century (or, for 二七年度, an era) closest to the reference.
            yy = cand.year2
            ref = self._reference_year()
            if ref is None:
                ref = 2000 + yy if yy < 50 else 1900 + yy
            # Western readings may lie ahead (二一年七月にずれ込む, said in 2019); era readings may
            # not (that is what separates 平成 from 昭和 readings).
            options: list[tuple[int, Era | None]] = [
                (y, None) for y in (1900 + yy, 2000 + yy) if y <= ref + _AHEAD_FISCAL
            ] or [(1900 + yy, None)]
            if cand.year2_era:
                # An era reading of a digit-by-digit year (二七年度 = 平成27年度) is never more than
                # a year ahead: 一三から二一年度 said in 2023 is 2013, not 令和13 (2031).
                options += [o for o in self._era_readings(cand, yy) if o[0] <= ref + _AHEAD_DATED]
            year, era = min(options, key=lambda o: (abs(o[0] - ref), o[0]))
            val.year = year
            if era is not None:
                val.era, val.era_year = era, yy
        val.fiscal = cand.fiscal

    def _era_readings(self, cand: Candidate, n: int) -> list[tuple[int, Era | None]]:
        """Gregorian years of era year ``n`` in every era where it is a possible date."""
        return [
            (era.to_western(n), era)
            for era in eras()
            if check_era_date(era, n, cand.month, cand.day, fiscal=cand.fiscal) is EraCheck.OK
        ]

    def _from_head(self, cand: Candidate, n: int, val: _Value) -> bool:
        """The end of a range or a list item: era or century from its start (平成6年、7年)."""
        if cand.link is None or cand.link not in self.by_index:
            return False
        head = self.by_index[cand.link]
        if head.year is None:
            return False
        val.resolved_from = head.id
        val.fiscal = cand.fiscal
        if head.era is not None:
            era = head.era
            check = check_era_date(era, n, cand.month, cand.day, fiscal=cand.fiscal, written=self.doc)
            if check in (EraCheck.IMPOSSIBLE, EraCheck.TOO_FAR):
                raise _Unresolved(Code.W301_INVALID_DATE, f"{era.name}{n}年")
            val.overflow = check is EraCheck.OVERFLOW
            val.era, val.era_year, val.year = era, n, era.to_western(n)
        elif n < 100:
            year = head.year // 100 * 100 + n
            val.year = year + 100 if year < head.year else year
        else:
            val.year = n
        return True

    def _bare_year(self, cand: Candidate, val: _Value) -> None:
        """An era-less number: from the linked start of a range/list, else the closest reading."""
        assert cand.bare is not None
        n = cand.bare
        if self._from_head(cand, n, val):
            return
        ref = self._reference_year()
        if ref is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "year without era and no context")
        ahead = _AHEAD_DATED if cand.month is not None else _AHEAD_FISCAL
        options = self._era_readings(cand, n)
        if cand.bare_style is NumberStyle.ARABIC and 10 <= n < 100:
            options += [(1900 + n, None), (2000 + n, None)]
        options = [o for o in options if o[0] <= ref + ahead]
        if not options:
            raise _Unresolved(Code.W303_UNRESOLVED, "year without era and no possible reading")
        year, best_era = min(options, key=lambda o: (abs(o[0] - ref), o[0]))
        val.year, val.era, val.era_year = year, best_era, (n if best_era is not None else None)
        val.fiscal = cand.fiscal
        if self.doc is not None:
            val.resolved_from = DOCUMENT_DATE

    def _relative_year(self, cand: Candidate, val: _Value) -> None:
        """同年/翌年/前年(度) from the latest mention; 本年/昨年/来年度 from the document date."""
        rel, off = cand.year_rel, cand.year_off
        val.fiscal = cand.fiscal
        if rel == "doc":
            if self.doc is None:
                raise _Unresolved(Code.W303_UNRESOLVED, "relative to the document date, which is unknown")
            base = _fiscal_year(self.doc) if cand.fiscal else self.doc.year
            if cand.new_fiscal:
                # 新年度: the fiscal year about to start (January-March) or just started (April-
                # June); from July on, budget talk of 新年度 is about the next one.
                base, off = (self.doc.year, 0) if self.doc.month <= 6 else (self.doc.year + 1, 0)
            val.year = base + off
            val.resolved_from = DOCUMENT_DATE
            return
        ante = self._latest("year")
        if ante is None or ante.year is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "no earlier date to count from")
        val.year = ante.year + off
        val.resolved_from = ante.id

    def _event_year(self, cand: Candidate) -> int | None:
        """The year of a day-named event that follows the month-day (九月十一日テロ, 三月十一日の震災)."""
        if cand.month is None or cand.day is None:
            return None
        after = _EVENT_CONNECTOR.match(self.text, cand.end)
        rest = self.text[after.end() if after else cand.end :]
        for event in _EVENTS:
            if (event.month, event.day) != (cand.month, cand.day) or not rest.startswith(event.cues):
                continue
            if self.doc is None or event.date <= self.doc:
                return event.date.year
        return None

    def _inherit_year(self, cand: Candidate, val: _Value) -> None:
        """A month or day alone: the year (and month) from context or the document date."""
        if (year := self._event_year(cand)) is not None:
            val.year = year
            return
        need = "month" if cand.month is None and cand.month_rel is None else "year"
        ante: _Known | None = None
        # A day word anchored to the speaker's time is no antecedent here: a month or day alone
        # takes the nearest reading to the document date instead (きのう…十二月十六日 said in
        # February is last December, not this one).
        deictic = ("kanji", "kana")
        if cand.next_after and (latest := self._latest("year", skip=deictic)) is not None and latest.year is not None:
            # 翌5月1日: the first 5月1日 after the antecedent (2019年4月30日 → 2019-05-01).
            year = latest.year
            if latest.month is not None and (cand.month or 0, cand.day or 0) <= (latest.month, latest.day or 0):
                year += 1
            val.year, val.resolved_from = year, latest.id
            return
        if cand.link is not None and cand.link in self.by_index:
            ante = self.by_index[cand.link]
        elif cand.deixis is None or self.doc is None:
            paragraph = self._paragraph(cand.start)
            ante = self._latest(need, paragraph, skip=deictic)
            if ante is None and self.doc is None:
                ante = self._latest(need)
        if ante is not None and ante.year is not None:
            month = cand.month if cand.month is not None else ante.month
            year = ante.year
            if ante.fiscal and ante.month is None and month is not None and month <= 3:
                year = ante.year + 1  # 平成23年度 ... 1月: January 2012
            if cand.link is not None or not self._far_ahead(year, month) or ante.dated:
                val.resolved_from = ante.id
                val.year = year
                if cand.month is None:
                    val.month = month
                return
        if self.doc is not None:
            val.resolved_from = DOCUMENT_DATE
            val.year, month = self._nearest_to_document(cand.month, cand.day, cand.mod, cand.deixis)
            if cand.month is None:
                val.month = month
            return
        # Neither context nor document date: the year stays unknown (XXXX-04-30).
        if cand.month is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "a day alone with no month in context")

    def _far_ahead(self, year: int, month: int | None) -> bool:
        """Whether an inherited month lies more than a year after the document date.

        Such a reading gives way to the document date unless its antecedent is itself a month
        whose year is written (来年の一月から…六月から, 来年一月の市長選挙、十一月の知事選挙): a
        year or fiscal year alone (a plan year, 来年度, 二〇二五年) is a target that a speech names
        before the month of its own next step (二〇二五年…戦略を五月までに策定, 来年度予算…八月の
        概算要求, 令和八年度…一月二十四日に試算した). Over the whole Diet and speech corpora there
        are 21 such readings: the rule keeps two (both right) and sends 19 to the document date (18
        right; the last is wrong either way); sending all of them there got 18 of 21.
        """
        if self.doc is None or month is None:
            return False
        return (year * 12 + month) - (self.doc.year * 12 + self.doc.month) > 12

    def _nearest_to_document(
        self, month: int | None, day: int | None, mod: DateMod | None, deixis: str | None = None
    ) -> tuple[int, int]:
        """The (year, month) nearest to the document date for a month and/or day alone.

        Speeches mostly report what happened, so a later day counts as half again as far as an
        earlier one (五月一日 said in November is last May); ``以来`` never looks ahead, and
        ``まで(に)`` looks ahead as readily as back (三月までに said in November is next March).
        """
        assert self.doc is not None
        doc = self.doc
        ahead_weight = 1.0 if mod is DateMod.ON_OR_BEFORE else 1.5
        # (year, month, signed distance: in days when a day is given, else in months)
        candidates: list[tuple[int, int, int]] = []
        if month is not None:
            for year in (doc.year - 1, doc.year, doc.year + 1):
                if day is None:
                    candidates.append((year, month, (year * 12 + month) - (doc.year * 12 + doc.month)))
                else:
                    d = min(day, calendar.monthrange(year, month)[1])
                    candidates.append((year, month, (dt.date(year, month, d) - doc).days))
        else:
            assert day is not None
            for delta in (-1, 0, 1):
                year, m = _add_months(doc.year, doc.month, delta)
                if day <= calendar.monthrange(year, m)[1]:
                    candidates.append((year, m, (dt.date(year, m, day) - doc).days))
        best: tuple[float, int, int] | None = None
        for year, m, signed in candidates:
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

    def _month_day(self, cand: Candidate, val: _Value) -> None:
        """Months and days: written, relative (同月, 翌日, 先月, 本日, 翌二十八日) or inherited."""
        if cand.month is not None:
            val.month = cand.month
        if cand.month_rel is not None:
            rel, off = cand.month_rel, cand.month_off
            if rel == "doc":
                if self.doc is None:
                    raise _Unresolved(Code.W303_UNRESOLVED, "relative to the document date, which is unknown")
                val.year, val.month = _add_months(self.doc.year, self.doc.month, off)
                val.resolved_from = DOCUMENT_DATE
            else:
                ante = self._latest("month")
                if ante is None or ante.year is None or ante.month is None:
                    raise _Unresolved(Code.W303_UNRESOLVED, "no earlier month to count from")
                val.year, val.month = _add_months(ante.year, ante.month, off)
                val.resolved_from = ante.id
        if cand.day is not None and cand.day_rel is None:
            val.day = cand.day
        if cand.day_rel is not None:
            self._relative_day(cand, val)

    def _relative_day(self, cand: Candidate, val: _Value) -> None:
        rel = cand.day_rel
        if rel == "doc":
            if self.doc is None:
                raise _Unresolved(Code.W303_UNRESOLVED, "relative to the document date, which is unknown")
            day = self.doc + dt.timedelta(days=cand.day_off)
            val.year, val.month, val.day = day.year, day.month, day.day
            val.resolved_from = DOCUMENT_DATE
            return
        if rel in ("same", "next", "prev"):
            ante = self._latest("day", skip=("kana",))
            if ante is None or ante.year is None or ante.month is None or ante.day is None:
                raise _Unresolved(Code.W303_UNRESOLVED, "no earlier day to count from")
            day = dt.date(ante.year, ante.month, ante.day) + dt.timedelta(days=cand.day_off)
            val.year, val.month, val.day = day.year, day.month, day.day
            val.resolved_from = ante.id
            return
        # 翌二十八日 (the next 28th after the antecedent), 同二十九日 (the 29th of its month).
        ante = self._latest("month")
        if ante is None or ante.year is None or ante.month is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "no earlier month for the day")
        year, month = ante.year, ante.month
        if rel == "next_n" and ante.day is not None and cand.day is not None and cand.day <= ante.day:
            year, month = _add_months(year, month, 1)
        val.year, val.month, val.day = year, month, cand.day
        val.resolved_from = ante.id

    # --- one candidate --------------------------------------------------------------------------

    def _paragraph(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def _value(self, cand: Candidate) -> _Value:
        val = _Value()
        if cand.month is not None and not 1 <= cand.month <= 12:
            raise _Unresolved(Code.W301_INVALID_DATE, f"month {cand.month}")
        if cand.day is not None and not 1 <= cand.day <= 31:
            raise _Unresolved(Code.W301_INVALID_DATE, f"day {cand.day}")
        if cand.anchor is not None and not cand.has_year_info:
            self._from_anchor(cand, cand.anchor, val)
            return val
        if cand.season is not None and not cand.has_year_info and cand.link is not None:
            # 秋には after ことしの春に: the year of the dated mention it continues.
            head = self.by_index.get(cand.link)
            if head is None or head.year is None:
                raise _Unresolved(Code.W303_UNRESOLVED, "a season alone with no year in context")
            val.year, val.resolved_from = head.year, head.id
            return val
        if cand.era is not None or cand.era_same:
            self._era_year(cand, val)
        elif cand.year is not None or cand.year2 is not None:
            self._western(cand, val)
        elif cand.bare is not None:
            self._bare_year(cand, val)
        elif cand.year_rel is not None:
            self._relative_year(cand, val)
        elif cand.context_part is not None:
            self._context_year(cand, val)
        elif cand.century is not None or cand.century_off is not None:
            return val
        self._month_day(cand, val)
        written_alone = cand.month is not None or cand.day is not None
        if val.year is None and written_alone and cand.month_rel is None and cand.day_rel is None:
            self._inherit_year(cand, val)
        return val

    def _from_anchor(self, cand: Candidate, anchor: Candidate, val: _Value) -> None:
        """本日十七日, 翌日三十日, 今月十一月十五日: the explicit part, placed by the relative word."""
        base = self._value(anchor)
        if base.year is None or base.month is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "relative word with no value")
        val.year, val.month, val.resolved_from = base.year, base.month, base.resolved_from
        if cand.month is not None:
            val.month = cand.month
        elif base.day is not None and cand.day is not None and cand.day != base.day:
            # The explicit day wins; its month is the one that puts it nearest the relative day.
            here = dt.date(base.year, base.month, base.day)
            options = []
            for delta in (-1, 0, 1):
                year, month = _add_months(base.year, base.month, delta)
                if cand.day <= calendar.monthrange(year, month)[1]:
                    options.append((abs((dt.date(year, month, cand.day) - here).days), year, month))
            if options:
                _, val.year, val.month = min(options)
        val.day = cand.day

    def _context_year(self, cand: Candidate, val: _Value) -> None:
        """Bare 年度末 / 年末: the year or fiscal year in context, else the document's."""
        fiscal = cand.context_part == "fiscal"
        val.fiscal = fiscal
        ante = self._latest("year", self._paragraph(cand.start))
        if ante is not None and ante.year is not None and (ante.fiscal or not fiscal):
            val.year, val.resolved_from = ante.year, ante.id
            return
        if self.doc is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "年度末 with no year in context")
        val.year = _fiscal_year(self.doc) if fiscal else self.doc.year
        val.resolved_from = DOCUMENT_DATE

    def _format(self, cand: Candidate, val: _Value) -> str:
        if cand.century is not None:
            return f"{cand.century - 1:02d}XX"
        if cand.century_off is not None:
            if self.doc is None:
                raise _Unresolved(Code.W303_UNRESOLVED, "今世紀 with no document date")
            return f"{self.doc.year // 100 + cand.century_off:02d}XX"
        if val.year is None and val.month is None:
            raise _Unresolved(Code.W303_UNRESOLVED, "nothing to place on the calendar")
        if cand.decade:
            assert val.year is not None
            return f"{val.year // 10}X"
        if val.fiscal and val.month is None:
            return f"FY{val.year}"
        if cand.season is not None:
            return f"{val.year}-{cand.season}"
        year = "XXXX" if val.year is None else f"{val.year:04d}"
        if val.month is None:
            return year
        if not 1 <= val.month <= 12:
            raise _Unresolved(Code.W301_INVALID_DATE, f"month {val.month}")
        if val.day is None:
            return f"{year}-{val.month:02d}"
        last = calendar.monthrange(val.year if val.year is not None else 2000, val.month)[1]
        if not 1 <= val.day <= last:
            raise _Unresolved(Code.W301_INVALID_DATE, f"{val.month}月{val.day}日")
        return f"{year}-{val.month:02d}-{val.day:02d}"

    @staticmethod
    def _dated(cand: Candidate) -> bool:
        """A month whose year its own surface states (来年の一月, 2010年5月), not copied (同年の五月)."""
        if cand.month is None and cand.month_rel != "doc":
            return False
        if cand.month_rel == "doc" or cand.year_rel == "doc":
            return True
        return cand.era is not None or cand.year is not None or cand.year2 is not None or cand.bare is not None

    def _deictic(self, cand: Candidate) -> str | None:
        if cand.day_rel != "doc" or cand.anchor is not None:
            return None
        return "kana" if self.text[cand.start] in "きあ" else "kanji"

    def _warn(self, code: Code, cand: Candidate, detail: str) -> None:
        surface = self.text[cand.start : cand.end]
        message = f"{MESSAGES[code]}: {surface} ({detail})"
        self.warnings.append(RecordWarning(code=code.value, start=cand.start, end=cand.end, message=message))

    def run(self) -> tuple[list[DateMention], list[RecordWarning]]:
        for index, cand in enumerate(self.candidates):
            try:
                val = self._value(cand)
                value = self._format(cand, val)
            except _Unresolved as exc:
                self._warn(exc.code, cand, exc.detail)
                continue
            flags: tuple[str, ...] = ()
            if val.overflow:
                flags = ("era_overflow",)
                self._warn(Code.W302_ERA_OVERFLOW, cand, f"read as {value}")
            mention = DateMention(
                id=f"d{len(self.mentions)}",
                start=cand.start,
                end=cand.end,
                surface=self.text[cand.start : cand.end],
                value=value,
                mod=cand.mod,
                part=cand.part,
                range=cand.range,
                flags=flags,
                resolved_from=val.resolved_from,
                era=val.era.name if val.era is not None else None,
                era_year=val.era_year if val.era is not None else None,
            )
            self.mentions.append(mention)
            exact = cand.century is None and cand.century_off is None and not cand.decade
            known = _Known(
                id=mention.id,
                year=val.year if exact else None,
                month=val.month if exact else None,
                day=val.day if exact else None,
                fiscal=val.fiscal,
                era=val.era,
                paragraph=self._paragraph(cand.start),
                dated=self._dated(cand),
                deictic=self._deictic(cand),
            )
            self.known.append(known)
            self.by_index[index] = known
        self.warnings.sort(key=lambda w: (w.start or 0, w.code))
        return self.mentions, self.warnings


def resolve(
    text: str,
    candidates: Sequence[Candidate],
    document_date: dt.date | None,
) -> tuple[list[DateMention], list[RecordWarning]]:
    """Values for ``candidates`` (in text order) and the warnings for those that are not dates."""
    return _Resolver(text, candidates, document_date).run()
