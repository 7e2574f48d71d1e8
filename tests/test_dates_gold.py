"""Dates against the gold fixtures, without GiNZA: the dates stage alone, scored by pipeline.evaluate.

The floors are those of tests/fixtures/thresholds/dates.json (which the slow full-pipeline
regression test also enforces); the seed's 15 dates must all come out with exact value and mod.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pipeline.dates import find_dates
from pipeline.documents import Document, document_date, read_documents
from pipeline.evaluate import evaluate, load_gold
from pipeline.record import to_record
from pipeline.schema import Extraction
from tests.conftest import FIXTURES

GOLD = load_gold(FIXTURES / "gold")
DOCS = {d.doc_id: d for d in read_documents([FIXTURES / "raw"]) if isinstance(d, Document)}
FLOORS = json.loads((FIXTURES / "thresholds" / "dates.json").read_text(encoding="utf-8"))
SEED = "000_78a5285e60ebba0f"


def _record(doc: Document) -> dict[str, Any]:
    found = find_dates(doc.text, document_date=document_date(doc))
    return to_record(Extraction(document=doc, dates=found.dates, warnings=found.warnings))


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    return {doc_id: _record(doc) for doc_id, doc in DOCS.items()}


@pytest.fixture(scope="module")
def scores(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return evaluate(records.values(), GOLD)


def _floor_rows() -> list[tuple[str, str, float]]:
    rows = [("overall", metric, floor) for metric, floor in FLOORS["overall"].items()]
    for doc_id, metrics in FLOORS["per_doc"].items():
        rows += [(doc_id, metric, floor) for metric, floor in metrics.items()]
    return rows


@pytest.mark.parametrize(("scope", "metric", "floor"), _floor_rows())
def test_dates_gold_above_floor(scores: dict[str, Any], scope: str, metric: str, floor: float) -> None:
    table = scores["overall"] if scope == "overall" else scores["per_doc"][scope]
    assert table[metric] is not None
    assert table[metric] >= floor, f"{scope} {metric} = {table[metric]} < {floor}"


def test_dates_seed_all_fifteen_exact(records: dict[str, dict[str, Any]]) -> None:
    want = [(d["start"], d["end"], d["value"], d["mod"]) for d in GOLD[SEED]["dates"]]
    got = [(d["start"], d["end"], d["value"], d["mod"]) for d in records[SEED]["dates"]]
    assert len(want) == 15
    assert got == want


def test_dates_gold_no_warnings_on_fixtures(records: dict[str, dict[str, Any]]) -> None:
    assert {doc_id: r["warnings"] for doc_id, r in records.items()} == {doc_id: [] for doc_id in records}
