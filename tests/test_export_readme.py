"""The README's loading examples for the tables run, as written, on tables made from the raw/ snapshot."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.export import run_export
from tests.conftest import FIXTURES, ROOT

EXAMPLE = re.compile(r"<!-- example: (?P<name>[\w-]+) -->\n```(?P<lang>\w+)\n(?P<code>.*?)```", re.S)


def readme_examples() -> dict[str, tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {m["name"]: (m["lang"], m["code"]) for m in EXAMPLE.finditer(text)}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out as after `make tables`: outputs/extractions.jsonl and outputs/tables/."""
    root = tmp_path_factory.mktemp("readme")
    (root / "outputs").mkdir()
    shutil.copy(FIXTURES / "expected" / "raw.records.jsonl", root / "outputs" / "extractions.jsonl")
    run_export(root / "outputs" / "extractions.jsonl", root / "outputs" / "tables", ("parquet", "csv", "duckdb"))
    return root


def test_export_readme_has_the_examples() -> None:
    assert {"pandas", "duckdb", "duckdb-sql"} <= set(readme_examples())


@pytest.mark.parametrize("name", ["pandas", "duckdb", "duckdb-sql"])
def test_export_readme_example_runs(name: str, workdir: Path) -> None:
    pytest.importorskip("pandas")
    lang, code = readme_examples()[name]
    before = Path.cwd()
    out = io.StringIO()
    try:
        os.chdir(workdir)
        with contextlib.redirect_stdout(out):
            if lang == "python":
                exec(compile(code, f"README.md:{name}", "exec"), {})
            else:
                with duckdb.connect() as db:
                    rows = db.execute(code).fetchall()
                assert rows
    finally:
        os.chdir(before)
    if lang == "python":
        assert out.getvalue().strip()
