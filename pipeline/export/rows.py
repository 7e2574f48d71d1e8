"""Records to table rows: one function per table, each row a dict of the table's columns.

Fields a record does not have yet (``key`` on entities, ``recipient``, ``speaker`` and ``generic``
on commitments, all schema 2) are read when present and null (``generic``: false) when absent.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pipeline.evaluate.corpus import genre_of

Row = dict[str, Any]
_YEAR = re.compile(r"(\d{4})")


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _surface(value: object) -> str | None:
    """A span's surface (a qualifier is a span in the records), or a plain string as it is."""
    if isinstance(value, Mapping):
        return _str_or_none(value.get("surface"))
    return _str_or_none(value)


class Doc:
    """One record with what every row of it needs: its id, date, sentence lookup and entities."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        self.record = record
        self.doc_id = str(record.get("doc_id"))
        self.meta = _map(record.get("meta"))
        self.date = _str_or_none(self.meta.get("date"))
        self.text = str(record.get("text") or "")
        self.sentences = [(int(s["start"]), int(s["end"])) for s in _list(record.get("sentences"))]
        self._starts = [s for s, _ in self.sentences]
        self.entities = {str(e.get("id")): e for e in _list(record.get("entities"))}

    def base(self) -> Row:
        """The columns every item row starts with."""
        return {"doc_id": self.doc_id, "doc_date": self.date}

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index if index >= 0 else None

    def span(self, item: Mapping[str, Any]) -> Row:
        """start, end, surface, sentence and context of a span item."""
        start, end = int(item["start"]), int(item["end"])
        sentence = self.sentence_of(start)
        context = None
        if sentence is not None:
            s_start, s_end = self.sentences[sentence]
            context = self.text[s_start:s_end]
        return {"start": start, "end": end, "surface": item.get("surface"), "sentence": sentence, "context": context}

    def entity_key(self, entity_id: object) -> str | None:
        """The key of an entity of this record, by id."""
        return _str_or_none(_map(self.entities.get(str(entity_id))).get("key"))

    def year(self, value: object) -> int | None:
        """The year of a date value (null for 199X), else of the document date when there is no value."""
        candidate = self.date if value is None else str(value).removeprefix("FY")
        match = _YEAR.match(candidate or "")
        return int(match[1]) if match else None


def document_row(doc: Doc) -> Row:
    """The ``documents`` row of a record."""
    record, source = doc.record, _map(doc.record.get("source"))
    line = source.get("line")
    return {
        "doc_id": doc.doc_id,
        "doc_date": doc.date,
        "title": _str_or_none(doc.meta.get("title")),
        "genre": genre_of(doc.doc_id, record=record),
        "source_path": _str_or_none(source.get("path")),
        "source_line": int(line) if line is not None else None,
        "source_sha256": _str_or_none(source.get("sha256")),
        "chars": len(doc.text),
        "sentences": len(doc.sentences),
        "dates": len(_list(record.get("dates"))),
        "entities": len(_list(record.get("entities"))),
        "commitments": len(_list(record.get("commitments"))),
        "warnings": len(_list(record.get("warnings"))),
        "meta_json": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
    }


def date_rows(doc: Doc) -> Iterator[Row]:
    """The ``dates`` rows of a record."""
    for d in _list(doc.record.get("dates")):
        era_year = d.get("era_year")
        yield {
            **doc.base(),
            "date_id": _str_or_none(d.get("id")),
            **doc.span(d),
            "value": _str_or_none(d.get("value")),
            "mod": d.get("mod"),
            "part": d.get("part"),
            "range": d.get("range"),
            "flags": [str(f) for f in _list(d.get("flags"))],
            "resolved_from": _str_or_none(d.get("resolved_from")),
            "era": d.get("era"),
            "era_year": int(era_year) if era_year is not None else None,
        }


def entity_rows(doc: Doc) -> Iterator[Row]:
    """The ``entities`` rows of a record."""
    for e in _list(doc.record.get("entities")):
        title = _map(e.get("title"))
        yield {
            **doc.base(),
            "entity_id": _str_or_none(e.get("id")),
            **doc.span(e),
            "label": e.get("label"),
            "subtype": e.get("subtype"),
            "key": _str_or_none(e.get("key")),
            "canonical": _str_or_none(e.get("canonical")),
            "title": title.get("surface"),
            "title_start": title.get("start"),
            "title_end": title.get("end"),
            "title_qualifier": _surface(e.get("title_qualifier")),
        }


def _members(party: object) -> list[str]:
    return sorted(str(m) for m in _list(_map(party).get("members")))


def _speaker(doc: Doc, c: Mapping[str, Any]) -> Row:
    speaker = _map(c.get("speaker"))
    entity_id = speaker.get("entity_id")
    surface = speaker.get("surface") or _map(doc.entities.get(str(entity_id))).get("surface")
    title = speaker.get("title")
    if isinstance(title, Mapping):
        title = title.get("surface")
    return {
        "speaker": _str_or_none(surface),
        "speaker_title": _str_or_none(title),
        "speaker_key": doc.entity_key(entity_id) if entity_id is not None else None,
    }


def _arguments(doc: Doc, c: Mapping[str, Any]) -> Row:
    actor, date, venue, content = (_map(c.get(k)) for k in ("actor", "date", "venue", "content"))
    return {
        "actor_members": _members(actor),
        "actor_inferred": bool(actor.get("inferred")) if actor else None,
        "recipient_members": _members(c.get("recipient")),
        **_speaker(doc, c),
        "date_value": _str_or_none(date.get("value")),
        "date_id": _str_or_none(date.get("date_id")),
        "year": doc.year(date.get("value")),
        "venue": _str_or_none(venue.get("surface")),
        "venue_entity_id": _str_or_none(venue.get("entity_id")),
        "venue_key": doc.entity_key(venue.get("entity_id")) if venue else None,
        "content": _str_or_none(content.get("surface")),
        "content_start": content.get("start"),
        "content_end": content.get("end"),
    }


def commitment_rows(doc: Doc) -> Iterator[Row]:
    """The ``commitments`` rows of a record."""
    source = _map(doc.record.get("source"))
    for c in _list(doc.record.get("commitments")):
        trigger = _map(c.get("trigger")) or c
        located = doc.span(trigger)
        yield {
            **doc.base(),
            "doc_title": _str_or_none(doc.meta.get("title")),
            "source_path": _str_or_none(source.get("path")),
            "commitment_id": _str_or_none(c.get("id")),
            "type": c.get("type"),
            "mention": c.get("mention"),
            "polarity": c.get("polarity"),
            "generic": bool(c.get("generic")),
            "trigger": trigger.get("surface"),
            "trigger_lemma": trigger.get("lemma"),
            "trigger_start": located["start"],
            "trigger_end": located["end"],
            **_arguments(doc, c),
            "evidence_start": c.get("start"),
            "evidence_end": c.get("end"),
            "evidence": c.get("surface"),
            "sentence": located["sentence"],
            "context": located["context"],
        }


def party_rows(commitments: Sequence[Row]) -> Iterator[Row]:
    """The ``commitment_parties`` rows: one per actor member and per recipient member."""
    for c in commitments:
        for role in ("actor", "recipient"):
            for member in c[f"{role}_members"]:
                yield {
                    "doc_id": c["doc_id"],
                    "doc_date": c["doc_date"],
                    "commitment_id": c["commitment_id"],
                    "role": role,
                    "member": member,
                    "type": c["type"],
                    "year": c["year"],
                }


def warning_rows(doc: Doc) -> Iterator[Row]:
    """The ``warnings`` rows of a record."""
    for w in _list(doc.record.get("warnings")):
        yield {
            **doc.base(),
            "code": _str_or_none(w.get("code")),
            "start": w.get("start"),
            "end": w.get("end"),
            "message": _str_or_none(w.get("message")),
        }


def rows_of(record: Mapping[str, Any]) -> dict[str, list[Row]]:
    """Every table's rows for one record, by table name."""
    doc = Doc(record)
    commitments = list(commitment_rows(doc))
    return {
        "documents": [document_row(doc)],
        "dates": list(date_rows(doc)),
        "entities": list(entity_rows(doc)),
        "commitments": commitments,
        "commitment_parties": list(party_rows(commitments)),
        "warnings": list(warning_rows(doc)),
    }
