"""The whole pipeline on the fixture documents: contract shape, schema, offsets, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import TEST
from pipeline.extract import run_extract
from pipeline.jsonl import read_jsonl
from tests.conftest import FIXTURES, ROOT
from tests.spans import offset_errors

pytestmark = pytest.mark.slow

# one record per gold fixture: every fixture document is scored
FIXTURE_DOCS = len(list((FIXTURES / "gold").glob("*.json")))
CONTRACT_FIELDS = {
    "schema_version",
    "doc_id",
    "text",
    "meta",
    "source",
    "sentences",
    "dates",
    "entities",
    "commitments",
    "warnings",
}


def test_extract_records_follow_the_contract(fixture_run: Path) -> None:
    records = list(read_jsonl(fixture_run))
    assert [r["doc_id"] for r in records] == sorted(r["doc_id"] for r in records)
    assert len(records) == FIXTURE_DOCS
    for record in records:
        assert set(record) >= CONTRACT_FIELDS
        assert offset_errors(record) == []
        for sentence in record["sentences"]:
            assert record["text"][sentence["start"] : sentence["end"]].strip()


def test_extract_records_validate_against_the_schema(fixture_run: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "pipeline" / "data" / "record.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for record in read_jsonl(fixture_run):
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], record["doc_id"]


def test_extract_tokens_and_manifest(fixture_run: Path) -> None:
    records = {r["doc_id"]: r for r in read_jsonl(fixture_run)}
    rows = list(read_jsonl(fixture_run.with_name("tokens.jsonl")))
    assert {r["doc_id"] for r in rows} == set(records)
    for row in rows:
        text = records[row["doc_id"]]["text"]
        assert all(text[t["start"] : t["end"]] == t["surface"] for t in row["tokens"])
    manifest = json.loads(fixture_run.with_name("manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == FIXTURE_DOCS
    assert manifest["model"]["name"] == "ja_ginza"
    assert manifest["packages"]["fugashi"]
    documents = {p.name for p in (FIXTURES / "raw").iterdir() if p.suffix in (".txt", ".jsonl")}
    assert {i["path"].rsplit("/", 1)[-1] for i in manifest["inputs"]} == documents
    assert "000_78a5285e60ebba0f.txt" in documents and "kokkai-fixtures.jsonl" in documents


def test_extract_is_byte_identical_with_and_without_cache(fixture_run: Path, tmp_path: Path) -> None:
    expected = fixture_run.read_bytes()
    cached = TEST.replace(cache_dir=tmp_path / "cache")
    for name in ("cold", "warm"):
        out = tmp_path / name / "extractions.jsonl"
        summary = run_extract([FIXTURES / "raw"], out, cached)
        assert out.read_bytes() == expected, name
    assert summary.cache_hits == FIXTURE_DOCS
    assert summary.cache_misses == 0
