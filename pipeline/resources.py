"""The only place models are loaded: fugashi's tagger and GiNZA's spaCy pipeline.

Nothing is loaded at import time, nothing is downloaded: ``ja_ginza`` and ``unidic-lite`` ship
their data as installed packages.
"""

from __future__ import annotations

import importlib.metadata
from typing import TYPE_CHECKING

from pipeline.errors import Code, ResourceError, error_text

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
    """Fugashi with unidic-lite; raise ``ResourceError`` saying how to install it."""
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
        raise ResourceError(Code.E202_TAGGER, "unidic-lite", error_text(exc)) from exc


def use_numpy_gemm() -> None:
    """Make thinc's current ops multiply matrices with numpy (OpenBLAS) instead of blis.

    blis 1.3.4 runs generic code on this CPU (49 GFLOP/s against numpy's 84 here); the results
    are identical (tests/test_resources.py). Must run before the model is loaded: layers keep the
    ops current at construction. Set OPENBLAS_NUM_THREADS=1 before numpy is imported (the CLI
    does): a second BLAS thread slows GiNZA's parser and NER.
    """
    import numpy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    if type(get_current_ops()).__name__ == "MatmulOps":
        return

    class MatmulOps(NumpyOps):  # type: ignore[misc]
        name = "numpy_matmul"

        def gemm(
            self,
            x: numpy.ndarray,
            y: numpy.ndarray,
            out: numpy.ndarray | None = None,
            trans1: bool = False,
            trans2: bool = False,
        ) -> numpy.ndarray:
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                result: numpy.ndarray = numpy.matmul(a, b)
                return result
            numpy.matmul(a, b, out=out)
            return out

    set_current_ops(MatmulOps())


# glibc's mallopt parameters: arrays up to this size come from the heap, and freed heap memory is
# kept for reuse instead of being returned to the kernel.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
HEAP_ARRAYS_UP_TO = 32 * 1024 * 1024  # glibc's maximum


def keep_freed_memory() -> bool:
    """Let GiNZA's large temporary arrays reuse freed heap memory (glibc only; a no-op elsewhere).

    By default glibc maps every allocation over 128 KB afresh and unmaps it when freed, so each
    of tok2vec's layer outputs costs page faults and the kernel's zeroing of every page: a third
    of tok2vec's time in ``perf`` (``clear_page_erms``). Kept on the heap, the memory is reused;
    the values computed are the same. The process's resident size stays at its peak instead of
    shrinking between batches.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, HEAP_ARRAYS_UP_TO) and mallopt(_M_TRIM_THRESHOLD, 1 << 30))


def load_nlp(disable: tuple[str, ...] = (), *, numpy_gemm: bool = True) -> Language:
    """Load ``ja_ginza`` from its installed package, with ``disable`` components switched off.

    ``numpy_gemm`` routes thinc's matrix products through numpy (see ``use_numpy_gemm``).
    """
    try:
        import spacy

        if numpy_gemm:
            use_numpy_gemm()
        keep_freed_memory()

        return spacy.load(MODEL_NAME, disable=list(disable))
    except (ImportError, OSError) as exc:
        raise ResourceError(
            Code.E201_MODEL,
            MODEL_NAME,
            "install it with `make extract` (pip install ja-ginza from PyPI); it is never downloaded at run time; "
            + error_text(exc),
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
