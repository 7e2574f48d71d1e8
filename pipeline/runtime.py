"""What a process needs to run the stages, built once per process and passed explicitly.

The tagger, the GiNZA pipeline as the stages want it, and the fingerprint of everything that
shapes a parse (the cache key's prefix). Nothing is loaded at import time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.config import Config
from pipeline.entities import configure_nlp
from pipeline.entities import fingerprint as entities_fingerprint
from pipeline.parse import PARSE_VERSION, ParseCache, Parser
from pipeline.resources import MODEL_NAME, load_nlp, load_tagger, package_versions

if TYPE_CHECKING:
    import fugashi
    from spacy.language import Language

# GiNZA components no stage reads (mode C only: no compound splitting).
DISABLED_COMPONENTS: tuple[str, ...] = ("compound_splitter",)


@dataclass
class Resources:
    """What a process needs to run the stages: built once per process, passed explicitly."""

    tagger: fugashi.Tagger | None
    parser: Parser | None

    @classmethod
    def create(cls, config: Config) -> Resources:
        """Load the tagger now if tokens are wanted, and prepare the (lazy) GiNZA parser if a stage needs it."""
        parser = None
        if config.needs_parser:
            load = functools.partial(build_nlp, numpy_gemm=config.numpy_gemm)
            parser = Parser(load=load, cache=ParseCache(config.cache_dir, parse_fingerprint()))
            parser.batch_chars = config.batch_chars
            parser.fast_ner = config.fast_ner
        return cls(tagger=load_tagger() if config.tokens else None, parser=parser)


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


__all__ = ["DISABLED_COMPONENTS", "Resources", "build_nlp", "parse_fingerprint"]
