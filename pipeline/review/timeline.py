"""The commitments of every document on one time axis: where each date value falls, and an SVG.

A commitment is placed by its own date value, else by its document's date (marked so). Values
are placed at their middle: ``2011`` mid-year, ``2011-04`` mid-month, ``FY2011`` at October 2011
(the middle of April–March), seasons at their middle month; decades and unknown years are left off
the axis (they stay in the list under it).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

TYPES = ("agreement", "decision", "reaffirmation", "confirmation", "pledge", "intent", "request")
_VALUE = re.compile(r"^(FY)?(\d{4})(?:-(\d{2}|SP|SU|FA|WI))?(?:-(\d{2}))?$")
_SEASON_MIDDLE = {"SP": 4, "SU": 7, "FA": 10, "WI": 13}  # month numbers; winter's middle is January next year
WIDTH, LANE, LEFT, TOP = 1100, 22, 110, 24


def position(value: str | None) -> float | None:
    """A date value as a fractional year (``2011-04-15`` -> 2011.29), or None when it has no place."""
    match = _VALUE.match(value or "")
    if not match:
        return None
    fiscal, year, month, day = match[1], int(match[2]), match[3], match[4]
    if fiscal:
        return year + 0.75
    if month is None:
        return year + 0.5
    number = _SEASON_MIDDLE.get(month) or int(month)
    if month.isdigit() and not 1 <= number <= 12:
        return None
    fraction = 0.5 if day is None else (min(int(day), 31) - 0.5) / 31
    return year + (number - 1 + fraction) / 12


@dataclass(frozen=True)
class Point:
    """One commitment on the axis."""

    href: str  # the anchor of its trigger on the page
    type: str
    value: str  # the date value shown
    inferred: bool  # placed by the document's date
    at: float | None
    text: str  # tooltip: doc, actor, trigger, content


def _x(at: float, low: float, high: float) -> float:
    return LEFT + (at - low) / (high - low) * (WIDTH - LEFT - 20)


def _axis(low: float, high: float, height: int) -> list[str]:
    step = max(1, round((high - low) / 12))
    first = int(low) + (-int(low)) % step
    out = []
    for year in range(first, int(high) + 1, step):
        x = _x(year, low, high)
        out.append(f'<line class="tick" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height}"/>')
        out.append(f'<text class="year" x="{x:.1f}" y="{TOP - 10}">{year}</text>')
    return out


def svg(points: Sequence[Point]) -> str:
    """An SVG strip: one lane per commitment type, one dot per placed commitment, linked to it."""
    placed = [p for p in points if p.at is not None]
    if not placed:
        return ""
    low = min(p.at for p in placed if p.at is not None) - 0.5
    high = max(p.at for p in placed if p.at is not None) + 0.5
    lanes = {t: n for n, t in enumerate(TYPES)}
    height = TOP + LANE * (len(TYPES) + 1)
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        'role="img" aria-label="commitments by date">'
    ]
    parts += _axis(low, high, height)
    for t, n in lanes.items():
        parts.append(f'<text class="lane" x="4" y="{TOP + LANE * n + 15}">{t}</text>')
    for p in placed:
        lane = lanes.get(p.type, len(TYPES))
        x, y = _x(p.at or 0.0, low, high), TOP + LANE * lane + 11
        cls = f"dot t-{html.escape(p.type, quote=True)}" + (" inferred" if p.inferred else "")
        parts.append(
            f'<a href="{html.escape(p.href, quote=True)}"><circle class="{cls}" cx="{x:.1f}" cy="{y}" r="5">'
            f"<title>{html.escape(p.text)}</title></circle></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
