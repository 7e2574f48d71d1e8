"""Regex building blocks for dates, with named groups collected in one place (as ja-timex's Place).

The patterns run on the document text itself: full-width digits, full-width brackets, kanji
numerals and the tilde variants are character classes here, so no normalized copy is made and
every match offset is an offset into the original text (the offset map is the identity by
construction; the tests check ``text[start:end] == surface`` on arbitrary text).

``FIRST`` finds where a mention starts and reads its first element (a year, a month, a day, a
century, a relative word); the ``*_NEXT`` patterns are tried with ``.match(text, pos)`` right after
it to extend the mention (年度, a gloss, month, day, weekday, sub-period, season).
"""

from __future__ import annotations

import re

from pipeline.dates.eras import era_alternation, era_first_characters, era_initials

__all__ = [
    "APPOSITION",
    "APPOSITION_DAY",
    "APPOSITION_MONTH",
    "CONNECTOR",
    "DAY_NEXT",
    "DECADE_NEXT",
    "FIRST",
    "FY_NEXT",
    "LIST_SEPARATOR",
    "MOD_NEXT",
    "MONTH_NEXT",
    "NUMERAL_CHARS",
    "PART_NEXT",
    "PREFILTER",
    "SEASON_NEXT",
    "WEEKDAY_NEXT",
]

NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９〇○一二三四五六七八九十百千廿卅")
# A numeral: up to 4 Arabic digits (half- or full-width), or kanji (digit by digit or positional;
# 廿 = 二十 and 卅 = 三十 in Meiji-Taisho text: 明治廿三年, 卅日).
NUM = r"(?:[0-9０-９]{1,4}|[〇○一二三四五六七八九十百千廿卅]{1,7})"
NUM4 = r"(?:[0-9０-９]{4}|[〇○一二三四五六七八九]{4})"
ERA = era_alternation()  # (?:明治|大正|昭和|平成|令和|[㍾㍽㍼㍻㋿]), from the era table
LP = r"[(（]"
RP = r"[)）]"
SP = r"[ \u3000]?"
# Range connectors. Dashes only join compact ranges (2011-15年), where a unit follows at once.
TILDE = r"[〜～~∼]"
DASH = r"[\-－‐―–—]"

# A season or 末 must not be the first character of a longer word (秋田, 春日, 末端); 以来/以降
# and 頃 may follow.
_KANJI = r"\u3400-\u9fff々"
_WORD_END = rf"(?:(?![{_KANJI}ァ-ヶー])|(?=以[来降後前]|頃))"

# Every mention contains one of these characters: a cheap test before running FIRST.
PREFILTER = re.compile(r"[年月日紀春夏秋冬臘]|きょう|きのう|あす|あした")

# Every first element starts with one of these characters. Leading FIRST with this class as a
# lookahead lets the regex engine reject a position with one test instead of trying each
# alternative there: 20 times faster over real text (bench/bench_dates.py).
# 來 is the old form (旧字体) of 来 in pre-1947 text, 仝 an old variant of 同 (仝年, 仝月仝日).
_NUMERAL_START = "0-9０-９〇○一二三四五六七八九十百千廿卅"
_START = "西" + era_first_characters() + era_initials() + _NUMERAL_START + "同仝再来來今前本昨去翌こ先年"
# First elements led by a frequent character are spelled out in the lookahead, so that the engine
# does not try every alternative at each き, あ, 新 or 秋 (twice as slow over the Diet record):
# the kana day words, 新年度, 舊臘/旧臘/客臘 (last December), 客年, 當年 (old 当年), and a season
# written alone before the particles that let it continue a dated mention (秋には).
_START_WORDS = "き(?:ょう|のう)|あ(?:す|した)|新年度|[舊旧客]臘|客年|當年|[春夏秋冬](?:に|から|まで|頃|ごろ|以|、)"
# Their first characters: one class test rejects a position before the words are tried.
_START_WORDS_FIRST = "きあ新舊旧客當春夏秋冬"

FIRST = re.compile(
    rf"""
    (?=[{_START}]|(?=[{_START_WORDS_FIRST}])(?:{_START_WORDS}))
    (?:
    # compact range start; its unit comes from the end (平成26～30年度, 2011〜15年, 4〜6月)
    (?P<cx>(?P<cx_sei>西暦)?(?:(?P<cx_era>{ERA}|同){SP})?(?P<cx_n>{NUM}))
        (?=(?:{TILDE}|{DASH}|から){SP}(?:{ERA}{SP})?{NUM}(?:年|月))
  | (?P<sei>西暦)?(?P<era>{ERA}){SP}(?P<era_n>{NUM}|元)
        (?:{LP}(?P<era_gl>{NUM4})年?{RP}年|年)                      # 平成22年, 平成22(2010)年
  | (?P<abbr>[{era_initials()}])(?P<abbr_n>[0-9０-９]{{1,2}})(?=年)年              # H23年度
  | (?P<sei2>西暦)?(?P<wg_n>{NUM}){LP}(?P<wg_era>{ERA}|同){SP}(?P<wg_en>{NUM}|元)年?{RP}年
                                                                     # 10(平成22)年, 09(同21)年
  | [同仝](?P<same_n>{NUM}|元)年                                          # 同23年
  | (?P<cent_rel>今|前|来|來)世紀 | (?P<cent_n>{NUM})世紀                # 21世紀, 今世紀
  | (?P<sei3>西暦)?(?P<west>{NUM})年                                   # 2010年, 二〇一〇年, 23年
  | (?P<rel_y>再来|再來|一昨|同|仝|翌|前|本|今|昨|去|来|來|明|當|客)年 | (?P<kotoshi>ことし)
  | (?P<rou>舊|旧|客|昨)臘                                              # 舊臘: last December
  | (?P<new_fy>新年度)
  | (?P<cs_rel>今|昨|来|來|翌|明)(?P<cs>[春夏秋冬]){_WORD_END}         # 今春, 昨秋, 明春
  | (?P<m_rel>先々|同|仝|翌|前|先|今|来|來|本)月                              # 同月, 先月
  | (?P<month>{NUM})月
  | (?P<d_rel>一昨|同|仝|翌|前|本|昨|明)日                                # 同日, 翌日, 本日, 明日
  | (?P<kana_day>きょう|きのう|あした|あす)                            # today, yesterday, tomorrow
  | (?P<d_pre>翌|同|仝)(?P<d_pn>{NUM})日                                  # 翌二十八日, 同29日
  | (?P<day>{NUM})日
  | (?P<bare_part>年度末|年末)                                         # 年度末までに
  | (?P<season_alone>[春夏秋冬])                                       # 秋には (after a dated mention)
    )
    """,
    re.VERBOSE,
)

# After 年: 年度 (fiscal year) and 年代 (decade).
FY_NEXT = re.compile(r"度")
DECADE_NEXT = re.compile(r"代")
# Apposition or gloss after a year: 平成23年（2011年）, 2011年(平成23年), 平成23年度（2011年度）.
APPOSITION = re.compile(
    rf"{LP}(?:(?P<ap_era>{ERA}|同){SP}(?P<ap_en>{NUM}|元)|(?P<ap_w>{NUM}))年(?P<ap_fy>度)?{RP}"
)
# A month after a year (also joined by の: 昨年の十月); a unit-less numeral that starts a compact
# range (2011年4〜6月) is a month too.
# A space may separate the elements in text extracted from PDF (2011年 3月 11日).
MONTH_NEXT = re.compile(rf"(?P<no>の|{SP})(?:(?P<m>{NUM})月|(?P<mx>{NUM})(?=(?:{TILDE}|{DASH}){NUM}月))")
# An explicit date glued to a relative word that says the same thing (本日十七日, 翌日三十日,
# 今月十一月十五日): one mention whose value comes from the explicit part.
APPOSITION_DAY = re.compile(rf"(?P<lp>{LP})?(?:(?P<m>{NUM})月)?(?P<d>{NUM})日(?(lp){RP})")
APPOSITION_MONTH = re.compile(rf"(?P<m>{NUM})月")
DAY_NEXT = re.compile(rf"(?P<no>の|{SP})(?:(?P<d>{NUM})日|(?P<dx>{NUM})(?=(?:{TILDE}|{DASH}){NUM}日))")
# A weekday in brackets: (月), （火曜日）, (金・祝).
WEEKDAY_NEXT = re.compile(rf"{LP}[月火水木金土日](?:曜日?)?(?:[・･、][祝休]日?)?{RP}")
PART_NEXT = re.compile(
    r"の?(?P<start>初め|初頭|始め|はじめ)|(?P<start2>上旬)|の?(?P<mid>半ば)|(?P<mid2>中旬)"
    r"|の?(?P<end>末)(?![端尾席梢葉裔])|(?P<end2>下旬)"
)
SEASON_NEXT = re.compile(rf"の?(?P<season>[春夏秋冬]){_WORD_END}")

# What may follow a mention: relational suffixes become ``mod``; から and the tildes may open a
# range. Longest first (までに before まで).
# 以來 is the old form of 以来, 迄 the kanji of まで (迄に); より is the written から ("from"),
# unless a comparison follows it (checked by the reader); より前倒し is not より前.
MOD_NEXT = re.compile(
    r"以来|以來|以降|以後|より後(?!ろ)|より前(?!倒)|以前|までに|まで|迄に|迄|から|より|[来來](?![年月日週春夏秋冬])"
)
CONNECTOR = re.compile(rf"{TILDE}|から|より(?!後(?!ろ)|前(?!倒))|{DASH}")
LIST_SEPARATOR = re.compile(r"、|，|,|・|と|及び|および|並びに|ならびに|又は|または")
