"""Typed records that the stages exchange and that the output serializes.

Every span is ``start``/``end`` (code points, end exclusive) into ``Document.text`` and carries
its ``surface`` so that ``text[start:end] == surface`` can be checked anywhere. Records are frozen:
stages build new ones instead of mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 2

# Bump a stage's version whenever its output changes; the parse cache and the manifest use them.
STAGE_VERSIONS: dict[str, str] = {
    "documents": "documents.v1",
    "tokens": "tokens.v1",
    "dates": "dates.v4",
    "entities": "entities.v5",
    "commitments": "commitments.v5",
}

STAGES: tuple[str, ...] = ("tokens", "dates", "entities", "commitments")


class EntityLabel(StrEnum):
    """The seven entity labels of ANNOTATION.md."""

    PERSON = "PERSON"
    ORG = "ORG"
    LOCATION = "LOCATION"
    FACILITY = "FACILITY"
    EVENT = "EVENT"
    DOCUMENT = "DOCUMENT"
    PRODUCT = "PRODUCT"


class DateMod(StrEnum):
    """Relational modifiers of a date (以来, 以降, より後, 以前, まで, より前)."""

    SINCE = "SINCE"
    ON_OR_AFTER = "ON_OR_AFTER"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    BEFORE = "BEFORE"


class DatePart(StrEnum):
    """Sub-periods: 初め/初頭/上旬 START, 半ば/中旬 MID, 末/下旬 END."""

    START = "START"
    MID = "MID"
    END = "END"


class CommitmentType(StrEnum):
    """Kinds of commitment of ANNOTATION.md."""

    AGREEMENT = "agreement"
    DECISION = "decision"
    REAFFIRMATION = "reaffirmation"
    CONFIRMATION = "confirmation"
    PLEDGE = "pledge"
    INTENT = "intent"
    REQUEST = "request"


class Mention(StrEnum):
    """How a commitment is mentioned."""

    MAIN = "main"
    LISTED_ITEM = "listed_item"
    BACKGROUND = "background"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from: the path as given (relative), its JSONL line, its bytes' hash."""

    path: str
    line: int | None
    sha256: str
    encoding: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: ``text`` is the decoded input with CRLF/CR turned into LF."""

    doc_id: str
    text: str
    meta: dict[str, Any]
    source: Source


@dataclass(frozen=True, slots=True)
class Span:
    """A bare span: a title, a qualifier, a content, a sentence."""

    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Token:
    """A fugashi/UniDic token."""

    start: int
    end: int
    surface: str
    lemma: str
    pos: str
    reading: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or heading, list item, speaker line) with its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date mention normalized per ANNOTATION.md (Dates).

    ``value`` is ISO-like (``2010``, ``2010-11``, ``2010-11-13``, ``FY2011``, ``2011-SP``, ``199X``,
    ``XXXX-04-30``); ``resolved_from`` is the id of the mention it was resolved against, or
    ``"document_date"``. ``era``/``era_year`` record a 和暦 reading when the surface has one.
    """

    id: str
    start: int
    end: int
    surface: str
    value: str
    mod: DateMod | None = None
    part: DatePart | None = None
    range: str | None = None
    flags: tuple[str, ...] = ()
    resolved_from: str | None = None
    era: str | None = None
    era_year: int | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; PERSON entities carry their title and (当時)-style qualifier as spans."""

    id: str
    start: int
    end: int
    surface: str
    label: EntityLabel
    subtype: str | None = None
    canonical: str | None = None
    title: Span | None = None
    title_qualifier: Span | None = None
    source: str = "model"
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    """The predicate that makes a clause a commitment."""

    start: int
    end: int
    surface: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Actor:
    """Committing parties as ISO codes, the entities naming them, and whether they were inferred."""

    members: tuple[str, ...]
    inferred: bool
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CommitmentDate:
    """When a commitment was made: a value and the id of the date mention it came from."""

    value: str
    date_id: str | None


@dataclass(frozen=True, slots=True)
class Venue:
    """The meeting or document in which a commitment was made."""

    entity_id: str | None
    surface: str


@dataclass(frozen=True, slots=True)
class Recipient:
    """The party a request (or a pledge or agreement made to a party) is addressed to."""

    members: tuple[str, ...]
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """The person who states a first-person act in speech: the entity, the name as written, the office."""

    entity_id: str | None
    surface: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Commitment:
    """A reported agreement, decision, reaffirmation, confirmation, pledge, intent or request."""

    id: str
    start: int
    end: int
    surface: str
    trigger: Trigger
    type: CommitmentType
    actor: Actor
    content: Span | None = None
    date: CommitmentDate | None = None
    venue: Venue | None = None
    mention: Mention = Mention.MAIN
    polarity: str = "positive"
    recipient: Recipient | None = None
    speaker: Speaker | None = None
    generic: bool = False


@dataclass(frozen=True, slots=True)
class RecordWarning:
    """A recoverable anomaly found in a document (code from ``errors.Code``)."""

    code: str
    start: int | None
    end: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the stages found in one document; ``record.to_record`` serializes it."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    warnings: tuple[RecordWarning, ...] = field(default_factory=tuple)
