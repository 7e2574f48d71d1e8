"""Stage 5: commitments (agreements, decisions, reaffirmations, ...) and who made them.

See ``find_commitments``. Follows ANNOTATION.md (Commitments).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.parse import ParsedDoc
from pipeline.schema import Commitment, DateMention, Entity, Sentence

__all__ = ["find_commitments"]


def find_commitments(
    text: str,
    parsed: ParsedDoc,
    *,
    sentences: Sequence[Sentence] = (),
    dates: Sequence[DateMention] = (),
    entities: Sequence[Entity] = (),
    meta: Mapping[str, Any] | None = None,
) -> tuple[Commitment, ...]:
    """Commitments of ``text`` (none yet: the rules are the commitments issue)."""
    return ()
