"""A commitment record from a frame: its span, trigger, content, polarity and what the steps found.

The record's span runs from its actor phrase (or content, or trigger) to the end of the trigger's
predicate; offsets are code points into the document text (``text[start:end] == surface``).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.commitments.clauses import content_span
from pipeline.commitments.frame import Frame
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import TriggerMatch
from pipeline.schema import Actor, Commitment, CommitmentDate, Trigger, Venue


def record(frame: Frame, actor: Actor, date: CommitmentDate | None, venue: Venue | None) -> Commitment:
    """The record of one act of ``frame`` (its id is given once the document's records are sorted).

    An agreement that did not happen (合意には至っていない) is kept with negative polarity, without
    content, date or venue: nothing took place.
    """
    view, match = frame.view, frame.match
    text = view.text
    trigger = trigger_of(view, match)
    t_start, t_end = trigger.start, trigger.end
    actor_b = frame.phrase.bunsetu
    content = content_span(view, match, actor_b)
    start = min(x for x in (t_start, content.start if content else t_start) if x is not None)
    if actor_b >= 0:
        start = min(start, view.tokens[view.bunsetu[actor_b].first].start)
    end = t_end
    pred_last = view.bunsetu[match.pred].last
    while pred_last > match.last and view.tokens[pred_last].pos == "PUNCT":
        pred_last -= 1
    end = max(end, view.tokens[pred_last].end)
    if match.negative:
        date, venue = None, None
    return Commitment(
        id="",
        start=start,
        end=end,
        surface=text[start:end],
        trigger=trigger,
        type=match.type,
        actor=actor,
        date=date,
        venue=venue,
        mention=frame.mention,
        polarity="negative" if match.negative else "positive",
        content=None if match.negative else content,
    )


def trigger_of(view: SentenceView, match: TriggerMatch) -> Trigger:
    """The trigger's span and lemma."""
    start, end = view.tokens[match.first].start, view.tokens[match.last].end
    return Trigger(start=start, end=end, surface=view.text[start:end], lemma=match.lemma)


def with_id(c: Commitment, k: int) -> Commitment:
    """The record numbered ``c<k>`` (text order)."""
    return replace(c, id=f"c{k}")
