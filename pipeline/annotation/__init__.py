"""The round trip through annotation tools: predictions out as tasks, corrections back as gold.

``python -m pipeline annotate OUT.jsonl -o DIR [--tool label-studio|doccano]`` writes Label Studio
tasks with pre-annotations and the labeling config (``labelstudio``), or doccano JSONL with its
label types (``doccano``); ``python -m pipeline import-gold EXPORT -o tests/fixtures/gold`` reads
the tool's export back into gold fixtures in the contract's shape (``gold``). Both tools see the
same regions, fields and relations (``regions``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.annotation import doccano, labelstudio
from pipeline.annotation.gold import Document, to_fixture
from pipeline.errors import Code, PipelineError
from pipeline.jsonl import atomic_writer, write_json, write_jsonl
from pipeline.records import read_records

__all__ = ["TOOLS", "read_documents", "run_annotate", "run_import_gold", "to_fixture"]
TOOLS = ("label-studio", "doccano")
LS_TASKS, LS_CONFIG = "label-studio-tasks.json", "label-studio-config.xml"
DOCCANO_LINES, DOCCANO_LABELS, DOCCANO_RELATIONS = "doccano.jsonl", "doccano-labels.json", "doccano-relations.json"


def blank(record: dict[str, Any]) -> dict[str, Any]:
    """The record without its items: a task to annotate from the text alone."""
    return {**record, "dates": [], "entities": [], "commitments": []}


def run_annotate(
    predictions: Path, out_dir: Path, tools: tuple[str, ...] = TOOLS, *, blank_tasks: bool = False
) -> list[Path]:
    """Write the tasks (and configs) for each tool into ``out_dir``; return the files written.

    ``blank_tasks``: no pre-annotations, for gold that must not lean on the pipeline (held-out sets).
    """
    records = [blank(r) if blank_tasks else r for r in read_records(predictions)]
    written = []
    if "label-studio" in tools:
        write_json(out_dir / LS_TASKS, labelstudio.tasks(records))
        with atomic_writer(out_dir / LS_CONFIG) as handle:
            handle.write(labelstudio.labeling_config())
        written += [out_dir / LS_TASKS, out_dir / LS_CONFIG]
    if "doccano" in tools:
        write_jsonl(out_dir / DOCCANO_LINES, doccano.lines(records))
        write_json(out_dir / DOCCANO_LABELS, doccano.labels())
        write_json(out_dir / DOCCANO_RELATIONS, doccano.relation_types())
        written += [out_dir / DOCCANO_LINES, out_dir / DOCCANO_LABELS, out_dir / DOCCANO_RELATIONS]
    return written


def detect_tool(raw: str) -> str:
    """``label-studio`` for a JSON list of tasks, ``doccano`` for JSON lines."""
    return "label-studio" if raw.lstrip().startswith("[") else "doccano"


def read_documents(path: Path, tool: str | None = None) -> Iterator[Document]:
    """The annotated documents of an export, by tool (detected when not given)."""
    if not path.is_file():
        raise PipelineError(Code.E101_NOT_FOUND, str(path), "export the project from the tool first")
    raw = path.read_text(encoding="utf-8-sig")
    reader = labelstudio.read_export if (tool or detect_tool(raw)) == "label-studio" else doccano.read_export
    yield from reader(raw, str(path))


def _file_name(doc_id: str) -> str:
    return doc_id.replace("/", "_").replace("\\", "_") + ".json"


def run_import_gold(
    export: Path, out_dir: Path, tool: str | None = None, overwrite: bool = False
) -> list[dict[str, Any]]:
    """Write one gold fixture per annotated document of ``export`` into ``out_dir``; return them."""
    fixtures = []
    for doc in read_documents(export, tool):
        fixture = to_fixture(doc)
        target = out_dir / _file_name(doc.doc_id)
        if target.exists() and not overwrite:
            raise PipelineError(Code.E106_FIELD, str(target), "exists already (use --overwrite to replace it)")
        fixtures.append((target, fixture))
    for target, fixture in fixtures:
        write_json(target, fixture)
    return [fixture for _, fixture in fixtures]
