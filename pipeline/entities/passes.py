"""The entities stage as named passes in order: ``find_entities`` runs ``PASSES`` over a ``Draft``.

Each pass is a function ``(Page, Draft) -> Draft``: it reads the document and its parse
(``Page``, built once) and the candidates so far, and returns new ones; nothing is changed in
place, so each pass can be run and tested alone. The order is the design (see README.md, "The
passes"): spans read from the parse first, then what is attached to or found around them, then
names assembled over the tokens, then the lowest-priority proper-noun runs, filters, and the two
overlap resolutions with the reading of lists between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from pipeline.entities.bodies import body_meetings, body_prefixes, place_named_bodies, resolutions
from pipeline.entities.candidates import Candidate, resolve_overlaps
from pipeline.entities.canonical import ShortName, apply_definitions, with_country_codes
from pipeline.entities.coordination import coordinated_units, elided_meeting_heads, joined_events
from pipeline.entities.equipment import designators, ship_names
from pipeline.entities.filters import is_not_a_name
from pipeline.entities.identity import with_keys
from pipeline.entities.labels import ENE_MAP
from pipeline.entities.meetings import numbered_meetings, referendums, sessions, with_edition_ordinals
from pipeline.entities.model_spans import extend_by_head, from_parse, read_with_tokens
from pipeline.entities.names import assembled_names, quoted_names
from pipeline.entities.persons import attach_titles, is_common_noun_person, speaker_candidates
from pipeline.entities.places import (
    country_list,
    facility_areas,
    located_places,
    replacement_facilities,
    sea_names,
    zones,
)
from pipeline.entities.proper_nouns import proper_noun_runs
from pipeline.entities.ruler import TITLE_LABEL
from pipeline.entities.statutes import later_statute_mentions, named_laws, statute_titles
from pipeline.parse import ParsedDoc, ParsedEntity, ParsedToken
from pipeline.schema import Entity, EntityLabel, Sentence

__all__ = ["PASSES", "Draft", "Page", "find_entities", "run_passes"]


@dataclass(frozen=True, slots=True)
class Page:
    """What every pass reads: the text, its parse, the ruler's titles and a token index, built once.

    ``document_date`` (the document's date, when its metadata gives one) dates titles for identity.
    """

    text: str
    parsed: ParsedDoc
    titles: tuple[ParsedEntity, ...]
    token_at: dict[int, int]  # token start -> index in parsed.tokens
    document_date: dt.date | None = None

    @classmethod
    def of(cls, text: str, parsed: ParsedDoc, document_date: dt.date | None = None) -> Page:
        """The page of ``text`` and its parse."""
        titles = tuple(e for e in parsed.entities if _inside(text, e) and e.label == TITLE_LABEL)
        return cls(text, parsed, titles, {t.start: i for i, t in enumerate(parsed.tokens)}, document_date)

    @property
    def tokens(self) -> tuple[ParsedToken, ...]:
        """The parse's tokens."""
        return self.parsed.tokens


@dataclass(frozen=True, slots=True)
class Draft:
    """The candidates so far, and what a later pass needs to know of an earlier one.

    ``title_spans``: the titles of the persons found by the time names are assembled (a title is
    never part of a later candidate); ``units``: the units a list shares (their later mentions
    are entities too).
    """

    candidates: tuple[Candidate, ...] = ()
    title_spans: tuple[tuple[int, int], ...] = ()
    units: tuple[Candidate, ...] = ()

    def adding(self, more: Iterable[Candidate]) -> Draft:
        """This draft with ``more`` candidates after the others."""
        return replace(self, candidates=(*self.candidates, *more))

    def keeping(self, cands: Iterable[Candidate]) -> Draft:
        """This draft with ``cands`` instead of its candidates."""
        return replace(self, candidates=tuple(cands))


Pass = Callable[[Page, Draft], Draft]


def _inside(text: str, ent: ParsedEntity) -> bool:
    return 0 <= ent.start < ent.end <= len(text)


# -- spans of the parse --------------------------------------------------------------------------


def read_parse(page: Page, draft: Draft) -> Draft:
    """The ruler's spans as they are, GiNZA's tidied (``model_spans``); titles are set aside.

    Countries joined by a middle dot are several places, even as a "person" (エジプト・イスラエル).
    """
    out: list[Candidate] = []
    for ent in page.parsed.entities:
        if not _inside(page.text, ent) or ent.label == TITLE_LABEL:
            continue
        listed = country_list(page.text, ent.start, ent.end) if ENE_MAP.get(ent.label) is not None else None
        if listed is not None:
            out.extend(Candidate(a, b, EntityLabel.LOCATION, "Country", code, "model") for a, b, code in listed)
            continue
        cand = from_parse(page.text, ent)
        if cand is not None:
            out.append(cand)
    return draft.adding(out)


def extend_by_heads(page: Page, draft: Draft) -> Draft:
    """A model place or body right before a head word takes it in (横浜 + 港)."""
    return draft.keeping(extend_by_head(page.text, page.tokens, page.token_at, c) for c in draft.candidates)


def read_tokens_under_spans(page: Page, draft: Draft) -> Draft:
    """Decisions that need the tokens under and after a span (``model_spans.read_with_tokens``)."""
    return draft.keeping(read_with_tokens(page.text, page.tokens, page.token_at, draft.candidates))


# -- persons -------------------------------------------------------------------------------------


def add_titled_persons(page: Page, draft: Draft) -> Draft:
    """The name before each of the ruler's titles (or GiNZA's person after it), with the title."""
    return draft.adding(attach_titles(page.text, page.tokens, page.titles, draft.candidates))


def drop_common_noun_persons(page: Page, draft: Draft) -> Draft:
    """Once titles have taken their names, GiNZA's persons made of kanji common nouns are words.

    元首, 代官, 慰安婦: on the ner-wikipedia dev split 15 of 81 were persons.
    """
    return draft.keeping(c for c in draft.candidates if not is_common_noun_person(page.text, page.tokens, c))


def add_speakers(page: Page, draft: Draft) -> Draft:
    """Speakers of Diet-minutes lines and stage directions (○国務大臣（岸田文雄君）)."""
    return draft.adding(speaker_candidates(page.text))


# -- places the parse leaves out -----------------------------------------------------------------


def add_seas(page: Page, draft: Draft) -> Draft:
    """Seas named in the text (日本海洋上) that no longer candidate contains."""
    return draft.adding(sea_names(page.text, page.tokens, draft.candidates))


def add_zones(page: Page, draft: Draft) -> Draft:
    """A place and the zone declared over it (東シナ海防空識別区)."""
    return draft.adding(zones(page.text, page.tokens, draft.candidates))


def add_facility_areas(page: Page, draft: Draft) -> Draft:
    """A base's place before a direction word (嘉手納以南): the base."""
    return draft.adding(facility_areas(page.text, draft.candidates))


def add_replacement_facilities(page: Page, draft: Draft) -> Draft:
    """A facility and 代替施設 (普天間飛行場代替施設): one facility."""
    return draft.adding(replacement_facilities(page.text, page.tokens, draft.candidates))


def add_located_places(page: Page, draft: Draft) -> Draft:
    """Sudachi place names before a locative noun (元山付近)."""
    return draft.adding(located_places(page.text, page.tokens, draft.candidates))


def note_title_spans(page: Page, draft: Draft) -> Draft:
    """Remember the persons' titles so far: no candidate found from here on may overlap one."""
    del page
    spans = tuple((c.title.start, c.title.end) for c in draft.candidates if c.title is not None)
    return replace(draft, title_spans=spans)


# -- names assembled from the parse --------------------------------------------------------------


def add_assembled_names(page: Page, draft: Draft) -> Draft:
    """Official names of documents and meetings assembled over the tokens, and 「…」-quoted ones.

    A piece of a gazetteer name (インド太平洋戦略 inside 自由で開かれたインド太平洋戦略) is no name,
    and a name the gazetteer labels itself (国家安全保障会議 is an ORG) keeps its label.
    """
    cands = draft.candidates
    known = [
        (c.start, c.end) for c in cands if c.source == "ruler" and c.label in (EntityLabel.DOCUMENT, EntityLabel.EVENT)
    ]
    ruler_spans = {(c.start, c.end) for c in cands if c.source == "ruler"}
    bodies = [(c.start, c.end) for c in cands if c.label is EntityLabel.ORG and c.source in ("ruler", "model")]
    found = [*assembled_names(page.text, page.tokens, bodies=bodies), *quoted_names(page.text, page.tokens)]
    return draft.adding(
        Candidate(n.start, n.end, n.label, n.subtype, None, "name_rule")
        for n in found
        if not any(a <= n.start and n.end <= b and (a, b) != (n.start, n.end) for a, b in known)
        and (n.start, n.end) not in ruler_spans
    )


def add_statutes(page: Page, draft: Draft) -> Draft:
    """Statute and bill titles, later bare mentions of the kind of law, laws named by their kind.

    …に関する特別措置法の一部を改正する法律案; 特別措置法 alone for a title named before; テロ特措法.
    """
    statutes = statute_titles(page.text, page.tokens)
    titles = [
        Candidate(t.start, t.end, EntityLabel.DOCUMENT, "Bill" if t.head.endswith("案") else "Law", None, "name_rule")
        for t in statutes
    ]
    later = [
        Candidate(start, end, EntityLabel.DOCUMENT, "Law", full, "definition")
        for start, end, full in later_statute_mentions(page.text, page.tokens, statutes)
    ]
    laws = [
        Candidate(a, b, EntityLabel.DOCUMENT, "Law", None, "name_rule") for a, b in named_laws(page.text, page.tokens)
    ]
    return draft.adding([*titles, *later, *laws])


def add_bodies(page: Page, draft: Draft) -> Draft:
    """Bodies and their acts read off the words around other names (all from the same candidates).

    Councils named for a place (普天間飛行場負担軽減推進会議), a body's meeting with its full name
    (アジア太平洋経済協力閣僚会議), specific UN resolutions (総会決議案), a body inside a word
    (人事院勧告).
    """
    text, tokens, cands = page.text, page.tokens, draft.candidates
    return draft.adding(
        [
            *place_named_bodies(text, tokens, cands),
            *body_meetings(text, tokens, cands),
            *resolutions(text, tokens),
            *body_prefixes(text, tokens, cands),
        ]
    )


def add_meetings(page: Page, draft: Draft) -> Draft:
    """Numbered meetings of a project (歴史共同研究第一回会合), referendums held (行われた県民投票)."""
    return draft.adding([*numbered_meetings(page.text, page.tokens), *referendums(page.text, page.tokens)])


def add_equipment(page: Page, draft: Draft) -> Draft:
    """Designators before a class noun (Ｆ２戦闘機), ships' names (輸送艦「おおすみ」)."""
    return draft.adding([*designators(page.text, page.tokens), *ship_names(page.text)])


def add_proper_noun_runs(page: Page, draft: Draft) -> Draft:
    """Names the model left out, from Sudachi's proper-noun tags, where no span lies.

    Every span GiNZA labelled, kept or dropped (平成 in a Date), counts as taken.
    """
    taken = [(c.start, c.end) for c in draft.candidates] + [(e.start, e.end) for e in page.parsed.entities]
    return draft.adding(proper_noun_runs(page.text, page.tokens, taken))


# -- filters and canonical names -----------------------------------------------------------------


def drop_title_overlaps(page: Page, draft: Draft) -> Draft:
    """A title is never (part of) another entity: candidates overlapping one go (persons stay)."""
    del page
    spans = draft.title_spans
    return draft.keeping(
        c for c in draft.candidates if c.title is not None or not any(c.start < b and a < c.end for a, b in spans)
    )


def drop_non_names(page: Page, draft: Draft) -> Draft:
    """Spans that are no names of our kinds (``filters.is_not_a_name``)."""
    return draft.keeping(
        c for c in draft.candidates if not is_not_a_name(page.text, page.tokens, page.token_at, c)
    )


def add_country_codes(page: Page, draft: Draft) -> Draft:
    """Countries get their ISO 3166-1 code as canonical name."""
    return draft.keeping(with_country_codes(page.text, draft.candidates))


def take_edition_ordinals(page: Page, draft: Draft) -> Draft:
    """An edition's ordinal belongs to a named meeting (第二回 + 東アジア首脳会議)."""
    return draft.keeping(with_edition_ordinals(page.text, draft.candidates))


def add_sessions(page: Page, draft: Draft) -> Draft:
    """A named meeting and its session (第五回六者会合第二セッション)."""
    return draft.adding(sessions(page.text, page.tokens, draft.candidates))


# -- overlaps, lists, short names ----------------------------------------------------------------


def resolve_proposals(page: Page, draft: Draft) -> Draft:
    """One reading per stretch of text, before lists are read (they look at the kept names only)."""
    del page
    return draft.keeping(resolve_overlaps(draft.candidates))


def share_list_parts(page: Page, draft: Draft) -> Draft:
    """Lists share what they leave out: 日米、日中、日ロ首脳会談; …水上部隊及び航空隊; 東京オリンピック・パラリンピック.

    All three read the same resolved candidates; the units are remembered for ``resolve_short_names``.
    """
    text, tokens, cands = page.text, page.tokens, draft.candidates
    units = coordinated_units(text, tokens, cands)
    shared = [*elided_meeting_heads(text, tokens, cands), *joined_events(text, cands), *units]
    return replace(draft, candidates=(*cands, *shared), units=tuple(units))


def resolve_list_parts(page: Page, draft: Draft) -> Draft:
    """The list items against the names they overlap: short names are then read off one reading."""
    del page
    return draft.keeping(resolve_overlaps(draft.candidates))


def resolve_short_names(page: Page, draft: Draft) -> Draft:
    """Short names defined in the text get their full name; their later mentions become entities.

    Mentions are added only where no candidate lies, so no third overlap resolution is needed.
    """
    later = [ShortName(page.text[u.start : u.end], page.text[u.start : u.end], u.start, u.end) for u in draft.units]
    return draft.keeping(apply_definitions(page.text, page.tokens, draft.candidates, later))


# -- identity ------------------------------------------------------------------------------------


def add_keys(page: Page, draft: Draft) -> Draft:
    """Identity keys on the final candidates: persons, bodies and countries (``identity.with_keys``).

    Last, because a surname is keyed by the whole names of the document around it.
    """
    return draft.keeping(with_keys(page.text, page.tokens, draft.candidates, page.document_date))


PASSES: tuple[Pass, ...] = (
    read_parse,
    extend_by_heads,
    read_tokens_under_spans,
    add_titled_persons,
    drop_common_noun_persons,
    add_speakers,
    add_seas,
    add_zones,
    add_facility_areas,
    add_replacement_facilities,
    add_located_places,
    note_title_spans,
    add_assembled_names,
    add_statutes,
    add_bodies,
    add_meetings,
    add_equipment,
    add_proper_noun_runs,
    drop_title_overlaps,
    drop_non_names,
    add_country_codes,
    take_edition_ordinals,
    add_sessions,
    resolve_proposals,
    share_list_parts,
    resolve_list_parts,
    resolve_short_names,
    add_keys,
)


def run_passes(
    text: str, parsed: ParsedDoc, passes: Sequence[Pass] = PASSES, *, document_date: dt.date | None = None
) -> Draft:
    """The draft after ``passes`` (all of them by default) over ``text`` and its parse."""
    page = Page.of(text, parsed, document_date)
    draft = Draft()
    for step in passes:
        draft = step(page, draft)
    return draft


def find_entities(
    text: str, parsed: ParsedDoc, *, sentences: Sequence[Sentence] = (), document_date: dt.date | None = None
) -> tuple[Entity, ...]:
    """Entities of ``text`` from its GiNZA parse (domain ruler included), per ANNOTATION.md.

    Args:
        text: the document text; every offset below indexes it (code points, end exclusive).
        parsed: GiNZA's parse of ``text`` as records (ruler spans carry our labels, model spans
            ENE labels).
        sentences: unused for now (kept for the stage interface).
        document_date: the document's date: a surname and title are keyed to the office holder
            of that day (``identity``, ``offices``); without it only the document names persons.

    Returns:
        Entities sorted by offset, ids ``e0``, ``e1``...; PERSON entities carry ``title`` and
        ``title_qualifier`` spans. Nothing is raised for odd input: spans that do not fit are
        dropped.
    """
    del sentences
    return tuple(
        Entity(
            id=f"e{i}",
            start=c.start,
            end=c.end,
            surface=text[c.start : c.end],
            label=c.label,
            subtype=c.subtype,
            canonical=c.canonical,
            title=c.title,
            title_qualifier=c.qualifier,
            source=c.source,
            key=c.key,
        )
        for i, c in enumerate(run_passes(text, parsed, document_date=document_date).candidates)
    )
