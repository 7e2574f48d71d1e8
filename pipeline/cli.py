"""Command line: argument parsing only; the work is in ``run_extract`` and ``run_evaluate``.

    python -m pipeline extract INPUT... -o OUT.jsonl [--stages dates,entities] [--max-doc-chars N] [...]
    python -m pipeline evaluate [PRED.jsonl] [--gold DIR] [-o SCORES.json]

User errors print one line on stderr and exit non-zero; bugs still show a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__, analyst_cli
from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.limits import DEFAULT_MAX_DOC_CHARS

if TYPE_CHECKING:
    from pipeline.summary import RunSummary

logger = logging.getLogger("pipeline")

EXIT_OK = 0
EXIT_DOC_FAILED = 1
EXIT_USAGE = 2


def _stages(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the README's usage section)."""
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"jpextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract dates, entities and commitments to JSONL")
    ex.add_argument("inputs", nargs="+", type=Path, help=".txt/.jsonl/.jsonl.gz files or directories")
    ex.add_argument("-o", "--output", type=Path, required=True, help="output JSONL (records)")
    ex.add_argument("--stages", type=_stages, help="comma-separated: tokens,dates,entities,commitments")
    ex.add_argument(
        "--tokens",
        action=argparse.BooleanOptionalAction,
        help="also write OUT.tokens.jsonl, fugashi tokens of every sentence (~68 bytes per input character); "
        "off unless --tokens or `tokens` in --stages",
    )
    ex.add_argument("--config", type=Path, help="TOML file with an [extract] table")
    ex.add_argument("--cache-dir", type=Path, help="parse cache (default $PIPELINE_CACHE_DIR or ~/.cache/jpextract)")
    ex.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    ex.add_argument("--batch-size", type=int, help="at most N documents per batch")
    ex.add_argument("--batch-chars", type=int, help="about N characters per batch and per GiNZA group")
    ex.add_argument("--workers", type=int, help="worker processes (local engine)")
    ex.add_argument("--engine", choices=("local", "dask"), help="where batches run")
    ex.add_argument("--scheduler", help="address of an existing Dask scheduler (with --engine dask)")
    ex.add_argument(
        "--max-doc-chars",
        type=int,
        metavar="N",
        help=f"skip documents longer than N characters, unread (E112; default {DEFAULT_MAX_DOC_CHARS:,})",
    )
    ex.add_argument("--strict", action="store_true", help="treat record warnings as document failures")
    ex.add_argument("--verbose", action="store_true", help="show tracebacks of failed documents")
    ex.add_argument("--blis", action="store_true", help="use thinc's default blis gemm (for benchmarks)")

    ev = sub.add_parser("evaluate", help="score extractions against gold fixtures")
    ev.add_argument("predictions", nargs="?", type=Path, default=Path("outputs/extractions.jsonl"))
    ev.add_argument("--gold", type=Path, default=Path("tests/fixtures/gold"))
    ev.add_argument("-o", "--output", type=Path, default=Path("outputs/scores.json"))
    analyst_cli.add_commands(sub)
    return parser


def _config(args: argparse.Namespace) -> Config:
    config = Config.from_toml(args.config) if args.config else Config()
    changes: dict[str, object] = {}
    if args.stages:
        changes["stages"] = args.stages
    if args.cache_dir:
        changes["cache_dir"] = args.cache_dir
    if args.no_cache:
        changes["cache_dir"] = None
    for name in ("batch_size", "batch_chars", "workers", "engine", "scheduler", "max_doc_chars"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.strict:
        changes["strict"] = True
    if args.verbose:
        changes["verbose"] = True
    if args.blis:
        changes["numpy_gemm"] = False
    config = config.replace(**changes) if changes else config
    return config if args.tokens is None else config.with_tokens(args.tokens)


def _summary_line(summary: RunSummary, output: Path) -> str:
    """The last line of a run on stderr: what it did, how fast, and where it wrote."""
    rate = summary.chars / summary.seconds if summary.seconds else 0.0
    where = f"-> {output}" if summary.written else "no outputs written (earlier ones, if any, are as they were)"
    return (
        f"extracted {summary.documents} documents ({len(summary.failures)} failed), "
        f"{summary.chars:,} chars in {summary.seconds:.1f} s ({rate:,.0f} chars/s), "
        f"cache {summary.cache_hits} hits / {summary.cache_misses} misses {where}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command in analyst_cli.COMMANDS:
            return analyst_cli.run(args)
        if args.command == "extract":
            from pipeline.extract import run_extract

            config = _config(args)
            logger.info("config: %s", config.to_dict())
            summary = run_extract(args.inputs, args.output, config)
            print(_summary_line(summary, args.output), file=sys.stderr)
            return summary.exit_status
        from pipeline.evaluate import run_evaluate

        run_evaluate(args.predictions, args.gold, args.output, stdout=sys.stdout)
        return EXIT_OK
    except (PipelineError, ValueError, OSError) as exc:
        if getattr(args, "verbose", False):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
