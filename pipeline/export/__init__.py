"""Tables for analysts (``python -m pipeline export OUT.jsonl -o DIR``): one table per kind of item.

``schema`` names the tables and columns, ``rows`` turns records into rows, ``writers`` writes
Parquet (pyarrow), CSV and a DuckDB file with views (DuckDB). ``run_export`` reads the JSONL.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import Code, PipelineError
from pipeline.export.schema import TABLES, VIEWS
from pipeline.export.writers import DATABASE, FORMATS, export_tables, parse_formats
from pipeline.records import read_records

__all__ = ["DATABASE", "FORMATS", "TABLES", "VIEWS", "export_tables", "parse_formats", "read_records", "run_export"]


def run_export(predictions: Path, out_dir: Path, formats: Sequence[str]) -> dict[str, int]:
    """Export the records of ``predictions`` into ``out_dir``; return the row counts per table."""
    if not predictions.is_file():
        raise PipelineError(Code.E101_NOT_FOUND, str(predictions), "run `python -m pipeline extract` first")
    return export_tables(read_records(predictions), out_dir, formats)
