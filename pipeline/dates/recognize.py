"""Recognition: find the date mentions of a text and read what each one says, before resolution.

``scan(text)`` returns ``Candidate`` records in text order: spans (offsets into ``text``) with the
fields the surface states (era and era year, Western year, 年度, month, day, relative words,
sub-period, season, decade, century), the relational ``mod`` that follows, and range/list links.
Resolution (``resolve.py``) turns them into values using context and the document date.

Only ``FIRST.search`` walks the text (one compiled regex, skipping non-date characters in C);
each hit goes to the reader of its written form (``forms.py``), which reads on with anchored
``.match`` calls (``extension.py``). A hit that is not a date (a duration such as 4年ぶり, a set
such as 毎年4月, an idiom such as 一日も早く: ``lookalikes.py``) is dropped, and the scan goes on
after it.
"""

from __future__ import annotations

import datetime as dt

from pipeline.dates.candidate import Candidate
from pipeline.dates.forms import grammar
from pipeline.dates.reading import Scan

__all__ = ["scan"]


def scan(text: str, *, document_date: dt.date | None = None) -> list[Candidate]:
    """All date candidates of ``text``, in text order.

    Offsets are code points into ``text``. Candidates carry what their surface says; nothing is
    resolved against context here, and impossible dates (2月30日, 13月) are left for resolution to
    reject with a warning. ``document_date`` only tells whether the text is in the pre-war
    register (``lookalikes.is_classical``), where a day is written without a particle
    (九日ジヤバ全島の制壓成り).
    """
    rules = grammar()
    if rules.patterns.prefilter.search(text) is None:
        return []
    state = Scan(text, rules, document_date=document_date)
    search = rules.first.search
    pos = 0
    while (m := search(text, pos)) is not None:
        _, after = state.read(m)  # a mention read at the top is appended to state.candidates
        pos = max(after, m.start() + 1)
    return state.candidates
