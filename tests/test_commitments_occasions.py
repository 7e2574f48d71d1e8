"""Dates, venues, mentions and occasions from the context, with hand-made date and entity records.

The dates and entities stages are not run: each test builds its own ``DateMention``/``Entity``
records, so only the commitments stage is tested.
"""

from __future__ import annotations

from pipeline.commitments import find_commitments
from tests.commitments_helpers import date, entity


def _run(parse, text: str, dates=(), entities=(), meta=None):
    parsed, sentences = parse(text)
    return find_commitments(text, parsed, sentences=sentences, dates=dates, entities=entities, meta=meta)


HEADING_DOC = (
    "1 「2+2」会合(11(平成23)年6月21日)\n\n"
    "この際公表された「2+2」共同発表においては、共通の戦略目標の見直しおよび再確認を行った。\n"
    "また、同共同発表では、普天間飛行場の代替の施設の工法の検証・確認を完了し、着実な実施を確認した。\n"
)


def test_commitments_heading_date_and_anaphoric_venue(parse) -> None:
    text = HEADING_DOC
    dates = [date(text, "11(平成23)年6月21日", "2011-06-21", "d0")]
    ents = [
        entity(text, "「2+2」会合", "EVENT", "e0"),
        entity(text, "「2+2」共同発表", "DOCUMENT", "e1"),
        entity(text, "同共同発表", "DOCUMENT", "e2"),
    ]
    found = _run(parse, text, dates, ents)
    assert [c.trigger.surface for c in found] == ["再確認", "検証・確認を完了", "確認"]
    for c in found:
        assert c.date is not None
        assert (c.date.value, c.date.date_id) == ("2011-06-21", "d0")
        assert c.venue is not None
        assert c.venue.entity_id == "e1"
        assert c.actor.members == ("JP", "US")
        assert c.actor.inferred
    assert found[0].type.value == "reaffirmation"
    assert found[1].type.value == "confirmation"


def test_commitments_one_record_per_occasion(parse) -> None:
    text = (
        "同年5月28日の「2+2」共同発表や11(同23)年1月13日の日米防衛相会談などの閣僚レベルでも"
        "日米同盟の深化に関するコミットメントが繰り返し示された。"
    )
    dates = [
        date(text, "同年5月28日", "2010-05-28", "d4"),
        date(text, "11(同23)年1月13日", "2011-01-13", "d5"),
    ]
    ents = [entity(text, "「2+2」共同発表", "DOCUMENT", "e1"), entity(text, "日米防衛相会談", "EVENT", "e2")]
    found = _run(parse, text, dates, ents)
    assert [
        (c.type.value, c.date.value if c.date else None, c.venue.entity_id if c.venue else None) for c in found
    ] == [
        ("reaffirmation", "2010-05-28", "e1"),
        ("reaffirmation", "2011-01-13", "e2"),
    ]
    assert found[0].trigger == found[1].trigger


def test_commitments_background_per_date(parse) -> None:
    text = (
        "この際公表された共同発表においては、05(同17)年および07(同19)年の「2+2」共同発表において定めた"
        "共通の戦略目標の再確認を行った。"
    )
    dates = [date(text, "05(同17)年", "2005", "d1"), date(text, "07(同19)年", "2007", "d2")]
    ents = [entity(text, "「2+2」共同発表", "DOCUMENT", "e3")]
    found = _run(parse, text, dates, ents)
    background = [c for c in found if c.mention.value == "background"]
    assert [(c.trigger.surface, c.date.value if c.date else None) for c in background] == [
        ("定め", "2005"),
        ("定め", "2007"),
    ]
    assert all(c.venue is not None and c.venue.entity_id == "e3" for c in background)
    main = [c for c in found if c.mention.value == "main"]
    assert [c.trigger.surface for c in main] == ["再確認"]


def test_commitments_listed_items(parse) -> None:
    text = (
        "11(平成23)年6月21日の「2+2」共同発表では、以下のようなものを含む幅広い内容に言及している。\n"
        "○ 共同訓練・演習の拡大といった協力の促進\n"
        "○ 宇宙に関するパートナーシップの深化、サイバー政策協議の歓迎など\n"
        "○ 情報保全制度の更なる改善の重要性の強調\n"
        "この後の文は一覧ではない。\n"
    )
    dates = [date(text, "11(平成23)年6月21日", "2011-06-21", "d0")]
    ents = [entity(text, "「2+2」共同発表", "DOCUMENT", "e1")]
    found = _run(parse, text, dates, ents)
    items = [c for c in found if c.mention.value == "listed_item"]
    assert [c.trigger.surface for c in items] == ["促進", "深化"]  # the 強調 item is no commitment
    assert all(c.type.value == "agreement" and c.actor.members == ("JP", "US") for c in items)
    assert all(c.date is not None and c.date.value == "2011-06-21" for c in items)


def test_commitments_no_inheritance_across_dated_occasions(parse) -> None:
    text = (
        "09(同21)年11月13日の日米首脳会談において、協議プロセスの開始が合意された。\n"
        "こうして日米両国は対話を強化することとし、10(同22)年11月13日の日米首脳会談で日米同盟を深化させることとした。\n"
    )
    dates = [
        date(text, "09(同21)年11月13日", "2009-11-13", "d1"),
        date(text, "10(同22)年11月13日", "2010-11-13", "d3"),
    ]
    ents = [
        entity(text, "日米首脳会談", "EVENT", "e1", nth=0),
        entity(text, "日米首脳会談", "EVENT", "e2", nth=1),
    ]
    found = _run(parse, text, dates, ents)
    summary = [
        (c.trigger.surface, c.date.value if c.date else None, c.venue.entity_id if c.venue else None) for c in found
    ]
    assert summary == [
        ("合意", "2009-11-13", "e1"),
        ("こととし", None, None),
        ("こととし", "2010-11-13", "e2"),
    ]
    assert found[1].actor.members == ("JP", "US")
    assert not found[1].actor.inferred


DIET_DOC = (
    "○国務大臣（林芳正君）　五月十日、東京において、日豪外相会談を行いました。\n"
    "　同会談では、両外相は、防衛装備・技術協力を推進していくことで一致しました。"
    "また、私から、ウォン外相に対し、地域情勢への連携した対応を求めました。\n"
    "　今後とも、日豪関係を一層強化してまいります。\n"
)


def test_commitments_diet_report(parse) -> None:
    text = DIET_DOC
    dates = [date(text, "五月十日", "2015-05-10", "d0")]
    ents = [entity(text, "日豪外相会談", "EVENT", "e0"), entity(text, "林芳正", "PERSON", "e1")]
    found = _run(parse, text, dates, ents, meta={"date": "2015-05-20"})
    summary = [
        (
            c.type.value,
            c.actor.members,
            c.date.value if c.date else None,
            c.venue.entity_id if c.venue else None,
        )
        for c in found
    ]
    assert summary == [
        ("agreement", ("JP", "AU"), "2015-05-10", "e0"),
        ("request", ("JP",), "2015-05-10", "e0"),
        ("pledge", ("JP",), "2015-05-20", None),  # the speech itself is the act
    ]
    assert found[2].date is not None
    assert found[2].date.date_id is None


def test_commitments_member_speech_is_no_party_act(parse) -> None:
    text = "○赤嶺委員　私は、防衛大臣に対し、事故原因の究明を求めました。今後も追及してまいります。"
    assert _run(parse, text, meta={"date": "2019-10-24"}) == ()


def test_commitments_empty_parse_yields_nothing() -> None:
    from pipeline.parse import ParsedDoc

    assert find_commitments("日米両国は合意した。", ParsedDoc()) == ()


ITALY_DOC = (
    "○国務大臣（小野寺五典君）　五月七日にはイタリアを訪問し、"
    "ピノッティ国防大臣との会談を行いました。"
    "会談では、私から、防衛装備移転三原則について説明し、"
    "先方より、両国の防衛協力を進めていきたい旨発言がありました。\n"
    "　五月九日にはジブチを訪問し、ソマリア沖において活動する部隊を視察したほか、"
    "ハッサン国防大臣との会談を行いました。\n"
    "　ハッサン国防大臣との会談では、両国の関係を更に進展させていくことについて意見の一致を見ました。\n"
)


def test_commitments_generic_meetings_take_the_visited_country(parse) -> None:
    found = _run(parse, ITALY_DOC, meta={"date": "2014-05-13"})
    summary = [(c.trigger.surface, c.type.value, sorted(c.actor.members)) for c in found]
    assert summary == [
        ("進めていきたい旨発言", "intent", ["IT"]),  # 先方 is the other side of the meeting reported
        ("一致", "agreement", ["DJ", "JP"]),  # ソマリア沖 is a place, not a party
    ]


def test_commitments_reference_meeting_is_not_the_venue(parse) -> None:
    text = (
        "○国務大臣（小野寺五典君）　ジョンストン国防大臣との会談では、"
        "四月七日の日豪首脳会談等での議論も踏まえ、防衛協力について意見交換を行いました。また、対話により解決すべきとの認識を共有しました。\n"
    )
    dates = [date(text, "四月七日", "2014-04-07", "d0")]
    ents = [entity(text, "日豪首脳会談", "EVENT", "e0")]
    found = _run(parse, text, dates, ents, meta={"date": "2014-05-13"})
    assert [c.trigger.surface for c in found] == ["共有"]
    assert found[0].date is None
    assert found[0].venue is None or found[0].venue.entity_id != "e0"


def test_commitments_paragraph_parties_carry_over(parse) -> None:
    text = (
        "○国務大臣（林芳正君）　今回、米国との間では、第一に、光熱水料等については大幅に削減することで"
        "意見の一致を見ました。第二に、施設整備を重点的に推進していくこととしました。\n"
        "　政府としては、引き続き丁寧な説明を行ってまいります。\n"
    )
    found = _run(parse, text, meta={"date": "2022-03-18"})
    summary = [(c.type.value, sorted(c.actor.members), c.actor.inferred) for c in found]
    # 政府としては written in the clause: not inferred (gold 118613950X00220140311_007, 政府として、
    # …取り組む has inferred false)
    assert summary == [
        ("agreement", ["JP", "US"], False),
        ("decision", ["JP", "US"], True),
        ("pledge", ["JP"], False),
    ]
