"""The era table (pipeline/data/eras.json) and 和暦 arithmetic: era years, overflow, rendering.

An era year N of era E is the Gregorian year ``E.start.year + N - 1`` (元年 = 1). ANNOTATION.md
(Dates, rule 6): an era year past the era's end within 10 years is converted arithmetically and
flagged ``era_overflow`` (plans written before the next era was named: 平成32年, 平成35年度,
昭和64年1月8日); further than that it is not a date. A fiscal year is no overflow when it began
inside the era (平成31年度 began on 2019-04-01, in 平成).

The table is the one source of era names, ligatures (㍻) and initials (H) for the whole pipeline:
the date patterns are built from it (``era_alternation``) and other stages ask ``era_names()``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum

from pipeline import tables
from pipeline.dates.numerals import to_kanji_positional

__all__ = [
    "MAX_OVERFLOW_YEARS",
    "TABLE",
    "Era",
    "EraCheck",
    "check_era_date",
    "era_alternation",
    "era_by_initial",
    "era_by_name",
    "era_names",
    "era_of",
    "eras",
    "to_wareki",
]

TABLE = "eras.json"

# ANNOTATION.md: "more than 10 years past the end is not a date".
MAX_OVERFLOW_YEARS = 10
# Full-width Latin letters are their ASCII letters shifted by this much (Ｈ = H + 0xFEE0).
_FULL_WIDTH_SHIFT = 0xFEE0


@dataclass(frozen=True, slots=True)
class Era:
    """One era: its name, its one-character ligature (㍻), its initial (H), its first and last days."""

    name: str
    ligature: str
    start: dt.date
    end: dt.date | None
    initial: str = ""

    @property
    def last_year(self) -> int | None:
        """The era year in which the era ended (昭和 64), None for the current era."""
        return None if self.end is None else self.end.year - self.start.year + 1

    def to_western(self, era_year: int) -> int:
        """Gregorian year of era year ``era_year`` (arithmetic, also past the era's end)."""
        return self.start.year + era_year - 1


@dataclass(frozen=True, slots=True)
class _Eras:
    eras: tuple[Era, ...]
    by_name: dict[str, Era]  # names and ligatures
    by_initial: dict[str, Era]  # initials, half- and full-width


@functools.cache
def _table() -> _Eras:
    eras = []
    for item in tables.load_json(TABLE)["eras"]:
        end = dt.date.fromisoformat(item["end"]) if item["end"] else None
        start = dt.date.fromisoformat(item["start"])
        eras.append(Era(item["name"], item["ligature"], start, end, item["initial"]))
    by_initial = {e.initial: e for e in eras} | {_full_width(e.initial): e for e in eras}
    return _Eras(tuple(eras), {e.name: e for e in eras} | {e.ligature: e for e in eras}, by_initial)


def _full_width(letter: str) -> str:
    return chr(ord(letter) + _FULL_WIDTH_SHIFT)


def eras() -> tuple[Era, ...]:
    """The eras from 明治 on, oldest first."""
    return _table().eras


def era_names() -> frozenset[str]:
    """The era names (明治 … 令和), for stages that must tell an era from a name."""
    return frozenset(e.name for e in _table().eras)


def era_by_name(name: str) -> Era | None:
    """The era called ``name`` (平成) or written as its ligature (㍻)."""
    return _table().by_name.get(name)


def era_by_initial(letter: str) -> Era | None:
    """The era whose initial is ``letter`` (H, or full-width Ｈ: 平成)."""
    return _table().by_initial.get(letter)


def era_alternation() -> str:
    """A regex alternation of every way to write an era: its names, longest first, then its ligatures."""
    table = _table().eras
    names = sorted((e.name for e in table), key=len, reverse=True)
    return "(?:" + "|".join(names) + "|[" + "".join(e.ligature for e in table) + "])"


def era_initials() -> str:
    """The era initials, half-width then full-width (MTSHRＭＴＳＨＲ), for a character class."""
    letters = "".join(e.initial for e in _table().eras)
    return letters + "".join(map(_full_width, letters))


def era_first_characters() -> str:
    """The characters an era can start with: first characters of the names, then the ligatures."""
    table = _table().eras
    return "".join(dict.fromkeys(e.name[0] for e in table)) + "".join(e.ligature for e in table)


@functools.cache
def era_of(day: dt.date) -> Era | None:
    """The era a day falls in (None before 明治 began)."""
    for era in reversed(_table().eras):
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
    if era_year < 1 or (era_year == 1 and not fiscal and _before_first_day(era, month, day)):
        return EraCheck.IMPOSSIBLE
    last = era.last_year
    if last is None or era.end is None or era_year < last:
        return EraCheck.OK
    if era_year > last:
        return EraCheck.OVERFLOW if era_year - last <= MAX_OVERFLOW_YEARS else EraCheck.TOO_FAR
    return _in_last_year(era.end, month, day, fiscal=fiscal, written=written)


def _before_first_day(era: Era, month: int | None, day: int | None) -> bool:
    """A month (and day) of 元年 before the era began (平成元年1月7日)."""
    # 明治 was applied to the whole of 慶応4年 (lunisolar), so its 元年 has no first-day check.
    if era is _table().eras[0] or month is None:
        return False
    return (month, day or 31) < (era.start.month, era.start.day)


def _in_last_year(
    end: dt.date, month: int | None, day: int | None, *, fiscal: bool, written: dt.date | None
) -> EraCheck:
    """A date of the era's last year (昭和64年1月8日 overflows, 昭和64年2月 is impossible)."""
    if fiscal:
        # The fiscal year begins on April 1: no overflow when that day is still inside the era.
        return EraCheck.OK if dt.date(end.year, 4, 1) <= end else EraCheck.OVERFLOW
    if month is None or month < end.month:
        return EraCheck.OK
    if month > end.month:
        return EraCheck.OVERFLOW if written is not None and written <= end else EraCheck.IMPOSSIBLE
    if day is not None and day > end.day:
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
