"""The analysts' commands: tables, a review page, and the round trip through annotation tools.

``export`` (tables), ``review`` (an HTML page), ``annotate`` and ``import-gold`` (Label Studio or
doccano).

``pipeline.cli`` registers them with ``add_commands`` and runs them with ``run``; each command's
work is in its own package (``pipeline.export``, ``pipeline.review``, ``pipeline.annotation``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

COMMANDS = ("export", "review", "annotate", "import-gold")


def add_commands(sub: Any) -> None:
    """Add the analysts' subcommands to the CLI's subparsers."""
    ex = sub.add_parser(
        "export",
        help="turn extractions into tables (Parquet, CSV, a DuckDB file with views)",
        description="One table per kind: documents, dates, entities, commitments, commitment_parties, warnings. "
        "Example: python -m pipeline export outputs/extractions.jsonl -o outputs/tables",
    )
    ex.add_argument("predictions", type=Path, help="extraction JSONL (python -m pipeline extract ... -o OUT.jsonl)")
    ex.add_argument("-o", "--output", type=Path, required=True, help="folder for the tables")
    ex.add_argument(
        "--format",
        default="parquet,duckdb",
        help="comma-separated: parquet, csv, duckdb (default: parquet,duckdb)",
    )
    _add_review(sub)
    _add_annotation(sub)


def _add_review(sub: Any) -> None:
    rv = sub.add_parser(
        "review",
        help="write one HTML page to read the extractions (and, with --gold, the gold diff) in a browser",
        description="Highlights dates, entities and commitments in each document, lists their details, places "
        "commitments on a timeline; with --gold marks missed, spurious and mismatched items as `evaluate` counts "
        "them. Example: python -m pipeline review outputs/extractions.jsonl --gold tests/fixtures/gold "
        "-o outputs/review.html",
    )
    rv.add_argument("predictions", type=Path, help="extraction JSONL")
    rv.add_argument("--gold", type=Path, help="folder of gold fixtures (<doc_id>.json) to diff against")
    rv.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
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
    an = sub.add_parser(
        "annotate",
        help="write annotation tasks with the predictions as pre-annotations (Label Studio, doccano)",
        description="Label Studio: label-studio-tasks.json (import it) and label-studio-config.xml (the project's "
        "labeling interface); doccano: doccano.jsonl with doccano-labels.json and doccano-relations.json. "
        "Example: python -m pipeline annotate outputs/extractions.jsonl -o outputs/annotation",
    )
    an.add_argument("predictions", type=Path, help="extraction JSONL")
    an.add_argument("-o", "--output", type=Path, required=True, help="folder for the task files")
    an.add_argument("--tool", default="all", help="label-studio, doccano or all (default)")
    an.add_argument("--blank", action="store_true", help="no pre-annotations: annotate from the text alone")
    ig = sub.add_parser(
        "import-gold",
        help="turn a Label Studio or doccano export into gold fixtures (<doc_id>.json)",
        description="Reads a Label Studio JSON export (the latest submitted annotation of each task) or a doccano "
        "JSONL export and writes one gold fixture per document, in the contract's shape. "
        "Example: python -m pipeline import-gold project-1-export.json -o tests/fixtures/gold",
    )
    ig.add_argument("export", type=Path, help="the tool's export file")
    ig.add_argument("-o", "--output", type=Path, required=True, help="the gold folder")
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
