"""The era table (data/eras.json) and 和暦 arithmetic: era years, overflow, rendering.

An era year N of era E is the Gregorian year ``E.start.year + N - 1`` (元年 = 1). ANNOTATION.md
(Dates, rule 6): an era year past the era's end within 10 years is converted arithmetically and
flagged ``era_overflow`` (plans written before the next era was named: 平成32年, 平成35年度,
昭和64年1月8日); further than that it is not a date. A fiscal year is no overflow when it began
inside the era (平成31年度 began on 2019-04-01, in 平成).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from pipeline.dates.numerals import to_kanji_positional

__all__ = [
    "ERAS",
    "MAX_OVERFLOW_YEARS",
    "Era",
    "EraCheck",
    "check_era_date",
    "era_by_name",
    "era_of",
    "to_wareki",
]

DATA = Path(__file__).resolve().parent / "data" / "eras.json"

# ANNOTATION.md: "more than 10 years past the end is not a date".
MAX_OVERFLOW_YEARS = 10


@dataclass(frozen=True, slots=True)
class Era:
    """One era: its name, its one-character ligature (㍻), its first and last days."""

    name: str
    ligature: str
    start: dt.date
    end: dt.date | None

    @property
    def last_year(self) -> int | None:
        """The era year in which the era ended (昭和 64), None for the current era."""
        return None if self.end is None else self.end.year - self.start.year + 1

    def to_western(self, era_year: int) -> int:
        """Gregorian year of era year ``era_year`` (arithmetic, also past the era's end)."""
        return self.start.year + era_year - 1


def _load(path: Path = DATA) -> tuple[Era, ...]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    eras = []
    for item in raw["eras"]:
        end = dt.date.fromisoformat(item["end"]) if item["end"] else None
        eras.append(Era(item["name"], item["ligature"], dt.date.fromisoformat(item["start"]), end))
    return tuple(eras)


ERAS: tuple[Era, ...] = _load()
_BY_NAME: dict[str, Era] = {e.name: e for e in ERAS} | {e.ligature: e for e in ERAS}


def era_by_name(name: str) -> Era | None:
    """The era called ``name`` (平成) or written as its ligature (㍻)."""
    return _BY_NAME.get(name)


@cache
def era_of(day: dt.date) -> Era | None:
    """The era a day falls in (None before 明治 began)."""
    for era in reversed(ERAS):
        if day >= era.start:
            return era
    return None


class EraCheck(StrEnum):
    """What a 和暦 date is with respect to its era's span."""

    OK = "ok"
    OVERFLOW = "era_overflow"  # past the end, converted arithmetically and flagged
    TOO_FAR = "too_far"  # more than MAX_OVERFLOW_YEARS past the end: not a date
    IMPOSSIBLE = "impossible"  # before the era began, era year 0, or a month after the era ended


def check_era_date(
    era: Era,
    era_year: int,
    month: int | None = None,
    day: int | None = None,
    *,
    fiscal: bool = False,
    written: dt.date | None = None,
) -> EraCheck:
    """Place ``era`` ``era_year`` (年度 when ``fiscal``), with an optional month and day, in its era.

    - 元年 before the era's first day (平成元年1月7日, 令和元年4月) is impossible; a fiscal
      year is fine whenever it overlaps the era (令和元年度).
    - In the era's last year, a month after the month it ended is impossible (昭和64年2月: by
      then the new era was in use), unless the text was ``written`` before the era ended (a
      2016 plan for 平成31年10月): then it is an overflow like any later year. A day after the
      era's last day in that month is an overflow (昭和64年1月8日).
    - A later year is an overflow up to MAX_OVERFLOW_YEARS, beyond that not a date.
    """
    if era_year < 1:
        return EraCheck.IMPOSSIBLE
    year = era.to_western(era_year)
    # 明治 was applied to the whole of 慶応4年 (lunisolar), so its 元年 has no first-day check.
    first_year_early = month is not None and (month, day or 31) < (era.start.month, era.start.day)
    if era_year == 1 and not fiscal and era is not ERAS[0] and first_year_early:
        return EraCheck.IMPOSSIBLE
    last = era.last_year
    if last is None or era.end is None:
        return EraCheck.OK
    if era_year > last:
        return EraCheck.OVERFLOW if era_year - last <= MAX_OVERFLOW_YEARS else EraCheck.TOO_FAR
    if era_year < last:
        return EraCheck.OK
    # The era's last year.
    if fiscal:
        # The fiscal year begins on April 1: no overflow when that day is still inside the era.
        return EraCheck.OK if dt.date(year, 4, 1) <= era.end else EraCheck.OVERFLOW
    if month is None or month < era.end.month:
        return EraCheck.OK
    if month > era.end.month:
        return EraCheck.OVERFLOW if written is not None and written <= era.end else EraCheck.IMPOSSIBLE
    if day is not None and day > era.end.day:
        return EraCheck.OVERFLOW
    return EraCheck.OK


def to_wareki(
    day: dt.date,
    *,
    kanji: bool = False,
    gannen: bool = True,
    precision: str = "day",
) -> str:
    """Render a Gregorian day as 和暦 text: 平成22年11月13日, 平成二十二年十一月十三日, 令和元年5月1日.

    ``precision`` is ``"year"``, ``"month"`` or ``"day"``. Used by the tests' round-trip property
    (render, then ``find_dates``). Raises ValueError before 明治.
    """
    era = era_of(day)
    if era is None:
        raise ValueError(f"{day} is before the era table starts")
    era_year = day.year - era.start.year + 1

    def num(value: int) -> str:
        return to_kanji_positional(value) if kanji else str(value)

    text = era.name + ("元" if era_year == 1 and gannen else num(era_year)) + "年"
    if precision in ("month", "day"):
        text += num(day.month) + "月"
    if precision == "day":
        text += num(day.day) + "日"
    return text
