"""Score extraction records against hand-annotated gold fixtures (``python -m pipeline evaluate``).

Spans are matched by character offsets, never by ids; strict and lenient P/R/F per stage and
label, accuracies of every attribute over the lenient matches, overall and per genre. The scoring
rules of each layer are in its module (``date_scores``, ``entity_scores``, ``commitment_scores``);
``diff`` lists, item by item, what the scorer counted (the review page shows it).
"""

from __future__ import annotations

from pipeline.evaluate.commitment_scores import score_commitments, trigger_span
from pipeline.evaluate.corpus import GENRES, evaluate, genre_of, load_gold, score_document, text_sha256
from pipeline.evaluate.date_scores import date_kind, score_dates
from pipeline.evaluate.diff import SCORE_NAMES, DocDiff, ItemDiff, diff_document
from pipeline.evaluate.entity_scores import score_entities
from pipeline.evaluate.matching import PRF, Accuracy, drop_optional, match_lenient, match_strict
from pipeline.evaluate.report import format_table, run_evaluate
from pipeline.evaluate.scores import DocScores

__all__ = [
    "GENRES",
    "PRF",
    "SCORE_NAMES",
    "Accuracy",
    "DocDiff",
    "DocScores",
    "ItemDiff",
    "date_kind",
    "diff_document",
    "drop_optional",
    "evaluate",
    "format_table",
    "genre_of",
    "load_gold",
    "match_lenient",
    "match_strict",
    "run_evaluate",
    "score_commitments",
    "score_dates",
    "score_document",
    "score_entities",
    "text_sha256",
    "trigger_span",
]
