"""When an act or an occasion took place: which date mentions date a venue, a trip, a clause.

Dates are never guessed: an occasion's date is a date written next to its venue or opening its
clause; a trip's is the common month of the range it lasted; an act's is a time adjunct of its
own clause, else its occasion's. The rules are in README.md (Decisions: dating).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from pipeline.commitments.lexicon import alternation, load_words
from pipeline.commitments.syntax import SentenceView
from pipeline.schema import DateMention


@cache
def _not_occasion_date() -> re.Pattern[str]:
    """What, following a date, makes it no date of the venue next to it (以来, 当時, に向け)."""
    return re.compile(rf"^(?:{alternation(load_words().not_occasion_date_after)})")


@cache
def _clause_date_after() -> re.Pattern[str]:
    """What follows a date that opens a clause: 四月二十七日、 / 五月九日には / 四月二十日でありますが、."""
    return re.compile(rf"^(?:[、，]|には|に[、，]|で(?:{alternation(load_words().polite_copulas)})が[、，])")


@cache
def _held_clause() -> re.Pattern[str]:
    """に + an optional place + a holding verb in the past, closing a relative clause on the meeting."""
    verbs = alternation(load_words().held_verbs)
    return re.compile(rf"に[、，]?(?:[^、，。]{{1,20}}(?:にて|において|で)[、，]?)?(?:{verbs})(?:された|た)?")


def occasion_date(view: SentenceView, a: int, b: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date of a venue at sentence offsets ``a..b`` (``dates``: the sentence's).

    Written after it in parentheses, before it with の (or closing a relative clause that holds
    it), opening its clause, or a range opening the sentence.
    """
    return (
        _parenthesized_date(view, b, dates)
        or _modifying_date(view, a, dates)
        or _clause_opening_date(view, a, dates)
        or _opening_range(view, dates)
    )


def _parenthesized_date(view: SentenceView, b: int, dates: Sequence[DateMention]) -> DateMention | None:
    """Heading style: 「2+2」会合(11(平成23)年6月21日)."""
    sentence, base = view.surface, view.start
    for d in dates:
        gap = sentence[b : d.start - base]
        if d.start - base >= b and re.fullmatch(r"[0-9０-９]?[(（]?", gap):
            return d
    return None


def _modifying_date(view: SentenceView, a: int, dates: Sequence[DateMention]) -> DateMention | None:
    """09(同21)年11月13日の日米首脳会談, 去る五月一日に…にて開催された日米安全保障協議委員会."""
    sentence, base = view.surface, view.start
    best = None
    for d in dates:
        de = d.end - base
        if de > a:
            continue
        after = sentence[de:]
        if _not_occasion_date().match(after) or d.mod is not None or d.range == "end":
            continue
        gap = sentence[de:a]
        # 09(同21)年11月13日の日米首脳会談, 翌二十八日の日米首脳会談, 去る五月一日に米国ワシン
        # トンＤＣにて開催された日米安全保障協議委員会 (a relative clause holding the meeting)
        if gap in ("の", "の「", "に") or _held_clause().fullmatch(gap):
            best = d
    return best


def _clause_opening_date(view: SentenceView, a: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The date opening the venue's clause: 四月二十七日、…会合を開催 / …であるが、同年10月25日、…会談."""
    sentence, base = view.surface, view.start
    best = None
    for d in dates:
        ds, de = d.start - base, d.end - base
        if de > a or not _clause_date_after().match(sentence[de:]) or _not_occasion_date().match(sentence[de:]):
            continue
        if d.mod is not None or d.range == "end":
            continue
        # 現地時間三月二日、…: a time-zone note opens the clause with the date
        prefix = re.sub(r"(?:現地時間|日本時間)$", "", sentence[:ds].rstrip()).rstrip()
        if not prefix or prefix.endswith(("、", "，", "。")):
            best = d
    return best


def _opening_range(view: SentenceView, dates: Sequence[DateMention]) -> DateMention | None:
    """四月二十三日から二十五日まで、…: a range opening the sentence dates what follows."""
    sentence, base = view.surface, view.start
    for d in dates:
        if d.start - base <= 2 and (d.range == "start" or sentence[d.end - base :].startswith("から")):
            return d
    return None


def range_month(start: DateMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The start of a range valued as the month both ends share (2021-04-15〜18 → 2021-04), or None."""
    end = next((d for d in dates if d.start > start.start and d.range == "end"), None)
    if end is None:
        return None
    a, b = start.value, end.value
    if len(a) == len(b) == 10 and a[:7] == b[:7] and a[:4].isdigit():
        return replace(start, value=a[:7])
    return None
