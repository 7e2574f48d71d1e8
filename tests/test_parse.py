"""GiNZA's output as records: chunking, the cache, and spaCy's memory zones."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from pipeline.parse import MAX_CHUNK_BYTES, MAX_CHUNK_CHARS, ParseCache, ParsedDoc, Parser, chunk_spans
from pipeline.tokens import split_sentences


def test_parse_chunks_cover_the_text_under_the_byte_limit() -> None:
    text = ("日米同盟の深化で一致した。" * 3000) + ("長い文" * 20000)
    chunks = chunk_spans(text, split_sentences(text))
    assert chunks[0][0] == 0
    assert chunks[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in itertools.pairwise(chunks))
    assert all(len(text[a:b].encode("utf-8")) <= MAX_CHUNK_BYTES for a, b in chunks)
    assert all(b - a <= MAX_CHUNK_CHARS for a, b in chunks)


def test_parse_cache_round_trip_and_keys(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path, "model-a")
    assert cache.get("本文") is None
    parsed = ParsedDoc()
    cache.put("本文", parsed)
    assert cache.get("本文") == parsed
    assert ParseCache(tmp_path, "model-b").get("本文") is None
    assert (cache.hits, ParseCache(None, "x").get("本文")) == (1, None)


@pytest.mark.slow
def test_parse_memory_zones_keep_labels_readable(nlp: Any) -> None:
    parser = Parser(load=lambda: nlp, cache=ParseCache(None, "test"))
    text = "在日米軍と陸上自衛隊、普天間飛行場、日米首脳会談、F-35A、日米地位協定、沖縄、パネッタ米国防長官。"
    parsed = parser.parse_many([(text, split_sentences(text))])[0]
    assert {e.label for e in parsed.entities} >= {"ORG", "FACILITY", "EVENT"}
    # Reading labels outside any memory zone must not hit strings a zone has freed (spaCy E018).
    assert "ORG" in {str(label) for label in nlp.get_pipe("ner").labels}
    again = parser.parse_many([(text, split_sentences(text))])[0]
    assert again == parsed
