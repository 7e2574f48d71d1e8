"""Dates: hypothesis properties.

- Offsets: on any text (and on text made of date characters), every mention and warning lies in the
  text, ``text[start:end] == surface``, mentions are in order without overlap, ids are d0, d1, ...
  and ``resolved_from`` names an earlier mention or the document date.
- Round trip: any day from the first day of 明治 on, rendered as a 和暦 string (Arabic or kanji
  numerals, 元年 or 1年, to the year, month or day, inside a sentence) reads back as that day;
  era boundary days are checked explicitly. The same for 年度 and for Western dates.
- Numerals: kanji renderings read back as the same number.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.dates import find_dates
from pipeline.dates.eras import Era, EraCheck, check_era_date, era_of, eras, to_wareki
from pipeline.dates.numerals import NumberStyle, parse_number, to_kanji_digits, to_kanji_positional

ERAS = eras()

FIRST_DAY = ERAS[0].start
DATE_CHARS = (
    "0123456789０１２３４５６７８９〇○一二三四五六七八九十百千元年月日度代世紀春夏秋冬"
    "平成昭和令明治大正同翌前本今昨来去再先末初頭半ば上中下旬()（）〜～~-から以来降後前まで、。の\n "
    "周間ぶり毎第市西暦曜火水木金土"
)
DOC_DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2090, 12, 31)))


def _check_invariants(text: str, doc: dt.date | None) -> None:
    result = find_dates(text, document_date=doc)
    previous_end = 0
    for index, mention in enumerate(result.dates):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        assert mention.start >= previous_end
        previous_end = mention.end
        assert mention.id == f"d{index}"
        if mention.resolved_from not in (None, "document_date"):
            assert int(mention.resolved_from[1:]) < index
    for warning in result.warnings:
        assert warning.start is not None
        assert warning.end is not None
        assert 0 <= warning.start < warning.end <= len(text)
    assert find_dates(text, document_date=doc) == result  # deterministic


@given(st.text(), DOC_DATES)
def test_dates_offsets_on_any_text(text: str, doc: dt.date | None) -> None:
    _check_invariants(text, doc)


@given(st.text(alphabet=DATE_CHARS, max_size=60), DOC_DATES)
@example("10(平成22)年、09(同21)年11月13日、同年5月28日", dt.date(2012, 7, 31))
@example("四月二十三日から二十五日まで、翌二十八日", dt.date(2014, 5, 13))
@example("平成26～30年度、2011年4〜6月", None)
def test_dates_offsets_on_date_like_text(text: str, doc: dt.date | None) -> None:
    _check_invariants(text, doc)


BOUNDARY_DAYS = [
    dt.date(1868, 1, 25), dt.date(1912, 7, 29), dt.date(1912, 7, 30), dt.date(1926, 12, 24),
    dt.date(1926, 12, 25), dt.date(1989, 1, 7), dt.date(1989, 1, 8), dt.date(2019, 4, 30),
    dt.date(2019, 5, 1), dt.date(1989, 12, 31), dt.date(2019, 12, 31),
]  # fmt: skip
CONTEXTS = st.sampled_from(
    [("", ""), ("", "に"), ("。", "、"), ("（", "）"), ("は", "の会合で"), ("\n", "\n")]
)


def _expected_value(day: dt.date, precision: str) -> str:
    return {"year": f"{day.year:04d}", "month": day.isoformat()[:7], "day": day.isoformat()}[precision]


@given(
    st.dates(min_value=FIRST_DAY, max_value=dt.date(2100, 12, 31)),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["year", "month", "day"]),
    CONTEXTS,
)
def test_dates_wareki_round_trip(
    day: dt.date, kanji: bool, gannen: bool, precision: str, context: tuple[str, str]
) -> None:
    surface = to_wareki(day, kanji=kanji, gannen=gannen, precision=precision)
    text = context[0] + surface + context[1]
    result = find_dates(text)
    assert [(m.surface, m.value) for m in result.dates] == [(surface, _expected_value(day, precision))]
    era = era_of(day)
    assert era is not None
    assert result.dates[0].era == era.name
    assert result.dates[0].era_year == day.year - era.start.year + 1
    assert result.dates[0].flags == ()
    assert result.warnings == ()


def test_dates_wareki_round_trip_on_era_boundaries() -> None:
    for day in BOUNDARY_DAYS:
        for kanji in (False, True):
            for gannen in (False, True):
                for precision in ("year", "month", "day"):
                    surface = to_wareki(day, kanji=kanji, gannen=gannen, precision=precision)
                    result = find_dates(surface)
                    got = [(m.surface, m.value) for m in result.dates]
                    assert got == [(surface, _expected_value(day, precision))], surface


@given(st.sampled_from(ERAS), st.integers(min_value=1, max_value=64), st.booleans())
def test_dates_fiscal_year_round_trip(era: Era, era_year: int, kanji: bool) -> None:
    check = check_era_date(era, era_year, fiscal=True)
    number = "元" if era_year == 1 else (to_kanji_positional(era_year) if kanji else str(era_year))
    text = f"{era.name}{number}年度予算"
    result = find_dates(text)
    if check is EraCheck.TOO_FAR:
        assert result.dates == ()
        return
    assert [m.value for m in result.dates] == [f"FY{era.to_western(era_year)}"]
    assert result.dates[0].flags == (("era_overflow",) if check is EraCheck.OVERFLOW else ())


@given(
    st.dates(min_value=dt.date(1100, 1, 1), max_value=dt.date(2199, 12, 31)),
    st.sampled_from(["ascii", "wide", "kanji"]),
)
def test_dates_western_round_trip(day: dt.date, style: str) -> None:
    def num(value: int) -> str:
        if style == "ascii":
            return str(value)
        if style == "wide":
            return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        return to_kanji_digits(value) if value >= 1000 else to_kanji_positional(value)

    surface = f"{num(day.year)}年{num(day.month)}月{num(day.day)}日"
    result = find_dates(f"、{surface}に")
    assert [(m.surface, m.value) for m in result.dates] == [(surface, day.isoformat())]


@given(st.integers(min_value=1, max_value=9999))
def test_dates_positional_kanji_round_trip(value: int) -> None:
    # 一..九 alone are digits whichever way they are read.
    style = NumberStyle.KANJI_POSITIONAL if value >= 10 else NumberStyle.KANJI_DIGITS
    assert parse_number(to_kanji_positional(value)) == (value, style)


@given(st.integers(min_value=0, max_value=9999))
def test_dates_kanji_digits_round_trip(value: int) -> None:
    parsed = parse_number(to_kanji_digits(value))
    assert parsed is not None
    assert parsed[0] == value
