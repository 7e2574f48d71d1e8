"""``python -m pipeline entities OUT.jsonl``: the corpus-wide view of identity keys."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.entity_index import build_view, render


def _entity(surface: str, label: str, key: str | None) -> dict[str, object]:
    return {"surface": surface, "label": label, "key": key, "start": 0, "end": len(surface)}


RECORDS = [
    {
        "doc_id": "d1",
        "entities": [
            _entity("岸田文雄", "PERSON", "person:岸田文雄"),
            _entity("岸田", "PERSON", "person:岸田文雄"),
            _entity("米国", "LOCATION", "country:US"),
            _entity("防衛庁", "ORG", "org:防衛省"),
            _entity("篠原", "PERSON", None),
        ],
    },
    {
        "doc_id": "d2",
        "entities": [
            _entity("岸田", "PERSON", "person:岸田文雄"),
            _entity("アメリカ", "LOCATION", "country:US"),
            _entity("防衛省", "ORG", "org:防衛省"),
            _entity("沖縄", "LOCATION", None),
        ],
    },
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_entities_view_counts_mentions_surfaces_and_documents() -> None:
    view = build_view(RECORDS)
    rows = {r.key: r.as_dict() for r in view.rows}
    assert rows["person:岸田文雄"] == {
        "key": "person:岸田文雄",
        "label": "PERSON",
        "mentions": 3,
        "documents": 2,
        "surfaces": {"岸田": 2, "岸田文雄": 1},
        "example_documents": ["d1", "d2"],
    }
    assert rows["org:防衛省"]["surfaces"] == {"防衛庁": 1, "防衛省": 1}
    assert rows["country:US"]["documents"] == 2
    assert view.rows[0].key == "person:岸田文雄"  # most mentions first
    assert view.coverage()["PERSON"] == {"mentions": 4, "keyed": 3, "share": 0.75}
    assert view.unkeyed["LOCATION"] == {"沖縄": 1}


def test_entities_view_of_one_label() -> None:
    view = build_view(RECORDS, label="ORG")
    assert [r.key for r in view.rows] == ["org:防衛省"]
    assert set(view.mentions) == {"ORG"}


def test_entities_view_table_json_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path)
    assert main(["entities", str(path), "--unkeyed", "3"]) == 0
    table = capsys.readouterr().out
    assert table.startswith("2 documents, 9 entity mentions, 77.8% with a key, 3 keys")
    assert "person:岸田文雄" in table and "岸田(2) 岸田文雄(1)" in table and "篠原(1)" in table
    assert main(["entities", str(path), "--json", "--label", "PERSON"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coverage"]["PERSON"]["keyed"] == 3 and data["keys"][0]["key"] == "person:岸田文雄"
    assert main(["entities", str(path), "--csv", "--top", "1"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["key", "label", "mentions", "documents", "surfaces", "example_documents"],
        ["person:岸田文雄", "PERSON", "3", "2", "岸田:2|岸田文雄:1", "d1|d2"],
    ]


def test_entities_view_of_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", str(tmp_path / "none.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_entities_view_render_is_deterministic() -> None:
    first, second = io.StringIO(), io.StringIO()
    render(build_view(RECORDS), "table", first)
    render(build_view(list(RECORDS)), "table", second)
    assert first.getvalue() == second.getvalue()
