"""The tables ``python -m pipeline export`` writes: their names, columns, types and meanings.

One table per kind of item, one row per item, every row keyed by ``doc_id`` (and the item's id), so
that any two tables join on ``doc_id``. Offsets are code points into the record's ``text``, as in
the JSONL; ``sentence`` is the index of the sentence holding the item's start and ``context`` that
sentence's text, so a doubtful row can be checked without counting characters.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

STR = pa.string()
INT = pa.int64()
BOOL = pa.bool_()
STRS = pa.list_(pa.string())


@dataclass(frozen=True)
class Column:
    """One column: its name, Arrow type and what it holds."""

    name: str
    type: pa.DataType
    doc: str


@dataclass(frozen=True)
class Table:
    """One table: its name, what a row is, and its columns."""

    name: str
    row: str
    columns: tuple[Column, ...]

    @property
    def schema(self) -> pa.Schema:
        """The Arrow schema, with each column's meaning as field metadata."""
        return pa.schema([pa.field(c.name, c.type, metadata={"doc": c.doc}) for c in self.columns])


def _c(name: str, type_: pa.DataType, doc: str) -> Column:
    return Column(name, type_, doc)


_DOC = (
    _c("doc_id", STR, "the record's doc_id"),
    _c("doc_date", STR, "the document date (meta.date, ISO YYYY-MM-DD), null when not given"),
)
_SPAN = (
    _c("start", INT, "first code point of the span in the record's text"),
    _c("end", INT, "one past the last code point"),
    _c("surface", STR, "text[start:end]"),
    _c("sentence", INT, "index of the sentence that holds start"),
    _c("context", STR, "the text of that sentence"),
)

DOCUMENTS = Table(
    "documents",
    "one document (one JSONL record)",
    (
        _c("doc_id", STR, "the record's doc_id"),
        _c("doc_date", STR, "the document date (meta.date)"),
        _c("title", STR, "meta.title, null when not given"),
        _c("genre", STR, "whitepaper, diet, mofa, speech or other (as `evaluate` reads it)"),
        _c("source_path", STR, "the input file"),
        _c("source_line", INT, "the line of a .jsonl input, null for a .txt file"),
        _c("source_sha256", STR, "sha256 of the input file"),
        _c("chars", INT, "length of the text in code points"),
        _c("sentences", INT, "number of sentences"),
        _c("dates", INT, "number of date mentions"),
        _c("entities", INT, "number of entity mentions"),
        _c("commitments", INT, "number of commitments"),
        _c("warnings", INT, "number of warnings"),
        _c("meta_json", STR, "the whole input metadata as a JSON object"),
    ),
)

DATES = Table(
    "dates",
    "one date mention",
    (
        *_DOC,
        _c("date_id", STR, "the date's id in its record (d0, d1, ...)"),
        *_SPAN,
        _c("value", STR, "normalized value: YYYY, YYYY-MM, YYYY-MM-DD, FYYYYY, YYYY-SP, 199X, XXXX-MM-DD"),
        _c("mod", STR, "SINCE, ON_OR_AFTER, AFTER, ON_OR_BEFORE, BEFORE or null"),
        _c("part", STR, "START, MID, END or null"),
        _c("range", STR, "start or end of a range, or null"),
        _c("flags", STRS, "e.g. era_overflow"),
        _c("resolved_from", STR, "id of the date it was resolved against, or document_date"),
        _c("era", STR, "the era named in the mention, if any"),
        _c("era_year", INT, "the era year, if any"),
    ),
)

ENTITIES = Table(
    "entities",
    "one entity mention",
    (
        *_DOC,
        _c("entity_id", STR, "the entity's id in its record (e0, e1, ...)"),
        *_SPAN,
        _c("label", STR, "PERSON, ORG, LOCATION, FACILITY, EVENT, DOCUMENT or PRODUCT"),
        _c("subtype", STR, "the fine type (Country, City, Military_Base, Treaty, ...)"),
        _c("key", STR, "identity across documents (person:岸田文雄, country:US, ...); null when unknown"),
        _c("canonical", STR, "ISO code of a country or the full name of a defined short name"),
        _c("title", STR, "a PERSON's title as written (米国防長官), or null"),
        _c("title_start", INT, "offset of the title"),
        _c("title_end", INT, "end of the title"),
        _c("title_qualifier", STR, "the qualifier of the title as written, e.g. 当時"),
    ),
)

COMMITMENTS = Table(
    "commitments",
    "one commitment",
    (
        *_DOC,
        _c("doc_title", STR, "meta.title of the document"),
        _c("source_path", STR, "the input file of the document"),
        _c("commitment_id", STR, "the commitment's id in its record (c0, c1, ...)"),
        _c("type", STR, "agreement, decision, reaffirmation, confirmation, pledge, intent or request"),
        _c("mention", STR, "main, listed_item or background"),
        _c("polarity", STR, "positive or negative"),
        _c("generic", BOOL, "a formulaic pledge with no concrete content (false when the record has no field)"),
        _c("trigger", STR, "the predicate that makes it a commitment"),
        _c("trigger_lemma", STR, "its lemma"),
        _c("trigger_start", INT, "offset of the trigger"),
        _c("trigger_end", INT, "end of the trigger"),
        _c("actor_members", STRS, "ISO codes (or body names) of the committing parties"),
        _c("actor_inferred", BOOL, "true when no actor is written in the clause"),
        _c("recipient_members", STRS, "parties a request or pledge is addressed to (empty when none)"),
        _c("speaker", STR, "the person stating the act in the first person, as written"),
        _c("speaker_title", STR, "the speaker's office"),
        _c("speaker_key", STR, "the speaker entity's key"),
        _c("date_value", STR, "when the act took place (a date value as in dates.value)"),
        _c("date_id", STR, "the date mention it comes from, or null (document date or inherited)"),
        _c("year", INT, "the year of date_value, else of the document date"),
        _c("venue", STR, "the meeting or document where the act took place"),
        _c("venue_entity_id", STR, "the venue's entity id"),
        _c("venue_key", STR, "the venue entity's key"),
        _c("content", STR, "what is committed to"),
        _c("content_start", INT, "offset of the content"),
        _c("content_end", INT, "end of the content"),
        _c("evidence_start", INT, "offset of the whole evidence span"),
        _c("evidence_end", INT, "end of the evidence span"),
        _c("evidence", STR, "the evidence text"),
        _c("sentence", INT, "index of the sentence holding the trigger"),
        _c("context", STR, "the text of that sentence"),
    ),
)

PARTIES = Table(
    "commitment_parties",
    "one party of a commitment (an actor or a recipient member)",
    (
        *_DOC,
        _c("commitment_id", STR, "the commitment"),
        _c("role", STR, "actor or recipient"),
        _c("member", STR, "an ISO code or a body's short name (JP, US, NATO, ...)"),
        _c("type", STR, "the commitment's type"),
        _c("year", INT, "the commitment's year (as in commitments.year)"),
    ),
)

WARNINGS = Table(
    "warnings",
    "one warning recorded in a document",
    (
        *_DOC,
        _c("code", STR, "W301 impossible date, W302 era overflow, W303 unresolved, W304 long input"),
        _c("start", INT, "offset of the span it is about"),
        _c("end", INT, "end of that span"),
        _c("message", STR, "the warning's text"),
    ),
)

TABLES = (DOCUMENTS, DATES, ENTITIES, COMMITMENTS, PARTIES, WARNINGS)

# Views of the DuckDB file: name -> (what a row is, SQL).
VIEWS: dict[str, tuple[str, str]] = {
    "commitments_by_actor_year": (
        "commitments per acting party, year and type (a joint act counts once for each member)",
        """SELECT member AS actor, year, type, count(*) AS commitments,
                  count(DISTINCT doc_id) AS documents
           FROM commitment_parties WHERE role = 'actor'
           GROUP BY ALL ORDER BY actor, year, type""",
    ),
    "entity_keys": (
        "one identity key: its label, mentions, documents, surfaces and first and last document date",
        """SELECT key, label, count(*) AS mentions, count(DISTINCT doc_id) AS documents,
                  list_sort(list_distinct(list(surface))) AS surfaces,
                  min(doc_date) AS first_date, max(doc_date) AS last_date
           FROM entities WHERE key IS NOT NULL
           GROUP BY key, label ORDER BY mentions DESC, key""",
    ),
    "entity_names": (
        "one name per label (canonical name, else the surface), for entities with or without a key",
        """SELECT label, coalesce(canonical, surface) AS name, count(*) AS mentions,
                  count(DISTINCT doc_id) AS documents, list_sort(list_distinct(list(key))) AS keys
           FROM entities GROUP BY ALL ORDER BY mentions DESC, label, name""",
    ),
    "commitments_specific": (
        "the commitments an analyst reads first: main mentions that are not generic pledges",
        """SELECT * FROM commitments WHERE NOT generic AND mention = 'main'""",
    ),
}
