"""Dates: the table of written forms (pipeline/dates/forms.py) and the word tables it is built from.

Every group of FIRST belongs to one form, every form is reached by an example of it, and the
scan's lookahead lets each example through. The word tables carry their source and reasons.
"""

from __future__ import annotations

import pytest

from pipeline import tables
from pipeline.dates import lexicon
from pipeline.dates.forms import FORMS, grammar

# fmt: off
FORM_EXAMPLES = [
    ("compact_range_start", "平成26～30年度"), ("era_year", "平成22年"), ("era_initial", "H23年度"),
    ("western_with_era", "10(平成22)年"), ("same_era_year", "同23年"), ("relative_century", "今世紀"),
    ("century", "21世紀"), ("western_year", "2010年"), ("relative_year", "昨年"), ("kotoshi", "ことし"),
    ("last_december", "旧臘"), ("new_fiscal_year", "新年度"), ("relative_season", "今春"),
    ("relative_month", "先月"), ("month", "四月"), ("relative_day", "本日"), ("kana_day", "きのう"),
    ("prefixed_day", "翌二十八日"), ("day", "二十三日"), ("bare_part", "年度末"), ("season_alone", "秋には"),
]
# fmt: on
TABLES = [lexicon.LOOKALIKES, lexicon.CONTEXT, lexicon.GRAMMAR, lexicon.COMPOUNDS]


def test_dates_forms_every_group_belongs_to_a_form() -> None:
    first = grammar().first
    assert set(grammar().form_of_group) == set(first.groupindex.values())
    assert len({form.name for form in FORMS}) == len(FORMS)


@pytest.mark.parametrize(("name", "text"), FORM_EXAMPLES)
def test_dates_forms_each_form_reads_its_example(name: str, text: str) -> None:
    m = grammar().first.match(text)
    assert m is not None
    assert grammar().form_of_group[m.lastindex or 0].name == name


def test_dates_forms_examples_cover_the_table() -> None:
    assert [name for name, _ in FORM_EXAMPLES] == [form.name for form in FORMS]


@pytest.mark.parametrize("table", TABLES)
def test_dates_word_tables_have_sources_and_reasons(table: str) -> None:
    data = tables.load_json(table)
    assert data["source"] and data["description"]
    for key, entry in data.items():
        if isinstance(entry, dict):
            assert entry["reason"] and entry["words"], key


def test_dates_relative_words_cover_every_unit() -> None:
    units = {"year", "month", "day", "kana_day", "season", "century"}
    assert {row["unit"] for row in tables.rows(lexicon.RELATIVE_WORDS)} == units
    assert all(w.anchor in {"doc", "same", "next", "prev"} for unit in units for w in lexicon.relative_words(unit))
