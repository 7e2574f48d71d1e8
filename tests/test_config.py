"""The run configuration: validation, stage closure, TOML, CLI overrides."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import _config, build_parser
from pipeline.config import DEFAULT_CACHE_ENV, Config, default_cache_dir
from tests.conftest import ROOT

# fmt: off
STAGE_CLOSURE = [
    (("dates",), ("dates",)),
    (("tokens",), ("tokens",)),
    (("commitments",), ("dates", "entities", "commitments")),
    (("entities", "dates", "tokens"), ("tokens", "dates", "entities")),
]
# fmt: on


@pytest.mark.parametrize(("asked", "run"), STAGE_CLOSURE)
def test_config_stages_add_their_prerequisites_in_order(asked: tuple[str, ...], run: tuple[str, ...]) -> None:
    config = Config(stages=asked, cache_dir=None)
    assert config.stages == run
    assert config.needs_parser == ("entities" in run)


@pytest.mark.parametrize("changes", [{"stages": ("nonsense",)}, {"engine": "ray"}, {"workers": 0}, {"batch_chars": 0}])
def test_config_rejects_invalid_values(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"unknown|at least 1"):
        Config(cache_dir=None).replace(**changes)


def test_config_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DEFAULT_CACHE_ENV, str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.delenv(DEFAULT_CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "jpextract"


def test_config_toml_then_cli_overrides(tmp_path: Path) -> None:
    toml = tmp_path / "run.toml"
    toml.write_text('[extract]\nstages = ["dates"]\nbatch_chars = 5000\ncache_dir = ""\n', encoding="utf-8")
    args = build_parser().parse_args(["extract", "raw", "-o", "x.jsonl", "--config", str(toml), "--workers", "2"])
    config = _config(args)
    assert config.stages == ("dates",)
    assert config.batch_chars == 5000
    assert config.cache_dir is None
    assert config.workers == 2


def test_config_strict_turns_warnings_into_failures(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("2011年2月29日に会合を開いた。2011年6月21日に合意した。", encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    base = [sys.executable, "-m", "pipeline", "extract", str(doc), "--stages", "dates"]
    relaxed = subprocess.run(
        [*base, "-o", str(tmp_path / "a.jsonl")], capture_output=True, text=True, env=env, check=False
    )
    assert relaxed.returncode == 0
    record = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert [w["code"] for w in record["warnings"]] == ["W301"]
    assert [d["value"] for d in record["dates"]] == ["2011-06-21"]
    strict = subprocess.run(
        [*base, "-o", str(tmp_path / "b.jsonl"), "--strict"], capture_output=True, text=True, env=env, check=False
    )
    assert strict.returncode == 1
    assert "W301" in strict.stderr
    assert not (tmp_path / "b.jsonl").exists()  # nothing extracted: nothing written
