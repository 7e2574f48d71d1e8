"""The per-item diff counts what `evaluate` counts: on every gold fixture and on made-up cases."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate import SCORE_NAMES, diff_document, evaluate, load_gold, text_sha256
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def scored() -> tuple[dict, dict, dict]:
    gold = load_gold(FIXTURES / "gold")
    records = {}
    for line in (FIXTURES / "expected" / "fixtures.records.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        records[record["doc_id"]] = record
    return gold, records, evaluate(records.values(), gold)


def test_evaluate_diff_counts_equal_evaluate_on_every_gold_document(scored: tuple[dict, dict, dict]) -> None:
    gold, records, scores = scored
    assert set(gold) <= set(records)
    for doc_id, fixture in gold.items():
        counts = diff_document(fixture, records[doc_id]).counts()
        doc_scores = scores["per_doc"][doc_id]
        for layer, name in SCORE_NAMES.items():
            c = counts[layer]
            assert c["missed"] == doc_scores[f"{name}_fn"], (doc_id, layer)
            assert c["spurious"] == doc_scores[f"{name}_fp"], (doc_id, layer)
            assert c["matched"] + c["mismatched"] == doc_scores[f"{name}_tp"], (doc_id, layer)


def test_evaluate_diff_every_item_appears_once(scored: tuple[dict, dict, dict]) -> None:
    gold, records, _ = scored
    for doc_id, fixture in gold.items():
        diff = diff_document(fixture, records[doc_id])
        for layer in ("dates", "entities", "commitments"):
            preds = sorted(i.pred for i in diff.items if i.layer == layer and i.pred is not None)
            golds = sorted(i.gold for i in diff.items if i.layer == layer and i.gold is not None)
            assert preds == list(range(len(records[doc_id][layer])))
            assert golds == list(range(len(fixture[layer])))


def test_evaluate_diff_mismatches_are_the_accuracies_that_fail(scored: tuple[dict, dict, dict]) -> None:
    gold, records, scores = scored
    wrong_type = sum(
        1
        for doc_id, fixture in gold.items()
        for item in diff_document(fixture, records[doc_id]).items
        if "type" in item.differences
    )
    n, acc = scores["overall"]["commitments_type_n"], scores["overall"]["commitments_type_acc"]
    assert wrong_type == n - round(acc * n)


def _doc(text: str, **layers: list[dict[str, object]]) -> dict[str, object]:
    return {"doc_id": "d", "text": text, "text_sha256": text_sha256(text), **layers}


def test_evaluate_diff_statuses_on_a_small_document() -> None:
    text = "2011年4月と同年6月、米国と日米が合意した"
    gold = _doc(
        text,
        dates=[{"start": 0, "end": 7, "value": "2011-04", "mod": None, "part": None},
               {"start": 8, "end": 12, "value": "2011-06", "mod": None, "part": None}],
        entities=[{"start": 13, "end": 15, "label": "LOCATION"}, {"start": 16, "end": 18, "label": "LOCATION",
                                                                 "optional": True}],
    )
    pred = _doc(
        text,
        dates=[{"start": 0, "end": 7, "value": "2011-05", "mod": None, "part": None}],
        entities=[{"start": 16, "end": 18, "label": "LOCATION"}, {"start": 19, "end": 21, "label": "ORG"}],
    )
    diff = diff_document(gold, pred)
    statuses = {(i.layer, i.status, i.gold, i.pred, i.differences) for i in diff.items}
    assert statuses == {
        ("dates", "mismatched", 0, 0, ("value",)),
        ("dates", "missed", 1, None, ()),
        ("entities", "missed", 0, None, ()),
        ("entities", "optional", 1, None, ()),
        ("entities", "optional", None, 0, ()),
        ("entities", "spurious", None, 1, ()),
    }
    overall = evaluate([pred], {"d": gold})["overall"]
    assert (overall["ents_lenient_fn"], overall["ents_lenient_fp"]) == (1, 1)
