"""Look-alikes: the context that makes a numeral or a date word something other than a date.

Each predicate answers one question about the text around an element (a duration after N年, a
set word before N月, a code around a numeral, an idiom such as 一日も早く, a word that hides a
relative date word such as 日本年金), so that a reader can say why it drops a hit. The words are
in ``pipeline/data/dates/lookalikes.json`` and ``compounds.json``; the patterns are compiled once,
on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from pipeline.dates import lexicon
from pipeline.dates.numerals import parse_number
from pipeline.dates.patterns import NUMERAL_CHARS

__all__ = [
    "after_kanji",
    "approximate_count",
    "bare_part_is_other_word",
    "classical_day",
    "compares",
    "counted_days",
    "day_alone_after_ok",
    "day_alone_not_after",
    "day_is_count",
    "ends_with",
    "follows_code_or_number",
    "follows_set_word",
    "inside_compound",
    "is_classical",
    "is_kana_word_tail",
    "is_kanji",
    "is_katakana",
    "kana_day_is_other_word",
    "kotoshi_is_other_word",
    "month_is_count",
    "numeral_is_lookalike",
    "same_year_is_age",
    "tomorrow_is_figurative",
    "year_is_count",
]

# Characters that make a numeral part of a code, an identifier or a URL (president_0911, SM-3),
# or of a count (第3日, 約5日, 数日, 何日).
_CODE_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    "_/.:#＃＿．－-+＋=＝%％第約数何"
)
_WORD_REACH = 6  # the longest word tested before a mention (毎年度の, 最長, 過去 ...)
# 先週十二日, 今週十日 are dates although 週 counts days (週3日).
_WEEK_DEICTIC = frozenset("先今来前翌同")
# The kana day words (きょう, きのう) need a particle or punctuation before them.
_KANA_BEFORE_OK = frozenset("はもがにをでとてへやのね、。，．　 「『（(\n")
_OLD_FORMS_MIN = 5
_OLD_FORMS_DISTINCT = 3
_ORTHOGRAPHY_REFORM = dt.date(1946, 11, 16)  # 当用漢字表 and 現代かなづかい announced


@dataclass(frozen=True, slots=True)
class _Guards:
    duration_year: re.Pattern[str]
    duration_bare_year: re.Pattern[str]
    duration_month: re.Pattern[str]
    duration_day: re.Pattern[str]
    day_alone_after: re.Pattern[str]
    day_alone_not_after: re.Pattern[str]
    count_before: re.Pattern[str]
    set_before: re.Pattern[str]
    kana_day_not_after: re.Pattern[str]
    tomorrow_after: re.Pattern[str]
    comparative_after: re.Pattern[str]
    same_year_compounds: tuple[str, ...]
    classical_day_not_before: frozenset[str]
    old_forms: frozenset[str]
    compounds: frozenset[str]


@functools.cache
def _guards() -> _Guards:
    def rx(key: str) -> re.Pattern[str]:
        return re.compile(lexicon.alternation(lexicon.LOOKALIKES, key))

    def chars(key: str) -> frozenset[str]:
        return frozenset(lexicon.words(lexicon.LOOKALIKES, key))

    return _Guards(
        duration_year=rx("duration_year"),
        duration_bare_year=rx("duration_bare_year"),
        duration_month=rx("duration_month"),
        duration_day=rx("duration_day"),
        day_alone_after=rx("bare_day_after"),
        day_alone_not_after=rx("bare_day_not_after"),
        count_before=lexicon.words_before(lexicon.LOOKALIKES, "count_before"),
        set_before=lexicon.words_before(lexicon.LOOKALIKES, "set_before"),
        kana_day_not_after=rx("kana_day_not_after"),
        tomorrow_after=rx("tomorrow_after"),
        # は? before: 昨年よりは多い compares too.
        comparative_after=re.compile("は?(?:" + lexicon.alternation(lexicon.LOOKALIKES, "comparative_after") + ")"),
        same_year_compounds=lexicon.words(lexicon.LOOKALIKES, "same_year_compounds"),
        classical_day_not_before=chars("classical_day_not_before"),
        old_forms=chars("old_forms"),
        compounds=frozenset(lexicon.words(lexicon.COMPOUNDS, "words")),
    )


def ends_with(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether a ``words_before`` pattern's word ends right before ``start``."""
    return pattern.search(text, max(0, start - _WORD_REACH), start) is not None


def is_kanji(ch: str) -> bool:
    """A kanji (CJK unified ideograph, extension A) or the iteration mark 々."""
    return "\u3400" <= ch <= "\u9fff" or ch == "々"


def is_katakana(ch: str) -> bool:
    """A katakana letter (ァ-ヺ)."""
    return "ァ" <= ch <= "ヺ"


def after_kanji(text: str, start: int) -> bool:
    """The element is the tail of a longer kanji word (更新年度, 相當年數, 旅客年間)."""
    return start > 0 and is_kanji(text[start - 1])


# --- numerals -----------------------------------------------------------------------------------


def follows_code_or_number(text: str, start: int) -> bool:
    """A numeral glued to a longer number, a code or an identifier (president_0911, SM-3, 第3日)."""
    return start > 0 and (text[start - 1] in NUMERAL_CHARS or text[start - 1] in _CODE_CHARS)


def follows_set_word(text: str, start: int) -> bool:
    """A set or periodic word right before the numeral (毎年4月, 毎月1日, 例年4月, 三ないし五日)."""
    return ends_with(_guards().set_before, text, start)


def numeral_is_lookalike(text: str, start: int) -> bool:
    """A numeral that is part of a code or a longer number, or a member of a set (the two above)."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev in NUMERAL_CHARS or prev in _CODE_CHARS:
        return True
    return ends_with(_guards().set_before, text, start)


def year_is_count(text: str, pos: int, *, era_less: bool) -> bool:
    """After N年: a duration or a count (4年ぶり, 3年間, 30年以上; era-less also 3年後, 十年来)."""
    guards = _guards()
    if guards.duration_year.match(text, pos):
        return True
    return era_less and guards.duration_bare_year.match(text, pos) is not None


def month_is_count(text: str, pos: int) -> bool:
    """After N月: a number of months or another word (3月間, 一月前, 五月雨, 3月を経過した日)."""
    return _guards().duration_month.match(text, pos) is not None


def day_is_count(text: str, pos: int) -> bool:
    """After N日: a number of days or a place (十日間, 五日目, 三日以内, 四日市)."""
    return _guards().duration_day.match(text, pos) is not None


def counted_days(text: str, start: int) -> bool:
    """A count word before a day (週3日, 月に2日, 最長5日), but not 先週十二日, 今週十日."""
    if not ends_with(_guards().count_before, text, start):
        return False
    this_week = text.startswith("週", start - 1) and text[start - 2 : start - 1] in _WEEK_DEICTIC
    return not this_week


def approximate_count(text: str, start: int, value: int) -> bool:
    """2、3日 / 二、三日: "two or three days", a count, not the 3rd (unlike 二十六、二十七日)."""
    if start < 2 or text[start - 1] not in "、，,・":
        return False
    previous = parse_number(text[start - 2])
    return previous is not None and previous[0] + 1 == value and value < 10


def day_alone_not_after(text: str, pos: int) -> bool:
    """What after a day written alone makes it no date (十日の間, 五日後, 一日も早く, 三日坊主)."""
    return _guards().day_alone_not_after.match(text, pos) is not None


def day_alone_after_ok(text: str, pos: int) -> bool:
    """What after a day written alone makes it a date: a particle, punctuation, a time of day, the end."""
    return _guards().day_alone_after.match(text, pos) is not None or pos >= len(text)


# --- words that hide or mimic a date word ---------------------------------------------------------


def inside_compound(text: str, start: int) -> bool:
    """A relative word that is the tail of a longer word (日本年金 hides 本年, 共同日程 同日, 将来年度).

    After any other kanji (対前年度比, 多分来年, 以降今月) the relative word is a date.
    """
    return start > 0 and text[start - 1 : start + 1] in _guards().compounds


def same_year_is_age(text: str, pos: int) -> bool:
    """同年代, 同年齢, 同年輩: the same age or generation, not the same year (``pos`` after 同年)."""
    return text.startswith(_guards().same_year_compounds, pos)


def kotoshi_is_other_word(text: str, start: int, end: int) -> bool:
    """することしか, まことしやか: こと + し, not ことし (this year)."""
    prev = text[start - 1] if start else " "
    after = text[end : end + 2]
    if prev in "るたうくすつぬむぶぐいまだ" or (after.startswith("か") and after != "から"):
        return True
    return after.startswith("や")


def is_kana_word_tail(text: str, start: int) -> bool:
    """A kana day word glued to the kana before it (ひっきょう, ふきょう): part of another word."""
    return start > 0 and text[start - 1] not in _KANA_BEFORE_OK and "ぁ" <= text[start - 1] <= "ゖ"


def kana_day_is_other_word(text: str, pos: int) -> bool:
    """きょうだい, きょうぎ, きょうか; きょう、あす ("in a day or two"): not the day words."""
    return _guards().kana_day_not_after.match(text, pos) is not None


def tomorrow_is_figurative(text: str, pos: int) -> bool:
    """明日/あす not followed by what speaks of a day (あすの日本, 明日への希望, 明日を担う)."""
    return not _guards().tomorrow_after.match(text, pos)


def bare_part_is_other_word(text: str, start: int, end: int) -> bool:
    """年末/年度末 inside another word: after a kanji or numeral (学年末, 三年末), or 年末年始, 年末調整."""
    if start > 0 and (is_kanji(text[start - 1]) or text[start - 1] in NUMERAL_CHARS):
        return True
    return text.startswith(("年始", "調整", "商戦", "年度始"), end)


def compares(text: str, pos: int) -> bool:
    """After より: a comparison (昨年より多い, 前年度より五千億円増, 昨年よりも), not the written から."""
    return _guards().comparative_after.match(text, pos) is not None


# --- the register -------------------------------------------------------------------------------


def is_classical(text: str, document_date: dt.date | None = None) -> bool:
    """Whether ``text`` is in the pre-war register (文語体, 旧字体), where a day stands alone.

    True for documents dated before the 1946 orthography reform, or that use old character forms
    (國, 會, 舊, 來 ...) at least ``_OLD_FORMS_MIN`` times, three of them different (a modern
    speech quoting 大日本帝國 repeats one).
    """
    if document_date is not None and document_date < _ORTHOGRAPHY_REFORM:
        return True
    old_forms = _guards().old_forms
    old = [ch for ch in text if ch in old_forms]
    return len(old) >= _OLD_FORMS_MIN and len(set(old)) >= _OLD_FORMS_DISTINCT


def classical_day(text: str, start: int, pos: int) -> bool:
    """A day written alone at the head of a clause, followed by a noun (文語: 九日ジヤバ全島の制壓成り)."""
    if start > 0 and (is_kanji(text[start - 1]) or is_katakana(text[start - 1])):
        return False
    nxt = text[pos]
    if nxt in NUMERAL_CHARS or nxt in _guards().classical_day_not_before:
        return False  # 三日三晩, 十日間, 五日目, 七日分
    return is_kanji(nxt) or is_katakana(nxt)
