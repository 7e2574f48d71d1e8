"""Dates of acts without GiNZA: whether a period contains a day, or begins after the document date."""

from __future__ import annotations

import pytest

from pipeline.commitments.dating import after, contains

# fmt: off
CONTAINS_TESTS = [
    ("FY2014", "2014-05-13", True),
    ("FY2014", "2015-03-31", True),
    ("FY2014", "2014-03-31", False),
    ("2014", "2014-05-13", True),
    ("2014-05", "2014-05-13", True),
    ("2014-06", "2014-05-13", False),
    ("2014-05-13", "2014-05-13", False),
]

# (period, document date, whether the period begins after it): 本年夏 said in April is not when
# the act took place
AFTER_TESTS = [
    ("2021-SU", "2021-04-20", True),
    ("2021-05-01", "2021-04-20", True),
    ("2021-04", "2021-04-20", False),
    ("FY2021", "2021-04-20", False),
    ("2021", "2021-04-20", False),
    ("2021-SU", None, False),
]
# fmt: on


@pytest.mark.parametrize(("period", "day", "expected"), CONTAINS_TESTS)
def test_commitments_period_contains(period: str, day: str, expected: bool) -> None:
    assert contains(period, day) is expected


@pytest.mark.parametrize(("period", "doc_date", "expected"), AFTER_TESTS)
def test_commitments_period_after_the_document(period: str, doc_date: str | None, expected: bool) -> None:
    assert after(period, doc_date) is expected
