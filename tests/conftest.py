"""Shared fixtures and options; models are loaded once per session, only by tests that need them.

Dictionary-dependent expectations in these tests assume unidic-lite 1.0.8 (UniDic 2.1.2) and
ja_ginza 5.3.0 (SudachiDict-core 20260723), as pinned in requirements-dev.lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.parses import SnippetStore, missing_parse_message

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the snapshots in tests/fixtures/expected; store missing GiNZA parses in tests/fixtures/parses",
    )


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def tagger():
    from pipeline.resources import load_tagger

    return load_tagger()


def replay(inputs: list[Path], out: Path, cache: Path, *, update: bool) -> Path:
    """Run the whole pipeline over ``inputs`` on stored parses (GiNZA only for missing ones under update)."""
    from pipeline.config import TEST
    from pipeline.extract import run_extract
    from tests.parses import prepare_doc_parses

    prepare_doc_parses(inputs, cache, update=update)
    summary = run_extract(inputs, out, TEST.replace(cache_dir=cache))
    assert summary.exit_status == 0, [str(f) for f in summary.failures]
    assert summary.cache_misses == 0, "a document was parsed by GiNZA: its stored parse is missing"
    return out


@pytest.fixture(scope="session")
def fixture_run(tmp_path_factory: pytest.TempPathFactory, update_goldens: bool) -> Path:
    """The whole pipeline over tests/fixtures/raw, GiNZA's part replayed from tests/fixtures/parses."""
    root = tmp_path_factory.mktemp("fixture_run")
    return replay([FIXTURES / "raw"], root / "extractions.jsonl", root / "cache", update=update_goldens)


@pytest.fixture(scope="session")
def raw_run(tmp_path_factory: pytest.TempPathFactory, update_goldens: bool) -> Path:
    """``make extract``'s job (raw/), GiNZA's part replayed from tests/fixtures/parses."""
    root = tmp_path_factory.mktemp("raw_run")
    return replay([ROOT / "raw"], root / "extractions.jsonl", root / "cache", update=update_goldens)


@pytest.fixture(scope="session")
def nlp():
    """GiNZA with the domain layer, as the pipeline builds it: loaded once for every slow test."""
    pytest.importorskip("ginza")
    from pipeline.runtime import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def snippet_store(update_goldens: bool) -> Iterator[SnippetStore]:
    """Stored parses of the rule tests' texts; new ones are saved at the end of an updating session."""
    store = SnippetStore.load(update=update_goldens)
    yield store
    if store.added:
        store.save()


@pytest.fixture(scope="session")
def parse(request: pytest.FixtureRequest, snippet_store: SnippetStore):
    """``parse(text) -> (ParsedDoc, sentences)`` from the stored parses: no model is loaded.

    A text nobody stored fails the test with the command that stores it (``--update-goldens``,
    which parses it with GiNZA).
    """
    from pipeline.tokens import find_sentences

    def _parse(text: str):
        sentences = find_sentences(text, None)
        parsed = snippet_store.get(text)
        if parsed is None:
            if not snippet_store.update:
                pytest.fail(missing_parse_message([text]))
            parsed = _ginza_parse(request.getfixturevalue("nlp"), text, sentences)
            snippet_store.add(text, parsed)
        return parsed, sentences

    return _parse


def _ginza_parse(nlp, text: str, sentences):
    from pipeline.parse import ParseCache, Parser

    parser = Parser(load=lambda: nlp, cache=ParseCache(None, "tests"))
    return parser.parse_many([(text, [(s.start, s.end) for s in sentences])])[0]
