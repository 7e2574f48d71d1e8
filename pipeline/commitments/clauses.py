"""Clause extents: which bunsetu of a sentence belong to a trigger's own clause, and what it is.

A trigger's actor, date and venue are written in its clause: the bunsetu its predicate governs
and those before the predicates it is coordinated into (〜し、…一致した), minus its content (what
is agreed or asked) and the clauses of other triggers. A trigger in a relative clause about a
thing (…において定めた戦略目標) is a ``background`` mention, and its clause runs back to the last 、.
Phrase extents (一川防衛大臣(当時)と | パネッタ長官は) and content spans are read the same way.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from pipeline.commitments.frame import ONE_SIDED, Frame
from pipeline.commitments.lexicon import alternation, load_lexicon, load_words
from pipeline.commitments.parties import party_head, pure_countries, trailing_particles
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import TriggerMatch
from pipeline.schema import CommitmentType, Mention, Span

# How many bunsetu before a trigger the actor and clause searches look at: real clauses are far
# shorter; run-on text (thousands of bunsetu without a full stop) stays linear
WINDOW = 80
NOMINALIZERS = ("こと", "事")


@cache
def contrastive() -> re.Pattern[str]:
    """A clause contrasted with the next (…決意を述べたのに対し、…; 韓国は…けれども、…; …が、)."""
    return re.compile(rf"(?:{alternation(load_words().contrastive_endings)})[、，]?$|[^でにと]が[、，]$")


@cache
def _coordinator() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(load_words().coordinators)})")


def locate(view: SentenceView, match: TriggerMatch, triggers: tuple[TriggerMatch, ...]) -> Frame:
    """The first step of a frame: the trigger's clause, spine and mention."""
    others = tuple(o for o in triggers if o.pred != match.pred)
    clause = tuple(clause_bunsetu(view, match, others))
    mention = mention_of(view, match, triggers)
    spine = spine_of(view, match)
    scope = clause
    if mention is Mention.BACKGROUND:
        # a relative clause is its own clause: its dates are its own (昨年十月に実質合意を達成した…)
        region = clause_region(view, match)
        trigger_b = view.token_bunsetu[match.first]
        in_region = {b for b in range(max(0, trigger_b - WINDOW), trigger_b + 1) if within(view, b, region)}
        scope = tuple(sorted(set(clause) | in_region))
        spine = spine | {view.bunsetu[b].head for b in in_region}
    return Frame(
        view=view,
        match=match,
        triggers=triggers,
        others=others,
        mention=mention,
        clause=clause,
        spine=spine,
        scope=scope,
    )


def spine_ancestors(view: SentenceView, b: int) -> list[int]:
    """Predicates that ``b`` is coordinated into (〜し、…一致した): they share its actor and time."""
    out: list[int] = []
    cur = b
    while True:
        bun = view.bunsetu[cur]
        if bun.head < 0 or bun.dep not in ("advcl", "conj", "ROOT"):
            break
        if not view.is_predicate(cur) and cur != b:
            break
        out.append(bun.head)
        cur = bun.head
    return out


def spine_of(view: SentenceView, match: TriggerMatch) -> frozenset[int]:
    """The trigger's predicate and the predicates coordinated with it (〜を開催し、…を確認した)."""
    nodes = {match.pred, view.token_bunsetu[match.first], *spine_ancestors(view, match.pred)}
    todo = [match.pred]
    while todo:
        cur = todo.pop()
        for child in view.children.get(cur, ()):
            bun = view.bunsetu[child]
            coordinated = bun.dep in ("advcl", "conj") and view.is_predicate(child)
            # …決意を述べたのに対し、…支持が表明された: the other side's clause has its own time
            coordinated = coordinated and not contrastive().search(view.bunsetu_text(child))
            if child != match.content and coordinated and child not in nodes:
                nodes.add(child)
                todo.append(child)
    return frozenset(nodes)


def clause_bunsetu(view: SentenceView, match: TriggerMatch, others: Sequence[TriggerMatch]) -> list[int]:
    """Bunsetu holding the trigger's own actor, date and venue (its content excluded)."""
    stop = {match.content} if match.content >= 0 else set()
    stop |= {o.pred for o in others if o.pred != match.pred}
    frozen = frozenset(stop)
    nodes = set(view.descendants(match.pred, stop=frozen))
    if match.pred != view.token_bunsetu[match.first]:
        nodes.add(view.token_bunsetu[match.first])
    left = view.subtree_span(match.pred)[0]
    for anc in spine_ancestors(view, match.pred):
        for child in view.children.get(anc, ()):
            if child < left and child not in frozen:
                nodes.add(child)
                nodes.update(view.descendants(child, stop=frozen))
    return sorted(nodes - stop)


def content_span(view: SentenceView, match: TriggerMatch, actor_b: int) -> Span | None:
    """What the act is about: the content argument's words, without the marker linking it (…ことで)."""
    if match.content < 0:
        return None
    first_b, _ = view.subtree_span(match.content)
    if actor_b >= first_b and actor_b < match.content:
        first_b = actor_b + 1
    first = view.bunsetu[first_b].first
    last = view.bunsetu[match.content].last
    # drop the marker and particles that link the content to the trigger (…ことで, …旨, …を)
    while last > first and (
        view.tokens[last].pos in ("ADP", "PUNCT", "SCONJ", "PART") or view.tokens[last].lemma in ("こと", "事", "旨")
    ):
        if last <= match.first and last >= match.first:
            break
        last -= 1
    if last >= match.first and match.first > first:
        last = match.first - 1
        while last > first and view.tokens[last].pos in ("ADP", "PUNCT"):
            last -= 1
    while first < last and view.tokens[first].pos == "PUNCT":
        first += 1
    start, end = view.tokens[first].start, view.tokens[last].end
    return Span(start=start, end=end, surface=view.text[start:end])


def phrase_extent(view: SentenceView, b: int) -> tuple[int, int]:
    """A phrase with its coordinated left parts: 一川防衛大臣(当時)と | パネッタ長官は.

    The parts are taken by adjacency (…と, …や, …及び right before the phrase), whatever GiNZA
    attached them to: it often hangs 'AとBは' on the verb as a comitative.
    """
    first = b
    # マールズ | 豪国防大臣からは, 日米の | 閣僚間で: the name or the pair modifying the phrase
    while first > 0 and view.bunsetu[first - 1].head == first:
        prev_text = view.bunsetu_text(first - 1)
        name_part = view.particles(first - 1) == "" and not prev_text.endswith(("、", "，"))
        pair = prev_text.endswith("の") and pure_countries(prev_text[:-1])
        between = prev_text.endswith("との") and view.bunsetu_text(first).startswith("間")  # 米国との | 間では
        if name_part or pair or between:
            first -= 1
        else:
            break
    while first > 0:
        prev = first - 1
        text = view.bunsetu_text(prev)
        if not re.search(r"(?:と|や|及び|および|並びに)[、，]?$", text) or text.endswith(("こと", "など")):
            break
        if not party_head().search(trailing_particles().sub("", re.sub(r"[(（][^)）]*[)）]", "", text))):
            break
        first = prev
    return view.tokens[view.bunsetu[first].first].start, view.tokens[view.bunsetu[b].last].end


def clause_region(view: SentenceView, match: TriggerMatch) -> tuple[int, int]:
    """Character span of a trigger's clause: from after the last 、 before it to the trigger."""
    end = view.tokens[match.last].end
    start = view.start
    first_b = view.token_bunsetu[match.first]
    for b in range(first_b - 1, max(-1, first_b - 1 - WINDOW), -1):
        if view.bunsetu_text(b).endswith(("、", "，")):
            start = view.tokens[view.bunsetu[b].last].end
            break
    return start, end


def within(view: SentenceView, b: int, region: tuple[int, int]) -> bool:
    """Whether bunsetu ``b`` lies inside the character span ``region``."""
    bun = view.bunsetu[b]
    return region[0] <= view.tokens[bun.first].start and view.tokens[bun.last].end <= region[1]


def background_regions(view: SentenceView, triggers: Sequence[TriggerMatch]) -> list[tuple[int, tuple[int, int]]]:
    """(pred, clause region) of the sentence's background triggers, computed once per sentence."""
    key = (id(view), len(triggers))
    cached = view.memo.get("background_regions")
    if cached is None or cached[0] != key:
        regions = [
            (t.pred, clause_region(view, t)) for t in triggers if mention_of(view, t, triggers) is Mention.BACKGROUND
        ]
        cached = (key, regions)
        view.memo["background_regions"] = cached
    return cached[1]


def embedded(view: SentenceView, b: int, match: TriggerMatch) -> bool:
    """Whether ``b`` sits in a relative clause, or in a content that is not a …こと/…旨 clause.

    (中国が及ぼす影響について: a relative clause; …ソマリアが復興しない限り…との認識で一致: the
    content's own subject.)
    """
    content_nodes = view.descendant_set(match.content) | {match.content} if match.content >= 0 else frozenset()
    marker = "旨" if match.kind in ("report", "decision") else ""
    if match.content >= 0 and not marker:
        marker = view.tokens[view.content_tokens(match.content)[0]].lemma
    content_nouns = load_words().content_nouns
    for anc in view.ancestors(b):
        if anc == match.pred:
            break
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in content_nouns:
                return True
    return b in content_nodes and marker not in ("こと", "事", "旨")


def in_relative(view: SentenceView, b: int, match: TriggerMatch) -> bool:
    """Whether ``b`` sits in a clause modifying a noun below the trigger (…も出席する場で)."""
    for anc in view.ancestors(b):
        if anc == match.pred:
            return False
        bun = view.bunsetu[anc]
        if bun.dep == "acl" and view.is_predicate(anc) and bun.head >= 0 and bun.head != match.pred:
            noun = view.tokens[view.content_tokens(bun.head)[0]].lemma
            if noun not in load_words().conjunctive_nouns:
                return True
    return False


def in_contrastive(view: SentenceView, b: int, match: TriggerMatch) -> bool:
    """Whether the topic ``b`` sits in a contrasted clause (韓国は…繰り返しておられましたけれども、…).

    A source (Xからは) is the speaker of the whole report even when GiNZA hangs it in such a clause.
    """
    if not view.particles(b).endswith(("は", "が", "も")) or view.particles(b).endswith(("からは", "よりは")):
        return False
    return any(contrastive().search(view.bunsetu_text(a)) for a in view.ancestors(b) if a < match.pred)


def inside_report(view: SentenceView, b: int) -> bool:
    """Whether bunsetu ``b`` lies in a reported clause (…旨述べた, …ことを伝えた)."""
    for anc in view.ancestors(b):
        lemmas = {view.tokens[i].lemma for i in view.token_range(anc)}
        if lemmas & {"旨"}:
            return True
    return False


def mention_of(view: SentenceView, match: TriggerMatch, triggers: Sequence[TriggerMatch]) -> Mention:
    """``background`` for a trigger in a relative clause about a thing (…において定めた戦略目標)."""
    pred = view.bunsetu[match.pred]
    if match.received:
        return Mention.BACKGROUND  # …の譲渡要請を受け: a request recalled as received
    if match.kind != "predicate" or pred.dep != "acl" or pred.head < 0:
        return Mention.MAIN
    if evaluated_act(view, match):
        # …を確認できたことは、大きな意義があります: an act recalled to be evaluated
        return Mention.BACKGROUND
    if request_document(view, match) >= 0:
        return Mention.BACKGROUND  # …を求めることなどを内容とする総会決議: a request recalled
    return Mention.MAIN if _still_main(view, match, triggers) else Mention.BACKGROUND


def _still_main(view: SentenceView, match: TriggerMatch, triggers: Sequence[TriggerMatch]) -> bool:
    """A predicate modifying a noun that still reports the act (not a relative clause about a thing)."""
    head = view.bunsetu[match.pred].head
    noun = view.tokens[view.content_tokens(head)[0]].lemma
    lex = load_lexicon()
    return (
        noun in load_words().conjunctive_nouns
        # …よう強く求めていく考えであり: what the speaker's frame undertakes
        or (match.type in ONE_SIDED and (noun in lex.pledge_nouns or noun in lex.intent_nouns))
        # …を完了し、…を再確認、: GiNZA hangs a clause on the next coordinated verbal noun
        or any(t.pred == head or view.token_bunsetu[t.first] == head for t in triggers)
        or view.span_text(view.bunsetu[match.pred].first, view.bunsetu[match.pred].last).endswith(("、", "，"))
    )


def evaluated_act(view: SentenceView, match: TriggerMatch) -> bool:
    """…を確認できたことは(意義がある): the act of the meeting, recalled as the topic of an evaluation."""
    pred = view.bunsetu[match.pred]
    if match.kind != "predicate" or pred.dep != "acl" or pred.head < 0:
        return False
    noun = view.tokens[view.content_tokens(pred.head)[0]].lemma
    return noun in NOMINALIZERS and view.particles(pred.head) in ("は", "が", "も")


def request_document(view: SentenceView, match: TriggerMatch) -> int:
    """The document whose content a request is (…撤退を求めることなどを内容とする総会決議), or -1.

    The request clause reaches the document noun through こと/など and …を内容とする only.
    """
    if match.type is not CommitmentType.REQUEST or match.kind != "predicate" or match.received:
        return -1
    memo = view.memo.setdefault("request_document", {})
    if match.pred in memo:
        return int(memo[match.pred])
    found = -1
    document_nouns = load_words().document_nouns
    for anc in itertools.islice(view.ancestors(match.pred), 4):
        content = view.content_tokens(anc)
        words = "".join(view.token_text(k) for k in content)
        lemma = view.tokens[content[0]].lemma if content else ""
        if words.endswith(document_nouns):
            found = anc
            break
        if lemma in ("こと", "事", "内容") or (lemma in ("する", "為る") and view.is_predicate(anc)):
            continue
        break
    memo[match.pred] = found
    return found


def coordinated(text: str, items: Sequence[tuple[int, int]]) -> bool:
    """Whether consecutive spans are joined by や/と/及び/および/、 (AやBなど, A及びB)."""
    for (_, a_end), (b_start, _) in itertools.pairwise(items):
        gap = text[a_end:b_start]
        if not _coordinator().search(gap) or len(gap) > 30:
            return False
    return True
