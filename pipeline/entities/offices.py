"""Who held an office on a day: the office-holder table, and the titles that name its offices.

``office_holders.tsv`` (through ``data.py``) has one row per term of office: office, country,
the holder's full name as the ``person:`` key spells it, the other forms that name the holder
(surname first, spelling variants, Latin forms), the first day in office and the first day out of
it (terms are half-open), the source list and a note. The rows were compiled, not fetched (the
file's header and the stage README say how they were checked against the corpora).

A title as the ruler marks it (``防衛大臣``, ``米国防長官``, ``元米大統領``, ``韓国次期外交通商部長官``) is read
as a ``Title``: the offices its core word can denote (``identity.json`` ``titles``), the country
or body written before the core, and the time it holds (``元``/``当時`` an earlier holder, ``前`` the
previous one, ``次期`` the next one, else the holder on the document date).

``holder(title, country, date)`` names the holder of a title alone (``防衛大臣`` in a 2011 document
-> ``person:一川保夫``): the interface the commitments stage calls for a title-only actor.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.entities.data import countries, country_abbreviations, identity_rules, office_holder_rows

__all__ = [
    "ANY",
    "PERSON_PREFIX",
    "Term",
    "Title",
    "canonical_full_name",
    "country_prefixes",
    "fold",
    "given_name",
    "head_countries",
    "holder",
    "holders_named",
    "read_title",
    "surnames",
    "terms",
    "terms_named",
]

ANY = "*"
PERSON_PREFIX = "person:"
# A title with no qualifier still names a recent predecessor when no holder of that name is in
# office on the day: white papers (published mid-year) report the previous year's meetings, and
# speakers name the minister they dealt with. Two years cover both.
RECENT = dt.timedelta(days=2 * 365)
# 次期 (the incoming holder): a term that starts from half a year before to two years after the day.
NEXT_BEFORE = dt.timedelta(days=183)
NEXT_AFTER = dt.timedelta(days=2 * 365)
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
KANJI = re.compile(r"^[\u3400-\u9fff々〆ヶ]+$")
KANA = re.compile(r"^[ァ-ヶー・]+$")
FULL_FORM_MARKS = ("・", " ", "＝", "=")
# posts held together: 国務委員兼外交部長, 副総理兼外務大臣, 副総理・外務大臣
JOINT = re.compile(r"兼|・")


@dataclass(frozen=True, slots=True)
class Term:
    """One term of office: who held ``office`` of ``country`` from ``start`` until before ``end``."""

    office: str
    country: str
    holder: str
    forms: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    note: str

    def holds_on(self, day: dt.date) -> bool:
        """Whether the term covers ``day`` (start inclusive, end exclusive; no end: still in office)."""
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def surname(self) -> str:
        """The holder's surname as the table gives it first (the whole name when there are no forms)."""
        return self.forms[0] if self.forms else self.holder


@dataclass(frozen=True, slots=True)
class Title:
    """A title read for the table: its core word, the offices it denotes, the written country, the time."""

    core: str
    offices: tuple[tuple[str, str], ...]
    country: str | None
    when: str  # "current", "earlier", "previous" or "next"

    def allows(self, term: Term) -> bool:
        """Whether ``term`` is of an office this title can denote (and of the written country)."""
        if self.country is not None and term.country != self.country:
            return False
        return any(term.office == office and country in (ANY, term.country) for office, country in self.offices)


def fold(name: str) -> str:
    """A name as compared: NFKC, no spaces (Latin names keep single spaces, lower case)."""
    text = unicodedata.normalize("NFKC", name).strip()
    if LATIN.match(text):
        return " ".join(text.lower().replace(".", ". ").split()).replace(". ", ".").replace(" .", ".")
    return re.sub(r"\s+", "", text)


def _latin_ends(folded: str) -> str | None:
    """``first last`` of a Latin name of several words (Donald J. Trump -> donald trump), else None."""
    if not LATIN.match(folded) or " " not in folded:
        return None
    words = folded.replace(".", " ").split()
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else None


def is_full_form(form: str, surname: str) -> bool:
    """Whether a table form is a whole name (ロバート・ゲーツ, 宮沢喜一, 唐家セン), not a surname variant.

    Marked names (・, spaces) are whole; a Latin or kana word alone is a surname; a form with kanji
    is whole when it is longer than the surname (and than two characters).
    """
    if any(mark in form for mark in FULL_FORM_MARKS):
        return True
    if LATIN.match(form) or KANA.match(form):
        return False
    return len(form) > max(len(surname), 2)


@cache
def terms() -> tuple[Term, ...]:
    """Every term of ``office_holders.tsv``, in file order."""
    out = []
    for row in office_holder_rows():
        out.append(
            Term(
                office=row["office"],
                country=row["country"],
                holder=row["holder"],
                forms=tuple(f for f in row["forms"].split("|") if f),
                start=dt.date.fromisoformat(row["start"]),
                end=dt.date.fromisoformat(row["end"]) if row["end"] else None,
                note=row["note"],
            )
        )
    return tuple(out)


@cache
def _name_index() -> dict[str, tuple[Term, ...]]:
    """Folded name (holder, every form, and ``first last`` of Latin forms) -> the terms it names."""
    index: dict[str, list[Term]] = {}
    for term in terms():
        for name in (term.holder, *term.forms):
            folded = fold(name)
            keys = {folded}
            ends = _latin_ends(folded)
            if ends:
                keys.add(ends)
            for key in keys:
                index.setdefault(key, []).append(term)
    return {k: tuple(v) for k, v in index.items()}


def terms_named(name: str) -> tuple[Term, ...]:
    """The terms whose holder is named ``name`` (surname, variant, full or Latin form)."""
    folded = fold(name)
    found = _name_index().get(folded)
    if found:
        return found
    ends = _latin_ends(folded)
    return _name_index().get(ends, ()) if ends else ()


def _first_part(name: str) -> str:
    return name.split("・")[0]


def canonical_full_name(name: str) -> str | None:
    """The table's spelling of a whole name written in a document, at any date, or None.

    The holder itself or one of its whole-name forms (ロバート・ゲーツ, 宮沢喜一); a Western name whose
    last part is a form of a holder and whose first part is the holder's (ロバート・ゲーツ ->
    ロバート・ゲイツ); a kanji name made of a surname form and the holder's given name (濱田靖一 ->
    浜田靖一). A surname alone is no whole name (it needs a date: ``holders_named``).
    """
    folded = fold(name)
    whole = {
        term.holder
        for term in terms_named(name)
        if folded == fold(term.holder)
        or any(folded == fold(f) and is_full_form(f, term.surname) for f in term.forms)
        or _latin_ends(folded)
    }
    if len(whole) == 1:
        return whole.pop()
    if "・" in folded:
        parts = folded.split("・")
        for term in _name_index().get(parts[-1], ()):
            if _first_part(fold(term.holder)) == parts[0] and parts[-1] in {fold(f) for f in term.forms}:
                return term.holder
    if KANJI.match(folded):
        for cut in range(1, min(4, len(folded) - 1) + 1):
            for term in _name_index().get(folded[:cut], ()):
                given = given_name(term.holder)
                if given and folded[cut:] == given and folded[:cut] in term.forms:
                    return term.holder
    return None


def surnames(holder_name: str) -> tuple[str, ...]:
    """The surname forms the table gives a holder (no whole-name forms), first form first."""
    out: list[str] = []
    for term in terms_named(holder_name):
        if term.holder != holder_name:
            continue
        for form in term.forms:
            if not is_full_form(form, term.surname) and form not in out:
                out.append(form)
    return tuple(out)


def given_name(holder_name: str) -> str | None:
    """The given name of a table holder: the first part of a Western name, a kanji name less its surname."""
    if "・" in holder_name:
        return _first_part(holder_name)
    for term in terms_named(holder_name):
        if term.holder == holder_name and holder_name.startswith(term.surname) and len(holder_name) > len(term.surname):
            return holder_name[len(term.surname) :]
    return None


# -- titles --------------------------------------------------------------------------------------


def _rules() -> dict[str, Any]:
    return identity_rules()


@cache
def _title_offices() -> dict[str, tuple[tuple[str, str], ...]]:
    listed: dict[str, list[str]] = _rules()["titles"]["offices"]
    return {
        core: tuple((item.split("@")[0], item.split("@")[1]) for item in items)
        for core, items in listed.items()
        if not core.startswith("_")
    }


@cache
def _title_defaults() -> dict[str, str]:
    listed: dict[str, str] = _rules()["titles"]["defaults"]
    return {k: v for k, v in listed.items() if not k.startswith("_")}


@cache
def _qualifiers() -> tuple[tuple[str, str], ...]:
    """(qualifier word, time) pairs, longest words first."""
    listed: dict[str, list[str]] = _rules()["qualifiers"]
    pairs = [(word, kind) for kind, words in listed.items() if not kind.startswith("_") for word in words]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def country_prefixes() -> tuple[tuple[str, str], ...]:
    """(prefix, country) for every country name, one-kanji abbreviation and body, longest first."""
    bodies = {k: v for k, v in _rules()["bodies"].items() if not k.startswith("_")}
    found: dict[str, str] = {}
    for table in (countries(), country_abbreviations(), bodies):
        for name, code in table.items():
            found.setdefault(unicodedata.normalize("NFKC", name), str(code))
    return tuple(sorted(found.items(), key=lambda p: -len(p[0])))


def _strip_qualifier(text: str) -> tuple[str, str | None]:
    for word, kind in _qualifiers():
        if text.startswith(word) and len(text) > len(word):
            return text[len(word) :], kind
    return text, None


def _split_country(text: str) -> tuple[str | None, str, str | None]:
    """(country written before the core, the core, a qualifier after the country) of a title."""
    offices = _title_offices()
    if text in offices:
        return None, text, None
    for prefix, code in country_prefixes():
        if text.startswith(prefix) and len(text) > len(prefix):
            rest, kind = _strip_qualifier(text[len(prefix) :].lstrip("・･"))
            if rest in offices:
                return code, rest, kind
    return None, text, None


def _joint_posts(text: str) -> tuple[tuple[tuple[str, str], ...] | None, str]:
    """Posts held together (国務委員兼外交部長, 副総理・外務大臣): the offices of the parts the table knows."""
    parts = [p for p in JOINT.split(text) if p]
    found = [(p, _title_offices()[p]) for p in parts if p in _title_offices()]
    if len(parts) < 2 or not found:
        return None, text
    return tuple(o for _, offices in found for o in offices), found[-1][0]


@cache
def read_title(title: str, qualifier: str | None = None) -> Title | None:
    """The offices, country and time a title names, or None when its core names no office of the table.

    ``qualifier`` is the PERSON's ``title_qualifier`` (当時), which moves the time like 元.
    """
    text, when = _strip_qualifier(fold(title))
    country, core, later = _split_country(text)
    offices = _title_offices().get(core)
    if offices is None:
        offices, core = _joint_posts(core)
    if offices is None:
        return None
    kind = later or when
    if kind is None and qualifier:
        kind = dict(_qualifiers()).get(fold(qualifier))
    return Title(core, offices, country, kind or "current")


# -- lookups -------------------------------------------------------------------------------------


def _holders_at(cands: Iterable[Term], when: str, day: dt.date) -> set[str]:
    cands = list(cands)
    if when == "earlier":
        return {t.holder for t in cands if t.start <= day}
    if when == "previous":
        past = [t for t in cands if t.end is not None and t.end <= day]
        latest = max((t.end for t in past if t.end is not None), default=None)
        return {t.holder for t in past if t.end == latest}
    if when == "next":
        return {t.holder for t in cands if day - NEXT_BEFORE <= t.start <= day + NEXT_AFTER}
    now = {t.holder for t in cands if t.holds_on(day)}
    if now:
        return now
    return {t.holder for t in cands if t.start <= day and t.end is not None and t.end > day - RECENT}


def holders_named(name: str, title: Title | None, day: dt.date | None) -> frozenset[str]:
    """The holders named ``name`` who held an office ``title`` denotes at the time it names.

    No title: any office of the table on the day. No day: nothing (a surname needs a date).
    """
    if day is None:
        return frozenset()
    cands = [t for t in terms_named(name) if title is None or title.allows(t)]
    return frozenset(_holders_at(cands, title.when if title else "current", day))


def holder(title: str, country: str | None, date: dt.date) -> str | None:
    """The ``person:`` key of whoever held the office ``title`` names on ``date``, or None.

    ``country`` (ISO 3166-1 alpha-2, or UN/NATO) overrides the title's written country; with
    neither, the title's default country in Japanese government text is used (防衛大臣, 外務大臣,
    総理 -> Japan; 国務長官, 国防長官 -> the US); a title with no default (大統領) needs a country.
    None when the table knows no single holder (an unknown office, a gap between terms, two
    offices held by two people).
    """
    read = read_title(title)
    if read is None:
        return None
    chosen = country or read.country or _title_defaults().get(read.core)
    if chosen is None:
        return None
    cands = [t for t in terms() if read.allows(t) and t.country == chosen]
    if read.when == "current":
        found = {t.holder for t in cands if t.holds_on(date)}
    else:
        found = _holders_at(cands, read.when, date)
    return PERSON_PREFIX + found.pop() if len(found) == 1 else None


def head_countries(name: str, day: dt.date | None) -> frozenset[str]:
    """Countries whose head of government or state (a table term) was named ``name`` by ``day``."""
    heads = ("prime_minister", "president", "supreme_leader")
    return frozenset(t.country for t in terms_named(name) if t.office in heads and (day is None or t.start <= day))
