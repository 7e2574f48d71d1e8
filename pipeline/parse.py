"""GiNZA parses as plain records, with a content-addressed cache.

The entities and commitments stages read GiNZA's output through ``ParsedDoc``: tokens with
dependencies and bunsetu labels, and entity spans, all with offsets into the document text.
Converting at this boundary keeps spaCy out of the rule code (and out of its tests), lets a
cached parse be read back without importing spaCy or loading the model, and makes long documents
simple: they are parsed in chunks cut at sentence boundaries and the offsets are shifted back.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Bump when the ParsedDoc layout or the chunking changes: old cache entries become misses.
PARSE_VERSION = "parse.v2"

# Sudachi rejects inputs over 49,149 bytes; stay well below (UTF-8 Japanese is 3 bytes a char).
MAX_CHUNK_BYTES = 40_000
# A chunk is also at most this many characters: GiNZA's memory grows with the tokens it holds at
# once, so capping chunks (and groups, see Parser.batch_chars) keeps the peak the same for any
# corpus. A constant, not a setting: chunking shapes the parse, and the cache key must fix it.
MAX_CHUNK_CHARS = 10_000
# A single sentence longer than this is cut at 、/spaces, then hard.
MAX_SENTENCE_CHARS = MAX_CHUNK_CHARS


@dataclass(frozen=True, slots=True)
class ParsedToken:
    """One GiNZA (Sudachi mode C) token with its dependency and bunsetu information."""

    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    inflection: str
    bunsetu_bi: str
    bunsetu_position: str
    sent_start: bool


@dataclass(frozen=True, slots=True)
class ParsedEntity:
    """An entity span from GiNZA's pipeline (``label`` is the ENE label or a ruler label)."""

    start: int
    end: int
    label: str
    ent_id: str


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """GiNZA's reading of a whole document; token ``head`` indexes ``tokens``."""

    tokens: tuple[ParsedToken, ...] = ()
    entities: tuple[ParsedEntity, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Compact, versioned form for the cache."""
        return {
            "v": PARSE_VERSION,
            "tokens": [
                [
                    t.start,
                    t.end,
                    t.lemma,
                    t.pos,
                    t.tag,
                    t.dep,
                    t.head,
                    t.inflection,
                    t.bunsetu_bi,
                    t.bunsetu_position,
                    t.sent_start,
                ]
                for t in self.tokens
            ],
            "entities": [[e.start, e.end, e.label, e.ent_id] for e in self.entities],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedDoc:
        """Inverse of ``to_json``; raise ``ValueError`` on another layout version."""
        if data.get("v") != PARSE_VERSION:
            raise ValueError(f"parse layout {data.get('v')!r}, expected {PARSE_VERSION}")
        tokens = tuple(ParsedToken(*row) for row in data["tokens"])
        entities = tuple(ParsedEntity(*row) for row in data["entities"])
        return cls(tokens=tokens, entities=entities)


def chunk_spans(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous chunks under MAX_CHUNK_BYTES, at sentence boundaries.

    Chunks cover the whole text (whitespace between sentences included), so parsing them and
    shifting offsets reproduces the document's coordinates exactly.
    """
    if len(text) <= MAX_CHUNK_CHARS and len(text.encode("utf-8")) <= MAX_CHUNK_BYTES:
        return [(0, len(text))] if text else []
    cuts = [0]
    for start, _ in sentences:
        if start > 0:
            cuts.append(start)
    cuts.append(len(text))
    pieces: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        pieces.extend(_cut_long(text, a, b))
    chunks: list[tuple[int, int]] = []
    begin = 0
    size = 0
    for a, b in pieces:
        piece_bytes = len(text[a:b].encode("utf-8"))
        if size and (size + piece_bytes > MAX_CHUNK_BYTES or b - begin > MAX_CHUNK_CHARS):
            chunks.append((begin, a))
            begin, size = a, 0
        size += piece_bytes
    if begin < len(text):
        chunks.append((begin, len(text)))
    return chunks


def _cut_long(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Split a sentence longer than MAX_SENTENCE_CHARS after 、 or whitespace, else hard."""
    while b - a > MAX_SENTENCE_CHARS:
        window = text[a : a + MAX_SENTENCE_CHARS]
        cut = max(window.rfind(sep) for sep in ("、", "，", " ", "\u3000"))
        cut = a + cut + 1 if cut > MAX_SENTENCE_CHARS // 2 else a + MAX_SENTENCE_CHARS
        yield a, cut
        a = cut
    if a < b:
        yield a, b


def doc_to_parsed(doc: Doc, offset: int, token_base: int) -> tuple[list[ParsedToken], list[ParsedEntity]]:
    """Convert one spaCy/GiNZA Doc (a chunk starting at ``offset``) to records."""
    import ginza

    try:
        bi_labels = ginza.bunsetu_bi_labels(doc)
        positions = ginza.bunsetu_position_types(doc)
    except (KeyError, AttributeError, TypeError):
        bi_labels = ["B" if t.i == 0 else "I" for t in doc]
        positions = ["" for _ in doc]
    tokens = [
        ParsedToken(
            start=offset + t.idx,
            end=offset + t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=token_base + t.head.i,
            inflection=";".join(t.morph.get("Inflection", [])),
            bunsetu_bi=bi_labels[t.i],
            bunsetu_position=positions[t.i],
            sent_start=bool(t.is_sent_start),
        )
        for t in doc
    ]
    ents = [ParsedEntity(offset + e.start_char, offset + e.end_char, e.label_, e.ent_id_) for e in doc.ents]
    return tokens, ents


@dataclass
class ParseCache:
    """Parses on disk, one gzipped JSON file per (text, model, rules) key.

    ``root`` None disables caching. Files are written atomically, so parallel workers sharing a
    cache never see half a file.
    """

    root: Path | None
    fingerprint: str
    hits: int = 0
    misses: int = 0

    def key(self, text: str) -> str:
        """Content address: the text and everything that shapes its parse."""
        digest = hashlib.sha256()
        digest.update(self.fingerprint.encode("utf-8"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json.gz"

    def get(self, text: str) -> ParsedDoc | None:
        """The cached parse of ``text``, or None."""
        if self.root is None:
            return None
        path = self._path(self.key(text))
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                parsed = ParsedDoc.from_json(json.load(handle))
        except (OSError, ValueError, EOFError, KeyError, TypeError):
            return None
        self.hits += 1
        return parsed

    def put(self, text: str, parsed: ParsedDoc) -> None:
        """Store a parse (best effort: a full disk must not fail the run)."""
        if self.root is None:
            return
        path = self._path(self.key(text))
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as handle:
                json.dump(parsed.to_json(), handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)


def _groups(texts: Sequence[str], max_chars: int) -> Iterator[list[int]]:
    """Indices of ``texts`` in consecutive groups of about ``max_chars`` characters.

    Parses do not depend on the group a text is in, so grouping only bounds memory.
    """
    group: list[int] = []
    size = 0
    for k, text in enumerate(texts):
        if group and size + len(text) > max_chars:
            yield group
            group, size = [], 0
        group.append(k)
        size += len(text)
    if group:
        yield group


def run_pipeline(nlp: Language, texts: Sequence[str], *, fast_ner: bool = True) -> list[Doc]:
    """``nlp.pipe(texts, batch_size=len(texts))``, with GiNZA's NER decoded by ``run_ner``."""
    if not fast_ner:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    from pipeline.ginza_ner import run_ner

    docs = [nlp.make_doc(text) for text in texts]
    size = max(len(texts), 1)
    for name, proc in nlp.pipeline:
        if name == "ner":
            run_ner(proc, docs, size)
        elif hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=size))
        else:
            docs = [proc(doc) for doc in docs]
    return docs


@dataclass
class Parser:
    """Parses texts with GiNZA, through the cache; the model is loaded on the first miss only."""

    load: Callable[[], Language]
    cache: ParseCache
    batch_chars: int = 10_000
    # decode GiNZA's NER with pipeline.ginza_ner (same entities, no GIL round trips per move)
    fast_ner: bool = True
    _nlp: Language | None = field(default=None, repr=False)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded lazily."""
        if self._nlp is None:
            self._nlp = self.load()
        return self._nlp

    def parse_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[ParsedDoc]:
        """Parse ``(text, sentence_spans)`` items; cached ones are read back, misses batched."""
        results: list[ParsedDoc | None] = [self.cache.get(text) for text, _ in items]
        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            self.cache.misses += len(todo)
            chunk_texts: list[str] = []
            owners: list[tuple[int, int]] = []  # (item index, chunk offset)
            for i in todo:
                text, sentences = items[i]
                for a, b in chunk_spans(text, sentences):
                    chunk_texts.append(text[a:b])
                    owners.append((i, a))
            tokens: dict[int, list[ParsedToken]] = {i: [] for i in todo}
            ents: dict[int, list[ParsedEntity]] = {i: [] for i in todo}
            for group in _groups(chunk_texts, self.batch_chars):
                # A memory zone frees the strings spaCy interns for these docs once they are
                # converted: without it the vocabulary grows for as long as the run lasts.
                with self.nlp.memory_zone():
                    texts = [chunk_texts[k] for k in group]
                    for k, doc in zip(group, run_pipeline(self.nlp, texts, fast_ner=self.fast_ner), strict=True):
                        if doc.text != chunk_texts[k]:
                            raise RuntimeError("GiNZA changed the text of a chunk; offsets would drift")
                        i, offset = owners[k]
                        toks, es = doc_to_parsed(doc, offset, len(tokens[i]))
                        tokens[i].extend(toks)
                        ents[i].extend(es)
            for i in todo:
                parsed = ParsedDoc(tokens=tuple(tokens[i]), entities=tuple(ents[i]))
                self.cache.put(items[i][0], parsed)
                results[i] = parsed
        return [r for r in results if r is not None]
