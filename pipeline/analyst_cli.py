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

COMMANDS = ("export",)


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
    handlers = {"export": _export}
    return handlers[args.command](args)
