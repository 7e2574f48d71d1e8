"""The trigger rules' words (pipeline/data/commitments/trigger_words.json) and their typed accessor."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields

import pytest

from pipeline import tables
from pipeline.commitments.triggers import REQUEST_VERBS
from pipeline.commitments.triggers.words import FILE, PLACEHOLDER, TriggerWords, pattern_source, trigger_words
from tests.conftest import ROOT

DATA = tables.load_json(FILE)
CLASSES = {k: v for k, v in DATA.items() if k not in ("source", "description", "patterns")}


def test_commitments_trigger_words_have_source_and_description() -> None:
    assert DATA["source"]
    assert DATA["description"]


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_commitments_trigger_word_class_has_reason_and_unique_words(name: str) -> None:
    entry = CLASSES[name]
    assert set(entry) == {"reason", "words"}
    assert entry["reason"]
    assert entry["words"]
    assert len(set(entry["words"])) == len(entry["words"])


@pytest.mark.parametrize("name", sorted(DATA["patterns"]))
def test_commitments_trigger_pattern_has_reason_and_compiles(name: str) -> None:
    entry = DATA["patterns"][name]
    assert set(entry) == {"reason", "pattern"}
    assert entry["reason"]
    re.compile(pattern_source(name))


def test_commitments_every_word_class_is_read() -> None:
    read = {f.name for f in fields(TriggerWords)}
    placeholders = {m.group(1) for p in DATA["patterns"].values() for m in PLACEHOLDER.finditer(p["pattern"])}
    assert set(CLASSES) | set(DATA["patterns"]) == read | placeholders
    assert placeholders <= set(CLASSES)


def test_commitments_trigger_words_load_once_and_typed() -> None:
    words = trigger_words()
    assert words is trigger_words()
    assert words.negation == frozenset(CLASSES["negation"]["words"])
    assert words.koto == tuple(CLASSES["koto"]["words"])
    assert words.object_particle == CLASSES["object_particle"]["words"][0]


def test_commitments_pattern_placeholders_keep_file_order() -> None:
    # the speaker words fill both speaker patterns, in file order, between their own extra words
    speaker = "|".join(CLASSES["speaker_words"]["words"])
    assert trigger_words().speaker_side.pattern == speaker + "|当省|本省"
    assert trigger_words().speaker_topic.pattern.startswith("^(?:" + speaker + "|防衛省|外務省)")
    assert trigger_words().continued_pledge.pattern.startswith("^(?:" + "|".join(CLASSES["frame_nouns"]["words"]) + ")")


def test_commitments_request_verbs_is_the_data_class() -> None:
    assert frozenset(REQUEST_VERBS) == trigger_words().request_verbs
    assert "求める" in REQUEST_VERBS
    assert "合意" not in REQUEST_VERBS
    assert frozenset(CLASSES["request_verbs"]["words"]) == REQUEST_VERBS


def test_commitments_importing_the_triggers_loads_no_data() -> None:
    code = (
        "import pipeline.commitments.triggers as t\n"
        "from pipeline.commitments.triggers.words import trigger_words\n"
        "assert trigger_words.cache_info().currsize == 0\n"
        "assert '求める' in t.REQUEST_VERBS\n"
        "assert trigger_words.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
