"""Actor resolution without GiNZA: country names and abbreviations, titles, speakers."""

from __future__ import annotations

import pytest

from pipeline.commitments.dating import contains
from pipeline.commitments.parties import PartyResolver, country_codes
from pipeline.commitments.speaker import find_speaker, stage_turns
from tests.commitments_helpers import entity

# fmt: off
COUNTRY_TESTS = [
    ("日米首脳会談", ("JP", "US")),
    ("日米韓三か国", ("JP", "US", "KR")),
    ("日豪防衛相会談", ("JP", "AU")),
    ("デンマーク側", ("DK",)),
    ("日・デンマーク・グリーンランド三者会談", ("JP", "DK", "GL")),
    ("南スーダン", ("SS",)),
    ("米国", ("US",)),
    ("日米両国", ("JP", "US")),
    # organizations and groups are parties by their short names (gold rules)
    ("ＡＰＥＣ閣僚会議", ("APEC",)),
    ("アジア太平洋経済協力閣僚会議", ("APEC",)),
    ("Ｇ７首脳会合", ("G7",)),
    ("国連総会", ("UN",)),
]
COUNTRY_NOT_APPLICABLE = ["在日米軍", "防衛協力", "海洋安全保障", "参加国", "同盟"]

TITLE_TESTS = [
    ("パネッタ", "米国防長官", "US"),
    ("一川", "防衛大臣", "JP"),
    ("オバマ", "米大統領", "US"),
    ("安倍", "総理", "JP"),
    ("ビヤ", "カメルーン大統領", "CM"),
    ("マールズ", "豪国防大臣", "AU"),
    ("オースティン", "国防長官", "US"),
    ("ファビウス", "外相", None),      # a foreign-script name with an unprefixed title: the context decides
    ("習近平", "国家主席", None),
]

SPEAKER_TESTS = [
    ("○国務大臣（岸田文雄君）　四月二十七日…", "岸田文雄", "国務大臣", True),
    ("○内閣総理大臣（菅義偉君）　…", "菅義偉", "内閣総理大臣", True),
    ("○浜田国務大臣　…", "浜田", "国務大臣", True),
    ("○赤嶺委員　…", "赤嶺", "委員", False),
    ("○志位和夫君　…", "志位和夫", "君", False),
    ("○政府参考人（増田和夫君）　…", "増田和夫", "政府参考人", True),
]

CONTAINS_TESTS = [
    ("FY2014", "2014-05-13", True),
    ("FY2014", "2015-03-31", True),
    ("FY2014", "2014-03-31", False),
    ("2014", "2014-05-13", True),
    ("2014-05", "2014-05-13", True),
    ("2014-06", "2014-05-13", False),
    ("2014-05-13", "2014-05-13", False),
]
# fmt: on


@pytest.mark.parametrize(("surface", "expected"), COUNTRY_TESTS)
def test_commitments_country_codes(surface: str, expected: tuple[str, ...]) -> None:
    assert country_codes(surface) == expected


@pytest.mark.parametrize("surface", COUNTRY_NOT_APPLICABLE)
def test_commitments_country_codes_not_applicable(surface: str) -> None:
    assert country_codes(surface) == ()


@pytest.mark.parametrize(("name", "title", "expected"), TITLE_TESTS)
def test_commitments_title_country(name: str, title: str, expected: str | None) -> None:
    resolver = PartyResolver(text="", entities=())
    assert resolver.title_country(name, title) == expected


def test_commitments_resolve_person_through_other_mention() -> None:
    text = "同年10月25日、パネッタ米国防長官が訪日した。パネッタ長官からは、協力していく旨発言があった。"
    resolver = PartyResolver(text=text, entities=())
    start = text.index("パネッタ長官から")
    members, _, named = resolver.resolve("パネッタ長官からは", start, ())
    assert named
    assert members == ("US",)


def test_commitments_resolve_links_entities() -> None:
    text = "一川防衛大臣(当時)とパネッタ長官は、協力を進めていくことで一致した。"
    ents = [
        entity(text, "一川", "PERSON", "e1", title="防衛大臣"),
        entity(text, "パネッタ", "PERSON", "e2", title="長官"),
    ]
    resolver = PartyResolver(text=text, entities=ents)
    phrase = "一川防衛大臣(当時)とパネッタ長官は"
    members, ids, named = resolver.resolve(phrase, 0, ("JP", "US"))
    assert named
    assert members == ("JP", "US")
    assert ids == ("e1", "e2")


@pytest.mark.parametrize(
    ("phrase", "context", "expected"),
    [
        ("両首脳は", ("JP", "US"), ("JP", "US")),
        ("私から", ("JP", "US"), ("JP",)),
        ("先方から", ("JP", "AU"), ("AU",)),
    ],
)
def test_commitments_resolve_collective_and_deictic(
    phrase: str, context: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    resolver = PartyResolver(text=phrase, entities=())
    members, _, named = resolver.resolve(phrase, 0, context)
    assert named
    assert members == expected


def test_commitments_resolve_foreign_government_is_not_japan() -> None:
    resolver = PartyResolver(text="暫定連邦政府が", entities=())
    members, _, _ = resolver.resolve("暫定連邦政府が", 0, ())
    assert "JP" not in members


@pytest.mark.parametrize(("line", "name", "role", "government"), SPEAKER_TESTS)
def test_commitments_speaker(line: str, name: str, role: str, government: bool) -> None:
    speaker = find_speaker(line)
    assert speaker is not None
    assert (speaker.name, speaker.role, speaker.government) == (name, role, government)


def test_commitments_speaker_absent_in_prose() -> None:
    assert find_speaker("以上のように、日米間の協力関係は発展した。") is None


@pytest.mark.parametrize(("period", "day", "expected"), CONTAINS_TESTS)
def test_commitments_period_contains(period: str, day: str, expected: bool) -> None:
    assert contains(period, day) is expected


# (stage direction line, name, role, government)
# fmt: off
STAGE_TESTS = [
    ("〔国務大臣岸信夫君登壇〕", "岸信夫", "国務大臣", True),
    ("〔内閣総理大臣岸田文雄君登壇、拍手〕", "岸田文雄", "内閣総理大臣", True),
    ("〔本村伸子君登壇〕", "本村伸子", "", False),
]
STAGE_NOT_TURNS = ["〔議長退席、副議長着席〕", "〔拍手〕", "〔委員長退席、中山委員長代理着席〕"]
# fmt: on


@pytest.mark.parametrize(("line", "name", "role", "government"), STAGE_TESTS)
def test_commitments_stage_direction_turns(line: str, name: str, role: str, government: bool) -> None:
    text = "○国務大臣（林芳正君）　お答えいたします。\n　　　　" + line + "\n　お答えいたします。\n"
    (turn,) = stage_turns(text)
    assert (turn.name, turn.role, turn.government) == (name, role, government)
    assert text[turn.start : turn.end] == line


@pytest.mark.parametrize("line", STAGE_NOT_TURNS)
def test_commitments_stage_directions_that_are_no_turns(line: str) -> None:
    assert stage_turns("○議長（山田太郎君）　これより会議を開きます。\n　" + line + "\n") == []
