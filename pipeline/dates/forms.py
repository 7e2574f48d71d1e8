"""The written forms of a date's first element: one reader each, registered in ``FORMS`` in order.

A form is a row: its name, its regex alternative (a template over ``patterns.pieces()``, with the
form's named groups), its reader, and the characters a mention of it may start with. ``FIRST``
is every row's alternative, in table order, behind one lookahead built from those characters;
the scan (``recognize.py``) hands each hit to the reader of the row it matched. A reader checks
the look-alikes of its form (``lookalikes.py``), fills a ``Candidate`` and hands it to the
extension grammar (``extension.py``), or drops the hit. Adding a written form is adding a reader
and a row.
"""

from __future__ import annotations

import functools
import re

from pipeline.dates import lexicon
from pipeline.dates.candidate import SEASONS, Candidate
from pipeline.dates.continuation import deixis_before, season_head
from pipeline.dates.eras import era_by_initial, era_by_name
from pipeline.dates.extension import extend, finish, link_range_end
from pipeline.dates.lookalikes import (
    after_kanji,
    bare_part_is_other_word,
    day_is_count,
    follows_code_or_number,
    inside_compound,
    is_kana_word_tail,
    kana_day_is_other_word,
    kotoshi_is_other_word,
    month_is_count,
    numeral_is_lookalike,
    same_year_is_age,
    tomorrow_is_figurative,
)
from pipeline.dates.numerals import NumberStyle, parse_number
from pipeline.dates.patterns import patterns, pieces
from pipeline.dates.reading import Form, Grammar, Role, Scan, Step
from pipeline.schema import DatePart

__all__ = ["FORMS", "grammar"]

# What a reader returns for a hit it drops (with the position the scan goes on from).
_NOT_A_DATE = None
_DIGITS = "0123456789０１２３４５６７８９〇○一二三四五六七八九"
# A member of a character class as the forms' ``starts`` write it: a range (0-9) or a character.
_CLASS_MEMBER = re.compile(r".-.|.")


@functools.cache
def _relative(unit: str) -> dict[str, lexicon.RelativeWord]:
    return {w.word: w for w in lexicon.relative_words(unit)}


def _numeral_taken(s: Scan, start: int, role: Role) -> bool:
    """A numeral glued to a code, a longer number or a set word; a range end follows its connector (2011-2015年)."""
    return role != "range_end" and numeral_is_lookalike(s.text, start)


def _year(s: Scan, m: re.Match[str], cand: Candidate, role: Role, *, needs_month: bool = False) -> Step:
    """An explicit year read: 翌 before it is part of the surface (翌16(同28)年3月29日), then extend."""
    start = m.start()
    if start > 0 and s.text[start - 1] == "翌":
        cand.start -= 1
    return extend(s, cand, m.end(), "year", role, needs_month=needs_month)


# --- years ---------------------------------------------------------------------------------------


def read_era_year(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """平成22年, 昭和六十四年, 令和元年, ㍻22年, 平成22(2010)年."""
    era = era_by_name(m["era"])
    num = parse_number(m["era_n"])
    if era is None or num is None:
        return _NOT_A_DATE, m.end()
    cand.era, cand.era_year = era, num[0]
    return _year(s, m, cand, role)


def read_era_initial(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """H23年度, S64年: an era initial (JIS X 0301) and a one- or two-digit year."""
    num = parse_number(m["abbr_n"])
    era = era_by_initial(m["abbr"])
    if follows_code_or_number(s.text, m.start()) or num is None or era is None:
        return _NOT_A_DATE, m.end()
    cand.era, cand.era_year = era, num[0]
    return _year(s, m, cand, role)


def read_western_with_era(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """10(平成22)年, 2010(平成22)年, 09(同21)年: a Western year glossed by its era year."""
    wn, en = parse_number(m["wg_n"]), parse_number(m["wg_en"])
    if _numeral_taken(s, m.start(), role) or wn is None or en is None:
        return _NOT_A_DATE, m.end()
    cand.era_year = en[0]
    if m["wg_era"] == "同":
        cand.era_same = True
    else:
        cand.era = era_by_name(m["wg_era"])
    if len(m["wg_n"]) == 4:
        cand.year = wn[0]
    else:
        cand.year2 = wn[0]
    return _year(s, m, cand, role)


def read_same_era_year(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """同23年: year 23 of the era of the most recent era-bearing mention."""
    num = parse_number(m["same_n"])
    if num is None or inside_compound(s.text, m.start()):
        return _NOT_A_DATE, m.end()
    cand.era_same, cand.era_year = True, num[0]
    return _year(s, m, cand, role)


def read_western_year(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """2010年, 二〇一〇年, 西暦2010年; two-digit 九八年; era-less 二十三年 (a year only in context)."""
    if _numeral_taken(s, m.start(), role) and m["sei3"] is None:
        return _NOT_A_DATE, m.end()
    num = parse_number(m["west"])
    if num is None or not _set_western_year(cand, num[0], num[1], len(m["west"])):
        return _NOT_A_DATE, m.end()
    # Positional kanji Western years (千九百四十九年) only with a month or 西暦.
    positional = num[1] is NumberStyle.KANJI_POSITIONAL and cand.year is not None and m["sei3"] is None
    return _year(s, m, cand, role, needs_month=positional)


def _set_western_year(cand: Candidate, value: int, style: NumberStyle, digits: int) -> bool:
    """Store a N年 numeral as a Western year, a two-digit year or an era-less number."""
    if digits == 4 and style in (NumberStyle.ARABIC, NumberStyle.KANJI_DIGITS):
        if not 1000 <= value <= 2999:
            return False
        cand.year = value
    elif style is NumberStyle.KANJI_POSITIONAL and value >= 1000:
        cand.year = value  # 千九百四十九年: accepted only before a month (checked by the extension)
    elif digits == 2 and style is NumberStyle.KANJI_DIGITS:
        cand.year2 = value  # 九八年, 〇八年度: the Diet record writes abbreviated years like this
        cand.year2_era = value >= 10
    else:
        cand.bare, cand.bare_style = value, style
    return True


def read_relative_year(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """本年, 昨年度, 翌年, 同年, 再来年, 客年, 當年 (relative_words.tsv); 昨年二〇一〇年 is one mention."""
    word = m["rel_y"]
    if _relative_year_is_other_word(s.text, m.start(), m.end(), word):
        return _NOT_A_DATE, m.end()
    rel = _relative("year")[word]
    cand.year_rel, cand.year_off = rel.anchor, rel.offset
    cand.relative_word = True
    if (explicit := _apposed_year(s, m.end())) is not None:
        return s.read(explicit, role=role, lead=m.start())
    return extend(s, cand, m.end(), "year", role)


def _relative_year_is_other_word(text: str, start: int, end: int, word: str) -> bool:
    """日本年金 (本年), 相當年數 (當年), 同年代 (the same age), 本年金 (年金, a pension)."""
    if inside_compound(text, start):
        return True
    if word in ("當", "客") and after_kanji(text, start):
        return True  # 相當年數, 旅客年間: the tail of another word
    if word in ("同", "仝") and same_year_is_age(text, end):
        return True
    return text.startswith("金", end)


def read_kotoshi(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """ことし (this year), as the Diet record writes 今年; ことし二〇一八年 is one mention."""
    if kotoshi_is_other_word(s.text, m.start(), m.end()):
        return _NOT_A_DATE, m.end()
    cand.year_rel, cand.year_off = "doc", 0
    cand.relative_word = True
    if (explicit := _apposed_year(s, m.end())) is not None:
        return s.read(explicit, role=role, lead=m.start())
    return extend(s, cand, m.end(), "year", role)


def _apposed_year(s: Scan, pos: int) -> re.Match[str] | None:
    """An explicit year right after a relative year word (昨年二〇一〇年, 本年平成二年)."""
    ym = s.match_first(pos)
    if ym is None:
        return None
    if ym["era"] is not None or ym["abbr"] is not None or ym["wg_n"] is not None:
        return ym
    if ym["west"] is not None and len(ym["west"]) == 4:
        return ym
    return None


def read_last_december(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """舊臘/旧臘/客臘/昨臘: December of last year (臘月 is the twelfth month)."""
    cand.year_rel, cand.year_off = "doc", -1
    cand.month = 12
    cand.relative_word = True
    return extend(s, cand, m.end(), "month", role)


def read_new_fiscal_year(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """新年度: the fiscal year about to start or just started (not 更新年度)."""
    if after_kanji(s.text, m.start()):
        return _NOT_A_DATE, m.end()
    cand.year_rel, cand.fiscal, cand.new_fiscal = "doc", True, True
    cand.relative_word = True
    return extend(s, cand, m.end(), "year", role)


# --- seasons, centuries --------------------------------------------------------------------------


def read_relative_season(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """今春, 昨秋, 来春, 翌春: a season of a relative year."""
    if inside_compound(s.text, m.start()):
        return _NOT_A_DATE, m.end()
    rel = _relative("season")[m["cs_rel"]]
    cand.year_rel, cand.year_off = rel.anchor, rel.offset
    cand.season = SEASONS[m["cs"]]
    cand.relative_word = True
    return extend(s, cand, m.end(), "season", role)


def read_season_alone(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """秋には after ことしの春に: a season alone, continuing the dated mention of its sentence."""
    cand.season = SEASONS[m["season_alone"]]
    if role == "range_end":  # 今年の夏から秋にかけて: the range's start gives the year
        return finish(s, cand, m.end(), "season", role)
    head = season_head(s.text, s.candidates, m.start(), m.end()) if role is None else None
    if head is None:
        return _NOT_A_DATE, m.end()
    cand.link = head
    return finish(s, cand, m.end(), "season", role)


def read_relative_century(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """今世紀, 前世紀, 来世紀."""
    if inside_compound(s.text, m.start()):
        return _NOT_A_DATE, m.end()
    cand.century_off = _relative("century")[m["cent_rel"]].offset
    return extend(s, cand, m.end(), "century", role)


def read_century(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """21世紀, 二十世紀 (10 to 22: 百世紀 is no date)."""
    num = parse_number(m["cent_n"])
    if num is None or not 10 <= num[0] <= 22 or _numeral_taken(s, m.start(), role):
        return _NOT_A_DATE, m.end()
    cand.century = num[0]
    return extend(s, cand, m.end(), "century", role)


# --- months --------------------------------------------------------------------------------------


def read_relative_month(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """先月, 今月, 同月, 翌月; 今月十一月十五日 is one mention (the explicit month, in the relative one's year)."""
    if inside_compound(s.text, m.start()):
        return _NOT_A_DATE, m.end()
    rel = _relative("month")[m["m_rel"]]
    cand.month_rel, cand.month_off = rel.anchor, rel.offset
    cand.relative_word = True
    am = s.p.apposition_month.match(s.text, m.end())
    num = parse_number(am["m"]) if am is not None else None
    if am is not None and num is not None and not month_is_count(s.text, am.end()):
        explicit = Candidate(start=m.start(), end=am.end(), month=num[0], anchor=cand)
        return extend(s, explicit, am.end(), "month", role)
    return extend(s, cand, m.end(), "month", role)


def read_month(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """四月, 12月 (not 3月間, 毎年4月); 翌5月1日: the first such date after the antecedent."""
    text, start = s.text, m.start()
    num = parse_number(m["month"])
    if _numeral_taken(s, start, role) or num is None or month_is_count(text, m.end()):
        return _NOT_A_DATE, m.end()
    cand.month = num[0]
    if start > 0 and text[start - 1] == "翌" and role is None:
        # 翌5月1日（水）: 翌 is part of the surface; the first such date after the antecedent.
        cand.start -= 1
        cand.next_after = True
    cand.deixis = deixis_before(text, start)
    return extend(s, cand, m.end(), "month", role)


# --- days ----------------------------------------------------------------------------------------


def read_relative_day(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """本日, 昨日, 翌日, 同日, 明日 (where a day is meant); 本日十七日 is one mention."""
    text, word = s.text, m["d_rel"]
    if inside_compound(text, m.start()) or (word == "昨" and text.startswith("今日", m.end())):
        return _NOT_A_DATE, m.end()  # 昨日今日: an idiom (recently)
    rel = _relative("day")[word]
    appos = _apposed_day(s, m.end())
    if _is_tomorrow(rel) and appos is None and tomorrow_is_figurative(text, m.end()):
        return _NOT_A_DATE, m.end()  # 明日の日本, 明日への希望: the figurative future
    cand.day_rel, cand.day_off = rel.anchor, rel.offset
    cand.relative_word = True
    if appos is not None:
        return extend(s, _with_day(cand, appos), appos.end(), "day", role)
    return extend(s, cand, m.end(), "day", role)


def read_kana_day(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """きょう, きのう, あす, あした: the Diet record's kana day words (not きょうだい, ひっきょう)."""
    text = s.text
    rel = _relative("kana_day")[m["kana_day"]]
    if is_kana_word_tail(text, m.start()):
        return _NOT_A_DATE, m.end()  # ひっきょう, ふきょう: the tail of another word
    appos = _apposed_day(s, m.end())
    if appos is None and _kana_day_is_no_day(text, m.end(), rel):
        return _NOT_A_DATE, m.end()
    cand.day_rel, cand.day_off = rel.anchor, rel.offset
    cand.relative_word = True
    if appos is not None:
        return extend(s, _with_day(cand, appos), appos.end(), "day", role)
    return extend(s, cand, m.end(), "day", role)


def _is_tomorrow(rel: lexicon.RelativeWord) -> bool:
    return rel.anchor == "doc" and rel.offset == 1


def _kana_day_is_no_day(text: str, pos: int, rel: lexicon.RelativeWord) -> bool:
    """あすの日本 (the figurative future), きょうだい, きょうぎ (another word)."""
    if _is_tomorrow(rel):
        return tomorrow_is_figurative(text, pos)
    return kana_day_is_other_word(text, pos)


def _apposed_day(s: Scan, pos: int) -> re.Match[str] | None:
    """An explicit day (and month) right after a relative day word (本日十七日, 本日（十七日）)."""
    am = s.p.apposition_day.match(s.text, pos)
    if am is None:
        return None
    day = parse_number(am["d"])
    month = parse_number(am["m"]) if am["m"] is not None else None
    if day is None or not 1 <= day[0] <= 31 or (am["m"] is not None and month is None):
        return None
    if day_is_count(s.text, am.end()):
        return None  # 本日三日間: a count
    return am


def _with_day(rel: Candidate, am: re.Match[str]) -> Candidate:
    day = parse_number(am["d"])
    month = parse_number(am["m"]) if am["m"] is not None else None
    assert day is not None
    return Candidate(start=rel.start, end=am.end(), day=day[0], month=month[0] if month else None, anchor=rel)


def read_prefixed_day(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """翌二十八日 (the next 28th after the antecedent), 同29日 (the 29th of its month)."""
    num = parse_number(m["d_pn"])
    if inside_compound(s.text, m.start()) or num is None or not 1 <= num[0] <= 31:
        return _NOT_A_DATE, m.end()
    cand.day_rel = "next_n" if m["d_pre"] == "翌" else "same_n"
    cand.day = num[0]
    return extend(s, cand, m.end(), "day", role)


def read_day(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """二十三日, 5日: a day written alone is a date only where the context says so (extension)."""
    num = parse_number(m["day"])
    if _numeral_taken(s, m.start(), role) or num is None or not 1 <= num[0] <= 31:
        return _NOT_A_DATE, m.end()
    cand.day = num[0]
    cand.deixis = deixis_before(s.text, m.start())
    return extend(s, cand, m.end(), "day", role, day_alone=True)


def read_bare_part(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """年度末, 年末 without a year: the end of the year or fiscal year in context."""
    if bare_part_is_other_word(s.text, m.start(), m.end()):
        return _NOT_A_DATE, m.end()
    cand.context_part = "fiscal" if m["bare_part"] == "年度末" else "year"
    cand.part = DatePart.END
    return finish(s, cand, m.end(), "part", role)


# --- compact ranges ------------------------------------------------------------------------------


def read_compact_range(s: Scan, m: re.Match[str], cand: Candidate, role: Role) -> Step:
    """X of a compact range (平成26～30年度, 2011〜15年, 4〜6月): read Y first for the unit."""
    del cand  # X is built from Y's unit below
    if role is not None or numeral_is_lookalike(s.text, m.start()):
        return _NOT_A_DATE, m.end()
    found = _compact_end(s, m)
    num = parse_number(m["cx_n"])
    if found is None or num is None:
        return _NOT_A_DATE, m.end()
    end_cand, after = found
    start_cand = _compact_start(m, num, end_cand)
    if start_cand is None:
        return _NOT_A_DATE, m.end()
    link_range_end(s, s.add(start_cand), end_cand)
    return None, after  # both ends are in s.candidates


def _compact_end(s: Scan, m: re.Match[str]) -> tuple[Candidate, int] | None:
    """Y of a compact range, and where reading goes on; None when X is not a range start."""
    text = s.text
    conn = s.p.connector.match(text, m.end())
    if conn is None:
        return None
    pos = conn.end()
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    ym = s.match_first(pos)
    end_cand, after = s.read(ym, role="range_end") if ym is not None else (None, pos)
    if ym is None or end_cand is None:
        return None
    kara_without_unit = conn.group() == "から" and end_cand.has_year_info and m["cx_era"] is None
    if kara_without_unit and not _numbers_written_alike(text, m, ym):
        return None
    return end_cand, after


def _numbers_written_alike(text: str, m: re.Match[str], ym: re.Match[str]) -> bool:
    """一一から一五年度, 2011から15年: a unit-less year before から, written as digits like Y.

    三から五年 is a count, 三・一一から一年 a date and a count.
    """
    num = parse_number(m["cx_n"])
    digits = num is not None and num[1] in (NumberStyle.ARABIC, NumberStyle.KANJI_DIGITS)
    end_digits = len(ym.group()) - len(ym.group().lstrip(_DIGITS))
    if not digits or len(m["cx_n"]) not in (2, 4) or end_digits not in (2, 4):
        return False
    return not (m.start() > 0 and text[m.start() - 1] in "・.．")


def _compact_start(m: re.Match[str], num: tuple[int, NumberStyle], end_cand: Candidate) -> Candidate | None:
    """X, with the unit (and era) of Y: 4〜6月 (a month), 平成26～30年度, 23〜平成27年度."""
    start_cand = Candidate(start=m.start(), end=m.end())
    if end_cand.month is not None and not end_cand.has_year_info:
        start_cand.month = num[0]
        return start_cand
    start_cand.fiscal = end_cand.fiscal
    era_word = m["cx_era"]
    if era_word == "同":
        start_cand.era_same, start_cand.era_year = True, num[0]
    elif era_word is not None:
        start_cand.era, start_cand.era_year = era_by_name(era_word), num[0]
    elif end_cand.era is not None and end_cand.bare is None:
        start_cand.era, start_cand.era_year = end_cand.era, num[0]  # 23〜平成27年度
    elif not _set_western_year(start_cand, num[0], num[1], len(m["cx_n"])):
        return None
    if start_cand.bare is not None and not start_cand.fiscal:
        return None  # 1〜2年, 3〜5年: durations
    return start_cand


# --- the table -----------------------------------------------------------------------------------

# In the order FIRST tries them. A pattern's pieces ({NUM}, {ERA}, {REL_YEAR} ...) are in
# patterns.pieces(); ``starts`` lists the characters a mention of the form begins with.
FORMS: tuple[Form, ...] = (
    Form(
        "compact_range_start",
        r"(?P<cx>(?P<cx_sei>西暦)?(?:(?P<cx_era>{ERA}|同){SP})?(?P<cx_n>{NUM}))"
        r"(?=(?:{TILDE}|{DASH}|から){SP}(?:{ERA}{SP})?{NUM}(?:年|月))",
        read_compact_range,
        starts=("西", "{ERA_START}", "同", "{NUM_START}"),
    ),
    Form(
        "era_year",
        r"(?P<sei>西暦)?(?P<era>{ERA}){SP}(?P<era_n>{NUM}|元)(?:{LP}(?P<era_gl>{NUM4})年?{RP}年|年)",
        read_era_year,
        starts=("西", "{ERA_START}"),
    ),
    Form(
        "era_initial",
        r"(?P<abbr>[{ERA_INITIALS}])(?P<abbr_n>[0-9０-９]{{1,2}})(?=年)年",
        read_era_initial,
        starts=("{ERA_INITIALS}",),
    ),
    Form(
        "western_with_era",
        r"(?P<sei2>西暦)?(?P<wg_n>{NUM}){LP}(?P<wg_era>{ERA}|同){SP}(?P<wg_en>{NUM}|元)年?{RP}年",
        read_western_with_era,
        starts=("西", "{NUM_START}"),
    ),
    Form("same_era_year", r"[同仝](?P<same_n>{NUM}|元)年", read_same_era_year, starts=("同仝",)),
    Form(
        "relative_century",
        r"(?P<cent_rel>{REL_CENTURY})世紀",
        read_relative_century,
        starts=("{REL_CENTURY_START}",),
    ),
    Form("century", r"(?P<cent_n>{NUM})世紀", read_century, starts=("{NUM_START}",)),
    Form("western_year", r"(?P<sei3>西暦)?(?P<west>{NUM})年", read_western_year, starts=("西", "{NUM_START}")),
    Form("relative_year", r"(?P<rel_y>{REL_YEAR})年", read_relative_year, starts=("{REL_YEAR_START}",)),
    Form("kotoshi", r"(?P<kotoshi>ことし)", read_kotoshi, starts=("こ",)),
    Form(
        "last_december",
        r"(?P<rou>舊|旧|客|昨)臘",
        read_last_december,
        starts=("昨",),
        lead=("舊旧客", "[舊旧客]臘"),
    ),
    Form("new_fiscal_year", r"(?P<new_fy>新年度)", read_new_fiscal_year, lead=("新", "新年度")),
    Form(
        "relative_season",
        r"(?P<cs_rel>{REL_SEASON})(?P<cs>[春夏秋冬]){WORD_END}",
        read_relative_season,
        starts=("{REL_SEASON_START}",),
    ),
    Form("relative_month", r"(?P<m_rel>{REL_MONTH})月", read_relative_month, starts=("{REL_MONTH_START}",)),
    Form("month", r"(?P<month>{NUM})月", read_month, starts=("{NUM_START}",)),
    Form("relative_day", r"(?P<d_rel>{REL_DAY})日", read_relative_day, starts=("{REL_DAY_START}",)),
    Form("kana_day", r"(?P<kana_day>{KANA_DAY})", read_kana_day, lead=("{KANA_DAY_START}", "{KANA_DAY}")),
    Form("prefixed_day", r"(?P<d_pre>翌|同|仝)(?P<d_pn>{NUM})日", read_prefixed_day, starts=("翌同仝",)),
    Form("day", r"(?P<day>{NUM})日", read_day, starts=("{NUM_START}",)),
    Form("bare_part", r"(?P<bare_part>年度末|年末)", read_bare_part, starts=("年",)),
    # Tried only before what lets a season alone continue a dated mention (秋には): 秋 is frequent.
    Form(
        "season_alone",
        r"(?P<season_alone>[春夏秋冬])",
        read_season_alone,
        lead=("春夏秋冬", "[春夏秋冬](?:{SEASON_LEAD})"),
    ),
)


@functools.cache
def grammar() -> Grammar:
    """FIRST built from ``FORMS`` (in order), and the form each of its groups belongs to.

    The lookahead lets the regex engine reject a position with one character-class test
    instead of trying each alternative there (20 times faster over real text); forms led by a
    frequent character spell their words out instead of adding it to the class.
    """
    fill = pieces()
    members = (m for form in FORMS for piece in form.starts for m in _CLASS_MEMBER.findall(piece.format_map(fill)))
    starts = "".join(dict.fromkeys(members))
    leads = [(form.lead[0].format_map(fill), form.lead[1].format_map(fill)) for form in FORMS if form.lead]
    lead_first = "".join(first for first, _ in leads)
    lead_words = "|".join(words for _, words in leads)
    alternatives = [form.pattern.format_map(fill) for form in FORMS]
    first = re.compile(f"(?=[{starts}]|(?=[{lead_first}])(?:{lead_words}))(?:" + "|".join(alternatives) + ")")
    form_of_group: dict[int, Form] = {}
    for form, alternative in zip(FORMS, alternatives, strict=True):
        for name in re.findall(r"\(\?P<(\w+)>", alternative):
            form_of_group[first.groupindex[name]] = form
    return Grammar(first, form_of_group, patterns())
