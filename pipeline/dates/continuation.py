"""Continuation: which earlier mention an element continues, and which words tie it to the speaker's time.

An era-less year (二十三年を期し) is a year only where its sentence fixes the era: a closed range
of such years (十九年から二十一年まで) or an era year before it (明治十四年十月…二十三年を期し),
which it is linked to. A season written alone (秋には) continues the dated mention of its
sentence (ことしの春に…、秋には). Words such as 去る, 来る, 先週 before a month or day anchor it to
the document date instead of the last mention. The words are in
``pipeline/data/dates/context.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.dates import lexicon
from pipeline.dates.candidate import Candidate
from pipeline.dates.lookalikes import ends_with, is_kanji, is_katakana
from pipeline.dates.numerals import NumberStyle, parse_number

__all__ = ["context_year", "deixis_before", "in_context", "season_head"]

_CONTEXT_YEAR_BACK = -10  # how far before the context year an era-less year may lie
_CONTEXT_YEAR_AHEAD = 20  # and how far after it (a speech narrates forward: 明治十四年…二十三年)
_CONTEXT_YEAR_REACH = 150  # characters between the context year and the era-less year
_SENTENCE_END = re.compile(r"[。\n！？]")
# An era year written without its era (八年四月, 十四年十月) fixes the era of what follows as well.
_ERA_STYLES = (NumberStyle.KANJI_POSITIONAL, NumberStyle.KANJI_DIGITS)


@dataclass(frozen=True, slots=True)
class _Context:
    context_year_after: re.Pattern[str]
    context_year_before: re.Pattern[str]
    bare_range: re.Pattern[str]
    season_alone_after: re.Pattern[str]
    deixis: tuple[tuple[str, str], ...]


@functools.cache
def _context() -> _Context:
    close = lexicon.alternation(lexicon.CONTEXT, "bare_range_close")
    return _Context(
        context_year_after=re.compile(lexicon.alternation(lexicon.CONTEXT, "context_year_after")),
        context_year_before=lexicon.words_before(lexicon.CONTEXT, "context_year_before"),
        # 十九年から二十一年まで: the Diet record names years of the current era like this.
        bare_range=re.compile(rf"(?:から|より)(?P<y>[〇○一二三四五六七八九十百千廿卅]{{1,4}}|[0-9０-９]{{1,2}})年(?:{close})"),
        season_alone_after=re.compile(lexicon.alternation(lexicon.CONTEXT, "season_alone_after")),
        deixis=tuple(lexicon.mapping(lexicon.CONTEXT, "deixis_before").items()),
    )


def deixis_before(text: str, start: int) -> str | None:
    """Where a word before a month or day points in the speaker's time: past, future, near, or None.

    去る十八日 is past, 来る四月 future, 今週 near; not after 出 (出来る四月 is no 来る).
    """
    for word, direction in _context().deixis:
        if text.startswith(word, start - len(word)) and not text.startswith("出", start - len(word) - 1):
            return direction
    return None


def in_context(text: str, candidates: Sequence[Candidate], cand: Candidate, pos: int) -> bool:
    """Whether an era-less N年 (ending at ``pos``) is a year here; a context year links ``cand`` to it."""
    return closed_bare_range(text, cand, pos) or context_year(text, candidates, cand, pos)


def closed_bare_range(text: str, cand: Candidate, pos: int) -> bool:
    """十九年から二十一年まで: the start of a closed range of era-less years."""
    rm = _context().bare_range.match(text, pos)
    if rm is None or cand.bare is None:
        return False
    end = parse_number(rm["y"])
    return end is not None and end[0] > cand.bare


def context_year(text: str, candidates: Sequence[Candidate], cand: Candidate, pos: int) -> bool:
    """An era-less year in a sentence whose era an earlier era year fixes (links ``cand`` there)."""
    context = _context()
    if cand.bare is None or not context.context_year_after.match(text, pos):
        return False
    if ends_with(context.context_year_before, text, cand.start):
        return False
    head = _context_head(text, candidates, cand.start)
    if head is None:
        return False
    index, era_year = head
    if not era_year + _CONTEXT_YEAR_BACK <= cand.bare <= era_year + _CONTEXT_YEAR_AHEAD:
        return False
    cand.link = index
    return True


def _context_head(text: str, candidates: Sequence[Candidate], start: int) -> tuple[int, int] | None:
    """The latest mention of the sentence that states a year, if it fixes an era: (index, era year)."""
    for index in range(len(candidates) - 1, -1, -1):
        head = candidates[index]
        if start - head.end > _CONTEXT_YEAR_REACH or _SENTENCE_END.search(text, head.end, start):
            return None
        era_year = _era_year_of(head)
        if era_year is not None:
            return index, era_year
        if head.has_year_info:
            return None  # the latest year is Western or relative: no era to continue
    return None


def _era_year_of(head: Candidate) -> int | None:
    """The era year an earlier mention fixes: 平成十九年, 同二十年, or an era-less 八年四月."""
    if head.era is not None or head.era_same:
        return head.era_year
    if head.bare is not None and head.bare_style in _ERA_STYLES:
        return head.bare
    return None


def season_head(text: str, candidates: Sequence[Candidate], start: int, end: int) -> int | None:
    """The dated mention a season written alone continues (ことしの春に…、秋には), if any."""
    if not candidates or _inside_word(text, start, end):
        return None
    if not _context().season_alone_after.match(text, end) or text.startswith(("この", "その", "あの"), start - 2):
        return None  # この春から: the speaker's season, not the narrated year's
    index = len(candidates) - 1
    head = candidates[index]
    if start - head.end > _CONTEXT_YEAR_REACH or _SENTENCE_END.search(text, head.end, start):
        return None
    if not head.has_year_info or head.fiscal or head.decade or head.century is not None:
        return None  # 二〇二〇年度の目標…夏までに: a plan year does not date the speaker's summer
    if head.century_off is not None:
        return None
    return index


def _inside_word(text: str, start: int, end: int) -> bool:
    """A season character inside a word (秋田, 春闘, 冬季, 立春)."""
    if start > 0 and (is_kanji(text[start - 1]) or is_katakana(text[start - 1])):
        return True
    return end < len(text) and (is_kanji(text[end]) or is_katakana(text[end]))
