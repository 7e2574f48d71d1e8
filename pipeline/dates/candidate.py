"""The working record of recognition: one date mention as written, before resolution gives it a value.

The readers (``forms.py``) create a ``Candidate`` from the first element of a mention, the
extension grammar (``extension.py``) refines it with what follows (年度, a gloss, the month and
day, a part, a mod, a range or list link), and ``resolve.py`` reads it. It is mutable on purpose:
it is built step by step within one scan and never leaves the stage (the stage emits frozen
``DateMention`` records).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.dates.eras import Era
from pipeline.dates.numerals import NumberStyle
from pipeline.schema import DateMod, DatePart

__all__ = ["SEASONS", "Candidate"]

# The value code of each season (ANNOTATION.md: YYYY-SP, -SU, -FA, -WI).
SEASONS = {"春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"}


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
