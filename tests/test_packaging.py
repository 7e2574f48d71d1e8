"""The pins a fresh clone installs agree with each other and with pyproject.toml."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def _lock(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        package, _, version = line.partition("==")
        assert version, f"{name}: {line!r} is not an exact pin"
        pins[_normal(package)] = version
    return pins


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;]+)", spec)
    assert match, f"pyproject dependency {spec!r} is not an exact pin"
    return _normal(match[1]), match[2]


def test_packaging_pyproject_pins_are_in_the_locks() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, dev = _lock("requirements.lock"), _lock("requirements-dev.lock")
    for spec in project["dependencies"]:
        name, version = _requirement(spec)
        assert runtime.get(name) == version, spec
        assert dev.get(name) == version, spec
    for spec in project["optional-dependencies"]["dev"]:
        name, version = _requirement(spec)
        assert dev.get(name) == version, spec


def test_packaging_dev_lock_extends_runtime_lock() -> None:
    runtime, dev = _lock("requirements.lock"), _lock("requirements-dev.lock")
    assert {k: dev.get(k) for k in runtime} == runtime
