"""Places the parse leaves out or gets wrong: seas, zones, places before a locative noun, lists.

- **Seas and oceans** (``seas.tsv``) are found in the text after the parse, not by the ruler:
  a sea's name often starts a longer place the model must still see whole (太平洋島嶼国,
  インド・太平洋地域), so a sea inside a longer candidate is left to it; and Sudachi splits some
  names across words (日本海洋上 is 日本|海洋|上: the sea is 日本海, 洋上 "on the sea").
- **Zones** declared over a place are places: 東シナ海防空識別区 (an air defense identification
  zone, ADIZ: 防空識別区 in China's wording, 防空識別圏 in Japan's).
- **A place name before a locative noun** is a place whatever the model thought (元山付近,
  舞水端里周辺, 山口県沖): Sudachi's 地名 proper nouns there are rarely anything else.
- **首都 ジュバ**: the capital's title before a city is not part of its name.
- **エジプト・イスラエル**: countries joined by a middle dot are several places, even where the model
  read the pair as one person.
- **普天間飛行場代替施設**: a facility and its replacement (the 2006 Roadmap's term) are one
  FACILITY.
- **嘉手納以南**: a base's place name before a direction word stands for the base (the 2006
  Roadmap's 嘉手納飛行場以南の土地: the land south of Kadena Air Base), a FACILITY.

Offsets are code points into the document text; spans start on token boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.entities.candidates import Candidate
from pipeline.entities.canonical import country_code
from pipeline.entities.data import gazetteer, seas, words
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = [
    "capital_title_end",
    "country_list",
    "facility_areas",
    "located_places",
    "locative_end",
    "replacement_facilities",
    "sea_names",
    "zones",
]

MIDDLE_DOTS = "・･"
REPLACEMENT = "代替施設"


TABLE = "places.json"


@cache
def _words(key: str) -> tuple[str, ...]:
    return words(TABLE, key)


@cache
def _set(key: str) -> frozenset[str]:
    return frozenset(words(TABLE, key))


@cache
def _capital_title() -> re.Pattern[str]:
    """首都ジュバ, 首都東京: a title, then a name of two or more letters (首都圏, 首都機能 are words)."""
    titles = "|".join(map(re.escape, _words("capital_titles")))
    compounds = "|".join(map(re.escape, _words("capital_compounds")))
    return re.compile(f"(?:{titles})(?!{compounds})(?=[^\\W\\d_]{{2}})")


@cache
def _sea_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(name) for name, _ in seas()))


def sea_names(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """Seas named in ``text`` that no longer candidate contains (source ``gazetteer``).

    A name starts on a token boundary and ends on one, or inside the word that splits it
    (日本|海洋|上). A candidate that strictly contains the name (太平洋島嶼国) keeps it, and so does a
    longer name the sea starts (大西洋艦隊: ``sea_name_heads``).
    """
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    subtype = dict(seas())
    out = []
    for match in _sea_pattern().finditer(text):
        start, end = match.span()
        if start not in starts or not (end in ends or text.startswith(_words("after_split_sea"), end)):
            continue
        if any(c.start <= start and end <= c.end and (c.end - c.start) > (end - start) for c in cands):
            continue
        if text.startswith(_words("sea_name_heads"), end):
            continue  # 大西洋艦隊, 太平洋島嶼国, 台湾海峡危機: the sea is the start of a longer name
        out.append(Candidate(start, end, EntityLabel.LOCATION, subtype[match.group()], None, "gazetteer"))
    return out


def zones(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """A place and the zone declared over it (東シナ海防空識別区): one LOCATION (``Zone``)."""
    ends = {t.end for t in tokens}
    out = []
    for cand in cands:
        if cand.label is not EntityLabel.LOCATION:
            continue
        for word in _words("zone_words"):
            end = cand.end + len(word)
            if text.startswith(word, cand.end) and end in ends:
                out.append(Candidate(cand.start, end, EntityLabel.LOCATION, "Zone", None, "name_rule"))
    return out


def located_places(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """Sudachi place names right before a locative noun (元山付近): LOCATION, unless already taken."""
    out = []
    for k in range(1, len(tokens)):
        token, prev = tokens[k], tokens[k - 1]
        if text[token.start : token.end] not in _set("locatives") or prev.end != token.start or token.sent_start:
            continue
        j = k - 1
        while j > 0 and tokens[j - 1].tag.startswith("名詞-固有名詞-地名") and tokens[j - 1].end == tokens[j].start:
            j -= 1
        if not all(t.tag.startswith("名詞-固有名詞-地名") for t in tokens[j:k]):
            continue
        start, end = tokens[j].start, prev.end
        if any(c.start < end and start < c.end for c in cands):
            continue
        out.append(Candidate(start, end, EntityLabel.LOCATION, "City", country_code(text[start:end]), "token"))
    return out


def capital_title_end(text: str, start: int, end: int) -> int:
    """Where the name starts after a capital's title (首都ジュバ → ジュバ), else ``start``."""
    match = _capital_title().match(text, start, end)
    return match.end() if match is not None else start


def locative_end(text: str, start: int, end: int) -> int:
    """Where a place name ends before a locative noun the model took in (平壌近郊 → 平壌), else ``end``.

    Words for the sea off a coast stay (ソマリア沖, the sea area of the anti-piracy mission, is
    one place in the gold fixtures): only ``near_words`` are cut.
    """
    surface = text[start:end]
    for word in _words("near_words"):
        if surface.endswith(word) and len(surface) - len(word) >= 2:
            return end - len(word)
    return end


def country_list(text: str, start: int, end: int) -> list[tuple[int, int, str]] | None:
    """``(start, end, ISO code)`` of each country of ``A・B(・C)`` when every part is one, else None."""
    surface = text[start:end]
    if not any(dot in surface for dot in MIDDLE_DOTS):
        return None
    parts = re.split(f"[{MIDDLE_DOTS}]", surface)
    codes = [country_code(part) for part in parts]
    if len(parts) < 2 or any(code is None for code in codes):
        return None
    out = []
    offset = start
    for part, code in zip(parts, codes, strict=True):
        out.append((offset, offset + len(part), str(code)))
        offset += len(part) + 1
    return out


@cache
def _bases() -> dict[str, str]:
    """Place name -> the gazetteer facility named by it and a base word (嘉手納 -> 嘉手納飛行場)."""
    found: dict[str, str] = {}
    for entry in gazetteer():
        if entry.label != "FACILITY":
            continue
        for word in _words("base_words"):
            if entry.name.endswith(word) and len(entry.name) > len(word):
                found.setdefault(entry.name[: -len(word)], entry.canonical or entry.name)
    return found


def replacement_facilities(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """A facility and 代替施設 (普天間飛行場代替施設, the Roadmap's Futenma Replacement Facility): FACILITY."""
    ends = {t.end for t in tokens}
    out = []
    for cand in cands:
        end = cand.end + len(REPLACEMENT)
        if cand.label is EntityLabel.FACILITY and text.startswith(REPLACEMENT, cand.end) and end in ends:
            out.append(Candidate(cand.start, end, EntityLabel.FACILITY, "Military_Base", None, "name_rule"))
    return out


def facility_areas(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """A base's place name before 以南/以北/以東/以西 (嘉手納以南): the base (FACILITY)."""
    out = []
    for cand in cands:
        base = _bases().get(text[cand.start : cand.end])
        if base is None or cand.label is not EntityLabel.LOCATION:
            continue
        if text[cand.end : cand.end + 2] in _set("directions"):
            out.append(Candidate(cand.start, cand.end, EntityLabel.FACILITY, "Military_Base", base, "name_rule"))
    return out
