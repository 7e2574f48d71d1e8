"""The dates stage function: find and normalize date expressions (西暦, 和暦, relative dates), per ANNOTATION.md.

``find_dates`` runs in two steps: ``recognize.scan`` finds the mentions with a few compiled
regexes over the original text (no normalized copy, so offsets are the text's own), and
``resolve.resolve`` turns them into values with the context and the document date. GiNZA is
never used here. The flow and where each rule lives: ``pipeline/dates/README.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.dates.recognize import scan
from pipeline.dates.resolve import resolve
from pipeline.schema import DateMention, RecordWarning, Sentence

__all__ = ["DateResult", "find_dates"]


@dataclass(frozen=True, slots=True)
class DateResult:
    """Dates found in a document, in text order, and the anomalies met on the way."""

    dates: tuple[DateMention, ...]
    warnings: tuple[RecordWarning, ...]


def find_dates(
    text: str, *, document_date: dt.date | None = None, sentences: Sequence[Sentence] = ()
) -> DateResult:
    """Find and resolve the date mentions of ``text``.

    Args:
        text: the document text; every offset returned indexes it (code points, end exclusive).
        document_date: the document's date (input metadata ``date``), against which 本年, 昨年,
            来年度, 先月, 本日 and months or days written without a year are resolved.
        sentences: accepted for the stage interface; resolution crosses sentences (同年 refers
            to the latest mention wherever it is), and paragraphs are read from the text.

    Returns:
        ``DateResult`` with the mentions (ids ``d0``, ``d1``, ... in text order; ``value``,
        ``mod``, ``part``, ``range``, ``flags``, ``resolved_from``, ``era``/``era_year``) and the
        warnings: W301 impossible calendar dates (2月30日, 13月, 昭和64年2月), W302 era
        overflows (平成32年: kept with ``flags=("era_overflow",)``; more than 10 years past the
        era: dropped), W303 relative dates that cannot be resolved. None of those is emitted as a
        date unless flagged as overflow.
    """
    del sentences  # resolution is by text order and paragraphs, not by sentence
    candidates = scan(text, document_date=document_date)
    mentions, warnings = resolve(text, candidates, document_date)
    return DateResult(dates=tuple(mentions), warnings=tuple(warnings))
