"""Accuracy never regresses: the pipeline is scored against the gold fixtures and every score must
stay at or above its floor in tests/fixtures/thresholds/<stage>.json (overall, per genre, per document).

Floors only go up; raise them in a commit of their own, a little below the measured score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import evaluate, load_gold
from pipeline.jsonl import read_jsonl
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

FLOOR_FILES = sorted((FIXTURES / "thresholds").glob("*.json"))


def _floors() -> list[tuple[str, str, str, float]]:
    rows = []
    for path in FLOOR_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for metric, floor in data.get("overall", {}).items():
            rows.append((path.stem, "overall", metric, float(floor)))
        for genre, metrics in data.get("per_genre", {}).items():
            for metric, floor in metrics.items():
                rows.append((path.stem, f"genre:{genre}", metric, float(floor)))
        for doc_id, metrics in data.get("per_doc", {}).items():
            for metric, floor in metrics.items():
                rows.append((path.stem, doc_id, metric, float(floor)))
    return rows


@pytest.fixture(scope="module")
def scores(fixture_run: Path) -> dict[str, Any]:
    return evaluate(read_jsonl(fixture_run), load_gold(FIXTURES / "gold"))


def test_regression_floors_exist() -> None:
    assert _floors(), "no floors recorded in tests/fixtures/thresholds/"


@pytest.mark.parametrize(("stage", "scope", "metric", "floor"), _floors())
def test_regression_score_stays_above_floor(
    scores: dict[str, Any], stage: str, scope: str, metric: str, floor: float
) -> None:
    if scope == "overall":
        table = scores["overall"]
    elif scope.startswith("genre:"):
        table = scores["per_genre"][scope.removeprefix("genre:")]
    else:
        table = scores["per_doc"][scope]
    assert metric in table, f"{metric} is not a score key"
    value = table[metric]
    assert value is not None and value >= floor, f"{stage}: {scope} {metric} = {value} < floor {floor}"
