"""The only place models are loaded: fugashi's tagger and GiNZA's spaCy pipeline.

Nothing is loaded at import time, nothing is downloaded: ``ja_ginza`` and ``unidic-lite`` ship
their data as installed packages.
"""

from __future__ import annotations

import importlib.metadata
from typing import TYPE_CHECKING

from pipeline.errors import Code, ResourceError

if TYPE_CHECKING:
    import fugashi
    from spacy.language import Language

MODEL_NAME = "ja_ginza"

VERSIONED_PACKAGES = (
    "fugashi",
    "unidic-lite",
    "spacy",
    "thinc",
    "ginza",
    "ja-ginza",
    "SudachiPy",
    "SudachiDict-core",
    "numpy",
)


def load_tagger() -> fugashi.Tagger:
    """fugashi with unidic-lite; raise ``ResourceError`` saying how to install it."""
    try:
        import os

        import fugashi
        import unidic_lite
    except ImportError as exc:
        raise ResourceError(
            Code.E202_TAGGER, "fugashi", "run `make test` or `pip install -r requirements.lock`"
        ) from exc
    try:
        # Explicit -d/-r: fugashi would prefer the full `unidic` package if one were installed.
        rc = os.path.join(unidic_lite.DICDIR, "mecabrc")
        return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}" -r "{rc}"')
    except RuntimeError as exc:
        raise ResourceError(Code.E202_TAGGER, "unidic-lite", str(exc).splitlines()[0]) from exc


def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Load ``ja_ginza`` from its installed package, with ``disable`` components switched off."""
    try:
        import spacy

        return spacy.load(MODEL_NAME, disable=list(disable))
    except (ImportError, OSError) as exc:
        raise ResourceError(
            Code.E201_MODEL,
            MODEL_NAME,
            "install it with `make extract` (pip install ja-ginza from PyPI); "
            "it is never downloaded at run time",
        ) from exc


def package_versions() -> dict[str, str | None]:
    """Installed versions of the packages whose behaviour shapes the outputs."""
    versions: dict[str, str | None] = {}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions
