"""Plenary answers and policy statements: frames in mid-sentence, coordination, speakers, non-acts.

The rules (tests/fixtures/gold/README.md, pipeline/commitments/README.md, Decisions): a continued
〜していく考えであり、 is a pledge (〜求めていく考え a request), a predicate coordinated with a
first-person frame by …とともに、/ …つつ、/ 連用中止 is its own record at any depth GiNZA hangs it,
a concessive clause (…ところですが、) is no sentence end, a stage direction hands the floor over,
a restated question holds no act, an evaluated fact (…確認されたものと受け止めております) is none.
Sentences are written for these tests (none is a fixture sentence); dates and entities are
hand-made records.
"""

from __future__ import annotations

import pytest

from pipeline.commitments import find_commitments
from tests.commitments_helpers import date, entity

# the speech opens with a line of its own, as the minutes do: GiNZA's parse of the first sentence
# is cut at the speaker label
MINISTER = "○国務大臣（山田太郎君）　お答えいたします。\n　"
DOC_DATE = "2019-06-10"


def _run(parse, text: str, dates=(), entities=(), date_: str | None = DOC_DATE):
    parsed, sentences = parse(text)
    meta = {"date": date_} if date_ else None
    return find_commitments(text, parsed, sentences=sentences, dates=dates, entities=entities, meta=meta)


def _triggers(found) -> list[tuple[str, str]]:
    return [(c.trigger.surface, c.type.value) for c in found]


# (a minister's sentence, the (trigger, type) records expected in text order)
# fmt: off
FRAME_TESTS = [
    # a continued volitional frame is a record of its own, a request when it asks something
    ("政府として、関係国に対して、対話に応じるよう強く求めていく考えであり、人道支援にも積極的に取り組んでいきます。",
     [("求めていく", "request"), ("取り組んでいきます", "pledge")]),
    ("我が国としては、この原則を堅持していく考えであり、その旨を各国に丁寧に説明していきます。",
     [("堅持していく考え", "pledge"), ("説明していきます", "pledge")]),
    # …つつ、 and …とともに、 clauses coordinated into the frame, wherever GiNZA hangs them
    ("日本としては、厳しい制裁を科しつつ、対話に応じるよう強く求めていく考えです。",
     [("科し", "pledge"), ("求めていく", "request")]),
    ("政府として、被災地の復旧に取り組むとともに、防衛省としても、災害への備えを強化してまいります。",
     [("取り組む", "pledge"), ("強化してまいります", "pledge")]),
    ("防衛省としては、警察の捜査に全面的に協力するとともに、再発防止に全力を挙げてまいります。",
     [("協力する", "pledge"), ("挙げてまいります", "pledge")]),
    # an object hung on an adverbial adjective still makes the 連用中止 an act with an argument
    ("部隊の人員と装備を必要かつ十分に確保し、即応性を高めてまいります。",
     [("確保し", "pledge"), ("高めてまいります", "pledge")]),
    # a frame whose own verb is no act carries what is coordinated into it
    ("日本としては、拉致問題についても取り上げ、早期解決の重要性を強調する考えです。",
     [("取り上げ", "pledge")]),
    # a concessive GiNZA root is not the sentence end
    ("先月、私自身も国際会議に参加したところですが、同志国と連携しながら、海洋秩序の維持に向けた取組を推進してまいります。",
     [("推進してまいります", "pledge")]),
    # a speaker-side pledge given as a reason
    ("我が国については、非核三原則を堅持していくことから、そのような政策は採りません。",
     [("堅持していく", "pledge")]),
    # a request made in the speech takes its auxiliary
    ("北朝鮮に対して、関連する決議を完全に履行するよう求めます。", [("求めます", "request")]),
    # the speaker's own act before the addressee of a request is a pledge of its own
    ("日本としては、厳しい制裁を実施し、ロシアに対して、部隊の即時撤退を強く求めていきます。",
     [("実施し", "pledge"), ("求めていきます", "request")]),
    # the dictionary form under a speaker-side topic is a pledge (gold rules)
    ("防衛省・自衛隊としては、関係機関の捜査に全面的に協力する。", [("協力する", "pledge")]),
    ("政府としては、被災地の復興に全力で取り組む。", [("取り組む", "pledge")]),
]

# coordinated clauses that are manner, attention, basis or someone else's act: no record of their own
# (a minister's sentence, the only triggers expected)
FRAME_NOT_COORDINATED = [
    ("現地の情勢を注視しつつ、引き続き活動してまいります。", ["活動してまいります"]),
    ("理想の旗を掲げつつ、現実的な外交を展開していきます。", ["展開していきます"]),
    ("国家安全保障戦略を指針としつつ、各種施策を推進していきます。", ["推進していきます"]),
    ("関係国と連携を図りつつ、問題の解決に取り組んでまいります。", ["取り組んでまいります"]),
    ("専門家の助言もいただくとともに、制度の見直しを進めてまいります。", ["進めてまいります"]),
    # the addressee's acts inside a request's content
    ("北朝鮮に対し、決議を即時に履行するとともに、具体的な行動を取るよう強く求めます。", ["求めます"]),
]

# a minister's sentences with no commitment
ANSWER_NOT_COMMITMENTS = [
    # an evaluated fact
    "今回の決議の採択により、加盟国の強い意思が改めて確認されたものと受け止めております。",
    # a question restated
    "次に、侵略の停止を国際社会が一体となり求めることの意義についてお尋ねがありました。",
    # speech acts of the session and requests to the audience
    "この点について一言申し上げたいと思います。",
    "お手元の資料を御覧いただきたいと思います。",
    "委員各位の御理解を賜りたいと存じます。",
    "全体について簡潔に説明させていただきたいと思います。",
    # a view described, not a resolve
    "我が国は、そうした変更は容認しないという考えであり、各国も同じ立場です。",
    # a claim reported, not an act
    "今般の決定は我が国自身の判断であり、米国からの要請を受けたとの指摘は当たりません。",
    # the dictionary form describing a thing or another party
    "この法律は、防衛省の組織について定める。",
    "部隊は、来月から現地で活動する。",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), FRAME_TESTS)
def test_commitments_frames_and_coordination(parse, sentence: str, expected: list[tuple[str, str]]) -> None:
    found = _run(parse, MINISTER + sentence)
    assert _triggers(found) == expected
    for c in found:
        assert c.actor.members == ("JP",)
        # the act is the speech: dated by it, at no venue
        assert c.date is not None and (c.date.value, c.date.date_id) == (DOC_DATE, None)
        assert c.venue is None


@pytest.mark.parametrize(("sentence", "triggers"), FRAME_NOT_COORDINATED)
def test_commitments_manner_clauses_are_no_records(parse, sentence: str, triggers: list[str]) -> None:
    assert [c.trigger.surface for c in _run(parse, MINISTER + sentence)] == triggers


@pytest.mark.parametrize("sentence", ANSWER_NOT_COMMITMENTS)
def test_commitments_answer_non_commitments(parse, sentence: str) -> None:
    assert _run(parse, MINISTER + sentence) == ()


def test_commitments_intent_trigger_ends_at_tai(parse) -> None:
    (c,) = _run(parse, MINISTER + "引き続き、地域の安定に貢献してまいりたいと考えております。")
    assert (c.trigger.surface, c.type.value) == ("貢献してまいりたい", "intent")


def test_commitments_explicit_speaker_side_actor(parse) -> None:
    (c,) = _run(parse, MINISTER + "日本としても、最大限の努力をしていく考えです。")
    assert c.actor.members == ("JP",)
    assert not c.actor.inferred


def test_commitments_stage_direction_hands_the_floor_over(parse) -> None:
    text = (
        MINISTER + "防衛協力を一層強化してまいります。（拍手）\n"
        "　　　　〔佐藤花子君登壇〕\n"
        "　私は、地元の声を政府に伝え、粘り強く取り組んでいきます。\n"
        "　　　　〔国務大臣鈴木一郎君登壇〕\n"
        "　政府として、被災地の復興に全力で取り組んでまいります。\n"
    )
    found = _run(parse, text)
    # the member's plans speak for no party; the second minister's pledge is the government's
    assert [c.trigger.surface for c in found] == ["強化してまいります", "取り組んでまいります"]


def test_commitments_question_then_answer_in_one_sentence(parse) -> None:
    text = MINISTER + "防衛費についてお尋ねがありましたが、政府としては、必要な防衛力の整備を着実に進めてまいります。"
    assert [c.trigger.surface for c in _run(parse, text)] == ["進めてまいります"]


# (sentence, the decision triggers expected)
# fmt: off
DECISION_TESTS = [
    ("昨年末、閣議において、新たな防衛戦略を策定するとともに、整備計画を決定しました。", ["策定", "決定"]),
    ("政府は、昨年十二月に宇宙安全保障構想を策定いたしました。", ["策定"]),
]
DECISION_NOT = [
    # a plan to draw one up is the speech's pledge; a document named by its drafting is no act
    ("新たな指針を年内に策定していきます。", ["策定していきます"], "pledge"),
    ("昨年策定した戦略に基づき、防衛力を強化していきます。", ["強化していきます"], "pledge"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "triggers"), DECISION_TESTS)
def test_commitments_government_decisions(parse, sentence: str, triggers: list[str]) -> None:
    text = MINISTER + sentence
    dates = []
    for surface, value in (("昨年末", "2018"), ("昨年十二月", "2018-12")):
        if surface in text:
            dates.append(date(text, surface, value, "d0"))
    found = _run(parse, text, dates)
    assert [c.trigger.surface for c in found] == triggers
    for c in found:
        assert c.type.value == "decision"
        assert c.actor.members == ("JP",)
        assert c.date is not None and c.date.date_id == "d0"  # the opening date dates both


@pytest.mark.parametrize(("sentence", "triggers", "ctype"), DECISION_NOT)
def test_commitments_unrealized_decisions(parse, sentence: str, triggers: list[str], ctype: str) -> None:
    found = _run(parse, MINISTER + sentence)
    assert [c.trigger.surface for c in found] == triggers
    assert {c.type.value for c in found} == {ctype}


def test_commitments_non_party_agent_with_an_object(parse) -> None:
    # the agent of an active 求める next to its object is a subject, not the content
    assert _run(parse, MINISTER + "北朝鮮の非核化を国際社会が強く求めている。") == ()


def test_commitments_relative_clause_subject_is_no_actor(parse) -> None:
    text = MINISTER + "我が国は、非締約国に対し、米国も出席する場で規程の締結を呼びかけてきております。"
    found = _run(parse, text)
    assert [(c.trigger.surface, c.type.value, c.actor.members) for c in found] == [("呼びかけ", "request", ("JP",))]


def test_commitments_evaluated_fact_keeps_reported_confirmations(parse) -> None:
    # a confirmation reported as the meeting's act is still one
    text = MINISTER + "日豪防衛相会談では、共同訓練を拡充していくことを確認しました。"
    ents = [entity(text, "日豪防衛相会談", "EVENT", "e0")]
    found = _run(parse, text, entities=ents)
    assert [(c.trigger.surface, c.type.value, c.actor.members) for c in found] == [
        ("確認", "confirmation", ("JP", "AU"))
    ]
