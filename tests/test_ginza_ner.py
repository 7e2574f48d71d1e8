"""pipeline.ginza_ner decodes GiNZA's NER exactly as spaCy's own loop does (slow: GiNZA).

The stored parses (tests/test_parses.py) were made with spaCy's loop and are re-made with the
default decoder; this compares the two decoders directly, token by token, on the fixture documents.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.documents import Document, read_documents
from pipeline.parse import chunk_spans, run_pipeline
from pipeline.tokens import find_sentences
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow


def _chunks(limit: int) -> list[str]:
    out = []
    for doc in read_documents([FIXTURES / "raw"]):
        if isinstance(doc, Document):
            spans = [(s.start, s.end) for s in find_sentences(doc.text, None)]
            out.extend(doc.text[a:b] for a, b in chunk_spans(doc.text, spans))
    return out[:limit]


def _annotations(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.i, t.ent_iob_, t.ent_type_, t.ent_id_, t.ent_kb_id_) for t in doc]


def test_ginza_ner_matches_spacys_loop(nlp: Any) -> None:
    texts = _chunks(12)
    with nlp.memory_zone():
        ours = [_annotations(d) for d in run_pipeline(nlp, texts, fast_ner=True)]
        theirs = [_annotations(d) for d in run_pipeline(nlp, texts, fast_ner=False)]
    assert ours == theirs
    assert any(iob == "B" for doc in ours for _, iob, *_ in doc)


def test_ginza_ner_handles_empty_and_one_token_texts(nlp: Any) -> None:
    texts = ["", "。", "日米", "在日米軍と陸上自衛隊。"]
    with nlp.memory_zone():
        ours = [_annotations(d) for d in run_pipeline(nlp, texts, fast_ner=True)]
        theirs = [_annotations(d) for d in run_pipeline(nlp, texts, fast_ner=False)]
    assert ours == theirs
