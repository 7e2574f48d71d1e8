"""Trip reports, organizations as parties, and acts recalled in noun phrases.

The rules (tests/fixtures/gold/README.md, pipeline/commitments/README.md, Decisions): a trip dated by a
range within one month dates the meetings held on it, also a conference its sentence says was
attended and mentioned again later; a trip named again (次に、…の訪問の成果ですが) is the one being
reported; a partner named in the clause who is no party of the reported meeting met the speaker
separately (no venue, the trip's date); a multilateral meeting's act has its organization as member;
a meeting still to come is no venue; a joint act or a request recalled in a relative clause or a noun
phrase is ``background``, dated and venued by its own clause. Texts are written for these tests;
dates and entities are hand-made records.
"""

from __future__ import annotations

import pytest

from pipeline.commitments import find_commitments
from tests.commitments_helpers import date, entity

MINISTER = "○国務大臣（山田太郎君）　御報告いたします。\n"


def _run(parse, text: str, dates=(), entities=(), date_: str = "2019-11-01"):
    parsed, sentences = parse(text)
    return find_commitments(text, parsed, sentences=sentences, dates=dates, entities=entities, meta={"date": date_})


TRIP_DOC = (
    MINISTER + "　私は、去る九月三日から七日まで、タイのバンコクを訪問し、第三十回東南アジア諸国連合関連閣僚会議、"
    "通称ＡＳＥＡＮ関連会議に出席いたしました。また、十月二十日から二十二日まで、ドイツ及び英国を訪問いたしました。\n"
    "　ＡＳＥＡＮ関連会議では、海洋の安全に関する協力を強化することで一致しました。\n"
    "　会議出席に加え、インド及び韓国の外相とそれぞれ個別に会談いたしました。\n"
    "　インドの外相とは、次回の首脳会談で協力文書に署名することで一致しました。\n"
    "　次に、ドイツの訪問の成果ですが、ドイツの外相と会談を行い、意見交換を行いました。\n"
    "　また、ロンドンにおいて、英国及びカナダの外相とそれぞれ個別に会談を行いました。\n"
    "　日英外相会談では、共同訓練を拡充していくことで一致しました。\n"
)


def _trip_records():
    text = TRIP_DOC
    dates = [
        date(text, "九月三日", "2019-09-03", "d0", range="start"),
        date(text, "七日", "2019-09-07", "d1", range="end"),
        date(text, "十月二十日", "2019-10-20", "d2", range="start"),
        date(text, "二十二日", "2019-10-22", "d3", range="end"),
    ]
    ents = [
        entity(text, "第三十回東南アジア諸国連合関連閣僚会議", "EVENT", "e0"),
        entity(text, "ＡＳＥＡＮ関連会議", "EVENT", "e1"),
        entity(text, "ＡＳＥＡＮ関連会議", "EVENT", "e2", nth=1),
        entity(text, "首脳会談", "EVENT", "e3"),
        entity(text, "日英外相会談", "EVENT", "e4"),
    ]
    return text, dates, ents


def test_commitments_trip_legs_date_their_meetings(parse) -> None:
    text, dates, ents = _trip_records()
    found = {c.actor.members: c for c in _run(parse, text, dates, ents)}
    assert set(found) == {("ASEAN",), ("JP", "IN"), ("JP", "GB")}
    # the conference attended on the first leg: its organization agrees, dated by that leg
    asean = found[("ASEAN",)]
    assert asean.date is not None and (asean.date.value, asean.date.date_id) == ("2019-09", "d0")
    assert asean.venue is not None and asean.venue.entity_id == "e2"
    # a partner outside the conference: a meeting of its own on the first leg; the summit to come
    # is no venue
    india = found[("JP", "IN")]
    assert india.date is not None and india.date.value == "2019-09"
    assert india.venue is None or india.venue.entity_id is None  # the bare 会談 at most
    # the second leg, named again, dates the named meeting reported on it
    uk = found[("JP", "GB")]
    assert uk.date is not None and (uk.date.value, uk.date.date_id) == ("2019-10", "d2")
    assert uk.venue is not None and uk.venue.entity_id == "e4"


def test_commitments_recalled_meeting_is_not_on_the_trip(parse) -> None:
    text = (
        MINISTER + "　私は、去る九月三日から七日まで、ドイツを訪問いたしました。\n"
        "　また、さきの日米首脳会談では、同盟を一層強化していくことで一致しました。\n"
    )
    dates = [
        date(text, "九月三日", "2019-09-03", "d0", range="start"),
        date(text, "七日", "2019-09-07", "d1", range="end"),
    ]
    (c,) = _run(parse, text, dates, [entity(text, "日米首脳会談", "EVENT", "e0")])
    assert c.actor.members == ("JP", "US")
    assert c.date is None


def test_commitments_request_in_an_adopted_resolution(parse) -> None:
    text = (
        MINISTER + "　現地時間三月二日、国連総会の特別会合において、侵略の即時停止を求めることなどを内容とする"
        "決議が採択されました。\n"
    )
    dates = [date(text, "三月二日", "2019-03-02", "d0")]
    (c,) = _run(parse, text, dates, [entity(text, "特別会合", "EVENT", "e0")])
    assert (c.trigger.surface, c.type.value, c.mention.value) == ("求める", "request", "background")
    assert c.actor.members == ("UN",)
    assert c.date is not None and (c.date.value, c.date.date_id) == ("2019-03-02", "d0")
    assert c.venue is not None and c.venue.entity_id == "e0"


# (sentence after the speaker line, the requester, the date surface and value or None)
# fmt: off
RECEIVED_REQUESTS = [
    ("　昨年十月、豪州軍の部隊の活動に必要な燃料の提供要請を受け、燃料を提供いたしました。",
     ("AU",), ("昨年十月", "2018-10")),
    ("　米国からの要請に応じ、輸送機を派遣いたしました。", ("US",), None),
    ("　本年一月、国連の要請を受け、医療チームを派遣いたしました。", ("UN",), ("本年一月", "2019-01")),
]
# a request received from nobody who is a party, or only claimed: no record
RECEIVED_NOT = [
    "　地元の要請を受け、説明会を開催いたしました。",
    "　今般の決定は我が国自身の判断であり、米国からの要請を受けたとの指摘は当たりません。",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "requester", "when"), RECEIVED_REQUESTS)
def test_commitments_received_requests(parse, sentence: str, requester: tuple[str, ...], when) -> None:
    text = MINISTER + sentence
    dates = [date(text, when[0], when[1], "d0")] if when else []
    found = [c for c in _run(parse, text, dates) if c.type.value == "request"]
    assert len(found) == 1
    (c,) = found
    assert (c.trigger.surface, c.mention.value) == ("要請", "background")
    assert c.actor.members == requester
    assert (c.date.value if c.date else None) == (when[1] if when else None)


@pytest.mark.parametrize("sentence", RECEIVED_NOT)
def test_commitments_received_requests_not(parse, sentence: str) -> None:
    assert [c for c in _run(parse, MINISTER + sentence) if c.type.value == "request"] == []


def test_commitments_joint_act_recalled_in_a_relative_clause(parse) -> None:
    text = MINISTER + "　本年四月の日豪２プラス２において打ち出した方針に沿って、防衛協力を強化していきます。\n"
    dates = [date(text, "本年四月", "2019-04", "d0")]
    found = _run(parse, text, dates, [entity(text, "日豪２プラス２", "EVENT", "e0")])
    assert [(c.trigger.surface, c.type.value, c.mention.value) for c in found] == [
        ("打ち出し", "agreement", "background"),
        ("強化していきます", "pledge", "main"),
    ]
    recalled = found[0]
    assert recalled.actor.members == ("JP", "AU")
    assert recalled.date is not None and (recalled.date.value, recalled.date.date_id) == ("2019-04", "d0")
    assert recalled.venue is not None and recalled.venue.entity_id == "e0"


def test_commitments_launch_without_a_joint_venue_is_no_agreement(parse) -> None:
    # a plan to set something out at a future meeting is the speaker's pledge, not an agreement
    text = MINISTER + "　十二月の首脳会議の機会に、新たなビジョンを打ち出す考えです。\n"
    found = _run(parse, text)
    assert [(c.trigger.surface, c.type.value) for c in found] == [("打ち出す考え", "pledge")]


def test_commitments_group_act_is_joint(parse) -> None:
    text = MINISTER + "　Ｇ７首脳は、対ロ制裁を継続していくことを確認いたしました。\n"
    (c,) = _run(parse, text)
    assert (c.trigger.surface, c.actor.members) == ("確認", ("G7",))


def test_commitments_agreement_voiced_by_one_side(parse) -> None:
    text = (
        MINISTER + "　会談では、豪州の国防大臣から、協力していく考えが示され、共同訓練を拡充することで一致しました。\n"
    )
    found = [c for c in _run(parse, text) if c.type.value == "agreement"]
    assert [sorted(c.actor.members) for c in found] == [["AU", "JP"]]
