"""Tables for analysts (``python -m pipeline export OUT.jsonl -o DIR``): one table per kind of item.

``schema`` names the tables and columns, ``rows`` turns records into rows, ``writers`` writes
Parquet (pyarrow), CSV and a DuckDB file with views (DuckDB). ``run_export`` reads the JSONL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import Code, PipelineError
from pipeline.export.schema import TABLES, VIEWS
from pipeline.export.writers import DATABASE, FORMATS, export_tables, parse_formats

__all__ = ["DATABASE", "FORMATS", "TABLES", "VIEWS", "export_tables", "parse_formats", "read_records", "run_export"]


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of an extraction JSONL, naming the line of a broken one."""
    if not path.exists():
        raise PipelineError(Code.E101_NOT_FOUND, str(path), "run `python -m pipeline extract` first")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PipelineError(Code.E105_JSON, f"{path}:{number}", str(exc)) from exc
            if not isinstance(record, dict) or "doc_id" not in record:
                raise PipelineError(Code.E106_FIELD, f"{path}:{number}", "not an extraction record (no doc_id)")
            yield record


def run_export(predictions: Path, out_dir: Path, formats: Sequence[str]) -> dict[str, int]:
    """Export the records of ``predictions`` into ``out_dir``; return the row counts per table."""
    if not predictions.is_file():
        raise PipelineError(Code.E101_NOT_FOUND, str(predictions), "run `python -m pipeline extract` first")
    return export_tables(read_records(predictions), out_dir, formats)
