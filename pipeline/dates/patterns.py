"""Regex building blocks for dates, with named groups collected in one place (as ja-timex's Place).

The patterns run on the document text itself: full-width digits, full-width brackets, kanji
numerals and the tilde variants are character classes here, so no normalized copy is made and
every match offset is an offset into the original text (the offset map is the identity by
construction; the tests check ``text[start:end] == surface`` on arbitrary text).

``pieces()`` are the named fragments the written forms (``forms.py``) are templated with;
``patterns()`` are the compiled patterns of the extension grammar, tried with
``.match(text, pos)`` right after a first element (年度, a gloss, month, day, weekday, part,
season, mod, range connector, list separator). Both are built once, on first use, because some
fragments come from the word tables (era names, relative words, mods, sub-periods).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.dates import lexicon
from pipeline.dates.eras import era_alternation, era_first_characters, era_initials

__all__ = ["NUMERAL_CHARS", "Patterns", "patterns", "pieces"]

NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９〇○一二三四五六七八九十百千廿卅")
# A numeral: up to 4 Arabic digits (half- or full-width), or kanji (digit by digit or positional;
# 廿 = 二十 and 卅 = 三十 in Meiji-Taisho text: 明治廿三年, 卅日).
NUM = r"(?:[0-9０-９]{1,4}|[〇○一二三四五六七八九十百千廿卅]{1,7})"
NUM4 = r"(?:[0-9０-９]{4}|[〇○一二三四五六七八九]{4})"
# The characters a numeral starts with, for the scan's lookahead class.
NUM_START = "0-9０-９〇○一二三四五六七八九十百千廿卅"
LP = r"[(（]"
RP = r"[)）]"
SP = r"[ \u3000]?"
# Range connectors. Dashes only join compact ranges (2011-15年), where a unit follows at once.
TILDE = r"[〜～~∼]"
DASH = r"[\-－‐―–—]"

# A season or 末 must not be the first character of a longer word (秋田, 春日, 末端); 以来/以降
# and 頃 may follow.
_KANJI = r"\u3400-\u9fff々"
WORD_END = rf"(?:(?![{_KANJI}ァ-ヶー])|(?=以[来降後前]|頃))"


def _relative(unit: str) -> str:
    return "|".join(re.escape(w.word) for w in lexicon.relative_words(unit))


def _first_characters(unit: str) -> str:
    return "".join(dict.fromkeys(w.word[0] for w in lexicon.relative_words(unit)))


@functools.cache
def pieces() -> dict[str, str]:
    """The named fragments the written forms are templated with (``{NUM}``, ``{ERA}``, ``{REL_YEAR}`` ...)."""
    return {
        "NUM": NUM,
        "NUM4": NUM4,
        "NUM_START": NUM_START,
        "LP": LP,
        "RP": RP,
        "SP": SP,
        "TILDE": TILDE,
        "DASH": DASH,
        "WORD_END": WORD_END,
        "ERA": era_alternation(),  # (?:明治|大正|昭和|平成|令和|[㍾㍽㍼㍻㋿])
        "ERA_START": era_first_characters(),  # 明大昭平令㍾㍽㍼㍻㋿
        "ERA_INITIALS": era_initials(),  # MTSHRＭＴＳＨＲ
        "REL_YEAR": _relative("year"),
        "REL_YEAR_START": _first_characters("year"),
        "REL_MONTH": _relative("month"),
        "REL_MONTH_START": _first_characters("month"),
        "REL_DAY": _relative("day"),
        "REL_DAY_START": _first_characters("day"),
        "KANA_DAY": _relative("kana_day"),
        "KANA_DAY_START": _first_characters("kana_day"),
        "REL_SEASON": _relative("season"),
        "REL_SEASON_START": _first_characters("season"),
        "REL_CENTURY": _relative("century"),
        "REL_CENTURY_START": _first_characters("century"),
        "SEASON_LEAD": lexicon.alternation(lexicon.CONTEXT, "season_alone_lead"),
    }


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled patterns of what may follow a first element (the extension grammar)."""

    prefilter: re.Pattern[str]
    fiscal: re.Pattern[str]
    decade: re.Pattern[str]
    apposition: re.Pattern[str]
    month_next: re.Pattern[str]
    apposition_day: re.Pattern[str]
    apposition_month: re.Pattern[str]
    day_next: re.Pattern[str]
    weekday: re.Pattern[str]
    part: re.Pattern[str]
    season: re.Pattern[str]
    mod: re.Pattern[str]
    connector: re.Pattern[str]
    list_separator: re.Pattern[str]


@functools.cache
def patterns() -> Patterns:
    """The extension grammar's patterns, compiled once."""
    era = era_alternation()
    return Patterns(
        # Every mention contains one of these characters: a cheap test before the scan.
        prefilter=re.compile(r"[年月日紀春夏秋冬臘]|きょう|きのう|あす|あした"),
        # After 年: 年度 (fiscal year) and 年代 (decade).
        fiscal=re.compile(r"度"),
        decade=re.compile(r"代"),
        # Apposition or gloss after a year: 平成23年（2011年）, 2011年(平成23年), 平成23年度（2011年度）.
        apposition=re.compile(
            rf"{LP}(?:(?P<ap_era>{era}|同){SP}(?P<ap_en>{NUM}|元)|(?P<ap_w>{NUM}))年(?P<ap_fy>度)?{RP}"
        ),
        # A month after a year (also joined by の: 昨年の十月); a unit-less numeral that starts a
        # compact range (2011年4〜6月) is a month too. A space may separate the elements in text
        # extracted from PDF (2011年 3月 11日).
        month_next=re.compile(rf"(?P<no>の|{SP})(?:(?P<m>{NUM})月|(?P<mx>{NUM})(?=(?:{TILDE}|{DASH}){NUM}月))"),
        # An explicit date glued to a relative word that says the same thing (本日十七日, 翌日三十日,
        # 今月十一月十五日): one mention whose value comes from the explicit part.
        apposition_day=re.compile(rf"(?P<lp>{LP})?(?:(?P<m>{NUM})月)?(?P<d>{NUM})日(?(lp){RP})"),
        apposition_month=re.compile(rf"(?P<m>{NUM})月"),
        day_next=re.compile(rf"(?P<no>の|{SP})(?:(?P<d>{NUM})日|(?P<dx>{NUM})(?=(?:{TILDE}|{DASH}){NUM}日))"),
        # A weekday in brackets: (月), （火曜日）, (金・祝).
        weekday=re.compile(rf"{LP}[月火水木金土日](?:曜日?)?(?:[・･、][祝休]日?)?{RP}"),
        # 初め, 中旬, 末 ... (parts.tsv); which level each may follow is checked by the reader.
        part=re.compile(
            r"(?P<no>の)?(?P<part>" + "|".join(lexicon.guarded(p.word, p.not_before) for p in lexicon.parts()) + ")"
        ),
        season=re.compile(rf"の?(?P<season>[春夏秋冬]){WORD_END}"),
        # What may follow a mention: relational suffixes become ``mod`` (mods.tsv, longest first);
        # から and the tildes may open a range.
        mod=re.compile("|".join(lexicon.guarded(m.word, m.not_before) for m in lexicon.mods())),
        # より opens a range unless it is the head of より後 / より前 (mods.tsv).
        connector=re.compile(rf"{TILDE}|から|より(?!後(?!ろ)|前(?!倒))|{DASH}"),
        list_separator=re.compile(lexicon.alternation(lexicon.GRAMMAR, "list_separators")),
    )
