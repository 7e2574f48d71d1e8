"""The review page (``python -m pipeline review OUT.jsonl [--gold DIR] -o review.html``).

``items`` decides what is highlighted (and, with gold, each item's diff status from
``pipeline.evaluate.diff``), ``layout`` lays the text out with displaCy's span layout, ``timeline``
places commitments on a time axis, ``page`` renders the one self-contained HTML file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluate.corpus import evaluate, load_gold
from pipeline.evaluate.diff import LAYERS, SCORE_NAMES, DocDiff, diff_document
from pipeline.jsonl import atomic_writer
from pipeline.records import read_records
from pipeline.review.page import DIFF_STATUSES, DocView, doc_view, render_page, timeline_points

__all__ = ["build_page", "run_review"]
STRICT_NAMES = {"dates": "dates", "entities": "ents", "commitments": "commitments"}
EMPTY: Mapping[str, Any] = {"dates": [], "entities": [], "commitments": []}


def _gold_summary(
    gold: Mapping[str, Mapping[str, Any]], records: Sequence[Mapping[str, Any]], gold_dir: str
) -> tuple[dict[str, Any], dict[str, DocDiff], dict[str, Any]]:
    """Scores (as ``evaluate``), a diff per gold document, and the page's summary of both."""
    scores = evaluate(records, gold)
    by_id = {str(r.get("doc_id")): r for r in records}
    diffs = {doc_id: diff_document(fixture, by_id.get(doc_id, EMPTY)) for doc_id, fixture in gold.items()}
    totals = {layer: dict.fromkeys(DIFF_STATUSES, 0) for layer in LAYERS}
    differences: set[str] = set()
    for diff in diffs.values():
        for layer, counts in diff.counts().items():
            for status in DIFF_STATUSES:
                totals[layer][status] += counts[status]
        differences.update(d for item in diff.items for d in item.differences)
    overall = scores["overall"]
    rows = [
        {
            "layer": layer,
            "counts": totals[layer],
            "strict_f": f"{overall.get(STRICT_NAMES[layer] + '_f', 0.0):.3f}",
            "lenient_f": f"{overall.get(SCORE_NAMES[layer] + '_f', 0.0):.3f}",
        }
        for layer in LAYERS
    ]
    summary = {
        "gold": True,
        "gold_dir": gold_dir,
        "gold_documents": len(gold),
        "rows": rows,
        "missing": scores["missing"],
        "differences": sorted(differences),
    }
    return scores, diffs, summary


def build_page(
    records: Sequence[Mapping[str, Any]],
    gold: Mapping[str, Mapping[str, Any]] | None = None,
    gold_dir: str = "",
    title: str = "jpextract review",
) -> tuple[str, dict[str, Any]]:
    """The page's HTML and its summary (documents, highlighted spans, gold diff counts)."""
    summary: dict[str, Any] = {"gold": False}
    scores: dict[str, Any] = {"per_doc": {}}
    diffs: dict[str, DocDiff] = {}
    if gold is not None:
        scores, diffs, summary = _gold_summary(gold, records, gold_dir)
    views: list[DocView] = []
    for n, record in enumerate(records, 1):
        doc_id = str(record.get("doc_id"))
        fixture = gold.get(doc_id) if gold is not None else None
        views.append(doc_view(n, record, fixture, diffs.get(doc_id), scores["per_doc"].get(doc_id, {})))
    summary["documents"] = len(views)
    summary["predicted"] = sum(v.predicted for v in views)
    points = timeline_points(views, records)
    return render_page(views, points, summary, title), summary


def run_review(predictions: Path, gold_dir: Path | None, output: Path, title: str | None = None) -> dict[str, Any]:
    """Write the review page of ``predictions`` (scored against ``gold_dir`` when given) to ``output``."""
    records = list(read_records(predictions))
    gold = load_gold(gold_dir) if gold_dir is not None else None
    page, summary = build_page(records, gold, str(gold_dir or ""), title or f"jpextract review: {predictions.name}")
    with atomic_writer(output) as handle:
        handle.write(page)
    return summary
