"""Dates: must-not-extract tables (ANNOTATION.md, Dates, "Not dates"), and texts where only part is a date.

Every text of a NOT_DATES table must yield no date mention at all (with or without a document
date). The forms come from the guidelines and from the Diet record and Prime Ministers' speeches.
"""

from __future__ import annotations

import pytest

from tests.dates_helpers import check, run

DOC = "2015-05-07"

# fmt: off
DURATIONS = [
    "4年ぶりとなる", "3年間", "30年以上", "半世紀", "十八年ぶりの策定", "五年以内の運用停止",
    "戦後七十年という節目", "二十九年ぶりにデンマークを訪問", "三十六年ぶりに", "1年半", "2年後に",
    "5年前の", "十年来の懸案", "三年目", "5年計画", "10日間", "三日前の新聞", "四日後に",
    "2か月", "3ヶ月", "一年間で", "今後五年分", "四半世紀", "約半世紀ぶり", "3日以内に",
    "二、三年で", "100年に一度", "1000年に一度", "千年に一度の大震災", "三百六十五日",
    "二十日足らずで", "十日ほど", "3年連続", "5年ごとに", "三年半で", "二十年前、", "1年未満",
    "6年越しの", "十二日間延長", "五十年の歴史", "七十年にもわたり", "三十三年たっています",
    "二日ないし三日", "過去十五年間で最高", "今後十年間で", "約六十年になる", "二十年、三十年",
    "一年、二年の時間", "四年連続の賃上げ", "十年一昔", "一日がかりで", "二年以上たってしまった",
    "採用以来四十年近く", "百年先、千年先", "五日で", "三日の間",
]

ANNIVERSARIES = [
    "50周年", "五十周年", "創立70周年", "加盟五十周年に当たり", "明治百年を迎え", "国連創設七十年の節目",
]

SETS = [
    "毎年", "毎年4月に", "毎月1日に", "毎年度", "例年4月", "各年度の三月一日に", "隔年で", "毎週月曜日",
    "毎年の四月一日", "毎年度の三月末",
]

AGES_AND_COUNTS = [
    "20歳", "3年生", "一年生議員", "高校1年生の", "3日分", "5日目", "七名", "三か国", "第一回", "二本の柱",
    "三つのテーマ", "六千人", "五十二か国から三十四名", "第2年度目", "週3日の勤務", "2、3日のうちに",
    "二、三日の", "月に2日程度", "最長5日の", "年1回", "第3四半期", "1日あたり", "一年中", "○○年",
    "令和○○年○月○日", "平成○年度", "24時間365日体制", "1日24時間", "わずか一月前の", "一月後に",
]

IDENTIFIERS_AND_NAMES = [
    "22大綱", "10式戦車", "SM-3", "2+2", "資料44", "資料4243", "president_0911",
    "http://www.mofa.go.jp/mofaj/area/usa/visit/president_1011/index.html", "第5条", "第186回国会",
    "F-35A", "ISO9001", "P-3C", "90式戦車", "07大綱", "SM―3ブロックIIA", "3.11", "9.11", "第五条の適用",
    "日米安全保障条約第五条", "２プラス２会合", "ＴＩＣＡＤⅤ", "G7", "V22", "H-IIA",
]

PLACES_AND_IDIOMS = [
    "四日市", "十日町", "五日市", "八日市場", "一日も早く", "一日一日", "一日中", "三日坊主", "一日千秋",
    "五月雨", "五月晴れ", "秋田県", "春日部", "日本年金機構", "共同日程", "同年代", "同年齢", "今日",
    "明日の日本", "先日", "来日", "昨日今日", "することしかできない", "まことしやかに", "一日の枠",
    "万が一日本の国に", "一日でも早く", "将来年金", "過去年度",
]

# Counts written like dates: 残り/あと + days, legal-style months (3月を経過 = three months).
COUNTS_LIKE_DATES = [
    "残り四日", "あと三日で", "3月を経過した日", "六月を超えない範囲", "三月を経て", "十二月を限度として",
    "三日三晩", "会期を、三日延長した",
]

# Figurative or lexical uses of the spoken day words, and old-form compounds.
SPOKEN_AND_OLD_WORDS = [
    "あすの日本", "あすへの責任", "あすを担う", "あすは我が身", "明日への希望", "明日を切り開く",
    "改革なくして明日はありません", "明日は今日より良くなる", "明日の内閣", "きょうだい", "ひっきょう",
    "きょうぎ", "きょう、あすで解決できる問題", "きょうあすの話", "相當年數", "旅客年間", "更新年度の",
    "春には桜が咲く", "この秋には",
]

NOT_REPRESENTABLE = [
    "昭和四十年代", "昭和40年代の後半",
]
# fmt: on

NOT_DATES = (
    DURATIONS + ANNIVERSARIES + SETS + AGES_AND_COUNTS + IDENTIFIERS_AND_NAMES + PLACES_AND_IDIOMS
    + COUNTS_LIKE_DATES + SPOKEN_AND_OLD_WORDS
)


@pytest.mark.parametrize("text", NOT_DATES)
@pytest.mark.parametrize("doc", [None, DOC])
def test_dates_not_a_date(text: str, doc: str | None) -> None:
    result = run(text, doc)
    assert [m.surface for m in result.dates] == []


@pytest.mark.parametrize("text", NOT_REPRESENTABLE)
def test_dates_era_decade_is_not_a_decade_value(text: str) -> None:
    # 昭和40年代 spans 1965-1974: no value of the guidelines says that; it is left out rather
    # than read as the year 1965.
    assert [m.value for m in run(text).dates] == []


# fmt: off
# Texts where a date sits next to a trap: only the date comes out.
DATE_BESIDE_TRAP = [
    ("10(平成22)年、日米安保条約締結50周年を迎えた", ["10(平成22)年=2010"], None),
    ("07(同19)年以来4年ぶりとなる「2+2」会合", ["07(同19)年=2007 SINCE"], None),
    ("平成九年以来、十八年ぶりの策定となりました", ["平成九年=1997 SINCE"], None),
    ("昨年一年間で今後五年分の四分の一に当たる支援", ["昨年=2013 <doc"], "2014-05-13"),
    ("戦後七十年という節目に行われた今回の会合は、翌二十八日の首脳会談に先立つ", [], None),
    ("普天間飛行場の五年以内の運用停止", [], "2015-05-07"),
    ("2011年秋田県で", ["2011年=2011"], None),
    ("2011年初めての会合", ["2011年=2011"], None),
    ("2010年から3年間", ["2010年=2010 ON_OR_AFTER"], None),
    ("九九年から六年かかっての最終段階", ["九九年=1999 ON_OR_AFTER"], "2005-06-14"),
    ("2010年、10年後には", ["2010年=2010"], None),
    ("毎年4月1日に、2014年4月1日から", ["2014年4月1日=2014-04-01 ON_OR_AFTER"], None),
    ("資料44の2011年の項", ["2011年=2011"], None),
    ("四日市で二十三日に", ["二十三日=2015-04-23"], "2015-04-30"),
    ("公債発行下の第二年目として、四十二年度は", ["四十二年度=FY1967"], "1966-12-15"),
    ("年度末まで残り四日", ["年度末=FY2022 END ON_OR_BEFORE"], "2023-03-27"),
    ("公布の日から起算して3月を経過した日から施行", [], "2015-01-15"),
    # era-less numbers in an era context that are spans, not years
    ("昭和二十年の終戦から四十年、", ["昭和二十年=1945"], None),
    ("令和二年度を除いては、十年の平均で", ["令和二年度=FY2020"], None),
    ("昭和三十二年生まれで、三十五年ということになります", ["昭和三十二年=1957"], None),
    ("昭和五十一年に策定され、あれから二十年たちました", ["昭和五十一年=1976"], None),
    ("平成十年に改定し、この十年で", ["平成十年=1998"], None),
    ("平成十年に改定し、十年間で", ["平成十年=1998"], None),
    ("平成十年。十二年に", ["平成十年=1998"], None),
    ("二〇〇五年に、八年で", ["二〇〇五年=2005"], None),
    ("三・一一から一年を迎え", [], "2012-03-08"),
    ("平成十一年に、使用期限を十五年にすることを条件に", ["平成十一年=1999"], None),
    ("平成八年の大綱から次の大綱まで九年、", ["平成八年=1996"], None),
    ("平成二十三年に着手してから完了までに九年三か月", ["平成二十三年=2011"], None),
    ("平成二十年に、その期間を五年に延長する", ["平成二十年=2008"], None),
    ("平成二十年、七年五か月ぶりに", ["平成二十年=2008"], None),
    ("戦後二六年もの長い間", [], "1972-05-15"),
    # seasons alone: only after a dated, non-fiscal mention of the same sentence
    ("昨年からスタートし、この春から支給します", ["昨年=2017 ON_OR_AFTER"], "2018-01-22"),
    ("二〇二〇年度の目標を堅持し、夏までに計画を", ["二〇二〇年度=FY2020"], "2015-02-12"),
    ("平成九年に始めた。秋には", ["平成九年=1997"], None),
    # a day alone followed by a noun is a date only in 文語 text or after 去る/来る
    ("会期は、五日延長された", [], "2015-06-01"),
    ("十日間", [], "1900-01-21"),
    ("七日目に", [], "1900-01-21"),
    # a comparison after より takes no mod
    ("昨年より多い", ["昨年=2014"], "2015-02-01"),
    # a mod after a quotation belongs to the date only right after its closing bracket
    ("「2月1日」の会合以降", ["2月1日=2015-02-01"], "2015-03-01"),
    # era-less years after から are a count unless the range is closed
    ("三年から五年かかる", [], "2023-06-01"),
    ("十年から二十年後には", [], "2023-06-01"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected", "doc"), DATE_BESIDE_TRAP, ids=[c[0] for c in DATE_BESIDE_TRAP])
def test_dates_only_the_date_beside_a_trap(text: str, expected: list[str], doc: str | None) -> None:
    check(text, expected, doc)
