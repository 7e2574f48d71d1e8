"""The records the stage's steps pass along: a document as read so far, and one trigger's act.

``DocContext`` is the one mutable record: the document loop (document.py) updates it sentence
after sentence (the speaker, the discourse, the partner and parties in context). ``Frame`` is
frozen: each step of ``document._commitments_of`` returns a new one with its part filled in, so
what a step decided can be read off the record it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.occasions import Discourse, Occasion, VenueMention
from pipeline.commitments.parties import PartyResolver
from pipeline.commitments.speaker import Speaker
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers import TriggerMatch
from pipeline.schema import CommitmentType, DateMention, Entity, Mention, Trigger

# acts of one side: what it asks, undertakes or intends
ONE_SIDED = frozenset({CommitmentType.REQUEST, CommitmentType.PLEDGE, CommitmentType.INTENT})
# acts with two parties at least
JOINT_TYPES = frozenset({CommitmentType.AGREEMENT, CommitmentType.CONFIRMATION, CommitmentType.REAFFIRMATION})


@dataclass(frozen=True, slots=True)
class Vetoed:
    """A trigger of which no record was made, and the rule that dropped it (a vetoes.py name)."""

    trigger: Trigger
    rule: str


@dataclass
class DocContext:
    """One document as read so far: its inputs, the speaker, and what the text has put in context."""

    text: str
    lex: Lexicon
    dates: Sequence[DateMention]  # sorted by start
    entities: Sequence[Entity]
    resolver: PartyResolver
    speaker: Speaker | None
    doc_date: str | None
    state: Discourse
    # the parties last named together in this paragraph (米国との間では…一致。第二に…こととした)
    paragraph_parties: tuple[str, ...] = ()
    paragraph_start: int = -1
    # the partner of the bilateral relation the text last named (日米同盟 → US): the other party of
    # a joint act whose clause names only Japan's side, and the country of a foreign name with a
    # bare title (トランプ大統領)
    partner: tuple[str, ...] = ()
    # the statement whose ○ items follow (…以下のようなものを含む…), while they follow
    list_occasion: Occasion | None = None
    # the triggers dropped so far, with the rule that dropped each
    vetoed: list[Vetoed] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ActorPhrase:
    """The actor a clause writes: its bunsetu (-1: none), members (ISO codes) and entity ids.

    ``explicit``: the record's actor is this phrase, not inferred from the context (a first-person
    act is always the speaker's side, inferred).
    """

    bunsetu: int = -1
    members: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    explicit: bool = False


NO_PHRASE = ActorPhrase()
# one record of an act: the occasion it is recorded under and the date its own clause gives
Act = tuple[Occasion | None, DateMention | None]


class Frame(NamedTuple):
    """One trigger's act, filled in step by step (see document._commitments_of).

    clauses.locate: ``mention``, ``clause`` (the bunsetu holding the trigger's own actor, date and
    venue, its content excluded), ``spine`` (its predicate and those coordinated with it) and
    ``scope`` (the clause, widened to the whole relative clause for a background act);
    setting.with_venues: ``venues`` (the meetings and statements of the clause) and ``reported``
    (the occasion being reported); actors.with_actor_phrase: ``phrase``; setting.with_occasions:
    ``speech_act`` and ``occasions`` (one record each); dating.with_dates: ``acts``.

    A NamedTuple, not a dataclass like the stage's other records: it is as immutable, and each
    step's ``_replace`` costs a third of ``dataclasses.replace`` (five steps for every trigger).
    """

    view: SentenceView
    match: TriggerMatch
    triggers: tuple[TriggerMatch, ...]  # every trigger of the sentence
    others: tuple[TriggerMatch, ...]  # those of other predicates: their clauses bound this one
    mention: Mention
    clause: tuple[int, ...]
    spine: frozenset[int]
    scope: tuple[int, ...]
    venues: tuple[VenueMention, ...] = ()
    reported: Occasion | None = None
    phrase: ActorPhrase = NO_PHRASE
    speech_act: bool = False
    occasions: tuple[Occasion | None, ...] = ()
    acts: tuple[Act, ...] = ()

    @property
    def background(self) -> bool:
        """A trigger in a relative clause: an act recalled, not reported."""
        return self.mention is Mention.BACKGROUND

    @property
    def one_sided(self) -> bool:
        """A request, pledge or intent."""
        return self.match.type in ONE_SIDED
