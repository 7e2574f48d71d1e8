"""Label Studio: the labeling config, tasks with pre-annotations, and reading an export back.

Tasks are Label Studio's JSON import format: one task per document, ``data`` with the text (and
``doc_id``, ``date``, ``title``, ``text_sha256``, and ``jpextract``: what the tool cannot carry),
``predictions`` with one result list: a ``labels`` result per region (``from_name`` the group:
``date``, ``entity``, ``commitment``), a ``textarea``/``choices`` result per region field (the
control named ``<group>_<field>``, ``perRegion``), and a ``relation`` result per relation. Offsets are
code points into the text, as in the records. An export (``JSON`` in Label Studio's export dialog)
is read back with the latest submitted annotation of each task.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from html import escape
from typing import Any

from pipeline import __version__
from pipeline.annotation.gold import Document, genre_of_item
from pipeline.annotation.regions import FIELDS, GROUPS, RELATIONS, Region, Relation, document_regions
from pipeline.errors import Code, PipelineError
from pipeline.evaluate.corpus import text_sha256

COLOURS = {
    "DATE": "#bfe1d9", "PERSON": "#aa9cfc", "ORG": "#7aecec", "LOCATION": "#feca74", "FACILITY": "#9cc9cc",
    "EVENT": "#ffeb80", "DOCUMENT": "#ff8197", "PRODUCT": "#bfeeb7", "TITLE": "#dddddd", "QUALIFIER": "#eeeeee",
    "CONTENT": "#f6c85f",
}
TRIGGER_COLOUR = "#e4572e"
TEXT = "text"


def _field_control(group: str, name: str, kind: str, choices: tuple[str, ...]) -> str:
    control = f"{group}_{name}"
    if kind == "text":
        return (f'<TextArea name="{control}" toName="{TEXT}" perRegion="true" editable="true" rows="1" '
                f'maxSubmissions="1" placeholder="{name}"/>')
    options = "".join(f'<Choice value="{escape(c)}"/>' for c in choices)
    choice = "single" if kind == "single" else "multiple"
    return (f'<Header value="{name}" size="6"/><Choices name="{control}" toName="{TEXT}" perRegion="true" '
            f'choice="{choice}" showInline="true">{options}</Choices>')


def labeling_config() -> str:
    """The labeling interface (XML) the tasks are made for."""
    parts = ['<View>', '<Style>.htx-text { white-space: pre-wrap; }</Style>',
             '<Header value="$doc_id $date $title" size="5"/>']
    for group, labels in GROUPS.items():
        options = "".join(
            f'<Label value="{label}" background="{COLOURS.get(label, TRIGGER_COLOUR)}"/>' for label in labels
        )
        parts.append(f'<Labels name="{group}" toName="{TEXT}" showInline="true">{options}</Labels>')
    parts.append(f'<Text name="{TEXT}" value="$text" granularity="symbol"/>')
    parts.append("<Relations>" + "".join(f'<Relation value="{r}"/>' for r in RELATIONS) + "</Relations>")
    for group, fields in FIELDS.items():
        shown_for = ",".join(GROUPS[group])
        controls = "".join(_field_control(group, *spec) for spec in fields)
        parts.append(f'<View visibleWhen="region-selected" whenLabelValue="{shown_for}">'
                     f'<Header value="{group} fields" size="5"/>{controls}</View>')
    parts.append("</View>")
    return "\n".join(parts) + "\n"


def _kinds() -> dict[str, str]:
    return {f"{group}_{name}": kind for group, fields in FIELDS.items() for name, kind, _ in fields}


def _region_results(region: Region) -> Iterator[dict[str, Any]]:
    span = {"start": region.start, "end": region.end}
    base = {"id": region.rid, "to_name": TEXT}
    yield {**base, "from_name": region.group, "type": "labels",
           "value": {**span, "text": region.surface, "labels": [region.label]}}
    kinds = _kinds()
    for name, values in region.fields.items():
        control = f"{region.group}_{name}"
        if kinds.get(control) == "text":
            yield {**base, "from_name": control, "type": "textarea", "value": {**span, "text": [",".join(values)]}}
        elif control in kinds:
            yield {**base, "from_name": control, "type": "choices", "value": {**span, "choices": values}}


def task(doc: Mapping[str, Any], task_id: int | None = None) -> dict[str, Any]:
    """One Label Studio task with the document's items as a prediction."""
    regions, relations, extra = document_regions(doc)
    result = [r for region in regions for r in _region_results(region)]
    result += [{"from_id": rel.source, "to_id": rel.target, "type": "relation", "direction": "right",
                "labels": [rel.label]} for rel in relations]
    meta = doc.get("meta")
    meta = meta if isinstance(meta, Mapping) else {}
    text = str(doc.get("text") or "")
    data = {
        "text": text, "doc_id": str(doc.get("doc_id")), "date": str(meta.get("date") or ""),
        "title": str(meta.get("title") or ""), "text_sha256": text_sha256(text), "genre": genre_of_item(doc),
        "jpextract": {"extra": extra},
    }
    out: dict[str, Any] = {"data": data, "predictions": [{"model_version": f"jpextract {__version__}",
                                                           "result": result}]}
    if task_id is not None:
        out["id"] = task_id
    return out


def tasks(docs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Tasks for every document, numbered from 1."""
    return [task(doc, n) for n, doc in enumerate(docs, 1)]


def _latest_annotation(item: Mapping[str, Any]) -> Mapping[str, Any] | None:
    annotations = [a for a in item.get("annotations") or [] if not a.get("was_cancelled")]
    if not annotations:
        return None
    truth = [a for a in annotations if a.get("ground_truth")]
    latest: Mapping[str, Any] = max(
        truth or annotations, key=lambda a: (str(a.get("updated_at") or ""), str(a.get("id") or ""))
    )
    return latest


def _regions(result: list[Mapping[str, Any]]) -> tuple[list[Region], list[Relation]]:
    regions: dict[str, Region] = {}
    relations: list[Relation] = []
    kinds = _kinds()
    for r in result:
        value = r.get("value") or {}
        if r.get("type") == "relation":
            relations += [Relation(str(r["from_id"]), str(r["to_id"]), str(lab)) for lab in r.get("labels") or []]
        elif r.get("type") == "labels" and r.get("from_name") in GROUPS:
            for label in value.get("labels") or []:
                regions[str(r["id"])] = Region(str(r["id"]), str(r["from_name"]), str(label), int(value["start"]),
                                               int(value["end"]), str(value.get("text") or ""))
    for r in result:
        control, value = str(r.get("from_name")), r.get("value") or {}
        region = regions.get(str(r.get("id")))
        if region is None or control not in kinds:
            continue
        name = control.split("_", 1)[1]
        values = value.get("text") if kinds[control] == "text" else value.get("choices")
        if isinstance(values, str):
            values = [values]
        region.fields[name] = [str(v) for v in values or [] if str(v).strip()]
    return list(regions.values()), relations


def read_export(raw: str, where: str) -> Iterator[Document]:
    """The annotated documents of a Label Studio JSON export (tasks without an annotation are skipped)."""
    try:
        items = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PipelineError(Code.E105_JSON, where, str(exc)) from exc
    if not isinstance(items, list):
        raise PipelineError(Code.E106_FIELD, where, "a Label Studio JSON export is a list of tasks")
    for n, item in enumerate(items):
        data = item.get("data") or {}
        annotation = _latest_annotation(item)
        if annotation is None or "text" not in data:
            continue
        regions, relations = _regions(list(annotation.get("result") or []))
        extra = (data.get("jpextract") or {}).get("extra") or {}
        doc_id = str(data.get("doc_id") or item.get("id") or n)
        sha = data.get("text_sha256")
        task_where = f"{where}: task {item.get('id', n)}"
        yield Document(doc_id, str(data["text"]), regions, relations, extra, task_where, str(sha) if sha else None,
                       str(data.get("genre") or "") or None)
