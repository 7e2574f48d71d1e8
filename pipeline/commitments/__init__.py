"""Stage 5: commitments (agreements, decisions, reaffirmations, ...), who made them, when and where.

``find_commitments`` reads GiNZA's parse, the pipeline's sentences and the dates and entities
stages' records (ANNOTATION.md, Commitments). The flow is in ``document.py``; the modules, the
flow and the design decisions are in README.md.
"""

from __future__ import annotations

from pipeline.commitments.document import find_commitments

__all__ = ["find_commitments"]
