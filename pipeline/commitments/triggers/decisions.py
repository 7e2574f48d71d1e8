"""Decisions written as 〜こととする / こととし / ことといたしました / ことにした.

A rule that provides something (こととされている) decides nothing here: the passive is no decision.
"""

from __future__ import annotations

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.match import TriggerMatch
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType


def decision_trigger(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """The decision whose こと is token ``i`` (bunsetu ``b``), or None."""
    words = trigger_words()
    after = [j for j in range(i + 1, min(view.last, i + 4) + 1)]
    if len(after) < 2 or view.token_text(after[0]) not in words.decision_particles:
        return None
    if view.tokens[after[1]].lemma not in lex.decision_light:
        return None
    # こととされている: a rule provides it, nobody decides here
    if any(view.tokens[j].lemma in words.passive for j in after[2:4]):
        return None
    pred = view.token_bunsetu[after[1]]
    content = b if b != pred else -1
    if content < 0:
        kids = [c for c in view.children.get(pred, ()) if c < pred]
        content = max(kids) if kids else -1
    return TriggerMatch(
        first=i,
        last=after[1],
        lemma=words.decision_lemma,
        type=CommitmentType.DECISION,
        pred=pred,
        content=content,
        kind="decision",
    )
