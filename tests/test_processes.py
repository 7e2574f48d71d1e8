"""No process outlives a run, whatever the engine and however the run ends (Linux: /proc, prctl).

Each run is a subprocess of ``tests/reaper.py``, a child subreaper with the run's stdout and
stderr on pipes: a process the run leaves behind is re-parented to the reaper (and reported), and
one that keeps the pipes open makes the run "hang" past its time limit, as ``cmd | tail`` would.
Successful runs read a parse cache seeded with the stored parses (no GiNZA); interrupted and
failing runs use the dates stage on a generated corpus, long enough to be stopped mid-run.

The cluster path is real too: ``dask scheduler`` and ``dask worker`` started as processes, the
run pointed at the scheduler, byte-identical output, and nothing left once they are stopped.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.parses import prepare_doc_parses

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

LIMIT = 240.0
ENGINES = {
    "inline": ["--workers", "1"],
    "pool": ["--workers", "2"],
    "dask": ["--engine", "dask", "--workers", "2"],
}
ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}


def _extract(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", *args]


def _watched(cmd: list[str], *reaper_args: str) -> dict[str, Any]:
    """Run ``cmd`` under the reaper; its report."""
    reaper = [sys.executable, "-m", "tests.reaper", "--timeout", str(LIMIT), *reaper_args, "--", *cmd]
    done = subprocess.run(reaper, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=LIMIT + 60, check=True)
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _clean(report: dict[str, Any]) -> None:
    assert not report["hung"], f"the run's pipes stayed open past {LIMIT} s: {report['stderr'][-1500:]}"
    assert report["survivors"] == [], report["survivors"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("procs") / "cache"
    prepare_doc_parses([FIXTURES / "raw"], cache, update=False)
    return cache


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """6,000 generated documents: the dates stage takes tens of seconds on them."""
    path = tmp_path_factory.mktemp("procs") / "long.jsonl"
    sentence = "平成二十二年四月一日に日米両国は合意した。"
    with path.open("w", encoding="utf-8") as out:
        for i in range(6000):
            row = {"id": f"d{i:05d}", "text": sentence * 40, "date": "2010-05-01"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_processes_none_left_after_a_successful_run(
    engine: str, seeded: Path, fixture_run: Path, tmp_path: Path
) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    out = tmp_path / "extractions.jsonl"
    report = _watched(_extract(str(FIXTURES / "raw"), "-o", str(out), "--cache-dir", str(seeded), *ENGINES[engine]))
    _clean(report)
    assert report["returncode"] == 0, report["stderr"][-1500:]
    assert out.read_bytes() == fixture_run.read_bytes()


@pytest.mark.parametrize("engine", ENGINES)
def test_processes_none_left_after_ctrl_c(engine: str, long_corpus: Path, tmp_path: Path) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    out = tmp_path / "extractions.jsonl"
    cmd = _extract(str(long_corpus), "-o", str(out), "--stages", "dates", *ENGINES[engine])
    # SIGINT to the run's whole process group, as a terminal's Ctrl-C, once its workers are up
    workers = {"inline": 0, "pool": 2, "dask": 4}[engine]
    report = _watched(cmd, "--interrupt-after", "3", "--interrupt-when", str(workers))
    _clean(report)
    assert report["interrupted"], "the run ended before it could be interrupted"
    assert report["returncode"] == 130, report["stderr"][-1500:]
    assert "interrupted" in report["stderr"]
    assert not out.exists()


@pytest.mark.parametrize("engine", ["pool", "dask"])
def test_processes_none_left_when_a_worker_dies(engine: str, long_corpus: Path, tmp_path: Path) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    out = tmp_path / "extractions.jsonl"
    cmd = _extract(str(long_corpus), "-o", str(out), "--stages", "dates", *ENGINES[engine])
    report = _watched(cmd, "--kill-worker-after", "3", "--interrupt-when", "2")
    _clean(report)
    assert report["interrupted"], "the run ended before a worker could be killed"
    assert report["returncode"] == 2, report["stderr"][-1500:]
    assert "E204" in report["stderr"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _marked(mark: str) -> list[str]:
    """Command lines of the processes whose environment carries ``mark``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and mark.encode() in (entry / "environ").read_bytes():
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            continue
    return found


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def test_processes_external_dask_cluster_gives_the_same_bytes(seeded: Path, fixture_run: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed")
    mark = f"JPEXTRACT_TEST_{uuid.uuid4().hex}"
    env = {**ENV, mark: "1", "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    log = tmp_path / "cluster.log"
    with log.open("wb") as sink:
        scheduler = subprocess.Popen(
            [str(dask), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            env=env, stdout=sink, stderr=sink, process_group=0,
        )  # fmt: skip
        worker = subprocess.Popen(
            [str(dask), "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard"],
            env=env, stdout=sink, stderr=sink, process_group=0,
        )  # fmt: skip
        try:
            out = tmp_path / "extractions.jsonl"
            cmd = _extract(str(FIXTURES / "raw"), "-o", str(out), "--cache-dir", str(seeded))
            cmd += ["--engine", "dask", "--scheduler", address]
            done = _wait_for_cluster_run(cmd, env, log)
            assert done.returncode == 0, done.stderr[-1500:]
            assert out.read_bytes() == fixture_run.read_bytes()
        finally:
            _stop(worker)
            _stop(scheduler)
    deadline = time.monotonic() + 15
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _marked(mark) == [], "processes of the cluster outlived it"


def _wait_for_cluster_run(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.CompletedProcess[str]:
    """Run the client once the worker has registered (the CLI fails fast on a missing scheduler)."""
    deadline = time.monotonic() + 90
    while b"Registered to:" not in log.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.2)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=LIMIT, check=False)
