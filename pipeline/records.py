"""Reading an extraction JSONL for the analysts' commands (export, review, annotate), line by line.

Unlike ``pipeline.jsonl.read_jsonl`` it names the file and line of a broken record and refuses
lines that are not records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import Code, PipelineError


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
