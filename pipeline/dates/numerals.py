"""Numerals as dates write them: Arabic (half- or full-width) and kanji (二〇一〇, 二十二, 元).

``parse_number`` reads the digits of one matched numeral; the regex that found it never rewrote the
text, so the numeral's offsets are the original ones (nothing here changes a string's length).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["KANJI_DIGITS", "NumberStyle", "parse_number", "to_kanji_digits", "to_kanji_positional"]

_DIGIT_CHARS = "〇一二三四五六七八九"  # 0-9, indexed by value
# 〇 and the circle ○ (U+25CB) both serve as zero in digit-by-digit years (二○一○年), and so does 零.
KANJI_DIGITS: dict[str, int] = {ch: value for value, ch in enumerate(_DIGIT_CHARS)} | {"○": 0, "零": 0}
_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}


class NumberStyle(StrEnum):
    """How a numeral was written; two-digit years are read differently by style."""

    ARABIC = "arabic"  # 2010, １０, 09
    KANJI_DIGITS = "kanji_digits"  # 二〇一〇, 九八 (digit by digit: how the Diet record writes years)
    KANJI_POSITIONAL = "kanji_positional"  # 二十二, 千九百四十五 (how it writes counts and era years)
    GANNEN = "gannen"  # 元 (元年: the first year of an era)


def _positional(text: str) -> int | None:
    """二十二 -> 22, 千九百四十五 -> 1945; None for malformed sequences such as 二十七八."""
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:  # 十百 or 十十: not a number
                return None
            total += (pending if pending is not None else 1) * unit
            pending = None
            last_unit = unit
        else:
            if pending is not None:  # two digits in a row inside a positional numeral (二十七八)
                return None
            pending = KANJI_DIGITS[ch]
    if pending is not None:
        total += pending
    return total


def parse_number(text: str) -> tuple[int, NumberStyle] | None:
    """The value and writing style of a numeral, or None when it is not a well-formed number.

    Accepts ASCII and full-width digits, kanji digit by digit (〇 or ○ as zero), kanji with
    十/百/千 (and the old 廿 = 二十, 卅 = 三十), and 元 (= 1, only meaningful before 年). ○○ (a
    form's placeholder: 平成○○年) is no number.
    """
    if not text or (len(text) > 1 and set(text) == {"○"}):
        return None
    if text == "元":
        return 1, NumberStyle.GANNEN
    if text.isdecimal():
        # str.isdecimal/int accept full-width digits; reject other scripts' digits we never expect.
        arabic = all("0" <= ch <= "9" or "０" <= ch <= "９" for ch in text)
        return (int(text), NumberStyle.ARABIC) if arabic else None
    if "廿" in text or "卅" in text:
        # 廿 (20) and 卅 (30) of Meiji-Taisho text: 廿三 = 二十三, 卅一 = 三十一. The rewritten copy
        # is only read for its value, never for offsets.
        text = text.replace("廿", "二十").replace("卅", "三十")
    if all(ch in KANJI_DIGITS for ch in text):
        return int("".join(str(KANJI_DIGITS[ch]) for ch in text)), NumberStyle.KANJI_DIGITS
    if all(ch in KANJI_DIGITS or ch in _UNITS for ch in text):
        value = _positional(text)
        return (value, NumberStyle.KANJI_POSITIONAL) if value is not None else None
    return None


def to_kanji_digits(value: int) -> str:
    """2010 -> 二〇一〇 (used by tests that render dates as text)."""
    return "".join(_DIGIT_CHARS[int(ch)] for ch in str(value))


def to_kanji_positional(value: int) -> str:
    """22 -> 二十二, 1945 -> 千九百四十五, 10 -> 十 (value 1..9999)."""
    if not 0 < value < 10_000:
        raise ValueError(f"cannot write {value} in positional kanji")
    out = []
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十")):
        digit, value = divmod(value, unit)
        if digit:
            out.append(("" if digit == 1 else _DIGIT_CHARS[digit]) + mark)
    if value:
        out.append(_DIGIT_CHARS[value])
    return "".join(out)
