"""The named vetoes of the trigger finder (pipeline/commitments/triggers/vetoes.py), one at a time.

Each row names a candidate trigger (found by the constructions, before the vetoes) and the veto
that must apply to it; the ``*_NOT_APPLICABLE`` rows are candidates no veto may drop. The sentences
are those of the other commitment tests (their parses are stored); expectations assume ja_ginza
5.3.0.
"""

from __future__ import annotations

import pytest

from pipeline.commitments.lexicon import load_lexicon
from pipeline.commitments.syntax import sentence_views
from pipeline.commitments.triggers import candidate_triggers, find_triggers, vetoes
from pipeline.commitments.triggers.vetoes import VETOES, drop_vetoed, veto

MINISTER = "○国務大臣（山田太郎君）　"
ANSWER = MINISTER + "お答えいたします。\n　"
REPORT = MINISTER + "御報告いたします。\n　"

# (text, candidate trigger surface, which of the candidates with that surface, the veto that applies)
# fmt: off
VETO_TESTS = [
    ("日米両国の交渉担当者の間では、交渉の結果、合意には至っていない。", "合意", 0, "negated_predicate"),
    ("防衛省に確認したところ、事故による被害は確認されていない。", "確認", 1, "negated_predicate"),
    (MINISTER + "先方に協力を求めたところ、前向きな回答がありました。", "求め", 0, "conditional_or_purpose"),
    ("日米両国が合意したのかどうか明らかにすべきだ。", "合意", 0, "conditional_or_purpose"),
    ("防衛省に確認したところ、事故による被害は確認されていない。", "確認", 0, "conditional_or_purpose"),
    (MINISTER + "今後の対応が求められます。", "求められ", 0, "required_passive"),
    ("必要な措置を講ずることが求められる。", "求められる", 0, "required_passive"),
    (MINISTER + "現在、米側に対し詳細な説明を要請しているところです。", "要請", 0, "feeds_plan_noun"),
    (ANSWER + "今回の決議の採択により、加盟国の強い意思が改めて確認されたものと受け止めております。",
     "確認", 0, "evaluated_fact"),
    (REPORT + "今般の決定は我が国自身の判断であり、米国からの要請を受けたとの指摘は当たりません。",
     "要請", 0, "reported_claim"),
    (MINISTER + "国際社会の一致した対応が不可欠です。", "一致", 0, "concerted_attribute"),
    ("防衛省に確認したところ、事故による被害は確認されていない。", "確認", 0, "fact_check"),
    ("米側に事実関係を確認した。", "確認", 0, "inquiry"),
]

# (text, candidate trigger surface): the Diet's perfect 〜たところです reports an act done
VETO_NOT_APPLICABLE = [
    (MINISTER + "関係事業者に対し、安全点検の実施を文書で求めたところです。", "求め"),
    (MINISTER + "私から先方に対し、再発防止の徹底を強く要請したところでございます。", "要請"),
    (MINISTER + "両大臣は、共同訓練を拡充していくことで一致したところであります。", "一致"),
]
# fmt: on


def _candidates(parse, text: str, surface: str):
    """(view, candidate) of every candidate trigger of ``text`` whose surface is ``surface``."""
    parsed, sentences = parse(text)
    lex = load_lexicon()
    return [
        (view, m)
        for view in sentence_views(text, parsed, sentences)
        for m in candidate_triggers(view, lex)
        if view.span_text(m.first, m.last) == surface
    ]


@pytest.mark.parametrize(("text", "surface", "nth", "rule"), VETO_TESTS)
def test_commitments_veto_applies(parse, text: str, surface: str, nth: int, rule: str) -> None:
    view, m = _candidates(parse, text, surface)[nth]
    assert getattr(vetoes, rule)(view, load_lexicon(), m)


@pytest.mark.parametrize(("text", "surface", "nth", "rule"), VETO_TESTS)
def test_commitments_vetoed_candidate_is_no_trigger(parse, text: str, surface: str, nth: int, rule: str) -> None:
    view, m = _candidates(parse, text, surface)[nth]
    kept = find_triggers(view, load_lexicon())
    assert all((k.first, k.last) != (m.first, m.last) or k.negative for k in kept)


@pytest.mark.parametrize(("text", "surface"), VETO_NOT_APPLICABLE)
def test_commitments_veto_not_applicable(parse, text: str, surface: str) -> None:
    [(view, m)] = _candidates(parse, text, surface)
    assert veto(view, load_lexicon(), m) is None


def test_commitments_negated_agreement_is_kept_negative(parse) -> None:
    [(view, m)] = _candidates(parse, "日米両国の交渉担当者の間では、交渉の結果、合意には至っていない。", "合意")
    assert veto(view, load_lexicon(), m) == "negated_predicate"
    assert [k.negative for k in drop_vetoed(view, load_lexicon(), [m])] == [True]


def test_commitments_every_veto_is_tested() -> None:
    untested = {rule.__name__ for rule in VETOES} - {row[3] for row in VETO_TESTS}
    # no stored parse yet for a sentence of these (see the triggers README): planned (確認したい),
    # question (…旨発言したのですか。)
    assert untested == {"planned", "question"}
