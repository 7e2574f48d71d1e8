"""Dates: resolution against context and the document date, overflow and impossible dates.

ANNOTATION.md (Dates, Resolution 1-7). Expected mentions use the notation of
tests/dates_helpers.py; ``<dN`` checks ``resolved_from``.
"""

from __future__ import annotations

import pytest

from pipeline.errors import Code
from tests.dates_helpers import check, run

# fmt: off
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
# fmt: on


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
