"""A statement's list (○…協力の促進): each item is an agreement of the statement's parties.

A sentence that introduces the contents of a statement (…以下のようなものを含む…) opens a list;
the ○/・/① items that follow it are its items, until a sentence that is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.commitments.lexicon import alternation, load_words
from pipeline.commitments.occasions import Discourse, Occasion, VenueMention
from pipeline.commitments.syntax import SentenceView
from pipeline.schema import Actor, Commitment, CommitmentDate, CommitmentType, Mention, Span, Trigger, Venue


@cache
def _list_intro() -> re.Pattern[str]:
    return re.compile(rf"(?:以下|次)の(?:{alternation(load_words().list_intro_nouns)})|以下を|次を")


def is_list_item(view: SentenceView) -> bool:
    """A sentence opening with a list marker (○, ・, ①)."""
    return view.surface.startswith(load_words().list_markers)


def introduced_list(view: SentenceView, venues: Sequence[VenueMention], state: Discourse) -> Occasion | None:
    """The statement whose contents the sentence introduces (its last statement, else the current occasion)."""
    if not _list_intro().search(view.surface):
        return None
    statements = [v.occasion for v in venues if v.occasion.kind == "statement"]
    return statements[-1] if statements else state.current


def listed_items(view: SentenceView, occ: Occasion) -> list[Commitment]:
    """A ○ item of a statement's list is a commitment of the statement's parties.

    The trigger is the item's head verbal noun (…協力の促進, …枠組を継続的に検討、強化); an item
    headed by 歓迎/強調/謝意 is no commitment, unless an earlier coordinated part has a head of its
    own (…パートナーシップの深化、…政策協議の歓迎など → 深化).
    """
    body_start = view.start + 1
    while body_start < view.end and view.text[body_start] in " 　":
        body_start += 1
    toks = [i for i in range(view.first, view.last + 1) if view.tokens[i].start >= body_start]
    if not toks:
        return []
    head = _item_head(view, toks[0], toks[-1])
    if head is None:
        return []
    lemma = view.tokens[head].lemma
    t_start, t_end = view.tokens[head].start, view.tokens[head].end
    c_start, c_end = view.tokens[toks[0]].start, view.tokens[toks[-1]].end
    while c_end > c_start and view.text[c_end - 1] in "。、 　":
        c_end -= 1
    date = CommitmentDate(value=occ.date.value, date_id=occ.date.id) if occ.date is not None else None
    return [
        Commitment(
            id="",
            start=c_start,
            end=c_end,
            surface=view.text[c_start:c_end],
            trigger=Trigger(start=t_start, end=t_end, surface=view.text[t_start:t_end], lemma=lemma),
            type=CommitmentType.AGREEMENT,
            actor=Actor(members=occ.parties, inferred=True, entities=()),
            content=Span(start=c_start, end=c_end, surface=view.text[c_start:c_end]),
            date=date,
            venue=Venue(entity_id=occ.entity_id, surface=occ.surface),
            mention=Mention.LISTED_ITEM,
        )
    ]


def _item_head(view: SentenceView, first: int, last: int) -> int | None:
    """The head word of an item (skipping など/等 and punctuation), or None for 歓迎/強調 items."""
    not_listed = load_words().not_listed
    head = last
    while head > first and (view.tokens[head].pos in ("PUNCT", "ADP") or view.token_text(head) in ("など", "等")):
        head -= 1
    if view.token_text(head) not in not_listed and view.tokens[head].lemma not in not_listed:
        return head
    # …の深化、…の歓迎など: fall back on the part before the last top-level 、
    depth = 0
    for i in range(head - 1, first, -1):
        s = view.token_text(i)
        depth += s.count(")") + s.count("）") + s.count("」") - s.count("(") - s.count("（") - s.count("「")
        if s == "、" and depth == 0:
            prev = i - 1
            if view.tokens[prev].pos in ("NOUN", "VERB") and view.token_text(prev) not in not_listed:
                return prev
            return None
    return None
