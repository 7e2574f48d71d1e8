"""What resolution knows when it reaches a mention: the document date and what earlier mentions fixed.

``Context`` holds the values of the mentions resolved so far (``Known``), in text order, and
finds the antecedent a relative or partial date leans on: the most recent mention with a year,
a month, a day or an era, optionally within one paragraph. The rules per kind (``years.py``,
``days.py``) read it and fill a ``Value``; they raise ``Unresolved`` for what is no date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.dates.candidate import Candidate
from pipeline.dates.eras import Era
from pipeline.errors import Code

__all__ = ["DOCUMENT_DATE", "Context", "Known", "Unresolved", "Value", "add_months", "fiscal_year"]

# ``resolved_from`` of a value placed by the document date.
DOCUMENT_DATE = "document_date"


@dataclass(frozen=True, slots=True)
class Known:
    """What an emitted mention fixes on the calendar, for later mentions to inherit."""

    id: str
    year: int | None  # calendar year (for a fiscal year: the year it begins)
    month: int | None
    day: int | None
    fiscal: bool
    era: Era | None
    paragraph: int
    # A month whose year its own surface gives (来年の一月, 2010年5月), not one inherited.
    dated: bool = False
    # A day word anchored to the speaker's time (本日, 昨日, きょう, あす): "kanji" or "kana".
    deictic: str | None = None


class Unresolved(Exception):
    """A relative date with no antecedent (W303) or an impossible one (W301/W302)."""

    def __init__(self, code: Code, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(slots=True)
class Value:
    """The calendar value being worked out for one candidate."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    fiscal: bool = False
    era: Era | None = None
    era_year: int | None = None
    resolved_from: str | None = None
    overflow: bool = False


def fiscal_year(day: dt.date) -> int:
    """The fiscal year (April–March) a day falls in, named by the year it begins."""
    return day.year if day.month >= 4 else day.year - 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months after (or before) ``year``-``month``."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class Context:
    """The text, the document date, and the mentions resolved so far, with their antecedent lookups."""

    __slots__ = ("by_index", "doc", "known", "text")

    def __init__(self, text: str, document_date: dt.date | None) -> None:
        self.text = text
        self.doc = document_date
        self.known: list[Known] = []
        self.by_index: dict[int, Known] = {}  # candidate index -> its value (range and list links)

    def remember(self, index: int, known: Known) -> None:
        """Record the value of the candidate at ``index``, for later mentions to lean on."""
        self.known.append(known)
        self.by_index[index] = known

    def head(self, cand: Candidate) -> Known | None:
        """The resolved mention a range end, list item or continuation links to, if any."""
        return None if cand.link is None else self.by_index.get(cand.link)

    def latest(self, need: str, paragraph: int | None = None, skip: tuple[str, ...] = ()) -> Known | None:
        """The most recent known mention that has ``need`` (year, month, day or era).

        ``paragraph``: only within that paragraph. ``skip``: deictic day words not to count
        (``"kanji"``: 本日, 昨日; ``"kana"``: きょう, きのう, あす, which the Diet record also
        writes inside reported speech).
        """
        for known in reversed(self.known):
            if paragraph is not None and known.paragraph != paragraph:
                return None
            if known.deictic is not None and known.deictic in skip:
                continue
            if getattr(known, need) is not None:
                return known
        return None

    def reference_year(self) -> int | None:
        """The year era-less readings are measured against: the document's, else the latest mention's."""
        if self.doc is not None:
            return self.doc.year
        latest = self.latest("year")
        return latest.year if latest is not None else None

    def paragraph(self, offset: int) -> int:
        """The paragraph of an offset, named by the offset it starts at."""
        return self.text.rfind("\n", 0, offset) + 1

    def document_date(self, what: str) -> dt.date:
        """The document date, or W303 when a ``what`` needs it and there is none."""
        if self.doc is None:
            raise Unresolved(Code.W303_UNRESOLVED, what)
        return self.doc
