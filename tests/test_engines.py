"""Engines and batching never change the output bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pipeline.batch import batched
from pipeline.config import TEST
from pipeline.documents import Document, Source
from pipeline.engines import Progress
from pipeline.extract import run_extract
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow


def _doc(n: int, chars: int) -> Document:
    return Document(f"d{n}", "あ" * chars, {}, Source("x", None, "0" * 64, "utf-8"))


def test_engines_batches_are_bounded_by_docs_and_chars() -> None:
    docs = [_doc(i, 400) for i in range(10)] + [_doc(10, 5000)] + [_doc(11, 10)]
    batches = list(batched(docs, size=3, max_chars=1000))
    assert [len(b) for b in batches] == [2, 2, 2, 2, 2, 1, 1]
    assert [d for b in batches for d in b] == docs


def test_engines_small_batches_give_the_same_bytes(fixture_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "extractions.jsonl"
    run_extract([FIXTURES / "raw"], out, TEST.replace(batch_chars=1500, batch_size=1))
    assert out.read_bytes() == fixture_run.read_bytes()
    assert out.with_name("tokens.jsonl").read_bytes() == fixture_run.with_name("tokens.jsonl").read_bytes()


def test_engines_two_workers_give_the_same_bytes(fixture_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "extractions.jsonl"
    summary = run_extract([FIXTURES / "raw"], out, TEST.replace(workers=2, batch_chars=2000))
    assert summary.exit_status == 0
    assert out.read_bytes() == fixture_run.read_bytes()


def test_engines_dask_gives_the_same_bytes(fixture_run: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "extractions.jsonl"
    summary = run_extract([FIXTURES / "raw"], out, TEST.replace(engine="dask", workers=1, batch_chars=2000))
    assert summary.exit_status == 0
    assert out.read_bytes() == fixture_run.read_bytes()


def test_engines_progress_is_silent_off_a_terminal() -> None:
    stream = io.StringIO()
    meter = Progress(stream)
    meter.update(5, 1000, 0.5)
    meter.close()
    assert stream.getvalue() == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_engines_progress_on_a_terminal_shows_rate_and_eta() -> None:
    stream = _Terminal()
    meter = Progress(stream)
    meter.started -= 10.0
    meter.update(5, 20_000, 0.25)
    line = stream.getvalue()
    assert "5 documents" in line and "chars/s" in line and "25% of input" in line and "ETA 30 s" in line
    meter.close()
    assert stream.getvalue().endswith("\r")
