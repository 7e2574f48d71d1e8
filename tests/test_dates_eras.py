"""Dates: the era table (pipeline/data/eras.json) and 和暦 arithmetic."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pipeline import tables
from pipeline.dates.eras import (
    TABLE,
    EraCheck,
    check_era_date,
    era_alternation,
    era_by_initial,
    era_by_name,
    era_names,
    era_of,
    eras,
    to_wareki,
)

ERAS = eras()


def test_dates_era_table_has_sources_and_day_boundaries() -> None:
    raw = tables.load_json(TABLE)
    assert raw["source"]
    assert all(item["source"] for item in raw["eras"])
    starts = {e.name: e.start.isoformat() for e in ERAS}
    # ANNOTATION.md, Dates, rule 6.
    assert starts == {
        "明治": "1868-01-25", "大正": "1912-07-30", "昭和": "1926-12-25", "平成": "1989-01-08",
        "令和": "2019-05-01",
    }  # fmt: skip


def test_dates_eras_are_contiguous() -> None:
    for before, after in itertools.pairwise(ERAS):
        assert before.end is not None
        assert before.end + dt.timedelta(days=1) == after.start
    assert ERAS[-1].end is None


def test_dates_era_last_years() -> None:
    assert [e.last_year for e in ERAS] == [45, 15, 64, 31, None]


@pytest.mark.parametrize(
    ("day", "era", "year"),
    [
        (dt.date(1989, 1, 7), "昭和", 64), (dt.date(1989, 1, 8), "平成", 1),
        (dt.date(2019, 4, 30), "平成", 31), (dt.date(2019, 5, 1), "令和", 1),
        (dt.date(1926, 12, 24), "大正", 15), (dt.date(1926, 12, 25), "昭和", 1),
        (dt.date(1912, 7, 29), "明治", 45), (dt.date(1912, 7, 30), "大正", 1),
        (dt.date(1868, 1, 25), "明治", 1),
    ],
)  # fmt: skip
def test_dates_era_of_boundary_days(day: dt.date, era: str, year: int) -> None:
    found = era_of(day)
    assert found is not None
    assert (found.name, day.year - found.start.year + 1) == (era, year)


def test_dates_era_before_the_table() -> None:
    assert era_of(dt.date(1868, 1, 24)) is None
    with pytest.raises(ValueError, match="before the era table"):
        to_wareki(dt.date(1800, 1, 1))


def test_dates_era_ligatures() -> None:
    assert [era_by_name(e.ligature) for e in ERAS] == list(ERAS)


# fmt: off
CHECKS = [
    ("平成", 31, None, None, False, None, EraCheck.OK),
    ("平成", 31, 4, 30, False, None, EraCheck.OK),
    ("平成", 31, 5, None, False, None, EraCheck.IMPOSSIBLE),
    ("平成", 31, 10, None, False, dt.date(2016, 9, 26), EraCheck.OVERFLOW),   # written before the end
    ("平成", 31, None, None, True, None, EraCheck.OK),                        # FY2019 began in 平成
    ("平成", 32, None, None, False, None, EraCheck.OVERFLOW),
    ("平成", 41, None, None, False, None, EraCheck.OVERFLOW),
    ("平成", 42, None, None, False, None, EraCheck.TOO_FAR),
    ("昭和", 64, 1, 7, False, None, EraCheck.OK),
    ("昭和", 64, 1, 8, False, None, EraCheck.OVERFLOW),
    ("昭和", 64, 2, None, False, None, EraCheck.IMPOSSIBLE),
    ("昭和", 64, None, None, True, None, EraCheck.OVERFLOW),                  # FY1989 began in 平成
    ("平成", 1, 1, 7, False, None, EraCheck.IMPOSSIBLE),
    ("平成", 1, 1, None, False, None, EraCheck.OK),
    ("令和", 1, 4, None, False, None, EraCheck.IMPOSSIBLE),
    ("令和", 1, None, None, True, None, EraCheck.OK),                         # 令和元年度
    ("令和", 99, None, None, False, None, EraCheck.OK),                       # the current era has no end
    ("明治", 1, 1, 1, False, None, EraCheck.OK),                              # lunisolar 明治元年1月1日
    ("大正", 0, None, None, False, None, EraCheck.IMPOSSIBLE),
]
# fmt: on


@pytest.mark.parametrize(("era", "year", "month", "day", "fiscal", "written", "expected"), CHECKS)
def test_dates_check_era_date(
    era: str, year: int, month: int | None, day: int | None, fiscal: bool, written: dt.date | None,
    expected: EraCheck,
) -> None:
    found = era_by_name(era)
    assert found is not None
    assert check_era_date(found, year, month, day, fiscal=fiscal, written=written) is expected


@pytest.mark.parametrize(
    ("day", "kanji", "gannen", "expected"),
    [
        (dt.date(2010, 11, 13), False, True, "平成22年11月13日"),
        (dt.date(2010, 11, 13), True, True, "平成二十二年十一月十三日"),
        (dt.date(2019, 5, 1), False, True, "令和元年5月1日"),
        (dt.date(2019, 5, 1), True, False, "令和一年五月一日"),
        (dt.date(1989, 1, 7), False, True, "昭和64年1月7日"),
    ],
)
def test_dates_to_wareki(day: dt.date, kanji: bool, gannen: bool, expected: str) -> None:
    assert to_wareki(day, kanji=kanji, gannen=gannen) == expected


def test_dates_era_names_come_from_the_table() -> None:
    assert era_names() == {"明治", "大正", "昭和", "平成", "令和"}
    assert era_alternation() == "(?:明治|大正|昭和|平成|令和|[㍾㍽㍼㍻㋿])"
    assert [era_by_initial(letter) for letter in "MTSHR"] == list(ERAS)
    assert [era_by_initial(letter) for letter in "ＭＴＳＨＲ"] == list(ERAS)
