"""Vetoes (pipeline/commitments/vetoes.py): each named rule drops the trigger its docstring names.

``document.read`` reports, for every trigger that yields no record, the rule that dropped it.
Each case is a sentence with a stored parse (the rule tests' sentences, and sentences of two
stored documents for the rules no test sentence reaches), the trigger and the rule; the
not-applicable table holds acts of the same kinds that no rule drops.
"""

from __future__ import annotations

import pytest

from pipeline.commitments import find_commitments
from pipeline.commitments.document import read
from pipeline.commitments.vetoes import ACT_VETOES, FRAME_VETOES, TRIGGER_VETOES
from pipeline.documents import Document, read_documents
from pipeline.tokens import find_sentences
from tests.conftest import FIXTURES, ROOT
from tests.parses import read_doc_parse

MINISTER = "○国務大臣（山田太郎君）\u3000"

# (text, trigger surface, the rule that drops it)
# fmt: off
VETO_TESTS = [
    # trigger vetoes: a request given as an example of what a later joint act is about
    (MINISTER + "日米両国は、北朝鮮に対して挑発の自制を求めるなど、安保理を通じた連携の重要性を確認した。",
     "求める", "example_of_joint_act"),
    # frame vetoes
    ("この法律は、防衛大臣が定める基準に従って運用される。", "定める", "confirmation_without_joint_setting"),
    (MINISTER + "お答えいたします。\n\u3000この法律は、防衛省の組織について定める。",
     "定める", "confirmation_without_joint_setting"),
    ("○国務大臣（小野寺五典君）\u3000部隊の派遣が重要な役割を果たしていることを自ら確認することもできました。",
     "確認", "confirmation_without_joint_setting"),
    ("○赤嶺委員\u3000この点について政府の答弁を求めます。", "求めます", "procedural_request"),
    ("○宮本徹君\u3000私は、防衛省に対して資料の提出を求めました。", "求め", "procedural_request"),
    ("○佐藤委員\u3000地元の声を政府に伝え、粘り強く要請していきます。", "要請", "members_own_act"),
    ("○赤嶺委員\u3000私は、防衛大臣に対し、事故原因の究明を求めました。今後も追及してまいります。",
     "求め", "members_own_act"),
    ("知事は県民投票を求めた。", "求め", "non_party_agent"),
    ("国際社会は、海賊対策の重要性で一致している。", "一致", "non_party_agent"),
    (MINISTER + "お答えいたします。\n\u3000北朝鮮の非核化を国際社会が強く求めている。", "求め", "non_party_agent"),
    # act vetoes: a request received from nobody named
    (MINISTER + "御報告いたします。\n\u3000地元の要請を受け、説明会を開催いたしました。", "要請", "request_of_nobody"),
    # the document loop: a question restated in an answer holds no act
    (MINISTER + "お答えいたします。\n\u3000次に、侵略の停止を国際社会が一体となり求めることの意義について"
     "お尋ねがありました。", "求める", "restated_question"),
]

# (doc_id, the sentence's opening words, trigger surface, rule): stored parses of whole documents
DOCUMENT_VETO_TESTS = [
    # …義務に従うことを求めることで一致しました: the request is what was agreed
    ("120405254X02320210420_027", "北朝鮮については、北朝鮮の完全な非核化", "求める", "content_of_another"),
    # 野党が…求めた臨時国会召集の要求: a request talked about, not made
    ("119005254X00420160114_015", "安倍総理は、野党が憲法五十三条に基づいて", "求め", "recalled_one_sided_act"),
]

# (text, trigger surface, type): the same kinds of act, kept
VETO_NOT_APPLICABLE = [
    (MINISTER + "日米両国は、北朝鮮に対して挑発の自制を求めるなど、安保理を通じた連携の重要性を確認した。",
     "確認", "confirmation"),
    ("日豪防衛相会談において、両大臣は共同訓練を拡大していくことを確認した。", "確認", "confirmation"),
    (MINISTER + "韓国側に合意の誠実な履行を求めます。", "求めます", "request"),
    ("日本側から、米側に対して再発防止策の早期実施を要請した。", "要請", "request"),
    ("日韓両国は、両国間の防衛交流を再開することで一致した。", "一致", "agreement"),
]
# fmt: on


def _read(parse, text: str):
    parsed, sentences = parse(text)
    return read(text, parsed, sentences=sentences)


@pytest.mark.parametrize(("text", "trigger", "rule"), VETO_TESTS)
def test_commitments_veto_drops_its_trigger(parse, text: str, trigger: str, rule: str) -> None:
    reading = _read(parse, text)
    assert (trigger, rule) in [(v.trigger.surface, v.rule) for v in reading.vetoed]
    assert trigger not in [c.trigger.surface for c in reading.commitments]


@pytest.mark.parametrize(("text", "trigger", "type_"), VETO_NOT_APPLICABLE)
def test_commitments_veto_not_applicable(parse, text: str, trigger: str, type_: str) -> None:
    reading = _read(parse, text)
    assert (trigger, type_) in [(c.trigger.surface, c.type.value) for c in reading.commitments]
    assert trigger not in [v.trigger.surface for v in reading.vetoed]


def _document(doc_id: str) -> Document:
    for doc in read_documents([FIXTURES / "raw", ROOT / "raw"]):
        if isinstance(doc, Document) and doc.doc_id == doc_id:
            return doc
    raise LookupError(doc_id)


@pytest.mark.parametrize(("doc_id", "opening", "trigger", "rule"), DOCUMENT_VETO_TESTS)
def test_commitments_veto_drops_its_trigger_in_a_document(doc_id: str, opening: str, trigger: str, rule: str) -> None:
    doc = _document(doc_id)
    parsed = read_doc_parse(doc_id, doc.text)
    assert parsed is not None, f"no stored parse of {doc_id}"
    reading = read(doc.text, parsed, sentences=find_sentences(doc.text, None), meta=doc.meta)
    start = doc.text.index(opening)
    end = doc.text.index("。", start)
    vetoed = [(v.trigger.surface, v.rule) for v in reading.vetoed if start <= v.trigger.start < end]
    assert (trigger, rule) in vetoed
    assert not any(c.trigger.surface == trigger and start <= c.trigger.start < end for c in reading.commitments)


def test_commitments_every_veto_is_tested_and_explained() -> None:
    rules = (*TRIGGER_VETOES, *FRAME_VETOES, *ACT_VETOES)
    for rule in rules:
        assert rule.__doc__, rule.__name__
    tested = {rule for *_, rule in VETO_TESTS} | {rule for *_, rule in DOCUMENT_VETO_TESTS}
    assert tested == {rule.__name__ for rule in rules} | {"restated_question"}


def test_commitments_find_commitments_is_the_reading(parse) -> None:
    text = VETO_TESTS[0][0]
    parsed, sentences = parse(text)
    assert find_commitments(text, parsed, sentences=sentences) == read(text, parsed, sentences=sentences).commitments
