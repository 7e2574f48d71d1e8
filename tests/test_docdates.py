"""Document dates in the forms metadata writes them: read as YYYY-MM-DD, or refused (pipeline/docdates.py)."""

from __future__ import annotations

import pytest

from pipeline.docdates import DateRefused, read_document_date

# fmt: off
READ = [
    ("2023/05/01", "2023-05-01"), ("2023/5/1", "2023-05-01"), ("2023.5.1", "2023-05-01"),
    ("2023.05.01", "2023-05-01"), ("2023-5-1", "2023-05-01"),
    ("令和5年5月1日", "2023-05-01"), ("令和元年5月1日", "2019-05-01"), ("令和五年五月一日", "2023-05-01"),
    ("平成31年4月30日", "2019-04-30"), ("2023年5月1日", "2023-05-01"), ("２０２３年５月１日", "2023-05-01"),
    ("令和5年5月1日（月）", "2023-05-01"), ("㍻23年6月21日", "2011-06-21"),
    ("R5.5.1", "2023-05-01"), ("R05.05.01", "2023-05-01"), ("H23.6.21", "2011-06-21"), ("S64/1/7", "1989-01-07"),
    ("R元.5.1", "2019-05-01"), ("令和5.5.1", "2023-05-01"), ("Ｒ５．５．１", "2023-05-01"),
    ("２０２３／０５／０１", "2023-05-01"), (" 2023-05-01 ", "2023-05-01"), ("2023-05-01\u3000", "2023-05-01"),
    # ISO 8601 with a time: the day as written, never converted to UTC
    ("2023-05-01T10:00:00+09:00", "2023-05-01"), ("2023-05-01T01:00:00+09:00", "2023-05-01"),
    ("2023-05-01T23:30:00-05:00", "2023-05-01"), ("2023-05-01 10:00", "2023-05-01"),
    ("2023-05-01T10:00:00Z", "2023-05-01"), ("20230501", "2023-05-01"),
]
REFUSED = [
    # no real day
    "2023/02/30", "2023-02-30", "2023.13.1", "令和5年2月30日", "R5.2.30",
    # not a day of the era
    "平成32年1月1日", "昭和64年1月8日", "H31.5.1", "R1.4.30", "令和元年4月30日", "H0.1.1",
    # not one day, or not a form read
    "2023年5月", "令和5年", "2023年5月1日頃", "05/01/2023", "1/5/2023", "23/05/01", "May 1, 2023",
    "2023/05/01/", "2023/05-01", "", "   ", "yesterday", "2023-05-01T25:00", "1" * 1000,
]
# fmt: on


@pytest.mark.parametrize(("written", "value"), READ)
def test_docdates_common_forms_are_read(written: str, value: str) -> None:
    date = read_document_date(written)
    assert date.value == value
    assert date.form is not None  # normalized: the reader reports it


def test_docdates_iso_day_is_taken_as_it_is() -> None:
    date = read_document_date("2023-05-01")
    assert (date.value, date.form) == ("2023-05-01", None)


@pytest.mark.parametrize("written", REFUSED)
def test_docdates_impossible_or_unreadable_dates_are_refused(written: str) -> None:
    with pytest.raises(DateRefused, match="date "):
        read_document_date(written)


@pytest.mark.parametrize("value", [20230501, None, ["2023-05-01"], {"y": 2023}, 2023.5])
def test_docdates_non_strings_are_refused(value: object) -> None:
    with pytest.raises(DateRefused, match="not a string"):
        read_document_date(value)


def test_docdates_refusals_say_why() -> None:
    with pytest.raises(DateRefused, match="no real day"):
        read_document_date("2023/02/30")
    with pytest.raises(DateRefused, match="not a day of 平成"):
        read_document_date("H31.5.1")
    with pytest.raises(DateRefused, match=r"in a form read \(YYYY-MM-DD, 2023/05/01"):
        read_document_date("05/01/2023")
