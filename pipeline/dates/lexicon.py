"""The dates stage's word tables (pipeline/data/dates/), as regex alternations and typed rows.

The tables are read through ``pipeline.tables`` (once, on first use); this module only shapes
them for the patterns: a word class becomes an alternation in file order (order matters where a
word is the head of another: までに before まで), and a ``regex`` table's entries are
regular-expression alternatives kept as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline import tables

__all__ = [
    "COMPOUNDS",
    "CONTEXT",
    "EVENTS",
    "GRAMMAR",
    "LOOKALIKES",
    "MODS",
    "PARTS",
    "RELATIVE_WORDS",
    "Mod",
    "Part",
    "RelativeWord",
    "alternation",
    "guarded",
    "mapping",
    "mods",
    "parts",
    "relative_words",
    "words",
    "words_before",
]

LOOKALIKES = "dates/lookalikes.json"
CONTEXT = "dates/context.json"
GRAMMAR = "dates/grammar.json"
COMPOUNDS = "dates/compounds.json"
EVENTS = "dates/events.json"
RELATIVE_WORDS = "dates/relative_words.tsv"
MODS = "dates/mods.tsv"
PARTS = "dates/parts.tsv"


def words(table: str, key: str) -> tuple[str, ...]:
    """A word class of a dates table, in file order."""
    return tables.words(table, key)


def alternation(table: str, key: str) -> str:
    """A word class as a regex alternation in file order (a ``regex`` table's entries as written)."""
    entry = tables.load_json(table)[key]
    listed = words(table, key)
    if isinstance(entry, dict) and entry.get("syntax") == "regex":
        return "|".join(listed)
    return "|".join(map(re.escape, listed))


def words_before(table: str, key: str) -> re.Pattern[str]:
    """A pattern telling whether one of the words ends right before a position.

    Used as ``pattern.search(text, max(0, start - reach), start)``: one call in C instead of a
    ``startswith`` per word (the set words are tested at every numeral). Longest words first.
    """
    listed = sorted(words(table, key), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, listed)) + r")\Z")


def mapping(table: str, key: str) -> dict[str, str]:
    """A table of words with a value each (``{"words": {word: value}}``), in file order."""
    return dict(tables.load_json(table)[key]["words"])


@dataclass(frozen=True, slots=True)
class RelativeWord:
    """A relative date word (本, 昨, 翌 ...) and what it counts from: ``anchor`` plus ``offset`` units."""

    word: str
    anchor: str  # "doc" (the document date), "same", "next" or "prev" (the most recent mention)
    offset: int


@functools.cache
def relative_words(unit: str) -> tuple[RelativeWord, ...]:
    """The relative words of a unit (year, month, day, kana_day, season, century), in file order."""
    return tuple(
        RelativeWord(row["word"], row["anchor"], int(row["offset"]))
        for row in tables.rows(RELATIVE_WORDS)
        if row["unit"] == unit
    )


@dataclass(frozen=True, slots=True)
class Mod:
    """A relational suffix (以来, まで ...) and the ``DateMod`` name it gives; ``not_before`` a regex."""

    word: str
    mod: str
    not_before: str


@functools.cache
def mods() -> tuple[Mod, ...]:
    """The mod words, in the order they are tried."""
    return tuple(Mod(row["word"], row["mod"], row["not_before"]) for row in tables.rows(MODS))


@dataclass(frozen=True, slots=True)
class Part:
    """A sub-period word (初め, 中旬, 末 ...): its part, what it may follow, whether の may precede."""

    word: str
    part: str  # a DatePart name
    after: str  # "any", "not_day" or "month"
    no: bool
    not_before: str


@functools.cache
def parts() -> tuple[Part, ...]:
    """The sub-period words, in the order they are tried."""
    return tuple(
        Part(row["word"], row["part"], row["after"], row["no"] == "yes", row["not_before"])
        for row in tables.rows(PARTS)
    )


def guarded(word: str, not_before: str) -> str:
    """``word`` as a regex alternative, with a negative lookahead when something may not follow it."""
    return re.escape(word) + (f"(?!{not_before})" if not_before else "")
