"""Dates: resolution against context and the document date, overflow and impossible dates.

ANNOTATION.md (Dates, Resolution 1-7). Expected mentions use the notation of
tests/dates_helpers.py; ``<dN`` checks ``resolved_from``.
"""

from __future__ import annotations

import pytest

from pipeline.errors import Code
from tests.dates_helpers import check, run

# fmt: off
DAY_NAMED_EVENTS = [  # a month-day followed by the name of an event that day names (pipeline/data/dates/events.json)
    ("九月十一日テロ以降、国際社会はテロとの闘いを続けている", ["九月十一日=2001-09-11"], "2007-02-20"),
    ("九月十一日に米国で発生した同時多発テロを受けて", ["九月十一日=2001-09-11"], "2003-05-01"),
    ("九月十一日の米国における同時多発テロの後", ["九月十一日=2001-09-11"], "2010-01-20"),
    ("三月十一日の東日本大震災では自衛隊が", ["三月十一日=2011-03-11"], "2013-02-01"),
    ("三月十一日に発生した東日本大震災", ["三月十一日=2011-03-11"], "2012-11-01"),
    ("一月十七日の阪神・淡路大震災以来", ["一月十七日=1995-01-17"], "1999-03-01"),  # 以来 after an event: no mod
]
NOT_DAY_NAMED_EVENTS = [  # the day alone, or the event after the document: the usual resolution
    ("三月十一日を迎えるに当たり、東日本大震災の", ["三月十一日=2012-03-11 <document_date"], "2012-03-01"),
    ("九月十一日に会合を開き、テロ対策を議論した", ["九月十一日=2015-09-11 <document_date"], "2015-10-01"),
    ("九月十一日のテロ対策会議で", ["九月十一日=2000-09-11 <document_date"], "2000-10-01"),
]
ANAPHORA = [  # 同年/同月/同日/同年度/同月末/同N年/YY(同N)年: the most recent mention, across sentences
    ("2010年5月に調査した。同年8月に報告した。", ["2010年5月=2010-05", "同年8月=2010-08 <d0"], None),
    ("2010年5月28日の会談。同日、声明を発表", ["2010年5月28日=2010-05-28", "同日=2010-05-28 <d0"], None),
    ("2010年5月28日に署名。同月末に発効。", ["2010年5月28日=2010-05-28", "同月末=2010-05 END <d0"], None),
    ("2010年5月28日に署名。同月30日に発効。", ["2010年5月28日=2010-05-28", "同月30日=2010-05-30 <d0"], None),
    ("平成23年度予算。同年度中に執行。", ["平成23年度=FY2011", "同年度=FY2011 <d0"], None),
    ("平成22年に策定。同23年に改定。", ["平成22年=2010", "同23年=2011 era:平成23 <d0"], None),
    ("10(平成22)年に署名し、09(同21)年の合意", ["10(平成22)年=2010", "09(同21)年=2009 era:平成21 <d0"], None),
    ("昭和60年に着手し、同62年度に完成", ["昭和60年=1985", "同62年度=FY1987 era:昭和62"], None),
    ("2011年6月の会合。\n\n同年10月25日、長官が訪日", ["2011年6月=2011-06", "同年10月25日=2011-10-25 <d0"],
     None),
    ("2011年3月11日、震災が発生。同年秋には", ["2011年3月11日=2011-03-11", "同年秋=2011-FA"], None),
    ("平成十四年三月三日に売買契約をして、同十九日に登記を完了", [
        "平成十四年三月三日=2002-03-03", "同十九日=2002-03-19 <d0"], None),
    ("令和元年5月1日に即位。同年10月22日に即位礼", ["令和元年5月1日=2019-05-01", "同年10月22日=2019-10-22"],
     None),
    ("1990年代の改革と2001年1月の再編。同年、", ["1990年代=199X", "2001年1月=2001-01", "同年=2001 <d1"],
     None),
]

SHIFTS = [  # 翌/前: relative to the most recent mention
    ("2010年に発効し、翌年改定された", ["2010年=2010", "翌年=2011 <d0"], None),
    ("2010年5月に発効し、翌月に改定", ["2010年5月=2010-05", "翌月=2010-06 <d0"], None),
    ("2010年12月に発効し、翌月に改定", ["2010年12月=2010-12", "翌月=2011-01"], None),
    ("2010年12月31日に発効し、翌日改定", ["2010年12月31日=2010-12-31", "翌日=2011-01-01 <d0"], None),
    ("四月二十七日に開催し、翌二十八日の首脳会談",
     ["四月二十七日=2015-04-27 <doc", "翌二十八日=2015-04-28 <d0"], "2015-05-07"),
    ("一月三十日に会談し、翌二日に", ["一月三十日=2015-01-30", "翌二日=2015-02-02"], "2015-03-01"),
    ("平成23年度に着手し、翌年度に完成", ["平成23年度=FY2011", "翌年度=FY2012 <d0"], None),
    ("平成23年度の予算は前年度比で増加", ["平成23年度=FY2011", "前年度=FY2010 <d0"], None),
    ("2010年の実績は前年を上回った", ["2010年=2010", "前年=2009 <d0"], None),
    ("2010年5月28日の会合の前日", ["2010年5月28日=2010-05-28", "前日=2010-05-27"], None),
    ("2011年3月に派遣し、翌年3月に撤収", ["2011年3月=2011-03", "翌年3月=2012-03"], None),
    ("二〇一五年の合意の翌年の夏", ["二〇一五年=2015", "翌年の夏=2016-SU"], None),
    ("2010年11月に合意し、翌春に", ["2010年11月=2010-11", "翌春=2011-SP"], None),
]

DOCUMENT_DATE = [  # 本年/今年/昨年/来年/本年度/今年度/来年度/先月/今月 ...: the document date
    ("本年は", ["本年=2017 <doc"], "2017-01-20"),
    ("今年の", ["今年=2015 <doc"], "2015-06-01"),
    ("ことしの六月二十三日", ["ことしの六月二十三日=2002-06-23 <doc"], "2002-07-09"),
    ("昨年十月に実質合意", ["昨年十月=2014-10 <doc"], "2015-05-07"),
    ("去年の暮れ", ["去年=2014"], "2015-02-01"),
    ("一昨年の", ["一昨年=2013"], "2015-02-01"),
    ("来年は", ["来年=2016"], "2015-02-01"),
    ("明年のなるべく早い時期", ["明年=1972"], "1971-10-19"),
    ("再来年度", ["再来年度=FY2017"], "2015-06-01"),
    ("本年度", ["本年度=FY2014"], "2015-03-10"),
    ("今年度", ["今年度=FY2014 <doc"], "2014-05-13"),
    ("来年度予算", ["来年度=FY2015"], "2015-03-10"),
    ("昨年度の決算", ["昨年度=FY2014"], "2015-06-01"),
    ("明年度予算においては", ["明年度=FY1960"], "1960-02-02"),
    ("先月の失業率", ["先月=1999-04 <doc"], "1999-05-07"),
    ("先月は", ["先月=2013-12"], "2014-01-24"),
    ("今月二十一日に", ["今月二十一日=2002-06-21"], "2002-06-06"),
    ("来月に迫りました", ["来月=1990-04"], "1990-03-02"),
    ("先々月", ["先々月=2014-11"], "2015-01-10"),
    ("本日、委員会で", ["本日=2015-05-07 <doc"], "2015-05-07"),
    ("昨日、長官が", ["昨日=2015-05-06"], "2015-05-07"),
    ("一昨日、総理の演説中に", ["一昨日=2015-05-05"], "2015-05-07"),
    ("今春には", ["今春=2014-SP"], "2014-01-24"),
    ("昨年秋のＡＰＥＣ", ["昨年秋=2018-FA"], "2019-01-28"),
    ("来年一月に迫りました", ["来年一月=2001-01"], "2000-09-21"),
    ("本年四月の成年年齢の引き下げ", ["本年四月=2022-04"], "2022-01-17"),
    ("昨年十一月の総選挙", ["昨年十一月=2003-11"], "2004-01-22"),
    ("本月十日", ["本月十日=1930-01-10"], "1930-01-21"),
    ("昨年の十二月十日にラムズフェルド", ["昨年の十二月十日=2001-12-10"], "2002-03-29"),
]

INHERITANCE = [  # a month or day alone: the most recent mention of the paragraph, else the document date
    ("2011年3月11日に震災。4月には派遣を開始", ["2011年3月11日=2011-03-11", "4月=2011-04 <d0"], None),
    ("11(平成23)年6月21日の会合。10月25日に会談", ["11(平成23)年6月21日=2011-06-21", "10月25日=2011-10-25"],
     None),
    ("一月の八日と二十三日", ["一月の八日=2009-01-08", "二十三日=2009-01-23"], "2009-02-10"),
    ("平成九年以来の改定。\n四月二十七日に発表", ["平成九年=1997 SINCE", "四月二十七日=2015-04-27 <doc"],
     "2015-05-07"),
    ("5月28日の共同発表", ["5月28日=XXXX-05-28"], None),
    ("2010年の会合。5月28日に", ["2010年=2010", "5月28日=2010-05-28 <d0"], None),
    ("期限は八月の二十日ですから、この十五日から二十日までの間", [
        "八月の二十日=2021-08-20", "十五日=2021-08-15 start <d0", "二十日=2021-08-20 end"], "2022-03-04"),
]

FISCAL_CONTEXT = [  # inside a fiscal-year context, January-March belong to the next calendar year
    ("平成23年度の事業は、1月に完了した", ["平成23年度=FY2011", "1月=2012-01 <d0"], None),
    ("平成23年度の事業は、10月に着手し", ["平成23年度=FY2011", "10月=2011-10"], None),
    ("2014年度の予算は3月末までに執行", ["2014年度=FY2014", "3月末=2015-03 END ON_OR_BEFORE"], None),
    ("本年度の事業は二月に完了", ["本年度=FY2014", "二月=2015-02"], "2014-11-01"),
]

BARE_YEARS = [  # era-less years: the reading closest to the document date
    ("二十七年十月二十九日、中谷防衛大臣", ["二十七年十月二十九日=2015-10-29 era:平成27"], "2015-11-06"),
    ("三十四年三月十九日は", ["三十四年三月十九日=1959-03-19 era:昭和34"], "2015-11-06"),
    ("五十八年十一月に臨床試験を", ["五十八年十一月=1983-11 era:昭和58"], "1994-06-01"),
    ("一六年十月の情報公開請求", ["一六年十月=2016-10"], "2017-05-01"),
    ("二一年七月にずれ込む", ["二一年七月=2021-07"], "2019-12-01"),
    ("九六年四月の橋本・モンデール会談", ["九六年四月=1996-04"], "2010-01-22"),
    ("二七年度までに二十機の改修", ["二七年度=FY2015 ON_OR_BEFORE"], "2015-02-01"),
]

# Era-less years whose era the context fixes: a later era-less year in the same sentence as an era
# year (or an era-less year read in an era) continues that era, when a particle, a list separator
# or a figure follows it; a closed range of era-less years (XからYまで/にかけて) is read like a
# 年度 (the reading nearest the document date).
CONTEXT_YEARS = [
    ("明治五年には学制が頒布せられ、六年には徴兵令が", ["明治五年=1872", "六年=1873 era:明治6 <d0"], None),
    ("明治二十一年に制定し、次で二十三年に至りまして", ["明治二十一年=1888", "二十三年=1890"], None),
    ("十年十月の詔に二十三年を期し議会を開く", ["十年十月=1877-10 era:明治10", "二十三年=1890 era:明治23"],
     "1889-02-12"),
    ("平成七年から研究を始め、八年、九年そして十年と続けた", [
        "平成七年=1995 ON_OR_AFTER", "八年=1996", "九年=1997", "十年=1998"], None),
    ("昭和六十年を基準に見ますと、六十一年三・一％、六十二年二・八％", [
        "昭和六十年=1985", "六十一年=1986", "六十二年=1987"], None),
    ("平成二十年、二十一年、そして二十二年と", ["平成二十年=2008", "二十一年=2009", "二十二年=2010"], None),
    ("明治五年に学制を定め、六年に兵制を改め、二十二年には憲法が制定せられ", [
        "明治五年=1872", "六年=1873", "二十二年=1889 era:明治22"], "1925-01-22"),
]

BARE_RANGES = [
    ("十九年から二十一年まで派遣した", ["十九年=2007 start era:平成19", "二十一年=2009 end"], "2018-05-15"),
    ("四年から十四年にかけて下落", ["四年=1992 start", "十四年=2002 end"], "2002-04-12"),
    ("三十一年から四十二年までの調査", ["三十一年=1956 start era:昭和31", "四十二年=1967 end"], "1967-12-14"),
    ("二十年から二十四年の間", ["二十年=2008 start", "二十四年=2012 end"], "2013-03-01"),
    ("令和三年度に着手し、三年から五年まで", ["令和三年度=FY2021", "三年=2021 start", "五年=2023 end"], None),
    # digit-by-digit years are read like their range end (令和13 would be 2031)
    ("一三から二一年度の平均", ["一三=FY2013 start", "二一年度=FY2021 end"], "2023-04-25"),
    ("平成五から六年度", ["平成五=FY1993 start", "六年度=FY1994 end"], "2019-11-05"),
]

# A day alone: after 去る/來る whatever follows it; in 文語 text (before the 1946 reform, or written
# in old forms) also without a particle, at the head of a clause.
DAYS_WITHOUT_PARTICLE = [
    ("首相は去る二十七日不慮の怪我を致し", ["二十七日=1892-11-27 <doc"], "1892-12-01"),
    ("政綱は去る八日聲明致した通り", ["八日=1937-02-08"], "1937-02-15"),
    ("予算は、去る二十九日提出せられ", ["二十九日=1948-11-29"], "1948-12-04"),
    ("發表の通り、七日マニラ全市を占領し", ["七日=1942-01-07"], "1942-01-21"),
    ("要衝も二月一日上陸し、三日首都も陷落せり", ["二月一日=1942-02-01", "三日=1942-02-03"], "1942-02-16"),
    ("帝國は直ちに二十三日承認の意思を表明", ["二十三日=1943-10-23"], "1943-10-26"),
    ("十三日より本院開會", ["十三日=1893-02-13 ON_OR_AFTER"], "1893-02-15"),
    ("五日ニ至リ", ["五日=1910-01-05"], "1910-01-21"),
]

# A month or day inherited more than a year ahead of the document date keeps its antecedent only
# when that antecedent is a month whose year is written (来年の一月から…六月から); a year or a
# fiscal year alone (a plan, a target) gives way to the document date.
FAR_AHEAD = [
    ("来年の一月から所得税、六月から住民税を半減します", [
        "来年の一月=2006-01 ON_OR_AFTER", "六月=2006-06 ON_OR_AFTER <d0"], "2005-01-21"),
    ("来年一月の市長選挙、十一月の知事選挙までに", ["来年一月=2010-01", "十一月=2010-11 <d0"], "2009-10-30"),
    ("二〇三〇年を視野に入れた戦略を五月までに策定します", [
        "二〇三〇年=2030", "五月=2007-05 ON_OR_BEFORE <doc"], "2007-01-26"),
    ("来年度予算に向け、八月の概算要求までに結論を", ["来年度=FY2006", "八月=2005-08 <doc"], "2005-04-26"),
    ("平成十三年度を初年度とする計画を三月までに策定", [
        "平成十三年度=FY2001", "三月=2001-03 ON_OR_BEFORE <doc"], "2001-01-31"),
    # 同年 copies a year; it does not state one: 同年の五月…十月 more than a year ahead falls back
    ("令和九年度までに整備する。同年の五月に提言をまとめ、十月の総選挙", [
        "令和九年度=FY2027 ON_OR_BEFORE", "同年の五月=2027-05", "十月=2022-10 <doc"], "2023-04-13"),
]

# Day words of the speaker's time are no antecedent for a month or day alone (the document date
# places it, nearest first), and きょう/きのう (often inside reported speech) none for 同日.
DEICTIC_NOT_ANTECEDENT = [
    ("きのう確認しました。十二月十六日に説明", ["きのう=2017-02-08", "十二月十六日=2016-12-16 <doc"], "2017-02-09"),
    ("きょうは法案審議です。二十五日の会見で", ["きょう=2008-04-11", "二十五日=2008-03-25 <doc"], "2008-04-11"),
    ("三月十七日の放水で、きょうが限度と判断した。同日の午後", [
        "三月十七日=2011-03-17", "きょう=2011-04-05", "同日=2011-03-17 <d0"], "2011-04-05"),
]

DECADES = [  # a two-digit decade is Western, never an era year (六〇年代 is not 昭和60)
    ("六〇年代から七〇年代にかけて", ["六〇年代=196X start", "七〇年代=197X end"], "2010-03-01"),
    ("60年代の高度成長", ["60年代=196X"], "2010-03-01"),
    ("五〇年代", ["五〇年代=195X"], "2019-01-01"),
    ("政府が目指す三〇年代の完了", ["三〇年代=203X"], "2021-11-01"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected", "doc"), DAY_NAMED_EVENTS + NOT_DAY_NAMED_EVENTS)
def test_dates_day_named_events(text: str, expected: list[str], doc: str) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), ANAPHORA, ids=[c[0] for c in ANAPHORA])
def test_dates_anaphora(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), SHIFTS, ids=[c[0] for c in SHIFTS])
def test_dates_next_and_previous(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), DOCUMENT_DATE, ids=[c[0] for c in DOCUMENT_DATE])
def test_dates_relative_to_the_document_date(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), INHERITANCE, ids=[c[0] for c in INHERITANCE])
def test_dates_month_or_day_inherits(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), FISCAL_CONTEXT, ids=[c[0] for c in FISCAL_CONTEXT])
def test_dates_fiscal_context(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), BARE_YEARS, ids=[c[0] for c in BARE_YEARS])
def test_dates_era_less_year(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


# fmt: off
OVERFLOW = [  # rule 6: converted arithmetically and flagged, with a W302 warning
    ("平成32年", "平成32年=2020 overflow era:平成32", None),
    ("平成35年度", "平成35年度=FY2023 overflow", None),
    ("昭和64年1月8日", "昭和64年1月8日=1989-01-08 overflow", None),
    ("平成32年度までに", "平成32年度=FY2020 overflow ON_OR_BEFORE", None),
    ("平成三十一年十月の実施に向け", "平成三十一年十月=2019-10 overflow", "2016-09-26"),
    ("昭和七十年を目途として", "昭和七十年=1995 overflow", "1985-01-25"),
    ("平成41年", "平成41年=2029 overflow", None),
    ("昭和六十四年度予算", "昭和六十四年度=FY1989 overflow", "1988-01-25"),
]

NO_OVERFLOW = [
    ("平成31年度", "平成31年度=FY2019"),
    ("平成31年4月30日", "平成31年4月30日=2019-04-30"),
    ("昭和64年1月7日", "昭和64年1月7日=1989-01-07"),
    ("令和元年度", "令和元年度=FY2019"),
    ("平成31年", "平成31年=2019"),
    ("昭和64年", "昭和64年=1989"),
]

# Not dates, each with the warning that says why (never silently converted).
REJECTED = [
    ("2月30日", Code.W301_INVALID_DATE, None),
    ("2011年2月29日", Code.W301_INVALID_DATE, None),
    ("4月31日", Code.W301_INVALID_DATE, None),
    ("13月", Code.W301_INVALID_DATE, None),
    ("0月", Code.W301_INVALID_DATE, "2000-01-01"),
    ("2011年4月0日", Code.W301_INVALID_DATE, None),
    ("2010年13月", Code.W301_INVALID_DATE, None),
    ("昭和64年2月", Code.W301_INVALID_DATE, None),
    ("令和元年4月", Code.W301_INVALID_DATE, None),
    ("平成元年1月7日", Code.W301_INVALID_DATE, None),
    ("平成0年", Code.W301_INVALID_DATE, None),
    ("平成31年5月", Code.W301_INVALID_DATE, None),
    ("平成二十三年九月三十一日", Code.W301_INVALID_DATE, None),
    ("平成42年", Code.W302_ERA_OVERFLOW, None),
    ("平成99年", Code.W302_ERA_OVERFLOW, None),
    ("大正26年", Code.W302_ERA_OVERFLOW, None),
    ("同年5月", Code.W303_UNRESOLVED, None),
    ("翌日", Code.W303_UNRESOLVED, None),
    ("本年", Code.W303_UNRESOLVED, None),
    ("来年度", Code.W303_UNRESOLVED, None),
    ("先月", Code.W303_UNRESOLVED, None),
    ("同23年", Code.W303_UNRESOLVED, None),
    ("前年度比で増加", Code.W303_UNRESOLVED, "2015-01-01"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected", "doc"), OVERFLOW, ids=[c[0] for c in OVERFLOW])
def test_dates_era_overflow_is_flagged_and_warned(text: str, expected: str, doc: str | None) -> None:
    result = check(text, [expected], doc)
    assert [w.code for w in result.warnings] == [Code.W302_ERA_OVERFLOW.value]
    assert result.warnings[0].start == result.dates[0].start


@pytest.mark.parametrize(("text", "expected"), NO_OVERFLOW, ids=[c[0] for c in NO_OVERFLOW])
def test_dates_last_era_year_is_no_overflow(text: str, expected: str) -> None:
    result = check(text, [expected])
    assert result.warnings == ()


@pytest.mark.parametrize(("text", "code", "doc"), REJECTED, ids=[c[0] for c in REJECTED])
def test_dates_rejected_with_a_warning(text: str, code: Code, doc: str | None) -> None:
    result = run(text, doc)
    assert result.dates == ()
    assert [w.code for w in result.warnings] == [code.value]
    warning = result.warnings[0]
    assert warning.start is not None
    assert warning.end is not None
    assert text[warning.start : warning.end] in warning.message


def test_dates_rejected_date_is_no_antecedent() -> None:
    # 2月30日 is dropped, so 同日 has nothing to copy.
    result = run("2011年2月30日の会合。同日、")
    assert [w.code for w in result.warnings] == [Code.W301_INVALID_DATE.value, Code.W303_UNRESOLVED.value]


def test_dates_ids_are_sequential_and_antecedents_precede() -> None:
    text = "10(平成22)年に合意。09(同21)年11月13日の会談と同年5月28日の発表。翌年、"
    result = run(text, "2012-07-31")
    assert [m.id for m in result.dates] == [f"d{i}" for i in range(len(result.dates))]
    ids = [m.id for m in result.dates]
    for i, m in enumerate(result.dates):
        if m.resolved_from not in (None, "document_date"):
            assert ids.index(m.resolved_from) < i


@pytest.mark.parametrize(("text", "expected", "doc"), CONTEXT_YEARS, ids=[c[0] for c in CONTEXT_YEARS])
def test_dates_era_less_year_in_an_era_context(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), BARE_RANGES, ids=[c[0] for c in BARE_RANGES])
def test_dates_closed_range_of_era_less_years(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(
    ("text", "expected", "doc"), DAYS_WITHOUT_PARTICLE, ids=[c[0] for c in DAYS_WITHOUT_PARTICLE]
)
def test_dates_day_without_particle(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), FAR_AHEAD, ids=[c[0] for c in FAR_AHEAD])
def test_dates_far_ahead_inheritance(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(
    ("text", "expected", "doc"), DEICTIC_NOT_ANTECEDENT, ids=[c[0] for c in DEICTIC_NOT_ANTECEDENT]
)
def test_dates_deictic_day_is_no_antecedent(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)


@pytest.mark.parametrize(("text", "expected", "doc"), DECADES, ids=[c[0] for c in DECADES])
def test_dates_decade_is_western(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)
