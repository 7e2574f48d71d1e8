"""The commitment stage's data files: loadable, every entry explained, types valid."""

from __future__ import annotations

import pytest

from pipeline import tables
from pipeline.commitments.lexicon import WORD_TABLES, load_lexicon, load_words
from pipeline.schema import CommitmentType

DATA_FILES = ("triggers.json", "countries.json", "parties.json")
WORD_FILES = tuple(f"{name}.json" for name in WORD_TABLES)


def _data(name: str) -> dict:
    return tables.load_json(f"commitments/{name}")


@pytest.mark.parametrize("name", DATA_FILES)
def test_commitments_data_has_source(name: str) -> None:
    assert _data(name).get("source")


def test_commitments_trigger_entries_have_type_and_reason() -> None:
    data = _data("triggers.json")
    for entry in data["predicates"]:
        assert entry["reason"], entry
        CommitmentType(entry["type"])
        for value in entry.get("object_types", {}).values():
            CommitmentType(value)
    for key, section in data.items():
        if isinstance(section, dict):
            assert section.get("reason"), key


def test_commitments_party_sections_have_reason() -> None:
    for key, section in _data("parties.json").items():
        if isinstance(section, dict):
            assert section.get("reason"), key
            assert section.get("entries"), key


def test_commitments_country_codes_are_iso_shaped() -> None:
    data = _data("countries.json")
    for table in ("names", "abbreviations", "organizations"):
        for name, code in data[table].items():
            assert len(code) == 2, (name, code)
            assert code.isupper(), (name, code)
    for name, code in data["international"].items():
        assert code.isascii(), (name, code)
        assert code.isupper(), (name, code)


def test_commitments_lexicon_loads_once() -> None:
    assert load_lexicon() is load_lexicon()
    assert load_lexicon().predicates["一致"].type is CommitmentType.AGREEMENT


@pytest.mark.parametrize("name", WORD_FILES)
def test_commitments_word_tables_have_source_and_reasons(name: str) -> None:
    data = _data(name)
    assert data.get("source")
    assert data.get("description")
    for key, section in data.items():
        if isinstance(section, dict):
            assert section.get("reason"), key
            assert section.get("words"), key
            assert len(set(section["words"])) == len(section["words"]), key


def test_commitments_words_load_once() -> None:
    words = load_words()
    assert words is load_words()
    assert "こと" in words.conjunctive_nouns
    # the first head noun a surface ends with wins: the specific one comes first
    assert words.head_nouns.index("首脳会談") < words.head_nouns.index("会談")
