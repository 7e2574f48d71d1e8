"""Vetoes: the must-not-extract rules, each a named check of one trigger in its sentence.

A candidate trigger is dropped when a veto applies: negated (合意には至っていない is kept with
negative polarity instead, for agreements), hypothetical or purposive (一致すれば, 確認するため),
planned (確認したい), feeding a plan noun (確認する必要), an evaluated fact (…確認されたものと受け止め
ております), a claim (…との指摘), a question (合意したのか), a concerted attribute (一致した対応), a
fact check (確認したところ) or an inquiry (防衛省に確認した). ``veto`` names the rule that applies,
so a test can say why a trigger is not one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.match import TriggerMatch
from pipeline.commitments.triggers.sides import names_party
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType

Veto = Callable[[SentenceView, Lexicon, TriggerMatch], bool]


def drop_vetoed(view: SentenceView, lex: Lexicon, found: list[TriggerMatch]) -> list[TriggerMatch]:
    """The triggers no veto applies to; a negated agreement is kept, with negative polarity."""
    out = []
    for m in found:
        negative = m.type is CommitmentType.AGREEMENT and m.kind == "predicate" and negated(view, m)
        if negative:
            m = replace(m, negative=True)  # 合意には至っていない: reported so (gold adjudication rule)
        if veto(view, lex, m, negation_checked=negative) is None:
            out.append(m)
    return out


def veto(view: SentenceView, lex: Lexicon, m: TriggerMatch, *, negation_checked: bool = False) -> str | None:
    """The name of the first veto that applies to ``m``, or None (``negation_checked``: skip negation)."""
    for rule in VETOES:
        if negation_checked and rule is negated_predicate:
            continue
        if rule(view, lex, m):
            return rule.__name__
    return None


def negated(view: SentenceView, m: TriggerMatch) -> bool:
    """A negation after the trigger in its predicate (確認されず), or right after the predicate (…ものではない)."""
    pred = view.bunsetu[m.pred]
    negation = trigger_words().negation
    return any(view.tokens[k].lemma in negation for k in _tail(view, m)) or _negated_after(view, pred.last)


def negated_predicate(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """合意したわけではない / 決定されるものではない: a negated act is none (a report is typed by its clause)."""
    return m.kind != "report" and negated(view, m)


def conditional_or_purpose(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """一致すれば / 確認するため / 求めるべき / 合意したのか: a hypothetical, a purpose or a question.

    The ところ of the Diet's perfect (要請したところです, ``_done_report``) reports an act done.
    """
    if m.kind not in ("predicate", "decision"):
        return False
    words = trigger_words()
    done = _done_report(view, m)
    surfaces = [view.token_text(k) for k in _tail(view, m)]
    return any(x in words.conditional_markers for x in surfaces if not (done and x == words.tokoro))


def required_passive(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """求められる: 'is required', an evaluation; 呼びかけられる: someone else's call."""
    words = trigger_words()
    if m.lemma not in words.passive_vetoed_verbs:
        return False
    span_last = max(view.bunsetu[m.pred].last, m.last)
    return any(view.tokens[k].lemma in words.passive for k in range(m.first, span_last + 1))


def planned(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """確認したい, 求めたい: the speaker's plan, not a reported act (unless the trigger is the intent)."""
    if m.kind != "predicate" or m.type is CommitmentType.INTENT:
        return False
    return any(view.tokens[k].lemma in lex.intent_aux for k in _tail(view, m))


def feeds_plan_noun(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """確認する必要 / 要請する予定 / 合意するため: a relative clause on a plan, need or purpose noun.

    要請したところです (``_done_report``) is an act done, not a ところ of time or place.
    """
    noun = _modified_noun(view, m)
    if noun is None or noun not in trigger_words().plan_heads:
        return False
    return not (_done_report(view, m) and noun in trigger_words().tokoro_forms)


def evaluated_fact(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """…確認されたものと受け止めて(い)ます / …ものと考えます: what the speaker makes of a fact."""
    head = view.bunsetu[m.pred].head
    if head < 0:
        return False
    words = trigger_words()
    content = view.content_tokens(head)
    if not content or view.tokens[content[0]].lemma not in words.mono or view.particles(head) != words.quotative:
        return False
    outer = view.bunsetu[head].head
    return outer >= 0 and view.tokens[view.content_tokens(outer)[0]].lemma in words.evaluating_verbs


def reported_claim(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """…要請を受けたとの指摘は当たらない: a claim reported, not an act asserted."""
    verb_end = view.tokens[view.content_tokens(m.pred)[-1]].end
    return trigger_words().claim_after.match(view.text[verb_end : verb_end + 14]) is not None


def question(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """合意したのか / 確認したか？: the sentence's last predicate asks."""
    if m.pred != len(view.bunsetu) - 1 and view.bunsetu[m.pred].head >= 0:
        return False
    return view.surface.rstrip("。 　").endswith(trigger_words().question_endings)


def concerted_attribute(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """国際社会の一致した対応 / 一致した立場: 'concerted', nothing is agreed in a relative clause."""
    words = trigger_words()
    if m.lemma != words.concord or m.kind != "predicate" or m.content >= 0:
        return False
    noun = _modified_noun(view, m)
    return noun is not None and noun not in words.concord_heads


def fact_check(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """確認したところ / 確認中: a fact check, not a confirmation between parties."""
    words = trigger_words()
    return m.lemma == words.confirmation and any(view.token_text(k) in words.fact_check_markers for k in _tail(view, m))


def inquiry(view: SentenceView, lex: Lexicon, m: TriggerMatch) -> bool:
    """Xに確認する (防衛省に確認した, 米側にも確認): an inquiry to someone, not an act between parties."""
    words = trigger_words()
    if m.lemma != words.confirmation:
        return False
    return any(
        view.particles(c) in words.inquiry_particles and names_party(view, c) for c in view.children.get(m.pred, ())
    )


# in the order they are tried (the first that applies names the veto)
VETOES: tuple[Veto, ...] = (
    negated_predicate,
    conditional_or_purpose,
    required_passive,
    planned,
    feeds_plan_noun,
    evaluated_fact,
    reported_claim,
    question,
    concerted_attribute,
    fact_check,
    inquiry,
)


def _tail(view: SentenceView, m: TriggerMatch) -> range:
    """The tokens after the trigger in its predicate's bunsetu (合意 | には至っていない)."""
    return range(m.last + 1, view.bunsetu[m.pred].last + 1)


def _modified_noun(view: SentenceView, m: TriggerMatch) -> str | None:
    """The lemma of the noun the trigger's predicate modifies as a relative clause, or None."""
    pred = view.bunsetu[m.pred]
    if pred.head < 0 or pred.dep != "acl":
        return None
    return view.tokens[view.content_tokens(pred.head)[0]].lemma


def _negated_after(view: SentenceView, k: int) -> bool:
    """…決定されるものではない / …合意したわけではない: a negation right after the predicate."""
    words = trigger_words()
    for j in range(k + 1, min(view.last, k + 6) + 1):
        tok = view.tokens[j]
        if tok.pos == "PUNCT":
            return False
        if tok.lemma in words.negation:
            return True
        if view.token_text(j) not in words.negation_bridges:
            return False
    return False


def _done_report(view: SentenceView, m: TriggerMatch) -> bool:
    """Whether the trigger's verb is reported done with 〜たところです (要請したところでございます).

    The Diet's perfect of a report ("I have requested"), an act done; 〜したところ、 ("when I asked")
    and 〜しているところ (in progress) are not.
    """
    end = view.tokens[m.last].end
    return trigger_words().done_report.match(view.text, end, min(len(view.text), end + 24)) is not None
