"""Shared fixtures and options; models are loaded once per session, only by tests that need them.

Dictionary-dependent expectations in these tests assume unidic-lite 1.0.8 (UniDic 2.1.2) and
ja_ginza 5.3.0 (SudachiDict-core 20260723), as pinned in requirements-dev.lock.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/fixtures/expected snapshots")


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def tagger():
    from pipeline.resources import load_tagger

    return load_tagger()


@pytest.fixture(scope="session")
def fixture_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole pipeline (GiNZA included) run once over tests/fixtures/raw, without a cache."""
    pytest.importorskip("ginza")
    from pipeline.config import TEST
    from pipeline.extract import run_extract

    out = tmp_path_factory.mktemp("fixture_run") / "extractions.jsonl"
    summary = run_extract([FIXTURES / "raw"], out, TEST)
    assert summary.exit_status == 0, [str(f) for f in summary.failures]
    return out


@pytest.fixture(scope="session")
def nlp():
    """GiNZA with the domain layer, as the pipeline builds it: loaded once for every slow test."""
    pytest.importorskip("ginza")
    from pipeline.extract import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    """``parse(text) -> (ParsedDoc, sentences)``: one GiNZA parse per text, memoized, no disk cache."""
    from pipeline.parse import ParseCache, Parser
    from pipeline.tokens import find_sentences

    parser = Parser(load=lambda: nlp, cache=ParseCache(None, "tests"))
    memo: dict[str, tuple] = {}

    def _parse(text: str):
        if text not in memo:
            sentences = find_sentences(text, None)
            parsed = parser.parse_many([(text, [(s.start, s.end) for s in sentences])])[0]
            memo[text] = (parsed, sentences)
        return memo[text]

    return _parse
