"""Canonical names: ISO 3166 codes for countries, full names for short names.

- A country name (``countries.tsv``: ISO names, 外務省 short names, 米国/アメリカ/豪州...) gets its
  alpha-2 code.
- A gazetteer alias carries its canonical name from the data (日米安保条約 → the treaty's title).
- A short name *defined in the text* is resolved to the full name it was defined for, within the
  document: ``「再編の実施のための日米ロードマップ」(ロードマップ)``, ``X、いわゆるY``, ``X、通称Y``,
  ``X(以下「Y」)``.
  Later mentions of the short name are entities too (same label), even where the model missed them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.entities.data import countries

__all__ = ["ShortName", "country_code", "elided_prefix_names", "find_definitions"]

# After a full name: 」? then (Y) / （以下「Y」） / 、いわゆるY
PAREN_DEF = re.compile(r"」?[（(](?:以下[、,]?)?「?(?P<short>[^（()）「」、。\s]{2,20}?)」?(?:という。?)?[）)]")
# ＯＥＣＤ閣僚理事会 … 閣僚理事会: a meeting or document named after a body, later without it.
ACRONYM_PREFIX = re.compile(r"^(?P<body>[A-Z][A-Z0-9&]{1,7})[・･]?(?P<rest>[^\W\d_A-Za-z][^\W_]{2,})$")
# 、いわゆるY / 、通称Y: the short name people use (通称 "commonly called")
IWAYURU_DEF = re.compile(
    r"[、,]\s*(?:いわゆる|通称)「?(?P<short>[^（()）「」、。\s]{2,20}?)」?(?=[をがはにでとの、。（(]|$)"
)


@dataclass(frozen=True, slots=True)
class ShortName:
    """A short name defined in the text for ``full`` (the defining entity's surface or canonical)."""

    short: str
    full: str
    start: int
    end: int


def country_code(surface: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name (width-folded), or None."""
    return countries().get(unicodedata.normalize("NFKC", surface).strip())


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` can stand for ``full``: an acronym, or its characters in order in it.

    A bracket after a name is often no definition at all (ワシントンDC(米国)); a real short form
    keeps the full name's characters in order (ロードマップ, 日米安保条約) or is an acronym.
    """
    if re.fullmatch(r"[A-ZＡ-Ｚ0-9０-９&＆\-]{2,10}", short):
        return True
    rest = iter(full)
    return len(short) < len(full) and all(ch in rest for ch in short)


def find_definitions(text: str, spans: Sequence[tuple[int, int, str]]) -> list[ShortName]:
    """Short names defined right after entity spans ``(start, end, full name)``, in text order.

    The short name must not simply repeat the full name; it may be any word (the definition is
    what makes it a name).
    """
    found: list[ShortName] = []
    for start, end, full in spans:
        del start
        for pattern in (PAREN_DEF, IWAYURU_DEF):
            match = pattern.match(text, end)
            if match is None:
                continue
            short = match.group("short")
            if short == full or re.fullmatch(r"[\d\s.,、]+|当時|仮称|注\d*", short):
                continue
            if pattern is PAREN_DEF and not _abbreviates(short, full):
                continue
            found.append(ShortName(short, full, match.start("short"), match.end("short")))
            break
    return found


def elided_prefix_names(text: str, spans: Sequence[tuple[int, int]]) -> list[ShortName]:
    """Short names left when a body's acronym is dropped: ``ＯＥＣＤ閣僚理事会`` → ``閣僚理事会``.

    ``spans`` are EVENT/DOCUMENT entities; the short form is looked for after each of them.
    """
    found = []
    for start, end in spans:
        surface = text[start:end]
        match = ACRONYM_PREFIX.match(unicodedata.normalize("NFKC", surface))
        if match is None or len(unicodedata.normalize("NFKC", surface)) != len(surface):
            continue
        if re.match(r"[ぁ-ゖ]", match.group("rest")):
            continue  # ＥＰＡのための閣僚会合: a particle follows the acronym, nothing is elided
        rest_start = start + match.start("rest")
        found.append(ShortName(surface[match.start("rest") :], surface, rest_start, end))
    return found
