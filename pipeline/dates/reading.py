"""One scan's state, and the table row a written form is registered with.

``Scan`` holds what the readers share while one text is scanned: the text, the candidates found
so far (a range end or a list item links back to them), the register (read only when a day
needs it), the compiled patterns, and ``read``, which hands a hit of ``FIRST`` to the reader of
the form it matched. The forms themselves (``forms.py``) are rows of ``Form``; the scan loop
(``recognize.py``) builds the ``Grammar`` from them. Keeping the state here lets the extension
grammar read a range end or a list item without importing the forms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pipeline.dates.candidate import Candidate
from pipeline.dates.lookalikes import is_classical
from pipeline.dates.patterns import Patterns

__all__ = ["Form", "Grammar", "Level", "Reader", "Role", "Scan", "Step"]

# What a mention's last element is so far: what may follow depends on it (a month after a year,
# a day after a month, 中旬 only after a month).
Level = Literal["year", "month", "day", "decade", "century", "season", "part"]
# How a mention is read: at the top of the scan (None), as the end of a range, as a list item.
Role = Literal["range_end", "list_item"] | None
# A reader's result: the candidate (only for a range end or a list item; a mention read at the top
# is appended to ``Scan.candidates`` instead) and the position the scan goes on from.
Step = tuple[Candidate | None, int]
Reader = Callable[["Scan", re.Match[str], Candidate, Role], Step]


@dataclass(frozen=True, slots=True)
class Form:
    """A written form of a date's first element: its regex alternative in ``FIRST`` and its reader.

    ``pattern`` is a template over ``patterns.pieces()`` (``{NUM}``, ``{ERA}`` ...; literal braces
    doubled) and holds the form's named groups. ``starts`` are the characters (class syntax) a
    mention of the form may begin with: the scan only tries positions that begin so. ``lead``
    spells out the words of a form led by a frequent character (きょう, 新年度) instead, so that
    the scan does not stop at every き or 新: ``(first characters, alternation)``.
    """

    name: str
    pattern: str
    read: Reader
    starts: tuple[str, ...] = ()
    lead: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Grammar:
    """``FIRST`` (every form's alternative, behind one lookahead) and which form each group belongs to."""

    first: re.Pattern[str]
    form_of_group: dict[int, Form]
    patterns: Patterns


@dataclass(slots=True)
class Scan:
    """The state of one scan of one text."""

    text: str
    grammar: Grammar
    document_date: dt.date | None = None
    candidates: list[Candidate] = field(default_factory=list)
    p: Patterns = field(init=False)  # the extension grammar's patterns (grammar.patterns)
    _classical: bool | None = None

    def __post_init__(self) -> None:
        self.p = self.grammar.patterns

    @property
    def classical(self) -> bool:
        """文語/旧字体 register (days written without a particle); read only when a day needs it."""
        if self._classical is None:
            self._classical = is_classical(self.text, self.document_date)
        return self._classical

    def match_first(self, pos: int) -> re.Match[str] | None:
        """A first element starting exactly at ``pos`` (a range end, a list item, an apposed year)."""
        return self.grammar.first.match(self.text, pos)

    def read(self, m: re.Match[str], role: Role = None, lead: int | None = None) -> Step:
        """Read the mention that ``m`` starts; ``lead`` moves its start back to a relative word.

        ``lead`` is where a relative word written together with this explicit year began
        (昨年二〇一〇年): the mention's span starts there.
        """
        form = self.grammar.form_of_group[m.lastindex or 0]
        cand = Candidate(start=m.start() if lead is None else lead, end=m.end())
        return form.read(self, m, cand, role)

    def add(self, cand: Candidate) -> int:
        """Append a finished mention; its index is what a range end or list item links to."""
        self.candidates.append(cand)
        return len(self.candidates) - 1
