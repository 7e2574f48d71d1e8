"""The gold fixtures themselves: exact offsets, the right text, consistent references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import TEST
from pipeline.documents import Document, read_documents
from pipeline.evaluate import load_gold, text_sha256
from tests.conftest import FIXTURES
from tests.spans import offset_errors

GOLD = load_gold(FIXTURES / "gold")
TEXTS = {d.doc_id: d.text for d in read_documents([FIXTURES / "raw"]) if isinstance(d, Document)}
SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "pipeline" / "data" / "record.schema.json").read_text())


def test_gold_every_fixture_has_its_document() -> None:
    assert set(GOLD) == set(TEXTS)
    assert TEST.stages  # the fixture run uses every stage


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_gold_offsets_and_text(doc_id: str) -> None:
    gold = GOLD[doc_id]
    assert gold["text_sha256"] == text_sha256(TEXTS[doc_id])
    assert offset_errors({**gold, "text": TEXTS[doc_id]}) == []


def _without(item: dict, key: str) -> dict:
    return {k: v for k, v in item.items() if k != key}


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_gold_items_follow_the_record_schema(doc_id: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    record = {
        "schema_version": 2,
        "doc_id": doc_id,
        "text": TEXTS[doc_id],
        "meta": {},
        "source": {"path": "x", "line": None, "sha256": "0" * 64, "encoding": "utf-8"},
        "sentences": [],
        "warnings": [],
        "dates": GOLD[doc_id]["dates"],
        "entities": [_without(e, "optional") for e in GOLD[doc_id]["entities"]],
        "commitments": [_without(c, "optional") for c in GOLD[doc_id]["commitments"]],
    }
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(record)]
    assert errors == []


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_gold_references_resolve(doc_id: str) -> None:
    gold = GOLD[doc_id]
    dates = {d["id"]: d for d in gold["dates"]}
    entities = {e["id"]: e for e in gold["entities"]}
    assert len(dates) == len(gold["dates"]) and len(entities) == len(gold["entities"])
    for d in gold["dates"]:
        assert d["resolved_from"] in (None, "document_date") or d["resolved_from"] in dates
    for c in gold["commitments"]:
        assert set(c["actor"]["entities"]) <= set(entities)
        assert c["start"] <= c["trigger"]["start"] and c["trigger"]["end"] <= c["end"]
        if c["recipient"]:
            assert set(c["recipient"]["entities"]) <= set(entities)
        if c["speaker"] and c["speaker"]["entity_id"]:
            assert entities[c["speaker"]["entity_id"]]["label"] == "PERSON"
        if c["date"] and c["date"]["date_id"]:
            # equal, or coarser for an occasion dated by a range (2021-04 from 四月十五日から…)
            assert dates[c["date"]["date_id"]]["value"].startswith(c["date"]["value"])
        if c["venue"]:
            venue = entities[c["venue"]["entity_id"]]
            assert venue["label"] in ("EVENT", "DOCUMENT")
            assert venue["surface"] == c["venue"]["surface"]


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_gold_has_a_genre_and_one_key_per_person(doc_id: str) -> None:
    gold = GOLD[doc_id]
    assert gold.get("genre") in ("whitepaper", "diet", "mofa", "speech")
    keys: dict[str, set[str]] = {}
    for e in gold["entities"]:
        if e["label"] == "PERSON" and e.get("key"):
            assert e["key"].startswith("person:")
            keys.setdefault(e["surface"], set()).add(e["key"])
    # one surface, one person within a document
    assert {s: k for s, k in keys.items() if len(k) > 1} == {}
