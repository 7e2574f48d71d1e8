"""The trigger rules' words and patterns (``data/commitments/trigger_words.json``), typed, built once.

One field per word class or pattern of the file, named as there; the field's type says how the
rules use it (``frozenset`` for membership, ``tuple`` for ``endswith``/ordered sequences, ``str``
for a single word, a compiled pattern). The reasons live beside the words in the data file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Set
from dataclasses import dataclass, fields
from typing import Any, get_type_hints

from pipeline import tables

FILE = "commitments/trigger_words.json"
# {name} in a pattern stands for the word class ``name`` joined with | (regex quantifiers are digits)
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class TriggerWords:
    """Every word class and pattern the trigger rules read (see the data file for each reason)."""

    # shared morphology
    suru_verbs: frozenset[str]
    negation: frozenset[str]
    passive: frozenset[str]
    past: str
    polite: str
    koto: tuple[str, ...]
    te_forms: frozenset[str]
    te_particle: str
    quotative: str
    object_particle: str
    subject_particle: str
    topic_particle: str
    genitive: str
    goal_particle: str
    conclusive: str
    conjunctive: str
    # predicates
    light_verb_particles: frozenset[str]
    received_request_particles: frozenset[str]
    receiving_verbs: frozenset[str]
    request_verbs: frozenset[str]
    going_auxiliaries: frozenset[str]
    reciprocal: tuple[str, ...]
    completion: str
    reaffirm_prefix: str
    confirmation: str
    coordinating_dots: frozenset[str]
    realized_clause_nouns: frozenset[str]
    subject_particles: tuple[str, ...]
    content_particles: tuple[str, ...]
    party_nouns: tuple[str, ...]
    # decisions
    decision_particles: frozenset[str]
    decision_lemma: str
    # reports
    purport: str
    koto_report_verbs: frozenset[str]
    explain: str
    report_light_particles: frozenset[str]
    quote_closers: frozenset[str]
    explaining_verbs: frozenset[str]
    verb_ending: str
    # volition
    volitional_endings: frozenset[str]
    receiving_favours: frozenset[str]
    continuative: str
    progressive: frozenset[str]
    non_plain_auxiliaries: frozenset[str]
    stative_verbs: frozenset[str]
    # first person
    frame_nouns: tuple[str, ...]
    resolve_nouns: frozenset[str]
    describing_markers: tuple[str, ...]
    reason_particle: str
    final_particles: tuple[str, ...]
    copula_heads: frozenset[str]
    explanation_heads: frozenset[str]
    thinking_verbs: frozenset[str]
    hedge_manner: frozenset[str]
    quoting_adnominal: str
    trailing_copulas: frozenset[str]
    copula_links: frozenset[str]
    session_speech_acts: tuple[str, ...]
    causatives: frozenset[str]
    verb_glue: frozenset[str]
    humble_receiving: frozenset[str]
    benefactives: frozenset[str]
    frame_words: frozenset[str]
    frame_auxiliary_heads: frozenset[str]
    # plain forms
    polite_copulas: frozenset[str]
    plain_blockers: frozenset[str]
    plain_form_blockers: frozenset[str]
    non_plain_endings: frozenset[str]
    office_suffixes: tuple[str, ...]
    ministry_suffixes: tuple[str, ...]
    # coordination
    addressee_particles: tuple[str, ...]
    alongside: str
    nominalizers: frozenset[str]
    attempt_verb: str
    received_help: frozenset[str]
    coordination_blockers: frozenset[str]
    tomoni: tuple[str, ...]
    argument_particles: tuple[str, ...]
    # vetoes
    plan_heads: frozenset[str]
    evaluating_verbs: frozenset[str]
    conditional_markers: frozenset[str]
    tokoro: str
    tokoro_forms: frozenset[str]
    negation_bridges: frozenset[str]
    mono: frozenset[str]
    passive_vetoed_verbs: frozenset[str]
    question_endings: tuple[str, ...]
    concord: str
    concord_heads: frozenset[str]
    fact_check_markers: frozenset[str]
    inquiry_particles: frozenset[str]
    # patterns
    continued_pledge: re.Pattern[str]
    speaker_topic: re.Pattern[str]
    speaker_side: re.Pattern[str]
    numeral: re.Pattern[str]
    condition_clause: re.Pattern[str]
    topic_phrase: re.Pattern[str]
    name_separators: re.Pattern[str]
    subject_ending: re.Pattern[str]
    request_content_end: re.Pattern[str]
    clause_level_end: re.Pattern[str]
    tomoni_end: re.Pattern[str]
    tsutsu_end: re.Pattern[str]
    realized_continuation: re.Pattern[str]
    claim_after: re.Pattern[str]
    done_report: re.Pattern[str]


def pattern_source(name: str) -> str:
    """The regex of pattern ``name`` with its {word class} placeholders filled in (file order)."""
    template: str = tables.load_json(FILE)["patterns"][name]["pattern"]
    return PLACEHOLDER.sub(lambda m: "|".join(re.escape(w) for w in tables.words(FILE, m.group(1))), template)


def _single(name: str) -> str:
    listed = tables.words(FILE, name)
    if len(listed) != 1:
        raise ValueError(f"{FILE}: {name} must hold exactly one word, not {len(listed)}")
    return listed[0]


def _value(name: str, hint: Any) -> Any:
    if hint == frozenset[str]:
        return tables.word_set(FILE, name)
    if hint == tuple[str, ...]:
        return tables.words(FILE, name)
    if hint is str:
        return _single(name)
    if hint == re.Pattern[str]:
        return re.compile(pattern_source(name))
    raise TypeError(f"TriggerWords.{name}: no loader for {hint!r}")


@functools.cache
def trigger_words() -> TriggerWords:
    """The trigger words, read from the data file on first use and kept for the process."""
    hints = get_type_hints(TriggerWords)
    return TriggerWords(**{f.name: _value(f.name, hints[f.name]) for f in fields(TriggerWords)})


class LazyWordSet(Set[str]):
    """A word class as a read-only set that reads the data file on first use, not at import.

    For module-level names of the package's interface (``REQUEST_VERBS``): importing the package
    loads nothing.
    """

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def _words(self) -> frozenset[str]:
        words: frozenset[str] = getattr(trigger_words(), self._name)
        return words

    def __contains__(self, word: object) -> bool:
        return word in self._words()

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())

    def __repr__(self) -> str:
        return f"LazyWordSet({self._name!r})"
