"""The round trip through annotation tools: tasks out, a simulated correction, gold back, `evaluate` agrees."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from pipeline.annotation import doccano, labelstudio, run_import_gold
from pipeline.annotation.gold import Document, align, to_fixture
from pipeline.annotation.regions import Region
from pipeline.cli import main
from pipeline.errors import PipelineError
from pipeline.evaluate import diff_document, evaluate, load_gold
from tests.conftest import FIXTURES

ANNOTATION = FIXTURES / "annotation"


def records() -> list[dict[str, Any]]:
    lines = (FIXTURES / "expected" / "fixtures.records.jsonl").open(encoding="utf-8")
    return [json.loads(line) for line in lines]


def annotated(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tasks as Label Studio exports them after an annotator accepted every pre-annotation."""
    out = copy.deepcopy(tasks)
    for t in out:
        t["annotations"] = [{"id": t["id"], "result": copy.deepcopy(t["predictions"][0]["result"]),
                             "was_cancelled": False, "ground_truth": False}]
    return out


def import_ls(tasks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d.doc_id: to_fixture(d) for d in labelstudio.read_export(json.dumps(tasks), "export.json")}


def perfect(overall: dict[str, Any]) -> bool:
    scores = [v for k, v in overall.items() if k.endswith(("_f", "_acc")) and v is not None]
    return bool(scores) and all(v == 1.0 for v in scores)


def test_annotation_label_studio_config_names_every_control_the_tasks_use() -> None:
    config = ET.fromstring(labelstudio.labeling_config())
    controls = {el.get("name") for el in config.iter() if el.get("name")}
    relations = {el.get("value") for el in config.iter("Relation")}
    labels = {el.get("value") for el in config.iter("Label")}
    for t in labelstudio.tasks(records()):
        for r in t["predictions"][0]["result"]:
            if r["type"] == "relation":
                assert set(r["labels"]) <= relations
            else:
                assert r["from_name"] in controls and r["to_name"] in controls
                assert set(r["value"].get("labels", [])) <= labels


def test_annotation_label_studio_round_trip_of_the_predictions_is_perfect() -> None:
    recs = records()
    gold = import_ls(annotated(labelstudio.tasks(recs)))
    assert set(gold) == {r["doc_id"] for r in recs}
    assert perfect(evaluate(recs, gold)["overall"])
    for rec in recs:
        fixture = gold[rec["doc_id"]]
        assert [(d["start"], d["end"], d["value"]) for d in fixture["dates"]] == [
            (d["start"], d["end"], d["value"]) for d in sorted(rec["dates"], key=lambda d: (d["start"], d["end"]))]
        assert len(fixture["commitments"]) == len(rec["commitments"])


def _norm(fixture: dict[str, Any]) -> list[str]:
    """Items without ids, references replaced by the spans they point to: comparable across id schemes."""
    spans = {x["id"]: [x["start"], x["end"]] for layer in ("dates", "entities") for x in fixture[layer]}
    out = []
    for layer in ("dates", "entities", "commitments"):
        for item in fixture[layer]:
            item = {k: v for k, v in item.items() if k != "id" and v not in (None, False)}
            if layer == "dates" and item.get("resolved_from") in spans:
                item["resolved_from"] = spans[item["resolved_from"]]
            for arg in ("date", "venue", "speaker"):
                ref = item.get(arg) or {}
                for key in ("date_id", "entity_id"):
                    if ref.get(key):
                        item[arg] = {**ref, key: spans[ref[key]]}
            for arg in ("actor", "recipient"):
                if item.get(arg):
                    item[arg] = {**item[arg], "entities": [spans[e] for e in item[arg]["entities"]]}
            out.append(json.dumps([layer, item], ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_annotation_gold_fixtures_survive_the_round_trip() -> None:
    recs = records()
    texts = {r["doc_id"]: r["text"] for r in recs}
    gold = load_gold(FIXTURES / "gold")
    back = import_ls(annotated(labelstudio.tasks([{**fx, "text": texts[k]} for k, fx in gold.items()])))
    for doc_id, fixture in gold.items():
        assert back[doc_id]["text_sha256"] == fixture["text_sha256"]
        assert _norm(back[doc_id]) == _norm(fixture), doc_id
    assert evaluate(recs, back) == evaluate(recs, gold)


def _drop_region(result: list[dict[str, Any]], rid: str) -> list[dict[str, Any]]:
    return [r for r in result if r.get("id") != rid and rid not in (r.get("from_id"), r.get("to_id"))]


def test_annotation_a_simulated_correction_comes_back_as_evaluate_counts_it() -> None:
    rec = next(r for r in records() if r["doc_id"] == "000_78a5285e60ebba0f")
    (t,) = annotated(labelstudio.tasks([rec]))
    result = t["annotations"][0]["result"]
    # 1. the annotator deletes entity e5 (the prediction becomes spurious)
    result[:] = _drop_region(result, "e5")
    # 2. adds a date the pipeline missed: 2012 in 平成24年版 (the title line), value typed in
    start = rec["text"].index("平成24年") if "平成24年" in rec["text"] else 0
    new = {"start": start, "end": start + 5, "text": rec["text"][start:start + 5]}
    result += [{"id": "new1", "from_name": "date", "to_name": "text", "type": "labels",
                "value": {**new, "labels": ["DATE"]}},
               {"id": "new1", "from_name": "date_value", "to_name": "text", "type": "textarea",
                "value": {**new, "text": ["2012"]}}]
    # 3. changes c0's type, 4. adds a party to c1's actor
    for r in result:
        if r.get("id") == "c0" and r["type"] == "labels":
            r["value"]["labels"] = ["decision" if r["value"]["labels"] != ["decision"] else "agreement"]
        if r.get("id") == "c1" and r.get("from_name") == "commitment_actor":
            r["value"]["text"] = [r["value"]["text"][0] + ",AU"]
    gold = import_ls([t])
    overall = evaluate([rec], gold)["overall"]
    assert (overall["ents_fp"], overall["ents_fn"]) == (1, 0)
    assert (overall["dates_lenient_fp"], overall["dates_lenient_fn"]) == (0, 1)
    n = overall["commitments_type_n"]
    assert round(overall["commitments_type_acc"] * n) == n - 1
    assert round(overall["commitments_actor_acc"] * n) == n - 1
    diff = diff_document(gold[rec["doc_id"]], rec)
    assert diff.count("entities", "spurious") == 1 and diff.count("dates", "missed") == 1
    mismatched = {d for i in diff.items for d in i.differences}
    assert {"type", "actor"} <= mismatched


def test_annotation_blank_tasks_have_the_text_only(tmp_path: Path) -> None:
    pred = tmp_path / "extractions.jsonl"
    pred.write_text(json.dumps(records()[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["annotate", str(pred), "-o", str(tmp_path), "--blank"]) == 0
    (t,) = json.loads((tmp_path / "label-studio-tasks.json").read_text(encoding="utf-8"))
    assert t["predictions"][0]["result"] == [] and t["data"]["text"] == records()[0]["text"]
    (line,) = [json.loads(x) for x in (tmp_path / "doccano.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["entities"] == [] and line["relations"] == []


def test_annotation_cancelled_and_unannotated_tasks_are_skipped() -> None:
    tasks = annotated(labelstudio.tasks(records()[:3]))
    tasks[0]["annotations"][0]["was_cancelled"] = True
    tasks[1]["annotations"] = []
    assert set(import_ls(tasks)) == {tasks[2]["data"]["doc_id"]}


def test_annotation_doccano_round_trip() -> None:
    recs = records()[:4]
    exported = []
    for item in doccano.lines(recs):  # doccano gives spans and relations ids of its own
        renumber = {e["id"]: 1000 + n for n, e in enumerate(item["entities"])}
        item["entities"] = [{**e, "id": renumber[e["id"]]} for e in item["entities"]]
        item["relations"] = [{**r, "from_id": renumber[r["from_id"]], "to_id": renumber[r["to_id"]]}
                             for r in item["relations"]]
        exported.append({**item, "meta": {"jpextract": item.pop("jpextract")}})
    raw = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in exported)
    gold = {d.doc_id: to_fixture(d) for d in doccano.read_export(raw, "doccano.jsonl")}
    overall = evaluate(recs, gold)["overall"]
    assert perfect(overall), {k: v for k, v in overall.items() if k.endswith(("_f", "_acc")) and v != 1.0}
    exported[0]["entities"] = [{**e, "end_offset": e["end_offset"] + 1} if e["label"] == "DATE" else e
                               for e in exported[0]["entities"]]
    raw = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in exported)
    with pytest.raises(PipelineError, match="dates without a value"):
        [to_fixture(d) for d in doccano.read_export(raw, "doccano.jsonl")]


def test_annotation_offsets_are_realigned_or_refused() -> None:
    text = "𠮷野家で日米が合意した。日米"
    region = Region("x", "entity", "LOCATION", 5, 7, "日米")  # UTF-16 offsets: 𠮷 counts twice
    assert (align(text, region, "t").start, align(text, region, "t").end) == (4, 6)
    shifted = Region("y", "entity", "LOCATION", 11, 13, "日米")  # one off: the nearest occurrence
    assert align(text, shifted, "t").start == 12
    with pytest.raises(PipelineError, match="not in the text"):
        align(text, Region("z", "entity", "ORG", 0, 2, "米軍"), "t")
    doc = Document("d", text, [Region("d0", "date", "DATE", 0, 1, "𠮷")], [], {}, "t", text_sha256="0" * 64)
    with pytest.raises(PipelineError, match="changed the text"):
        to_fixture(doc)


def test_annotation_cli_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recs = records()[:3]
    pred = tmp_path / "extractions.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    assert main(["annotate", str(pred), "-o", str(tmp_path / "tasks"), "--tool", "label-studio"]) == 0
    tasks = json.loads((tmp_path / "tasks" / "label-studio-tasks.json").read_text(encoding="utf-8"))
    export = tmp_path / "export.json"
    export.write_text(json.dumps(annotated(tasks), ensure_ascii=False), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    assert main(["import-gold", str(export), "-o", str(gold_dir)]) == 0
    assert sorted(p.stem for p in gold_dir.glob("*.json")) == sorted(r["doc_id"] for r in recs)
    assert main(["evaluate", str(pred), "--gold", str(gold_dir), "-o", str(tmp_path / "scores.json")]) == 0
    scores = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    assert perfect(scores["overall"])
    capsys.readouterr()
    assert main(["import-gold", str(export), "-o", str(gold_dir)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main(["import-gold", str(export), "-o", str(gold_dir), "--overwrite"]) == 0
    assert run_import_gold(export, tmp_path / "again") == [json.loads(p.read_text(encoding="utf-8"))
                                                            for p in sorted(gold_dir.glob("*.json"))]


def test_annotation_a_real_label_studio_export_imports() -> None:
    """tests/fixtures/annotation: Label Studio 1.23.2's own export of our tasks (tools/label_studio_sample.py).

    One task submitted in Label Studio's interface as pre-annotated; one with an annotator's
    correction (the first 福知山線 relabelled FACILITY, as the gold has it).
    """
    recs = [json.loads(line) for line in (ANNOTATION / "sample.records.jsonl").open(encoding="utf-8")]
    raw = (ANNOTATION / "label-studio-export.json").read_text(encoding="utf-8")
    gold = {d.doc_id: to_fixture(d) for d in labelstudio.read_export(raw, "label-studio-export.json")}
    assert set(gold) == {r["doc_id"] for r in recs}
    known = load_gold(FIXTURES / "gold")
    for doc_id, fixture in gold.items():
        assert fixture["text_sha256"] == known[doc_id]["text_sha256"]
    per_doc = evaluate(recs, gold)["per_doc"]
    assert perfect(per_doc["119615261X01620180426_022"])
    accident = per_doc["116215254X01920050427_008"]
    assert (accident["ents_fp"], accident["ents_fn"], accident["ents_tp"]) == (1, 1, accident["ents_tp"])
    assert accident["dates_f"] == accident["commitments_f"] == accident["commitments_content_f"] == 1.0
    relabelled = next(e for e in gold["116215254X01920050427_008"]["entities"] if e["surface"] == "福知山線")
    assert relabelled["label"] == "FACILITY"
