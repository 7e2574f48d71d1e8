"""Helpers for the commitments tests: records built by hand, so the tests do not depend on the
dates and entities stages' quality (they are rebuilt elsewhere)."""

from __future__ import annotations

from pipeline.schema import DateMention, Entity, EntityLabel, Span


def find_nth(text: str, surface: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start


def date(text: str, surface: str, value: str, id_: str, nth: int = 0, **kw: object) -> DateMention:
    start = find_nth(text, surface, nth)
    return DateMention(id=id_, start=start, end=start + len(surface), surface=surface, value=value, **kw)  # type: ignore[arg-type]


def entity(
    text: str,
    surface: str,
    label: str,
    id_: str,
    nth: int = 0,
    title: str | None = None,
    canonical: str | None = None,
) -> Entity:
    start = find_nth(text, surface, nth)
    end = start + len(surface)
    title_span = None
    if title is not None:
        t_start = text.index(title, end)
        title_span = Span(start=t_start, end=t_start + len(title), surface=title)
    return Entity(
        id=id_,
        start=start,
        end=end,
        surface=surface,
        label=EntityLabel(label),
        title=title_span,
        canonical=canonical,
    )
