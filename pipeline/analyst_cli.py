"""The analysts' commands: tables, a review page, and the round trip through annotation tools.

``export`` (tables), ``review`` (an HTML page), ``annotate`` and ``import-gold`` (Label Studio or
doccano).

``pipeline.cli`` registers them with ``add_commands`` and runs them with ``run``; each command's
work is in its own package (``pipeline.export``, ``pipeline.review``, ``pipeline.annotation``), and
what its help says is in ``pipeline.usage``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pipeline import usage

COMMANDS = ("export", "review", "annotate", "import-gold")


def add_commands(sub: Any) -> None:
    """Add the analysts' subcommands to the CLI's subparsers."""
    ex = usage.add_command(sub, "export")
    ex.add_argument("predictions", type=Path, metavar="PRED", help="extraction records (what extract wrote)")
    ex.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder for the tables")
    ex.add_argument(
        "--format",
        default="parquet,duckdb",
        metavar="LIST",
        help="comma-separated: parquet, csv, duckdb (default parquet,duckdb)",
    )
    _add_review(sub)
    _add_annotation(sub)


def _add_review(sub: Any) -> None:
    rv = usage.add_command(sub, "review")
    rv.add_argument("predictions", type=Path, metavar="PRED", help="extraction records (what extract wrote)")
    rv.add_argument("--gold", type=Path, metavar="DIR", help="folder of gold fixtures (<doc_id>.json) to diff against")
    rv.add_argument("-o", "--output", type=Path, required=True, metavar="HTML", help="the page to write")
    rv.add_argument("--title", help="the page's title")


def _review(args: argparse.Namespace) -> int:
    from pipeline.review import run_review

    summary = run_review(args.predictions, args.gold, args.output, args.title)
    line = f"review page: {summary['documents']} documents, {summary['predicted']} highlighted spans"
    if summary.get("gold"):
        missed = sum(r["counts"]["missed"] for r in summary["rows"])
        spurious = sum(r["counts"]["spurious"] for r in summary["rows"])
        line += f"; gold diff: {missed} missed, {spurious} spurious"
    print(f"{line} -> {args.output}", file=sys.stderr)
    return 0


def _tools(value: str) -> tuple[str, ...]:
    from pipeline.annotation import TOOLS

    tools = tuple(TOOLS if value == "all" else [value])
    if not set(tools) <= set(TOOLS):
        raise ValueError(f"unknown tool {value!r} (choose from {', '.join(TOOLS)}, all)")
    return tools


def _add_annotation(sub: Any) -> None:
    an = usage.add_command(sub, "annotate")
    an.add_argument("predictions", type=Path, metavar="PRED", help="extraction records (what extract wrote)")
    an.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder for the task files")
    an.add_argument("--tool", default="all", help="label-studio, doccano or all (default all)")
    an.add_argument("--blank", action="store_true", help="no pre-annotations: annotate from the text alone")
    ig = usage.add_command(sub, "import-gold")
    ig.add_argument("export", type=Path, metavar="EXPORT", help="the tool's export (Label Studio JSON, doccano JSONL)")
    ig.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="the gold folder")
    ig.add_argument("--tool", choices=("label-studio", "doccano"), help="the export's tool (default: detected)")
    ig.add_argument("--overwrite", action="store_true", help="replace fixtures that exist")


def _annotate(args: argparse.Namespace) -> int:
    from pipeline.annotation import run_annotate

    written = run_annotate(args.predictions, args.output, _tools(args.tool), blank_tasks=args.blank)
    print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


def _import_gold(args: argparse.Namespace) -> int:
    from pipeline.annotation import run_import_gold

    fixtures = run_import_gold(args.export, args.output, args.tool, args.overwrite)
    items = sum(len(f[layer]) for f in fixtures for layer in ("dates", "entities", "commitments"))
    print(f"imported {len(fixtures)} gold fixtures ({items} items) -> {args.output}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from pipeline.export import DATABASE, parse_formats, run_export

    formats = parse_formats(args.format)
    counts = run_export(args.predictions, args.output, formats)
    shown = ", ".join(f"{name} {count}" for name, count in counts.items())
    where = f"{args.output}/" + (DATABASE if formats == ("duckdb",) else "")
    print(f"exported {shown} rows ({', '.join(formats)}) -> {where}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run one of ``COMMANDS``; return the exit status."""
    handlers = {"export": _export, "review": _review, "annotate": _annotate, "import-gold": _import_gold}
    return handlers[args.command](args)
