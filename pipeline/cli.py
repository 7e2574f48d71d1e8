"""Command line: argument parsing only; the work is in ``run_extract``, ``run_evaluate`` and the analysts' commands.

What the help says is in ``pipeline.usage``. The ``jpextract`` console script and ``python -m
pipeline`` both start here (through ``pipeline.__main__``). User errors print one line on stderr and
exit non-zero; bugs still show a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__, analyst_cli, usage
from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.limits import DEFAULT_MAX_DOC_CHARS

if TYPE_CHECKING:
    from pipeline.summary import RunSummary

logger = logging.getLogger("pipeline")

EXIT_OK = 0
EXIT_DOC_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C


def _stages(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def build_parser(prog: str = "jpextract") -> argparse.ArgumentParser:
    """The argument parser; its help texts are in ``pipeline.usage`` (``prog``: how the tool was started)."""
    parser = argparse.ArgumentParser(prog=prog, usage="%(prog)s COMMAND [OPTIONS]")
    parser.add_argument("--version", action="version", version=f"jpextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help=argparse.SUPPRESS, prog=prog)
    _add_extract(usage.add_command(sub, "extract"))
    _add_evaluate(usage.add_command(sub, "evaluate"))
    analyst_cli.add_commands(sub)
    _add_entities_command(sub)
    usage.describe(parser, sub)
    return parser


def _add_extract(ex: argparse.ArgumentParser) -> None:
    ex.add_argument(
        "inputs", nargs="+", type=Path, metavar="INPUT", help=".txt, .jsonl or .jsonl.gz files, or directories"
    )
    ex.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="the records to write (JSONL)")
    what = ex.add_argument_group("what to extract")
    what.add_argument(
        "--stages",
        type=_stages,
        metavar="LIST",
        help="comma-separated, from tokens,dates,entities,commitments (default dates,entities,commitments; "
        "commitments brings in dates and entities, which it reads)",
    )
    what.add_argument(
        "--tokens",
        action=argparse.BooleanOptionalAction,
        help="also write OUT.tokens.jsonl, the fugashi tokens of every sentence (~68 bytes per input character; "
        "default off, on when --stages names tokens; --no-tokens wins)",
    )
    what.add_argument("--config", type=Path, metavar="TOML", help="options from the [extract] table of a TOML file")
    limits = ex.add_argument_group("limits and errors")
    limits.add_argument(
        "--max-doc-chars",
        type=int,
        metavar="N",
        help=f"refuse documents longer than N characters, unread (E112; default {DEFAULT_MAX_DOC_CHARS:,})",
    )
    limits.add_argument(
        "--strict",
        action="store_true",
        help="fail a document on any warning: an impossible date in its text, a document date not in YYYY-MM-DD",
    )
    limits.add_argument("--verbose", action="store_true", help="print the traceback of a failed document")
    speed = ex.add_argument_group("speed and scale")
    speed.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="GiNZA parse cache (default $PIPELINE_CACHE_DIR or ~/.cache/jpextract)",
    )
    speed.add_argument("--no-cache", action="store_true", help="neither read nor write the parse cache")
    speed.add_argument("--workers", type=int, metavar="N", help="processes, each with its own model (default 1)")
    speed.add_argument("--engine", choices=("local", "dask"), help="run here (local, the default) or on a Dask cluster")
    speed.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler (with --engine dask)")
    speed.add_argument("--batch-size", type=int, metavar="N", help="at most N documents per batch (default 32)")
    speed.add_argument(
        "--batch-chars", type=int, metavar="N", help="about N characters per batch (default 10,000; memory, not speed)"
    )
    speed.add_argument("--blis", action="store_true", help=argparse.SUPPRESS)  # benchmarks: thinc's blis gemm
    speed.add_argument("--spacy-ner", action="store_true", help=argparse.SUPPRESS)  # benchmarks: spaCy's NER loop


def _add_evaluate(ev: argparse.ArgumentParser) -> None:
    ev.add_argument(
        "predictions",
        nargs="?",
        type=Path,
        default=Path("outputs/extractions.jsonl"),
        metavar="PRED",
        help="extraction records (default outputs/extractions.jsonl)",
    )
    ev.add_argument("--gold", type=Path, default=Path("tests/fixtures/gold"), metavar="DIR", help="the gold fixtures")
    ev.add_argument(
        "-o", "--output", type=Path, default=Path("outputs/scores.json"), metavar="SCORES", help="where the scores go"
    )


def _add_entities_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``entities``: the corpus-wide view of identity keys (``pipeline.entity_index``)."""
    en = usage.add_command(sub, "entities")
    en.add_argument("records", type=Path, help="an extraction's output (JSONL records)")
    shape = en.add_mutually_exclusive_group()
    shape.add_argument("--json", dest="format", action="store_const", const="json", help="one JSON document")
    shape.add_argument("--csv", dest="format", action="store_const", const="csv", help="CSV, one row per key")
    en.add_argument("--label", help="only this label (PERSON, ORG, LOCATION, ...)")
    en.add_argument("--top", type=int, help="only the N most frequent keys")
    en.add_argument(
        "--unkeyed", type=int, default=0, metavar="N", help="also the N most frequent surfaces without a key"
    )


def _run_entities_command(args: argparse.Namespace) -> int:
    from pipeline.entity_index import run_entities

    try:
        run_entities(
            args.records, sys.stdout, fmt=args.format or "table", label=args.label, top=args.top, unkeyed=args.unkeyed
        )
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


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
    if args.spacy_ner:
        changes["fast_ner"] = False
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


def main(argv: Sequence[str] | None = None, prog: str = "jpextract") -> int:
    """Run the CLI; return the exit status (``prog``: how the tool was started, for its help)."""
    args = build_parser(prog).parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command in analyst_cli.COMMANDS:
            return analyst_cli.run(args)
        if args.command == "entities":
            return _run_entities_command(args)
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
    except KeyboardInterrupt:
        # the engines have stopped their processes by now (pipeline/engines.py); outputs are untouched
        print("interrupted: no output was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (PipelineError, ValueError, OSError) as exc:
        if getattr(args, "verbose", False):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
