"""Scores over a corpus: every gold document, micro-averaged overall and per genre.

A genre (``whitepaper``, ``diet``, ``mofa``, ``speech``) comes from the gold fixture's ``genre``,
else the record's ``meta.genre``, else the shape of the doc_id (Diet minutes ids, ``wp…``,
``mofa_…``, ``pm_…``/``….SWJ``); accuracy is reported per genre because the rules hold differently
on each, and a corpus-wide number would hide a genre that fails.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pipeline.errors import Code, PipelineError
from pipeline.evaluate.commitment_scores import score_commitments
from pipeline.evaluate.date_scores import score_dates
from pipeline.evaluate.entity_scores import score_entities
from pipeline.evaluate.matching import Item
from pipeline.evaluate.scores import DocScores

GENRES = ("whitepaper", "diet", "mofa", "speech")
_DIET_ID = re.compile(r"^\d{9}X\d{3}\d{8}_\d{3}$")


def genre_of(doc_id: str, fixture: Item | None = None, record: Item | None = None) -> str:
    """The document's genre (see the module docstring), ``other`` when nothing tells."""
    if fixture and fixture.get("genre"):
        return str(fixture["genre"])
    meta = record.get("meta") if record else None
    if isinstance(meta, Mapping) and meta.get("genre"):
        return str(meta["genre"])
    if _DIET_ID.match(doc_id):
        return "diet"
    for prefix, genre in (("wp", "whitepaper"), ("mofa_", "mofa"), ("pm_", "speech")):
        if doc_id.startswith(prefix):
            return genre
    return "speech" if doc_id.endswith(".SWJ") else "other"


def score_document(gold: Item, pred: Item) -> DocScores:
    """All stages of one document."""
    scores = DocScores()
    score_dates(_items(gold, "dates"), _items(pred, "dates"), scores)
    score_entities(_items(gold, "entities"), _items(pred, "entities"), scores)
    gold_entities = {str(e.get("id")): e for e in _items(gold, "entities")}
    pred_entities = {str(e.get("id")): e for e in _items(pred, "entities")}
    score_commitments(_items(gold, "commitments"), _items(pred, "commitments"), scores, gold_entities, pred_entities)
    return scores


def _items(doc: Item, layer: str) -> list[Item]:
    value = doc.get(layer)
    return list(value) if isinstance(value, list) else []


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every ``<doc_id>.json`` fixture of ``gold_dir``, keyed by doc_id."""
    fixtures: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise PipelineError(Code.E203_GOLD, str(path), str(exc)) from exc
        if not isinstance(data, dict) or "doc_id" not in data:
            raise PipelineError(Code.E203_GOLD, str(path), "no doc_id")
        fixtures[str(data["doc_id"])] = data
    return fixtures


def text_sha256(text: str) -> str:
    """sha256 of a text's UTF-8 bytes (gold fixtures record it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def evaluate(predictions: Iterable[Item], gold: Mapping[str, Item]) -> dict[str, Any]:
    """Scores over every gold document: ``overall`` and ``per_genre`` (micro), ``per_doc``, ``genres``.

    A gold document missing from the predictions counts as all missed; a gold fixture whose
    ``text_sha256`` does not match the record's text raises (its offsets would be meaningless).
    """
    found: dict[str, Item] = {}
    for record in predictions:
        doc_id = str(record.get("doc_id"))
        if doc_id in gold:
            found[doc_id] = record
    overall = DocScores()
    by_genre: dict[str, DocScores] = {}
    per_doc: dict[str, Any] = {}
    genres: dict[str, str] = {}
    missing: list[str] = []
    empty: Item = {"dates": [], "entities": [], "commitments": []}
    for doc_id, fixture in sorted(gold.items()):
        record = found.get(doc_id, empty)
        if record is empty:
            missing.append(doc_id)
        elif fixture.get("text_sha256") and fixture["text_sha256"] != text_sha256(str(record["text"])):
            raise PipelineError(Code.E203_GOLD, doc_id, "text_sha256 differs from the record's text")
        doc_scores = score_document(fixture, record)
        per_doc[doc_id] = doc_scores.to_dict()
        genres[doc_id] = genre_of(doc_id, fixture, record)
        by_genre.setdefault(genres[doc_id], DocScores()).merge(doc_scores)
        overall.merge(doc_scores)
    return {
        "overall": overall.to_dict(),
        "per_genre": {genre: scores.to_dict() for genre, scores in sorted(by_genre.items())},
        "per_doc": per_doc,
        "genres": genres,
        "missing": missing,
    }
