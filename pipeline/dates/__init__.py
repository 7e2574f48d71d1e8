"""Stage 3: dates (西暦, 和暦, relative dates) with offsets into the text; see README.md in this folder."""

from __future__ import annotations

from pipeline.dates.stage import DateResult, find_dates

__all__ = ["DateResult", "find_dates"]
