"""Speed, side by side in one run, as ratios (the machine is shared and noisy: only ratios of
measurements taken together mean anything).

Reads ../shared/corpora (the Diet minutes and PM speeches) when it is there; otherwise it says so
and stops. Every GiNZA measurement is a whole process (start-up and model load included), run in
alternation with the one it is compared to, and the median of the rounds is reported:

- bare ja_ginza ``nlp.pipe`` over the texts vs the pipeline, cold (empty parse cache) and warm;
- the pipeline with thinc's default blis gemm vs numpy's (``--blis``), and with spaCy's own NER
  loop vs pipeline/ginza_ner.py (``--spacy-ner``);
- ``--workers 1`` vs ``--workers 2`` and ``--engine dask`` (outputs compared byte for byte);
- in-process: fugashi tokenization, and the dates stage vs ja-timex (bench/bench_dates.py).

    python bench/run.py [--chars 50000] [--rounds 3] [--json bench/last.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
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
sys.path.insert(0, str(ROOT))
ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}

BARE_GINZA = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("ja_ginza")
for doc in nlp.pipe(texts):
    pass
"""


def diet_sample(chars: int, path: Path) -> tuple[int, int]:
    """Diet speeches (2000 onwards, 500-5,000 chars, corpus order) until ``chars`` are reached."""
    n = total = 0
    with gzip.open(KOKKAI, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            if record["date"] < "2000" or not 500 <= len(record["text"]) <= 5000:
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
            total += len(record["text"])
            if total >= chars:
                break
    return n, total


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one whole process (its own rusage, via wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return seconds, usage.ru_maxrss // 1024


def extract_cmd(sample: Path, out: Path, *extra: str) -> list[str]:
    # --tokens: every stage and every output, as the numbers in bench/README.md were measured
    return [sys.executable, "-m", "pipeline", "extract", str(sample), "-o", str(out), "--tokens", *extra]


def fugashi_rate(texts: list[str]) -> float:
    from pipeline.resources import load_tagger
    from pipeline.tokens import find_sentences

    tagger = load_tagger()
    start = time.perf_counter()
    for text in texts:
        find_sentences(text, tagger)
    return sum(map(len, texts)) / (time.perf_counter() - start)


RUNS = {
    "bare": "bare ja_ginza nlp.pipe, BLAS 1 thread",
    "bare_default": "bare ja_ginza nlp.pipe, default env",
    "cold": "pipeline, cold cache",
    "warm": "pipeline, warm cache",
    "blis": "pipeline, no cache, blis gemm",
    "spacy_ner": "pipeline, no cache, spaCy's NER loop",
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=50_000, help="characters of Diet minutes for GiNZA runs")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--skip-engines", action="store_true", help="skip workers/dask (saves minutes)")
    parser.add_argument(
        "--sweep-batch", action="store_true", help="also time --batch-chars 2500..40000 (wall time, peak RSS)"
    )
    return parser.parse_args(argv)


def ginza_rounds(tmp: Path, sample: Path, rounds: int) -> dict[str, list[tuple[float, int]]]:
    """Whole processes, alternated round by round: bare ja_ginza and the pipeline's variants."""
    runs: dict[str, list[tuple[float, int]]] = {k: [] for k in RUNS}
    # bare ja_ginza as a user runs it: numpy's OpenBLAS starts its threads (PERFORMANCE.md: a
    # second thread slows the parser and NER), against "bare", which gets our one-thread setting
    default_env = {k: v for k, v in ENV.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    bare_script = tmp / "bare.py"
    bare_script.write_text(BARE_GINZA, encoding="utf-8")
    for r in range(rounds):
        cache = tmp / f"cache{r}"
        runs["bare"].append(timed([sys.executable, str(bare_script), str(sample)]))
        runs["bare_default"].append(timed([sys.executable, str(bare_script), str(sample)], env=default_env))
        runs["cold"].append(timed(extract_cmd(sample, tmp / f"cold{r}.jsonl", "--cache-dir", str(cache))))
        runs["warm"].append(timed(extract_cmd(sample, tmp / f"warm{r}.jsonl", "--cache-dir", str(cache))))
        runs["blis"].append(timed(extract_cmd(sample, tmp / f"blis{r}.jsonl", "--no-cache", "--blis")))
        runs["spacy_ner"].append(timed(extract_cmd(sample, tmp / f"spacy_ner{r}.jsonl", "--no-cache", "--spacy-ner")))
        print(f"  round {r + 1}: " + ", ".join(f"{k} {v[-1][0]:.1f} s" for k, v in runs.items()), flush=True)
    return runs


def report_ginza(tmp: Path, runs: dict[str, list[tuple[float, int]]], chars: int, rounds: int) -> dict[str, Any]:
    """Medians, ratios and whether every pipeline variant wrote the same bytes."""
    variants = ("cold", "warm", "blis", "spacy_ner")
    same = len({(tmp / f"{k}{r}.jsonl").read_bytes() for k in variants for r in range(rounds)})
    med = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
    rss = {k: max(m for _, m in v) for k, v in runs.items()}
    print(f"\n{'whole process, ' + format(chars, ',') + ' chars':40} {'seconds':>8} {'chars/s':>8} {'ratio':>7}")
    for key, label in RUNS.items():
        print(f"{label:40} {med[key]:8.2f} {chars / med[key]:8,.0f} {med['bare'] / med[key]:6.2f}x")
    per_round = [b / c for (c, _), (b, _) in zip(runs["cold"], runs["bare"], strict=True)]
    print(f"bare / cold wall time: {med['bare'] / med['cold']:.3f} (the issue asks >= 1.5)")
    print("  per round: " + ", ".join(f"{x:.3f}" for x in per_round))
    print(f"bare with the default environment / cold: {med['bare_default'] / med['cold']:.3f}")
    print(f"warm speed-up over cold: {med['cold'] / med['warm']:.1f}x; outputs identical: {same == 1}")
    print(f"numpy gemm vs blis (pipeline, no cache): {med['blis'] / med['cold']:.2f}x")
    print(f"ginza_ner vs spaCy's NER loop (pipeline, no cache): {med['spacy_ner'] / med['cold']:.2f}x")
    return {"seconds": med, "peak_rss_mb": rss, "distinct_outputs": same, "bare_over_cold_per_round": per_round}


ENGINES = {
    "workers1": ["--workers", "1"],
    "workers2": ["--workers", "2"],
    "dask2": ["--engine", "dask", "--workers", "2"],
}


def engine_rounds(tmp: Path, sample: Path, rounds: int) -> dict[str, Any]:
    """``--workers 1`` vs ``2`` vs ``--engine dask``, alternated, no cache; outputs compared."""
    eng: dict[str, list[float]] = {k: [] for k in ENGINES}
    for r in range(rounds):
        for key, extra in ENGINES.items():
            eng[key].append(timed(extract_cmd(sample, tmp / f"{key}{r}.jsonl", "--no-cache", *extra))[0])
    outputs = {(tmp / f"{k}{r}.jsonl").read_bytes() for k in eng for r in range(rounds)}
    emed = {k: statistics.median(v) for k, v in eng.items()}
    per_round = [one / two for one, two in zip(eng["workers1"], eng["workers2"], strict=True)]
    print(
        f"\nworkers 2 vs 1: {emed['workers1'] / emed['workers2']:.2f}x faster (rounds "
        + ", ".join(f"{x:.2f}" for x in per_round)
        + f"); dask (2 workers) vs workers 1: {emed['workers1'] / emed['dask2']:.2f}x; "
        f"identical outputs: {len(outputs) == 1}"
    )
    return {"seconds": emed, "rounds": eng, "identical": len(outputs) == 1}


def sweep_batch(tmp: Path, sample: Path, rounds: int) -> dict[str, Any]:
    """Wall time and peak RSS per ``--batch-chars``."""
    sweep: dict[int, list[tuple[float, int]]] = {n: [] for n in (2_500, 5_000, 10_000, 20_000, 40_000)}
    for r in range(rounds):
        for n in sweep:
            out = tmp / f"batch{n}_{r}.jsonl"
            sweep[n].append(timed(extract_cmd(sample, out, "--no-cache", "--batch-chars", str(n))))
    print(f"\n{'--batch-chars':>14} {'seconds':>8} {'peak RSS MB':>12}")
    for n, runs_n in sweep.items():
        print(f"{n:>14,} {statistics.median(s for s, _ in runs_n):8.2f} {max(m for _, m in runs_n):12,}")
    return {
        str(n): {"seconds": statistics.median(s for s, _ in v), "peak_rss_mb": max(m for _, m in v)}
        for n, v in sweep.items()
    }


def fugashi_step(bare_rate: float) -> float:
    """fugashi tokenization with sentence splitting on the first 1 M characters of the corpus."""
    texts = []
    with gzip.open(KOKKAI, "rt", encoding="utf-8") as src:
        for line in src:
            texts.append(json.loads(line)["text"])
            if sum(map(len, texts)) >= 1_000_000:
                break
    rate = fugashi_rate(texts)
    total = sum(map(len, texts))
    print(f"\nfugashi sentences + tokens: {rate:,.0f} chars/s on {total:,} chars ({rate / bare_rate:.0f}x bare GiNZA)")
    return rate


def dates_step() -> None:
    print("\ndates stage vs ja-timex (bench/bench_dates.py):", flush=True)
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_dates

    bench_dates.main([])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not KOKKAI.exists():
        print(f"bench: {KOKKAI} not found; the benchmarks read ../shared/corpora", file=sys.stderr)
        return 2
    results: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_before": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = tmp / "diet.jsonl"
        docs, chars = diet_sample(args.chars, sample)
        results["sample"] = {"documents": docs, "chars": chars}
        print(f"sample: {docs} Diet speeches, {chars:,} chars; {args.rounds} rounds, medians", flush=True)
        results["ginza"] = report_ginza(tmp, ginza_rounds(tmp, sample, args.rounds), chars, args.rounds)
        if not args.skip_engines:
            results["engines"] = engine_rounds(tmp, sample, args.rounds)
        if args.sweep_batch:
            results["batch_chars"] = sweep_batch(tmp, sample, args.rounds)
    results["fugashi_chars_per_s"] = fugashi_step(chars / results["ginza"]["seconds"]["bare"])
    dates_step()
    results["load_after"] = os.getloadavg()
    if args.json:
        data = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {}
        data.update(results)
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
