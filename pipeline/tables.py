"""The one loader of the project's word tables and data files (``pipeline/data/``).

Words are data: trigger lexicons, word classes, era names, countries and office holders live in
files under ``pipeline/data/`` (one table per fact, each with its ``source``), never as long
literals in code. Every module reads them through this loader, so each file is read and parsed
once per process, lazily (nothing at import time), from the installed package (no paths relative
to the working directory).

Shapes:

- ``*.json``: an object with a ``source`` (and usually ``description``) and named tables. A word
  class is ``{"reason": "...", "words": [...]}`` (or a bare list); ``words(name, key)`` returns it
  as a tuple in file order (order can matter: longest-first alternations are built from it).
- ``*.tsv``: a header line naming the columns, ``#`` comment lines, one row per line;
  ``rows(name)`` returns dicts keyed by the header.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

PACKAGE = "pipeline"


def read_text(name: str) -> str:
    """The text of ``pipeline/data/<name>`` (``name`` may hold a sub-directory: ``dates/eras.json``)."""
    return resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def load_json(name: str) -> Any:
    """``pipeline/data/<name>`` parsed as JSON, once per process (treat the result as read-only)."""
    return json.loads(read_text(name))


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a TSV table, keyed by its header; ``#`` lines and blank lines are skipped."""
    lines = [line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        cells = line.split("\t")
        out.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return tuple(out)


@functools.cache
def words(name: str, key: str) -> tuple[str, ...]:
    """A word class of a JSON table: ``{"words": [...]}`` or a bare list under ``key``."""
    entry = load_json(name)[key]
    listed = entry["words"] if isinstance(entry, dict) else entry
    return tuple(listed)


def word_set(name: str, key: str) -> frozenset[str]:
    """``words`` as a set, for membership tests."""
    return frozenset(words(name, key))
