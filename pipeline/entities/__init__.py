"""Stage 4: named entities from GiNZA's NER, mapped to the project's seven labels.

See ``find_entities``. Follows ANNOTATION.md (Entities).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.parse import ParsedDoc
from pipeline.schema import Entity, EntityLabel, Sentence

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["configure_nlp", "find_entities", "fingerprint"]

# ENE label -> our label; ENE labels absent here are dropped.
ENE_MAP: dict[str, EntityLabel] = {
    "Person": EntityLabel.PERSON,
    "Country": EntityLabel.LOCATION,
    "Province": EntityLabel.LOCATION,
    "City": EntityLabel.LOCATION,
    "Government": EntityLabel.ORG,
    "Military": EntityLabel.ORG,
    "Company": EntityLabel.ORG,
    "International_Organization": EntityLabel.ORG,
    "Political_Party": EntityLabel.ORG,
    "Conference": EntityLabel.EVENT,
    "Treaty": EntityLabel.DOCUMENT,
    "Law": EntityLabel.DOCUMENT,
}


def configure_nlp(nlp: Language) -> None:
    """Add the domain layer to a loaded GiNZA pipeline (none yet)."""


def fingerprint() -> str:
    """Hash of everything ``configure_nlp`` adds: part of the parse cache key."""
    return hashlib.sha256(b"entities.v1:no-ruler").hexdigest()[:16]


def find_entities(text: str, parsed: ParsedDoc, *, sentences: Sequence[Sentence] = ()) -> tuple[Entity, ...]:
    """Entities of ``text`` from its GiNZA parse; offsets index ``text``."""
    entities = []
    for ent in parsed.entities:
        label = ENE_MAP.get(ent.label)
        if label is None:
            continue
        entities.append(
            Entity(
                id=f"e{len(entities)}",
                start=ent.start,
                end=ent.end,
                surface=text[ent.start : ent.end],
                label=label,
                subtype=ent.label,
            )
        )
    return tuple(entities)
