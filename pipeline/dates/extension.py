"""The extension grammar: what may follow a date's first element, and what joins two mentions.

A reader (``forms.py``) reads the first element of a mention and hands it to ``extend``, which
reads on in this order: 年度 or 年代, an apposition or gloss (平成23年（2011年）), the month after
a year (or a season), the day after a month, a weekday, a sub-period (初め, 中旬, 末); the
look-alike checks that need the whole element (4年ぶり, a day written alone) run on the way.
``finish`` then ends the span and reads what links it to the text after it: a range (X〜Y,
XからYまで, compact 2011年4〜6月), a mod (以来, 以降, まで), or a list of years (平成6年、7年).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.dates import lexicon
from pipeline.dates.candidate import SEASONS, Candidate
from pipeline.dates.continuation import in_context
from pipeline.dates.eras import era_by_name
from pipeline.dates.lookalikes import (
    approximate_count,
    classical_day,
    compares,
    counted_days,
    day_alone_after_ok,
    day_alone_not_after,
    day_is_count,
    month_is_count,
    year_is_count,
)
from pipeline.dates.numerals import NumberStyle, parse_number
from pipeline.dates.reading import Level, Role, Scan, Step
from pipeline.schema import DateMod, DatePart

__all__ = ["extend", "finish", "link_range_end"]

# The levels a sub-period may follow (not a season: 秋の初め is not read).
_PART_LEVELS = frozenset(("year", "month", "day", "decade", "century"))
# Connectors that open a range or, left open, give ON_OR_AFTER (the dashes only join compact ranges).
_RANGE_OPENERS = frozenset(("から", "より", "〜", "～", "~", "∼"))
_FROM = ("から", "より")


@dataclass(frozen=True, slots=True)
class _Words:
    mods: dict[str, DateMod]
    parts: dict[str, lexicon.Part]
    range_close: re.Pattern[str]
    not_range_after: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    verbs = lexicon.alternation(lexicon.GRAMMAR, "date_change_verbs")
    return _Words(
        mods={m.word: DateMod[m.mod] for m in lexicon.mods()},
        parts={p.word: p for p in lexicon.parts()},
        range_close=re.compile(lexicon.alternation(lexicon.GRAMMAR, "range_close")),
        # Not the end of a range after XからY: a change of date (4月から6月に延期), a move (Aから Bへ).
        not_range_after=re.compile(rf"へ|に(?:{verbs})"),
    )


@dataclass(slots=True)
class _Reading:
    """Where the reading of one mention stands: its candidate, its last element, the position."""

    cand: Candidate
    pos: int
    level: Level
    role: Role


def extend(
    s: Scan,
    cand: Candidate,
    pos: int,
    level: Level,
    role: Role,
    *,
    needs_month: bool = False,
    day_alone: bool = False,
) -> Step:
    """Read what may follow the first element: 年度/年代, gloss, month, day, weekday, part; then ``finish``.

    ``needs_month``: a positional kanji Western year (千九百四十九年) is a year only before a
    month (or after 西暦, which the reader checked). ``day_alone``: the mention is a day written
    alone (二十三日に), a date only where the context says so.
    """
    r = _Reading(cand, pos, level, role)
    if level == "year" and not _after_year(s, r, needs_month=needs_month):
        return None, r.pos
    if r.level == "month":
        if not _day_after_month(s, r):
            return None, r.pos
    elif r.level == "day" and day_alone and not _day_alone_is_date(s, r):
        return None, r.pos  # a day written alone, where a date reading is not clear
    if r.level == "day" and (wd := s.p.weekday.match(s.text, r.pos)) is not None:
        r.pos = wd.end()
    if r.level in _PART_LEVELS and (pm := s.p.part.match(s.text, r.pos)) is not None:
        _part(r, pm)
    return finish(s, r.cand, r.pos, r.level, r.role)


# --- after a year ------------------------------------------------------------------------------


def _after_year(s: Scan, r: _Reading, *, needs_month: bool) -> bool:
    """年度/年代, a gloss, a month or season; False when the year turns out not to be a date."""
    cand = r.cand
    if not _fiscal_or_decade(s, r):
        return False
    ap = s.p.apposition.match(s.text, r.pos)
    if ap is not None and _apposition(cand, ap):
        r.pos = ap.end()
    if r.level == "year" and not cand.fiscal:
        if not _month_after_year(s, r):
            return False
        if r.level == "year" and (sm := s.p.season.match(s.text, r.pos)) is not None:
            cand.season = SEASONS[sm["season"]]
            r.pos = sm.end()
            r.level = "season"
    if r.level == "year" and _year_is_count(s.text, cand, r.pos):
        return False
    if needs_month and r.level != "month":
        return False
    # 十八年, 30年: era-less numbers are years only in context (a closed range of them, or a
    # sentence whose era an earlier era year fixes).
    needs_context = cand.bare is not None and r.role is None and not cand.fiscal and r.level != "month"
    return not needs_context or in_context(s.text, s.candidates, cand, r.pos)


def _fiscal_or_decade(s: Scan, r: _Reading) -> bool:
    """年度 makes a fiscal year, 年代 a decade; False for a decade that cannot be one (昭和40年代)."""
    fy = s.p.fiscal.match(s.text, r.pos)
    if fy is not None:
        r.cand.fiscal = True
        r.pos = fy.end()
        return True
    dec = s.p.decade.match(s.text, r.pos)
    if dec is None:
        return True
    r.pos = dec.end()
    if not _decade(r.cand):
        return False
    r.cand.decade = True
    r.level = "decade"
    return True


def _decade(cand: Candidate) -> bool:
    """1990年代 / 90年代 / 九〇年代 are decades; era decades (昭和40年代) are not representable."""
    if cand.era is not None or cand.era_same:
        return False
    if cand.year is not None:
        return cand.year % 10 == 0
    if cand.year2 is not None:
        cand.year2_era = False  # 六〇年代 is the 1960s, never 昭和60
        return cand.year2 % 10 == 0
    # 90年代: a two-digit Western decade; positional kanji (四十年代) are 昭和 decades.
    if cand.bare is not None and cand.bare_style is NumberStyle.ARABIC and cand.bare in range(0, 100, 10):
        cand.year2, cand.bare, cand.bare_style = cand.bare, None, None
        cand.year2_era = False
        return True
    return False


def _year_is_count(text: str, cand: Candidate, pos: int) -> bool:
    """4年ぶり, 3年間, 30年以上: a count of years, not a year."""
    if cand.fiscal or cand.relative_word:
        return False  # 今年度以下, 昨年ぐらいから: a fiscal or relative year is never a count
    era_less = cand.era is None and not cand.era_same and cand.year is None
    return year_is_count(text, pos, era_less=era_less)


def _month_after_year(s: Scan, r: _Reading) -> bool:
    """The month after a year (平成23年3月, 昨年の十月); 2011年4〜6月 reads a compact month range."""
    mm = s.p.month_next.match(s.text, r.pos)
    if mm is None:
        return True
    if mm["m"] is not None:
        num = parse_number(mm["m"])
        if num is not None and not month_is_count(s.text, mm.end()):
            r.cand.month = num[0]
            r.pos = mm.end()
            r.level = "month"
        return True
    if mm["no"] != "の" and (num := parse_number(mm["mx"])) is not None:
        r.pos = _inner_range(s, r.cand, num[0], "month", mm.end(), r.role)
        return False
    return True


# --- apposition and glosses ----------------------------------------------------------------------


def _apposition(cand: Candidate, ap: re.Match[str]) -> bool:
    """平成23年（2011年） and 2011年（平成23年）: one mention; the gloss fills what is missing.

    After a relative year (本年（2011年）, 昨年度（令和4年度）) the explicit year gives the value.
    """
    if cand.year_rel is not None and not cand.new_fiscal:
        return _restated_relative_year(cand, ap)
    if ap["ap_w"] is not None:
        return _western_gloss(cand, ap["ap_w"])
    return _era_gloss(cand, ap)


def _restated_relative_year(cand: Candidate, ap: re.Match[str]) -> bool:
    """本年（2011年）, 昨年度（令和4年度）: the explicit year in brackets replaces the relative one."""
    if (ap["ap_fy"] is not None) != cand.fiscal or ap["ap_era"] == "同":
        return False
    if ap["ap_w"] is not None:
        num = parse_number(ap["ap_w"])
        if num is None or len(ap["ap_w"]) != 4:
            return False
        cand.year = num[0]
    else:
        num = parse_number(ap["ap_en"])
        if num is None:
            return False
        cand.era, cand.era_year = era_by_name(ap["ap_era"]), num[0]
    cand.year_rel, cand.year_off = None, 0
    return True


def _western_gloss(cand: Candidate, written: str) -> bool:
    """平成23年（2011年）: a four-digit Western gloss of an era year."""
    num = parse_number(written)
    if num is None or len(written) != 4 or cand.era is None:
        return False
    if cand.year is None:
        cand.year = num[0]
    return True


def _era_gloss(cand: Candidate, ap: re.Match[str]) -> bool:
    """2011年（平成23年）, 10年（平成22年）, 09年（同21年）: an era gloss of a Western year."""
    num = parse_number(ap["ap_en"])
    if num is None:
        return False
    if cand.year is None and cand.bare is not None and cand.bare < 100:
        # 10年（平成22年）: a two-digit Western year read through its era gloss.
        cand.year2, cand.bare, cand.bare_style = cand.bare, None, None
    if cand.year is None and cand.year2 is None:
        return False
    if ap["ap_era"] == "同":
        cand.era_same = True
    else:
        cand.era = era_by_name(ap["ap_era"])
    cand.era_year = num[0]
    return True


# --- after a month, a day written alone, parts ---------------------------------------------------


def _day_after_month(s: Scan, r: _Reading) -> bool:
    """The day after a month (3月11日, 四月の二十日); 4月1〜3日 reads a compact day range."""
    dm = s.p.day_next.match(s.text, r.pos)
    if dm is None:
        return True
    if dm["d"] is not None:
        num = parse_number(dm["d"])
        if num is not None and not day_is_count(s.text, dm.end()):
            r.cand.day = num[0]
            r.pos = dm.end()
            r.level = "day"
        return True
    if dm["no"] != "の" and (num := parse_number(dm["dx"])) is not None:
        r.pos = _inner_range(s, r.cand, num[0], "day", dm.end(), r.role)
        return False
    return True


def _day_alone_is_date(s: Scan, r: _Reading) -> bool:
    """Whether a day written alone (二十三日に, 十二日の) is a date here."""
    text, cand, pos = s.text, r.cand, r.pos
    if _day_alone_is_count(text, cand, pos):
        return False
    if s.p.weekday.match(text, pos):
        return True
    if r.role is not None:  # 四月二十三日から二十五日まで: the end of a range or a list item
        return not day_alone_not_after(text, pos)
    if cand.day == 1 or day_alone_not_after(text, pos):
        return False  # 一日も早く, 一日の枠, 一日がかり: almost never the 1st when alone
    if day_alone_after_ok(text, pos):
        return True
    # 去る二十七日不慮の怪我を致し: a deictic word says it is a day, whatever follows; in
    # 文語 text a day stands without a particle (九日ジヤバ全島の制壓成り, 八日遂に陷落).
    return cand.deixis is not None or (s.classical and classical_day(text, cand.start, pos))


def _day_alone_is_count(text: str, cand: Candidate, pos: int) -> bool:
    """十日間, 週3日, 2、3日: a number of days, not a day of the month."""
    if day_is_count(text, pos) or counted_days(text, cand.start):
        return True
    return cand.day is not None and approximate_count(text, cand.start, cand.day)


def _part(r: _Reading, pm: re.Match[str]) -> None:
    """A sub-period after the element (初め, 中旬, 末; parts.tsv says what each may follow)."""
    part = _words().parts[pm["part"]]
    if pm["no"] is not None and not part.no:
        return
    if (part.after == "month" and r.level != "month") or (part.after == "not_day" and r.level == "day"):
        return
    r.cand.part = DatePart[part.part]
    r.pos = pm.end()


# --- the end of a mention: ranges, mods, lists ---------------------------------------------------


def finish(s: Scan, cand: Candidate, pos: int, level: Level, role: Role) -> Step:
    """Set the span end, then read a range, a mod or a list that follows."""
    cand.end = pos
    if role == "range_end":
        # まで / にかけて close the range: part of the range, not a mod of its end.
        close = _words().range_close.match(s.text, pos)
        return cand, (close.end() if close is not None else pos)
    if role is not None:  # a list item: 平成6年、7年以降
        return cand, _list_item_mod(s, cand, pos)
    index = s.add(cand)
    return None, _after_mention(s, cand, index, pos, level)


def _list_item_mod(s: Scan, cand: Candidate, pos: int) -> int:
    """平成6年、7年以降: a mod after a list item (not から, which would open a range)."""
    mm = s.p.mod.match(s.text, pos)
    if mm is not None and mm.group() not in ("から", "来", "來") and not _compares(s, mm):
        cand.mod = _words().mods[mm.group()]
        return mm.end()
    return pos


def _after_mention(s: Scan, cand: Candidate, index: int, pos: int, level: Level) -> int:
    """What follows a mention: a mod after its quotation, a range, a mod, a list of years."""
    text = s.text
    if pos < len(text) and text[pos] in "」』" and (quoted := _mod_after_quotation(s, cand, pos)) is not None:
        return quoted
    conn = s.p.connector.match(text, pos)
    if conn is not None and conn.group() in _RANGE_OPENERS:
        return _range_or_open(s, cand, index, conn)
    mm = s.p.mod.match(text, pos)
    if mm is not None and (mm.group() != "来" or cand.relative_word):
        cand.mod = _words().mods[mm.group()]
        return mm.end()
    if level == "year" and (cand.era is not None or cand.year is not None):
        return _list_items(s, index, pos)
    return pos


def _mod_after_quotation(s: Scan, cand: Candidate, pos: int) -> int | None:
    """「昭和64年1月8日」以降: the whole quotation is the date, and the mod follows it."""
    text = s.text
    if not (cand.start > 0 and text[cand.start - 1] in "「『"):
        return None
    mm = s.p.mod.match(text, pos + 1)
    if mm is None or mm.group() in ("来", "來") or _compares(s, mm):
        return None
    cand.mod = _words().mods[mm.group()]
    return mm.end()


def _range_or_open(s: Scan, cand: Candidate, index: int, conn: re.Match[str]) -> int:
    """X〜Y, XからYまで, 昭和七年より十一年まで; an open-ended から/より/〜 is ON_OR_AFTER."""
    word = conn.group()
    end = _range_end(s, word, conn.end())
    if end is not None:
        end_cand, after = end
        if word in _FROM and _words().not_range_after.match(s.text, end_cand.end):
            return conn.end()  # 4月から6月に延期: a change of date; the new date is read on its own.
        if _bare_year_end_unclosed(s, word, end_cand):
            cand.mod = DateMod.ON_OR_AFTER  # 九九年から六年かかって: a count of years after から
            return conn.end()
        link_range_end(s, index, end_cand)
        return after
    if word == "より" and compares(s.text, conn.end()):
        return conn.end()  # 昨年より多い, 前年度より五千億円増: a comparison
    cand.mod = DateMod.ON_OR_AFTER  # an open-ended から, より (or 〜): from then on
    return conn.end()


def _range_end(s: Scan, word: str, pos: int) -> tuple[Candidate, int] | None:
    """Y of a range after the connector ``word``; より opens a range only when it is closed (まで)."""
    ym = s.match_first(pos)
    if ym is None:
        return None
    end_cand, after = s.read(ym, role="range_end")
    if end_cand is None:
        return None
    if word == "より" and not _words().range_close.match(s.text, end_cand.end):
        return None  # 昭和七年より十一年まで is a range; 昨年より十年 is not
    return end_cand, after


def _bare_year_end_unclosed(s: Scan, conn: str, end_cand: Candidate) -> bool:
    """After から, an era-less year ends a range only when closed (まで, にかけて) or a 年度."""
    if conn not in _FROM or end_cand.bare is None or end_cand.fiscal or end_cand.month is not None:
        return False
    return _words().range_close.match(s.text, end_cand.end) is None


def _compares(s: Scan, word: re.Match[str]) -> bool:
    """Whether a より just read compares (昨年より多い) rather than says "from"."""
    return word.group() == "より" and compares(s.text, word.end())


def link_range_end(s: Scan, start_index: int, end_cand: Candidate) -> None:
    """Make the candidate at ``start_index`` the start of a range that ``end_cand`` ends."""
    s.candidates[start_index].range, end_cand.range = "start", "end"
    end_cand.link = start_index
    s.add(end_cand)


def _inner_range(s: Scan, cand: Candidate, value: int, unit: Level, pos: int, role: Role) -> int:
    """2011年4〜6月 / 4月1〜3日: X ends with a unit-less numeral; Y gives the unit."""
    if role is not None:
        return pos
    if unit == "month":
        cand.month = value
    else:
        cand.day = value
    cand.end = pos
    conn = s.p.connector.match(s.text, pos)
    ym = s.match_first(conn.end()) if conn is not None else None
    if ym is None:
        return pos
    end_cand, after = s.read(ym, role="range_end")
    if end_cand is None:
        return pos
    link_range_end(s, s.add(cand), end_cand)
    return after


def _list_items(s: Scan, head: int, pos: int) -> int:
    """平成6年、7年 / 1990年及び91年: bare years after a full one inherit its era or century."""
    while True:
        sep = s.p.list_separator.match(s.text, pos)
        ym = s.match_first(sep.end()) if sep is not None else None
        if ym is None or ym["west"] is None:  # only the Western form (7年, 91年) continues a list
            return pos
        item, after = s.read(ym, role="list_item")
        if item is None or (item.bare is None and item.year2 is None):
            return pos
        item.link = head
        s.add(item)
        if item.mod is not None:
            return after
        pos = after
