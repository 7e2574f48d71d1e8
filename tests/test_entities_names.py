"""Assembled official names, shared list parts and decisions over tokens (hand-built parses, no model).

Tags follow SudachiDict-core as GiNZA 5.3.0 gives them (ため is 名詞-普通名詞-副詞可能, 可能 a
形状詞, な a 助動詞, 庁 a 接尾辞). Sentences are written for these tests from the standard
phrasing of Japanese government text.
"""

from __future__ import annotations

import pytest

from pipeline.entities import find_entities
from pipeline.entities.names import assembled_names, quoted_names
from tests.entity_docs import CLOSE, COUNTRY, NOUN, OPEN, PARTICLE, PLACE, SURNAME, SYMBOL, parsed

SAHEN = "名詞-普通名詞-サ変可能"
ADVERBIAL = "名詞-普通名詞-副詞可能"
PROPER = "名詞-固有名詞-一般"
NUMBER = "名詞-数詞"
ADJ = "形状詞-一般"
AUX = "助動詞"
VERB = "動詞-一般"
SUFFIX = "接尾辞-名詞的-一般"
CONJ = "接続詞"
COMMA = "補助記号-読点"

# fmt: off
FOR = [("の", PARTICLE), ("ため", ADVERBIAL), ("の", PARTICLE)]
ABOUT = [("に", PARTICLE), ("関する", VERB)]
IN = [("に", PARTICLE), ("おけ", VERB), ("る", AUX)]

# (tokens, expected assembled names (surface, label))
ASSEMBLED = [
    # XのためのY: a relational modifier before a named core
    ([("成長", SAHEN), *FOR, ("日米", NOUN), ("経済", NOUN), ("パートナーシップ", NOUN), ("を", PARTICLE)],
     [("成長のための日米経済パートナーシップ", "DOCUMENT")]),
    ([("持続", SAHEN), ("可能", ADJ), ("な", AUX), ("開発", SAHEN), *FOR, ("二〇三〇", NUMBER),
      ("アジェンダ", NOUN), ("の", PARTICLE)],
     [("持続可能な開発のための二〇三〇アジェンダ", "DOCUMENT")]),
    # Xに関するY: the core is named by a proper noun; the meeting by its participants' rank
    ([("海洋", NOUN), ("法", NOUN), *ABOUT, ("国際連合", PROPER), ("条約", NOUN), ("に", PARTICLE)],
     [("海洋法に関する国際連合条約", "DOCUMENT")]),
    ([("イラン", COUNTRY), ("情勢", NOUN), *ABOUT, ("関係", SAHEN), ("国", SUFFIX), ("外相", NOUN),
      ("会合", SAHEN), ("に", PARTICLE)],
     [("イラン情勢に関する関係国外相会合", "EVENT")]),
    # a list A、B及びC is one modifier; the genitive inside it too (法の支配)
    ([("ため", ADVERBIAL), ("、", COMMA), ("人権", NOUN), ("、", COMMA), ("民主", NOUN), ("主義", NOUN),
      ("及び", CONJ), ("法", NOUN), ("の", PARTICLE), ("支配", SAHEN), *ABOUT, ("日", NOUN), ("ＥＵ", PROPER),
      ("共同", SAHEN), ("声明", SAHEN), ("を", PARTICLE)],
     [("人権、民主主義及び法の支配に関する日ＥＵ共同声明", "DOCUMENT")]),
    # XにおけるY, with 形状詞 + な and a middle dot
    ([("新た", ADJ), ("な", AUX), ("段階", NOUN), *IN, ("日豪", NOUN), ("経済", NOUN), ("・", SYMBOL),
      ("安全", NOUN), ("保障", SAHEN), ("パートナーシップ", NOUN)],
     [("新たな段階における日豪経済・安全保障パートナーシップ", "DOCUMENT")]),
    # a named core alone
    ([("日豪", NOUN), ("経済", NOUN), ("・", SYMBOL), ("安全", NOUN), ("保障", SAHEN), ("パートナーシップ", NOUN)],
     [("日豪経済・安全保障パートナーシップ", "DOCUMENT")]),
    ([("日ロ", NOUN), ("行動計画", NOUN), ("に", PARTICLE)], [("日ロ行動計画", "DOCUMENT")]),
    ([("日米", NOUN), ("拡大", SAHEN), ("抑止", SAHEN), ("協議", SAHEN), ("で", PARTICLE)],
     [("日米拡大抑止協議", "EVENT")]),
    ([("ポツダム", PLACE), ("宣言", SAHEN), ("を", PARTICLE)], [("ポツダム宣言", "DOCUMENT")]),
    ([("ミンスク", PLACE), ("合意", SAHEN), ("を", PARTICLE)], [("ミンスク合意", "DOCUMENT")]),
    ([("ＡＰＥＣ", PROPER), ("首脳", NOUN), ("宣言", SAHEN), ("に", PARTICLE)], [("ＡＰＥＣ首脳宣言", "DOCUMENT")]),
    ([("ヤルタ", PLACE), ("会談", SAHEN), ("で", PARTICLE)], [("ヤルタ会談", "EVENT")]),
    ([("洞爺湖サミット", PROPER), ("で", PARTICLE)], [("洞爺湖サミット", "EVENT")]),
    ([("ポスト", NOUN), ("二〇二〇", NUMBER), ("年", NOUN), ("開発", SAHEN), ("アジェンダ", NOUN)],
     [("ポスト二〇二〇年開発アジェンダ", "DOCUMENT")]),
    # a time word ends the modifier: 将来 is not part of the name
    ([("将来", ADVERBIAL), *IN, ("ＴＰＰ", PROPER), ("協定", SAHEN), ("の", PARTICLE)], [("ＴＰＰ協定", "DOCUMENT")]),
]
NOT_ASSEMBLED = [
    # bare heads after a modifier are descriptions (…に関する協議, …のための協力)
    [("北朝鮮", COUNTRY), *ABOUT, ("協議", SAHEN), ("を", PARTICLE)],
    [("安全", NOUN), ("保障", SAHEN), *ABOUT, ("新た", ADJ), ("な", AUX), ("指針", NOUN)],
    [("地域", NOUN), ("の", PARTICLE), ("平和", NOUN), *FOR, ("計画", SAHEN)],
    # a head that modifies the next word (協定締結), generic pairs (日米協議, 日米合意: the ruler's)
    [("パリ", PLACE), ("協定", SAHEN), ("締結", SAHEN)],
    [("日米", NOUN), ("協議", SAHEN)],
    [("日米", NOUN), ("合意", SAHEN)],
    # a body and its act: the body is the entity (日米合同委員会 + 合意, 国連安保理 + 決議)
    [("日米", NOUN), ("合同", SAHEN), ("委員会", NOUN), ("合意", SAHEN)],
    [("国連", PROPER), ("安保理", NOUN), ("決議", SAHEN)],
    [("ロシア", COUNTRY), ("協議", SAHEN)],
]
# fmt: on


@pytest.mark.parametrize(("pieces", "expected"), ASSEMBLED)
def test_entities_assembled_names(pieces, expected) -> None:
    text, doc = parsed(pieces)
    found = [(text[n.start : n.end], str(n.label)) for n in assembled_names(text, doc.tokens)]
    assert found == expected


@pytest.mark.parametrize("pieces", NOT_ASSEMBLED)
def test_entities_not_assembled_names(pieces) -> None:
    text, doc = parsed(pieces)
    assert assembled_names(text, doc.tokens) == []


# fmt: off
QUOTED = [
    ([("「", OPEN), ("防衛", SAHEN), ("装備", SAHEN), ("・", SYMBOL), ("技術", NOUN), ("協力", SAHEN), *ABOUT,
      ("覚書", NOUN), ("」", CLOSE), ("に", PARTICLE)],
     [("防衛装備・技術協力に関する覚書", "DOCUMENT")]),
    ([("「", OPEN), ("東京", PLACE), ("宣言", SAHEN), ("」", CLOSE)], [("東京宣言", "DOCUMENT")]),
    # a title listing two things, and a quotation that ends in no head, are not names
    ([("「", OPEN), ("戦争", NOUN), ("と", PARTICLE), ("平和", NOUN), ("条約", NOUN), ("」", CLOSE)], []),
    ([("「", OPEN), ("平和", NOUN), ("を", PARTICLE), ("守る", VERB), ("」", CLOSE), ("と", PARTICLE)], []),
]
# fmt: on


@pytest.mark.parametrize(("pieces", "expected"), QUOTED)
def test_entities_quoted_names(pieces, expected) -> None:
    text, doc = parsed(pieces)
    assert [(text[n.start : n.end], str(n.label)) for n in quoted_names(text, doc.tokens)] == expected


def _found(pieces, ents=()) -> list[tuple[str, str, str | None]]:
    text, doc = parsed(pieces, ents)
    return [(e.surface, str(e.label), e.canonical) for e in find_entities(text, doc)]


# fmt: off
# (tokens, parse entities, expected (surface, label, canonical))
SHARED = [
    # 日豪、日印、日米首脳会談: each pair is a mention of its own summit
    ([("日豪", NOUN), ("、", COMMA), ("日印", NOUN), ("、", COMMA), ("日米", NOUN), ("首脳", NOUN), ("会談", SAHEN)],
     [("日米首脳会談", "EVENT", "Conference|")],
     [("日豪", "EVENT", "日豪首脳会談"), ("日印", "EVENT", "日印首脳会談"), ("日米首脳会談", "EVENT", None)]),
    ([("日米", NOUN), ("・", SYMBOL), ("日豪", NOUN), ("外相", NOUN), ("会談", SAHEN)],
     [("日豪外相会談", "EVENT", "Conference|")],
     [("日米", "EVENT", "日米外相会談"), ("日豪外相会談", "EVENT", None)]),
    # no named meeting after the list: the pairs stay bare (not entities)
    ([("日米", NOUN), ("、", COMMA), ("日中", NOUN), ("関係", NOUN)], [], []),
    # a unit word after a named unit and 及び is a unit of the same body, later mentions too
    ([("派遣", SAHEN), ("海賊", NOUN), ("対処", SAHEN), ("行動", SAHEN), ("水上", NOUN), ("部隊", NOUN),
      ("及び", CONJ), ("航空隊", NOUN), ("を", PARTICLE), ("視察", SAHEN), ("。", SYMBOL), ("航空隊", NOUN),
      ("は", PARTICLE)],
     [("派遣海賊対処行動水上部隊", "ORG", "Military_Unit|")],
     [("派遣海賊対処行動水上部隊", "ORG", None), ("航空隊", "ORG", None), ("航空隊", "ORG", "航空隊")]),
    # two events joined by ・, the second starting with an event word: one event
    ([("北京", PLACE), ("オリンピック", NOUN), ("・", SYMBOL), ("パラリンピック", PROPER), ("競技", SAHEN),
      ("大会", NOUN)],
     [("北京オリンピック", "Game", ""), ("パラリンピック競技大会", "Game", "")],
     [("北京オリンピック・パラリンピック競技大会", "EVENT", None)]),
    ([("日米", NOUN), ("首脳", NOUN), ("会談", SAHEN), ("・", SYMBOL), ("日米", NOUN), ("外相", NOUN),
      ("会談", SAHEN)],
     [("日米首脳会談", "EVENT", "Conference|"), ("日米外相会談", "EVENT", "Conference|")],
     [("日米首脳会談", "EVENT", None), ("日米外相会談", "EVENT", None)]),
]
# fmt: on


@pytest.mark.parametrize(("pieces", "ents", "expected"), SHARED)
def test_entities_lists_share_their_parts(pieces, ents, expected) -> None:
    assert _found(pieces, ents) == expected


# fmt: off
# (tokens, parse entities, expected (surface, label)) for decisions that read the tokens of a span
REFINED = [
    # a place name GiNZA called a person, right after a country: a place
    ([("米国", COUNTRY), ("シアトル", PLACE), ("を", PARTICLE), ("訪問", SAHEN)],
     [("米国", "Country", ""), ("シアトル", "Person", "")],
     [("米国", "LOCATION"), ("シアトル", "LOCATION")]),
    # a kind of country made of common nouns is no country
    ([("同盟国", NOUN), ("、", COMMA), ("友好国", NOUN), ("と", PARTICLE)],
     [("同盟国", "Country", ""), ("友好国", "Country", "")], []),
    # 日米合意した: a predicate, not a document; 日韓合意は: a document
    ([("日米", NOUN), ("合意", SAHEN), ("し", VERB), ("た", AUX)], [("日米合意", "DOCUMENT", "Agreement|")], []),
    ([("日韓", NOUN), ("合意", SAHEN), ("は", PARTICLE)], [("日韓合意", "DOCUMENT", "Agreement|")],
     [("日韓合意", "DOCUMENT")]),
    # an agreement's acronym and the treaty word after it are one name
    ([("ＲＣＥＰ", NOUN), ("協定", SAHEN), ("の", PARTICLE)], [("ＲＣＥＰ", "DOCUMENT", "Trade_Agreement|")],
     [("ＲＣＥＰ協定", "DOCUMENT")]),
    # GiNZA's treaties and laws need a document head, or an acronym; an article leaves the law
    ([("海洋", NOUN), ("秩序", NOUN), ("は", PARTICLE)], [("海洋秩序", "Treaty", "")], []),
    ([("証券", NOUN), ("取引", SAHEN), ("法", NOUN)], [("証券取引法", "Law", "")], [("証券取引法", "DOCUMENT")]),
    ([("財政", NOUN), ("法", NOUN), ("第", "接頭辞"), ("二十九", NUMBER), ("条", SUFFIX), ("に", PARTICLE)],
     [("財政法第二十九条", "Law", "")], [("財政法", "DOCUMENT")]),
    ([("ＣＴＢＴ", NOUN), ("の", PARTICLE), ("発効", SAHEN)], [("ＣＴＢＴ", "Treaty", "")], [("ＣＴＢＴ", "DOCUMENT")]),
    # a bill is named with its 案
    ([("郵政", NOUN), ("改革", SAHEN), ("法", NOUN), ("案", SUFFIX), ("を", PARTICLE)],
     [("郵政改革法", "DOCUMENT", "Law|")], [("郵政改革法案", "DOCUMENT")]),
    # an activity is neither a body nor a product
    ([("ウラン", NOUN), ("濃縮", SAHEN), ("活動", SAHEN)], [("ウラン濃縮活動", "Product_Other", "")], []),
    ([("国際", NOUN), ("平和", NOUN), ("協力", SAHEN), ("活動", SAHEN)],
     [("国際平和協力活動", "Organization_Other", "")], []),
    # GiNZA's persons and places made of kanji common nouns are words (元首, 円安, 派兵) ...
    ([("元首", NOUN), ("が", PARTICLE), ("来日", SAHEN)], [("元首", "Person", "")], []),
    ([("円安", NOUN), ("が", PARTICLE), ("進む", VERB)], [("円安", "Continental_Region", "")], []),
    # ... unless a title takes the name, or a geographic word ends the place
    ([("門田", NOUN), ("大臣", NOUN), ("は", PARTICLE)], [("門田", "Person", ""), ("大臣", "TITLE", "Title|")],
     [("門田", "PERSON")]),
    ([("硫黄島", NOUN), ("の", PARTICLE), ("戦い", NOUN)], [("硫黄島", "Island", "")], [("硫黄島", "LOCATION")]),
    # counts and ordinals are no events
    ([("第", "接頭辞"), ("百九十", NUMBER), ("回", NOUN), ("国会", PROPER)], [("第百九十回", "Conference", "")],
     [("国会", "ORG")]),
]
# fmt: on


@pytest.mark.parametrize(("pieces", "ents", "expected"), REFINED)
def test_entities_token_level_decisions(pieces, ents, expected) -> None:
    assert [(s, label) for s, label, _ in _found(pieces, ents)] == expected


def test_entities_assembled_name_wins_over_its_parts() -> None:
    pieces = [("南スーダン", COUNTRY), ("情勢", NOUN), *ABOUT, ("関係", SAHEN), ("国", SUFFIX), ("閣僚", NOUN),
              ("会合", SAHEN), ("を", PARTICLE)]  # fmt: skip
    assert _found(pieces, [("南スーダン", "Country", "")]) == [("南スーダン情勢に関する関係国閣僚会合", "EVENT", None)]


def test_entities_piece_of_a_gazetteer_name_is_not_assembled() -> None:
    # the ruler's full name wins; インド太平洋戦略 alone would be a core-alone name
    pieces = [("自由", NOUN), ("で", PARTICLE), ("開か", VERB), ("れ", AUX), ("た", AUX), ("インド", COUNTRY),
              ("太平洋", PLACE), ("戦略", NOUN)]  # fmt: skip
    ents = [("自由で開かれたインド太平洋戦略", "DOCUMENT", "Policy|")]
    assert _found(pieces, ents) == [("自由で開かれたインド太平洋戦略", "DOCUMENT", None)]


def test_entities_person_before_cabinet_is_in_the_ruler_span() -> None:
    # the ruler's Cabinet span (安倍内閣) overrides GiNZA's person inside it
    pieces = [("安倍", SURNAME), ("内閣", NOUN), ("の", PARTICLE)]
    assert _found(pieces, [("安倍", "Person", ""), ("安倍内閣", "ORG", "Cabinet|")]) == [("安倍内閣", "ORG", None)]
