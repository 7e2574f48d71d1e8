"""Trigger predicates of commitments in one sentence, over GiNZA's bunsetu and dependencies.

Four constructions (the lexicon is ``data/triggers.json``):

- **predicates**: a verbal noun used as a predicate (合意された, 一致した, 確認し合い, 再確認を行った,
  検証・確認を完了し, 合意に至った, 意見の一致をみた, コミットメントを再確認、) or a verb (求めた,
  定めた, 申し入れた); some need a given object (認識を共有, コミットメントが示され, 意図を表明);
- **decisions**: 〜こととする / こととし / ことといたしました / ことにした;
- **reports**: 〜旨述べた / 旨発言があった / 旨伝えた / ことを説明した, typed by the reported clause:
  〜ていく / 〜てまいる / a plain action verb → pledge, 〜たい / 意向 → intent, anything else (an
  evaluation such as 重要である旨述べた) → no commitment;
- **quoted reports**: 〜していきたいと述べた (intent) / 〜していくと表明した (pledge), typed like the
  旨 reports;
- **first person**: a sentence-final 〜していきます / 〜してまいります / 〜していく考えです (pledge) or
  〜していきたいと考えております (intent), when the author speaks for a party; also a policy statement
  in the plain polite form (〜を強化します, 〜に取り組みます: ``plain_polite_pledge``), the same frames
  in mid-sentence (〜していく考えであり、, 我が国については…堅持していくことから、), and every
  predicate coordinated with one of these (…を強化するとともに / …を実施しつつ / …を強化し、 → a
  record of its own: a pledge, an intent under an intent), except means, manner, attention and
  basis (日米で協力し、, 知見を生かし、, 情勢を注視しつつ、, 戦略を指針としつつ: ``means_verbs``;
  協力する/連携するとともに is an act: ``cooperation_verbs``). A frame whose verb asks something
  (…よう強く求めていく考え) is a request; one whose verb is no act only carries its coordinated
  predicates (``seed_only``); a concessive GiNZA root (…ところですが、) is not the sentence end;
- **received requests**: 要請 + を/に + 受ける/応じる/基づく (…の譲渡要請を受け): a request recalled,
  the sender's (``received``);
- **realized acts**: 策定 (decision) and 打ち出す (agreement, with a joint venue in its clause) only
  when past (``past_only``), 策定 only in a main clause (``main_only``).

Not triggers (the must-not-extract rules): negated or questioned predicates (合意には至っていない,
合意したのか), hypotheticals and purposes (一致すれば, 確認するため, 求めるべき), the passive of
求める (求められる: 'is required'), facts the speaker evaluates (…確認されたものと受け止めて
おります), claims (…要請を受けたとの指摘), wishes that are speech acts or ask the audience
(申し上げたい, 御覧いただきたい), 確認 as a fact check (確認したところ, Xに確認した, 確認中),
predicates feeding an evaluation or plan noun (確認する必要, 要請する予定), the bare nouns (日米合意,
合意に基づいて, 決定事項), and everything outside the lexicon: holding meetings (開催, 会談を行う),
exchanging views (意見交換), thanks (謝意), evaluations (重要である, 不可欠), 歓迎, 強調.

確認 needs a joint setting (``needs_joint``): the rule applying that is in ``__init__``: a 確認 by
two parties, or in a reported meeting or statement, is a confirmation; 確認できた/確認された about a
fact outside such a setting is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.commitments.lexicon import Lexicon, PredicateEntry
from pipeline.commitments.syntax import SentenceView
from pipeline.schema import CommitmentType

SURU = frozenset({"する", "為る", "いたす", "致す", "できる", "出来る"})
NEGATION = frozenset({"ない", "ぬ", "ず", "無い"})
# predicates feeding these nouns are plans, needs or purposes, not acts
NON_ACT_HEADS = frozenset(
    {
        "必要",
        "予定",
        "ため",
        "為",
        "よう",
        "様",
        "べき",
        "方向",
        "可能性",
        "必要性",
        "ところ",
        "所",
        "場合",
        "際",
        "かどうか",
        "どうか",
        "ように",
        "中",
        "意味",
        "用意",
    }
)
# …強い意思が改めて確認されたものと受け止めております: the speaker's reading of a fact, not an act
EVALUATING_VERBS = frozenset(
    {"受け止める", "考える", "思う", "認識", "評価", "理解", "感じる", "見る", "捉える", "とらえる"}
)
CONDITIONAL = frozenset({"ば", "たら", "なら", "ならば", "べき", "べく", "か", "かどうか", "よう", "ため", "ところ"})
STATIVE = frozenset(
    {
        "ある",
        "有る",
        "いる",
        "居る",
        "おる",
        "なる",
        "成る",
        "できる",
        "出来る",
        "思う",
        "考える",
        "存ずる",
        "存じる",
        "見る",
        "だ",
        "です",
        "含む",
        "含まれる",
        "言う",
        "いう",
    }
)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence.

    ``first``/``last`` are the document token indices of the trigger surface; ``pred`` the
    bunsetu that governs the clause (the light verb's bunsetu for 再確認を行った); ``content`` the
    bunsetu heading what is committed to (…ことで, …旨, …を), or -1.
    """

    first: int
    last: int
    lemma: str
    type: CommitmentType
    pred: int
    content: int
    kind: str  # predicate | decision | report | first_person
    needs_joint: bool = False
    negative: bool = False
    # a volitional frame whose own verb is no act (…を取り上げ、…の重要性を強調する考えです): it
    # only carries the predicates coordinated into it and is never a record itself
    seed_only: bool = False
    # a request recalled as received (…の譲渡要請を受け, 米国からの要請に応じ): the requester's act
    received: bool = False


def find_triggers(view: SentenceView, lex: Lexicon, *, first_person: bool = False) -> list[TriggerMatch]:
    """Triggers of one sentence, in text order, with the disqualified ones already dropped."""
    found: list[TriggerMatch] = []
    for b in range(len(view.bunsetu)):
        for i in view.token_range(b):
            tok = view.tokens[i]
            entry = lex.predicates.get(tok.lemma)
            if entry is not None:
                match = _predicate(view, lex, b, i, entry)
                if match is not None:
                    found.append(match)
            elif tok.lemma in ("こと", "事"):
                match = _decision(view, lex, b, i)
                if match is not None:
                    found.append(match)
            if tok.lemma in lex.report_nouns or tok.lemma in ("こと", "事"):
                match = _report(view, lex, b, i)
                if match is not None:
                    found.append(match)
            elif view.token_text(i) == "と" and tok.pos == "ADP":
                match = _quoted_report(view, lex, b, i)
                if match is not None:
                    found.append(match)
    if first_person:
        for match in _first_person_frames(view, lex):
            if not match.seed_only and not any(_overlaps(match, f) for f in found):
                found.append(match)
            # the frame carries its coordinated predicates even when a lexicon trigger holds its
            # verb (…を実施しつつ、…するよう強く求めていく考えであり: 求める is the request)
            found.extend(m for m in _coordinated_pledges(view, lex, match) if not any(_overlaps(m, f) for f in found))
    found = _dedupe(found)
    out = []
    for m in found:
        if m.type is CommitmentType.AGREEMENT and m.kind == "predicate" and _negated(view, m):
            # 合意には至っていない: reported with negative polarity (gold adjudication rule)
            m = replace(m, negative=True)
            if not _disqualified(view, lex, m, negation_checked=True):
                out.append(m)
        elif not _disqualified(view, lex, m):
            out.append(m)
    return out


def _negated(view: SentenceView, m: TriggerMatch) -> bool:
    pred = view.bunsetu[m.pred]
    tail = range(m.last + 1, pred.last + 1)
    return any(view.tokens[k].lemma in NEGATION for k in tail) or _negated_after(view, pred.last)


def _overlaps(a: TriggerMatch, b: TriggerMatch) -> bool:
    return a.first <= b.last and b.first <= a.last


def _dedupe(found: list[TriggerMatch]) -> list[TriggerMatch]:
    """One trigger per predicate: 再確認 wins over the 確認 inside it, a report over its こと."""
    out: list[TriggerMatch] = []
    for m in sorted(found, key=lambda m: (m.first, -(m.last - m.first))):
        clash = next((o for o in out if _overlaps(o, m) or (o.pred == m.pred and o.kind == m.kind)), None)
        if clash is None:
            out.append(m)
    return out


def _next_tokens(view: SentenceView, i: int, n: int = 4) -> list[int]:
    return [j for j in range(i + 1, min(view.last, i + n) + 1)]


def _predicate(view: SentenceView, lex: Lexicon, b: int, i: int, entry: PredicateEntry) -> TriggerMatch | None:
    tok = view.tokens[i]
    pred = -1
    if entry.form == "verb":
        if tok.pos != "VERB":
            return None
        pred = b
    else:
        after = _next_tokens(view, i, 3)
        nxt = view.tokens[after[0]] if after else None
        text_next = view.token_text(after[0]) if after else ""
        if nxt is not None and nxt.lemma in SURU and nxt.pos in ("AUX", "VERB"):
            pred = b  # 合意する, 一致した, 確認し合い, 確認できた
        elif (
            nxt is not None
            and view.token_bunsetu.get(after[0]) == b
            and nxt.pos == "ADP"
            and text_next in ("を", "に", "が", "の", "も")
        ):
            head = view.bunsetu[b].head
            # the light verb must be a predicate: 合意の着実な実施を求める has 合意 as a noun
            if head >= 0 and entry.light and view.is_predicate(head) and _light_verb(view, lex, head):
                pred = head  # 再確認を行った, 合意に至った, 一致をみた, 要請があった
            elif (
                head >= 0
                and entry.type is CommitmentType.REQUEST
                and text_next in ("を", "に")
                and view.tokens[view.content_tokens(head)[0]].lemma in RECEIVING_VERBS
            ):
                # …弾薬の譲渡要請を受け, 米国からの要請に応じ: a request recalled as received
                match = _predicate_match(view, lex, entry, b, i, head)
                return replace(match, received=True) if match is not None else None
        elif (
            (nxt is None or text_next in ("、", "，"))
            and i == view.content_tokens(b)[-1]
            and any(view.particles(c).endswith("を") for c in view.children.get(b, ()))
        ):
            pred = b  # 連用中止 noun with an object of its own: コミットメントを再確認、…
        if pred < 0 and tok.pos == "VERB":
            pred = b
    return _predicate_match(view, lex, entry, b, i, pred)


# verbs of receiving or answering a request (…要請を受け, 要請に応じ, 要請に基づき)
RECEIVING_VERBS = frozenset({"受ける", "応じる", "応ずる", "応える", "基づく"})


def _predicate_match(
    view: SentenceView, lex: Lexicon, entry: PredicateEntry, b: int, i: int, pred: int
) -> TriggerMatch | None:
    """The match of trigger token ``i`` (bunsetu ``b``) governed by bunsetu ``pred``."""
    if pred < 0:
        return None
    if entry.past_only and not _realized(view, pred, main_only=entry.main_only):
        return None
    found_object = _has_object(view, b, pred, entry.objects) if entry.objects else ""
    if entry.objects and not found_object:
        return None
    ctype = dict(entry.object_types).get(found_object, entry.type)
    if entry.reaffirm_adverbs and _has_adverb(view, b, pred, entry.reaffirm_adverbs):
        ctype = CommitmentType.REAFFIRMATION
    first = i
    lemma = entry.lemma
    # 再 + 確認 (Sudachi splits the prefix): a reaffirmation
    if i > view.first and view.token_text(i - 1) == "再" and entry.lemma == "確認":
        first, lemma, ctype = i - 1, "再確認", CommitmentType.REAFFIRMATION
    # 検証・確認: keep the coordinated verbal noun in the trigger surface
    if first == i and first - 2 >= view.bunsetu[b].first and view.token_text(first - 1) in ("・", "･"):
        first = first - 2
    content = _content_argument(view, pred, b)
    last = _widen_last(view, i, pred)
    if entry.form == "verb" and found_object and entry.include_object:
        # コミットメントが(繰り返し)示され / 姿勢を力強く示す / 決意を述べ: the fixed expression
        obj_first = _object_token(view, pred, found_object)
        if obj_first is not None and obj_first < first:
            first = obj_first
    return TriggerMatch(
        first=first,
        last=last,
        lemma=lemma,
        type=ctype,
        pred=pred,
        content=content,
        kind="predicate",
        needs_joint=entry.needs_joint,
    )


def _realized(view: SentenceView, pred: int, *, main_only: bool) -> bool:
    """Whether the predicate ``pred`` reports a past act (in a main clause, with ``main_only``).

    Past itself (策定した, 策定いたしました), or coordinated (…とともに、 / 連用形、) into a past
    predicate (…を策定するとともに、…を決定しました); with ``main_only`` never a clause on a noun
    (策定した戦略).
    """
    cur = pred
    for _ in range(6):
        bun = view.bunsetu[cur]
        lemmas = [view.tokens[k].lemma for k in view.token_range(cur)]
        on_noun = bun.dep == "acl" and bun.head >= 0
        if main_only and on_noun and view.tokens[view.content_tokens(bun.head)[0]].pos != "VERB":
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in ("ところ", "所", "ほか", "他", "後", "上", "うえ"):
                return False
        if "た" in lemmas:
            return True
        text = view.bunsetu_text(cur)
        if bun.head < 0 or not re.search(r"(?:とともに|[^てで])[、，]$", text):
            return False
        cur = bun.head
    return False


def _widen_last(view: SentenceView, i: int, pred: int) -> int:
    """Extend a trigger over 〜し合い, 〜を完了, and a passive れ (示され), as the gold spans do."""
    last = i
    nxt = [j for j in range(i + 1, min(view.last, i + 3) + 1)]
    texts = [view.token_text(j) for j in nxt]
    lemmas = [view.tokens[j].lemma for j in nxt]
    if len(nxt) >= 2 and lemmas[0] == "する" and lemmas[1] == "合う":
        return nxt[1]  # 確認し合い
    if len(nxt) >= 2 and texts[0] == "を" and lemmas[1] == "完了":
        return nxt[1]  # 検証・確認を完了
    if nxt and view.tokens[i].pos == "VERB" and lemmas[0] in ("れる", "られる"):
        return nxt[0]  # 示され
    if view.tokens[i].lemma in REQUEST_VERBS and nxt:
        # 求めていく / 求めてまいります / 求めます: a request made in the speech, with its auxiliary
        if len(nxt) >= 2 and texts[0] == "て" and lemmas[1] in ("いく", "行く", "まいる", "参る"):
            return nxt[1] + 1 if nxt[1] + 1 <= view.last and view.token_text(nxt[1] + 1) == "ます" else nxt[1]
        if texts[0] == "ます" and (len(nxt) < 2 or view.tokens[nxt[1]].pos == "PUNCT"):
            return nxt[0]
    del pred
    return last


# verbs of asking whose speech-act forms (求めていく, 求めます) are trigger spans of their own
REQUEST_VERBS = frozenset({"求める", "呼びかける", "申し入れる"})


def _object_token(view: SentenceView, pred: int, word: str) -> int | None:
    """First token of the argument bunsetu of ``pred`` that starts ``word`` (コミットメント, 姿勢)."""
    for c in sorted(view.children.get(pred, ())):
        for k in view.token_range(c):
            surface = view.token_text(k)
            if surface and (word.startswith(surface) or surface.startswith(word)):
                return k
    return None


def _light_verb(view: SentenceView, lex: Lexicon, b: int) -> bool:
    content = view.content_tokens(b)
    return any(view.tokens[i].lemma in lex.light_verbs for i in content[:2])


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
    best = -1
    kids = sorted(view.children.get(pred, ()))
    # a が/も subject is the content of a passive or intransitive predicate (…ことが確認され); next
    # to a を object it is the agent (…の停止を国際社会が求める)
    has_object = any(view.particles(c).endswith("を") for c in kids if c != trigger_b)
    for c in kids:
        if c == trigger_b:
            continue
        particles = view.particles(c)
        dep = view.bunsetu[c].dep
        subject = particles.endswith(("が", "も")) and dep == "nsubj" and not _names_party(view, c)
        if (
            particles.endswith(("を", "でも", "で", "とも", "との", "について", "についても"))
            or dep in ("obj", "ccomp")
            or (subject and not has_object)
        ):
            best = c
    if best < 0 and trigger_b != pred:
        # 戦略目標の見直しおよび再確認を行った: the verbal noun's の-modifier
        for c in sorted(view.children.get(trigger_b, ())):
            if view.particles(c).endswith("の"):
                best = c
    return best


def _names_party(view: SentenceView, b: int) -> bool:
    from pipeline.commitments.parties import country_codes

    text = view.bunsetu_text(b)
    return bool(country_codes(text)) or any(w in text for w in ("首脳", "大臣", "長官", "両国", "側"))


def _decision(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """〜こととする / こととし / ことといたしました / ことにした."""
    after = [j for j in range(i + 1, min(view.last, i + 4) + 1)]
    if len(after) < 2:
        return None
    particle = view.token_text(after[0])
    if particle not in ("と", "に"):
        return None
    light = view.tokens[after[1]]
    if light.lemma not in lex.decision_light:
        return None
    # こととされている: a rule provides it, nobody decides here
    if any(view.tokens[j].lemma in ("れる", "られる") for j in after[2:4]):
        return None
    pred = view.token_bunsetu[after[1]]
    content = b if b != pred else -1
    if content < 0:
        kids = [c for c in view.children.get(pred, ()) if c < pred]
        content = max(kids) if kids else -1
    return TriggerMatch(
        first=i,
        last=after[1],
        lemma="こととする",
        type=CommitmentType.DECISION,
        pred=pred,
        content=content,
        kind="decision",
    )


def _report(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """〜旨述べた / 旨発言があった / ことを伝えた, typed by the reported clause."""
    tok = view.tokens[i]
    nxt = _next_tokens(view, i, 2)
    particle = view.token_text(nxt[0]) if nxt and view.token_bunsetu.get(nxt[0]) == b else ""
    if tok.lemma in ("こと", "事") and particle != "を":
        return None
    verb_b = view.bunsetu[b].head
    verb_tok = -1
    # 旨述べた can be one bunsetu (旨 + 述べ) or two (旨を | 述べた)
    for j in range(i + 1, min(view.last, i + 4) + 1):
        # お伝えをしました: the noun form of the report verb (伝え, 説明) with a light verb
        if view.tokens[j].lemma in lex.report_verbs or _report_noun(view.token_text(j), lex):
            verb_tok = j
            break
        if view.token_bunsetu[j] not in (b, verb_b):
            break
    if verb_tok < 0:
        return None
    verb = view.tokens[verb_tok].lemma
    if verb not in lex.report_verbs:
        verb = _report_noun(view.token_text(verb_tok), lex) or verb
    if tok.lemma in ("こと", "事") and verb not in ("伝える", "説明", "表明", "述べる", "約束"):
        return None
    ctype = classify_volition(view, lex, i)
    if ctype is None and tok.lemma in ("旨",) and _restates(view, lex, b, i):
        ctype = CommitmentType.REAFFIRMATION
    if ctype is None:
        return None
    # 〜する意向を示した / 〜する考えを伝えた: the noun itself says intent or pledge
    if tok.lemma in lex.intent_nouns and ctype is CommitmentType.PLEDGE:
        ctype = CommitmentType.INTENT
    if verb == "説明" and tok.lemma in ("こと", "事") and ctype is not CommitmentType.PLEDGE:
        return None
    # the trigger runs from the reported predicate to the report verb: 強化していく旨発言
    pred_clause = _reported_predicate(view, i)
    first = view.bunsetu[pred_clause].first if pred_clause >= 0 else i
    pred = view.token_bunsetu[verb_tok]
    # 旨発言が | あった: the clause is governed by the light verb
    if (
        view.bunsetu[pred].head >= 0
        and _light_verb(view, lex, view.bunsetu[pred].head)
        and view.particles(pred) in ("が", "も", "は", "を")
    ):
        pred = view.bunsetu[pred].head
    return TriggerMatch(
        first=first,
        last=verb_tok,
        lemma=verb,
        type=ctype,
        pred=pred,
        content=pred_clause if pred_clause >= 0 else b,
        kind="report",
    )


def _quoted_report(view: SentenceView, lex: Lexicon, b: int, i: int) -> TriggerMatch | None:
    """〜していきたいと述べた / 〜していくと表明した: a quoted clause before a report verb.

    Typed like 〜旨述べた by the quoted predicate (classify_volition); the quotative と must close
    the bunsetu and the report verb head the next one.
    """
    if i != view.bunsetu[b].last and not (
        i + 1 == view.bunsetu[b].last and view.token_text(i + 1) in ("、", "，", "も", "は")
    ):
        return None
    verb_b = view.bunsetu[b].head
    if verb_b < 0:
        return None
    verb_tok = next(
        (
            j
            for j in view.content_tokens(verb_b)
            if view.tokens[j].lemma in lex.report_verbs or _report_noun(view.token_text(j), lex)
        ),
        -1,
    )
    if verb_tok < 0 or verb_tok != view.content_tokens(verb_b)[0]:
        return None
    verb = view.tokens[verb_tok].lemma
    if verb not in lex.report_verbs:
        verb = _report_noun(view.token_text(verb_tok), lex) or verb
    # 〜たいと説明した is an explanation of a wish; only statements of one's course count
    if verb in ("説明", "主張"):
        return None
    ctype = classify_volition(view, lex, i)
    if ctype is None:
        return None
    pred_clause = b
    return TriggerMatch(
        first=_clause_verb_start(view, pred_clause),
        last=verb_tok,
        lemma=verb,
        type=ctype,
        pred=verb_b,
        content=pred_clause,
        kind="report",
    )


def _clause_verb_start(view: SentenceView, b: int) -> int:
    """First token of the verb phrase ending in bunsetu ``b`` (力を|合わせていきたいと → 合わせ)."""
    return view.content_tokens(b)[0] if view.content_tokens(b) else view.bunsetu[b].first


def _restates(view: SentenceView, lex: Lexicon, b: int, i: int) -> bool:
    """Whether the clause before 旨 restates a standing policy or treaty commitment."""
    # GiNZA often hangs the first half of the reported clause on the report verb: read the
    # sentence up to 旨
    del b
    clause = view.text[view.start : view.tokens[i].start]
    return any(cue in clause for cue in lex.reaffirm_cues)


def _report_noun(surface: str, lex: Lexicon) -> str:
    """The report verb a noun form stands for (伝え → 伝える), or ""."""
    for verb in lex.report_verbs:
        stem = verb[:-1] if verb.endswith("る") else verb
        if surface == stem and len(stem) >= 2:
            return verb
    return ""


def _reported_predicate(view: SentenceView, i: int) -> int:
    """The bunsetu of the reported clause's last predicate, just before 旨/こと."""
    b = view.token_bunsetu[i]
    if view.bunsetu[b].first < i:
        return b
    return b - 1 if b > 0 else -1


def classify_volition(view: SentenceView, lex: Lexicon, i: int) -> CommitmentType | None:
    """Pledge, intent or nothing, from the predicate just before token ``i`` (旨, こと, 。).

    〜していく / 〜してまいる / 〜し続ける → pledge; 〜したい, 〜する意向 → intent; a plain
    non-past action verb (〜措置を取る旨) → pledge; states, evaluations, negations → None.
    """
    j = i - 1
    lemmas: list[str] = []
    surfaces: list[str] = []
    # walk back over the predicate's auxiliaries to its main verb
    while j >= view.first:
        t = view.tokens[j]
        surf = view.token_text(j)
        if t.pos == "PUNCT" or surf in ("、", "。"):
            break
        lemmas.append(t.lemma)
        surfaces.append(surf)
        if (
            t.pos in ("VERB", "NOUN", "ADJ", "PROPN")
            and t.lemma not in lex.pledge_aux
            and t.lemma
            not in (
                "いる",
                "居る",
                "おる",
                "する",
                "為る",
                "いたす",
                "致す",
                "ある",
                "考え",
                "思う",
                "存ずる",
                "所存",
                "決意",
                "意向",
                "意図",
                "方針",
                "つもり",
                "だ",
                "です",
                "もの",
            )
            and not (t.lemma in lex.pledge_nouns or t.lemma in lex.intent_nouns)
        ):
            break
        j -= 1
    if not lemmas:
        return None
    main = lemmas[-1]
    if any(x in NEGATION for x in lemmas) or main in lex.non_acts or main in lex.non_volitional:
        return None
    if any(x in ("れる", "られる") for x in lemmas):
        return None  # 送られてまいります: nobody binds themselves to a passive
    if any(x in ("もらう", "貰う", "いただく", "頂く", "くれる", "下さる", "くださる") for x in lemmas):
        return None  # 〜を担ってもらいたい: a wish about someone else's action (a request, if any)
    if any(x in lex.intent_aux for x in lemmas) or any(x in lex.intent_nouns for x in lemmas):
        return CommitmentType.INTENT
    pledge_aux = False
    for k, lem in enumerate(lemmas):
        # て + いく/まいる: lemmas are reversed, so the て is the next element
        if lem in lex.pledge_aux and k + 1 < len(lemmas) and (lemmas[k + 1] in ("て", "で") or lem == "続ける"):
            pledge_aux = True
    if pledge_aux:
        return CommitmentType.PLEDGE
    if any(x in lex.pledge_nouns for x in lemmas) and not any(x in ("いる", "居る", "おる") for x in lemmas):
        return CommitmentType.PLEDGE
    # a plain non-past action verb: 〜措置を取る旨, 〜を派遣することを伝えた
    t_main = view.tokens[j] if j >= view.first else None
    verbal_noun = t_main is not None and t_main.pos == "NOUN" and len(lemmas) >= 2 and lemmas[-2] in SURU
    if (
        t_main is not None
        and (t_main.pos == "VERB" or verbal_noun)
        and main not in STATIVE
        and not any(x in ("た", "いる", "居る", "おる", "れる", "られる", "ている", "だ", "です") for x in lemmas[:-1])
        and "連体形" in (view.tokens[i - 1].inflection or "") + "連体形"
    ):
        return CommitmentType.PLEDGE
    return None


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


def _first_person_frames(view: SentenceView, lex: Lexicon) -> list[TriggerMatch]:
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
    for b in range(len(view.bunsetu)):
        if b == root or b == 0:
            continue
        end = _continued_frame_end(view, lex, b)
        if end < 0:
            continue
        match = _first_person(view, lex, b, end, final=False)
        if match is not None and not any(_overlaps(match, f) for f in frames):
            frames.append(match)
    return frames


# 考えであり、 / 所存でありまして、 / 方針ですが、: a pledge noun continued by a copula
CONTINUED_PLEDGE = re.compile(
    r"^(?:考え|所存|方針|決意|覚悟)(?:であり(?:まして)?|で|であります?が|ですが|でございますが)[、，]$"
)
FRAME_HEADS = ("考え", "所存", "方針", "決意", "覚悟", "こと", "事")
SPEAKER_TOPIC = re.compile(
    r"^(?:私|我々|われわれ|私ども|政府|日本政府|我が国|わが国|日本|防衛省|外務省)(?:としては|としても|については|は)[、，]?$"
)


def _continued_frame_end(view: SentenceView, lex: Lexicon, b: int) -> int:
    """The last token of a mid-sentence first-person frame headed by bunsetu ``b``, or -1."""
    text = view.bunsetu_text(b)
    if not text.startswith(FRAME_HEADS):
        return -1
    prev = b - 1
    if view.bunsetu[prev].head != b or not view.is_predicate(prev):
        return -1
    if CONTINUED_PLEDGE.match(text):
        # 〜していく考えであり、 / 〜する所存であり、: a volitional frame (ていく/てまいる, or a noun
        # of resolve); 〜というような考えで、 / 〜しないという方針であり、 describe a view
        noun = view.tokens[view.content_tokens(b)[0]].lemma
        described = view.bunsetu_text(prev).endswith(("という", "といった", "ような"))
        resolve = noun in ("所存", "決意", "覚悟") and not described
        if resolve or _pledge_aux(view, lex, prev):
            return view.content_tokens(b)[0]  # the pledge noun closes the frame
        return -1
    # 我が国については、非核三原則を堅持していくことから、: the pledge aux before ことから
    content = view.content_tokens(b)
    if (
        content
        and view.tokens[content[0]].lemma in ("こと", "事")
        and view.particles(b) == "から"
        and _pledge_aux(view, lex, prev)
        and any(SPEAKER_TOPIC.match(view.bunsetu_text(c)) for c in range(prev))
    ):
        return view.bunsetu[prev].last
    return -1


def _first_person(view: SentenceView, lex: Lexicon, root: int, end: int, *, final: bool) -> TriggerMatch | None:
    """A first-person frame ending at token ``end`` of bunsetu ``root``.

    Sentence-final: 〜していきます / 〜してまいります / 〜していく考えです / 〜したいと考えております /
    a plain polite policy statement; mid-sentence (``final`` false): 〜していく考えであり、 and
    〜していくことから、. A frame whose verb asks something of another party (…よう強く求めていく
    考え) is a request; one whose verb is no act (…の重要性を強調する考えです) only carries its
    coordinated predicates (``seed_only``).
    """
    surface = view.span_text(view.bunsetu[root].first, end)
    if final and (surface.endswith(("か", "ね", "よ")) or "？" in view.surface):
        return None
    # 〜していく考えで | ございます / 〜する所存で | あります: the pledge is the bunsetu before
    if (
        final
        and view.tokens[view.content_tokens(root)[0]].lemma in ("ござる", "ある", "有る", "だ", "です")
        and root > 0
        and view.bunsetu[root - 1].head == root
    ):
        root = root - 1
    # a past 〜してまいりました reports what was done, it binds nobody to anything
    if re.search(r"(?:まし|でし)た$|てきた$", surface) or surface.endswith("た"):
        return None
    target = root
    head_lemma = view.tokens[view.content_tokens(root)[0]].lemma
    seed_only = False
    if head_lemma in ("こと", "事") and not final:
        # …堅持していくことから: the frame is the verb before こと
        root = root - 1
        ctype: CommitmentType | None = classify_volition(view, lex, end + 1)
        if ctype is not CommitmentType.PLEDGE:
            return None
        first = _verb_start(view, root)
        last = end
    elif head_lemma in ("こと", "事", "の", "わけ", "訳", "もの", "物", "ところ"):
        return None  # 〜ということでございます: an explanation, not an undertaking
    elif head_lemma in ("考える", "思う", "存ずる"):
        # 〜したいと考えております / 〜していきたいと思います: the intent is in the と-clause
        quoted = [c for c in view.children.get(root, ()) if view.particles(c).endswith("と")]
        if not quoted:
            # 〜したいというふうに考えております: the Diet's hedge puts ふうに between the clause and the verb
            quoted = [
                g
                for c in view.children.get(root, ())
                if view.bunsetu_text(c) in ("ふうに", "風に")
                for g in view.children.get(c, ())
                if view.bunsetu_text(g).endswith("という")
            ]
        if not quoted:
            return None
        target = max(quoted)
        lemmas = [view.tokens[k].lemma for k in view.token_range(target)]
        if any(x in NEGATION for x in lemmas):
            return None  # 応えていかなければならないと考えます: an obligation, not an undertaking
        if any(x in lex.intent_aux for x in lemmas):
            if _speech_act_wish(view, lex, _verb_start(view, target), target):
                return None
            ctype = CommitmentType.INTENT
        elif _pledge_aux(view, lex, target):
            ctype = CommitmentType.PLEDGE
        else:
            return None
        first = _verb_start(view, target)
        # 努めてまいりたい|と考えております: the intent ends at たい (gold trigger spans)
        last = next((k for k in view.token_range(target) if view.tokens[k].lemma in lex.intent_aux), end)
    else:
        if head_lemma in lex.non_acts or (head_lemma in STATIVE and head_lemma not in lex.pledge_aux):
            return None
        if _speech_act_object(view, lex, root):
            return None  # 御質問にお答えをしてまいります: the session's own business
        ctype = classify_volition(view, lex, end + 1)
        frame = _pledge_aux(view, lex, root) or (root > 0 and _pledge_aux(view, lex, root - 1))
        if ctype is None:
            # …を取り上げ、…の重要性を強調する考えです: no act itself, but a frame for what is
            # coordinated into it
            if not frame or not _non_act_verb(view, lex, end + 1):
                return None
            ctype, seed_only = CommitmentType.PLEDGE, True
        # 〜ていく/〜てまいる, or a policy statement in the plain polite form (〜を強化します,
        # 〜に取り組みます: gold rules); a plain 〜ます of an opinion, a speech act of the session
        # or a description (と考えます, 申し上げます, 〜になります) is none
        plain = final and (plain_polite_pledge(view, lex, root, end) or plain_form_pledge(view, lex, root, end))
        if ctype is CommitmentType.PLEDGE and not frame and not plain:
            return None
        first = _verb_start(view, root)
        last = end
    # 貢献していく考え|です: the copula is not part of the pledge
    while (
        last > first
        and view.tokens[last].lemma in ("だ", "です", "である", "ある", "ござる", "ます")
        and (
            view.tokens[last - 1].lemma in lex.pledge_nouns
            or view.tokens[last - 1].lemma in ("で", "だ", "あり", "ある")
        )
    ):
        last -= 1
    # 考えでございます / 所存であります: cut at the pledge noun
    for k in range(first, last + 1):
        if view.tokens[k].lemma in lex.pledge_nouns and k > first:
            last = k
            break
    content_start = view.subtree_span(view.token_bunsetu[first])[0]
    if ctype is None:
        return None
    # …よう強く求めていく考え: the frame asks something of another party (a request)
    verb = lex.predicates.get(view.tokens[first].lemma)
    if verb is not None and verb.type is CommitmentType.REQUEST and ctype is CommitmentType.PLEDGE:
        ctype = CommitmentType.REQUEST
    return TriggerMatch(
        first=first,
        last=last,
        lemma=view.tokens[first].lemma,
        type=ctype,
        pred=root,
        content=view.token_bunsetu[first] if content_start < view.token_bunsetu[first] else -1,
        kind="first_person",
        seed_only=seed_only,
    )


def _speech_act_object(view: SentenceView, lex: Lexicon, root: int) -> bool:
    """Whether the frame's verb is a light verb on a speech act (お答えを | してまいります)."""
    verb_b = view.token_bunsetu[_verb_start(view, root)]
    if view.tokens[view.content_tokens(verb_b)[0]].lemma not in SURU:
        return False
    for a in view.children.get(verb_b, ()):
        if view.particles(a).endswith("を"):
            noun = view.content_tokens(a)
            words = "".join(view.token_text(k) for k in noun)
            if words.endswith(("答え", "答弁", "報告")):
                return True
    return False


BENEFACTIVES = frozenset({"いただく", "頂く", "賜る", "もらう", "貰う", "くださる", "下さる"})


def _speech_act_wish(view: SentenceView, lex: Lexicon, first: int, target: int) -> bool:
    """A wish that is a speech act of the session or a request to the audience, not an intent.

    申し上げたい, お願いしたい, 敬意を表したい (speech acts, attitudes); 御覧いただきたい, 御理解を
    賜りたい, 対処してもらいたい (someone else is to act); 説明させていただきたい (the humble form
    of a speech act); 検討させていただきたい stays an intent.
    """
    toks = [k for k in range(first, view.bunsetu[target].last + 1)]
    lemmas = [view.tokens[k].lemma for k in toks]
    if not lemmas:
        return False
    humble = next((k for k, x in zip(toks, lemmas, strict=True) if x in ("せる", "させる", "さす")), -1)
    if humble >= 0:
        # 説明させていただきたい / 御説明をさせていただきたい / 努力をさせていただきたい: the act
        # is the verb or the object noun before させ
        before = [
            k for k in range(view.bunsetu[view.token_bunsetu[humble]].first, humble) if view.tokens[k].lemma not in SURU
        ]
        if not before and view.token_bunsetu[humble] > 0:
            prev = view.token_bunsetu[humble] - 1
            before = view.content_tokens(prev) if view.particles(prev).endswith("を") else []
        acts = [view.tokens[k].lemma for k in before if view.tokens[k].lemma not in SURU]
        main = acts[-1] if acts else ""
        return main in lex.plain_non_acts or main in lex.non_acts
    verbs = [lemma for lemma in lemmas if lemma not in SURU and lemma not in ("て", "で", "たい")]
    main = verbs[0] if verbs else lemmas[0]
    if main in lex.plain_non_acts or main in lex.non_acts or main in ("賜る", "いただく", "頂く"):
        return True
    return any(x in BENEFACTIVES for x in lemmas)


def _non_act_verb(view: SentenceView, lex: Lexicon, i: int) -> bool:
    """Whether the verb before token ``i`` is an evaluation or attitude (強調する考え, 期待していく)."""
    frame_words = {"ある", "有る", "ござる", "だ", "です", "ます", "いる", "居る", "おる", "て", "で", *SURU}
    j = i - 1
    while j >= view.first:
        tok = view.tokens[j]
        if tok.pos == "PUNCT":
            return False
        if tok.lemma not in frame_words and tok.lemma not in lex.pledge_aux and tok.lemma not in lex.pledge_nouns:
            return tok.lemma in lex.non_volitional or tok.lemma in lex.plain_non_acts
        j -= 1
    return False


SPEAKER_SIDE = re.compile(r"私|我々|われわれ|私ども|政府|日本政府|我が国|わが国|日本|当省|本省")
NUMERAL = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万億兆]+")
CONDITION_CLAUSE = re.compile(r"(?:場合|とき|時|際|れば|たら|なら|ならば)(?:に|には|は|にも|でも)?[、，]?$")


def plain_polite_pledge(view: SentenceView, lex: Lexicon, root: int, end: int) -> bool:
    """Whether the sentence-final ``root`` is an undertaking in the plain polite form (〜します).

    The predicate is an action verb (or verbal noun + する) in the non-past polite 〜ます: not a
    speech act of the session, an opinion or a state (``plain_non_acts``, STATIVE); not passive;
    not under a condition (〜場合には…行います describes a procedure); and its subject, when one
    is written (は/が), is the speaker's side (日本が…果たします), never a thing or another party
    (この法律は…定めます, 北朝鮮は…強行します).
    """
    if view.token_text(end) != "ます":
        return False
    content = view.content_tokens(root)
    if not content:
        return False
    verb = view.tokens[content[0]]
    if verb.pos != "VERB" or verb.lemma in SURU or NUMERAL.fullmatch(view.token_text(content[0])):
        return False  # 問題でございます, 百億します, お答えします: no action verb heads the predicate
    lemmas = {view.tokens[k].lemma for k in range(content[0], end + 1)}
    if lemmas & {"ござる", "だ", "です", "である"}:
        return False
    if (
        verb.lemma in lex.plain_non_acts
        or verb.lemma in lex.non_acts
        or verb.lemma in lex.non_volitional
        or verb.lemma in STATIVE
        or lemmas & {"れる", "られる", "ない", "ぬ", "ず", "ある", "いる", "おる", "できる", "出来る"}
    ):
        return False
    for c in view.children.get(root, ()):
        text = view.bunsetu_text(c)
        if CONDITION_CLAUSE.search(text):
            return False
        particles = view.particles(c)
        subject = particles == "が" or (particles != "" and not particles.strip("は"))
        if subject and not _speaker_side(view, lex, c):
            return False
    return True


def plain_form_pledge(view: SentenceView, lex: Lexicon, root: int, end: int) -> bool:
    """A policy statement in the plain form under a speaker-side topic (防衛省としては、…に取り組む。).

    The sentence ends in the dictionary form of an action verb (gold rules: 〜としては、…取り組む。
    / …協力する。 are pledges); without a topic naming the speaker's side (政府としては, 我が国は) a
    plain sentence describes (この法律は…定める, 部隊は…展開する) and is none.
    """
    last = view.tokens[end]
    if last.lemma in ("ます", "だ", "です", "た") or last.pos not in ("VERB", "AUX"):
        return False
    if "終止形" not in (last.inflection or ""):
        return False
    content = view.content_tokens(root)
    if not content:
        return False
    verb = view.tokens[content[0]]
    if verb.pos not in ("VERB", "NOUN") or NUMERAL.fullmatch(view.token_text(content[0])):
        return False
    lemmas = {view.tokens[k].lemma for k in range(content[0], end + 1)}
    if (
        verb.lemma in lex.plain_non_acts
        or verb.lemma in lex.non_acts
        or verb.lemma in lex.non_volitional
        or verb.lemma in STATIVE
        or lemmas & {"れる", "られる", "ない", "ぬ", "ず", "ある", "いる", "おる", "できる", "出来る", "べし"}
    ):
        return False
    if any(CONDITION_CLAUSE.search(view.bunsetu_text(c)) for c in view.children.get(root, ())):
        return False
    return any(_speaker_topic(view, lex, b) for b in range(root))


def _speaker_topic(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """政府としては / 防衛省・自衛隊としても / 我が国は: a topic naming the speaker's side."""
    text = view.bunsetu_text(b)
    m = re.fullmatch(r"(.+?)(?:としては|としても|として|は)[、，]?", text)
    if m is None:
        return False
    words = m.group(1)
    if words in lex.self_words or SPEAKER_SIDE.fullmatch(words):
        return True
    parts = re.split(r"[・･及び]", words)
    return all(part.endswith(("省", "庁", "自衛隊", "政府")) for part in parts if part)


def _speaker_side(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """Whether a subject bunsetu names the speaker's side: 私, 我が国, 日本, 政府, 外務省."""
    from pipeline.commitments.parties import country_codes

    text = re.sub(r"(?:は|が)[、，]?$", "", view.bunsetu_text(b))
    if text in lex.self_words or SPEAKER_SIDE.fullmatch(text):
        return True
    codes = country_codes(text, lex)
    return codes == ("JP",) or (text.endswith(("省", "庁")) and not codes)


def _coordinated_pledges(view: SentenceView, lex: Lexicon, match: TriggerMatch) -> list[TriggerMatch]:
    """Predicates coordinated with a first-person pledge or intent, each a record of its own.

    〜に努めるとともに、…取り組んでまいります; 〜を強化し、…に貢献していきます; 〜を御説明していくと
    ともに、…努めてまいりたいと考えております (gold rules: each coordinated predicate is its own
    record, and shares the type of the predicate it is coordinated into). A 連用形 clause counts when
    it is an action verb with an argument of its own (…を強化し、, 主張を伝え、); means and manner
    (日米で協力し、, 知見を生かし、, …を踏まえ、), て-forms, purposes (〜すべく) and negations do not.
    """
    if match.type not in (CommitmentType.PLEDGE, CommitmentType.INTENT, CommitmentType.REQUEST):
        return []
    # coordinated into a request frame (…を実施しつつ、…求めていく), a predicate is the speaker's
    # own undertaking: a pledge
    ctype = CommitmentType.INTENT if match.type is CommitmentType.INTENT else CommitmentType.PLEDGE
    out: list[TriggerMatch] = []
    seen: set[int] = set()
    seeds = {match.pred, view.token_bunsetu[match.first]}
    todo = list(seeds)
    # the addressee of a request (北朝鮮に対し、 / 米側に): what follows it up to the request is
    # what the addressee is asked to do
    addressee = next(
        (
            b
            for b in range(len(view.bunsetu))
            if view.particles(b).startswith(("に対し", "に対する"))
            or (view.particles(b) == "に" and _names_party(view, b))
        ),
        len(view.bunsetu),
    )
    while todo:
        parent = todo.pop()
        if parent in seen:
            continue
        seen.add(parent)
        # a request's content may hold the addressee's own coordinated acts (北朝鮮に対し、…決議を
        # 履行するとともに、…行動を取るよう求めます): below a request only …つつ、 is the speaker's
        far = _clause_level_conjuncts(view, parent, seeds)
        candidates = [*view.children.get(parent, ()), *far]
        if match.type is CommitmentType.REQUEST:
            # after the addressee (北朝鮮に対し、…) or inside a request's content (…払うとともに…
            # とどめるよう申し入れ), only …つつ、 is the speaker's own act
            candidates = [
                c
                for c in candidates
                if view.bunsetu_text(c).rstrip("、，").endswith("つつ")
                or (c < addressee and not _inside_request_content(view, c, parent))
            ]
        for c in candidates:
            if c in seen or c >= parent or not view.is_predicate(c):
                continue
            span = _coordinated_verb(view, lex, c)
            if span is None:
                continue
            first, last = span
            if any(m.pred == c for m in out):
                continue
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


def _inside_request_content(view: SentenceView, c: int, parent: int) -> bool:
    """Whether ``c`` reaches ``parent`` through a request's content (…とどめるよう, …ことを)."""
    for anc in view.ancestors(c):
        if anc == parent:
            return False
        if re.search(r"(?:よう|ように|ことを)[、，]?$", view.bunsetu_text(anc)):
            return True
    return False


# clause endings that scope over the main predicate whatever GiNZA attached them to
CLAUSE_LEVEL_END = re.compile(r"(?:とともに|つつ)[、，]?$")


def _clause_level_conjuncts(view: SentenceView, parent: int, seeds: set[int]) -> list[int]:
    """…とともに、 / …つつ、 clauses below ``parent`` at any depth, outside relative clauses.

    These endings coordinate with the main predicate of the sentence (政府として、…取り組むとともに、
    防衛省・自衛隊としても、…取り組んでまいります), but GiNZA often hangs them on a nearer word
    (the next topic, the next 連用形 verb); a relative clause on a noun on the way
    (…を強化するとともに…を推進する計画) keeps them out.
    """
    if parent not in seeds:
        return []
    out = []
    for c in range(parent):
        if not CLAUSE_LEVEL_END.search(view.bunsetu_text(c)) or c in view.children.get(parent, ()):
            continue
        path = list(view.ancestors(c))
        if parent not in path:
            continue
        inside_relative = False
        for anc in path[: path.index(parent)]:
            bun = view.bunsetu[anc]
            if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
                noun = view.tokens[view.content_tokens(bun.head)[0]]
                if noun.pos in ("NOUN", "PROPN") and noun.lemma not in ("こと", "事", "の", "もの"):
                    inside_relative = True
                    break
        if not inside_relative:
            out.append(c)
    return out


def _coordinated_verb(view: SentenceView, lex: Lexicon, c: int) -> tuple[int, int] | None:
    """The verb tokens of a clause coordinated into a pledge, or None.

    …とともに、 (協力するとともに: an act of its own, even with a verb of cooperation), …つつ、 and
    the 連用中止 …し、 of an action verb with an argument of its own (…を強化し、); means, manner,
    attention (…を踏まえ、, 日米で協力し、, 現地情勢を注視しつつ、) and purposes are none.
    """
    text = view.bunsetu_text(c)
    verb = view.content_tokens(c)
    if not verb:
        return None
    lemma = view.tokens[verb[0]].lemma
    with_tomoni = re.search(r"とともに[、，]?$", text) is not None
    means = lemma in lex.means_verbs and not (with_tomoni and lemma in lex.cooperation_verbs)
    if lemma in STATIVE or lemma in lex.non_acts or lemma in lex.plain_non_acts or means:
        return None
    if (lemma in SURU or lemma == "図る") and _means_object(view, lex, c):
        return None  # 連携をし、/ 連携を図りつつ: a light verb whose noun is a means (御説明をしていく is an act)
    if lemma in SURU and _means_object(view, lex, c, particle="と"):
        return None  # 戦略を指針としつつ, 日米同盟を外交の基軸とし: taking something as a basis
    if lemma in ("いただく", "頂く", "もらう", "貰う"):
        return None  # 助言もいただくとともに: receiving, not an undertaking
    if view.tokens[verb[0]].pos not in ("VERB", "NOUN"):
        return None
    tail = [view.tokens[k].lemma for k in range(verb[0], view.bunsetu[c].last + 1)]
    if set(tail) & {"ない", "ぬ", "ず", "れる", "られる", "たい", "べし", "べく"}:
        return None  # negated, passive, wished, or a purpose (〜を実現すべく、)
    last = verb[-1]
    while last + 1 <= view.bunsetu[c].last and view.tokens[last + 1].pos == "AUX":
        last += 1
    if with_tomoni:
        # 御説明をしていくとともに: the verb with its 〜ていく/〜てまいる, up to と of とともに
        k = view.bunsetu[c].last
        while k > last and not (view.token_text(k) == "と" and view.token_text(k + 1).startswith("とも")):
            k -= 1
        return verb[0], (k - 1 if k > last else last)
    if re.search(r"つつ[、，]?$", text):
        # 厳しい制裁を実施しつつ、: an action carried on alongside the main one
        return (verb[0], last) if _has_argument(view, c) else None
    if not text.endswith(("、", "，")):
        return None
    # 連用中止: the clause ends in the verb's 連用形 itself (強化し、 / 伝え、), not in て/ため/べく
    end_tok = view.bunsetu[c].last - 1
    if end_tok != last or "連用形" not in (view.tokens[end_tok].inflection or ""):
        return None
    # a 連用形 followed by 、 never modifies a noun, whatever label GiNZA gives it
    if view.bunsetu[c].dep not in ("advcl", "conj", "acl"):
        return None
    return (verb[0], last) if _has_argument(view, c) else None


def _has_argument(view: SentenceView, c: int) -> bool:
    """Whether the clause of ``c`` has an object or goal of its own (…を, …に, …へ).

    GiNZA may hang the argument on an adverbial adjective between it and the verb (防衛力の質と量を
    必要かつ十分に確保し): arguments below non-verbal dependents count too.
    """
    todo = list(view.children.get(c, ()))
    while todo:
        a = todo.pop()
        if view.particles(a).endswith(("を", "に", "へ", "にも", "をも", "について", "についても")):
            return True
        head_pos = view.tokens[view.content_tokens(a)[0]].pos
        if head_pos in ("ADJ", "ADV", "CCONJ"):
            todo.extend(view.children.get(a, ()))
    return False


def _means_object(view: SentenceView, lex: Lexicon, b: int, particle: str = "を") -> bool:
    """Whether the を-object (or と-complement) of the light verb in ``b`` is a means or a basis.

    (連携を | し, 連携を | 図りつつ, 指針と | しつつ.)
    """
    for a in view.children.get(b, ()):
        if view.particles(a).endswith(particle):
            noun = view.content_tokens(a)
            if noun and view.tokens[noun[-1]].lemma in lex.means_verbs:
                return True
    return False


def _pledge_aux(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """Whether bunsetu ``b`` holds 〜ていく / 〜てまいる / 〜し続ける or a pledge noun (所存, 決意)."""
    toks = list(view.token_range(b))
    for k, i in enumerate(toks):
        lem = view.tokens[i].lemma
        if lem == "続ける" or lem in lex.pledge_nouns:
            return True
        if lem in lex.pledge_aux:
            prev = view.token_text(toks[k - 1]) if k > 0 else view.token_text(i - 1) if i > view.first else ""
            if prev in ("て", "で"):
                return True
    return False


def _verb_start(view: SentenceView, b: int) -> int:
    """First token of the predicate ending in bunsetu ``b``: 強化して|いきます, 貢献していく|考えです."""
    first = view.bunsetu[b].first
    head = view.tokens[first]
    auxiliary_head = head.lemma in (
        "いく",
        "行く",
        "まいる",
        "参る",
        "考え",
        "所存",
        "決意",
        "方針",
        "覚悟",
        "考える",
        "思う",
    )
    # GiNZA sometimes leaves the verb before 考え a root of its own (求めていく | 考えです)
    if auxiliary_head and b > 0 and (view.bunsetu[b - 1].head == b or view.bunsetu[b - 1].head < 0):
        return view.bunsetu[b - 1].first
    return first


def _after_predicate(view: SentenceView, b: int) -> int:
    """Token index just after the predicate part of bunsetu ``b`` (before its と / を)."""
    last = view.bunsetu[b].last
    while last > view.bunsetu[b].first and view.tokens[last].pos in ("ADP", "PUNCT"):
        last -= 1
    return last + 1


def _negated_after(view: SentenceView, k: int) -> bool:
    """…決定されるものではない / …合意したわけではない: a negation right after the predicate."""
    for j in range(k + 1, min(view.last, k + 6) + 1):
        tok = view.tokens[j]
        surf = view.token_text(j)
        if tok.pos == "PUNCT":
            return False
        if tok.lemma in NEGATION:
            return True
        if surf not in ("もの", "わけ", "の", "ん", "で", "は", "では", "じゃ", "訳", "こと", "も"):
            return False
    return False


CLAIM_AFTER = re.compile(
    r"^[ぁ-ん]{0,6}?(?:との|という)(?:御|ご)?(?:指摘|報道|見方|批判|懸念|意見|声|主張|疑念|疑問|話|うわさ|噂)"
)


def _evaluated_fact(view: SentenceView, head: int) -> bool:
    """…確認されたものと受け止めて(い)ます / …ものと考えます: the clause is what the speaker makes of a fact."""
    content = view.content_tokens(head)
    if not content or view.tokens[content[0]].lemma not in ("もの", "物") or view.particles(head) != "と":
        return False
    outer = view.bunsetu[head].head
    return outer >= 0 and view.tokens[view.content_tokens(outer)[0]].lemma in EVALUATING_VERBS


# 〜を要請したところでございます / 〜で一致したところであります: the Diet's perfect of a report ("I have
# requested"), an act done; 〜したところ、 ("when I asked") and 〜しているところ (in progress) are not
DONE_REPORT = re.compile(r"(?![ぁ-ん]*?[てで]い)[ぁ-ん]{0,12}?たところ(?:でござ|であ|です|でし|だ)")


def _done_report(view: SentenceView, m: TriggerMatch) -> bool:
    """Whether the trigger's verb is reported done with 〜たところです (see ``DONE_REPORT``)."""
    end = view.tokens[m.last].end
    return bool(DONE_REPORT.match(view.text, end, min(len(view.text), end + 24)))


def _disqualified(view: SentenceView, lex: Lexicon, m: TriggerMatch, *, negation_checked: bool = False) -> bool:
    """Negated, questioned, hypothetical or purposive predicates, 求められる, fact-check 確認."""
    pred = view.bunsetu[m.pred]
    tail = [k for k in range(m.last + 1, pred.last + 1)]
    lemmas = [view.tokens[k].lemma for k in tail]
    surfaces = [view.token_text(k) for k in tail]
    if not negation_checked and m.kind != "report" and any(x in NEGATION for x in lemmas):
        return True
    if not negation_checked and m.kind != "report" and _negated_after(view, pred.last):
        return True
    done = _done_report(view, m)
    if m.kind in ("predicate", "decision") and any(x in CONDITIONAL for x in surfaces if not (done and x == "ところ")):
        return True
    span_lemmas = [view.tokens[k].lemma for k in range(m.first, max(pred.last, m.last) + 1)]
    if m.lemma in ("求める", "呼びかける") and any(x in ("れる", "られる") for x in span_lemmas):
        return True  # 求められる: 'is required', an evaluation; 呼びかけられる: someone else's call
    if m.kind == "predicate" and any(x in lex.intent_aux for x in lemmas) and m.type is not CommitmentType.INTENT:
        return True  # 確認したい, 求めたい: the speaker's plan, not a reported act
    # the clause feeds a plan/need/purpose noun: 確認する必要, 要請する予定
    head = pred.head
    if head >= 0 and pred.dep == "acl":
        noun = view.tokens[view.content_tokens(head)[0]].lemma
        if noun in NON_ACT_HEADS and not (done and noun in ("ところ", "所")):
            return True
    if head >= 0 and _evaluated_fact(view, head):
        return True
    # …要請を受けたとの指摘は当たらない: a claim reported, not an act asserted
    verb_end = view.tokens[view.content_tokens(m.pred)[-1]].end
    if CLAIM_AFTER.match(view.text[verb_end : verb_end + 14]):
        return True
    # a question: the sentence's last predicate ends in か
    if m.pred == len(view.bunsetu) - 1 or pred.head < 0:
        end_text = view.surface.rstrip("。 　")
        if end_text.endswith(("か", "か？", "？", "?")):
            return True
    if m.lemma == "一致" and m.kind == "predicate" and m.content < 0 and pred.dep == "acl" and head >= 0:
        # 国際社会の一致した対応 / 一致した立場: 'concerted', nothing is agreed in a clause
        noun = view.tokens[view.content_tokens(head)[0]].lemma
        if noun not in ("こと", "事", "旨", "の"):
            return True
    if m.lemma == "確認":
        if any(x in ("ところ", "所", "中") for x in surfaces):
            return True
        # Xに確認する: an inquiry to someone, not an act between parties
        for c in view.children.get(m.pred, ()):
            if view.particles(c) in ("に", "にも") and _names_party(view, c):
                return True
    return False
