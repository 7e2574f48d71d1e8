"""Triggers, types and actors over GiNZA's parse: sentence tables and a must-not-extract table.

Expectations assume ja_ginza 5.3.0 (see conftest). Dates and entities are not given here: actors
must come from the text itself (country names, titles, 両首脳 with a venue in the sentence).
"""

from __future__ import annotations

import pytest

from pipeline.commitments import find_commitments
from pipeline.commitments.lexicon import load_lexicon
from pipeline.commitments.syntax import sentence_views
from pipeline.commitments.triggers import TriggerMatch, find_triggers

# (text, trigger substring, type, actor members)
# fmt: off
TRIGGER_TESTS = [
    ("日米両国は、普天間飛行場の移設を着実に進めることで合意した。", "合意", "agreement", ["JP", "US"]),
    ("日米両首脳は、同盟の抑止力を強化していくことで一致した。", "一致", "agreement", ["JP", "US"]),
    ("岸田外務大臣とブリンケン国務長官は、地域の平和と安定に向けて連携していくことで一致した。",
     "一致", "agreement", ["JP", "US"]),
    ("日豪防衛相会談において、両大臣は共同訓練を拡大していくことを確認した。",
     "確認", "confirmation", ["AU", "JP"]),
    ("日米首脳会談では、両首脳が日米安保条約第五条の尖閣諸島への適用を再確認した。",
     "再確認", "reaffirmation", ["JP", "US"]),
    ("日米の閣僚間で、同盟の抑止力及び対処力を強化する重要性を改めて確認した。",
     "確認", "reaffirmation", ["JP", "US"]),
    ("政府は、防衛装備移転三原則の運用指針を改正することとした。", "こととし", "decision", ["JP"]),
    ("浜田防衛大臣から、オースティン米国防長官に対し、事故防止の徹底を求めた。", "求め", "request", ["JP"]),
    ("日本側から、米側に対して再発防止策の早期実施を要請した。", "要請", "request", ["JP"]),
    ("オースティン米国防長官からは、日本の防衛に対するコミットメントが改めて示された。",
     "示さ", "reaffirmation", ["US"]),
    ("マールズ豪国防大臣からは、日豪の防衛協力を一層深化させていく旨発言があった。",
     "旨発言", "pledge", ["AU"]),
    ("ウォレス英国防大臣からは、日英間の協力を更に発展させたい旨発言があった。", "旨発言", "intent", ["GB"]),
    ("日韓両国は、両国間の防衛交流を再開することで一致した。", "一致", "agreement", ["JP", "KR"]),
    ("日米両政府は、在日米軍駐留経費負担に関する特別協定に署名することを決定した。",
     "決定", "decision", ["JP", "US"]),
    ("日印両国首脳は、両国間の安全保障協力を強化する意図を表明した。", "表明", "intent", ["IN", "JP"]),
    ("○国務大臣（林芳正君）　今後とも、日米同盟の抑止力を一層強化してまいります。",
     "強化してまいります", "pledge", ["JP"]),
    ("○国務大臣（林芳正君）　引き続き、地元の負担軽減に全力で取り組んでまいりたいと考えております。",
     "取り組んでまいりたい", "intent", ["JP"]),
    ("○国務大臣（小野寺五典君）　首相への表敬では、防衛関係の強化に向け尽力する旨お伝えをしました。",
     "尽力する旨お伝え", "pledge", ["JP"]),
    ("○国務大臣（林芳正君）　日米間で、同盟を一層強化するとの認識を共有しました。",
     "共有", "agreement", ["JP", "US"]),
]

NOT_COMMITMENTS = [
    "○国務大臣（小野寺五典君）　首相からは、議論の状況については十分に理解している旨発言がありました。",
    "○国務大臣（小野寺五典君）　部隊の派遣が重要な役割を果たしていることを自ら確認することもできました。",
    "日米両首脳は、東京で日米首脳会談を行った。",
    "両国は、安全保障分野について幅広く意見交換を行った。",
    "防衛大臣は、東日本大震災における米国からの協力に謝意を表した。",
    "日米同盟は、アジア太平洋地域の平和と安定に不可欠である。",
    "日米両国は、共同声明を発出した。",
    "両首脳は、二国間関係の進展を歓迎した。",
    "両大臣は、情報保全の重要性を強調した。",
    "防衛省に確認したところ、事故による被害は確認されていない。",
    "米側に事実関係を確認した。",
    "○赤嶺委員　この点について政府の答弁を求めます。",
    "○宮本徹君　私は、防衛省に対して資料の提出を求めました。",
    "日米両国が合意したのかどうか明らかにすべきだ。",
    "今後、関係国と緊密に連携する必要がある。",
    "必要な措置を講ずることが求められる。",
    "国際社会は、海賊対策の重要性で一致している。",
    "○国務大臣（中谷元君）　その記録は、現地から電子メールで送られてまいります。",
    "○国務大臣（中谷元君）　これまでも関係者と議論を積み重ねてまいりました。",
    "この法律は、防衛大臣が定める基準に従って運用される。",
    "日米合意に基づいて、普天間飛行場の移設を進める。",
    "○国務大臣（岸田文雄君）　以上、御報告申し上げます。",
]
# fmt: on


def _run(parse, text: str, **kw):
    parsed, sentences = parse(text)
    return find_commitments(text, parsed, sentences=sentences, **kw)


@pytest.mark.parametrize(("text", "trigger", "ctype", "members"), TRIGGER_TESTS)
def test_commitments_trigger_type_actor(parse, text: str, trigger: str, ctype: str, members: list[str]) -> None:
    found = _run(parse, text)
    hits = [c for c in found if trigger in c.trigger.surface or c.trigger.surface in trigger]
    assert hits, [c.trigger.surface for c in found]
    c = hits[0]
    assert c.type.value == ctype
    assert sorted(c.actor.members) == sorted(members)


@pytest.mark.parametrize("text", NOT_COMMITMENTS)
def test_commitments_not_extracted(parse, text: str) -> None:
    assert _run(parse, text) == ()


def test_commitments_negative_agreement(parse) -> None:
    found = _run(parse, "日米両国の交渉担当者の間では、交渉の結果、合意には至っていない。")
    assert [c.polarity for c in found] == ["negative"]
    assert found[0].type.value == "agreement"
    assert found[0].content is None


def test_commitments_spans_are_exact(parse) -> None:
    for text, *_ in TRIGGER_TESTS:
        for c in _run(parse, text):
            assert text[c.start : c.end] == c.surface
            assert text[c.trigger.start : c.trigger.end] == c.trigger.surface
            if c.content is not None:
                assert text[c.content.start : c.content.end] == c.content.surface


@pytest.mark.parametrize(("text", "trigger", "ctype", "members"), TRIGGER_TESTS)
def test_commitments_find_triggers_in_text_order(
    parse, text: str, trigger: str, ctype: str, members: list[str]
) -> None:
    parsed, sentences = parse(text)
    found = [
        (view, m)
        for view in sentence_views(text, parsed, sentences)
        for m in find_triggers(view, load_lexicon(), first_person=text.startswith("○国務大臣"))
    ]
    assert all(isinstance(m, TriggerMatch) for _, m in found)
    assert [m.first for _, m in found] == sorted(m.first for _, m in found)
    surfaces = [view.span_text(m.first, m.last) for view, m in found]
    assert any(trigger in s or s in trigger for s in surfaces), surfaces
