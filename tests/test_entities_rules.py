"""Entity rules over hand-built parses (no model): persons and titles, speaker lines, span tidying,
canonical names, short-name definitions, what must not be extracted, and the offset invariant."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.entities import find_entities
from pipeline.entities.canonical import country_code, elided_prefix_names, find_definitions
from pipeline.parse import ParsedDoc, ParsedEntity, ParsedToken
from pipeline.schema import EntityLabel
from tests.entity_docs import (
    CLOSE,
    COUNTRY,
    GIVEN,
    NOUN,
    OPEN,
    PARTICLE,
    PLACE,
    PROPER_PERSON,
    SURNAME,
    SYMBOL,
    parsed,
)


def _persons(text: str, doc: ParsedDoc) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            e.surface,
            e.title.surface if e.title else None,
            e.title_qualifier.surface if e.title_qualifier else None,
        )
        for e in find_entities(text, doc)
        if e.label is EntityLabel.PERSON
    ]


# fmt: off
# (tokens, entities from the parse, expected persons (name, title, qualifier))
TITLE_CASES = [
    # パネッタ米国防長官: the country abbreviation belongs to the title
    ([("パネッタ", PROPER_PERSON), ("米", NOUN), ("国防", NOUN), ("長官", NOUN), ("が", PARTICLE)],
     [("米国防長官", "TITLE", "Title|")],
     [("パネッタ", "米国防長官", None)]),
    # 一川防衛大臣(当時): qualifier without brackets
    ([("一川", SURNAME), ("防衛大臣", NOUN), ("(", OPEN), ("当時", NOUN), (")", CLOSE), ("から", PARTICLE)],
     [("防衛大臣", "TITLE", "Title|")],
     [("一川", "防衛大臣", "当時")]),
    # （当時） in full width as well
    ([("一川", SURNAME), ("防衛大臣", NOUN), ("（", OPEN), ("当時", NOUN), ("）", CLOSE)],
     [("防衛大臣", "TITLE", "Title|")],
     [("一川", "防衛大臣", "当時")]),
    # 安倍総理: a GiNZA Person span ending at the title wins
    ([("安倍", SURNAME), ("総理", NOUN), ("から", PARTICLE)],
     [("安倍", "Person", ""), ("総理", "TITLE", "Title|")],
     [("安倍", "総理", None)]),
    # 岸田文雄外務大臣: family and given name
    ([("岸田", SURNAME), ("文雄", GIVEN), ("外務大臣", NOUN)],
     [("外務大臣", "TITLE", "Title|")],
     [("岸田文雄", "外務大臣", None)]),
    # ジョン・ケリー米国務長官: katakana parts joined by ・
    ([("ジョン", PROPER_PERSON), ("・", SYMBOL), ("ケリー", PROPER_PERSON), ("米国務長官", NOUN)],
     [("米国務長官", "TITLE", "Title|")],
     [("ジョン・ケリー", "米国務長官", None)]),
    # フローマン通商代表: a katakana name Sudachi reads as a common noun
    ([("フローマン", NOUN), ("通商", NOUN), ("代表", NOUN)],
     [("通商代表", "TITLE", "Title|")],
     [("フローマン", "通商代表", None)]),
    # 茂木経済産業大臣: a surname Sudachi reads as a place, before a minister's title
    ([("茂木", PLACE), ("経済産業大臣", NOUN), ("が", PARTICLE)],
     [("経済産業大臣", "TITLE", "Title|")],
     [("茂木", "経済産業大臣", None)]),
    # ビヤ・カメルーン大統領: ・ between the name and a title that starts with a country
    ([("ビヤ", NOUN), ("・", SYMBOL), ("カメルーン", COUNTRY), ("大統領", NOUN)],
     [("カメルーン大統領", "TITLE", "Title|")],
     [("ビヤ", "カメルーン大統領", None)]),
    # 大統領オバマ: a title before a GiNZA person
    ([("大統領", NOUN), ("オバマ", PROPER_PERSON), ("は", PARTICLE)],
     [("大統領", "TITLE", "Title|"), ("オバマ", "Person", "")],
     [("オバマ", "大統領", None)]),
    # トランプ大統領: one Sudachi 人名 token with the title glued; from the tag or from GiNZA
    ([("トランプ大統領", PROPER_PERSON), ("の", PARTICLE)], [], [("トランプ", "大統領", None)]),
    ([("トランプ大統領", PROPER_PERSON), ("の", PARTICLE)], [("トランプ大統領", "Person", "")],
     [("トランプ", "大統領", None)]),
    # 岸田氏: an honorific leaves the name
    ([("岸田", SURNAME), ("氏", NOUN), ("は", PARTICLE)],
     [("岸田氏", "Person", "")],
     [("岸田", None, None)]),
]

NO_PERSON_CASES = [
    # titles alone are not entities
    ([("防衛大臣", NOUN), ("は", PARTICLE)], [("防衛大臣", "TITLE", "Title|")]),
    ([("日本", COUNTRY), ("の", PARTICLE), ("外務大臣", NOUN), ("として", PARTICLE)],
     [("外務大臣", "TITLE", "Title|")]),
    # a place before a governor's title is part of the title, not a name
    ([("沖縄", PLACE), ("県知事", NOUN), ("と", PARTICLE)], [("沖縄県知事", "TITLE", "Title|")]),
    # GiNZA's Position_Vocation is dropped
    ([("首相", NOUN), ("、", SYMBOL), ("外相", NOUN)],
     [("首相", "Position_Vocation", ""), ("外相", "Position_Vocation", "")]),
]
# fmt: on


@pytest.mark.parametrize(("pieces", "ents", "expected"), TITLE_CASES)
def test_entities_person_titles(pieces, ents, expected) -> None:
    text, doc = parsed(pieces, ents)
    assert _persons(text, doc) == expected


@pytest.mark.parametrize(("pieces", "ents"), NO_PERSON_CASES)
def test_entities_titles_alone_are_not_entities(pieces, ents) -> None:
    text, doc = parsed(pieces, ents)
    found = find_entities(text, doc)
    assert [e for e in found if e.label is EntityLabel.PERSON] == []
    assert all(e.title is None and "大臣" not in e.surface and "知事" not in e.surface for e in found)


# fmt: off
SPEAKER_CASES = [
    ("○国務大臣（岸田文雄君）　四月二十七日、", "岸田文雄", "国務大臣"),
    ("○委員長（北村直人君）　これより会議を開きます。", "北村直人", "委員長"),
    ("○政府参考人（黒江哲郎君）　お答えします。", "黒江哲郎", "政府参考人"),
    ("○宮本徹君　質問します。", "宮本徹", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "title"), SPEAKER_CASES)
def test_entities_diet_speaker_lines(text: str, name: str, title: str | None) -> None:
    found = [e for e in find_entities(text, ParsedDoc()) if e.label is EntityLabel.PERSON]
    assert [(e.surface, e.title.surface if e.title else None) for e in found] == [(name, title)]


def test_entities_speaker_line_only_at_line_start() -> None:
    assert find_entities("彼は○国務大臣（岸田文雄君）と書いた。", ParsedDoc()) == ()


# fmt: off
# (text, model span, ENE label) -> expected (surface, label) or None
TIDY_CASES = [
    ("日米首脳会談1において", "日米首脳会談1", "Conference", ("日米首脳会談", "EVENT")),
    ("日米首脳会談２で", "日米首脳会談２", "Conference", ("日米首脳会談", "EVENT")),
    ("(東京都において", "(東京都", "Province", ("東京都", "LOCATION")),
    ("F-35Aを導入", "F-35A", "Product_Other", ("F-35A", "PRODUCT")),
    ("G7で連携", "G7", "International_Organization", ("G7", "ORG")),
    ("第III部 わが国", "第III部", "Organization_Other", None),
    ("日米両国は", "日米両国", "Political_Party", None),
    ("日米は", "日米", "Country", None),
    ("同諸島に対する", "同諸島", "Continental_Region", None),
    ("本田は", "本田", "Person", ("本田", "PERSON")),
    ("日本国内での", "日本国内", "Country", ("日本", "LOCATION")),
    ("多国籍の部隊", "多国籍", "Country", None),
    ("ＵＮＭＩＳＳ及び", "ＵＮＭＩＳＳ", "Person", ("ＵＮＭＩＳＳ", "ORG")),
    ("同志社大学の", "同志社大学", "School", ("同志社大学", "ORG")),
    ("拉致問題解決に向けた", "拉致問題解決", "Product_Other", None),
    ("09年11月13日の", "09年11月13日", "Date", None),
    ("三カ国間の", "三カ国", "N_Country", None),
    ("防衛大臣が", "防衛大臣", "Position_Vocation", None),
    ("カメルーン及び", "カメルーン", "Person", ("カメルーン", "LOCATION")),
    ("普天間飛行場の", "普天間飛行場", "Airport", ("普天間飛行場", "FACILITY")),
    ("マレーシア訪問で", "マレーシア訪問", "Occasion_Other", ("マレーシア", "LOCATION")),
    ("グアム移転事業", "グアム移転", "Person", ("グアム", "LOCATION")),
    ("中佐が指揮", "中佐", "Person", None),
    ("即応予備自衛官の", "即応予備自衛官", "Person", None),
    ("熊本城の", "熊本城", "Mountain", ("熊本城", "FACILITY")),
    ("マイルズ・リミテッドは", "マイルズ・リミテッド", "Person", ("マイルズ・リミテッド", "ORG")),
    ("香港の", "香港", "City", ("香港", "LOCATION")),
    ("2008年北京オリンピックに", "北京オリンピック", "Game", ("2008年北京オリンピック", "EVENT")),
]
# fmt: on


@pytest.mark.parametrize(("text", "span", "label", "expected"), TIDY_CASES)
def test_entities_model_spans_are_tidied(text: str, span: str, label: str, expected) -> None:
    start = text.index(span)
    doc = ParsedDoc(entities=(ParsedEntity(start, start + len(span), label, ""),))
    found = [(e.surface, str(e.label)) for e in find_entities(text, doc)]
    assert found == ([expected] if expected else [])


# fmt: off
COUNTRY_CODES = [
    ("米国", "US"), ("アメリカ", "US"), ("アメリカ合衆国", "US"), ("日本", "JP"), ("北朝鮮", "KP"),
    ("中国", "CN"), ("韓国", "KR"), ("豪州", "AU"), ("オーストラリア", "AU"), ("ロシア", "RU"),
    ("英国", "GB"), ("イギリス", "GB"), ("デンマーク", "DK"), ("カメルーン", "CM"), ("フランス", "FR"),
    ("ウクライナ", "UA"), ("台湾", "TW"), ("グアム", "GU"), ("インド", "IN"), ("ドイツ", "DE"),
]
NOT_COUNTRIES = ["日米", "米", "沖縄", "アジア太平洋地域", "東京", "ワシントンDC", "わが国"]
# fmt: on


@pytest.mark.parametrize(("name", "code"), COUNTRY_CODES)
def test_entities_country_codes(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", NOT_COUNTRIES)
def test_entities_not_country_codes(name: str) -> None:
    assert country_code(name) is None


def test_entities_country_entity_gets_its_code() -> None:
    text = "北朝鮮による挑発"
    doc = ParsedDoc(entities=(ParsedEntity(0, 3, "Country", ""),))
    (entity,) = find_entities(text, doc)
    assert (entity.label, entity.subtype, entity.canonical) == (EntityLabel.LOCATION, "Country", "KP")


# fmt: off
DEFINITIONS = [
    ("「再編の実施のための日米ロードマップ」(ロードマップ)を補完",
     "再編の実施のための日米ロードマップ", "ロードマップ"),
    ("日米安全保障協議委員会、いわゆる２プラス２会合を開催", "日米安全保障協議委員会", "２プラス２会合"),
    ("包括的核実験禁止条約（ＣＴＢＴ）の発効", "包括的核実験禁止条約", "ＣＴＢＴ"),
    ("防衛計画の大綱（以下「大綱」という。）", "防衛計画の大綱", "大綱"),
]
NOT_DEFINITIONS = [
    ("ワシントンDC(米国)において", "ワシントンDC"),
    ("一川防衛大臣(当時)から", "一川"),
    ("「2+2」会合(11(平成23)年6月21日)", "「2+2」会合"),
]
# fmt: on


@pytest.mark.parametrize(("text", "full", "short"), DEFINITIONS)
def test_entities_short_name_definitions(text: str, full: str, short: str) -> None:
    start = text.index(full)
    (found,) = find_definitions(text, [(start, start + len(full), full)])
    assert (found.short, found.full) == (short, full)
    assert text[found.start : found.end] == short


@pytest.mark.parametrize(("text", "full"), NOT_DEFINITIONS)
def test_entities_not_short_name_definitions(text: str, full: str) -> None:
    start = text.index(full)
    assert find_definitions(text, [(start, start + len(full), full)]) == []


def test_entities_defined_short_name_resolves_every_mention() -> None:
    text, doc = parsed(
        [("「", OPEN), ("再編の実施のための日米ロードマップ", NOUN), ("」", CLOSE), ("(", OPEN),
         ("ロードマップ", NOUN), (")", CLOSE), ("を", PARTICLE), ("補完", NOUN), ("。", SYMBOL),
         ("ロードマップ", NOUN), ("は", PARTICLE)],
        [("再編の実施のための日米ロードマップ", "DOCUMENT", "Plan|")],
    )  # fmt: skip
    found = [(e.surface, e.start, str(e.label), e.canonical) for e in find_entities(text, doc)]
    full = "再編の実施のための日米ロードマップ"
    assert found == [
        (full, 1, "DOCUMENT", None),
        ("ロードマップ", text.index("(") + 1, "DOCUMENT", full),
        ("ロードマップ", text.rindex("ロードマップ"), "DOCUMENT", full),
    ]


def test_entities_elided_body_name_resolves_to_full_name() -> None:
    text = "ＯＥＣＤ閣僚理事会の議長国を務めた。閣僚理事会では議論した。"
    assert [(n.short, n.full) for n in elided_prefix_names(text, [(0, 9)])] == [
        ("閣僚理事会", "ＯＥＣＤ閣僚理事会")
    ]
    text, doc = parsed(
        [("ＯＥＣＤ", NOUN), ("閣僚", NOUN), ("理事会", NOUN), ("の", PARTICLE), ("議長国", NOUN),
         ("。", SYMBOL), ("閣僚", NOUN), ("理事会", NOUN), ("では", PARTICLE)],
        [("ＯＥＣＤ閣僚理事会", "EVENT", "Conference|")],
    )  # fmt: skip
    found = [(e.surface, e.canonical) for e in find_entities(text, doc)]
    assert found == [("ＯＥＣＤ閣僚理事会", None), ("閣僚理事会", "ＯＥＣＤ閣僚理事会")]


def test_entities_ruler_ids_give_subtype_and_canonical() -> None:
    text = "日米安保条約締結"
    doc = ParsedDoc(entities=(ParsedEntity(0, 6, "DOCUMENT", "Treaty|日米安全保障条約"),))
    (entity,) = find_entities(text, doc)
    assert (entity.label, entity.subtype, entity.canonical, entity.source) == (
        EntityLabel.DOCUMENT, "Treaty", "日米安全保障条約", "ruler",
    )  # fmt: skip


def test_entities_overlaps_prefer_rules_then_ruler_then_longer() -> None:
    text = "普天間飛行場の代替"
    doc = ParsedDoc(
        entities=(ParsedEntity(0, 3, "City", ""), ParsedEntity(0, 6, "FACILITY", "Military_Base|")),
    )
    assert [(e.surface, str(e.label)) for e in find_entities(text, doc)] == [("普天間飛行場", "FACILITY")]


_ENT_LABELS = [
    "Person",
    "Country",
    "Conference",
    "Position_Vocation",
    "Date",
    "ORG",
    "TITLE",
    "DOCUMENT",
    "Company",
]


@st.composite
def _text_and_parse(draw: st.DrawFn) -> tuple[str, ParsedDoc]:
    text = draw(
        st.text(
            alphabet=st.sampled_from(
                "日米首脳会談防衛大臣一川パネッタ（当時）()「」2+1・、。○君\n 　国務岸田"
            ),
            max_size=40,
        )
    )
    n = len(text)
    tokens = []
    cuts = sorted({*draw(st.lists(st.integers(0, n), max_size=12)), 0, n})
    for a, b in itertools.pairwise(cuts):
        tag = draw(st.sampled_from([NOUN, SURNAME, PLACE, COUNTRY, PARTICLE, SYMBOL]))
        tokens.append(ParsedToken(a, b, text[a:b], "NOUN", tag, "dep", 0, "", "B", "", False))
    ents = []
    for _ in range(draw(st.integers(0, 5))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        ents.append(ParsedEntity(a, b, draw(st.sampled_from(_ENT_LABELS)), "X|"))
    return text, ParsedDoc(tokens=tuple(tokens), entities=tuple(ents))


@given(_text_and_parse())
def test_entities_offsets_are_exact_on_arbitrary_input(case: tuple[str, ParsedDoc]) -> None:
    text, doc = case
    previous_end = 0
    for entity in find_entities(text, doc):
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.surface
        assert entity.start >= previous_end  # sorted, non-overlapping
        previous_end = entity.end
        for span in (entity.title, entity.title_qualifier):
            if span is not None:
                assert text[span.start : span.end] == span.surface


# fmt: off
PROPER_NOUN_RUNS = [
    ([("日本航空", "名詞-固有名詞-一般"), ("に", PARTICLE)], [("日本航空", "ORG")]),
    ([("岸田", SURNAME), ("文雄", GIVEN), ("は", PARTICLE)], [("岸田文雄", "PERSON")]),
    ([("ペルー", COUNTRY), ("に", PARTICLE)], [("ペルー", "LOCATION")]),
    ([("平成", "名詞-固有名詞-一般"), ("22", "名詞-数詞"), ("年", NOUN)], []),
    ([("ゲイリー", PROPER_PERSON), ("は", PARTICLE)], []),   # 人名-一般 alone: too often a word
    ([("茂木", PLACE), ("町", NOUN)], []),                    # 地名-一般: GiNZA decides
    ([("会津若松", PLACE), ("駅", NOUN), ("で", PARTICLE)], [("会津若松駅", "FACILITY")]),
    ([("鹿島", PLACE), ("学園", NOUN), ("高校", NOUN)], []),   # a common noun between: no
]
# fmt: on


@pytest.mark.parametrize(("pieces", "expected"), PROPER_NOUN_RUNS)
def test_entities_proper_noun_runs_the_model_missed(pieces, expected) -> None:
    text, doc = parsed(pieces)
    assert [(e.surface, str(e.label)) for e in find_entities(text, doc)] == expected


def test_entities_proper_noun_runs_never_override_the_model() -> None:
    pieces = [("平成", "名詞-固有名詞-一般"), ("22", "名詞-数詞"), ("年", NOUN)]
    text, doc = parsed(pieces, [("平成22年", "Date", "")])
    assert find_entities(text, doc) == ()


def test_entities_fingerprint_follows_the_ruler_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import tables
    from pipeline.entities import data, fingerprint, ruler

    cached = (tables.rows, tables.load_json, data.gazetteer, data.countries, ruler.ruler_fingerprint)
    before = fingerprint()
    assert before == fingerprint()
    original = tables.read_text

    def patched(name: str) -> str:
        extra = "追加機構\tORG\tAgency\t\ttest entry\n" if name == "entities/organizations.tsv" else ""
        return original(name) + extra

    monkeypatch.setattr(tables, "read_text", patched)
    try:
        for function in cached:
            function.cache_clear()
        assert fingerprint() != before
    finally:
        monkeypatch.undo()
        for function in cached:
            function.cache_clear()
    assert fingerprint() == before


def test_entities_every_data_entry_has_a_source() -> None:
    from pipeline.entities.data import gazetteer, lexicon

    assert all(entry.source.strip() for entry in gazetteer())
    for key, value in lexicon().items():
        if isinstance(value, list):
            assert all(len(item) == 2 and item[1].strip() for item in value), key


@pytest.mark.parametrize("table", ["model_spans.json", "places.json", "equipment.json", "rules.json", "lexicon.json"])
def test_entities_every_word_table_says_why(table: str) -> None:
    from pipeline import tables

    data = tables.load_json(f"entities/{table}")
    if table not in ("rules.json", "lexicon.json"):
        assert data["source"].strip() and data["description"].strip()
    for key, value in data.items():
        if isinstance(value, dict) and "words" in value:
            assert (value.get("reason") or value.get("_doc") or "").strip(), key
            assert value["words"] and all(isinstance(w, (str, list)) for w in value["words"]), key
