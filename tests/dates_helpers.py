"""Helpers for the date tests: a compact notation for expected mentions.

An expected mention is written ``"surface=value TOKEN..."``, where the tokens are a mod (SINCE,
ON_OR_AFTER, AFTER, ON_OR_BEFORE, BEFORE), a part (START, MID, END), a range role (start, end),
``overflow`` for ``flags == ("era_overflow",)``, ``era:平成22`` for the 和暦 read, and ``<d0`` or
``<doc`` for ``resolved_from``. Tokens not written are checked as absent, except ``era:`` and
``<...``, which are checked only when given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipeline.dates import DateResult, find_dates
from pipeline.schema import DateMention

MODS = {"SINCE", "ON_OR_AFTER", "AFTER", "ON_OR_BEFORE", "BEFORE"}
PARTS = {"START", "MID", "END"}


def run(text: str, doc: str | None = None) -> DateResult:
    """find_dates with an ISO document date (or none)."""
    return find_dates(text, document_date=dt.date.fromisoformat(doc) if doc else None)


def parse_expected(spec: str) -> dict[str, Any]:
    """``"10(平成22)年=2010 era:平成22"`` -> the fields to compare."""
    surface, rest = spec.rsplit("=", 1)
    value, *tokens = rest.split(" ")
    out: dict[str, Any] = {"surface": surface, "value": value, "mod": None, "part": None, "range": None}
    out["flags"] = ()
    for token in tokens:
        if token in MODS:
            out["mod"] = token
        elif token in PARTS:
            out["part"] = token
        elif token in ("start", "end"):
            out["range"] = token
        elif token == "overflow":
            out["flags"] = ("era_overflow",)
        elif token.startswith("era:"):
            out["era"] = token[4:]
        elif token.startswith("<"):
            out["resolved_from"] = "document_date" if token == "<doc" else token[1:]
        else:
            raise ValueError(f"unknown token {token!r} in {spec!r}")
    return out


def observed(mention: DateMention, keys: set[str]) -> dict[str, Any]:
    """The fields of a mention that an expectation names."""
    out: dict[str, Any] = {
        "surface": mention.surface,
        "value": mention.value,
        "mod": mention.mod.value if mention.mod else None,
        "part": mention.part.value if mention.part else None,
        "range": mention.range,
        "flags": tuple(mention.flags),
    }
    if "era" in keys:
        out["era"] = f"{mention.era}{mention.era_year}" if mention.era else None
    if "resolved_from" in keys:
        out["resolved_from"] = mention.resolved_from
    return out


def check(text: str, expected: list[str], doc: str | None = None) -> DateResult:
    """Assert that ``text`` yields exactly ``expected`` (in order) and that offsets hold."""
    result = run(text, doc)
    want = [parse_expected(spec) for spec in expected]
    got = [observed(m, set(w)) for m, w in zip(result.dates, want, strict=False)]
    if len(result.dates) != len(want):
        got = [observed(m, set()) for m in result.dates]
    assert got == want, f"{text!r} (doc {doc})"
    for m in result.dates:
        assert text[m.start : m.end] == m.surface
    return result
