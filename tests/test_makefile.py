"""The Makefile's targets do what the README says they do (run for real, GiNZA replayed from stored parses)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.parses import prepare_doc_parses

MAKE = shutil.which("make")
needs_make = pytest.mark.skipif(MAKE is None, reason="`make` is not installed")


def _make(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``make ARGS`` with the venv taken as built (``-o``: never reinstalled by a test); stderr into stdout."""
    assert MAKE is not None
    return subprocess.run(
        [MAKE, "--no-print-directory", "-o", ".venv/.runtime", "-o", ".venv/.dev", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, in the order things happened (the steps run one by one)
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def readme_block(marker: str) -> list[str]:
    """The lines of the README's code block right after ``<!-- marker ... -->``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"<!-- {marker}")
    body = text[text.index("```", start) :].split("\n", 1)[1]
    return body[: body.index("```")].splitlines()


def _pattern(line: str) -> re.Pattern[str]:
    """A README line as a pattern: numbers (counts, scores, times) may differ, spacing too."""
    parts = re.split(r"(\d[\d.,]*|\s+)", line.strip())
    pieces = []
    for part in parts:
        if not part:
            continue
        if part[0].isdigit():
            pieces.append(r"[\d.,]+")
        elif part.isspace():
            pieces.append(r"\s+")
        else:
            pieces.append(re.escape(part))
    return re.compile("".join(pieces))


def lines_in_order(expected: list[str], actual: list[str]) -> list[str]:
    """The expected lines (``…`` skips) not found in ``actual`` in this order, numbers aside."""
    missing = []
    position = 0
    for line in expected:
        if line.strip() in ("", "…"):
            continue
        pattern = _pattern(line)
        for i in range(position, len(actual)):
            if pattern.fullmatch(actual[i].strip()):
                position = i + 1
                break
        else:
            missing.append(line)
    return missing


def test_makefile_readme_line_matcher() -> None:
    expected = ["dates   0.981  0.958", "…", "  day 0.990  (n=12)"]
    assert lines_in_order(expected, ["x", "dates 1.000 0.5", "y", "day 0.1 (n=3)"]) == []
    assert lines_in_order(expected, ["day 0.1 (n=3)", "dates 1.000 0.5"]) == ["  day 0.990  (n=12)"]
    assert lines_in_order(["dates 0.9"], ["dates 0.9 extra"]) == ["dates 0.9"]


@needs_make
def test_makefile_evaluate_scores_the_gold_documents(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    prepare_doc_parses([FIXTURES / "raw"], cache, update=False)
    out = tmp_path / "out"
    result = _make(
        "evaluate",
        f"OUT={out}",
        f"PY={sys.executable}",
        env={"PIPELINE_CACHE_DIR": str(cache)},
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout[-3000:]
    # the gold documents were extracted (all from the stored parses), not raw/
    gold_ids = {p.stem for p in (FIXTURES / "gold").glob("*.json")}
    records = (out / "gold-docs" / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc_id"] for line in records} == gold_ids
    summary = [line for line in lines if line.startswith("extracted ")]
    assert summary and summary[0].startswith(f"extracted {len(gold_ids)} documents (0 failed)"), summary
    assert "/ 0 misses" in summary[0], "GiNZA parsed a document: the test must replay the stored parses"
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert scores["missing"] == []
    assert set(scores["per_doc"]) == gold_ids
    assert "missing from the predictions" not in result.stdout
    # and it printed what the README shows: the commands make echoes, the summary line, the table
    shown = [line.replace(str(out), "outputs").replace(sys.executable, ".venv/bin/python") for line in lines]
    assert lines_in_order(readme_block("evaluate-output"), shown) == []


@needs_make
def test_makefile_installs_the_jpextract_command(tmp_path: Path) -> None:
    """The venv recipe on a fresh copy (the lock emptied: the packages are not what is tested here)."""
    for name in ("Makefile", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "pipeline", tmp_path / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "requirements.lock").write_text("", encoding="utf-8")
    base = Path(getattr(sys, "_base_executable", sys.executable))
    assert MAKE is not None
    result = subprocess.run(
        [MAKE, "--no-print-directory", ".venv/.runtime", f"PYTHON={base}"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "install --no-deps -e ." in result.stdout
    script = tmp_path / ".venv" / "bin" / "jpextract"
    assert "from pipeline.__main__ import console" in script.read_text(encoding="utf-8")  # BLAS set first
    shown = subprocess.run([script, "--help"], capture_output=True, text=True, check=False, cwd=tmp_path.parent)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage: jpextract COMMAND [OPTIONS]")
    version = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("jpextract ")
