"""Lexicon predicates (pipeline/data/commitments/triggers.json): is this token a trigger, and its match?

A verb (求めた, 定めた) is its own predicate; a verbal noun is one through する (合意した), through a
light verb it is the object of (再確認を行った, 合意に至った), or as a 連用中止 noun with an object
(コミットメントを再確認、). The match then records the committed content, the span the gold draws
(確認し合い, 検証・確認を完了, 求めていく) and whether an act that must be realized was (策定した).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.commitments.lexicon import Lexicon, PredicateEntry
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.match import TriggerMatch
from pipeline.commitments.triggers.sides import names_party
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType


def predicate_trigger(view: SentenceView, lex: Lexicon, b: int, i: int, entry: PredicateEntry) -> TriggerMatch | None:
    """The trigger of lexicon word ``entry`` at token ``i`` (bunsetu ``b``), or None."""
    if entry.form == "verb":
        return _predicate_match(view, lex, entry, b, i, b) if view.tokens[i].pos == "VERB" else None
    pred, received = _verbal_noun_predicate(view, lex, b, i, entry)
    if received:
        # …弾薬の譲渡要請を受け, 米国からの要請に応じ: a request recalled as received
        match = _predicate_match(view, lex, entry, b, i, pred)
        return replace(match, received=True) if match is not None else None
    if pred < 0 and view.tokens[i].pos == "VERB":
        pred = b
    return _predicate_match(view, lex, entry, b, i, pred)


def _verbal_noun_predicate(view: SentenceView, lex: Lexicon, b: int, i: int, entry: PredicateEntry) -> tuple[int, bool]:
    """The bunsetu that makes verbal noun ``i`` a predicate (-1: none), and whether it receives a request."""
    words = trigger_words()
    nxt = i + 1 if i + 1 <= view.last else -1
    if nxt >= 0 and view.tokens[nxt].lemma in words.suru_verbs and view.tokens[nxt].pos in ("AUX", "VERB"):
        return b, False  # 合意する, 一致した, 確認し合い, 確認できた
    particle = view.token_text(nxt) if nxt >= 0 else ""
    if (
        nxt >= 0
        and view.token_bunsetu.get(nxt) == b
        and view.tokens[nxt].pos == "ADP"
        and particle in words.light_verb_particles
    ):
        head = view.bunsetu[b].head
        # the light verb must be a predicate: 合意の着実な実施を求める has 合意 as a noun
        if head >= 0 and entry.light and view.is_predicate(head) and light_verb_heads(view, lex, head):
            return head, False  # 再確認を行った, 合意に至った, 一致をみた, 要請があった
        received = (
            head >= 0
            and entry.type is CommitmentType.REQUEST
            and particle in words.received_request_particles
            and view.tokens[view.content_tokens(head)[0]].lemma in words.receiving_verbs
        )
        return (head, True) if received else (-1, False)
    if (
        (nxt < 0 or particle in ("、", "，"))
        and i == view.content_tokens(b)[-1]
        and any(view.particles(c).endswith(words.object_particle) for c in view.children.get(b, ()))
    ):
        return b, False  # 連用中止 noun with an object of its own: コミットメントを再確認、…
    return -1, False


def light_verb_heads(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """Whether a light verb (行う, 至る, ある) heads bunsetu ``b``."""
    content = view.content_tokens(b)
    return any(view.tokens[i].lemma in lex.light_verbs for i in content[:2])


def _predicate_match(
    view: SentenceView, lex: Lexicon, entry: PredicateEntry, b: int, i: int, pred: int
) -> TriggerMatch | None:
    """The match of trigger token ``i`` (bunsetu ``b``) governed by bunsetu ``pred``."""
    if pred < 0:
        return None
    if entry.past_only and not realized(view, pred, main_only=entry.main_only):
        return None
    found_object = _has_object(view, b, pred, entry.objects) if entry.objects else ""
    if entry.objects and not found_object:
        return None
    ctype = dict(entry.object_types).get(found_object, entry.type)
    if entry.reaffirm_adverbs and _has_adverb(view, b, pred, entry.reaffirm_adverbs):
        ctype = CommitmentType.REAFFIRMATION
    lemma = entry.lemma
    if _reaffirm_prefixed(view, entry, i):
        words = trigger_words()
        lemma, ctype = words.reaffirm_prefix + words.confirmation, CommitmentType.REAFFIRMATION
    return TriggerMatch(
        first=_surface_first(view, entry, b, i, pred, found_object),
        last=_widen_last(view, i),
        lemma=lemma,
        type=ctype,
        pred=pred,
        content=_content_argument(view, pred, b),
        kind="predicate",
        needs_joint=entry.needs_joint,
    )


def _reaffirm_prefixed(view: SentenceView, entry: PredicateEntry, i: int) -> bool:
    """再 + 確認 (Sudachi splits the prefix): a reaffirmation."""
    words = trigger_words()
    return i > view.first and view.token_text(i - 1) == words.reaffirm_prefix and entry.lemma == words.confirmation


def _surface_first(view: SentenceView, entry: PredicateEntry, b: int, i: int, pred: int, found_object: str) -> int:
    """First token of the trigger surface: 再確認, 検証・確認, コミットメントが示され (the fixed expression)."""
    if _reaffirm_prefixed(view, entry, i):
        first = i - 1
    elif i - 2 >= view.bunsetu[b].first and view.token_text(i - 1) in trigger_words().coordinating_dots:
        first = i - 2  # 検証・確認: keep the coordinated verbal noun in the trigger surface
    else:
        first = i
    if entry.form == "verb" and found_object and entry.include_object:
        # コミットメントが(繰り返し)示され / 姿勢を力強く示す / 決意を述べ: the fixed expression
        obj_first = _object_token(view, pred, found_object)
        if obj_first is not None and obj_first < first:
            first = obj_first
    return first


def realized(view: SentenceView, pred: int, *, main_only: bool) -> bool:
    """Whether the predicate ``pred`` reports a past act (in a main clause, with ``main_only``).

    Past itself (策定した, 策定いたしました), or coordinated (…とともに、 / 連用形、) into a past
    predicate (…を策定するとともに、…を決定しました); with ``main_only`` never a clause on a noun
    (策定した戦略).
    """
    words = trigger_words()
    cur = pred
    for _ in range(6):
        bun = view.bunsetu[cur]
        lemmas = [view.tokens[k].lemma for k in view.token_range(cur)]
        on_noun = bun.dep == "acl" and bun.head >= 0
        if main_only and on_noun and view.tokens[view.content_tokens(bun.head)[0]].pos != "VERB":
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in words.realized_clause_nouns:
                return False
        if words.past in lemmas:
            return True
        if bun.head < 0 or not words.realized_continuation.search(view.bunsetu_text(cur)):
            return False
        cur = bun.head
    return False


def _widen_last(view: SentenceView, i: int) -> int:
    """Extend a trigger over 〜し合い, 〜を完了, and a passive れ (示され), as the gold spans do."""
    words = trigger_words()
    nxt = [j for j in range(i + 1, min(view.last, i + 3) + 1)]
    texts = [view.token_text(j) for j in nxt]
    lemmas = [view.tokens[j].lemma for j in nxt]
    if tuple(lemmas[:2]) == words.reciprocal:
        return nxt[1]  # 確認し合い
    if len(nxt) >= 2 and texts[0] == words.object_particle and lemmas[1] == words.completion:
        return nxt[1]  # 検証・確認を完了
    if nxt and view.tokens[i].pos == "VERB" and lemmas[0] in words.passive:
        return nxt[0]  # 示され
    end = _request_verb_end(view, nxt, texts, lemmas) if view.tokens[i].lemma in words.request_verbs and nxt else -1
    return end if end >= 0 else i


def _request_verb_end(view: SentenceView, nxt: list[int], texts: list[str], lemmas: list[str]) -> int:
    """求めていく / 求めてまいります / 求めます: a request made in the speech, with its auxiliary (-1: none)."""
    words = trigger_words()
    if len(nxt) >= 2 and texts[0] == words.te_particle and lemmas[1] in words.going_auxiliaries:
        polite_next = nxt[1] + 1 <= view.last and view.token_text(nxt[1] + 1) == words.polite
        return nxt[1] + 1 if polite_next else nxt[1]
    if texts[0] == words.polite and (len(nxt) < 2 or view.tokens[nxt[1]].pos == "PUNCT"):
        return nxt[0]
    return -1


def _object_token(view: SentenceView, pred: int, word: str) -> int | None:
    """First token of the argument bunsetu of ``pred`` that starts ``word`` (コミットメント, 姿勢)."""
    for c in sorted(view.children.get(pred, ())):
        for k in view.token_range(c):
            surface = view.token_text(k)
            if surface and (word.startswith(surface) or surface.startswith(word)):
                return k
    return None


def _has_object(view: SentenceView, b: int, pred: int, objects: tuple[str, ...]) -> str:
    """The object word an argument of the predicate (or the verbal noun's modifier) holds, or ""."""
    candidates = set(view.children.get(pred, ())) | set(view.children.get(b, ())) | {b}
    for c in sorted(candidates):
        content = "".join(view.token_text(i) for i in view.content_tokens(c))
        for o in objects:
            if o in content:
                return o
    return ""


def _has_adverb(view: SentenceView, b: int, pred: int, adverbs: tuple[str, ...]) -> bool:
    for c in {*view.children.get(pred, ()), *view.children.get(b, ()), b}:
        for i in view.token_range(c):
            if view.token_text(i) in adverbs or view.tokens[i].lemma in adverbs:
                return True
    return False


def _content_argument(view: SentenceView, pred: int, trigger_b: int) -> int:
    """The argument bunsetu that says what is committed to: …ことで, …認識で, …を, …が(passive)."""
    words = trigger_words()
    best = -1
    kids = sorted(view.children.get(pred, ()))
    # a が/も subject is the content of a passive or intransitive predicate (…ことが確認され); next
    # to a を object it is the agent (…の停止を国際社会が求める)
    has_object = any(view.particles(c).endswith(words.object_particle) for c in kids if c != trigger_b)
    for c in kids:
        if c == trigger_b:
            continue
        particles = view.particles(c)
        dep = view.bunsetu[c].dep
        subject = particles.endswith(words.subject_particles) and dep == "nsubj" and not names_party(view, c)
        if particles.endswith(words.content_particles) or dep in ("obj", "ccomp") or (subject and not has_object):
            best = c
    if best < 0 and trigger_b != pred:
        # 戦略目標の見直しおよび再確認を行った: the verbal noun's の-modifier
        for c in sorted(view.children.get(trigger_b, ())):
            if view.particles(c).endswith(words.genitive):
                best = c
    return best
