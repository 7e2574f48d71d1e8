"""``run_extract``: compose the stages over a corpus and write the outputs.

Documents stream through in batches (pipeline/batch.py) on an engine (pipeline/engines.py); each
document is isolated, so a failure is reported and the run goes on. Records are spooled to disk as
they are made and written out sorted by ``doc_id`` at the end, atomically: memory stays flat
however large the corpus, and an interrupted run leaves the previous outputs as they were.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from pipeline.config import Config
from pipeline.documents import InputWarning, ReadLimits, ReadMeter, read_documents
from pipeline.engines import run_batches
from pipeline.inputs import TOKEN_ROWS, display_path, output_kind
from pipeline.jsonl import Spool, write_json
from pipeline.manifest import build_manifest
from pipeline.schema import STAGE_VERSIONS
from pipeline.summary import RunSummary

logger = logging.getLogger(__name__)
# Input warnings shown on stderr, one line each; the rest are counted there and all are in the manifest
# (a corpus whose every date is written 2023/05/01 would otherwise bury its failures).
SHOWN_WARNINGS = 20


def sibling_paths(out: Path) -> tuple[Path, Path]:
    """``tokens.jsonl`` and ``manifest.json`` beside ``extractions.jsonl``; ``X.tokens.jsonl`` else."""
    if out.name == "extractions.jsonl":
        return out.with_name("tokens.jsonl"), out.with_name("manifest.json")
    stem = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(f"{stem}.tokens.jsonl"), out.with_name(f"{stem}.manifest.json")


def own_outputs(out: Path) -> tuple[Path, ...]:
    """Every file a run writes to ``out`` may create: never read as input, even inside an input directory."""
    tokens_path, manifest_path = sibling_paths(out)
    spools = (out.with_name(out.name + ".spool.tmp"), out.with_name(out.name + ".tokens.spool.tmp"))
    finals = (out, tokens_path, manifest_path)
    return (*finals, *(p.with_name(p.name + ".tmp") for p in finals), *spools)


def run_extract(
    inputs: Sequence[Path],
    out: Path,
    config: Config,
    *,
    stderr: IO[str] | None = None,
) -> RunSummary:
    """Extract every document of ``inputs`` into ``out`` (+ tokens and manifest beside it).

    Bad documents are reported on ``stderr`` (one line each) and listed in the manifest; the rest
    are written. Outputs are replaced atomically only when the run completes, and only when it
    extracted at least one document: a run over missing or only bad inputs writes nothing and leaves
    earlier outputs as they were (``summary.written`` lists what was written). The run never reads
    its own outputs (``own_outputs``) nor files that hold this pipeline's output; it says so once.
    """
    stderr = stderr if stderr is not None else sys.stderr
    started = time.perf_counter()
    _, manifest_path = sibling_paths(out)
    summary = RunSummary(counts={"dates": 0, "entities": 0, "commitments": 0, "warnings": 0})
    exclude = (*own_outputs(out), *([config.cache_dir] if config.cache_dir is not None else []))
    records = Spool(out.with_name(out.name + ".spool.tmp"))
    tokens = Spool(out.with_name(out.name + ".tokens.spool.tmp"))
    try:
        meter = ReadMeter()
        stream = read_documents(
            inputs,
            meter,
            limits=ReadLimits(config.max_doc_chars),
            exclude=exclude,
            notice=lambda message: print(message, file=stderr),
            warn=lambda warning: _warn(warning, summary, stderr),
            strict=config.strict,
        )
        for outcome in run_batches(stream, config, summary, stderr, meter.fraction):
            if outcome.failure is not None:
                summary.failures.append(outcome.failure)
                print(str(outcome.failure), file=stderr)
                continue
            assert outcome.record is not None
            records.add(outcome.doc_id, outcome.record)
            if outcome.tokens:
                tokens.add(outcome.doc_id, outcome.tokens)
            summary.documents += 1
            summary.chars += outcome.counts.get("chars", 0)
            for key in summary.counts:
                summary.counts[key] += outcome.counts.get(key, 0)
        summary.seconds = time.perf_counter() - started
        if len(summary.input_warnings) > SHOWN_WARNINGS:
            more = len(summary.input_warnings) - SHOWN_WARNINGS
            where = "the manifest's input_warnings" if summary.documents else "no manifest: nothing was written"
            print(f"... and {more:,} more warnings like these ({where})", file=stderr)
        if summary.documents:
            _write_outputs(out, records, tokens if config.tokens else None, summary, stderr)
            manifest = build_manifest(inputs, config, summary, stage_versions=STAGE_VERSIONS, exclude=exclude)
            write_json(manifest_path, manifest)
            summary.written.append(manifest_path)
        elif not summary.failures:
            print("no documents in the inputs (.txt, .jsonl and .jsonl.gz files): nothing to extract", file=stderr)
    finally:
        records.discard()
        tokens.discard()
    return summary


def _warn(warning: InputWarning, summary: RunSummary, stderr: IO[str]) -> None:
    """Keep the warning for the manifest; show the first ``SHOWN_WARNINGS`` on stderr."""
    summary.input_warnings.append(warning)
    if len(summary.input_warnings) <= SHOWN_WARNINGS:
        print(str(warning), file=stderr)


def _write_outputs(out: Path, records: Spool, tokens: Spool | None, summary: RunSummary, stderr: IO[str]) -> None:
    """Records, and token rows when the run made them; an earlier run's token rows at that path go."""
    tokens_path, _ = sibling_paths(out)
    records.write_sorted(out)
    summary.written.append(out)
    if tokens is not None:
        tokens.write_sorted(tokens_path)
        summary.written.append(tokens_path)
    elif output_kind(tokens_path) == TOKEN_ROWS:
        # Left there, they would describe other records than the ones just written.
        tokens_path.unlink()
        shown = display_path(tokens_path)
        print(f"note: removed {shown}, an earlier run's token rows (--tokens writes them)", file=stderr)


__all__ = ["RunSummary", "own_outputs", "run_extract", "sibling_paths"]
