"""Does a predicate bind its speaker: a pledge (〜していく), an intent (〜したい), or nothing?

Shared by the reports (〜旨述べた / 〜たいと述べた are typed by the reported predicate) and the
first-person frames (〜してまいります, 〜していく考えであり、).
"""

from __future__ import annotations

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType


def classify_volition(view: SentenceView, lex: Lexicon, i: int) -> CommitmentType | None:
    """Pledge, intent or nothing, from the predicate just before token ``i`` (旨, こと, 。).

    〜していく / 〜してまいる / 〜し続ける → pledge; 〜したい, 〜する意向 → intent; a plain
    non-past action verb (〜措置を取る旨) → pledge; states, evaluations, negations → None.
    """
    j, lemmas = _predicate_before(view, lex, i)
    if not lemmas or _binds_nobody(lex, lemmas):
        return None
    if any(x in lex.intent_aux for x in lemmas) or any(x in lex.intent_nouns for x in lemmas):
        return CommitmentType.INTENT
    if _pledge_marked(lex, lemmas) or _plain_action(view, j, lemmas):
        return CommitmentType.PLEDGE
    return None


def _predicate_before(view: SentenceView, lex: Lexicon, i: int) -> tuple[int, list[str]]:
    """Walk back from token ``i`` over the predicate's auxiliaries to its main verb.

    Returns the index where the walk stopped (the main verb, a punctuation mark, or before the
    sentence) and the lemmas passed, nearest first (the main verb's is last).
    """
    skipped = trigger_words().volitional_endings
    j = i - 1
    lemmas: list[str] = []
    while j >= view.first:
        t = view.tokens[j]
        if t.pos == "PUNCT" or view.token_text(j) in ("、", "。"):
            break
        lemmas.append(t.lemma)
        if (
            t.pos in ("VERB", "NOUN", "ADJ", "PROPN")
            and t.lemma not in lex.pledge_aux
            and t.lemma not in skipped
            and not (t.lemma in lex.pledge_nouns or t.lemma in lex.intent_nouns)
        ):
            break
        j -= 1
    return j, lemmas


def _binds_nobody(lex: Lexicon, lemmas: list[str]) -> bool:
    """Negated, no act, not volitional, passive, or a wish about someone else's action."""
    words = trigger_words()
    main = lemmas[-1]
    if any(x in words.negation for x in lemmas) or main in lex.non_acts or main in lex.non_volitional:
        return True
    # 送られてまいります: nobody binds themselves to a passive; 〜を担ってもらいたい: a wish about
    # someone else's action (a request, if any)
    return any(x in words.passive or x in words.receiving_favours for x in lemmas)


def _pledge_marked(lex: Lexicon, lemmas: list[str]) -> bool:
    """〜ていく / 〜てまいる / 〜し続ける, or a pledge noun not described as a state (所存です, not 方針でいる)."""
    words = trigger_words()
    for k, lem in enumerate(lemmas):
        # て + いく/まいる: lemmas are reversed, so the て is the next element
        if (
            lem in lex.pledge_aux
            and k + 1 < len(lemmas)
            and (lemmas[k + 1] in words.te_forms or lem == words.continuative)
        ):
            return True
    return any(x in lex.pledge_nouns for x in lemmas) and not any(x in words.progressive for x in lemmas)


def _plain_action(view: SentenceView, j: int, lemmas: list[str]) -> bool:
    """A plain non-past action verb: 〜措置を取る旨, 〜を派遣することを伝えた."""
    if j < view.first:
        return False
    words = trigger_words()
    t_main = view.tokens[j]
    verbal_noun = t_main.pos == "NOUN" and len(lemmas) >= 2 and lemmas[-2] in words.suru_verbs
    return (
        (t_main.pos == "VERB" or verbal_noun)
        and lemmas[-1] not in words.stative_verbs
        and not any(x in words.non_plain_auxiliaries for x in lemmas[:-1])
    )


def pledge_aux(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """Whether bunsetu ``b`` holds 〜ていく / 〜てまいる / 〜し続ける or a pledge noun (所存, 決意)."""
    words = trigger_words()
    toks = list(view.token_range(b))
    for k, i in enumerate(toks):
        lem = view.tokens[i].lemma
        if lem == words.continuative or lem in lex.pledge_nouns:
            return True
        if lem in lex.pledge_aux:
            prev = view.token_text(toks[k - 1]) if k > 0 else view.token_text(i - 1) if i > view.first else ""
            if prev in words.te_forms:
                return True
    return False
