"""General text must not suffer from the domain layer: strict F1 on a fixed sample of the
ner-wikipedia development split (CC BY-SA 3.0, see tests/fixtures/ner_wikipedia/SOURCES.md),
labels collapsed as in tools/eval_ner_wikipedia.py, stays above its floor (slow: GiNZA)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pipeline.entities import find_entities
from pipeline.parse import ParseCache, Parser
from pipeline.tokens import split_sentences
from tests.conftest import FIXTURES
from tools.eval_ner_wikipedia import gold_items, is_heldout, pred_items, score

pytestmark = pytest.mark.slow

SAMPLE = FIXTURES / "ner_wikipedia" / "ner_dev_sample.json"
FLOORS = json.loads((FIXTURES / "thresholds" / "entities.json").read_text(encoding="utf-8"))[
    "ner_wikipedia_dev"
]


def test_entities_ner_wikipedia_sample_is_dev_split_only() -> None:
    sentences = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert len(sentences) > 500
    assert not any(is_heldout(s["curid"]) for s in sentences)


def test_entities_ner_wikipedia_dev_floor(nlp: Any) -> None:
    sentences = json.loads(SAMPLE.read_text(encoding="utf-8"))
    texts = [s["text"] for s in sentences]
    parser = Parser(load=lambda: nlp, cache=ParseCache(None, ""))
    parses = parser.parse_many([(t, split_sentences(t)) for t in texts])
    preds = [pred_items(find_entities(t, p)) for t, p in zip(texts, parses, strict=True)]
    result = score([gold_items(s) for s in sentences], preds)
    assert result["strict"]["f"] >= FLOORS["strict_f"], result["strict"]
    assert result["lenient"]["f"] >= FLOORS["lenient_f"], result["lenient"]
