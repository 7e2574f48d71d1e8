"""Who a phrase names, as ISO 3166 codes: countries, people through their titles, 両首脳, 私.

Resolution is layered so that it works whether or not the entities stage recognized a name:

1. country names and abbreviation runs written in the phrase (米国, 日米, 日米韓, デンマーク側);
2. people through their titles, with a country prefix when written (パネッタ米国防長官 → US,
   一川防衛大臣 → JP, オバマ米大統領 → US) or through another mention of the same name in the
   document; a foreign-script (katakana) name is never Japanese, so an unprefixed title such as
   ファビウス外相 goes to the foreign party of the context;
3. collective words (両首脳, 両国, 閣僚間) stand for every party of the context; self words
   (私, 日本側) for Japan (the author of a Japanese government document or the Diet speaker);
   other-side words (先方) for the foreign party.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.commitments.lexicon import Lexicon, alternation, load_lexicon, load_words
from pipeline.schema import Entity, EntityLabel

KATAKANA_NAME = re.compile(r"^[ァ-ヶー・･=＝]+$")
KANJI_NAME = re.compile(r"^[一-龥々ヶ]{1,5}$")
SELF_CODE = "JP"
COLLECTIVE_PREFIXES = frozenset(
    "両各同前元現新旧副総"
)  # the author of every document in this domain is Japanese (White Papers, Diet)


def unique(codes: Iterable[str]) -> tuple[str, ...]:
    """Codes in first-seen order, without repeats."""
    out: list[str] = []
    for code in codes:
        if code and code not in out:
            out.append(code)
    return tuple(out)


def country_codes(surface: str, lex: Lexicon | None = None) -> tuple[str, ...]:
    """ISO codes of the countries written in ``surface``: names, then abbreviation runs (日米韓)."""
    lex = lex or load_lexicon()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in lex.country_re.finditer(surface):
        found.append((m.start(), lex.countries[m.group()]))
        taken.append(m.span())
    for m in lex.abbreviation_re.finditer(surface):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        # 在日米軍: 日米 here is 'US forces in Japan', not a pair of parties
        if m.start() > 0 and surface[m.start() - 1] == "在":
            continue
        for k, ch in enumerate(m.group()):
            if ch in lex.abbreviations:
                found.append((m.start() + k, lex.abbreviations[ch]))
    # 日・デンマーク: 日 glued to a country name by ・
    for m in re.finditer(r"日・", surface):
        found.append((m.start(), "JP"))
    return unique(code for _, code in sorted(found))


def pure_countries(content: str, lex: Lexicon | None = None) -> bool:
    """Whether ``content`` names countries only (日米, 米国・豪州, 両国 aside): a pair or a group of parties."""
    lex = lex or load_lexicon()
    stripped = lex.country_re.sub("", content)
    stripped = lex.abbreviation_re.sub("", stripped)
    return not stripped.strip("・、両")


def mask_places(text: str) -> str:
    """``text`` with the countries it names as places or topics masked (ソマリア沖, 南スーダン情勢, 在日米軍)."""
    return _not_a_party().sub(lambda m: "＿" * len(m.group()), text)


@cache
def _not_a_party() -> re.Pattern[str]:
    words = load_words()
    suffixes, forces = alternation(words.place_suffixes), alternation(words.forces_in_japan)
    return re.compile(rf"[ァ-ヶー一-龥]{{2,8}}(?:{suffixes})|{forces}")


@cache
def party_head() -> re.Pattern[str]:
    """The head of an actor phrase: who can commit (a side, a government, an office, a person)."""
    return re.compile(rf"(?:{alternation(load_words().party_heads)})$")


@cache
def trailing_particles() -> re.Pattern[str]:
    """Punctuation and particles closing a phrase (デンマーク側とは → デンマーク側)."""
    return re.compile(rf"(?:[、，\s]|{alternation(load_words().trailing_particles)})*$")


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """What the document says about a person: name surface, title surface, country code."""

    name: str
    title: str
    country: str | None


@dataclass
class PartyResolver:
    """Resolves actor phrases of one document; knows the document's people and their titles."""

    text: str
    entities: Sequence[Entity]
    lex: Lexicon = field(default_factory=load_lexicon)
    people: dict[str, PersonInfo] = field(default_factory=dict)
    title_re: re.Pattern[str] = field(init=False)
    titles: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.titles = frozenset({*self.lex.japanese_titles, *self.lex.us_titles, *self.lex.foreign_titles})
        titles = sorted(
            {*self.lex.japanese_titles, *self.lex.us_titles, *self.lex.foreign_titles}, key=len, reverse=True
        )
        names = sorted({*self.lex.countries, *self.lex.abbreviations}, key=len, reverse=True)
        prefix = "|".join(re.escape(n) for n in names)
        title = "|".join(re.escape(t) for t in titles)
        # NAME + (country prefix) + (office words) + title, e.g. パネッタ米国防長官, 甘利経済再生担当大臣
        self.title_re = re.compile(
            rf"(?P<name>[ァ-ヶー・]{{2,}}|[一-龥々]{{1,4}})(?P<title>(?:{prefix})?[一-龥ァ-ヶー・]{{0,8}}?(?:{title}))"
        )
        self._scan_people()

    def _scan_people(self) -> None:
        for ent in self.entities:
            if ent.label is EntityLabel.PERSON and ent.title is not None:
                self._remember(ent.surface, ent.title.surface)
        for m in self.title_re.finditer(self.text):
            name = m["name"]
            # a kanji run may swallow the end of a word before the name; keep only plausible names
            plausible = bool(KANJI_NAME.match(name) or KATAKANA_NAME.match(name))
            office = self.office_country(name, m["title"])
            if plausible and name[:1] not in COLLECTIVE_PREFIXES and office is None:
                self._remember(name, m["title"])

    def _remember(self, name: str, title: str) -> None:
        country = self.title_country(name, title)
        known = self.people.get(name)
        if known is None or (known.country is None and country is not None):
            self.people[name] = PersonInfo(name=name, title=title, country=country)

    def title_country(self, name: str, title: str) -> str | None:
        """The country a person's title places them in, or None when the context must decide."""
        codes = [c for c in country_codes(title, self.lex) if c]
        # a title prefix (米国防長官, 豪国防相, カメルーン大統領) names the country
        for length in range(min(8, len(title)), 0, -1):
            head = title[:length]
            if head in self.lex.countries:
                return self.lex.countries[head]
        if title[:1] in self.lex.abbreviations and len(title) > 2 and not title.startswith("日"):
            return self.lex.abbreviations[title[:1]]
        if codes and len(codes) == 1 and not title.startswith(("防衛", "外務")):
            return codes[0]
        if any(title.endswith(t) for t in self.lex.us_titles):
            return "US"
        foreign_script = bool(KATAKANA_NAME.match(name))
        if any(title.endswith(t) for t in self.lex.japanese_titles) and not foreign_script:
            return "JP"
        return None

    def office_country(self, name: str, title: str) -> str | None:
        """豪国防大臣 read as name 豪国防 + 大臣: a country prefix glued to an office, no person."""
        for length in range(min(6, len(name)), 0, -1):
            head = name[:length]
            code = self.lex.countries.get(head) or (self.lex.abbreviations.get(head) if length == 1 else None)
            if code and name[length:] + title in self.titles:
                return code
        return None

    def person_country(self, name: str, foreign: str | None) -> str | None:
        """Country of the person called ``name`` (as written in an actor phrase)."""
        info = self.people.get(name)
        if info is not None and info.country is not None:
            return info.country
        if KATAKANA_NAME.match(name):
            return foreign
        return None

    def resolve(
        self, surface: str, start: int, context: Sequence[str], *, speaker: str | None = None
    ) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """Members, entity ids and whether anything in ``surface`` named a party.

        ``surface`` starts at document offset ``start``; ``context`` is the parties of the
        occasion being reported (for 両首脳, 先方, unprefixed foreign titles). Members come in
        the order the phrase names them: entities, then titles, then country names and
        organizations; collective, self and other-side words add theirs.
        """
        foreign = _foreign(context)
        members, ids, covered = self._entity_members(surface, start, foreign)
        members.extend(self._title_members(surface, covered, foreign))
        rest = _mask(surface, covered)
        members.extend(self._name_members(rest))
        named = bool(members)
        if self._word_members(rest, context, foreign, members):
            named = True
        del speaker  # the speaker of Diet minutes is Japanese: self words already give JP
        return unique(c for _, c in sorted(members, key=lambda x: x[0])), unique(ids), named

    def _entity_members(
        self, surface: str, start: int, foreign: str | None
    ) -> tuple[list[tuple[int, str]], list[str], list[tuple[int, int]]]:
        """(offset, code) of the entities inside ``surface``, their ids, and the spans they cover."""
        members: list[tuple[int, str]] = []
        ids: list[str] = []
        covered: list[tuple[int, int]] = []
        end = start + len(surface)
        for ent in self.entities:
            if not (start <= ent.start and ent.end <= end):
                continue
            if surface[ent.start - start : ent.end - start] != ent.surface:
                continue  # masked by the caller (ソマリア沖: a place, not a party)
            if ent.label is EntityLabel.PERSON:
                title = ent.title.surface if ent.title else ""
                code = self.title_country(ent.surface, title) if title else None
                code = code or self.person_country(ent.surface, foreign)
                if code:
                    members.append((ent.start - start, code))
                    covered.append((ent.start - start, ent.end - start + len(title)))
                ids.append(ent.id)
            elif ent.label in (EntityLabel.LOCATION, EntityLabel.ORG):
                codes = self._place_codes(ent)
                if codes:
                    members.extend((ent.start - start + k, c) for k, c in enumerate(codes))
                    covered.append((ent.start - start, ent.end - start))
                    ids.append(ent.id)
        return members, ids, covered

    def _place_codes(self, ent: Entity) -> tuple[str, ...]:
        """The codes a place or organization entity stands for (its code, its countries, 政府 → JP)."""
        codes = list(country_codes(ent.surface, self.lex))
        if ent.canonical and re.fullmatch(r"[A-Z]{2}", ent.canonical):
            codes = [ent.canonical, *codes]
        org = self.lex.organizations.get(ent.surface)
        if not codes and org:
            codes = [org]
        return unique(codes)

    def _title_members(
        self, surface: str, covered: list[tuple[int, int]], foreign: str | None
    ) -> list[tuple[int, str]]:
        """People named by a title outside the entities (パネッタ米国防長官); their spans join ``covered``."""
        members: list[tuple[int, str]] = []
        for m in self.title_re.finditer(surface):
            if any(a <= m.start() < b for a, b in covered):
                continue
            name, title = m["name"], m["title"]
            if name[:1] in COLLECTIVE_PREFIXES:
                continue  # 両大臣, 各首脳: not a person
            code = self.office_country(name, title) or self.title_country(name, title)
            code = code or self.person_country(name, foreign)
            if code:
                members.append((m.start(), code))
                covered.append(m.span())
        return members

    def _name_members(self, rest: str) -> list[tuple[int, str]]:
        """Country names, abbreviation runs and organizations written in what is left of the phrase."""
        members = [(rest.find(_code_anchor(rest, code, self.lex)), code) for code in country_codes(rest, self.lex)]
        for org, code in self.lex.organizations.items():
            pos = rest.find(org)
            # 政府 alone is Japan's government; 暫定連邦政府 is someone else's
            glued = pos > 0 and re.match(r"[一-龥ァ-ヶー]", rest[pos - 1]) and rest[pos - 1] not in "米日"
            if pos >= 0 and not glued and not any(org in n and n != org and n in rest for n in self.lex.organizations):
                members.append((pos, code))
        return members

    def _word_members(
        self, rest: str, context: Sequence[str], foreign: str | None, members: list[tuple[int, str]]
    ) -> bool:
        """Collective, self and other-side words: add their parties to ``members``; whether any was written."""
        named = False
        words = re.sub(r"[(（].*?[)）]", "", rest)
        if any(w in words for w in self.lex.collective):
            # 両首脳: every party of the context; Ｇ７首脳, 日米両首脳: the parties already named
            if not members:
                members.extend((0, c) for c in context)
            named = True
        if any(w in words for w in self.lex.self_words):
            members.append((0, SELF_CODE))
            named = True
        if any(w in words for w in self.lex.other_side) and foreign:
            members.append((0, foreign))
            named = True
        return named


def _foreign(context: Sequence[str]) -> str | None:
    others = [c for c in context if c != SELF_CODE]
    return others[0] if len(others) == 1 else None


def _mask(surface: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(surface)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = "＿"
    return "".join(chars)


def _code_anchor(surface: str, code: str, lex: Lexicon) -> str:
    for name, c in lex.countries.items():
        if c == code and name in surface:
            return name
    for abbr, c in lex.abbreviations.items():
        if c == code and abbr in surface:
            return abbr
    return surface[:1]
