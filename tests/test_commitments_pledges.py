"""Policy statements, coordinated pledges, quoted reports, occasion dates and joint-act parties.

The gold rules of tests/fixtures/gold/README.md (Commitments): a government speaker's policy
statement in the plain polite form is a pledge, each coordinated predicate is its own record,
〜たいと述べた is an intent, 決意を述べた a pledge, 承認 at a meeting a decision; an occasion dated
by a one-month range takes the month; an agreement has two parties. Sentences are written for these
tests (none is a fixture sentence); dates and entities are hand-made records.
"""

from __future__ import annotations

import pytest

from pipeline.commitments import find_commitments
from tests.commitments_helpers import date, entity

MINISTER = "○国務大臣（山田太郎君）　"
MEMBER = "○佐藤委員　"


def _run(parse, text: str, dates=(), entities=(), date_: str | None = "2019-06-10"):
    parsed, sentences = parse(text)
    meta = {"date": date_} if date_ else None
    return find_commitments(text, parsed, sentences=sentences, dates=dates, entities=entities, meta=meta)


# (sentence said by a minister, the pledge triggers expected in order)
# fmt: off
PLEDGE_TESTS = [
    ("日豪の防衛協力を一層強化します。", ["強化します"]),
    ("サイバー分野の人材育成に取り組みます。", ["取り組みます"]),
    ("地元の皆様への丁寧な説明に努めます。", ["努めます"]),
    ("太平洋島嶼国の海上保安能力の向上を支援します。", ["支援します"]),
    ("防衛装備品の共同開発を推進します。", ["推進します"]),
    ("我が国が地域の安定に主導的な役割を果たします。", ["果たします"]),
    ("自由で開かれた海洋秩序の維持に貢献します。", ["貢献します"]),
    ("関係国との日程を調整します。", ["調整します"]),
    ("在外邦人の安全確保に万全を期して対応します。", ["対応します"]),
    ("第一に、情報保全体制を強化するとともに、宇宙分野の協力を進めます。", ["強化する", "進めます"]),
    ("同盟国との共同訓練を拡充し、抑止力の向上に貢献していきます。", ["拡充し", "貢献していきます"]),
    ("関係国に我が国の考えを丁寧に伝え、冷静に対応します。", ["伝え", "対応します"]),
    ("近隣諸国との対話を重ね、信頼醸成に努めます。", ["努めます"]),
    ("今後とも、国民の皆様に丁寧に説明をしていくとともに、着実な実施に努めてまいりたいと考えております。",
     ["していく", "努めてまいりたい"]),
    ("引き続き、地域の安定に寄与していく考えです。", ["寄与していく考え"]),
    ("拉致問題の解決に全力を傾注していく決意です。", ["傾注していく決意"]),
]

# a minister's sentences that are no pledge: facts, states, opinions, speech acts, descriptions
PLAIN_NOT_PLEDGES = [
    "以上、御報告いたします。",
    "お答えいたします。",
    "御質問の点については、委員御指摘のとおりでございます。",
    "この点については、様々な考え方がございます。",
    "自衛隊の活動は国際社会から高く評価されております。",
    "私としては、その判断は適切であったと考えます。",
    "北朝鮮の度重なる発射を強く非難します。",
    "この法律案は、防衛省の組織を改めます。",
    "事態が発生した場合には、直ちに部隊を派遣します。",
    "今後の対応が求められます。",
    "関係国の協力に心から感謝します。",
    "この問題を解決しなければならないと考えます。",
    "最新鋭の戦闘機は一機百億します。",
    "両国の首脳が会談を行います。",
]

# coordinated clauses that are means or manner, not pledges of their own
MEANS_NOT_PLEDGES = [
    ("日米で協力し、地域の平和に貢献していきます。", ["貢献していきます"]),
    ("これまでの経験を生かし、復興支援に取り組みます。", ["取り組みます"]),
    ("国際社会と連携をし、適切に対応していきます。", ["対応していきます"]),
    ("被災地の復旧を実現すべく、あらゆる努力を傾注していく決意です。", ["傾注していく決意"]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "triggers"), PLEDGE_TESTS)
def test_commitments_policy_statement_pledges(parse, sentence: str, triggers: list[str]) -> None:
    found = _run(parse, MINISTER + sentence)
    # an intent's trigger may run on over と考えております
    assert [c.trigger.surface[: len(t)] for c, t in zip(found, triggers, strict=False)] == triggers
    assert len(found) == len(triggers)
    for c in found:
        assert c.type.value in ("pledge", "intent")
        assert c.actor.members == ("JP",)
        # the act is the speech: dated by it, at no venue
        assert c.date is not None and (c.date.value, c.date.date_id) == ("2019-06-10", None)
        assert c.venue is None
    if "たい" in sentence:
        assert {c.type.value for c in found} == {"intent"}


@pytest.mark.parametrize("sentence", PLAIN_NOT_PLEDGES)
def test_commitments_plain_polite_non_pledges(parse, sentence: str) -> None:
    assert _run(parse, MINISTER + sentence) == ()


@pytest.mark.parametrize(("sentence", "triggers"), MEANS_NOT_PLEDGES)
def test_commitments_means_clauses_are_no_pledges(parse, sentence: str, triggers: list[str]) -> None:
    assert [c.trigger.surface for c in _run(parse, MINISTER + sentence)] == triggers


def test_commitments_member_plans_are_not_pledges(parse) -> None:
    # a Diet member's own plans speak for no party (the speaker logic is kept)
    assert _run(parse, MEMBER + "私は、この問題の解決に取り組みます。") == ()
    assert _run(parse, MEMBER + "地元の声を政府に伝え、粘り強く要請していきます。") == ()


def test_commitments_questions_are_not_pledges(parse) -> None:
    assert _run(parse, MINISTER + "この協力を強化しますか。") == ()


def test_commitments_own_pledge_is_the_speakers_side_only(parse) -> None:
    # a partner named in the clause is no actor of the speaker's pledge
    for sentence in ("日韓でともに努力していきます。", "インドとは、防衛装備協力を着実に進めていきます。"):
        found = _run(parse, MINISTER + sentence)
        assert [c.actor.members for c in found] == [("JP",)]


# (text, trigger, type, actor members)
# fmt: off
REPORT_TESTS = [
    ("豪州首相は、日本と共に地域の安定に取り組んでいきたいと述べました。",
     "取り組んでいきたいと述べ", "intent", ["AU"]),
    ("英国防大臣は、共同訓練を継続していくと表明しました。", "継続していくと表明", "pledge", ["GB"]),
    ("会談で、私から、地域の平和への貢献を続ける決意を述べました。", "決意を述べ", "pledge", ["JP"]),
]
REPORT_NOT_COMMITMENTS = [
    "豪州首相は、両国の関係が極めて重要だと述べました。",
    "私から、部隊の隊員に任務を全うしてもらいたいと伝えました。",
    "防衛大臣は、地元の懸念を理解していると述べました。",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "trigger", "ctype", "members"), REPORT_TESTS)
def test_commitments_quoted_reports(parse, sentence: str, trigger: str, ctype: str, members: list[str]) -> None:
    found = _run(parse, MINISTER + sentence)
    hits = [c for c in found if trigger in c.trigger.surface or c.trigger.surface in trigger]
    assert hits, [c.trigger.surface for c in found]
    assert hits[0].type.value == ctype
    assert sorted(hits[0].actor.members) == members


def test_commitments_expressed_again_is_a_reaffirmation(parse) -> None:
    found = _run(parse, "オースティン米国防長官からは、日本の防衛へのコミットメントが改めて表明されました。")
    assert [(c.trigger.surface, c.type.value, c.actor.members) for c in found] == [("表明", "reaffirmation", ("US",))]


@pytest.mark.parametrize("sentence", REPORT_NOT_COMMITMENTS)
def test_commitments_quoted_non_commitments(parse, sentence: str) -> None:
    assert _run(parse, MINISTER + sentence) == ()


# fmt: off
FALSE_TRIGGERS = [
    # 一致 used adjectivally, 合意 as a noun, 求める given as an example inside agreed content
    ("国際社会の一致した対応が不可欠です。", ()),
    # a request made in the speech spans its polite ending (gold 119503968X00120171129_007: 求めます)
    ("韓国側に合意の誠実な履行を求めます。", ("求めます",)),
    ("日米両国は、北朝鮮に対して挑発の自制を求めるなど、安保理を通じた連携の重要性を確認した。", ("確認",)),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "triggers"), FALSE_TRIGGERS)
def test_commitments_noun_and_embedded_uses(parse, sentence: str, triggers: tuple[str, ...]) -> None:
    assert tuple(c.trigger.surface for c in _run(parse, MINISTER + sentence)) == triggers


def test_commitments_own_request_is_dated_by_the_speech(parse) -> None:
    (c,) = _run(parse, MINISTER + "韓国側に合意の誠実な履行を求めます。")
    assert c.type.value == "request"
    assert c.date is not None and (c.date.value, c.date.date_id) == ("2019-06-10", None)


def test_commitments_approval_at_a_meeting_is_a_decision(parse) -> None:
    text = MINISTER + "今般の日豪防衛相会談においては、共同訓練の実施計画を閣僚レベルで承認いたしました。"
    ents = [entity(text, "日豪防衛相会談", "EVENT", "e0")]
    found = _run(parse, text, entities=ents)
    assert [(c.trigger.surface, c.type.value, c.actor.members) for c in found] == [("承認", "decision", ("JP", "AU"))]
    assert _run(parse, MINISTER + "この協定は国会の承認を得て発効しました。") == ()


def test_commitments_relative_clause_dates_the_occasion(parse) -> None:
    text = (
        MINISTER + "去る三月二日に東京にて開催された日豪外務・防衛閣僚会合、いわゆる２プラス２について"
        "御報告いたします。\n　会合では、両国の防衛協力を一層深化させることを確認しました。"
    )
    dates = [date(text, "三月二日", "2019-03-02", "d0")]
    ents = [entity(text, "日豪外務・防衛閣僚会合", "EVENT", "e0"), entity(text, "２プラス２", "EVENT", "e1")]
    (c,) = _run(parse, text, dates, ents)
    assert c.date is not None and (c.date.value, c.date.date_id) == ("2019-03-02", "d0")
    assert c.venue is not None and c.venue.entity_id == "e1"  # the nearest named mention
    assert c.actor.members == ("JP", "AU")


def test_commitments_one_month_range_dates_the_summit(parse) -> None:
    text = (
        MINISTER + "私は、九月三日から六日までインドを訪問し、モディ首相と日印首脳会談を行いました。\n"
        "　首脳会談では、防衛装備協力を推進していくことで一致しました。"
    )
    dates = [
        date(text, "九月三日", "2019-09-03", "d0", range="start"),
        date(text, "六日", "2019-09-06", "d1", range="end"),
    ]
    ents = [entity(text, "日印首脳会談", "EVENT", "e0"), entity(text, "首脳会談", "EVENT", "e1", nth=1)]
    (c,) = _run(parse, text, dates, ents, date_="2019-09-10")
    assert c.date is not None and (c.date.value, c.date.date_id) == ("2019-09", "d0")
    assert c.venue is not None and c.venue.entity_id == "e0"  # the named mention, not the bare one


def test_commitments_two_month_range_gives_no_date(parse) -> None:
    text = (
        MINISTER + "私は、八月三十日から九月二日までインドを訪問し、モディ首相と日印首脳会談を行いました。\n"
        "　首脳会談では、防衛装備協力を推進していくことで一致しました。"
    )
    dates = [
        date(text, "八月三十日", "2019-08-30", "d0", range="start"),
        date(text, "九月二日", "2019-09-02", "d1", range="end"),
    ]
    (c,) = _run(parse, text, dates, [entity(text, "日印首脳会談", "EVENT", "e0")], date_="2019-09-10")
    assert c.date is None


def test_commitments_reported_act_is_not_dated_after_the_report(parse) -> None:
    text = MINISTER + "会談では、私から、本年秋、国際会議の開催を実現する決意を述べました。"
    dates = [date(text, "本年秋", "2019-FA", "d0")]
    found = _run(parse, text, dates)
    assert [c.trigger.surface for c in found] == ["決意を述べ"]
    assert found[0].date is None or found[0].date.value != "2019-FA"


def test_commitments_agreement_takes_the_partner_in_context(parse) -> None:
    text = MINISTER + "日英同盟の強化に向けて、先般の首相来日の際、防衛装備協力を進めることで一致しました。"
    found = _run(parse, text)
    assert [(c.trigger.surface, c.actor.members) for c in found] == [("一致", ("JP", "GB"))]


# 〜たところでございます: the Diet's perfect of a report is an act done; 〜したところ、 ("when I asked")
# and 〜しているところ (in progress) are not. (sentence said by a minister, trigger, type)
# fmt: off
DONE_REPORTS = [
    ("私から先方に対し、再発防止の徹底を強く要請したところでございます。", "要請", "request"),
    ("関係事業者に対し、安全点検の実施を文書で求めたところです。", "求め", "request"),
    ("両大臣は、共同訓練を拡充していくことで一致したところであります。", "一致", "agreement"),
]
NOT_DONE_REPORTS = [
    "先方に協力を求めたところ、前向きな回答がありました。",
    "現在、米側に対し詳細な説明を要請しているところです。",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "trigger", "ctype"), DONE_REPORTS)
def test_commitments_done_reports_with_tokoro(parse, sentence: str, trigger: str, ctype: str) -> None:
    found = [(c.trigger.surface, str(c.type)) for c in _run(parse, MINISTER + sentence)]
    assert (trigger, ctype) in found


@pytest.mark.parametrize("sentence", NOT_DONE_REPORTS)
def test_commitments_tokoro_clauses_that_report_no_act(parse, sentence: str) -> None:
    assert [c.trigger.surface for c in _run(parse, MINISTER + sentence)] == []


def test_commitments_intent_hedged_with_fuuni(parse) -> None:
    text = MINISTER + "事業者の取組状況を直接聴取する機会を設けたいというふうに考えております。"
    assert [(c.trigger.surface, str(c.type)) for c in _run(parse, text)] == [("設けたい", "intent")]
