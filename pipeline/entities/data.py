"""The entities stage's data: gazetteers, countries, head words, word lists, era names.

The one module of the stage that reads ``pipeline/data/entities/`` (and the era table), always
through ``pipeline.tables``: lazily, once per process, nothing at import time. Every other module
asks it for typed values (entries, dicts, word tuples), never for files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline import tables
from pipeline.dates.eras import era_names as table_era_names

__all__ = [
    "GAZETTEERS",
    "VARIANTS",
    "GazetteerEntry",
    "countries",
    "country_abbreviations",
    "era_names",
    "gazetteer",
    "heads",
    "identity_rules",
    "lexicon",
    "lexicon_words",
    "office_holder_rows",
    "org_keys",
    "rule_words",
    "seas",
    "stored_variants_table",
    "words",
]

DIRECTORY = "entities"
GAZETTEERS = (
    "organizations.tsv",
    "facilities.tsv",
    "events.tsv",
    "documents.tsv",
    "products.tsv",
    "locations.tsv",
)
LEXICON = "lexicon.json"
RULES = "rules.json"
VARIANTS = "ruler_variants.json"


def _path(name: str) -> str:
    return f"{DIRECTORY}/{name}"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One name of a gazetteer file, with its label, subtype, canonical name and source."""

    name: str
    label: str
    subtype: str
    canonical: str | None
    source: str


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """Every entry of the gazetteer files, in file order."""
    entries = []
    for name in GAZETTEERS:
        for row in tables.rows(_path(name)):
            entries.append(
                GazetteerEntry(row["name"], row["label"], row["subtype"], row["canonical"] or None, row["source"])
            )
    return tuple(entries)


@cache
def countries() -> dict[str, str]:
    """Country name -> ISO 3166-1 alpha-2 code (``countries.tsv``)."""
    return {row["name"]: row["code"] for row in tables.rows(_path("countries.tsv"))}


@cache
def heads() -> tuple[tuple[str, str], ...]:
    """(head word, label) of ``heads.tsv``, longest heads first."""
    found = [(row["head"], row["label"]) for row in tables.rows(_path("heads.tsv"))]
    return tuple(sorted(found, key=lambda r: -len(r[0])))


@cache
def seas() -> tuple[tuple[str, str], ...]:
    """(name, subtype) of ``seas.tsv``, longest first."""
    found = [(row["name"], row["subtype"]) for row in tables.rows(_path("seas.tsv"))]
    return tuple(sorted(found, key=lambda r: -len(r[0])))


def lexicon() -> dict[str, Any]:
    """The word lists of ``lexicon.json``: what the ruler's token patterns are built from."""
    data: dict[str, Any] = tables.load_json(_path(LEXICON))
    return data


@cache
def lexicon_words(key: str, field: str = "heads") -> tuple[str, ...]:
    """A word list of ``lexicon.json``: the words of ``[word, reason]`` pairs, or ``key``'s ``field``."""
    entry = lexicon()[key]
    if isinstance(entry, list):
        return tuple(item[0] for item in entry)
    return tuple(entry[field])


@cache
def country_abbreviations() -> dict[str, str]:
    """One-kanji country abbreviation -> ISO code (日 -> JP), in file order."""
    return {k: v for k, v in lexicon()["country_abbreviations"].items() if k != "_doc"}


def rule_words() -> dict[str, Any]:
    """The word lists of ``rules.json`` (read by the rules after the parse, not by the ruler)."""
    data: dict[str, Any] = tables.load_json(_path(RULES))
    return data


def words(table: str, key: str) -> tuple[str, ...]:
    """A word class (``{"reason": ..., "words": [...]}``) of one of the stage's JSON tables, in file order."""
    return tables.words(_path(table), key)


def stored_variants_table() -> dict[str, Any] | None:
    """``ruler_variants.json`` as stored (key and variants), or None when there is none."""
    try:
        data: dict[str, Any] = tables.load_json(_path(VARIANTS))
    except FileNotFoundError:
        return None
    return data


def era_names() -> frozenset[str]:
    """The era names of the era table (明治 … 令和): parts of dates, never names of bodies."""
    return table_era_names()


# -- identity (identity.py, offices.py) ----------------------------------------------------------


def office_holder_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``office_holders.tsv``, one term of office each, in file order (as strings)."""
    return tables.rows(_path("office_holders.tsv"))


def identity_rules() -> dict[str, Any]:
    """The word lists of ``identity.json``: titles and their offices, qualifiers, bodies, territories."""
    data: dict[str, Any] = tables.load_json(_path("identity.json"))
    return data


@cache
def org_keys() -> dict[str, str]:
    """A body's name as written (NFKC) -> its full official name, the ``org:`` key (``org_keys.tsv``)."""
    return {row["name"]: row["key"] for row in tables.rows(_path("org_keys.tsv"))}
