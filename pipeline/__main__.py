"""Entry points: ``python -m pipeline`` and the ``jpextract`` console script (``console``)."""

from __future__ import annotations

import os
import sys

# Before numpy is imported anywhere: one BLAS thread (a second one slows GiNZA's parser and NER).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from pipeline.cli import main


def console() -> int:
    """The ``jpextract`` command (pyproject.toml's ``[project.scripts]``): BLAS set up as above first."""
    return main(prog="jpextract")


if __name__ == "__main__":
    sys.exit(main(prog="python -m pipeline"))
