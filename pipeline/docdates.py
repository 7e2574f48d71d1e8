"""Document dates as metadata writes them: read into the contract's ``YYYY-MM-DD``, or refused.

The contract's form is ISO ``YYYY-MM-DD``, taken as it is. Metadata from other sources writes the
same day in other ways, and each of these is read, normalized and reported (a warning, W305):

- slashes, dots or hyphens: ``2023/05/01``, ``2023/5/1``, ``2023.5.1``, ``2023-5-1``;
- an era and its year, in the 年月日 form (kanji numerals too: 令和五年五月一日, 令和元年5月1日,
  a Western 2023年5月1日) or with separators (``令和5.5.1``), or the era's initial (JIS X 0301:
  ``R5.5.1``, ``H31/4/30``, ``R元.5.1``);
- an ISO 8601 date or date and time: ``2023-05-01T10:00:00+09:00``, ``2023-05-01 10:00``,
  ``20230501``. The day is the one written: the time and the offset are dropped, never converted
  (``2023-05-01T01:00+09:00`` is 2023-05-01, though it is still April 30 in UTC);
- any of these in full-width characters or with spaces around (``２０２３／５／１``): NFKC first.

Refused (E108), as before: a value that is none of these (``05/01/2023``: which is the month?),
not a string, or no real day (``2023-02-30``, ``令和5年2月30日``, an era year past its era's end,
``平成32年1月1日``, or before it began). The 年月日 forms are read by the dates stage itself
(``find_dates``, which knows every way of writing them), and the era names and initials come from
its era table, so no word is written here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.dates.eras import (
    Era,
    EraCheck,
    check_era_date,
    era_alternation,
    era_by_initial,
    era_by_name,
    era_initials,
)

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# What the refusal says can be read.
FORMS = "YYYY-MM-DD, 2023/05/01, 2023.5.1, 令和5年5月1日, R5.5.1, 2023-05-01T10:00:00+09:00"
_SEPARATED = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})")
_FIRST_YEAR = "元"  # 元年: an era's first year
# No form read is longer (令和元年十二月三十一日（火曜日） is 16): a longer value is not scanned.
MAX_CHARS = 64


@functools.cache
def _era_separated() -> re.Pattern[str]:
    """An era name or initial, its year (or 元), then month and day with one separator."""
    return re.compile(
        rf"(?P<era>{era_alternation()}|[{era_initials()}])\s*(?P<year>\d{{1,2}}|{_FIRST_YEAR})"
        r"(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    )


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """A document date read: the day, and the form it was written in (None for ``YYYY-MM-DD`` itself)."""

    day: dt.date
    form: str | None = None

    @property
    def value(self) -> str:
        """The contract's form, ``YYYY-MM-DD``."""
        return self.day.isoformat()


class DateRefused(ValueError):
    """A document date that is not one, or names no real day: the reason is the message."""


def _day(year: int, month: int, day: int, written: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateRefused(f"date {written!r} names no real day") from None


def _separated(text: str) -> dt.date | None:
    match = _SEPARATED.fullmatch(text)
    if match is None:
        return None
    return _day(int(match[1]), int(match[3]), int(match[4]), text)


def _era(written: str) -> Era | None:
    return era_by_name(written) or era_by_initial(written.upper())


def _era_numbers(text: str) -> dt.date | None:
    match = _era_separated().fullmatch(text)
    if match is None:
        return None
    era = _era(match["era"])
    if era is None:
        return None
    year = 1 if match["year"] == _FIRST_YEAR else int(match["year"])
    month, day = int(match["month"]), int(match["day"])
    if check_era_date(era, year, month, day) is not EraCheck.OK:
        raise DateRefused(f"date {text!r} is not a day of {era.name} ({era.start} to {era.end or 'now'})")
    return _day(era.to_western(year), month, day, text)


def _written_out(text: str) -> dt.date | None:
    """The 年月日 forms, as the dates stage reads them: one whole-day mention, nothing else."""
    from pipeline.dates import find_dates

    found = find_dates(text, document_date=None)
    if len(found.dates) != 1 or found.dates[0].start != 0 or found.dates[0].end != len(text):
        if found.warnings:
            raise DateRefused(f"date {text!r}: {found.warnings[0].message}")
        return None
    date = found.dates[0]
    if found.warnings or date.flags:
        reason = found.warnings[0].message if found.warnings else ", ".join(date.flags)
        raise DateRefused(f"date {text!r}: {reason}")
    if date.mod or date.part or date.range or not ISO_DAY.fullmatch(date.value):
        raise DateRefused(f"date {text!r} is {date.value}, not one day")
    return dt.date.fromisoformat(date.value)


def _iso_8601(text: str) -> dt.date | None:
    """Other ISO 8601 forms: a date and a time (the day as written), the basic ``20230501``."""
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.fromisoformat(t).date()):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


READERS: tuple[tuple[str, Callable[[str], dt.date | None]], ...] = (
    ("year/month/day", _separated),
    ("era and numbers", _era_numbers),
    ("written out", _written_out),
    ("ISO 8601 (a date and time, or another form)", _iso_8601),
)


def read_document_date(value: Any) -> DocumentDate:
    """The day a document date names; raise ``DateRefused`` when it names none (see the module)."""
    if not isinstance(value, str):
        raise DateRefused(f"date {value!r} is not a string")
    if ISO_DAY.fullmatch(value):
        return DocumentDate(_day(int(value[:4]), int(value[5:7]), int(value[8:]), value))
    text = unicodedata.normalize("NFKC", value).strip()
    if ISO_DAY.fullmatch(text):
        return DocumentDate(_day(int(text[:4]), int(text[5:7]), int(text[8:]), value), "full-width or spaced")
    if len(text) <= MAX_CHARS:
        for form, reader in READERS:
            day = reader(text)
            if day is not None:
                return DocumentDate(day, form)
    raise DateRefused(f"date {value!r} is not in a form read ({FORMS})")


__all__ = ["FORMS", "DateRefused", "DocumentDate", "read_document_date"]
