"""Entity rules read off the parse: statute titles, seas and zones, bodies, meetings, equipment, filters.

GiNZA's parses of these sentences are stored (tests/parses.py): no model is loaded. Sentences are
written for these tests in the domain's standard phrasing (e-Gov statute titles, MOD and MOFA
wording), not copied from the gold fixtures; each case names the rule it exercises.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities import find_entities
from pipeline.entities.places import capital_title_end, country_list, locative_end


def _found(parse: Any, text: str) -> set[str]:
    """``surface/LABEL`` of every entity found (offsets checked on the way)."""
    out = set()
    for e in find_entities(text, parse(text)[0]):
        assert text[e.start : e.end] == e.surface
        out.add(f"{e.surface}/{e.label}")
    return out


# fmt: off
# (rule, sentence, entities that must be found as "surface/LABEL")
FOUND = [
    ("statute title with に関する",
     "政府は武力攻撃事態等における国民の保護のための措置に関する法律に基づき訓練を行った。",
     {"武力攻撃事態等における国民の保護のための措置に関する法律/DOCUMENT"}),
    ("bill amending a law",
     "防衛省設置法等の一部を改正する法律案を国会に提出した。",
     {"防衛省設置法等の一部を改正する法律案/DOCUMENT"}),
    ("short name of a special measures law",
     "政府はテロ特措法の延長を検討している。",
     {"テロ特措法/DOCUMENT"}),
    ("旧 is no part of a law's name",
     "旧イラク復興支援特別措置法の下で活動した。",
     {"イラク復興支援特別措置法/DOCUMENT"}),
    ("a sea split across words",
     "北朝鮮は弾道ミサイルを発射し、日本海洋上に落下した。",
     {"日本海/LOCATION"}),
    ("a zone over a sea",
     "中国は東シナ海防空識別区を設定したと発表した。",
     {"東シナ海防空識別区/LOCATION"}),
    ("a place before a locative noun",
     "北朝鮮は元山付近から短距離弾道ミサイルを発射した。",
     {"元山/LOCATION"}),
    ("a word for near a place is no part of its name",
     "平壌近郊で軍事パレードが行われた。",
     {"平壌/LOCATION"}),
    ("countries joined by a middle dot",
     "日本は米国・豪州との連携を強化する。",
     {"米国/LOCATION", "豪州/LOCATION"}),
    ("a council named for a facility",
     "普天間飛行場負担軽減推進会議を開催した。",
     {"普天間飛行場負担軽減推進会議/ORG"}),
    ("a body inside a word of its acts",
     "政府は人事院勧告を尊重する。",
     {"人事院/ORG"}),
    ("a draft resolution of a UN organ",
     "日本は北朝鮮の人権状況に関する総会決議案を共同提出した。",
     {"総会決議案/DOCUMENT"}),
    ("a numbered meeting of a named project",
     "日韓歴史共同研究第二回会合が開催された。",
     {"日韓歴史共同研究第二回会合/EVENT"}),
    ("a referendum that was held",
     "昨年行われた住民投票の結果を踏まえる。",
     {"住民投票/EVENT"}),
    ("a designator without its hyphen before a class noun",
     "航空自衛隊はＦ２戦闘機を緊急発進させた。",
     {"Ｆ２/PRODUCT"}),
    ("numbered units", "第３師団と第九航空団、第一普通科連隊が参加した。",
     {"第３師団/ORG", "第九航空団/ORG", "第一普通科連隊/ORG"}),
    ("an autonomous region is a place", "チベット自治区の状況を注視する。", {"チベット自治区/LOCATION"}),
    ("a ship's name after its class",
     "護衛艦「きりしま」がインド洋に派遣された。",
     {"きりしま/PRODUCT"}),
]
# (rule, sentence, surfaces that must not be entities)
NOT_FOUND = [
    ("anaphoric law", "同特措法の期限は二年とする。", {"同特措法", "特措法"}),
    ("a law modifying what follows", "テロ特措法改正案を審議する。", {"テロ特措法"}),
    ("a force's member", "自衛隊員の処遇を改善する。", {"自衛隊"}),
    ("this Diet session", "今国会に法案を提出する。", {"国会"}),
    ("a programme, not a body", "ＯＤＡを活用して支援する。", {"ＯＤＡ"}),
    ("a post is no body", "外務省北米局長名で申し入れた。", {"北米局長", "北米局長名"}),
    ("a kind of treaty is no name", "多くの国が米国と安全保障条約を結んでいる。", {"安全保障条約"}),
    ("a numbered group that is no unit", "第1群の対象者を除く。", {"第1群"}),
    ("a bare referendum is a common noun", "知事は県民投票を求めた。", {"県民投票"}),
    ("a bare reference to resolutions is the organ", "安保理決議違反である。", {"安保理決議"}),
]
# fmt: on


@pytest.mark.parametrize(("rule", "text", "expected"), FOUND, ids=[c[0] for c in FOUND])
def test_entities_parse_rules_find(parse: Any, rule: str, text: str, expected: set[str]) -> None:
    assert expected <= _found(parse, text), rule


@pytest.mark.parametrize(("rule", "text", "forbidden"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_entities_parse_rules_must_not_extract(parse: Any, rule: str, text: str, forbidden: set[str]) -> None:
    assert not {f.split("/")[0] for f in _found(parse, text)} & forbidden, rule


@pytest.mark.parametrize(
    ("text", "start"),
    [("首都ジュバ", 2), ("州都ジュバ", 2), ("首都", 0), ("首都圏", 0), ("ジュバ", 0)],
)
def test_entities_capital_title_is_not_part_of_the_city(text: str, start: int) -> None:
    assert capital_title_end(text, 0, len(text)) == start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("エジプト・イスラエル", [(0, 4, "EG"), (5, 10, "IL")]),
        ("米国・豪州・インド", [(0, 2, "US"), (3, 5, "AU"), (6, 9, "IN")]),
        ("キャンプ・ハンセン", None),
        ("米国", None),
    ],
)
def test_entities_country_lists(text: str, expected: list[tuple[int, int, str]] | None) -> None:
    assert country_list(text, 0, len(text)) == expected


@pytest.mark.parametrize(
    ("text", "end"),
    [("平壌近郊", 2), ("元山付近", 2), ("ソマリア沖", 5), ("日本海上空", 3), ("付近", 2), ("東京", 2)],
)
def test_entities_near_words_are_cut_from_places(text: str, end: int) -> None:
    assert locative_end(text, 0, len(text)) == end


def test_entities_plenary_stage_directions_name_the_speaker(parse: Any) -> None:
    text = "以上です。（拍手）\n　　〔内閣総理大臣山田太郎君登壇、拍手〕\n　お答えします。"
    found = [(e.surface, e.title.surface if e.title else None) for e in find_entities(text, parse(text)[0])]
    assert ("山田太郎", "内閣総理大臣") in found
