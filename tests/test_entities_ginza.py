"""Entities through GiNZA and the domain ruler (slow: loads ja_ginza once per session).

Expectations assume ja_ginza 5.3.0 (SudachiDict-core as pinned); sentences are written for these
tests from the domain's standard phrasing, not copied from the gold fixtures.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities import find_entities
from pipeline.entities.labels import DROPPED, ENE_MAP
from pipeline.entities.ruler import RULER_NAME, TITLE_LABEL, gazetteer
from pipeline.parse import ParseCache, ParsedDoc, Parser, chunk_spans
from pipeline.tokens import split_sentences
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow


def _parse(nlp: Any, texts: list[str]) -> list[ParsedDoc]:
    parser = Parser(load=lambda: nlp, cache=ParseCache(None, ""))
    return parser.parse_many([(t, split_sentences(t)) for t in texts])


def _found(nlp: Any, text: str) -> set[str]:
    """``surface/LABEL`` (``/title`` for titled persons) of every entity found."""
    (doc,) = _parse(nlp, [text])
    return {
        "/".join([e.surface, str(e.label), *([e.title.surface] if e.title else [])])
        for e in find_entities(text, doc)
    }


def test_entities_ruler_sits_before_ner(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(RULER_NAME) < names.index("ner")


def test_entities_every_ene_label_is_mapped_or_dropped(nlp: Any) -> None:
    # The NER gains moves for the ruler's labels once it has parsed preset entities: only GiNZA's
    # own (ENE) labels need a decision.
    labels = set(nlp.get_pipe("ner").labels) - set(nlp.get_pipe(RULER_NAME).labels)
    assert not set(ENE_MAP) & set(DROPPED)
    assert sorted(labels - set(ENE_MAP) - set(DROPPED)) == []


# fmt: off
# (sentence, entities that must be found, as "surface/LABEL" or "surface/LABEL/title")
SENTENCES = [
    ("マティス米国防長官が来日し、稲田防衛大臣と会談した。",
     {"マティス/PERSON/米国防長官", "稲田/PERSON/防衛大臣"}),
    ("中谷防衛大臣(当時)は日豪防衛相会談に臨んだ。", {"中谷/PERSON/防衛大臣", "日豪防衛相会談/EVENT"}),
    ("日中韓首脳会談と日米韓外相会合が開かれた。", {"日中韓首脳会談/EVENT", "日米韓外相会合/EVENT"}),
    ("横田飛行場と三沢飛行場、キャンプ・ハンセンを視察した。",
     {"横田飛行場/FACILITY", "三沢飛行場/FACILITY", "キャンプ・ハンセン/FACILITY"}),
    ("F-35AとMV-22オスプレイ、PAC-3を配備する。",
     {"F-35A/PRODUCT", "MV-22オスプレイ/PRODUCT", "PAC-3/PRODUCT"}),
    ("日米地位協定と防衛計画の大綱、自衛隊法を改正する。",
     {"日米地位協定/DOCUMENT", "防衛計画の大綱/DOCUMENT", "自衛隊法/DOCUMENT"}),
    ("米国務省と中国国防部、防衛省、海上保安庁が発表した。",
     {"米国務省/ORG", "中国国防部/ORG", "防衛省/ORG", "海上保安庁/ORG"}),
    ("「２＋２」共同発表と２プラス２会合の成果", {"「２＋２」共同発表/DOCUMENT", "２プラス２会合/EVENT"}),
    ("在日米軍と陸上自衛隊、人民解放軍の動向", {"在日米軍/ORG", "陸上自衛隊/ORG", "人民解放軍/ORG"}),
    ("阪神・淡路大震災と東日本大震災の教訓", {"東日本大震災/EVENT"}),
    ("安倍総理とトランプ大統領の首脳会談の後、日米の防衛相会談を行った。",
     {"安倍/PERSON/総理", "トランプ/PERSON/大統領", "日米の防衛相会談/EVENT"}),
    ("日マレーシア防衛相会談で、派遣海賊対処行動水上部隊と自衛隊施設部隊の活動を説明した。",
     {"日マレーシア防衛相会談/EVENT", "派遣海賊対処行動水上部隊/ORG", "自衛隊施設部隊/ORG"}),
]
MUST_NOT = [
    ("防衛大臣は記者会見で述べた。", {"防衛大臣"}),
    ("日米両国は協議を続けた。", {"日米両国", "日米"}),
    ("第III部 わが国の防衛に関する諸施策", {"第III部"}),
    ("日米首脳会談1において合意した。", {"日米首脳会談1"}),
    ("自衛隊部隊の貢献に謝意が示された。", {"自衛隊部隊"}),
    ("多国籍の海賊対処部隊で活動する。", {"多国籍", "海賊対処部隊"}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_entities_domain_sentences(nlp: Any, text: str, expected: set[str]) -> None:
    assert expected <= _found(nlp, text)


@pytest.mark.parametrize(("text", "forbidden"), MUST_NOT)
def test_entities_domain_must_not_extract(nlp: Any, text: str, forbidden: set[str]) -> None:
    assert not {found.split("/")[0] for found in _found(nlp, text)} & forbidden


def test_entities_gazetteer_entries_match_in_context(nlp: Any) -> None:
    """Every gazetteer name, in a sentence, is matched whole by the ruler with its label."""
    missed = []
    with nlp.select_pipes(enable=[RULER_NAME]):
        for entry in gazetteer():
            text = f"今回、{entry.name}について説明した。"
            doc = nlp(text)
            spans = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
            if (3, 3 + len(entry.name), entry.label) not in spans:
                missed.append(entry.name)
    assert missed == []


def test_entities_long_document_is_chunked_with_exact_offsets(nlp: Any) -> None:
    seed = (FIXTURES / "raw" / "000_78a5285e60ebba0f.txt").read_text(encoding="utf-8")
    text = "\n".join([seed] * 7)
    assert len(text.encode("utf-8")) > 49_149  # over Sudachi's input limit
    sentences = split_sentences(text)
    assert len(chunk_spans(text, sentences)) > 1
    (doc,) = _parse(nlp, [text])
    assert doc.tokens[-1].end <= len(text)
    entities = find_entities(text, doc)
    for entity in entities:
        assert text[entity.start : entity.end] == entity.surface
    meetings = [e for e in entities if e.surface == "日米首脳会談"]
    assert len(meetings) == 2 * 7
    titles = [e for e in entities if e.title and e.title.surface == "米国防長官"]
    assert len(titles) == 7


def test_entities_title_label_never_leaves_the_stage(nlp: Any) -> None:
    text = "パネッタ米国防長官と一川防衛大臣が会談した。"
    (doc,) = _parse(nlp, [text])
    assert any(e.label == TITLE_LABEL for e in doc.entities)
    assert all(str(e.label) != TITLE_LABEL for e in find_entities(text, doc))
