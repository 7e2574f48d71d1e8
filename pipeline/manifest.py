"""The run manifest: versions, configuration, input hashes, counts and failures.

Unlike records, the manifest may carry a timestamp: it describes one run, not the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import resource
import subprocess
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.inputs import discover, display_path
from pipeline.resources import MODEL_NAME, package_versions
from pipeline.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from pipeline.config import Config
    from pipeline.messages import InputFailure
    from pipeline.summary import RunSummary


def file_sha256(path: Path) -> str:
    """Streaming sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git_describe() -> str | None:
    """``git describe --always --dirty`` of the project checkout, or None outside git."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _failure(failure: InputFailure) -> dict[str, Any]:
    """A failure as the manifest lists it: the whole reason, and a stage failure's traceback."""
    entry: dict[str, Any] = {"path": failure.path, "line": failure.line, "code": failure.code.value}
    entry["reason"] = failure.reason
    if failure.traceback is not None:
        entry["traceback"] = failure.traceback
    return entry


def build_manifest(
    inputs: Sequence[Path],
    config: Config,
    summary: RunSummary,
    *,
    stage_versions: dict[str, str],
    exclude: Collection[Path] = (),
) -> dict[str, Any]:
    """Everything needed to reproduce and audit a run (``exclude``: the run's outputs, not inputs)."""
    files = []
    for path, kind, _ in discover([p for p in inputs if p.exists()], exclude):
        if kind == "other":
            continue
        try:
            files.append({"path": display_path(path), "sha256": file_sha256(path)})
        except OSError:
            continue
    packages = package_versions()
    return {
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "stage_versions": dict(stage_versions),
        "model": {"name": MODEL_NAME, "version": packages.get("ja-ginza")},
        "packages": packages,
        "git": git_describe(),
        "config": config.to_dict(),
        "inputs": files,
        "counts": {
            "documents": summary.documents,
            "failed": len(summary.failures),
            "chars": summary.chars,
            **summary.counts,
        },
        "failures": [_failure(f) for f in summary.failures],
        "input_warnings": [
            {"path": w.path, "line": w.line, "code": w.code.value, "reason": w.reason} for w in summary.input_warnings
        ],
        "cache": {"hits": summary.cache_hits, "misses": summary.cache_misses},
        # Peak resident memory of this process and of the processes that ran the stages (the
        # same process for the inline engine); wall time and memory are the run's, not the data's.
        "peak_rss_mb": {
            "main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "stages": summary.peak_rss_mb_workers,
        },
        "seconds": round(summary.seconds, 3),
        "created_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
