"""Reports: 〜旨述べた / 旨発言があった / ことを伝えた, and quoted 〜していきたいと述べた.

A report is typed by the clause it reports (``volition.classify_volition``): 〜ていく / a plain
action verb → pledge, 〜たい / 意向 → intent, anything else (重要である旨述べた) → none, except a 旨
clause that restates a standing policy (reaffirmation).
"""

from __future__ import annotations

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.match import TriggerMatch
from pipeline.commitments.triggers.predicates import light_verb_heads
from pipeline.commitments.triggers.volition import classify_volition
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType


def report_trigger(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """The report whose report noun (旨, こと) or quotative と is token ``i`` (bunsetu ``b``), or None."""
    words = trigger_words()
    tok = view.tokens[i]
    if tok.lemma in lex.report_nouns or tok.lemma in words.koto:
        return _noun_report(view, lex, b, i)
    if view.token_text(i) == words.quotative and tok.pos == "ADP":
        return _quoted_report(view, lex, b, i)
    return None


def _noun_report(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """〜旨述べた / 旨発言があった / ことを伝えた, typed by the reported clause."""
    words = trigger_words()
    is_koto = view.tokens[i].lemma in words.koto
    particle = view.token_text(i + 1) if i + 1 <= view.last and view.token_bunsetu.get(i + 1) == b else ""
    if is_koto and particle != words.object_particle:
        return None
    verb_tok = _report_verb_after(view, lex, b, i)
    if verb_tok < 0:
        return None
    verb = _report_verb_at(view, lex, verb_tok)
    ctype = _report_type(view, lex, i, verb)
    if ctype is None:
        return None
    # the trigger runs from the reported predicate to the report verb: 強化していく旨発言
    pred_clause = _reported_predicate(view, i)
    return TriggerMatch(
        first=view.bunsetu[pred_clause].first if pred_clause >= 0 else i,
        last=verb_tok,
        lemma=verb,
        type=ctype,
        pred=_report_predicate(view, lex, verb_tok),
        content=pred_clause if pred_clause >= 0 else b,
        kind="report",
    )


def _report_verb_after(view: SentenceView, lex: Lexicon, b: int, i: int) -> int:
    """The report verb token after report noun ``i`` (旨述べた in one bunsetu or 旨を | 述べた), or -1."""
    verb_b = view.bunsetu[b].head
    for j in range(i + 1, min(view.last, i + 4) + 1):
        # お伝えをしました: the noun form of the report verb (伝え, 説明) with a light verb
        if _report_verb_at(view, lex, j):
            return j
        if view.token_bunsetu[j] not in (b, verb_b):
            break
    return -1


def _report_type(view: SentenceView, lex: Lexicon, i: int, verb: str) -> CommitmentType | None:
    """The type of the report with noun ``i`` and report verb ``verb``: the reported clause's volition.

    こと is a report only before a verb of telling (〜ことを伝えた), and 〜ことを説明した only of a
    pledge; a 旨 clause with no volition may restate a standing commitment (a reaffirmation); a
    pledge reported with an intent noun (〜する意向を示した) is an intent.
    """
    words = trigger_words()
    noun = view.tokens[i].lemma
    is_koto = noun in words.koto
    if is_koto and verb not in words.koto_report_verbs:
        return None
    ctype = classify_volition(view, lex, i)
    if ctype is None and noun == words.purport and _restates(view, lex, i):
        ctype = CommitmentType.REAFFIRMATION
    if ctype is None:
        return None
    if noun in lex.intent_nouns and ctype is CommitmentType.PLEDGE:
        ctype = CommitmentType.INTENT
    if verb == words.explain and is_koto and ctype is not CommitmentType.PLEDGE:
        return None
    return ctype


def _report_predicate(view: SentenceView, lex: Lexicon, verb_tok: int) -> int:
    """The bunsetu governing the report: the report verb's, or the light verb after 旨発言が | あった."""
    pred = view.token_bunsetu[verb_tok]
    head = view.bunsetu[pred].head
    if (
        head >= 0
        and light_verb_heads(view, lex, head)
        and view.particles(pred) in trigger_words().report_light_particles
    ):
        return head
    return pred


def _quoted_report(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """〜していきたいと述べた / 〜していくと表明した: a quoted clause before a report verb.

    Typed like 〜旨述べた by the quoted predicate (classify_volition); the quotative と must close
    the bunsetu and the report verb head the next one.
    """
    words = trigger_words()
    if i != view.bunsetu[b].last and not (
        i + 1 == view.bunsetu[b].last and view.token_text(i + 1) in words.quote_closers
    ):
        return None
    verb_b = view.bunsetu[b].head
    content = view.content_tokens(verb_b) if verb_b >= 0 else []
    verb = _report_verb_at(view, lex, content[0]) if content else ""
    # 〜たいと説明した is an explanation of a wish; only statements of one's course count
    if not verb or verb in words.explaining_verbs:
        return None
    ctype = classify_volition(view, lex, i)
    if ctype is None:
        return None
    return TriggerMatch(
        first=_clause_verb_start(view, b),
        last=content[0],
        lemma=verb,
        type=ctype,
        pred=verb_b,
        content=b,
        kind="report",
    )


def _report_verb_at(view: SentenceView, lex: Lexicon, j: int) -> str:
    """The report verb token ``j`` is (述べる), or stands for as a noun (伝え → 伝える), or ""."""
    lemma = view.tokens[j].lemma
    return lemma if lemma in lex.report_verbs else _report_noun(view.token_text(j), lex)


def _clause_verb_start(view: SentenceView, b: int) -> int:
    """First token of the verb phrase ending in bunsetu ``b`` (力を|合わせていきたいと → 合わせ)."""
    return view.content_tokens(b)[0] if view.content_tokens(b) else view.bunsetu[b].first


def _restates(view: SentenceView, lex: Lexicon, i: int) -> bool:
    """Whether the clause before 旨 restates a standing policy or treaty commitment."""
    # GiNZA often hangs the first half of the reported clause on the report verb: read the
    # sentence up to 旨
    clause = view.text[view.start : view.tokens[i].start]
    return any(cue in clause for cue in lex.reaffirm_cues)


def _report_noun(surface: str, lex: Lexicon) -> str:
    """The report verb a noun form stands for (伝え → 伝える), or ""."""
    ending = trigger_words().verb_ending
    for verb in lex.report_verbs:
        stem = verb[: -len(ending)] if verb.endswith(ending) else verb
        if surface == stem and len(stem) >= 2:
            return verb
    return ""


def _reported_predicate(view: SentenceView, i: int) -> int:
    """The bunsetu of the reported clause's last predicate, just before 旨/こと."""
    b = view.token_bunsetu[i]
    if view.bunsetu[b].first < i:
        return b
    return b - 1 if b > 0 else -1
