"""Engines and batching never change the output bytes.

Every engine runs on a parse cache seeded with the stored parses (tests/parses.py), so no worker
loads GiNZA; one test proves that GiNZA's parse in a spawned worker is the inline parse.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import batched
from pipeline.config import TEST
from pipeline.documents import Document, Source, read_documents
from pipeline.engines import Progress
from pipeline.extract import run_extract
from pipeline.workers import stage_pool, stop_pool
from tests.conftest import FIXTURES
from tests.parses import prepare_doc_parses, read_doc_parse


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A parse cache holding the stored parse of every fixture document."""
    cache = tmp_path_factory.mktemp("seeded") / "cache"
    prepare_doc_parses([FIXTURES / "raw"], cache, update=False)
    return cache


def _doc(n: int, chars: int) -> Document:
    return Document(f"d{n}", "あ" * chars, {}, Source("x", None, "0" * 64, "utf-8"))


def test_engines_batches_are_bounded_by_docs_and_chars() -> None:
    docs = [_doc(i, 400) for i in range(10)] + [_doc(10, 5000)] + [_doc(11, 10)]
    batches = list(batched(docs, size=3, max_chars=1000))
    assert [len(b) for b in batches] == [2, 2, 2, 2, 2, 1, 1]
    assert [d for b in batches for d in b] == docs


def test_engines_small_batches_give_the_same_bytes(fixture_run: Path, seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "extractions.jsonl"
    run_extract([FIXTURES / "raw"], out, TEST.replace(batch_chars=1500, batch_size=1, cache_dir=seeded))
    assert out.read_bytes() == fixture_run.read_bytes()
    assert out.with_name("tokens.jsonl").read_bytes() == fixture_run.with_name("tokens.jsonl").read_bytes()


def test_engines_two_workers_give_the_same_bytes(fixture_run: Path, seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "extractions.jsonl"
    summary = run_extract([FIXTURES / "raw"], out, TEST.replace(workers=2, batch_chars=2000, cache_dir=seeded))
    assert summary.exit_status == 0 and summary.cache_misses == 0
    assert out.read_bytes() == fixture_run.read_bytes()


def test_engines_dask_gives_the_same_bytes(fixture_run: Path, seeded: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "extractions.jsonl"
    config = TEST.replace(engine="dask", workers=1, batch_chars=2000, cache_dir=seeded)
    summary = run_extract([FIXTURES / "raw"], out, config)
    assert summary.exit_status == 0 and summary.cache_misses == 0
    assert out.read_bytes() == fixture_run.read_bytes()


def _parse_in_this_process(items: list[tuple[str, list[tuple[int, int]]]]) -> list[Any]:
    from pipeline.runtime import Resources

    res = Resources.create(TEST)
    assert res.parser is not None
    return res.parser.parse_many(items)


@pytest.mark.slow
def test_engines_ginza_in_a_spawned_worker_gives_the_inline_parse() -> None:
    """GiNZA loaded in a spawned stage process parses as the stored (inline) parses say."""
    from pipeline.tokens import find_sentences

    docs = sorted((d for d in read_documents([FIXTURES / "raw"]) if isinstance(d, Document)), key=lambda d: len(d.text))
    docs = docs[:3]
    items = [(d.text, [(s.start, s.end) for s in find_sentences(d.text, None)]) for d in docs]
    pool = stage_pool(1)
    try:
        parsed = pool.submit(_parse_in_this_process, items).result(timeout=600)
    finally:
        stop_pool(pool, wait=True)
    assert parsed == [read_doc_parse(d.doc_id, d.text) for d in docs]


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
