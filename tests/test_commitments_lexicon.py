"""The commitment stage's data files: loadable, every entry explained, types valid."""

from __future__ import annotations

import pytest

from pipeline import tables
from pipeline.commitments.lexicon import load_lexicon
from pipeline.schema import CommitmentType

DATA_FILES = ("triggers.json", "countries.json", "parties.json")


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
