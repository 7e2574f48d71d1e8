"""Vetoes: the named rules that make a trigger no commitment of a party, in one place.

Each rule is a small predicate whose docstring gives its reason; the first that applies names
why a trigger yields no record. Three kinds, by what they need to know:

- ``TRIGGER_VETOES`` look at the sentence's other triggers (a trigger inside another's content);
- ``FRAME_VETOES`` at the frame once its clause, venues and actor phrase are known;
- ``ACT_VETOES`` at one record of the act (its occasion), before its actor is settled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.commitments.actors import joint_setting, non_party_subject, requester
from pipeline.commitments.clauses import request_document
from pipeline.commitments.frame import JOINT_TYPES, DocContext, Frame
from pipeline.commitments.occasions import Occasion
from pipeline.commitments.parties import SELF_CODE
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import TriggerMatch
from pipeline.schema import CommitmentType

EXAMPLE_END = re.compile(r"(?:など|等)[、，]?$")


# --- trigger vetoes: (view, trigger, the sentence's triggers still kept) -> vetoed


def content_of_another(view: SentenceView, match: TriggerMatch, triggers: Sequence[TriggerMatch]) -> bool:
    """A trigger that is the predicate of another's …こと content is part of what that one commits to.

    (…義務に従うことを求めることで一致した: the request is what was agreed, not a separate act.)
    """
    if match.kind != "predicate":
        return False
    heads = {
        t.content
        for t in triggers
        if t.content >= 0 and view.tokens[view.content_tokens(t.content)[0]].lemma in ("こと", "事")
    }
    return view.bunsetu[match.pred].head in heads


def example_of_joint_act(view: SentenceView, match: TriggerMatch, triggers: Sequence[TriggerMatch]) -> bool:
    """A request given as an example (〜など) of what a later joint act is about is part of its content.

    (…の停止を求めるなど、…国際協力の重要性を確認しました; a joint act listed with など,
    …を確認するなど、…を補完し, stays an act.)
    """
    return (
        match.kind == "predicate"
        and match.type is CommitmentType.REQUEST
        and EXAMPLE_END.search(view.bunsetu_text(match.pred)) is not None
        and any(o.first > match.last and o.type in JOINT_TYPES for o in triggers)
    )


TriggerVeto = Callable[[SentenceView, TriggerMatch, Sequence[TriggerMatch]], bool]
TRIGGER_VETOES: tuple[TriggerVeto, ...] = (content_of_another, example_of_joint_act)


def acts_of(
    view: SentenceView, triggers: Sequence[TriggerMatch]
) -> tuple[list[TriggerMatch], list[tuple[TriggerMatch, str]]]:
    """The triggers no trigger veto applies to, and the others with their veto's name.

    Each veto reads the triggers the previous ones kept.
    """
    kept = list(triggers)
    dropped: list[tuple[TriggerMatch, str]] = []
    for veto in TRIGGER_VETOES:
        still = []
        for t in kept:
            if veto(view, t, kept):
                dropped.append((t, veto.__name__))
            else:
                still.append(t)
        kept = still
    return kept, dropped


# --- frame vetoes: (frame, document) -> vetoed


def confirmation_without_joint_setting(frame: Frame, ctx: DocContext) -> bool:
    """確認 (and 定める, 打ち出す) is a joint act only in a joint setting.

    Two parties named, or a meeting or statement in the clause or being reported; a 確認
    coordinated with an agreement (〜ことで一致し、…を改めて確認しました) is joint too. Otherwise it
    verifies a fact (確認できた on one's own), and a law 'provides' (定める).
    """
    if not frame.match.needs_joint:
        return False
    with_agreement = any(
        o.type is CommitmentType.AGREEMENT and o.kind == "predicate" and o.pred in frame.spine for o in frame.others
    )
    return not with_agreement and not joint_setting(frame)


def recalled_one_sided_act(frame: Frame, ctx: DocContext) -> bool:
    """A request, pledge or intent in a relative clause (…を求める議論) is talked about, not made.

    Except a request received (…の譲渡要請を受け) or the content of a document (…を求める決議): those
    are recalled as made, by their sender or the document's makers.
    """
    if not frame.background or not frame.one_sided:
        return False
    return not (frame.match.received or request_document(frame.view, frame.match) >= 0)


def procedural_request(frame: Frame, ctx: DocContext) -> bool:
    """求める/要請 of the session's own business (答弁を求めます, 出席を求めた, 御理解を求めます).

    The objects are ``procedural_objects`` of triggers.json: asking for an answer or attendance
    is no party's commitment.
    """
    match = frame.match
    if not frame.one_sided or match.content < 0:
        return False
    words = frame.view.bunsetu_text(match.content)
    return any(w in words for w in ctx.lex.procedural_objects)


def members_own_act(frame: Frame, ctx: DocContext) -> bool:
    """A Diet member's own request or plan (〜を求めました, 〜してまいります) speaks for no party.

    Only a government speaker speaks for Japan; a member's act binds a party only when another
    party is named as its actor.
    """
    speaker = ctx.speaker
    if speaker is None or speaker.government or not frame.one_sided:
        return False
    return not frame.phrase.explicit or set(frame.phrase.members) <= {SELF_CODE}


def non_party_agent(frame: Frame, ctx: DocContext) -> bool:
    """An agent that is no state party as the subject (国際社会は, 国連安保理は, …組合が).

    Their clause is no party's commitment unless a party is also named as the actor.
    """
    return not frame.phrase.explicit and non_party_subject(frame.view, frame.scope, frame.match)


FrameVeto = Callable[[Frame, DocContext], bool]
FRAME_VETOES: tuple[FrameVeto, ...] = (
    confirmation_without_joint_setting,
    recalled_one_sided_act,
    procedural_request,
    members_own_act,
    non_party_agent,
)


def frame_veto(frame: Frame, ctx: DocContext) -> str | None:
    """The name of the first frame veto that applies, or None."""
    for veto in FRAME_VETOES:
        if veto(frame, ctx):
            return veto.__name__
    return None


# --- act vetoes: (frame, the record's occasion, document) -> vetoed


def request_of_nobody(frame: Frame, occ: Occasion | None, ctx: DocContext) -> bool:
    """A recalled request whose requester is nobody named (…を求める決議, no body given) is no party's act."""
    if not frame.background or frame.match.type is not CommitmentType.REQUEST:
        return False
    return not requester(frame.view, frame.match, occ, ctx.lex)


ActVeto = Callable[[Frame, Occasion | None, DocContext], bool]
ACT_VETOES: tuple[ActVeto, ...] = (request_of_nobody,)


def act_veto(frame: Frame, occ: Occasion | None, ctx: DocContext) -> str | None:
    """The name of the first act veto that applies to the record of ``occ``, or None."""
    for veto in ACT_VETOES:
        if veto(frame, occ, ctx):
            return veto.__name__
    return None
