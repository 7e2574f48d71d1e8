"""Tables for analysts: rows from records (schema 1 and 2), Parquet, CSV and DuckDB agree, views, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.export import DATABASE, TABLES, VIEWS, export_tables, parse_formats
from pipeline.export.rows import rows_of
from pipeline.jsonl import write_jsonl
from tests.conftest import FIXTURES

TEXT = "○国務大臣（岸田文雄君）\n日米は2015年4月27日の「2+2」で合意した。岸田大臣は米側に協力を求めました。"


def _span(text: str, surface: str, start_at: int = 0) -> dict[str, object]:
    start = text.index(surface, start_at)
    return {"start": start, "end": start + len(surface), "surface": surface}


def record(schema2: bool = True) -> dict[str, object]:
    """A small record in the contract's shape; with ``schema2`` the fields of schema 2 too."""
    t = TEXT
    kishida = {"id": "e0", **_span(t, "岸田文雄"), "label": "PERSON", "subtype": "Person", "canonical": None,
               "title": {**_span(t, "国務大臣")}, "title_qualifier": None}
    venue = {"id": "e1", **_span(t, "「2+2」"), "label": "EVENT", "subtype": "Meeting", "canonical": None,
             "title": None, "title_qualifier": None}
    us = {"id": "e2", **_span(t, "米"), "label": "LOCATION", "subtype": "Country", "canonical": "US",
          "title": None, "title_qualifier": None}
    agreement = {"id": "c0", **_span(t, "日米は2015年4月27日の「2+2」で合意"), "type": "agreement",
                 "trigger": {**_span(t, "合意"), "lemma": "合意"}, "content": None,
                 "actor": {"members": ["US", "JP"], "inferred": False, "entities": []},
                 "date": {"value": "2015-04-27", "date_id": "d0"}, "venue": {"entity_id": "e1", "surface": "「2+2」"},
                 "mention": "main", "polarity": "positive"}
    request = {"id": "c1", **_span(t, "米側に協力を求め"), "type": "request",
               "trigger": {**_span(t, "求め"), "lemma": "求める"}, "content": _span(t, "協力"),
               "actor": {"members": ["JP"], "inferred": True, "entities": []},
               "date": None, "venue": None, "mention": "main", "polarity": "positive"}
    if schema2:
        kishida["key"] = "person:岸田文雄"
        us["key"] = "country:US"
        venue["key"] = None
        request.update(recipient={"members": ["US"], "entities": ["e2"]},
                       speaker={"entity_id": "e0", "surface": "岸田文雄", "title": "国務大臣"}, generic=False)
        agreement.update(recipient=None, speaker=None, generic=True)
    return {
        "schema_version": 2 if schema2 else 1, "doc_id": "doc1", "text": t,
        "meta": {"date": "2015-05-07", "title": "外交防衛委員会"},
        "source": {"path": "in.jsonl", "line": 1, "sha256": "0" * 64, "encoding": "utf-8"},
        "sentences": [{"start": 0, "end": 12}, {"start": 13, "end": t.index("岸田大臣")},
                      {"start": t.index("岸田大臣"), "end": len(t)}],
        "dates": [{"id": "d0", **_span(t, "2015年4月27日"), "value": "2015-04-27", "mod": None, "part": None,
                   "range": None, "flags": [], "resolved_from": None, "era": None, "era_year": None}],
        "entities": [kishida, venue, us],
        "commitments": [agreement, request],
        "warnings": [{"code": "W303", "start": 0, "end": 1, "message": "m"}],
    }


def test_export_rows_of_a_schema_2_record() -> None:
    rows = rows_of(record())
    (doc,) = rows["documents"]
    assert (doc["doc_id"], doc["doc_date"], doc["title"], doc["commitments"], doc["genre"]) == (
        "doc1", "2015-05-07", "外交防衛委員会", 2, "other")
    agreement, request = rows["commitments"]
    assert agreement["actor_members"] == ["JP", "US"]
    assert (agreement["year"], agreement["venue"], agreement["generic"]) == (2015, "「2+2」", True)
    assert agreement["context"] == "日米は2015年4月27日の「2+2」で合意した。"
    assert (request["recipient_members"], request["speaker"], request["speaker_key"]) == (
        ["US"], "岸田文雄", "person:岸田文雄")
    assert (request["date_value"], request["year"], request["content"]) == (None, 2015, "協力")
    assert [e["key"] for e in rows["entities"]] == ["person:岸田文雄", None, "country:US"]
    assert rows["entities"][0]["title"] == "国務大臣"
    parties = {(p["commitment_id"], p["role"], p["member"]) for p in rows["commitment_parties"]}
    assert parties == {("c0", "actor", "JP"), ("c0", "actor", "US"), ("c1", "actor", "JP"), ("c1", "recipient", "US")}


def test_export_rows_of_a_schema_1_record_read_absent_fields_as_null() -> None:
    rows = rows_of(record(schema2=False))
    request = rows["commitments"][1]
    assert (request["recipient_members"], request["speaker"], request["generic"]) == ([], None, False)
    assert {e["key"] for e in rows["entities"]} == {None}


def test_export_year_of_a_date_value() -> None:
    rec = record()
    values = ["FY2011", "2011-SP", "199X", None]
    for commitment, value in zip(rec["commitments"], values[:2], strict=True):
        commitment["date"] = {"value": value, "date_id": None}
    assert [c["year"] for c in rows_of(rec)["commitments"]] == [2011, 2011]
    rec["commitments"][0]["date"] = {"value": "199X", "date_id": None}
    assert rows_of(rec)["commitments"][0]["year"] is None


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tables")
    records = [json.loads(line) for line in (FIXTURES / "expected" / "raw.records.jsonl").open(encoding="utf-8")]
    records.append(record())
    write_jsonl(root / "extractions.jsonl", records)
    args = ["export", str(root / "extractions.jsonl"), "-o", str(root / "out"), "--format", "parquet,csv,duckdb"]
    assert main(args) == 0
    return root


def _records(root: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (root / "extractions.jsonl").open(encoding="utf-8")]


def test_export_one_row_per_item_in_every_format(tables: Path) -> None:
    records = _records(tables)
    expected = {"documents": len(records)}
    for kind in ("dates", "entities", "commitments", "warnings"):
        expected[kind] = sum(len(r[kind]) for r in records)
    out = tables / "out"
    with duckdb.connect(str(out / DATABASE), read_only=True) as db:
        for name, count in expected.items():
            assert pq.read_table(out / f"{name}.parquet").num_rows == count, name
            assert db.execute(f"SELECT count(*) FROM {name}").fetchone() == (count,), name
            assert db.execute(f"SELECT count(*) FROM read_csv('{out / name}.csv')").fetchone() == (count,), name


def test_export_formats_hold_the_same_values(tables: Path) -> None:
    out = tables / "out"
    with duckdb.connect(str(out / DATABASE), read_only=True) as db:
        for table in TABLES:
            from_parquet = db.sql(f"SELECT * FROM read_parquet('{out / table.name}.parquet')").fetchall()
            assert db.sql(f"SELECT * FROM {table.name}").fetchall() == from_parquet, table.name
        csv_members = db.sql(f"SELECT actor_members FROM read_csv('{out}/commitments.csv') WHERE doc_id = 'doc1'")
        assert csv_members.fetchall() == [('["JP","US"]',), ('["JP"]',)]
        context = db.sql(f"SELECT context FROM read_csv('{out}/commitments.csv') WHERE doc_id = 'doc1'").fetchall()
        assert context[0] == ("日米は2015年4月27日の「2+2」で合意した。",)


def test_export_views(tables: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(tables / "out" / DATABASE), read_only=True) as db:
        for name in VIEWS:
            db.sql(f"SELECT * FROM {name}").fetchall()
    export_tables([record()], tmp_path, ("duckdb",))
    with duckdb.connect(str(tmp_path / DATABASE), read_only=True) as db:
        by_actor = db.sql("SELECT actor, year, type, commitments FROM commitments_by_actor_year").fetchall()
        assert by_actor == [("JP", 2015, "agreement", 1), ("JP", 2015, "request", 1), ("US", 2015, "agreement", 1)]
        keys = db.sql("SELECT key, mentions, surfaces FROM entity_keys WHERE key = 'person:岸田文雄'").fetchall()
        assert keys == [("person:岸田文雄", 1, ["岸田文雄"])]
        specific = db.sql("SELECT commitment_id FROM commitments_specific WHERE doc_id = 'doc1'").fetchall()
        assert specific == [("c1",)]


def test_export_empty_input_writes_empty_tables(tmp_path: Path) -> None:
    counts = export_tables([], tmp_path, ("parquet", "duckdb"))
    assert set(counts.values()) == {0}
    assert pq.read_table(tmp_path / "commitments.parquet").schema.field("actor_members").type.value_type == "string"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([DATABASE, *(f"{t.name}.parquet" for t in TABLES)])


def test_export_duckdb_only_leaves_no_parquet(tmp_path: Path) -> None:
    export_tables([record()], tmp_path, ("duckdb",))
    assert [p.name for p in tmp_path.iterdir()] == [DATABASE]


def test_export_formats_are_checked() -> None:
    assert parse_formats("parquet, duckdb,parquet") == ("parquet", "duckdb")
    with pytest.raises(ValueError, match="xls"):
        parse_formats("parquet,xls")


def test_export_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "out")]) == 2
    assert "E101" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "text": ""}\nnot json\n', encoding="utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "out")]) == 2
    assert f"{bad}:2: E105" in capsys.readouterr().err
    assert not list((tmp_path / "out").glob("*.parquet"))
