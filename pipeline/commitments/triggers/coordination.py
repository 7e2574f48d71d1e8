"""Coordination: which predicates are coordinated with a first-person frame, each a record of its own?

〜に努めるとともに、…取り組んでまいります; 〜を強化し、…に貢献していきます; 〜を御説明していくと
ともに、…努めてまいりたいと考えております (gold rules: each coordinated predicate is its own record,
and shares the type of the predicate it is coordinated into). Means, manner, attention and basis
(日米で協力し、, 知見を生かし、, 情勢を注視しつつ、, 戦略を指針としつつ: ``means_verbs``) are not acts;
協力する/連携するとともに is one (``cooperation_verbs``).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.match import TriggerMatch
from pipeline.commitments.triggers.sides import names_party
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType

COORDINATED_INTO = (CommitmentType.PLEDGE, CommitmentType.INTENT, CommitmentType.REQUEST)


def coordinated_pledges(view: SentenceView, lex: Lexicon, match: TriggerMatch) -> list[TriggerMatch]:
    """Predicates coordinated with a first-person pledge, intent or request, in text order.

    A 連用形 clause counts when it is an action verb with an argument of its own (…を強化し、,
    主張を伝え、); means and manner (日米で協力し、, 知見を生かし、, …を踏まえ、), て-forms, purposes
    (〜すべく) and negations do not. Coordinated into a request frame (…を実施しつつ、…求めていく), a
    predicate is the speaker's own undertaking: a pledge.
    """
    if match.type not in COORDINATED_INTO:
        return []
    ctype = CommitmentType.INTENT if match.type is CommitmentType.INTENT else CommitmentType.PLEDGE
    out: list[TriggerMatch] = []
    seen: set[int] = set()
    seeds = {match.pred, view.token_bunsetu[match.first]}
    todo = list(seeds)
    addressee = _addressee(view) if match.type is CommitmentType.REQUEST else len(view.bunsetu)
    while todo:
        parent = todo.pop()
        if parent in seen:
            continue
        seen.add(parent)
        for c in _candidates(view, match, parent, seeds, addressee):
            if c in seen or c >= parent or not view.is_predicate(c):
                continue
            span = _coordinated_verb(view, lex, c)
            if span is None or any(m.pred == c for m in out):
                continue
            first, last = span
            out.append(
                replace(
                    match,
                    first=first,
                    last=last,
                    lemma=view.tokens[first].lemma,
                    type=ctype,
                    pred=c,
                    content=-1,
                    seed_only=False,
                )
            )
            todo.append(c)
    return sorted(out, key=lambda m: m.first)


def _addressee(view: SentenceView) -> int:
    """The addressee of a request (北朝鮮に対し、 / 米側に), or past the sentence's end.

    What follows it up to the request is what the addressee is asked to do.
    """
    words = trigger_words()
    return next(
        (
            b
            for b in range(len(view.bunsetu))
            if view.particles(b).startswith(words.addressee_particles)
            or (view.particles(b) == words.goal_particle and names_party(view, b))
        ),
        len(view.bunsetu),
    )


def _candidates(view: SentenceView, match: TriggerMatch, parent: int, seeds: set[int], addressee: int) -> list[int]:
    """The bunsetu that may be coordinated into ``parent``: its children and clause-level conjuncts.

    A request's content may hold the addressee's own coordinated acts (北朝鮮に対し、…決議を履行する
    とともに、…行動を取るよう求めます): after the addressee or inside a request's content (…払うと
    ともに…とどめるよう申し入れ), only …つつ、 is the speaker's own act.
    """
    candidates = [*view.children.get(parent, ()), *_clause_level_conjuncts(view, parent, seeds)]
    if match.type is not CommitmentType.REQUEST:
        return candidates
    alongside = trigger_words().alongside
    return [
        c
        for c in candidates
        if view.bunsetu_text(c).rstrip("、，").endswith(alongside)
        or (c < addressee and not _inside_request_content(view, c, parent))
    ]


def _inside_request_content(view: SentenceView, c: int, parent: int) -> bool:
    """Whether ``c`` reaches ``parent`` through a request's content (…とどめるよう, …ことを)."""
    content_end = trigger_words().request_content_end
    for anc in view.ancestors(c):
        if anc == parent:
            return False
        if content_end.search(view.bunsetu_text(anc)):
            return True
    return False


def _clause_level_conjuncts(view: SentenceView, parent: int, seeds: set[int]) -> list[int]:
    """…とともに、 / …つつ、 clauses below ``parent`` at any depth, outside relative clauses.

    These endings coordinate with the main predicate of the sentence (政府として、…取り組むとともに、
    防衛省・自衛隊としても、…取り組んでまいります), but GiNZA often hangs them on a nearer word
    (the next topic, the next 連用形 verb); a relative clause on a noun on the way
    (…を強化するとともに…を推進する計画) keeps them out.
    """
    if parent not in seeds:
        return []
    clause_end = trigger_words().clause_level_end
    out = []
    for c in range(parent):
        if not clause_end.search(view.bunsetu_text(c)) or c in view.children.get(parent, ()):
            continue
        path = list(view.ancestors(c))
        if parent in path and not any(_relative_clause(view, anc) for anc in path[: path.index(parent)]):
            out.append(c)
    return out


def _relative_clause(view: SentenceView, b: int) -> bool:
    """Whether bunsetu ``b`` is a predicate modifying a noun (…を推進する計画), not a formal noun (こと, の)."""
    bun = view.bunsetu[b]
    if bun.dep != "acl" or not view.is_predicate(b) or bun.head < 0:
        return False
    noun = view.tokens[view.content_tokens(bun.head)[0]]
    return noun.pos in ("NOUN", "PROPN") and noun.lemma not in trigger_words().nominalizers


def _coordinated_verb(view: SentenceView, lex: Lexicon, c: int) -> tuple[int, int] | None:
    """The verb tokens of a clause coordinated into a pledge, or None.

    …とともに、 (協力するとともに: an act of its own, even with a verb of cooperation), …つつ、 and
    the 連用中止 …し、 of an action verb with an argument of its own (…を強化し、); means, manner,
    attention (…を踏まえ、, 日米で協力し、, 現地情勢を注視しつつ、) and purposes are none.
    """
    words = trigger_words()
    text = view.bunsetu_text(c)
    verb = view.content_tokens(c)
    if not verb:
        return None
    with_tomoni = words.tomoni_end.search(text) is not None
    if not _undertaking(view, lex, c, verb[0], with_tomoni=with_tomoni):
        return None
    last = verb[-1]
    while last + 1 <= view.bunsetu[c].last and view.tokens[last + 1].pos == "AUX":
        last += 1
    if with_tomoni:
        return verb[0], _before_tomoni(view, c, last)
    # 厳しい制裁を実施しつつ、: an action carried on alongside the main one; or 連用中止
    if words.tsutsu_end.search(text) or _renyou_chushi(view, c, last):
        return (verb[0], last) if _has_argument(view, c) else None
    return None


def _undertaking(view: SentenceView, lex: Lexicon, c: int, head: int, *, with_tomoni: bool) -> bool:
    """Whether the verb ``head`` of clause ``c`` can be an undertaking of its own.

    Not a state, a non-act, a means or basis, receiving (助言もいただくとともに); not negated,
    passive, wished, or a purpose (〜を実現すべく、).
    """
    words = trigger_words()
    lemma = view.tokens[head].lemma
    if (
        lemma in words.stative_verbs
        or lemma in lex.non_acts
        or lemma in lex.plain_non_acts
        or lemma in words.received_help
    ):
        return False
    if _means_or_basis(view, lex, c, lemma, with_tomoni=with_tomoni) or view.tokens[head].pos not in ("VERB", "NOUN"):
        return False
    tail = {view.tokens[k].lemma for k in range(head, view.bunsetu[c].last + 1)}
    return not tail & words.coordination_blockers


def _means_or_basis(view: SentenceView, lex: Lexicon, c: int, lemma: str, *, with_tomoni: bool) -> bool:
    """日米で協力し、 / 連携をし、 / 連携を図りつつ / 戦略を指針としつつ: a means, manner or basis.

    A verb of cooperation before …とともに is an act (協力するとともに); a light verb counts by its
    noun (御説明をしていく is an act).
    """
    words = trigger_words()
    if lemma in lex.means_verbs and not (with_tomoni and lemma in lex.cooperation_verbs):
        return True
    light = lemma in words.suru_verbs
    if (light or lemma == words.attempt_verb) and _means_argument(view, lex, c, words.object_particle):
        return True
    return light and _means_argument(view, lex, c, words.quotative)


def _means_argument(view: SentenceView, lex: Lexicon, b: int, particle: str) -> bool:
    """Whether the argument with ``particle`` of the light verb in ``b`` is a means or a basis.

    (連携を | し, 連携を | 図りつつ, 指針と | しつつ.)
    """
    for a in view.children.get(b, ()):
        if view.particles(a).endswith(particle):
            noun = view.content_tokens(a)
            if noun and view.tokens[noun[-1]].lemma in lex.means_verbs:
                return True
    return False


def _before_tomoni(view: SentenceView, c: int, last: int) -> int:
    """御説明をしていくとともに: the verb with its 〜ていく/〜てまいる, up to the と of とともに."""
    to, tomo = trigger_words().tomoni
    k = view.bunsetu[c].last
    while k > last and not (view.token_text(k) == to and view.token_text(k + 1).startswith(tomo)):
        k -= 1
    return k - 1 if k > last else last


def _renyou_chushi(view: SentenceView, c: int, last: int) -> bool:
    """The clause ends in the verb's 連用形 itself and 、 (強化し、 / 伝え、), not in て/ため/べく."""
    if not view.bunsetu_text(c).endswith(("、", "，")):
        return False
    end_tok = view.bunsetu[c].last - 1
    if end_tok != last or trigger_words().conjunctive not in (view.tokens[end_tok].inflection or ""):
        return False
    # a 連用形 followed by 、 never modifies a noun, whatever label GiNZA gives it
    return view.bunsetu[c].dep in ("advcl", "conj", "acl")


def _has_argument(view: SentenceView, c: int) -> bool:
    """Whether the clause of ``c`` has an object or goal of its own (…を, …に, …へ).

    GiNZA may hang the argument on an adverbial adjective between it and the verb (防衛力の質と量を
    必要かつ十分に確保し): arguments below non-verbal dependents count too.
    """
    particles = trigger_words().argument_particles
    todo = list(view.children.get(c, ()))
    while todo:
        a = todo.pop()
        if view.particles(a).endswith(particles):
            return True
        head_pos = view.tokens[view.content_tokens(a)[0]].pos
        if head_pos in ("ADJ", "ADV", "CCONJ"):
            todo.extend(view.children.get(a, ()))
    return False
