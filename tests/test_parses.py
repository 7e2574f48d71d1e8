"""The stored parses are still what GiNZA and the domain ruler would produce.

Rule tests and snapshots read GiNZA's output from ``tests/fixtures/parses`` (see tests/parses.py).
Those parses stay valid only while nothing that shapes a parse changes: the model, the libraries,
the entity ruler's patterns (which GiNZA's NER sees). The fingerprint test fails the moment one of
them changes; the slow test re-parses everything and compares, to catch drift the fingerprint
cannot see.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.config import TEST
from pipeline.documents import Document, read_documents
from tests.conftest import FIXTURES, ROOT
from tests.parses import SnippetStore, current_fingerprint, read_doc_parse, stored_fingerprint

INPUTS = [FIXTURES / "raw", ROOT / "raw"]


def _documents() -> list[Document]:
    docs = {d.doc_id: d for d in read_documents(INPUTS) if isinstance(d, Document)}
    return [docs[k] for k in sorted(docs)]


def test_parses_fingerprint_is_unchanged() -> None:
    # A changed ruler pattern, model or library version makes every stored parse stale: re-parse
    # with `pytest --update-goldens` after deleting tests/fixtures/parses/*.json.gz and snippets.
    assert stored_fingerprint() == current_fingerprint()


def test_parses_every_document_has_its_stored_parse() -> None:
    missing = [d.doc_id for d in _documents() if read_doc_parse(d.doc_id, d.text) is None]
    assert missing == []


@pytest.mark.slow
def test_parses_ginza_still_gives_the_stored_parses(tmp_path: Any) -> None:
    from pipeline.runtime import Resources

    res = Resources.create(TEST)
    assert res.parser is not None
    docs = _documents()
    parsed = res.parser.parse_many([(d.text, [(s.start, s.end) for s in _sentences(d.text)]) for d in docs])
    drifted = [d.doc_id for d, p in zip(docs, parsed, strict=True) if p != read_doc_parse(d.doc_id, d.text)]
    assert drifted == []
    store = SnippetStore.load()
    texts = [text for text, _ in store.parses.values()]
    again = res.parser.parse_many([(t, [(s.start, s.end) for s in _sentences(t)]) for t in texts])
    drifted_snippets = [t[:30] for t, p in zip(texts, again, strict=True) if store.get(t) != p]
    assert drifted_snippets == []


def _sentences(text: str) -> Any:
    from pipeline.tokens import find_sentences

    return find_sentences(text, None)
