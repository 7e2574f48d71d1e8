"""Recognition: find date mentions in a text and read what each one says, before resolution.

``scan(text)`` returns ``Candidate`` records in text order: spans (offsets into ``text``) with the
fields the surface states (era and era year, Western year, 年度, month, day, relative words,
sub-period, season, decade, century), the relational ``mod`` that follows, and range/list links.
Resolution (``resolve.py``) turns them into values using context and the document date.

Only ``FIRST.search`` walks the text (a compiled regex, skipping non-date characters in C); each
hit is extended with anchored ``.match`` calls. A hit that is not a date (a duration such as
4年ぶり, a set such as 毎年4月, an idiom such as 一日も早く, a place such as 四日市) is dropped
by the context checks below, and the scan goes on after it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline import tables
from pipeline.dates import patterns as P
from pipeline.dates.eras import Era, era_by_initial, era_by_name
from pipeline.dates.numerals import NumberStyle, parse_number
from pipeline.schema import DateMod, DatePart

__all__ = ["Candidate", "is_classical", "scan"]


@dataclass(slots=True)
class Candidate:
    """One date mention as written; ``None`` fields are not stated by the surface.

    Relative fields (``year_rel``, ``month_rel``, ``day_rel``) are ``"same"`` (同), ``"next"``
    (翌), ``"prev"`` (前) or ``"doc"`` (本/今/昨/来 ..., with an offset). ``bare`` is an era-less
    year number (二十七年十月, 23年度, 九八年) that needs context to become a year.
    """

    start: int
    end: int
    era: Era | None = None
    era_year: int | None = None
    era_same: bool = False  # 同N年, YY(同N)年: the era of the most recent era-bearing mention
    year: int | None = None  # a Western year as written (four digits)
    year2: int | None = None  # a two-digit Western year whose century comes from context
    year2_era: bool = False  # 九六年 may also be an era year (二七年度 = 平成27年度); 〇八年 may not
    bare: int | None = None
    bare_style: NumberStyle | None = None
    year_rel: str | None = None
    year_off: int = 0
    fiscal: bool = False
    decade: bool = False
    century: int | None = None
    century_off: int | None = None  # 今世紀 0, 前世紀 -1, 来世紀 +1 (document date)
    month: int | None = None
    month_rel: str | None = None
    month_off: int = 0
    day: int | None = None
    day_rel: str | None = None  # also "next_n" (翌二十八日) and "same_n" (同二十九日)
    day_off: int = 0
    part: DatePart | None = None
    season: str | None = None
    context_part: str | None = None  # bare 年度末 / 年末: "fiscal" or "year" of the context
    mod: DateMod | None = None
    range: str | None = None
    link: int | None = None  # index of the candidate a range end or list item inherits from
    relative_word: bool = False  # 昨年, 先月, 今春 ... (may take 来 = SINCE: 昨年来)
    # A month or day introduced by a word pointing at the speaker's time (去る十八日, 来る四月,
    # 今度の四月, この四月一日, 先週十三日): "past", "future" or "near" the document date.
    deixis: str | None = None
    # A relative word written together with the explicit date it restates (本日十七日, 翌日三十日,
    # 今月十一月十五日): the relative word's value fills what the explicit part leaves out.
    anchor: Candidate | None = None
    next_after: bool = False  # 翌5月1日: the first such date after the antecedent
    new_fiscal: bool = False  # 新年度: the fiscal year starting or just started

    @property
    def has_year_info(self) -> bool:
        """Whether the surface says anything about the year (otherwise it inherits one)."""
        return (
            self.era is not None
            or self.era_same
            or self.year is not None
            or self.year2 is not None
            or self.bare is not None
            or self.year_rel is not None
            or self.century is not None
            or self.century_off is not None
            or self.context_part is not None
            or self.new_fiscal
        )


@dataclass(slots=True)
class _Scan:
    text: str
    document_date: dt.date | None = None
    candidates: list[Candidate] = field(default_factory=list)
    _classical: bool | None = None

    @property
    def classical(self) -> bool:
        """文語/旧字体 register (days written without a particle); read only when a day needs it."""
        if self._classical is None:
            self._classical = is_classical(self.text, self.document_date)
        return self._classical


# --- context checks --------------------------------------------------------------------------

# After N年: durations and counts (4年ぶり, 3年間, 30年以上, 五年以内, 2年目, 1000年に一度,
# 2000年の歴史 ...), for every year; 目 but not 目標 (2020年目標).
_DURATION_YEAR = re.compile(
    r"に[一1１](?:度|回)|の(?:歴史|伝統)|間|ぶり|振り|以上|以下|以内|未満|余|近く|超|足らず|連続|目(?!標|途)|越し|ごと|周期|がかり|"
    r"にわた|経過|経っ|経ち|たっ|たた|たち|程度|ほど|くらい|ぐらい|か月|ヶ月|カ月|ケ月|箇月|ヵ月|個月|"
    r"の(?:歳月|星霜|長き)|もの|"
    # N年Mか月 (九年三か月, 七年五カ月ぶり): a span of years and months
    r"[0-9０-９〇一二三四五六七八九十]{1,3}(?:か|カ|ヵ|ヶ|ケ|箇|个|個)月"
)
# Only for era-less numbers: 3年後, 5年前, 十年来, 1年半, 3年生, 5年分, 5年計画, 3年内.
_DURATION_BARE_YEAR = re.compile(r"後|前(?!後)|来|半|生|分|弱|強|毎|物|内|計画|先|度間|越|かか|を要")
_DURATION_MONTH = re.compile(
    r"間|以内|以上|未満|ぶり|振り|余|目|ごと|おき|置き|当たり|あたり|程度|ほど|ぐらい|くらい|近く|"
    r"足らず|連続|越し|がかり|遅れ|半|雨|晴|人形|病|前(?![半後])|後(?!半)|"
    # legal style writes N months as N月: 3月を経過した日 (three months after), 6月を超えない
    r"を経過|を経(?:て|た|ず|る)|を超え|を越え|を限度"
)
_DURATION_DAY = re.compile(
    r"間|目|以内|以上|未満|ぶり|振り|余|程度|ほど|ぐらい|くらい|近く|足らず|がかり|おき|置き|"
    r"ごと|当たり|あたり|連続|越し|分|遅れ|限り|市|町|村|場"
)
# A day written alone (二十三日に, 十二日の, 二十九日、) is a date only before these.
_BARE_DAY_OK = re.compile(
    r"[にのはもと、，,。．.\s)）」』]|[ニノハモトヲヘ]|ヨリ|マデ|迄|より|から|まで|付|夜|朝|午前|午後|未明|深夜|早朝|夕|昼|晩|時点|現在|"
    r"当日|以降|以来|以後|以前|頃|ごろ|ころ|[(（]|です|でし|でござ|であ|及び|並び|又は|"
    r"[〜～~]|$"
)
_BARE_DAY_BAD = re.compile(r"の間|中|後|前(?!後)|も|で(?!す|し|ござ|あ)|を|が(?!、)|一日|千秋|坊主")
# Counts of days, not days of a month: 週3日, 月に2日, 年に5日, 最長5日.
_COUNT_BEFORE = (
    "週", "月に", "年に", "計", "合計", "延べ", "最大", "最長", "最短", "およそ", "わずか", "たった", "ほぼ",
    "残り", "のこり", "あと",
)  # fmt: skip
_WEEK_DEICTIC = frozenset("先今来前翌同")
# Sets and periodic expressions just before a month or day: 毎年4月, 毎月1日, 例年4月.
_SET_BEFORE = (
    "毎年度の", "各年度の", "毎年の", "例年の", "毎月の", "各月の", "毎年", "毎月", "例年", "隔年", "隔月",
    "毎週", "各年", "各月", "毎", "各", "隔", "ないし", "乃至",
)  # fmt: skip
# Characters that make a numeral part of a code, an identifier or a URL (president_0911, SM-3).
_CODE_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    "_/.:#＃＿．－-+＋=＝%％第約数何"
)


# Words before a month or day that anchor it to the speaker's time rather than to the last date
# mentioned (Diet minutes: 去る十八日, 来る四月, 今度の四月に延期, 先週十三日). この is not one of
# them: it points back as often as at the present (八月の二十日…この十五日から).
_DEIXIS_BEFORE = (
    ("去る", "past"), ("過ぐる", "past"), ("来る", "future"), ("來る", "future"), ("今度の", "future"),
    ("先週", "past"), ("今週", "near"), ("来週", "future"),
)  # fmt: skip


def _deixis(text: str, start: int) -> str | None:
    for word, direction in _DEIXIS_BEFORE:
        if text.startswith(word, start - len(word)) and not text.startswith("出", start - len(word) - 1):
            return direction
    return None


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "々"


def _words_before(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that tells whether one of ``words`` ends right before a position.

    Used as ``pattern.search(text, max(0, start - reach), start)``: one call in C instead of a
    ``startswith`` per word (the set words are tested at every numeral).
    """
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\Z")


def _ends_with(pattern: re.Pattern[str], text: str, start: int) -> bool:
    return pattern.search(text, max(0, start - _WORD_REACH), start) is not None


_WORD_REACH = 6  # the longest word tested before a mention (毎年度の, 最長, 過去 ...)
_SET_BEFORE_RX = _words_before(_SET_BEFORE)
_COUNT_BEFORE_RX = _words_before(_COUNT_BEFORE)


def _bad_left_for_number(text: str, start: int) -> bool:
    """A numeral glued to a longer number, code or identifier, or a set word before it."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev in P.NUMERAL_CHARS or prev in _CODE_CHARS:
        return True
    return _ends_with(_SET_BEFORE_RX, text, start)


# Words whose last kanji begins a relative date word (日本年金 hides 本年, 共同日程 同日): a
# relative word right after one of them is part of it; after any other kanji (対前年度比, 多分来年,
# 以降今月) it is a date. The list and its reason are in pipeline/data/dates/compounds.json.
_COMPOUNDS_BEFORE = tables.word_set("dates/compounds.json", "words")


def _bad_left_for_word(text: str, start: int) -> bool:
    """A relative word that is the tail of a longer word (日本年金, 共同日程, 将来年度)."""
    return start > 0 and text[start - 1 : start + 1] in _COMPOUNDS_BEFORE


# --- reading the elements ---------------------------------------------------------------------

# 來 is the old form of 来 (來年度, 再來年); 當年 (old 当年) is this year and 客年 last year in
# Meiji-Taisho speeches (modern 当年度 is generic: "the year in question", so only 當 is read).
_YEAR_REL = {
    "再来": ("doc", 2), "再來": ("doc", 2), "一昨": ("doc", -2), "同": ("same", 0), "仝": ("same", 0),
    "翌": ("next", 1),
    "前": ("prev", -1), "本": ("doc", 0), "今": ("doc", 0), "昨": ("doc", -1), "去": ("doc", -1),
    "来": ("doc", 1), "來": ("doc", 1), "明": ("doc", 1), "當": ("doc", 0), "客": ("doc", -1),
}  # fmt: skip
_MONTH_REL = {
    "本": ("doc", 0), "先々": ("doc", -2), "同": ("same", 0), "仝": ("same", 0), "翌": ("next", 1),
    "前": ("prev", -1), "先": ("doc", -1), "今": ("doc", 0), "来": ("doc", 1), "來": ("doc", 1),
}  # fmt: skip
_DAY_REL = {
    "一昨": ("doc", -2), "同": ("same", 0), "仝": ("same", 0), "翌": ("next", 1), "前": ("prev", -1),
    "本": ("doc", 0), "昨": ("doc", -1), "明": ("doc", 1),
}  # fmt: skip
_KANA_DAY = {"きょう": 0, "きのう": -1, "あした": 1, "あす": 1}
_SEASON_REL = {
    "今": ("doc", 0), "昨": ("doc", -1), "来": ("doc", 1), "來": ("doc", 1), "明": ("doc", 1), "翌": ("next", 1),
}  # fmt: skip
_CENTURY_REL = {"今": 0, "前": -1, "来": 1, "來": 1}
SEASONS = {"春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"}
_MODS = {
    "以来": DateMod.SINCE, "以降": DateMod.ON_OR_AFTER, "以後": DateMod.ON_OR_AFTER,
    "より後": DateMod.AFTER, "より前": DateMod.BEFORE, "以前": DateMod.ON_OR_BEFORE,
    "までに": DateMod.ON_OR_BEFORE, "まで": DateMod.ON_OR_BEFORE, "から": DateMod.ON_OR_AFTER,
    "来": DateMod.SINCE, "以來": DateMod.SINCE, "來": DateMod.SINCE, "迄に": DateMod.ON_OR_BEFORE,
    "迄": DateMod.ON_OR_BEFORE, "より": DateMod.ON_OR_AFTER,
}  # fmt: skip
# Not the end of a range after XからY: a change of date (4月から6月に延期), a move (Aから Bへ).
_NOT_RANGE_AFTER = re.compile(r"へ|に(?:延期|変更|前倒|繰り上|繰上|延長|移|改め|短縮|ずれ込)")
_RANGE_CLOSE = re.compile(r"までに|まで|迄に|迄|にかけて|の間|の期間")
# 初め as in 初めて / 始める is a verb or adverb, not a sub-period.
_NOT_PART_AFTER = re.compile(r"[てたるまらよずなと]")

# より after a date is the written から ("from": 八月中旬より警戒監視態勢を強化, 四月一日より施行)
# unless it compares (昨年より多い, 前年度より五千億円増, 二〇二〇年より前倒し, 昨年よりも): a
# comparative word right after it, or after an amount.
_COMPARATIVE_AFTER = re.compile(
    r"は?(?:も|さらに|更に|一層|一段と|格段|大幅|大きく|若干|やや|少し|わずか|僅か|ずっと|はるか|遥か|もっと|相当|"
    r"(?:約|およそ)?[0-9０-９〇一二三四五六七八九十百千万億兆・.．,，]+[^、。\n]{0,6}?(?:増|減|多|少|高|低|上回|下回)|"
    r"増[加額大えやし]|減[少額っりら]|多[いくかさ]|少な|早[いくめまか]|遅[いくれらせか]|高[いくまめか]|"
    r"低[いく下か]|大き|小さ|長[いく]|短[いく]|良[いく]|よ[いく]|悪[いく化]|強[いくま]|弱[いくま]|上回|下回|"
    r"改善|上昇|下落|向上|拡大|縮小|伸び|前倒|後ろ倒|厳し|緩[いく和]|以前|以後|先|早期|遅延)"
)
# The kana day words (きょう, きのう) and their neighbours: a particle or punctuation before them,
# no kana that would make them part of another word after them (きょうだい, きょうぎ, きょうか).
_KANA_BEFORE_OK = frozenset("はもがにをでとてへやのね、。，．　 「『（(\n")
_KANA_DAY_BAD_AFTER = re.compile(
    r"[だじぎふみつゆよわれぐ]|い(?!ろ|ま)|か(?!ら)|こう|ちょう|せい|そう|ざい|りょく|かん|ど(?!う)|しゅ|さ(?!ん)|"
    r"[、・]?(?:あす|あした|明日)"  # きょう、あすで解決できる: "in a day or two", not a date
)
# 明日/あす/あした are "tomorrow" only where the text speaks of a day (明日から, あす午前, 明日、);
# あすの日本, 明日への希望, 明日を担う, 明日はありません, あすは我が身 are the figurative future.
_TOMORROW_OK = re.compile(
    r"[、，]|は(?!な|あ|今日|きょう|我|わが)|から|より|まで|以降|以後|午前|午後|朝|夜|の(?:朝|午前|午後|夜)|"
    r"にも(?!希望)|中に"
)
# A season written alone (秋には) is a date only as the next element of a dated narration
# (ことしの春に…、秋には): with a case particle after it and a mention with a year earlier in the
# same sentence.
_SEASON_ALONE_OK = re.compile(r"に|には|にも|から|まで|頃|ごろ|以降|以来|、")
# An era-less year in a sentence whose era is fixed by an earlier era year (明治十四年十月…
# 二十三年を期し, 昭和五十三年…五十四年〇・二％, 平成十九年、そして二十年と) reads as a year when
# it is followed by a case particle, a list separator or a figure (not の: 十年の平均 is a span),
# and not preceded by a word that makes it a count (この十年, 戦後五十年, 終戦から四十年).
_CONTEXT_YEAR_AFTER = re.compile(
    r"に(?!一度|一回|わた|し|す|な[るっりら]|入|達|及|延|短|伸|拡|縮|限)|には|にも|を(?:期|目途|目処|目標|もって|以て|境|ピーク)|は|"
    r"と(?!い|言|な|し)|まで|迄|頃|ごろ|ころ|当時|當時|、|，|そして|及び|および|並びに|又は|または|"
    r"[0-9０-９〇○一二三四五六七八九]"
)
_CONTEXT_YEAR_BEFORE = (
    "から", "より", "この", "その", "ここ", "過去", "今後", "約", "およそ", "わずか", "もう", "既に", "すでに",
    "あと", "残り", "向こう", "最近", "戦後", "満", "足掛け", "丸", "実に", "ほぼ", "優に", "延べ", "以来", "来",
    "後", "前", "ほとんど", "やく", "まで", "までに", "までは", "迄", "期限を", "期間を",
)  # fmt: skip
_CONTEXT_YEAR_BEFORE_RX = _words_before(_CONTEXT_YEAR_BEFORE)
_CONTEXT_YEAR_BACK = -10  # how far before the context year an era-less year may lie
_CONTEXT_YEAR_AHEAD = 20  # and how far after it (a speech narrates forward: 明治十四年…二十三年)
_CONTEXT_YEAR_REACH = 150  # characters between the context year and the era-less year
# A closed range of era-less years (十九年から二十一年まで, 四年から十四年にかけて): the Diet record
# names years of the current era like this; a count of years is not written with まで/にかけて.
_BARE_RANGE = re.compile(
    r"(?:から|より)(?P<y>[〇○一二三四五六七八九十百千廿卅]{1,4}|[0-9０-９]{1,2})年(?:までに|まで|迄|にかけて|の間)"
)
_SENTENCE_END = re.compile(r"[。\n！？]")
# Counters and relational nouns that make a day written alone a count (十日間, 五日目, 七日分).
_CLASSICAL_DAY_BAD_NEXT = frozenset("間目中後前分余餘程位計宛許乃毎置内來来ヶカケヵ箇晩")
# Characters of the old orthography (旧字体): a text that uses them is in the pre-1947 register.
_OLD_FORMS = frozenset(
    "國會學體關舊來當據爲實發對應變氣廣縣總證圖擧歸處團聯戰續權醫鐵從數餘讀壓譯檢斷黨參辭號營擴藝雜豫區與兩條禮點"
    "轉覽聽觀賣經濟"
)
_OLD_FORMS_MIN = 5
_OLD_FORMS_DISTINCT = 3
_ORTHOGRAPHY_REFORM = dt.date(1946, 11, 16)  # 当用漢字表 and 現代かなづかい announced


def is_classical(text: str, document_date: dt.date | None = None) -> bool:
    """Whether ``text`` is in the pre-war register (文語体, 旧字体), where a day stands alone.

    True for documents dated before the 1946 orthography reform, or that use old character forms
    (國, 會, 舊, 來 ...) at least ``_OLD_FORMS_MIN`` times, three of them different (a modern
    speech quoting 大日本帝國 repeats one).
    """
    if document_date is not None and document_date < _ORTHOGRAPHY_REFORM:
        return True
    old = [ch for ch in text if ch in _OLD_FORMS]
    return len(old) >= _OLD_FORMS_MIN and len(set(old)) >= _OLD_FORMS_DISTINCT


def _number(text: str) -> tuple[int, NumberStyle] | None:
    return parse_number(text)


def _set_western_year(cand: Candidate, value: int, style: NumberStyle, digits: int) -> bool:
    """Store a N年 numeral as a Western year, a two-digit year or an era-less number."""
    if digits == 4 and style in (NumberStyle.ARABIC, NumberStyle.KANJI_DIGITS):
        if not 1000 <= value <= 2999:
            return False
        cand.year = value
    elif style is NumberStyle.KANJI_POSITIONAL and value >= 1000:
        cand.year = value  # 千九百四十九年: accepted only before a month (checked by the caller)
    elif digits == 2 and style is NumberStyle.KANJI_DIGITS:
        cand.year2 = value  # 九八年, 〇八年度: the Diet record writes abbreviated years like this
        cand.year2_era = value >= 10
    else:
        cand.bare, cand.bare_style = value, style
    return True


class _Reader:
    """Reads one mention starting at a FIRST match and extends it as far as it goes."""

    __slots__ = ("scan", "text")

    def __init__(self, scan: _Scan) -> None:
        self.scan = scan
        self.text = scan.text

    # The main entry: returns (candidate or None, position to go on from).
    def read(
        self, m: re.Match[str], *, role: str | None = None, lead: int | None = None
    ) -> tuple[Candidate | None, int]:
        """Read the mention that ``m`` starts; ``lead`` moves its start back to a relative word.

        ``lead`` is where a relative word written together with this explicit year began
        (昨年二〇一〇年): the mention's span starts there.
        """
        text = self.text
        start = m.start()
        cand = Candidate(start=start if lead is None else lead, end=m.end())
        level: str  # what the mention's last element is: year, month, day, century, ...
        if m["cx"] is not None:
            return self._compact(m, role)
        if m["era"] is not None:
            era = era_by_name(m["era"])
            num = parse_number(m["era_n"])
            if era is None or num is None:
                return None, m.end()
            cand.era, cand.era_year = era, num[0]
            level = "year"
        elif m["abbr"] is not None:
            if start > 0 and (text[start - 1] in _CODE_CHARS or text[start - 1] in P.NUMERAL_CHARS):
                return None, m.end()
            num = parse_number(m["abbr_n"])
            era = era_by_initial(m["abbr"])  # H23年度 = 平成23年度
            if num is None or era is None:
                return None, m.end()
            cand.era, cand.era_year = era, num[0]
            level = "year"
        elif m["wg_n"] is not None:
            if self._bad_left(start, role):
                return None, m.end()
            wn, en = parse_number(m["wg_n"]), parse_number(m["wg_en"])
            if wn is None or en is None:
                return None, m.end()
            cand.era_year = en[0]
            if m["wg_era"] == "同":
                cand.era_same = True
            else:
                cand.era = era_by_name(m["wg_era"])
            if len(m["wg_n"]) == 4:
                cand.year = wn[0]
            else:
                cand.year2 = wn[0]
            level = "year"
        elif m["same_n"] is not None:
            num = parse_number(m["same_n"])
            if num is None or _bad_left_for_word(text, start):
                return None, m.end()
            cand.era_same, cand.era_year = True, num[0]
            level = "year"
        elif m["west"] is not None:
            if self._bad_left(start, role) and m["sei3"] is None:
                return None, m.end()
            num = parse_number(m["west"])
            if num is None or not _set_western_year(cand, num[0], num[1], len(m["west"])):
                return None, m.end()
            level = "year"
        elif m["rel_y"] is not None:
            if _bad_left_for_word(text, start):
                return None, m.end()
            if m["rel_y"] in ("當", "客") and start > 0 and _is_kanji(text[start - 1]):
                return None, m.end()  # 相當年數, 旅客年間: the tail of another word
            if m["rel_y"] in ("同", "仝") and text.startswith(("代", "齢", "輩", "配", "級", "生"), m.end()):
                return None, m.end()  # 同年代, 同年齢: the same age, not the same year
            if text.startswith("金", m.end()):
                return None, m.end()  # 本年金, 来年金: 年金 (pension), not a year
            cand.year_rel, cand.year_off = _YEAR_REL[m["rel_y"]]
            cand.relative_word = True
            level = "year"
            if (explicit := self._apposed_year(m.end())) is not None:
                return self.read(explicit, role=role, lead=start)  # 昨年二〇一〇年: one mention
        elif m["rou"] is not None:
            # 舊臘/旧臘/客臘/昨臘: December of last year (臘月 is the twelfth month).
            cand.year_rel, cand.year_off = "doc", -1
            cand.month = 12
            cand.relative_word = True
            level = "month"
        elif m["new_fy"] is not None:
            if start > 0 and _is_kanji(text[start - 1]):
                return None, m.end()  # 更新年度: not 新年度
            cand.year_rel, cand.fiscal, cand.new_fiscal = "doc", True, True
            cand.relative_word = True
            level = "year"
        elif m["kotoshi"] is not None:
            prev = text[start - 1] if start else " "
            after = text[m.end() : m.end() + 2]
            # することしか, まことしやか: こと + し, not ことし (this year)
            if prev in "るたうくすつぬむぶぐいまだ" or (after.startswith("か") and after != "から"):
                return None, m.end()
            if after.startswith("や"):
                return None, m.end()
            cand.year_rel, cand.year_off = "doc", 0
            cand.relative_word = True
            level = "year"
            if (explicit := self._apposed_year(m.end())) is not None:
                return self.read(explicit, role=role, lead=start)
        elif m["cs"] is not None:
            if _bad_left_for_word(text, start):
                return None, m.end()
            rel, off = _SEASON_REL[m["cs_rel"]]
            cand.year_rel, cand.year_off = rel, off
            cand.season = SEASONS[m["cs"]]
            cand.relative_word = True
            level = "season"
        elif m["cent_rel"] is not None or m["cent_n"] is not None:
            if m["cent_rel"] is not None:
                if _bad_left_for_word(text, start):
                    return None, m.end()
                cand.century_off = _CENTURY_REL[m["cent_rel"]]
            else:
                num = parse_number(m["cent_n"])
                if num is None or not 10 <= num[0] <= 22 or self._bad_left(start, role):
                    return None, m.end()
                cand.century = num[0]
            level = "century"
        elif m["m_rel"] is not None:
            if _bad_left_for_word(text, start):
                return None, m.end()
            cand.month_rel, cand.month_off = _MONTH_REL[m["m_rel"]]
            cand.relative_word = True
            level = "month"
            am = P.APPOSITION_MONTH.match(text, m.end())
            num = parse_number(am["m"]) if am is not None else None
            if am is not None and num is not None and not _DURATION_MONTH.match(text, am.end()):
                # 今月十一月十五日: the explicit month, in the year of the relative one.
                cand = Candidate(start=start, end=am.end(), month=num[0], anchor=cand)
                return self._extend(cand, am.end(), "month", role, first=m)
        elif m["month"] is not None:
            if self._bad_left(start, role):
                return None, m.end()
            num = parse_number(m["month"])
            if num is None:
                return None, m.end()
            if _DURATION_MONTH.match(text, m.end()):
                return None, m.end()
            cand.month = num[0]
            level = "month"
            if start > 0 and text[start - 1] == "翌" and role is None:
                # 翌5月1日（水）: 翌 is part of the surface; the first such date after the antecedent.
                cand.start -= 1
                cand.next_after = True
        elif m["d_rel"] is not None:
            if _bad_left_for_word(text, start):
                return None, m.end()
            if m["d_rel"] == "昨" and text.startswith("今日", m.end()):
                return None, m.end()  # 昨日今日: an idiom (recently)
            appos = self._apposed_day(m.end())
            if m["d_rel"] == "明" and appos is None and not _TOMORROW_OK.match(text, m.end()):
                return None, m.end()  # 明日の日本, 明日への希望: the figurative future
            cand.day_rel, cand.day_off = _DAY_REL[m["d_rel"]]
            cand.relative_word = True
            level = "day"
            if appos is not None:
                return self._extend(self._with_day(cand, appos), appos.end(), "day", role, first=m)
        elif m["kana_day"] is not None:
            word = m["kana_day"]
            if start > 0 and text[start - 1] not in _KANA_BEFORE_OK and "ぁ" <= text[start - 1] <= "ゖ":
                return None, m.end()  # ひっきょう, ふきょう: the tail of another word
            appos = self._apposed_day(m.end())
            if appos is None:
                if word in ("あす", "あした") and not _TOMORROW_OK.match(text, m.end()):
                    return None, m.end()  # あすの日本, あすへの責任: the figurative future
                if word in ("きょう", "きのう") and _KANA_DAY_BAD_AFTER.match(text, m.end()):
                    return None, m.end()  # きょうだい, きょうぎ: another word
            cand.day_rel, cand.day_off = "doc", _KANA_DAY[word]
            cand.relative_word = True
            level = "day"
            if appos is not None:
                return self._extend(self._with_day(cand, appos), appos.end(), "day", role, first=m)
        elif m["d_pre"] is not None:
            if _bad_left_for_word(text, start):
                return None, m.end()
            num = parse_number(m["d_pn"])
            if num is None or not 1 <= num[0] <= 31:
                return None, m.end()
            cand.day_rel = "next_n" if m["d_pre"] == "翌" else "same_n"
            cand.day = num[0]
            level = "day"
        elif m["day"] is not None:
            if self._bad_left(start, role):
                return None, m.end()
            num = parse_number(m["day"])
            if num is None or not 1 <= num[0] <= 31:
                return None, m.end()
            cand.day = num[0]
            level = "day"
        elif m["bare_part"] is not None:
            if start > 0 and (_is_kanji(text[start - 1]) or text[start - 1] in P.NUMERAL_CHARS):
                return None, m.end()
            if text.startswith(("年始", "調整", "商戦", "年度始"), m.end()):
                return None, m.end()
            cand.context_part = "fiscal" if m["bare_part"] == "年度末" else "year"
            cand.part = DatePart.END
            return self._finish(cand, m.end(), "part", role)
        elif m["season_alone"] is not None:
            cand.season = SEASONS[m["season_alone"]]
            if role == "range_end":  # 今年の夏から秋にかけて: the range's start gives the year
                return self._finish(cand, m.end(), "season", role)
            head = self._season_head(start, m.end(), role)
            if head is None:
                return None, m.end()
            cand.link = head
            return self._finish(cand, m.end(), "season", role)
        else:  # pragma: no cover - every alternative is handled above
            return None, m.end()
        if level in ("month", "day") and not cand.relative_word and cand.day_rel is None:
            cand.deixis = _deixis(text, start)
        if level == "year" and start > 0 and text[start - 1] == "翌" and not cand.relative_word:
            cand.start -= 1  # 翌16(同28)年3月29日: 翌 is part of the surface (ANNOTATION: 同/翌/前/本/昨)
        return self._extend(cand, m.end(), level, role, first=m)

    def _apposed_year(self, pos: int) -> re.Match[str] | None:
        """An explicit year right after a relative year word (昨年二〇一〇年, 本年平成二年)."""
        ym = P.FIRST.match(self.text, pos)
        if ym is None:
            return None
        if ym["era"] is not None or ym["abbr"] is not None or ym["wg_n"] is not None:
            return ym
        if ym["west"] is not None and len(ym["west"]) == 4:
            return ym
        return None

    def _apposed_day(self, pos: int) -> re.Match[str] | None:
        """An explicit day (and month) right after a relative day word (本日十七日, 本日（十七日）)."""
        am = P.APPOSITION_DAY.match(self.text, pos)
        if am is None:
            return None
        day = parse_number(am["d"])
        month = parse_number(am["m"]) if am["m"] is not None else None
        if day is None or not 1 <= day[0] <= 31 or (am["m"] is not None and month is None):
            return None
        if _DURATION_DAY.match(self.text, am.end()):
            return None  # 本日三日間: a count
        return am

    def _with_day(self, rel: Candidate, am: re.Match[str]) -> Candidate:
        day = parse_number(am["d"])
        month = parse_number(am["m"]) if am["m"] is not None else None
        assert day is not None
        return Candidate(
            start=rel.start, end=am.end(), day=day[0], month=month[0] if month else None, anchor=rel
        )

    def _season_head(self, start: int, end: int, role: str | None) -> int | None:
        """The dated mention a season written alone continues (ことしの春に…、秋には), if any."""
        text = self.text
        if role is not None or not self.scan.candidates:
            return None
        if start > 0 and (_is_kanji(text[start - 1]) or "ァ" <= text[start - 1] <= "ヺ"):
            return None
        if end < len(text) and (_is_kanji(text[end]) or "ァ" <= text[end] <= "ヺ"):
            return None  # 秋田, 春闘, 冬季
        if not _SEASON_ALONE_OK.match(text, end) or text.startswith(("この", "その", "あの"), start - 2):
            return None  # この春から: the speaker's season, not the narrated year's
        index = len(self.scan.candidates) - 1
        head = self.scan.candidates[index]
        if start - head.end > _CONTEXT_YEAR_REACH or _SENTENCE_END.search(text, head.end, start):
            return None
        if not head.has_year_info or head.fiscal or head.decade or head.century is not None:
            return None  # 二〇二〇年度の目標…夏までに: a plan year does not date the speaker's summer
        if head.century_off is not None:
            return None
        return index

    def _in_context(self, cand: Candidate, pos: int) -> bool:
        return self._closed_bare_range(cand, pos) or self._context_year(cand, cand.start, pos)

    def _closed_bare_range(self, cand: Candidate, pos: int) -> bool:
        """十九年から二十一年まで: a closed range of era-less years (the start of it)."""
        rm = _BARE_RANGE.match(self.text, pos)
        if rm is None or cand.bare is None:
            return False
        end = parse_number(rm["y"])
        return end is not None and end[0] > cand.bare

    def _context_year(self, cand: Candidate, start: int, pos: int) -> bool:
        """An era-less year in a sentence whose era an earlier era year fixes (links it there)."""
        text = self.text
        if cand.bare is None or not _CONTEXT_YEAR_AFTER.match(text, pos):
            return False
        if _ends_with(_CONTEXT_YEAR_BEFORE_RX, text, start):
            return False
        for index in range(len(self.scan.candidates) - 1, -1, -1):
            head = self.scan.candidates[index]
            if start - head.end > _CONTEXT_YEAR_REACH or _SENTENCE_END.search(text, head.end, start):
                return False
            if head.era is not None or head.era_same:
                era_year = head.era_year
            elif head.bare is not None and head.bare_style in (NumberStyle.KANJI_POSITIONAL, NumberStyle.KANJI_DIGITS):
                era_year = head.bare  # 八年四月, 十四年十月: an era year the era of the text fixes
            elif head.has_year_info:
                return False  # the latest year is Western or relative: no era to continue
            else:
                continue
            if era_year is None or not era_year + _CONTEXT_YEAR_BACK <= cand.bare <= era_year + _CONTEXT_YEAR_AHEAD:
                return False
            cand.link = index
            return True
        return False

    def _bad_left(self, start: int, role: str | None) -> bool:
        """Left-context check for a numeral; the end of a range follows its connector (2011-2015年)."""
        return role != "range_end" and _bad_left_for_number(self.text, start)

    def _compact(self, m: re.Match[str], role: str | None) -> tuple[Candidate | None, int]:
        """X of a compact range (平成26～30年度, 2011〜15年, 4〜6月): read Y first for the unit."""
        text = self.text
        if role is not None or _bad_left_for_number(text, m.start()):
            return None, m.end()
        conn = P.CONNECTOR.match(text, m.end())
        if conn is None:
            return None, m.end()
        pos = conn.end()
        while pos < len(text) and text[pos] in " \u3000":
            pos += 1
        ym = P.FIRST.match(text, pos)
        if ym is None:
            return None, m.end()
        end_cand, after = self.read(ym, role="range_end")
        if end_cand is None:
            return None, m.end()
        num = parse_number(m["cx_n"])
        if num is None:
            return None, m.end()
        if conn.group() == "から" and end_cand.has_year_info and m["cx_era"] is None:
            # 一一から一五年度, 2011から15年: a unit-less year before から only when written as
            # digits (two or four) like the year after it; 三から五年 is a count, 三・一一から一年
            # a date and a count.
            digits = num[1] in (NumberStyle.ARABIC, NumberStyle.KANJI_DIGITS)
            end_digits = len(ym.group()) - len(ym.group().lstrip("0123456789０１２３４５６７８９〇○一二三四五六七八九"))
            if not digits or len(m["cx_n"]) not in (2, 4) or end_digits not in (2, 4):
                return None, m.end()
            if m.start() > 0 and text[m.start() - 1] in "・.．":
                return None, m.end()
        start_cand = Candidate(start=m.start(), end=m.end())
        if end_cand.month is not None and not end_cand.has_year_info:
            start_cand.month = num[0]
        else:
            start_cand.fiscal = end_cand.fiscal
            era_word = m["cx_era"]
            if era_word == "同":
                start_cand.era_same, start_cand.era_year = True, num[0]
            elif era_word is not None:
                start_cand.era, start_cand.era_year = era_by_name(era_word), num[0]
            elif end_cand.era is not None and end_cand.bare is None:
                start_cand.era, start_cand.era_year = end_cand.era, num[0]  # 23〜平成27年度
            elif not _set_western_year(start_cand, num[0], num[1], len(m["cx_n"])):
                return None, m.end()
            if start_cand.bare is not None and not start_cand.fiscal:
                return None, m.end()  # 1〜2年, 3〜5年: durations
        start_cand.range = "start"
        end_cand.range = "end"
        self.scan.candidates.append(start_cand)
        end_cand.link = len(self.scan.candidates) - 1
        self.scan.candidates.append(end_cand)
        return None, after

    def _extend(
        self, cand: Candidate, pos: int, level: str, role: str | None, first: re.Match[str]
    ) -> tuple[Candidate | None, int]:
        """Read what may follow the first element: 年度/年代, gloss, month, day, weekday, part."""
        text = self.text
        if level == "year":
            fy = P.FY_NEXT.match(text, pos)
            if fy is not None:
                cand.fiscal = True
                pos = fy.end()
            elif (dec := P.DECADE_NEXT.match(text, pos)) is not None:
                if not self._decade(cand):
                    return None, dec.end()
                cand.decade = True
                pos = dec.end()
                level = "decade"
            ap = P.APPOSITION.match(text, pos)
            if ap is not None and self._apposition(cand, ap):
                pos = ap.end()
            if level == "year" and not cand.fiscal:
                # A year followed by a month, a season or a sub-period.
                mm = P.MONTH_NEXT.match(text, pos)
                if mm is not None and mm["m"] is not None:
                    num = parse_number(mm["m"])
                    if num is not None and not _DURATION_MONTH.match(text, mm.end()):
                        cand.month = num[0]
                        pos = mm.end()
                        level = "month"
                elif mm is not None and mm["mx"] is not None and mm["no"] != "の":
                    num = parse_number(mm["mx"])
                    if num is not None:
                        return self._inner_range(cand, num[0], "month", mm.end(), role)
                if level == "year":
                    sm = P.SEASON_NEXT.match(text, pos)
                    if sm is not None:
                        cand.season = SEASONS[sm["season"]]
                        pos = sm.end()
                        level = "season"
            if level == "year" and self._year_is_duration(cand, first, pos):
                return None, pos
            if cand.year is not None and first["west"] is not None and cand.year >= 1000:
                # Positional kanji Western years (千九百四十九年) only with a month or 西暦.
                style = parse_number(first["west"])
                positional = style is not None and style[1] is NumberStyle.KANJI_POSITIONAL
                if positional and level != "month" and first["sei3"] is None:
                    return None, pos
            # 十八年, 30年: era-less numbers are years only in context (a closed range of them, or
            # a sentence whose era an earlier era year fixes).
            needs_context = cand.bare is not None and role is None and not cand.fiscal and level != "month"
            if needs_context and not self._in_context(cand, pos):
                return None, pos
        if level == "month":
            dm = P.DAY_NEXT.match(text, pos)
            if dm is not None and dm["d"] is not None:
                num = parse_number(dm["d"])
                if num is not None and not _DURATION_DAY.match(text, dm.end()):
                    cand.day = num[0]
                    pos = dm.end()
                    level = "day"
            elif dm is not None and dm["dx"] is not None and dm["no"] != "の":
                num = parse_number(dm["dx"])
                if num is not None:
                    return self._inner_range(cand, num[0], "day", dm.end(), role)
        elif (
            level == "day"
            and first["day"] is not None
            and first.start() == cand.start
            and not self._bare_day_ok(cand, pos, role)
        ):
            return None, pos  # a day written alone, where a date reading is not clear
        if level == "day":
            wd = P.WEEKDAY_NEXT.match(text, pos)
            if wd is not None:
                pos = wd.end()
        if level in ("year", "month", "day", "decade", "century"):
            pm = P.PART_NEXT.match(text, pos)
            if pm is not None and self._part(cand, pm, level):
                pos = pm.end()
        return self._finish(cand, pos, level, role)

    def _inner_range(
        self, cand: Candidate, value: int, unit: str, pos: int, role: str | None
    ) -> tuple[Candidate | None, int]:
        """2011年4〜6月 / 4月1〜3日: X ends with a unit-less numeral; Y gives the unit."""
        text = self.text
        if role is not None:
            return None, pos
        if unit == "month":
            cand.month = value
        else:
            cand.day = value
        cand.end = pos
        conn = P.CONNECTOR.match(text, pos)
        if conn is None:
            return None, pos
        ym = P.FIRST.match(text, conn.end())
        if ym is None:
            return None, pos
        end_cand, after = self.read(ym, role="range_end")
        if end_cand is None:
            return None, pos
        cand.range, end_cand.range = "start", "end"
        self.scan.candidates.append(cand)
        end_cand.link = len(self.scan.candidates) - 1
        self.scan.candidates.append(end_cand)
        return None, after

    def _decade(self, cand: Candidate) -> bool:
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

    def _apposition(self, cand: Candidate, ap: re.Match[str]) -> bool:
        """平成23年（2011年） and 2011年（平成23年）: one mention; the gloss fills what is missing.

        After a relative year (本年（2011年）, 昨年度（令和4年度）) the explicit year gives the value.
        """
        if cand.year_rel is not None and not cand.new_fiscal:
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
        if ap["ap_w"] is not None:
            num = parse_number(ap["ap_w"])
            if num is None or len(ap["ap_w"]) != 4 or cand.era is None:
                return False
            if cand.year is None:
                cand.year = num[0]
            return True
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

    def _year_is_duration(self, cand: Candidate, first: re.Match[str], pos: int) -> bool:
        """4年ぶり, 3年間, 30年以上: a count of years, not a year."""
        text = self.text
        if cand.fiscal or cand.relative_word:
            return False  # 今年度以下, 昨年ぐらいから: a fiscal or relative year is never a count
        if _DURATION_YEAR.match(text, pos):
            return True
        era_less = cand.era is None and not cand.era_same and cand.year is None
        return era_less and not cand.relative_word and _DURATION_BARE_YEAR.match(text, pos) is not None

    def _bare_day_ok(self, cand: Candidate, pos: int, role: str | None) -> bool:
        text = self.text
        if _DURATION_DAY.match(text, pos):
            return False
        # 週3日, 月に2日, 最長5日: a number of days; but 先週十二日, 今週十日 are dates.
        counted = _ends_with(_COUNT_BEFORE_RX, text, cand.start)
        start = cand.start
        this_week = text.startswith("週", start - 1) and text[start - 2 : start - 1] in _WEEK_DEICTIC
        if counted and not this_week:
            return False
        if cand.day is not None and self._approximate_count(cand.start, cand.day):
            return False
        if P.WEEKDAY_NEXT.match(text, pos):
            return True
        if role is not None:  # 四月二十三日から二十五日まで: the end of a range or a list item
            return not _BARE_DAY_BAD.match(text, pos)
        if cand.day == 1:  # 一日も早く, 一日の枠, 一日がかり: almost never the 1st when alone
            return False
        if _BARE_DAY_BAD.match(text, pos):
            return False
        if _BARE_DAY_OK.match(text, pos) is not None or pos >= len(text):
            return True
        # 去る二十七日不慮の怪我を致し: a deictic word says it is a day, whatever follows; in
        # 文語 text a day stands without a particle (九日ジヤバ全島の制壓成り, 八日遂に陷落).
        return cand.deixis is not None or (self.scan.classical and self._classical_day(cand.start, pos))

    def _classical_day(self, start: int, pos: int) -> bool:
        """A day written alone at the head of a clause, followed by a noun (文語 style)."""
        text = self.text
        if start > 0 and (_is_kanji(text[start - 1]) or "ァ" <= text[start - 1] <= "ヺ"):
            return False
        nxt = text[pos]
        if nxt in P.NUMERAL_CHARS or nxt in _CLASSICAL_DAY_BAD_NEXT:
            return False  # 三日三晩, 十日間, 五日目, 七日分
        return _is_kanji(nxt) or "ァ" <= nxt <= "ヺ"

    def _approximate_count(self, start: int, value: int) -> bool:
        """2、3日 / 二、三日: "two or three days", a count, not the 3rd (unlike 二十六、二十七日)."""
        text = self.text
        if start < 2 or text[start - 1] not in "、，,・":
            return False
        previous = parse_number(text[start - 2])
        return previous is not None and previous[0] + 1 == value and value < 10

    def _part(self, cand: Candidate, pm: re.Match[str], level: str) -> bool:
        text = self.text
        if pm["start"] is not None:
            if _NOT_PART_AFTER.match(text, pm.end()):
                return False
            cand.part = DatePart.START
        elif pm["start2"] is not None:
            if level != "month":
                return False
            cand.part = DatePart.START
        elif pm["mid"] is not None:
            cand.part = DatePart.MID
        elif pm["mid2"] is not None:
            if level != "month":
                return False
            cand.part = DatePart.MID
        elif pm["end"] is not None:
            if level == "day":
                return False
            cand.part = DatePart.END
        elif pm["end2"] is not None:
            if level != "month":
                return False
            cand.part = DatePart.END
        return True

    def _finish(
        self, cand: Candidate, pos: int, level: str, role: str | None
    ) -> tuple[Candidate | None, int]:
        """Set the span end, then read a range, a mod or a list that follows."""
        text = self.text
        cand.end = pos
        if role == "range_end":
            # まで / にかけて close the range: part of the range, not a mod of its end.
            close = _RANGE_CLOSE.match(text, pos)
            return cand, (close.end() if close is not None else pos)
        if role is not None:  # a list item: 平成6年、7年以降
            mm = P.MOD_NEXT.match(text, pos)
            if mm is not None and mm.group() not in ("から", "来", "來") and not self._compares(mm):
                cand.mod = _MODS[mm.group()]
                pos = mm.end()
            return cand, pos
        self.scan.candidates.append(cand)
        index = len(self.scan.candidates) - 1
        if pos < len(text) and text[pos] in "」』" and cand.start > 0 and text[cand.start - 1] in "「『":
            # 「昭和64年1月8日」以降: the whole quotation is the date, and the mod follows it.
            mm = P.MOD_NEXT.match(text, pos + 1)
            if mm is not None and mm.group() not in ("来", "來") and not self._compares(mm):
                cand.mod = _MODS[mm.group()]
                return None, mm.end()
        conn = P.CONNECTOR.match(text, pos)
        if conn is not None and conn.group() in ("から", "より", "〜", "～", "~", "∼"):
            word = conn.group()
            ym = P.FIRST.match(text, conn.end())
            end_cand = None
            if ym is not None:
                end_cand, after = self.read(ym, role="range_end")
            if end_cand is not None and word == "より" and not _RANGE_CLOSE.match(text, end_cand.end):
                end_cand = None  # より opens a range only when it is closed: 昭和七年より十一年まで
            if end_cand is not None:
                if word in ("から", "より") and _NOT_RANGE_AFTER.match(text, end_cand.end):
                    # 4月から6月に延期: a change of date; the new date is read on its own.
                    return None, conn.end()
                if self._bare_year_end_unclosed(word, end_cand):
                    # 九九年から六年かかって: a count of years after から, not a range end.
                    cand.mod = DateMod.ON_OR_AFTER
                    return None, conn.end()
                cand.range, end_cand.range = "start", "end"
                end_cand.link = index
                self.scan.candidates.append(end_cand)
                return None, after
            if word == "より" and self._compares(conn):
                return None, conn.end()  # 昨年より多い, 前年度より五千億円増: a comparison
            cand.mod = DateMod.ON_OR_AFTER  # an open-ended から, より (or 〜): from then on
            return None, conn.end()
        mm = P.MOD_NEXT.match(text, pos)
        if mm is not None:
            word = mm.group()
            if word != "来" or cand.relative_word:
                cand.mod = _MODS[word]
                return None, mm.end()
        if level == "year" and (cand.era is not None or cand.year is not None):
            return None, self._list_items(index, pos)
        return None, pos

    def _compares(self, word: re.Match[str]) -> bool:
        """Whether a より just read compares (昨年より多い) rather than says "from"."""
        return word.group() == "より" and _COMPARATIVE_AFTER.match(self.text, word.end()) is not None

    def _bare_year_end_unclosed(self, conn: str, end_cand: Candidate) -> bool:
        """After から, an era-less year ends a range only when closed (まで, にかけて) or a 年度."""
        if conn not in ("から", "より") or end_cand.bare is None or end_cand.fiscal or end_cand.month is not None:
            return False
        return _RANGE_CLOSE.match(self.text, end_cand.end) is None

    def _list_items(self, head: int, pos: int) -> int:
        """平成6年、7年 / 1990年及び91年: bare years after a full one inherit its era or century."""
        text = self.text
        while True:
            sep = P.LIST_SEPARATOR.match(text, pos)
            if sep is None:
                return pos
            ym = P.FIRST.match(text, sep.end())
            if ym is None or ym["west"] is None:
                return pos
            item, after = self.read(ym, role="list_item")
            if item is None or (item.bare is None and item.year2 is None):
                return pos
            item.link = head
            self.scan.candidates.append(item)
            if item.mod is not None:
                return after
            pos = after


def scan(text: str, *, document_date: dt.date | None = None) -> list[Candidate]:
    """All date candidates of ``text``, in text order.

    Offsets are code points into ``text``. Candidates carry what their surface says; nothing is
    resolved against context here, and impossible dates (2月30日, 13月) are left for resolution to
    reject with a warning. ``document_date`` only tells whether the text is in the pre-war
    register (``is_classical``), where a day is written without a particle (九日ジヤバ全島の制壓成り).
    """
    state = _Scan(text, document_date=document_date)
    if P.PREFILTER.search(text) is None:
        return []
    reader = _Reader(state)
    pos = 0
    search = P.FIRST.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        cand, after = reader.read(m)
        if cand is not None:  # pragma: no cover - read() appends and returns None at top level
            state.candidates.append(cand)
        pos = max(after, m.start() + 1)
    return state.candidates
