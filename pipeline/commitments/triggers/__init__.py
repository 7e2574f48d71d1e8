"""Trigger predicates of commitments in one sentence, over GiNZA's bunsetu and dependencies.

``find_triggers`` reads each token for a lexicon predicate or a decision (``predicates``,
``decisions``) and for a report (``reports``), adds the speaker's own frames when the author speaks
for a party (``first_person``, with ``coordination``), keeps one trigger per predicate
(``match.dedupe``) and drops what a veto rules out (``vetoes``). The modules and their words are
listed in this package's README; the words are data (``data/commitments/trigger_words.json``).
"""

from __future__ import annotations

from collections.abc import Set

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.decisions import decision_trigger
from pipeline.commitments.triggers.first_person import add_first_person
from pipeline.commitments.triggers.match import TriggerMatch, dedupe
from pipeline.commitments.triggers.predicates import predicate_trigger
from pipeline.commitments.triggers.reports import report_trigger
from pipeline.commitments.triggers.vetoes import drop_vetoed
from pipeline.commitments.triggers.words import LazyWordSet, trigger_words

__all__ = ["REQUEST_VERBS", "TriggerMatch", "candidate_triggers", "find_triggers"]

# verbs of asking whose speech-act forms (求めていく, 求めます) are trigger spans of their own
REQUEST_VERBS: Set[str] = LazyWordSet("request_verbs")


def find_triggers(view: SentenceView, lex: Lexicon, *, first_person: bool = False) -> list[TriggerMatch]:
    """Triggers of one sentence, in text order, with the disqualified ones already dropped.

    ``first_person``: the author speaks for a party (a minister's speech, a government paper), so
    the speaker's own 〜してまいります / 〜したいと考えております are triggers too.
    """
    return drop_vetoed(view, lex, candidate_triggers(view, lex, first_person=first_person))


def candidate_triggers(view: SentenceView, lex: Lexicon, *, first_person: bool = False) -> list[TriggerMatch]:
    """Every trigger the constructions find in the sentence, one per predicate, before the vetoes."""
    found = [m for b in range(len(view.bunsetu)) for i in view.token_range(b) for m in _at_token(view, lex, b, i)]
    if first_person:
        found = add_first_person(view, lex, found)
    return dedupe(found)


def _at_token(view: SentenceView, lex: Lexicon, b: int, i: int) -> list[TriggerMatch]:
    """The predicate or decision, then the report, that token ``i`` of bunsetu ``b`` starts."""
    entry = lex.predicates.get(view.tokens[i].lemma)
    if entry is not None:
        head = predicate_trigger(view, lex, b, i, entry)
    elif view.tokens[i].lemma in trigger_words().koto:
        head = decision_trigger(view, lex, b, i)
    else:
        head = None
    return [m for m in (head, report_trigger(view, lex, b, i)) if m is not None]
