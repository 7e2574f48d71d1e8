"""Identity: one ``key`` per person, body and country, however the document writes it (schema 2).

Persons (``person:<full name>``), in this order:

1. A whole name in the document is its own key, spelled as the office-holder table spells it when
   the table knows the person (``ロバート・ゲーツ`` -> ``ロバート・ゲイツ``): a Diet speaker line
   (``○国務大臣（岸田文雄君）``), a Western name with its ``・`` joints, a Latin name of several words,
   a kanji name Sudachi reads as surname + given name, a holder of the table.
2. A surname (with or without a title) takes the key of the one whole name of the document with
   that surname (``岸田外務大臣`` after the speaker line ``岸田文雄``); a Western surname is the last
   part of a whole name (``アボット`` -> ``トニー・アボット``).
3. Otherwise the office-holder table (``offices``): the holder of an office the title denotes, on
   the document's date, with that surname (``一川防衛大臣`` in 2011 -> ``一川保夫``), or at the time
   the qualifier names (``元``, ``前``, ``(当時)``, ``次期``). A title of no office of the table
   (議員, 知事, 委員長 of a committee) or a bare kanji surname (too many namesakes) is not looked up.
4. A mention written like an earlier keyed one takes its key; a given name alone (``晋三``,
   ``ジョージ``) takes the key of the one person of the document with that given name; a Latin
   name in brackets after a keyed name is its apposition (NR-E10).

Organizations (``org:<full official name>``): ``org_keys.tsv`` (防衛庁 and 防衛省 are one body,
renamed on 2007-01-09; 米軍 -> アメリカ合衆国軍), a country's 政府 (the country's official name),
a head of government's 内閣/政権 (that country's government), else the canonical name the text
defines, else the name itself; the two governments of a pair (日米両政府) have no key.
Countries (``country:<ISO>``): a LOCATION whose canonical name is an ISO code of a state; a
territory or region (台湾, 香港, グアム) has none.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from pipeline.entities import offices
from pipeline.entities.candidates import Candidate, tokens_within
from pipeline.entities.data import countries, identity_rules, org_keys
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["country_key", "org_key", "person_keys", "with_keys"]

PERSON = offices.PERSON_PREFIX
ORG = "org:"
COUNTRY = "country:"
ISO_CODE = re.compile(r"^[A-Z]{2}$")
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*)+$")
KANJI_NAME = re.compile(r"^[\u3400-\u9fff々〆ヶ]+$")
# A Western (or Korean, Vietnamese) name in katakana with its ・ joints and initials: ジョージ・W・ブッシュ
KANA_WHOLE = re.compile(r"^(?:(?:[ァ-ヶー]+|[A-Z]\.?)・)+[ァ-ヶー]+$")
# A Latin name in brackets right after a name (and its title): トニー・アボット首相(Tony Abbott, ...)
APPOSITION_GAP = re.compile(r"^\s*[（(][^（）()]{0,12}$")
ORDINAL_CABINET = re.compile(r"^第[一二三四五六七八九十〇0-9０-９]+次")
SPEAKER_SOURCE = "speaker"


@dataclass(frozen=True, slots=True)
class Mention:
    """A PERSON candidate read for identity: its folded name, its title, and whether it is whole."""

    index: int
    name: str
    title: offices.Title | None
    titled: bool
    whole: bool
    surnames: tuple[str, ...]
    given: str | None


def _whole_by_tokens(text: str, tokens: Sequence[ParsedToken], cand: Candidate) -> tuple[str, str] | None:
    """(surname, given name) when Sudachi reads the span as a surname then a given name (岸田 + 文雄)."""
    inside = [t for t in tokens_within(tokens, cand.start, cand.end) if t.end > t.start]
    for i, token in enumerate(inside):
        if i and token.tag.startswith("名詞-固有名詞-人名-名"):
            cut = token.start
            return text[cand.start : cut], text[cut : cand.end]
    return None


def _read_person(text: str, tokens: Sequence[ParsedToken], index: int, cand: Candidate) -> Mention:
    name = offices.fold(text[cand.start : cand.end])
    title = None
    if cand.title is not None:
        title = offices.read_title(cand.title.surface, cand.qualifier.surface if cand.qualifier else None)
    titled = cand.title is not None
    if KANA_WHOLE.match(name):
        parts = name.split("・")
        return Mention(index, name, title, titled, True, (parts[-1],), parts[0])
    if LATIN_NAME.match(name):
        words = name.split()
        return Mention(index, name, title, titled, True, (words[-1],), words[0])
    table = offices.canonical_full_name(name)
    if table is not None:
        return Mention(index, name, title, titled, True, offices.surnames(table), offices.given_name(table))
    split = _whole_by_tokens(text, tokens, cand) if KANJI_NAME.match(name) else None
    if split is not None:
        return Mention(index, name, title, titled, True, (offices.fold(split[0]),), offices.fold(split[1]))
    if cand.source == SPEAKER_SOURCE:
        return Mention(index, name, title, titled, True, (), None)
    return Mention(index, name, title, titled, False, (), None)


def _from_document(mention: Mention, wholes: Sequence[tuple[Mention, str]]) -> str | None:
    """The key of the one whole name of the document with this surname (or, surname unknown, prefix)."""
    exact = {key for whole, key in wholes if mention.name in whole.surnames}
    if exact:
        return exact.pop() if len(exact) == 1 else None
    prefix = {
        key
        for whole, key in wholes
        if not whole.surnames and whole.name.startswith(mention.name) and len(whole.name) > len(mention.name)
    }
    return prefix.pop() if len(prefix) == 1 else None


def _from_table(mention: Mention, day: dt.date | None) -> str | None:
    """The key of the table's holder named this way at the time the title names (see the module doc)."""
    if mention.titled and mention.title is None:
        return None
    if mention.title is None and KANJI_NAME.match(mention.name):
        return None
    found = offices.holders_named(mention.name, mention.title, day)
    return PERSON + next(iter(found)) if len(found) == 1 else None


def _given_of(key: str, mentions: Sequence[Mention], keys: dict[int, str]) -> str | None:
    name = key.removeprefix(PERSON)
    given = offices.given_name(name)
    if given:
        return given
    for m in mentions:
        if keys.get(m.index) == key and m.whole and m.given:
            return m.given
    return None


def _apposition(text: str, cands: Sequence[Candidate], mention: Mention, keys: dict[int, str]) -> str | None:
    """A Latin name in brackets right after a keyed PERSON (and its title) names the same person."""
    if not LATIN_NAME.match(mention.name):
        return None
    start = cands[mention.index].start
    before = [i for i in keys if cands[i].start < start]
    if not before:
        return None
    prev = cands[max(before, key=lambda i: cands[i].start)]
    end = max(prev.end, prev.title.end if prev.title is not None else prev.end)
    return keys[cands.index(prev)] if end <= start and APPOSITION_GAP.match(text[end:start]) else None


def person_keys(
    text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate], day: dt.date | None
) -> dict[int, str]:
    """``person:`` keys of the PERSON candidates, by index into ``cands`` (steps 1-4 of the module doc)."""
    mentions = [_read_person(text, tokens, i, c) for i, c in enumerate(cands) if c.label is EntityLabel.PERSON]
    keys: dict[int, str] = {}
    wholes: list[tuple[Mention, str]] = []
    for m in mentions:
        if m.whole and not LATIN_NAME.match(m.name):
            key = PERSON + (offices.canonical_full_name(m.name) or m.name)
            keys[m.index] = key
            wholes.append((m, key))
    for m in mentions:
        if m.index not in keys:
            found = _from_document(m, wholes) if not LATIN_NAME.match(m.name) else None
            found = found or _from_table(m, day) or _latin_whole(m)
            if found:
                keys[m.index] = found
    for m in mentions:
        if m.index not in keys:
            found = _same_surface(m, mentions, keys) or _apposition(text, cands, m, keys)
            found = found or _given_name(m, mentions, keys)
            if found:
                keys[m.index] = found
    return keys


def _latin_whole(mention: Mention) -> str | None:
    """A Latin whole name the table knows (Donald J. Trump -> ドナルド・トランプ)."""
    if not LATIN_NAME.match(mention.name):
        return None
    name = offices.canonical_full_name(mention.name)
    return PERSON + name if name else None


def _same_surface(mention: Mention, mentions: Sequence[Mention], keys: dict[int, str]) -> str | None:
    same = {keys[m.index] for m in mentions if m.name == mention.name and m.index in keys}
    return same.pop() if len(same) == 1 else None


def _given_name(mention: Mention, mentions: Sequence[Mention], keys: dict[int, str]) -> str | None:
    if mention.titled:
        return None
    named = {key for key in set(keys.values()) if _given_of(key, mentions, keys) == mention.name}
    return named.pop() if len(named) == 1 else None


# -- bodies and countries ------------------------------------------------------------------------


@cache
def _words(key: str) -> tuple[str, ...]:
    entry = identity_rules()[key]
    return tuple(sorted(entry["words"], key=len, reverse=True))


@cache
def _territories() -> frozenset[str]:
    return frozenset(identity_rules()["territories"]["codes"])


@cache
def _official_names() -> dict[str, str]:
    """ISO code -> the country's official Japanese name: its longest name in the country table."""
    best: dict[str, str] = {}
    for name, code in countries().items():
        if "・" in name or "領" in name or not name:
            continue
        if len(name) > len(best.get(code, "")):
            best[code] = name
    return best


def country_key(canonical: str | None) -> str | None:
    """``country:<ISO>`` for a state's code (not a territory's), else None."""
    if canonical and ISO_CODE.match(canonical) and canonical not in _territories():
        return COUNTRY + canonical
    return None


def _government(name: str, day: dt.date | None) -> str | None:
    """The official name of the government a country's 政府 or a head's 内閣/政権 names, or None."""
    for word in _words("government_words"):
        code = countries().get(name[: -len(word)]) if name.endswith(word) else None
        if code and code in _official_names():
            return _official_names()[code] + word
    for word in _words("cabinet_words"):
        if name.endswith(word) and len(name) > len(word):
            head = ORDINAL_CABINET.sub("", name[: -len(word)])
            found = offices.head_countries(head, day) if head else frozenset()
            if len(found) == 1 and next(iter(found)) in _official_names():
                return _official_names()[next(iter(found))] + _words("government_words")[0]
    return None


def org_key(surface: str, canonical: str | None, day: dt.date | None) -> str | None:
    """``org:<full official name>`` of a body as written (see the module doc), None for a pair's governments."""
    name = unicodedata.normalize("NFKC", surface).strip()
    if name.endswith(_words("pair_governments")):
        return None
    defined = unicodedata.normalize("NFKC", canonical).strip() if canonical and not ISO_CODE.match(canonical) else None
    for written in (name, defined):
        if written and written in org_keys():
            return ORG + org_keys()[written]
    government = _government(name, day)
    if government:
        return ORG + government
    return ORG + (defined or name)


def with_keys(
    text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate], day: dt.date | None
) -> tuple[Candidate, ...]:
    """``cands`` with their identity keys: persons, bodies (ORG) and countries (LOCATION)."""
    persons = person_keys(text, tokens, cands, day)
    out = []
    for i, cand in enumerate(cands):
        key: str | None = None
        if cand.label is EntityLabel.PERSON:
            key = persons.get(i)
        elif cand.label is EntityLabel.ORG:
            key = org_key(text[cand.start : cand.end], cand.canonical, day)
        elif cand.label is EntityLabel.LOCATION:
            key = country_key(cand.canonical)
        out.append(replace(cand, key=key) if key != cand.key else cand)
    return tuple(out)
