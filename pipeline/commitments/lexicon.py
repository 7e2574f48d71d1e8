"""The commitment stage's data, as typed lookups: ``Lexicon`` and ``Words``.

The tables live in ``pipeline/data/commitments/*.json`` (every entry with a reason or a source)
and are read through ``pipeline.tables``; this module only indexes them into frozen records, once
per process. ``Lexicon`` holds the trigger lexicon, countries, titles and actor words
(``triggers.json``, ``countries.json``, ``parties.json``); ``Words`` the word classes the rules
read about clauses, actors, occasions, dates, the document loop and speakers (one table per
module family: ``clauses.json``, ``actors.json``, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from pipeline import tables
from pipeline.schema import CommitmentType

DATA = "commitments"
# the tables of ``Words``, one per module family (pipeline/data/commitments/<name>.json)
WORD_TABLES = ("clauses", "actors", "occasions", "dating", "document", "speakers")


@dataclass(frozen=True, slots=True)
class PredicateEntry:
    """A trigger predicate: a verbal noun (合意, 確認) or a verb (求める, 定める)."""

    lemma: str
    type: CommitmentType
    form: str  # "verbal_noun" or "verb"
    needs_joint: bool = False
    objects: tuple[str, ...] = ()
    reaffirm_adverbs: tuple[str, ...] = ()
    object_types: tuple[tuple[str, CommitmentType], ...] = ()
    # the trigger surface includes the object (コミットメントが示され, 決意を述べ)
    include_object: bool = False
    # whether the verbal noun may be the object of a light verb (承認を得る is receiving approval)
    light: bool = True
    # only an act that took place counts (打ち出した; 策定するとともに…決定しました): 策定して
    # いきます, 打ち出す考えです are pledges of the speech
    past_only: bool = False
    # ... and only in a main clause: 昨年策定した戦略 names a document
    main_only: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the rules look up."""

    predicates: dict[str, PredicateEntry]
    decision_light: frozenset[str]
    report_nouns: frozenset[str]
    report_verbs: frozenset[str]
    reaffirm_cues: tuple[str, ...]
    non_volitional: frozenset[str]
    pledge_aux: frozenset[str]
    intent_aux: frozenset[str]
    pledge_nouns: frozenset[str]
    intent_nouns: frozenset[str]
    plain_non_acts: frozenset[str]
    means_verbs: frozenset[str]
    cooperation_verbs: frozenset[str]
    light_verbs: frozenset[str]
    non_acts: frozenset[str]
    procedural_objects: tuple[str, ...]
    countries: dict[str, str]
    abbreviations: dict[str, str]
    organizations: dict[str, str]
    international: dict[str, str]
    japanese_titles: tuple[str, ...]
    us_titles: tuple[str, ...]
    foreign_titles: tuple[str, ...]
    collective: frozenset[str]
    self_words: frozenset[str]
    other_side: frozenset[str]
    venue_nouns: tuple[str, ...]
    statement_nouns: tuple[str, ...]
    two_plus_two: tuple[str, ...]
    two_plus_two_members: tuple[str, ...]
    country_re: re.Pattern[str]
    abbreviation_re: re.Pattern[str]


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = tables.load_json(f"{DATA}/{name}")
    return data


def _entries(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(data[key]["entries"])


@cache
def load_lexicon() -> Lexicon:
    """Load and index the data files (cached for the process)."""
    trig = _load("triggers.json")
    countries = _load("countries.json")
    parties = _load("parties.json")
    predicates = {
        e["lemma"]: PredicateEntry(
            lemma=e["lemma"],
            type=CommitmentType(e["type"]),
            form=e["form"],
            needs_joint=bool(e.get("needs_joint", False)),
            objects=tuple(e.get("objects", ())),
            reaffirm_adverbs=tuple(e.get("reaffirm_adverbs", ())),
            object_types=tuple((k, CommitmentType(v)) for k, v in e.get("object_types", {}).items()),
            include_object=bool(e.get("include_object", False)),
            light=bool(e.get("light", True)),
            past_only=bool(e.get("past_only", False)),
            main_only=bool(e.get("main_only", False)),
        )
        for e in trig["predicates"]
    }
    names: dict[str, str] = dict(countries["names"])
    # international organizations are parties too, named by their short name (UN, NATO, EU)
    names.update(countries["international"])
    abbreviations: dict[str, str] = dict(countries["abbreviations"])
    # longest names first so that 南スーダン wins over スーダン
    country_re = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    abbr = "".join(re.escape(a) for a in abbreviations)
    # 日米, 日米韓, 米韓, 日・デンマーク: two or more abbreviations (or 日 + a name) in a row
    abbreviation_re = re.compile(rf"[{abbr}](?:・?[{abbr}])+")
    volition = trig["volition"]
    report = trig["report"]
    return Lexicon(
        predicates=predicates,
        decision_light=frozenset(trig["decision"]["light"]),
        report_nouns=frozenset(report["nouns"]),
        report_verbs=frozenset(report["verbs"]),
        reaffirm_cues=tuple(report["reaffirm_cues"]["entries"]),
        non_volitional=frozenset(report["non_volitional"]["entries"]),
        pledge_aux=frozenset(volition["pledge_aux"]),
        intent_aux=frozenset(volition["intent_aux"]),
        pledge_nouns=frozenset(volition["pledge_nouns"]),
        intent_nouns=frozenset(volition["intent_nouns"]),
        plain_non_acts=frozenset(volition["plain_non_acts"]["entries"]),
        means_verbs=frozenset(volition["means_verbs"]["entries"]),
        cooperation_verbs=frozenset(volition["cooperation_verbs"]["entries"]),
        light_verbs=frozenset(trig["light_verbs"]["entries"]),
        non_acts=frozenset(trig["non_acts"]["entries"]),
        procedural_objects=tuple(trig["procedural_objects"]["entries"]),
        countries=names,
        abbreviations=abbreviations,
        organizations=dict(countries["organizations"]),
        international=dict(countries["international"]),
        japanese_titles=_entries(parties, "japanese_titles"),
        us_titles=_entries(parties, "us_titles"),
        foreign_titles=_entries(parties, "foreign_titles"),
        collective=frozenset(_entries(parties, "collective")),
        self_words=frozenset(_entries(parties, "self")),
        other_side=frozenset(_entries(parties, "other_side")),
        venue_nouns=tuple(sorted(_entries(parties, "venue_nouns"), key=len, reverse=True)),
        statement_nouns=_entries(parties, "statement_nouns"),
        two_plus_two=_entries(parties, "two_plus_two"),
        two_plus_two_members=tuple(parties["two_plus_two"]["members"]),
        country_re=country_re,
        abbreviation_re=abbreviation_re,
    )


@dataclass(frozen=True, slots=True)
class Words:
    """The word classes of the stage's rules besides the trigger lexicon.

    Each field is the table entry of the same name (its reason is in the data file). Sets are
    for membership, tuples keep the file's order (first match wins, or an alternation).
    """

    # clauses.json: relative clauses, contrast, coordination
    conjunctive_nouns: frozenset[str]
    content_nouns: frozenset[str]
    venue_clause_nouns: frozenset[str]
    contrastive_endings: tuple[str, ...]
    coordinators: tuple[str, ...]
    document_nouns: tuple[str, ...]
    # actors.json: actor phrases
    actor_particles: frozenset[str]
    between_particles: frozenset[str]
    party_heads: tuple[str, ...]
    non_party_agents: tuple[str, ...]
    trailing_particles: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    forces_in_japan: tuple[str, ...]
    # occasions.json: meetings, statements, visits
    head_nouns: tuple[str, ...]
    holding_lemmas: frozenset[str]
    topic_particles: frozenset[str]
    venue_continuations: tuple[str, ...]
    reference_after: tuple[str, ...]
    held_verbs: tuple[str, ...]
    future_before: tuple[str, ...]
    demonstratives: tuple[str, ...]
    anaphor_endings: tuple[str, ...]
    earlier_markers: tuple[str, ...]
    reference_verbs: frozenset[str]
    visit_verbs: tuple[str, ...]
    venue_particles: frozenset[str]
    speech_act_tails: tuple[str, ...]
    # dating.json: what makes a date no date of an act or an occasion
    not_act_date_after: tuple[str, ...]
    not_occasion_date_after: tuple[str, ...]
    polite_copulas: tuple[str, ...]
    # document.json: lists and questions
    list_markers: tuple[str, ...]
    list_intro_nouns: tuple[str, ...]
    not_listed: frozenset[str]
    question_markers: tuple[str, ...]
    question_nouns: tuple[str, ...]
    question_verbs: tuple[str, ...]
    # speakers.json: Diet speakers
    government_roles: tuple[str, ...]
    member_roles: tuple[str, ...]
    stage_roles: tuple[str, ...]


@cache
def load_words() -> Words:
    """Every word class of ``WORD_TABLES`` (cached for the process); a missing or unknown class fails."""
    found: dict[str, tuple[str, ...]] = {}
    for table in WORD_TABLES:
        name = f"{DATA}/{table}.json"
        for key, entry in tables.load_json(name).items():
            if isinstance(entry, dict) and "words" in entry:
                found[key] = tables.words(name, key)
    sets = {f.name for f in fields(Words) if str(f.type).startswith("frozenset")}
    typed: dict[str, Any] = {key: frozenset(value) if key in sets else value for key, value in found.items()}
    return Words(**typed)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, in the given order (``a|b|c``)."""
    return "|".join(re.escape(w) for w in words)
