"""The whole Diet corpus through the pipeline, cold (empty parse cache) then warm (the same cache).

    python bench/corpus.py [--every N | --limit N] [--workers 2] [--json bench/last.json]
    python bench/corpus.py --every 20 --scaling 3    # --workers 1 vs 2, cold, alternated, 3 rounds

Reads ../shared/corpora/kokkai-defense/speeches.jsonl.gz (19,490 speeches, 15.8 M characters);
``--every 100`` takes every 100th speech (a 1% sample, 195 speeches), ``--limit N`` the first N.
Both runs are whole processes (``python -m pipeline extract``, timed with wait4); their outputs
must be byte-identical. The figures (wall time, chars/s, peak memory of the main process and of
the stage processes from the manifest, cache hits), the machine (CPUs, model, memory, load
averages before and after) and the versions go into ``--json`` under ``"corpus"`` (other keys of
the file are kept). The issue's bounds are printed: 30 minutes cold (8.8k chars/s), 2 minutes
warm. The whole corpus takes both cores for tens of minutes: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpora beside the checkout (or beside a parent folder holding git worktrees)
CORPORA = next((p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent)
KOKKAI = CORPORA / "kokkai-defense" / "speeches.jsonl.gz"
ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
COLD_BOUND_S, WARM_BOUND_S, WHOLE_CHARS = 30 * 60, 2 * 60, 15_800_000


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, help="every Nth speech (100: a 1%% sample)")
    parser.add_argument("--limit", type=int, help="the first N speeches")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=KOKKAI)
    parser.add_argument("--json", type=Path, help="write the figures here, under 'corpus'")
    parser.add_argument("--keep", type=Path, help="keep the outputs and the cache in this directory")
    parser.add_argument("--scaling", type=int, metavar="ROUNDS", help="instead: cold --workers 1 vs 2, alternated")
    return parser.parse_args(argv)


def _input(args: argparse.Namespace, tmp: Path) -> tuple[Path, str]:
    """The corpus file itself, or a slice of it written to ``tmp``."""
    if not args.every and not args.limit:
        return args.corpus, "whole corpus"
    path = tmp / "slice.jsonl"
    with gzip.open(args.corpus, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for k, line in enumerate(src):
            if args.limit and k >= args.limit:
                break
            if not args.every or k % args.every == 0:
                out.write(line)
    return path, f"every {args.every}th speech" if args.every else f"first {args.limit} speeches"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    info: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
        info["cpu"] = models[0] if models else None
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
        info["memory_gb"] = round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024, 1)
    except (OSError, ValueError):
        pass
    return info


def timed_run(cmd: list[str]) -> dict[str, Any]:
    """Wall seconds, exit status and the load averages around one whole process."""
    load = os.getloadavg()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, _ = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{cmd[3:5]} exited {code}: {err.decode(errors='replace')[-2000:]}")
    return {"seconds": round(seconds, 2), "exit": code, "load_before": load, "load_after": os.getloadavg()}


def run_once(source: Path, out: Path, cache: Path, workers: int) -> dict[str, Any]:
    """One extraction; its timing and what its manifest says."""
    cmd = [sys.executable, "-m", "pipeline", "extract", str(source), "-o", str(out), "--cache-dir", str(cache)]
    result = timed_run([*cmd, "--workers", str(workers)])
    manifest = json.loads(out.with_name(out.name.replace(".jsonl", ".manifest.json")).read_text(encoding="utf-8"))
    chars = manifest["counts"]["chars"]
    result.update(
        documents=manifest["counts"]["documents"],
        failed=manifest["counts"]["failed"],
        chars=chars,
        chars_per_s=round(chars / result["seconds"]),
        cache=manifest["cache"],
        peak_rss_mb=manifest["peak_rss_mb"],
    )
    return result


def report(figures: dict[str, Any]) -> None:
    """Print the runs against the issue's bounds (scaled to the whole corpus for a slice)."""
    cold, warm = figures["cold"], figures["warm"]
    scale = WHOLE_CHARS / max(cold["chars"], 1)
    print(f"{figures['input']}: {cold['documents']:,} documents, {cold['chars']:,} chars, {figures['workers']} workers")
    for name, run, bound in (("cold", cold, COLD_BOUND_S), ("warm", warm, WARM_BOUND_S)):
        whole = run["seconds"] * scale
        print(
            f"  {name}: {run['seconds']:,.1f} s, {run['chars_per_s']:,} chars/s, peak RSS main "
            f"{run['peak_rss_mb']['main']} MB, stages {run['peak_rss_mb']['stages']} MB; "
            f"whole corpus at this rate {whole / 60:,.1f} min (bound {bound / 60:.0f} min)"
        )
    print(f"  outputs identical: {figures['identical']}")


def scaling(source: Path, label: str, tmp: Path, rounds: int) -> dict[str, Any]:
    """Cold runs with one and two workers, alternated round by round (each with an empty cache)."""
    runs: dict[str, list[dict[str, Any]]] = {"1": [], "2": []}
    for r in range(rounds):
        for workers in runs:
            cache = tmp / f"cache{workers}_{r}"
            runs[workers].append(run_once(source, tmp / f"w{workers}_{r}.jsonl", cache, int(workers)))
            shutil.rmtree(cache, ignore_errors=True)
    ratios = [one["seconds"] / two["seconds"] for one, two in zip(runs["1"], runs["2"], strict=True)]
    outputs = {(tmp / f"w{w}_{r}.jsonl").read_bytes() for w in runs for r in range(rounds)}
    print(
        f"{label}: {runs['1'][0]['chars']:,} chars; --workers 2 vs 1, cold: " + ", ".join(f"{x:.2f}x" for x in ratios)
    )
    print(f"  median {statistics.median(ratios):.2f}x (the issue asks >= 1.85); outputs identical: {len(outputs) == 1}")
    return {"input": label, "rounds": runs, "ratios": ratios, "identical": len(outputs) == 1, "machine": machine()}


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    if not args.corpus.exists():
        print(f"bench: {args.corpus} not found; the benchmarks read ../shared/corpora", file=sys.stderr)
        return 2
    if args.scaling:
        with tempfile.TemporaryDirectory() as tmp_name:
            source, label = _input(args, Path(tmp_name))
            figures = scaling(source, label, Path(tmp_name), args.scaling)
        _write(args.json, "scaling", figures)
        return 0 if figures["identical"] else 1
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(args.keep) if args.keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        cache = tmp / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        source, label = _input(args, tmp)
        cold = run_once(source, tmp / "cold.jsonl", cache, args.workers)
        warm = run_once(source, tmp / "warm.jsonl", cache, args.workers)
        identical = (tmp / "cold.jsonl").read_bytes() == (tmp / "warm.jsonl").read_bytes()
    figures = {
        "input": label,
        "workers": args.workers,
        "cold": cold,
        "warm": warm,
        "identical": identical,
        "machine": machine(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    report(figures)
    _write(args.json, "corpus", figures)
    return 0 if identical else 1


def _write(path: Path | None, key: str, figures: dict[str, Any]) -> None:
    """Put ``figures`` under ``key`` in the JSON file ``path`` (its other keys are kept)."""
    if path is None:
        return
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = figures
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
