"""Entities through GiNZA and the domain ruler: sentences on stored parses; the ruler itself on ja_ginza (slow).

Expectations assume ja_ginza 5.3.0 (SudachiDict-core as pinned); sentences are written for these
tests from the domain's standard phrasing, not copied from the gold fixtures.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities import find_entities
from pipeline.entities.data import gazetteer
from pipeline.entities.labels import DROPPED, ENE_MAP
from pipeline.entities.ruler import RULER_NAME, TITLE_LABEL
from pipeline.parse import ParseCache, ParsedDoc, Parser, chunk_spans
from pipeline.tokens import split_sentences
from tests.conftest import FIXTURES


def _parse(nlp: Any, texts: list[str]) -> list[ParsedDoc]:
    parser = Parser(load=lambda: nlp, cache=ParseCache(None, ""))
    return parser.parse_many([(t, split_sentences(t)) for t in texts])


def _found(parse: Any, text: str) -> set[str]:
    """``surface/LABEL`` (``/title`` for titled persons) of every entity found, on the stored parse."""
    doc = parse(text)[0]
    return {
        "/".join([e.surface, str(e.label), *([e.title.surface] if e.title else [])])
        for e in find_entities(text, doc)
    }


@pytest.mark.slow
def test_entities_ruler_sits_before_ner(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(RULER_NAME) < names.index("ner")


@pytest.mark.slow
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
    # a ministry inside a title belongs to the title; the name before it is a person
    ("久間防衛庁長官は記者会見で述べた。", {"久間/PERSON/防衛庁長官"}),
    # joint statements named by parties and meeting kind, declarations, the text of a statement
    ("日米韓首脳共同声明と日朝平壌宣言、会合後の共同発表文を読んだ。",
     {"日米韓首脳共同声明/DOCUMENT", "日朝平壌宣言/DOCUMENT", "共同発表文/DOCUMENT"}),
    # meetings named by the number of parties, a body's related meeting, an ordinal and a body party
    ("六か国協議と六者会合、ＡＳＥＡＮ関連首脳会議に出席した。",
     {"六か国協議/EVENT", "六者会合/EVENT", "ＡＳＥＡＮ関連首脳会議/EVENT"}),
    ("第三回日・ＡＳＥＡＮ防衛担当大臣会合とＧ７エネルギー大臣会合が開かれた。",
     {"第三回日・ＡＳＥＡＮ防衛担当大臣会合/EVENT", "Ｇ７エネルギー大臣会合/EVENT"}),
    ("先般の首脳電話会談では、日豪、日印、日米首脳会談の成果を確認した。",
     {"首脳電話会談/EVENT", "日豪/EVENT", "日印/EVENT", "日米首脳会談/EVENT"}),
    # trade agreements: 日・ is part of the name; an acronym and 協定 are one name
    ("日・ＥＵ・ＥＰＡと日豪ＥＰＡ、ＲＣＥＰ協定を推進する。",
     {"日・ＥＵ・ＥＰＡ/DOCUMENT", "日豪ＥＰＡ/DOCUMENT", "ＲＣＥＰ協定/DOCUMENT"}),
    # cabinets and administrations named by a person
    ("小泉内閣と第二次安倍内閣、バイデン政権の方針", {"小泉内閣/ORG", "第二次安倍内閣/ORG", "バイデン政権/ORG"}),
    ("北方四島の帰属の問題を解決する。", {"北方四島/LOCATION"}),
    ("ＣＴＦ１５１に参加する。", {"ＣＴＦ１５１/ORG"}),
    # official names with a relational modifier, and a country pair's agreement
    ("人間の安全保障に関する日米パートナーシップと自由で開かれたインド太平洋構想を推進する。",
     {"人間の安全保障に関する日米パートナーシップ/DOCUMENT", "自由で開かれたインド太平洋構想/DOCUMENT"}),
    ("日韓合意と気候変動枠組条約を踏まえる。", {"日韓合意/DOCUMENT", "気候変動枠組条約/DOCUMENT"}),
    # an edition's ordinal, a body and its partners, the level of a consultation
    ("第三回東アジア首脳会議とＡＳＥＡＮ＋３首脳会議、日ＡＳＥＡＮ防衛当局次官級会合に出席した。",
     {"第三回東アジア首脳会議/EVENT", "ＡＳＥＡＮ＋３首脳会議/EVENT", "日ＡＳＥＡＮ防衛当局次官級会合/EVENT"}),
]
MUST_NOT = [
    ("防衛大臣は記者会見で述べた。", {"防衛大臣"}),
    ("日米両国は協議を続けた。", {"日米両国", "日米"}),
    ("第III部 わが国の防衛に関する諸施策", {"第III部"}),
    ("日米首脳会談1において合意した。", {"日米首脳会談1"}),
    ("自衛隊部隊の貢献に謝意が示された。", {"自衛隊部隊"}),
    ("多国籍の海賊対処部隊で活動する。", {"多国籍", "海賊対処部隊"}),
    # kinds of countries, activities, a ministry inside a title, a predicate 合意
    ("同盟国や友好国と連携し、ウラン濃縮活動の停止を求めた。", {"同盟国", "友好国", "ウラン濃縮活動"}),
    ("久間防衛庁長官は記者会見で述べた。", {"防衛庁"}),
    ("地域の安定に関する協議を行い、日米で合意した。", {"地域の安定に関する協議", "日米"}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_entities_domain_sentences(parse: Any, text: str, expected: set[str]) -> None:
    assert expected <= _found(parse, text)


@pytest.mark.parametrize(("text", "forbidden"), MUST_NOT)
def test_entities_domain_must_not_extract(parse: Any, text: str, forbidden: set[str]) -> None:
    assert not {found.split("/")[0] for found in _found(parse, text)} & forbidden


@pytest.mark.slow
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


@pytest.mark.slow
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


def test_entities_title_label_never_leaves_the_stage(parse: Any) -> None:
    text = "パネッタ米国防長官と一川防衛大臣が会談した。"
    doc = parse(text)[0]
    assert any(e.label == TITLE_LABEL for e in doc.entities)
    assert all(str(e.label) != TITLE_LABEL for e in find_entities(text, doc))


@pytest.mark.slow
def test_entities_stored_ruler_variants_are_current(nlp: Any) -> None:
    # pipeline/data/entities/ruler_variants.json must be rebuilt (tools/build_ruler_variants.py) after a gazetteer edit
    from pipeline.entities.variants import compute_variants, stored_variants

    assert stored_variants() == compute_variants(nlp)
