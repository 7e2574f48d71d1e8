"""Actor resolution without GiNZA: country names and abbreviations, titles, collective words."""

from __future__ import annotations

import pytest

from pipeline.commitments.parties import PartyResolver, country_codes
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
