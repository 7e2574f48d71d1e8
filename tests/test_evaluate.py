"""Scoring: PRF arithmetic, strict and lenient matching, optional gold, attribute accuracies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.evaluate import PRF, evaluate, match_lenient, match_strict, run_evaluate, text_sha256


def test_evaluate_prf_arithmetic() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.fscore == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().fscore == 0.0


def _ent(start: int, end: int, label: str = "ORG", **extra: object) -> dict[str, object]:
    return {"start": start, "end": end, "label": label, **extra}


def test_evaluate_strict_needs_span_and_label() -> None:
    gold = [_ent(0, 3), _ent(5, 8, "PERSON")]
    pred = [_ent(0, 3), _ent(5, 8, "ORG"), _ent(10, 12)]
    prf = match_strict(gold, pred, lambda x: x["label"])
    assert (prf.tp, prf.fp, prf.fn) == (1, 2, 1)


def test_evaluate_lenient_is_one_to_one_by_largest_overlap() -> None:
    gold = [_ent(0, 10)]
    pred = [_ent(0, 2), _ent(1, 9)]
    assert match_lenient(gold, pred) == [(0, 1)]


def _doc(text: str, **layers: list[dict[str, object]]) -> dict[str, object]:
    return {"doc_id": "d", "text": text, "text_sha256": text_sha256(text), **layers}


def test_evaluate_optional_gold_is_neither_required_nor_penalized() -> None:
    text = "日米は米国と合意した"
    gold = _doc(text, entities=[_ent(0, 2, "LOCATION", optional=True), _ent(3, 5, "LOCATION")])
    with_optional = _doc(text, entities=[_ent(0, 2, "LOCATION"), _ent(3, 5, "LOCATION")])
    without = _doc(text, entities=[_ent(3, 5, "LOCATION")])
    for pred in (with_optional, without):
        scores = evaluate([pred], {"d": gold})["overall"]
        assert (scores["ents_p"], scores["ents_r"]) == (1.0, 1.0)


def test_evaluate_dates_value_and_mod() -> None:
    text = "07(同19)年以来"
    gold = _doc(text, dates=[{"start": 0, "end": 8, "value": "2007", "mod": "SINCE", "part": None}])
    wrong_mod = _doc(text, dates=[{"start": 0, "end": 8, "value": "2007", "mod": None, "part": None}])
    scores = evaluate([wrong_mod], {"d": gold})["overall"]
    assert scores["dates_f"] == 0.0
    assert scores["dates_span_f"] == 1.0
    assert scores["dates_value_acc"] == 1.0
    assert scores["dates_mod_acc"] == 0.0


def test_evaluate_commitments_detection_and_attributes() -> None:
    text = "日米は同盟の深化で一致した。"
    gold_c = {
        "start": 0,
        "end": 13,
        "trigger": {"start": 9, "end": 11},
        "type": "agreement",
        "actor": {"members": ["US", "JP"]},
        "date": None,
        "venue": None,
        "mention": "main",
    }
    pred_c = {**gold_c, "trigger": {"start": 9, "end": 13}, "actor": {"members": ["JP"]}}
    scores = evaluate([_doc(text, commitments=[pred_c])], {"d": _doc(text, commitments=[gold_c])})
    overall = scores["overall"]
    assert overall["commitments_detect_f"] == 1.0
    assert overall["commitments_f"] == 0.0
    assert overall["commitments_type_acc"] == 1.0
    assert overall["commitments_actor_acc"] == 0.0


def test_evaluate_missing_document_counts_as_missed() -> None:
    gold = _doc("米国", entities=[_ent(0, 2, "LOCATION")])
    scores = evaluate([], {"d": gold})
    assert scores["missing"] == ["d"]
    assert scores["overall"]["ents_r"] == 0.0


def test_evaluate_rejects_gold_for_another_text() -> None:
    gold = {**_doc("米国"), "text_sha256": "0" * 64}
    with pytest.raises(PipelineError, match="E203"):
        evaluate([_doc("米国")], {"d": gold})


def test_evaluate_cli_writes_scores(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "d.json").write_text(json.dumps(_doc("米国", entities=[_ent(0, 2, "LOCATION")])), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(_doc("米国", entities=[_ent(0, 2, "LOCATION")])) + "\n", encoding="utf-8")
    out = tmp_path / "scores.json"
    with (tmp_path / "table.txt").open("w") as table:
        scores = run_evaluate(pred, gold_dir, out, stdout=table)
    assert json.loads(out.read_text(encoding="utf-8")) == scores
    assert scores["overall"]["ents_f"] == 1.0


def _commitment(trigger: tuple[int, int], **extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "start": 0,
        "end": trigger[1],
        "trigger": {"start": trigger[0], "end": trigger[1]},
        "type": "agreement",
        "actor": {"members": ["JP", "US"]},
        "date": None,
        "venue": None,
        "mention": "main",
        "content": None,
        "recipient": None,
        "speaker": None,
        "generic": False,
    }
    return {**base, **extra}


def test_evaluate_content_characters_leave_the_triggers_out() -> None:
    text = "抑止力を一層強化してまいります。"
    # gold reads the verb stem into the content, the prediction stops before it: same score
    gold_c = _commitment((6, 15), type="pledge", content={"start": 0, "end": 8})
    pred_c = _commitment((6, 15), type="pledge", content={"start": 0, "end": 6})
    scores = evaluate([_doc(text, commitments=[pred_c])], {"d": _doc(text, commitments=[gold_c])})["overall"]
    assert scores["commitments_content_f"] == 1.0
    assert scores["commitments_content_exact_acc"] == 1.0
    short = _commitment((6, 15), type="pledge", content={"start": 3, "end": 6})
    scores = evaluate([_doc(text, commitments=[short])], {"d": _doc(text, commitments=[gold_c])})["overall"]
    assert (scores["commitments_content_p"], scores["commitments_content_r"]) == (1.0, 0.5)
    assert scores["commitments_content_exact_acc"] == 0.0


def test_evaluate_recipient_and_speaker_count_where_either_side_has_one() -> None:
    text = "○国務大臣（岸田文雄君）　米側に協力を求めました。"
    person = _ent(6, 10, "PERSON", id="e0", key="person:岸田文雄", surface="岸田文雄")
    speaker = {"entity_id": "e0", "surface": "岸田文雄", "title": "国務大臣"}
    gold_c = _commitment((19, 21), type="request", recipient={"members": ["US"]}, speaker=speaker)
    plain = _commitment((19, 21), type="request")
    gold = _doc(text, entities=[person], commitments=[gold_c, _commitment((1, 3))])
    pred = _doc(text, entities=[person], commitments=[plain, _commitment((1, 3))])
    scores = evaluate([pred], {"d": gold})["overall"]
    assert (scores["commitments_recipient_acc"], scores["commitments_recipient_n"]) == (0.0, 1)
    assert (scores["commitments_speaker_acc"], scores["commitments_speaker_n"]) == (0.0, 1)
    surname = {"entity_id": None, "surface": "岸田", "title": None}
    right = _commitment((19, 21), type="request", recipient={"members": ["US"]}, speaker=surname)
    scores = evaluate([_doc(text, entities=[person], commitments=[right])], {"d": gold})["overall"]
    assert scores["commitments_recipient_acc"] == 1.0
    assert scores["commitments_speaker_acc"] == 1.0


def test_evaluate_optional_commitments_are_neither_required_nor_penalized() -> None:
    text = "協力を進めている。日米は合意した。"
    gold = _doc(text, commitments=[_commitment((5, 7), type="pledge", optional=True), _commitment((12, 14))])
    for pred in ([_commitment((12, 14))], [_commitment((5, 7), type="pledge"), _commitment((12, 14))]):
        scores = evaluate([_doc(text, commitments=pred)], {"d": gold})["overall"]
        assert (scores["commitments_detect_p"], scores["commitments_detect_r"]) == (1.0, 1.0)


def test_evaluate_person_keys_count_missed_persons_too() -> None:
    text = "岸田外務大臣と林外務大臣"
    gold = _doc(text, entities=[_ent(0, 2, "PERSON", key="person:岸田文雄"), _ent(7, 8, "PERSON", key="person:林芳正")])
    pred = _doc(text, entities=[_ent(0, 2, "PERSON", key="person:岸田文雄")])
    scores = evaluate([pred], {"d": gold})["overall"]
    assert (scores["ents_person_key_acc"], scores["ents_person_key_n"]) == (0.5, 2)
    assert scores["ents_key_acc"] == 1.0


def test_evaluate_scores_per_genre() -> None:
    a, b = _doc("米国"), _doc("米国")
    gold = {"wp2010_x": {**a, "doc_id": "wp2010_x", "entities": [_ent(0, 2, "LOCATION")]},
            "mofa_x": {**b, "doc_id": "mofa_x", "genre": "mofa", "entities": [_ent(0, 2, "LOCATION")]}}
    preds = [{**a, "doc_id": "wp2010_x", "entities": [_ent(0, 2, "LOCATION")]}, {**b, "doc_id": "mofa_x"}]
    scores = evaluate(preds, gold)
    assert scores["genres"] == {"mofa_x": "mofa", "wp2010_x": "whitepaper"}
    assert scores["per_genre"]["whitepaper"]["ents_f"] == 1.0
    assert scores["per_genre"]["mofa"]["ents_r"] == 0.0
    assert scores["overall"]["ents_r"] == 0.5
