"""One batch of documents through the stages, each document isolated.

Stages that need no GiNZA (sentences, tokens, dates) run first for every document; GiNZA parses
the batch at once (through the cache); then entities and commitments read the parse. A document
that fails anywhere becomes one coded failure and the others go on.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.commitments import find_commitments
from pipeline.config import Config
from pipeline.dates import find_dates
from pipeline.documents import InputFailure, document_date
from pipeline.entities import find_entities
from pipeline.errors import Code, error_text
from pipeline.jsonl import dumps
from pipeline.parse import ParsedDoc
from pipeline.record import to_record, token_rows
from pipeline.runtime import Resources
from pipeline.schema import Document, Extraction, RecordWarning
from pipeline.tokens import find_sentences


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document's result: its serialized record and token rows, or its failure."""

    doc_id: str
    record: str | None
    tokens: str | None
    counts: dict[str, int]
    failure: InputFailure | None = None


def _analyse(doc: Document, res: Resources, config: Config) -> tuple[Extraction, Any]:
    """Stages that need no GiNZA: sentences, tokens, dates."""
    sentences = find_sentences(doc.text, res.tagger if config.tokens else None)
    dates: tuple[Any, ...] = ()
    warnings: tuple[RecordWarning, ...] = ()
    if "dates" in config.stages:
        found = find_dates(doc.text, document_date=document_date(doc), sentences=sentences)
        dates, warnings = found.dates, found.warnings
    return Extraction(document=doc, sentences=sentences, dates=dates, warnings=warnings), None


def _finish(extraction: Extraction, parsed: ParsedDoc | None, config: Config) -> Extraction:
    """Stages over GiNZA's parse: entities, then commitments."""
    doc = extraction.document
    entities: tuple[Any, ...] = ()
    commitments: tuple[Any, ...] = ()
    if parsed is not None and "entities" in config.stages:
        entities = find_entities(doc.text, parsed, sentences=extraction.sentences, document_date=document_date(doc))
    if parsed is not None and "commitments" in config.stages:
        commitments = find_commitments(
            doc.text,
            parsed,
            sentences=extraction.sentences,
            dates=extraction.dates,
            entities=entities,
            meta=doc.meta,
        )
    return Extraction(
        document=doc,
        sentences=extraction.sentences,
        dates=extraction.dates,
        entities=entities,
        commitments=commitments,
        warnings=extraction.warnings,
    )


def _failure(doc: Document, exc: BaseException, config: Config) -> InputFailure:
    """E111: the exception in the message; its traceback in the manifest (and on stderr with --verbose)."""
    if config.verbose:
        traceback.print_exception(exc, file=sys.stderr)
    reason = f"doc_id {doc.doc_id}: {error_text(exc)}"
    trace = "".join(traceback.format_exception(exc))
    return InputFailure(doc.source.path, doc.source.line, Code.E111_STAGE, reason, traceback=trace)


def _outcome(extraction: Extraction, config: Config) -> Outcome:
    doc = extraction.document
    if config.strict and extraction.warnings:
        # The first warning's code; every warning in the message (the manifest keeps them all).
        first = extraction.warnings[0]
        found = "; ".join(f"{w.code} at {w.start}: {w.message}" for w in extraction.warnings)
        reason = f"doc_id {doc.doc_id}: {len(extraction.warnings)} warning(s) (--strict): {found}"
        failure = InputFailure(doc.source.path, doc.source.line, Code(first.code), reason)
        return Outcome(doc.doc_id, None, None, {}, failure)
    record = to_record(extraction)
    tokens = ""
    if config.tokens:
        tokens = "".join(dumps(row) + "\n" for row in token_rows(doc.doc_id, extraction.sentences))
    counts = {
        "dates": len(extraction.dates),
        "entities": len(extraction.entities),
        "commitments": len(extraction.commitments),
        "warnings": len(extraction.warnings),
        "chars": len(doc.text),
    }
    return Outcome(doc.doc_id, dumps(record) + "\n", tokens, counts)


def process_batch(docs: Sequence[Document], res: Resources, config: Config) -> list[Outcome]:
    """Run every selected stage over a batch of documents, isolating each document."""
    outcomes: dict[int, Outcome] = {}
    analysed: dict[int, Extraction] = {}
    for i, doc in enumerate(docs):
        try:
            analysed[i] = _analyse(doc, res, config)[0]
        except Exception as exc:  # noqa: BLE001 - one document must not stop the run
            outcomes[i] = Outcome(doc.doc_id, None, None, {}, _failure(doc, exc, config))
    parsed: dict[int, ParsedDoc | None] = dict.fromkeys(analysed)
    if res.parser is not None and analysed:
        order = sorted(analysed)
        items = [(analysed[i].document.text, [(s.start, s.end) for s in analysed[i].sentences]) for i in order]
        try:
            parsed.update(zip(order, res.parser.parse_many(items), strict=True))
        except Exception:  # noqa: BLE001 - find the document that broke the batch
            for i, item in zip(order, items, strict=True):
                try:
                    parsed[i] = res.parser.parse_many([item])[0]
                except Exception as exc:  # noqa: BLE001
                    outcomes[i] = Outcome(docs[i].doc_id, None, None, {}, _failure(docs[i], exc, config))
                    analysed.pop(i)
    for i, extraction in analysed.items():
        try:
            outcomes[i] = _outcome(_finish(extraction, parsed.get(i), config), config)
        except Exception as exc:  # noqa: BLE001
            outcomes[i] = Outcome(docs[i].doc_id, None, None, {}, _failure(docs[i], exc, config))
    return [outcomes[i] for i in range(len(docs))]


def batched(
    items: Iterable[Document | InputFailure], size: int, max_chars: int
) -> Iterator[list[Document | InputFailure]]:
    """Group a stream into batches of at most ``size`` documents or about ``max_chars`` characters.

    A longer document makes a batch of its own; failures ride along with the documents.
    """
    batch: list[Document | InputFailure] = []
    docs = chars = 0
    for item in items:
        if isinstance(item, Document):
            if docs and chars + len(item.text) > max_chars:
                yield batch
                batch, docs, chars = [], 0, 0
            docs += 1
            chars += len(item.text)
        batch.append(item)
        if docs >= size:
            yield batch
            batch, docs, chars = [], 0, 0
    if batch:
        yield batch


__all__ = ["Outcome", "batched", "process_batch"]
