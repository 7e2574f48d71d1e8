"""Is a plain sentence-final predicate a policy statement: 〜を強化します, 防衛省としては、…に取り組む。?

Gold rules: a policy statement in the plain polite form (〜を強化します, 〜に取り組みます) or in the
dictionary form under a speaker-side topic is a pledge; a plain 〜ます of an opinion, a speech act
of the session or a description (と考えます, 申し上げます, 〜になります), a procedure under a
condition, or a sentence about a thing or another party is none.
"""

from __future__ import annotations

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.sides import speaker_side, speaker_topic
from pipeline.commitments.triggers.words import trigger_words


def plain_polite_pledge(view: SentenceView, lex: Lexicon, root: int, end: int) -> bool:
    """Whether the sentence-final ``root`` is an undertaking in the plain polite form (〜します).

    The predicate is an action verb (or verbal noun + する) in the non-past polite 〜ます: not a
    speech act of the session, an opinion or a state (``plain_non_acts``, stative verbs); not
    passive; not under a condition (〜場合には…行います describes a procedure); and its subject,
    when one is written (は/が), is the speaker's side (日本が…果たします), never a thing or another
    party (この法律は…定めます, 北朝鮮は…強行します).
    """
    words = trigger_words()
    if view.token_text(end) != words.polite:
        return False
    verb = _action_verb(view, lex, root, end, pos=("VERB",), blockers=words.plain_blockers)
    # 問題でございます, お答えします: no action verb heads the predicate
    if verb < 0 or view.tokens[verb].lemma in words.suru_verbs or _lemmas(view, verb, end) & words.polite_copulas:
        return False
    return not any(_condition(view, c) or _other_subject(view, lex, c) for c in view.children.get(root, ()))


def plain_form_pledge(view: SentenceView, lex: Lexicon, root: int, end: int) -> bool:
    """A policy statement in the plain form under a speaker-side topic (防衛省としては、…に取り組む。).

    The sentence ends in the dictionary form of an action verb (gold rules: 〜としては、…取り組む。
    / …協力する。 are pledges); without a topic naming the speaker's side (政府としては, 我が国は) a
    plain sentence describes (この法律は…定める, 部隊は…展開する) and is none.
    """
    words = trigger_words()
    last = view.tokens[end]
    if last.lemma in words.non_plain_endings or last.pos not in ("VERB", "AUX"):
        return False
    if words.conclusive not in (last.inflection or ""):
        return False
    if _action_verb(view, lex, root, end, pos=("VERB", "NOUN"), blockers=words.plain_form_blockers) < 0:
        return False
    if any(_condition(view, c) for c in view.children.get(root, ())):
        return False
    return any(speaker_topic(view, lex, b) for b in range(root))


def _action_verb(
    view: SentenceView, lex: Lexicon, root: int, end: int, *, pos: tuple[str, ...], blockers: frozenset[str]
) -> int:
    """The token heading ``root`` if it is an action verb up to ``end`` (not a number, a non-act, a state), or -1."""
    words = trigger_words()
    content = view.content_tokens(root)
    if not content:
        return -1
    verb = view.tokens[content[0]]
    if verb.pos not in pos or words.numeral.fullmatch(view.token_text(content[0])):
        return -1  # 百億します: a number is no action verb
    if (
        verb.lemma in lex.plain_non_acts
        or verb.lemma in lex.non_acts
        or verb.lemma in lex.non_volitional
        or verb.lemma in words.stative_verbs
        or _lemmas(view, content[0], end) & blockers
    ):
        return -1
    return content[0]


def _lemmas(view: SentenceView, first: int, last: int) -> set[str]:
    return {view.tokens[k].lemma for k in range(first, last + 1)}


def _condition(view: SentenceView, c: int) -> bool:
    """〜場合には / 〜すれば: the predicate describes a procedure under a condition."""
    return trigger_words().condition_clause.search(view.bunsetu_text(c)) is not None


def _other_subject(view: SentenceView, lex: Lexicon, c: int) -> bool:
    """A written subject (が, or a topic in は only) that is not the speaker's side."""
    words = trigger_words()
    particles = view.particles(c)
    subject = particles == words.subject_particle or (particles != "" and not particles.strip(words.topic_particle))
    return subject and not speaker_side(view, lex, c)
