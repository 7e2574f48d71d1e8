"""Identity keys (schema 2): one key per person, body and country, however the text writes it.

Sentences in the standard phrasing of Diet minutes, white papers and MOFA summaries (none from the
gold fixtures); their parses are stored (``--update-goldens``). Persons are keyed from the
document (speaker lines, whole names), then from the office-holder table on the document's date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.entities import find_entities
from pipeline.entities.identity import country_key, org_key
from pipeline.schema import EntityLabel

D = dt.date

PERSONS = [
    # a Diet speaker line gives the whole name; the surname with a title later is the same person
    (
        "○国務大臣（小野寺五典君）　昨日、小野寺防衛大臣とヘーゲル国防長官は電話会談を行いました。",
        D(2014, 4, 10),
        {"小野寺五典": "person:小野寺五典", "小野寺": "person:小野寺五典", "ヘーゲル": "person:チャック・ヘーゲル"},
    ),
    # surname + title alone: the holder on the document's date
    (
        "一川防衛大臣は、パネッタ米国防長官と会談した。",
        D(2011, 10, 25),
        {"一川": "person:一川保夫", "パネッタ": "person:レオン・パネッタ"},
    ),
    # a Western whole name, then its surname
    (
        "安倍内閣総理大臣は、来日中のトニー・アボット・オーストラリア首相と首脳会談を行った。アボット首相からは、協力を強化したい旨の発言があった。",
        D(2014, 7, 8),
        {
            "安倍": "person:安倍晋三",
            "トニー・アボット": "person:トニー・アボット",
            "アボット": "person:トニー・アボット",
        },
    ),
    # a Chinese one-character surname with a title
    (
        "鳩山総理は、来日中の温家宝国務院総理と会談を行った。温総理からは、両国関係を発展させたいとの発言があった。",
        D(2010, 5, 31),
        {"鳩山": "person:鳩山由紀夫", "温家宝": "person:温家宝", "温": "person:温家宝"},
    ),
    # (当時) and 元: an earlier holder
    (
        "北澤防衛大臣（当時）は、ゲーツ国防長官（当時）と会談した。",
        D(2012, 7, 31),
        {"北澤": "person:北澤俊美", "ゲーツ": "person:ロバート・ゲイツ"},
    ),
    (
        "石破元防衛大臣の答弁を引用いたします。",
        D(2010, 3, 1),
        {"石破": "person:石破茂"},
    ),
    # a Korean president's surname after his whole name
    (
        "李明博大統領は、北朝鮮に対して挑発行為の中止を求めた。李大統領はまた、日韓の連携を強調した。",
        D(2010, 6, 1),
        {"李明博": "person:李明博", "李": "person:李明博"},
    ),
]

# look-alikes: a namesake in an office of no row, a title of no office, a shorter surname that is a
# prefix of a whole name in the document, no document date
NOT_KEYED = [
    ("林農林水産大臣は、輸出の拡大について説明した。", D(2014, 5, 13), "林"),
    ("篠原議員の御質問にお答えいたします。", D(2021, 3, 12), "篠原"),
    ("河野統合幕僚長は、記者会見で部隊の派遣について述べた。", D(2018, 1, 11), "河野"),
    ("オバマ大統領と会談した。", None, "オバマ"),
]


def _keys(parse, text: str, day: dt.date | None) -> dict[str, str | None]:
    parsed, sentences = parse(text)
    ents = find_entities(text, parsed, sentences=sentences, document_date=day)
    return {e.surface: e.key for e in ents if e.label is EntityLabel.PERSON}


@pytest.mark.parametrize(("text", "day", "expected"), PERSONS)
def test_entities_person_keys(parse, text: str, day: dt.date, expected: dict[str, str]) -> None:
    found = _keys(parse, text, day)
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(("text", "day", "name"), NOT_KEYED)
def test_entities_persons_not_keyed(parse, text: str, day: dt.date | None, name: str) -> None:
    found = _keys(parse, text, day)
    assert name in found and found[name] is None


def test_entities_surname_prefix_of_another_whole_name_is_not_it(parse) -> None:
    # 岸 (岸信夫, the Defense Minister) is a prefix of 岸田文雄 (the speaker): not the same person
    text = "○内閣総理大臣（岸田文雄君）　岸防衛大臣に対し、万全の態勢をとるよう指示いたしました。"
    found = _keys(parse, text, D(2022, 3, 1))
    assert found == {"岸田文雄": "person:岸田文雄", "岸": "person:岸信夫"}


ORGS = [
    ("防衛庁", None, "org:防衛省"),  # renamed 2007-01-09: one body
    ("防衛省", None, "org:防衛省"),
    ("米軍", None, "org:アメリカ合衆国軍"),
    ("在日米軍", None, "org:在日米軍"),
    ("ＡＳＥＡＮ", None, "org:東南アジア諸国連合"),
    ("国連", None, "org:国際連合"),
    ("政府", None, "org:日本国政府"),
    ("米国政府", None, "org:アメリカ合衆国政府"),
    ("南スーダン政府", None, "org:南スーダン共和国政府"),
    ("安倍内閣", D(2015, 5, 20), "org:日本国政府"),
    ("第二次安倍内閣", D(2013, 1, 28), "org:日本国政府"),
    ("トランプ政権", D(2018, 4, 26), "org:アメリカ合衆国政府"),
    ("「2+2」会合", "日米安全保障協議委員会", "org:日米安全保障協議委員会"),
    ("自衛隊", None, "org:自衛隊"),
]
ORGS_NOT_KEYED = ["日米両政府", "日米両国政府"]


@pytest.mark.parametrize(("name", "extra", "expected"), ORGS)
def test_entities_org_keys(name: str, extra, expected: str) -> None:
    canonical = extra if isinstance(extra, str) else None
    day = extra if isinstance(extra, dt.date) else None
    assert org_key(name, canonical, day) == expected


@pytest.mark.parametrize("name", ORGS_NOT_KEYED)
def test_entities_pair_governments_have_no_key(name: str) -> None:
    assert org_key(name, None, None) is None


def test_entities_cabinet_of_no_known_head_keys_as_written() -> None:
    # 山田内閣: no head of government of the table is named 山田
    assert org_key("山田内閣", None, D(2015, 1, 1)) == "org:山田内閣"


@pytest.mark.parametrize(("code", "expected"), [("US", "country:US"), ("KP", "country:KP"), ("JP", "country:JP")])
def test_entities_country_keys(code: str, expected: str) -> None:
    assert country_key(code) == expected


@pytest.mark.parametrize("code", ["TW", "HK", "GU", "PS", None, "Country"])
def test_entities_territories_have_no_country_key(code) -> None:
    assert country_key(code) is None


def test_entities_country_names_share_a_key(parse) -> None:
    text = "米国は、アメリカの同盟国とともに行動すると表明した。"
    parsed, sentences = parse(text)
    ents = find_entities(text, parsed, sentences=sentences, document_date=D(2015, 1, 1))
    keys = {e.surface: e.key for e in ents if e.label is EntityLabel.LOCATION}
    assert keys == {"米国": "country:US", "アメリカ": "country:US"}


def test_entities_identity_tables_say_why() -> None:
    from pipeline import tables

    rules = tables.load_json("entities/identity.json")
    assert rules["_doc"].strip()
    for key, value in rules.items():
        if isinstance(value, dict):
            assert value.get("_doc", "").strip(), key
    for row in tables.rows("entities/org_keys.tsv"):
        assert row["name"] and row["key"] and row["source"].strip(), row


def test_entities_keys_are_the_last_pass() -> None:
    from pipeline.entities.passes import PASSES

    assert PASSES[-1].__name__ == "add_keys"


def test_entities_a_figure_with_a_middle_dot_is_no_western_name() -> None:
    # GiNZA sometimes calls a figure (一八・六％) a person: the ・ makes no whole name of it
    from pipeline.entities.candidates import Candidate
    from pipeline.entities.identity import person_keys
    from tests.entity_docs import NOUN, parsed

    text, doc = parsed([("一八", NOUN), ("・", NOUN), ("六", NOUN), ("％", NOUN)])
    cand = Candidate(0, len(text), EntityLabel.PERSON, "Person", None, "model")
    assert person_keys(text, doc.tokens, [cand], D(2006, 1, 1)) == {}
