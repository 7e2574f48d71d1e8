"""The token sequences Sudachi gives each gazetteer name in context: the ruler's variant patterns.

Sudachi splits a name differently by what follows it, so the ruler matches a gazetteer name by
every token sequence it gets in the contexts of ``lexicon.json``, not only by its tokenization alone. Computing them
tokenizes every name a dozen times (about a second and a half), so they are stored in
``ruler_variants.json`` (``tools/build_ruler_variants.py``) with a key of what they depend on.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from pipeline.entities.data import VARIANTS, gazetteer, lexicon_words, stored_variants_table

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["VARIANTS_FILE", "compute_variants", "contexts", "stored_variants", "variants_key"]

def contexts() -> tuple[str, ...]:
    """The contexts of ``lexicon.json`` a name is tokenized in (``{}`` stands for the name)."""
    return lexicon_words("variant_contexts", "contexts")


def _variants(nlp: Language, name: str) -> list[list[dict[str, Any]]]:
    """Token patterns (NORM equality) for each tokenization ``name`` gets in ``contexts()``."""
    seen: dict[tuple[str, ...], None] = {}
    for context in contexts():
        text = context.format(name)
        begin = context.index("{}")
        doc = nlp.make_doc(text)
        span = doc.char_span(begin, begin + len(name))
        if span is not None:
            seen[tuple(token.norm_ for token in span)] = None
    return [[{"NORM": norm} for norm in variant] for variant in seen]


VARIANTS_FILE = VARIANTS


def variants_key() -> str:
    """What the stored variants depend on: the gazetteer names, the contexts and Sudachi's versions."""
    from pipeline.resources import package_versions

    versions = package_versions()
    digest = hashlib.sha256(json.dumps(contexts(), ensure_ascii=False).encode("utf-8"))
    for name in ("SudachiPy", "SudachiDict-core", "spacy", "ginza"):
        digest.update(f"{name}={versions.get(name)}".encode())
    for e in gazetteer():
        digest.update(e.name.encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


def compute_variants(nlp: Language) -> dict[str, list[list[str]]]:
    """NORM sequences of each gazetteer name in its contexts that differ from its tokenization alone."""
    table: dict[str, list[list[str]]] = {}
    for e in gazetteer():
        if e.name in table:
            continue
        alone = [token.norm_ for token in nlp.make_doc(e.name)]
        table[e.name] = [[t["NORM"] for t in v] for v in _variants(nlp, e.name) if [t["NORM"] for t in v] != alone]
    return table


def stored_variants() -> dict[str, list[list[str]]] | None:
    """The variants of ``ruler_variants.json`` when they were built for this gazetteer and Sudachi."""
    data = stored_variants_table()
    if data is None:
        return None
    table: dict[str, list[list[str]]] = data["variants"]
    return table if data.get("key") == variants_key() else None


