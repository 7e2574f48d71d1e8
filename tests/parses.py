"""Stored GiNZA parses: the rule stages' test data, read back without loading the model.

The entity and commitment rules are pure functions over ``ParsedDoc``, so their tests need GiNZA's
output, not GiNZA (rhoknp keeps its analyzer outputs as test files for the same reason). Two stores
under ``tests/fixtures/parses/``:

- ``<doc_id>.json.gz``: the parse of each document of ``tests/fixtures/raw`` and ``raw/``, for the
  byte-identical snapshot of the whole pipeline (``tests/test_snapshot.py``);
- ``snippets.jsonl.gz``: the parse of every sentence a rule test parses, keyed by its text.

``fingerprint.json`` records what shaped them (model, library versions, the entity ruler's
patterns, which sit before GiNZA's NER): stored parses are valid only while it is unchanged, which
``tests/test_parses.py`` checks, and a slow test there re-parses everything to catch model drift.
``pytest --update-goldens`` parses what is missing (or everything, when the fingerprint changed)
with GiNZA and rewrites the stores.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.parse import ParseCache, ParsedDoc

PARSES = Path(__file__).resolve().parent / "fixtures" / "parses"
SNIPPETS = PARSES / "snippets.jsonl.gz"
FINGERPRINT = PARSES / "fingerprint.json"


def text_key(text: str) -> str:
    """Content address of a text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_gzip(path: Path, data: str) -> None:
    """Deterministic gzip (no name, mtime 0): the same content gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(data.encode("utf-8"))
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def current_fingerprint() -> dict[str, str]:
    """What shapes a parse now: the cache key's prefix, the ruler's share of it, and its patterns.

    ``patterns`` hashes exactly what the EntityRuler before GiNZA's NER is given; a refactor may
    change how ``parse`` and ``ruler`` are computed (file names, code versions) but never this.
    """
    from pipeline.entities import fingerprint as ruler_fingerprint
    from pipeline.entities.ruler import build_patterns
    from pipeline.runtime import parse_fingerprint

    patterns = json.dumps(build_patterns(), ensure_ascii=False, sort_keys=True)
    return {"parse": parse_fingerprint(), "patterns": text_key(patterns), "ruler": ruler_fingerprint()}


def stored_fingerprint() -> dict[str, str] | None:
    """The fingerprint the stored parses were made under."""
    if not FINGERPRINT.exists():
        return None
    data: dict[str, str] = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    return data


def write_fingerprint() -> None:
    """Record the current fingerprint beside the parses."""
    FINGERPRINT.write_text(json.dumps(current_fingerprint(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


# -- whole documents -----------------------------------------------------------------------------


def doc_path(doc_id: str) -> Path:
    """Where a document's parse is stored (doc ids of the fixtures are file-name safe)."""
    return PARSES / f"{doc_id}.json.gz"


def read_doc_parse(doc_id: str, text: str) -> ParsedDoc | None:
    """The stored parse of ``doc_id`` if it was made from this very text."""
    path = doc_path(doc_id)
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data["text_sha256"] != text_key(text):
        return None
    return ParsedDoc.from_json(data["parse"])


def write_doc_parse(doc_id: str, text: str, parsed: ParsedDoc) -> None:
    """Store one document's parse."""
    write_gzip(doc_path(doc_id), _dumps({"doc_id": doc_id, "text_sha256": text_key(text), "parse": parsed.to_json()}))


def seed_cache(root: Path, items: Iterable[tuple[str, ParsedDoc]]) -> None:
    """Put parses into a parse cache under ``root``, keyed as the pipeline keys them now."""
    from pipeline.runtime import parse_fingerprint

    cache = ParseCache(root, parse_fingerprint())
    for text, parsed in items:
        cache.put(text, parsed)


# -- sentences of rule tests ---------------------------------------------------------------------


@dataclass
class SnippetStore:
    """Parses of test texts, keyed by text; new ones are parsed only under ``--update-goldens``."""

    update: bool = False
    parses: dict[str, tuple[str, ParsedDoc]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    added: int = 0

    @classmethod
    def load(cls, *, update: bool = False) -> SnippetStore:
        """Read ``snippets.jsonl.gz`` (empty when absent)."""
        store = cls(update=update)
        if SNIPPETS.exists():
            with gzip.open(SNIPPETS, "rt", encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    store.parses[text_key(row["text"])] = (row["text"], ParsedDoc.from_json(row["parse"]))
        return store

    def get(self, text: str) -> ParsedDoc | None:
        """The stored parse of ``text``."""
        key = text_key(text)
        self.used.add(key)
        hit = self.parses.get(key)
        return hit[1] if hit else None

    def add(self, text: str, parsed: ParsedDoc) -> None:
        """Remember a new parse (written by ``save``)."""
        self.parses[text_key(text)] = (text, parsed)
        self.added += 1

    def save(self, *, prune: bool = False) -> None:
        """Rewrite the store, sorted by key; ``prune`` drops entries no test asked for."""
        keys = sorted(k for k in self.parses if not prune or k in self.used)
        lines = "".join(
            _dumps({"text": self.parses[k][0], "parse": self.parses[k][1].to_json()}) + "\n" for k in keys
        )
        write_gzip(SNIPPETS, lines)


def missing_parse_message(texts: Sequence[str]) -> str:
    """What a test says when it needs a parse nobody stored."""
    shown = "; ".join(repr(t[:40]) for t in texts[:3])
    return (
        f"no stored GiNZA parse for {len(texts)} text(s) ({shown}): run `pytest --update-goldens` once "
        "(it parses them with GiNZA and stores them in tests/fixtures/parses/)"
    )


def prepare_doc_parses(inputs: Sequence[Path], cache: Path, *, update: bool) -> None:
    """Seed ``cache`` with the stored parse of every document of ``inputs``.

    Under ``update`` the documents without one are parsed by the pipeline itself (GiNZA, the same
    chunking as a real run) and stored; otherwise a missing parse fails the calling test.
    """
    import pytest

    from pipeline.config import TEST
    from pipeline.documents import Document, read_documents
    from pipeline.extract import run_extract
    from pipeline.runtime import parse_fingerprint

    docs = [d for d in read_documents(inputs) if isinstance(d, Document)]
    stored = {d.doc_id: read_doc_parse(d.doc_id, d.text) for d in docs}
    seed_cache(cache, ((d.text, stored[d.doc_id]) for d in docs if stored[d.doc_id] is not None))
    missing = [d for d in docs if stored[d.doc_id] is None]
    if not missing:
        return
    if not update:
        pytest.fail(missing_parse_message([d.doc_id for d in missing]))
    run_extract(inputs, cache.parent / "parsing.jsonl", TEST.replace(cache_dir=cache, stages=("entities",)))
    fresh = ParseCache(cache, parse_fingerprint())
    for d in missing:
        parsed = fresh.get(d.text)
        assert parsed is not None
        write_doc_parse(d.doc_id, d.text, parsed)
    write_fingerprint()
