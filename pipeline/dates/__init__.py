"""Stage 3: find and normalize date expressions (西暦, 和暦, relative dates).

See ``find_dates``. Follows ANNOTATION.md (Dates); GiNZA is never used here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.schema import DateMention, RecordWarning, Sentence

__all__ = ["DateResult", "find_dates"]

_WESTERN = re.compile(r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?")


@dataclass(frozen=True, slots=True)
class DateResult:
    """Dates found in a document, in text order, and the anomalies met on the way."""

    dates: tuple[DateMention, ...]
    warnings: tuple[RecordWarning, ...]


def find_dates(
    text: str, *, document_date: dt.date | None = None, sentences: Sequence[Sentence] = ()
) -> DateResult:
    """Find dates in ``text``; offsets index ``text``.

    Minimal first version: four-digit Western years with optional month and day.
    """
    dates = []
    for match in _WESTERN.finditer(text):
        value = match["y"]
        if match["m"]:
            value += f"-{int(match['m']):02d}"
            if match["d"]:
                value += f"-{int(match['d']):02d}"
        dates.append(
            DateMention(
                id=f"d{len(dates)}",
                start=match.start(),
                end=match.end(),
                surface=match.group(),
                value=value,
            )
        )
    return DateResult(dates=tuple(dates), warnings=())
