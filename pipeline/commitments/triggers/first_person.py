"""First person: the speaker's own pledges and intents (〜してまいります, 〜します, 〜したいと考えております).

Only when the author speaks for a party (the caller decides: a minister's speech, a government
paper). A frame is sentence-final (〜していきます, 〜していく考えです, 〜したいと考えております, a
plain polite policy statement) or mid-sentence (〜していく考えであり、, 我が国については、…堅持して
いくことから、); the predicates coordinated into it are records of their own (``coordination``). A
frame whose verb asks something of another party (…よう強く求めていく考え) is a request; one whose
verb is no act (…の重要性を強調する考えです) only carries its coordinated predicates (``seed_only``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.coordination import coordinated_pledges
from pipeline.commitments.triggers.match import TriggerMatch, overlaps
from pipeline.commitments.triggers.plain_forms import plain_form_pledge, plain_polite_pledge
from pipeline.commitments.triggers.sides import speaker_topic_word
from pipeline.commitments.triggers.volition import classify_volition, pledge_aux
from pipeline.commitments.triggers.words import trigger_words
from pipeline.schema import CommitmentType


@dataclass(frozen=True, slots=True)
class _Frame:
    """A first-person frame before its span is trimmed: the governing bunsetu, its tokens, its type."""

    root: int
    first: int
    last: int
    type: CommitmentType
    seed_only: bool = False


def add_first_person(view: SentenceView, lex: Lexicon, found: list[TriggerMatch]) -> list[TriggerMatch]:
    """``found`` with the sentence's first-person frames and their coordinated predicates added.

    A frame (or coordinated predicate) that overlaps a trigger already found is left out; the
    frame still carries its coordinated predicates then (…を実施しつつ、…するよう強く求めていく考え
    であり: 求める is the lexicon's request, 実施 the pledge coordinated into it).
    """
    out = list(found)
    for frame in first_person_frames(view, lex):
        if not frame.seed_only and not any(overlaps(frame, f) for f in out):
            out.append(frame)
        for m in coordinated_pledges(view, lex, frame):
            if not any(overlaps(m, f) for f in out):
                out.append(m)
    return out


def first_person_frames(view: SentenceView, lex: Lexicon) -> list[TriggerMatch]:
    """The sentence's first-person frames: the sentence-final one and the mid-sentence ones.

    Mid-sentence frames are a pledge noun continued by a copula (〜していく考えであり、…: gold
    rules, a continued 考えです is a pledge) and a speaker-side pledge given as a reason
    (我が国については、非核三原則を堅持していくことから、…).
    """
    frames: list[TriggerMatch] = []
    root = _final_root(view)
    if root >= 0:
        end = view.bunsetu[root].last
        while end > view.first and view.tokens[end].pos == "PUNCT":
            end -= 1
        match = _first_person(view, lex, root, end, final=True)
        if match is not None:
            frames.append(match)
    for b in range(1, len(view.bunsetu)):
        end = _continued_frame_end(view, lex, b) if b != root else -1
        match = _first_person(view, lex, b, end, final=False) if end >= 0 else None
        if match is not None and not any(overlaps(match, f) for f in frames):
            frames.append(match)
    return frames


def _final_root(view: SentenceView) -> int:
    """The sentence-final predicate's bunsetu, or -1.

    GiNZA sometimes makes a concessive clause the root (…に参加したところですが、…推進してまいります
    hangs the last clause on ところですが): a root ending in 、 is not final, the last bunsetu is.
    """
    roots = [b.index for b in view.bunsetu if b.head < 0]
    if not roots:
        return -1
    root = roots[-1]
    last = len(view.bunsetu) - 1
    if root != last and view.bunsetu_text(root).endswith(("、", "，")):
        return last
    return root


def _continued_frame_end(view: SentenceView, lex: Lexicon, b: int) -> int:
    """The last token of a mid-sentence first-person frame headed by bunsetu ``b``, or -1."""
    words = trigger_words()
    text = view.bunsetu_text(b)
    prev = b - 1
    if (
        not text.startswith(words.frame_nouns + words.koto)
        or view.bunsetu[prev].head != b
        or not view.is_predicate(prev)
    ):
        return -1
    if words.continued_pledge.match(text):
        return _continued_pledge_end(view, lex, b)
    return _reason_frame_end(view, lex, b)


def _continued_pledge_end(view: SentenceView, lex: Lexicon, b: int) -> int:
    """〜していく考えであり、 / 〜する所存であり、: the frame noun closes a volitional frame (-1: none).

    Volitional means 〜ていく / 〜てまいる before the noun, or a noun of resolve (所存, 決意); 〜という
    ような考えで、 / 〜しないという方針であり、 describe a view.
    """
    words = trigger_words()
    noun_tok = view.content_tokens(b)[0]
    described = view.bunsetu_text(b - 1).endswith(words.describing_markers)
    resolve = view.tokens[noun_tok].lemma in words.resolve_nouns and not described
    return noun_tok if resolve or pledge_aux(view, lex, b - 1) else -1


def _reason_frame_end(view: SentenceView, lex: Lexicon, b: int) -> int:
    """我が国については、非核三原則を堅持していくことから、: the pledge aux before ことから (-1: none)."""
    words = trigger_words()
    prev = b - 1
    content = view.content_tokens(b)
    if (
        content
        and view.tokens[content[0]].lemma in words.koto
        and view.particles(b) == words.reason_particle
        and pledge_aux(view, lex, prev)
        and any(speaker_topic_word(view, c) for c in range(prev))
    ):
        return view.bunsetu[prev].last
    return -1


def _first_person(view: SentenceView, lex: Lexicon, root: int, end: int, *, final: bool) -> TriggerMatch | None:
    """A first-person frame ending at token ``end`` of bunsetu ``root``, or None.

    Sentence-final: 〜していきます / 〜してまいります / 〜していく考えです / 〜したいと考えております /
    a plain polite policy statement; mid-sentence (``final`` false): 〜していく考えであり、 and
    〜していくことから、.
    """
    words = trigger_words()
    surface = view.span_text(view.bunsetu[root].first, end)
    if final and (surface.endswith(words.final_particles) or "？" in view.surface):
        return None  # a question, or an address to the audience (〜ですね)
    if surface.endswith(words.past):
        return None  # a past 〜してまいりました reports what was done, it binds nobody to anything
    if final:
        root = _before_copula(view, root)
    frame = _frame(view, lex, root, end, final=final)
    return _frame_match(view, lex, frame) if frame is not None else None


def _before_copula(view: SentenceView, root: int) -> int:
    """〜していく考えで | ございます / 〜する所存で | あります: the pledge is the bunsetu before the copula."""
    head = view.tokens[view.content_tokens(root)[0]].lemma
    if head in trigger_words().copula_heads and root > 0 and view.bunsetu[root - 1].head == root:
        return root - 1
    return root


def _frame(view: SentenceView, lex: Lexicon, root: int, end: int, *, final: bool) -> _Frame | None:
    """The frame of bunsetu ``root`` by what heads it: こと (a reason), a thinking verb, or a verb."""
    words = trigger_words()
    head = view.tokens[view.content_tokens(root)[0]].lemma
    if head in words.koto and not final:
        return _reason_frame(view, lex, root, end)
    if head in words.explanation_heads:
        return None  # 〜ということでございます: an explanation, not an undertaking
    if head in words.thinking_verbs:
        return _thought_frame(view, lex, root, end)
    return _verb_frame(view, lex, root, end, final=final)


def _reason_frame(view: SentenceView, lex: Lexicon, root: int, end: int) -> _Frame | None:
    """…堅持していくことから: the frame is the verb before こと, and it must be a pledge."""
    if classify_volition(view, lex, end + 1) is not CommitmentType.PLEDGE:
        return None
    return _Frame(root=root - 1, first=_verb_start(view, root - 1), last=end, type=CommitmentType.PLEDGE)


def _thought_frame(view: SentenceView, lex: Lexicon, root: int, end: int) -> _Frame | None:
    """〜したいと考えております / 〜していきたいと思います: the intent or pledge is in the と-clause."""
    quoted = _quoted_clauses(view, root)
    if not quoted:
        return None
    target = max(quoted)
    ctype = _quoted_volition(view, lex, target)
    if ctype is None:
        return None
    # 努めてまいりたい|と考えております: the intent ends at たい (gold trigger spans)
    last = next((k for k in view.token_range(target) if view.tokens[k].lemma in lex.intent_aux), end)
    return _Frame(root=root, first=_verb_start(view, target), last=last, type=ctype)


def _quoted_clauses(view: SentenceView, root: int) -> list[int]:
    """The と-clauses of thinking verb ``root`` (〜したいと | 考えております, 〜したいというふうに | 考えております)."""
    words = trigger_words()
    quoted = [c for c in view.children.get(root, ()) if view.particles(c).endswith(words.quotative)]
    if quoted:
        return quoted
    # the Diet's hedge puts ふうに between the clause and the verb
    return [
        g
        for c in view.children.get(root, ())
        if view.bunsetu_text(c) in words.hedge_manner
        for g in view.children.get(c, ())
        if view.bunsetu_text(g).endswith(words.quoting_adnominal)
    ]


def _quoted_volition(view: SentenceView, lex: Lexicon, target: int) -> CommitmentType | None:
    """Intent (〜したい, unless a speech act or a request to the audience), pledge (〜ていく), or None."""
    lemmas = [view.tokens[k].lemma for k in view.token_range(target)]
    if any(x in trigger_words().negation for x in lemmas):
        return None  # 応えていかなければならないと考えます: an obligation, not an undertaking
    if any(x in lex.intent_aux for x in lemmas):
        return None if _speech_act_wish(view, lex, _verb_start(view, target), target) else CommitmentType.INTENT
    return CommitmentType.PLEDGE if pledge_aux(view, lex, target) else None


def _verb_frame(view: SentenceView, lex: Lexicon, root: int, end: int, *, final: bool) -> _Frame | None:
    """A verb frame: 〜ていく / 〜てまいる, or (sentence-final) a plain policy statement.

    A frame with no act of its own (…を取り上げ、…の重要性を強調する考えです) is kept ``seed_only``
    for what is coordinated into it.
    """
    words = trigger_words()
    head = view.tokens[view.content_tokens(root)[0]].lemma
    if head in lex.non_acts or (head in words.stative_verbs and head not in lex.pledge_aux):
        return None
    if _speech_act_object(view, root):
        return None  # 御質問にお答えをしてまいります: the session's own business
    ctype = classify_volition(view, lex, end + 1)
    frame = pledge_aux(view, lex, root) or (root > 0 and pledge_aux(view, lex, root - 1))
    if ctype is None:
        # …を取り上げ、…の重要性を強調する考えです: no act itself, but a frame for what is coordinated into it
        if not frame or not _non_act_verb(view, lex, end + 1):
            return None
        return _Frame(root=root, first=_verb_start(view, root), last=end, type=CommitmentType.PLEDGE, seed_only=True)
    # without 〜ていく / 〜てまいる, a pledge is a plain policy statement or nothing (plain_forms)
    if ctype is CommitmentType.PLEDGE and not frame and not (final and _plain_pledge(view, lex, root, end)):
        return None
    return _Frame(root=root, first=_verb_start(view, root), last=end, type=ctype)


def _plain_pledge(view: SentenceView, lex: Lexicon, root: int, end: int) -> bool:
    """〜を強化します / 防衛省としては、…に取り組む。: a plain policy statement (``plain_forms``)."""
    return plain_polite_pledge(view, lex, root, end) or plain_form_pledge(view, lex, root, end)


def _frame_match(view: SentenceView, lex: Lexicon, frame: _Frame) -> TriggerMatch:
    """The trigger of a frame: its span without the copula, up to its frame noun; a request if it asks."""
    first = frame.first
    last = _without_copula(view, lex, first, frame.last)
    content_start = view.subtree_span(view.token_bunsetu[first])[0]
    ctype = frame.type
    # …よう強く求めていく考え: the frame asks something of another party (a request)
    verb = lex.predicates.get(view.tokens[first].lemma)
    if verb is not None and verb.type is CommitmentType.REQUEST and ctype is CommitmentType.PLEDGE:
        ctype = CommitmentType.REQUEST
    return TriggerMatch(
        first=first,
        last=last,
        lemma=view.tokens[first].lemma,
        type=ctype,
        pred=frame.root,
        content=view.token_bunsetu[first] if content_start < view.token_bunsetu[first] else -1,
        kind="first_person",
        seed_only=frame.seed_only,
    )


def _without_copula(view: SentenceView, lex: Lexicon, first: int, last: int) -> int:
    """The frame's last token without its copula (貢献していく考え|です), cut at the frame noun (考えでございます)."""
    words = trigger_words()
    while (
        last > first
        and view.tokens[last].lemma in words.trailing_copulas
        and (view.tokens[last - 1].lemma in lex.pledge_nouns or view.tokens[last - 1].lemma in words.copula_links)
    ):
        last -= 1
    return next((k for k in range(first + 1, last + 1) if view.tokens[k].lemma in lex.pledge_nouns), last)


def _speech_act_object(view: SentenceView, root: int) -> bool:
    """Whether the frame's verb is a light verb on a speech act (お答えを | してまいります)."""
    words = trigger_words()
    verb_b = view.token_bunsetu[_verb_start(view, root)]
    if view.tokens[view.content_tokens(verb_b)[0]].lemma not in words.suru_verbs:
        return False
    for a in view.children.get(verb_b, ()):
        if view.particles(a).endswith(words.object_particle):
            noun = "".join(view.token_text(k) for k in view.content_tokens(a))
            if noun.endswith(words.session_speech_acts):
                return True
    return False


def _speech_act_wish(view: SentenceView, lex: Lexicon, first: int, target: int) -> bool:
    """A wish that is a speech act of the session or a request to the audience, not an intent.

    申し上げたい, お願いしたい, 敬意を表したい (speech acts, attitudes); 御覧いただきたい, 御理解を
    賜りたい, 対処してもらいたい (someone else is to act); 説明させていただきたい (the humble form
    of a speech act); 検討させていただきたい stays an intent.
    """
    words = trigger_words()
    toks = [k for k in range(first, view.bunsetu[target].last + 1)]
    lemmas = [view.tokens[k].lemma for k in toks]
    if not lemmas:
        return False
    humble = next((k for k, x in zip(toks, lemmas, strict=True) if x in words.causatives), -1)
    if humble >= 0:
        main = _humbled_act(view, humble)
        return main in lex.plain_non_acts or main in lex.non_acts
    verbs = [lemma for lemma in lemmas if lemma not in words.suru_verbs and lemma not in words.verb_glue]
    main = verbs[0] if verbs else lemmas[0]
    if main in lex.plain_non_acts or main in lex.non_acts or main in words.humble_receiving:
        return True
    return any(x in words.benefactives for x in lemmas)


def _humbled_act(view: SentenceView, humble: int) -> str:
    """説明させていただきたい / 御説明をさせていただきたい: the act is the verb or the object noun before させ."""
    suru = trigger_words().suru_verbs
    humble_b = view.token_bunsetu[humble]
    before = [k for k in range(view.bunsetu[humble_b].first, humble) if view.tokens[k].lemma not in suru]
    if not before and humble_b > 0:
        prev = humble_b - 1
        before = view.content_tokens(prev) if view.particles(prev).endswith(trigger_words().object_particle) else []
    acts = [view.tokens[k].lemma for k in before if view.tokens[k].lemma not in suru]
    return acts[-1] if acts else ""


def _non_act_verb(view: SentenceView, lex: Lexicon, i: int) -> bool:
    """Whether the verb before token ``i`` is an evaluation or attitude (強調する考え, 期待していく)."""
    words = trigger_words()
    skipped = words.frame_words | words.suru_verbs
    j = i - 1
    while j >= view.first:
        tok = view.tokens[j]
        if tok.pos == "PUNCT":
            return False
        if tok.lemma not in skipped and tok.lemma not in lex.pledge_aux and tok.lemma not in lex.pledge_nouns:
            return tok.lemma in lex.non_volitional or tok.lemma in lex.plain_non_acts
        j -= 1
    return False


def _verb_start(view: SentenceView, b: int) -> int:
    """First token of the predicate ending in bunsetu ``b``: 強化して|いきます, 貢献していく|考えです."""
    first = view.bunsetu[b].first
    auxiliary_head = view.tokens[first].lemma in trigger_words().frame_auxiliary_heads
    # GiNZA sometimes leaves the verb before 考え a root of its own (求めていく | 考えです)
    if auxiliary_head and b > 0 and (view.bunsetu[b - 1].head == b or view.bunsetu[b - 1].head < 0):
        return view.bunsetu[b - 1].first
    return first
