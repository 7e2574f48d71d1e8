"""``run_extract``: compose the stages over a corpus and write the outputs.

Documents stream through in batches (GiNZA is fed a batch at a time); each document is isolated,
so a failure is reported and the run goes on. Records are spooled to disk as they are made and
written out sorted by ``doc_id`` at the end, atomically: memory stays flat however large the
corpus, and an interrupted run leaves the previous outputs as they were.
"""

from __future__ import annotations

import functools
import logging
import sys
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pipeline.commitments import find_commitments
from pipeline.config import Config
from pipeline.dates import find_dates
from pipeline.documents import InputFailure, ReadMeter, document_date, read_documents
from pipeline.entities import configure_nlp, find_entities
from pipeline.entities import fingerprint as entities_fingerprint
from pipeline.errors import Code
from pipeline.jsonl import atomic_writer, dumps
from pipeline.manifest import build_manifest
from pipeline.parse import PARSE_VERSION, ParseCache, ParsedDoc, Parser
from pipeline.record import to_record, token_rows
from pipeline.resources import MODEL_NAME, load_nlp, load_tagger, package_versions
from pipeline.schema import STAGE_VERSIONS, Document, Extraction, RecordWarning
from pipeline.tokens import find_sentences

if TYPE_CHECKING:
    import fugashi
    from spacy.language import Language

logger = logging.getLogger(__name__)

# GiNZA components no stage reads (mode C only: no compound splitting).
DISABLED_COMPONENTS: tuple[str, ...] = ("compound_splitter",)


@dataclass
class Resources:
    """What a process needs to run the stages: built once per process, passed explicitly."""

    tagger: fugashi.Tagger
    parser: Parser | None

    @classmethod
    def create(cls, config: Config) -> Resources:
        """Load the tagger now and prepare the (lazy) GiNZA parser if a stage needs it."""
        parser = None
        if config.needs_parser:
            load = functools.partial(build_nlp, numpy_gemm=config.numpy_gemm)
            parser = Parser(load=load, cache=ParseCache(config.cache_dir, parse_fingerprint()))
            parser.batch_chars = config.batch_chars
        return cls(tagger=load_tagger(), parser=parser)


def build_nlp(*, numpy_gemm: bool = True) -> Language:
    """GiNZA with the components we do not read disabled and the domain layer added."""
    nlp = load_nlp(disable=DISABLED_COMPONENTS, numpy_gemm=numpy_gemm)
    configure_nlp(nlp)
    # The domain ruler presets entities with labels GiNZA's NER never saw; spaCy adds NER moves
    # for them at the first parse. That parse runs in a memory zone, which frees every string it
    # interned, so the labels must be interned for good first (else spaCy raises E018 later).
    for name in nlp.pipe_names:
        for label in getattr(nlp.get_pipe(name), "labels", None) or ():
            nlp.vocab.strings.add(label)
    return nlp


def parse_fingerprint() -> str:
    """Everything that shapes a GiNZA parse: the cache key's prefix."""
    versions = package_versions()
    parts = [
        PARSE_VERSION,
        MODEL_NAME,
        str(versions.get("ja-ginza")),
        str(versions.get("ginza")),
        str(versions.get("spacy")),
        str(versions.get("SudachiDict-core")),
        ",".join(DISABLED_COMPONENTS),
        entities_fingerprint(),
    ]
    return "|".join(parts)


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
    tagger = res.tagger if "tokens" in config.stages else None
    sentences = find_sentences(doc.text, tagger)
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
        entities = find_entities(doc.text, parsed, sentences=extraction.sentences)
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
    if config.verbose:
        traceback.print_exception(exc, file=sys.stderr)
    reason = f"doc_id {doc.doc_id}: {type(exc).__name__}: {exc}"
    return InputFailure(doc.source.path, doc.source.line, Code.E111_STAGE, reason)


def _outcome(extraction: Extraction, config: Config) -> Outcome:
    doc = extraction.document
    if config.strict and extraction.warnings:
        first = extraction.warnings[0]
        failure = InputFailure(
            doc.source.path,
            doc.source.line,
            Code(first.code),
            f"doc_id {doc.doc_id} at {first.start}: {first.message} (--strict)",
        )
        return Outcome(doc.doc_id, None, None, {}, failure)
    record = to_record(extraction)
    tokens = ""
    if "tokens" in config.stages:
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


@dataclass
class Spool:
    """Lines appended in arrival order to a temporary file, read back sorted by doc_id."""

    path: Path
    index: list[tuple[str, int, int]] = field(default_factory=list)
    _handle: IO[bytes] | None = None

    def __post_init__(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("wb")

    def add(self, doc_id: str, text: str) -> None:
        """Append one document's lines."""
        assert self._handle is not None
        data = text.encode("utf-8")
        self.index.append((doc_id, self._handle.tell(), len(data)))
        self._handle.write(data)

    def write_sorted(self, target: Path) -> None:
        """Write the spooled lines to ``target`` (atomically) in doc_id order, then drop the spool."""
        assert self._handle is not None
        self._handle.close()
        with self.path.open("rb") as src, atomic_writer(target) as dst:
            for _, offset, length in sorted(self.index):
                src.seek(offset)
                dst.write(src.read(length).decode("utf-8"))
        self.discard()

    def discard(self) -> None:
        """Remove the spool file."""
        if self._handle is not None and not self._handle.closed:
            self._handle.close()
        self.path.unlink(missing_ok=True)


@dataclass
class RunSummary:
    """What a run did: counts, failures, where it wrote."""

    documents: int = 0
    chars: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0
    peak_rss_mb_workers: int = 0

    @property
    def exit_status(self) -> int:
        """0 when every document was processed, 1 otherwise."""
        return 1 if self.failures else 0


def sibling_paths(out: Path) -> tuple[Path, Path]:
    """``tokens.jsonl`` and ``manifest.json`` beside ``extractions.jsonl``; ``X.tokens.jsonl`` else."""
    if out.name == "extractions.jsonl":
        return out.with_name("tokens.jsonl"), out.with_name("manifest.json")
    stem = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(f"{stem}.tokens.jsonl"), out.with_name(f"{stem}.manifest.json")


def run_extract(
    inputs: Sequence[Path],
    out: Path,
    config: Config,
    *,
    stderr: IO[str] | None = None,
) -> RunSummary:
    """Extract every document of ``inputs`` into ``out`` (+ tokens and manifest beside it).

    Bad documents are reported on ``stderr`` (one line each) and listed in the manifest; the rest
    are written. Outputs are replaced atomically only when the run completes.
    """
    from pipeline.engines import run_batches  # engines import process_batch from here

    stderr = stderr if stderr is not None else sys.stderr
    started = time.perf_counter()
    tokens_path, manifest_path = sibling_paths(out)
    summary = RunSummary(counts={"dates": 0, "entities": 0, "commitments": 0, "warnings": 0})
    records = Spool(out.with_name(out.name + ".spool.tmp"))
    tokens = Spool(out.with_name(out.name + ".tokens.spool.tmp"))
    try:
        meter = ReadMeter()
        stream = read_documents(inputs, meter)
        for outcome in run_batches(stream, config, summary, stderr, meter.fraction):
            if outcome.failure is not None:
                summary.failures.append(outcome.failure)
                print(str(outcome.failure), file=stderr)
                continue
            assert outcome.record is not None
            records.add(outcome.doc_id, outcome.record)
            if outcome.tokens:
                tokens.add(outcome.doc_id, outcome.tokens)
            summary.documents += 1
            summary.chars += outcome.counts.get("chars", 0)
            for key in summary.counts:
                summary.counts[key] += outcome.counts.get(key, 0)
        summary.seconds = time.perf_counter() - started
        records.write_sorted(out)
        if "tokens" in config.stages:
            tokens.write_sorted(tokens_path)
        else:
            tokens.discard()
        manifest = build_manifest(inputs, config, summary, stage_versions=STAGE_VERSIONS)
        from pipeline.jsonl import write_json

        write_json(manifest_path, manifest)
    finally:
        records.discard()
        tokens.discard()
    return summary


__all__ = ["Outcome", "Resources", "RunSummary", "process_batch", "run_extract"]
