"""A document's text with its highlights, laid out the way displaCy's span renderer lays them out.

displaCy (``style="span"``) draws each span as a coloured bar under its tokens, stacks overlapping
spans in slots, and labels each span at its first token. This module keeps that layout, using
displaCy's own slot assignment (``SpanRenderer._assemble_per_token_info``), and writes the markup
itself for three reasons: the text must stay as it is (displaCy puts a space after every token,
which Japanese has none of), each bar must carry its item's id and diff status for the page's
details and tests, and every string from the document is escaped here, labels and ids included.

Tokens are the pieces of text between span boundaries and line breaks, cut into short chunks so a
long span still wraps at the line's end (Japanese breaks between any two characters).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.displacy.render import SpanRenderer

from pipeline.review.items import Highlight

CHUNK = 4  # characters per token inside a span
TOP = 24  # px from the top of a token to the first bar
STEP = 5  # px between stacked bars
LABEL_ROOM = 4  # px under the last bar


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _tokens(text: str, spans: Sequence[Highlight]) -> list[tuple[int, int]]:
    bounds = {0, len(text)}
    for span in spans:
        bounds.update((span.start, span.end))
    bounds.update(i for i, ch in enumerate(text) if ch == "\n")
    bounds.update(i + 1 for i, ch in enumerate(text) if ch == "\n")
    edges = sorted(b for b in bounds if 0 <= b <= len(text))
    covered = _covered(len(text), spans)
    out: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(edges):
        step = CHUNK if covered[start] else end - start
        out.extend((i, min(i + step, end)) for i in range(start, end, max(step, 1)))
    return out


def _covered(length: int, spans: Sequence[Highlight]) -> list[bool]:
    covered = [False] * (length + 1)
    for span in spans:
        for i in range(span.start, span.end):
            covered[i] = True
    return covered


def label_class(label: str) -> str:
    """A CSS class for a label (only letters, digits, ``_`` and ``-`` survive)."""
    return "l-" + re.sub(r"[^A-Za-z0-9_-]", "", label)


def _classes(span: Highlight) -> str:
    classes = [f"k-{span.kind}", label_class(span.label), f"src-{span.source}"]
    if span.status:
        classes.append(f"s-{span.status}")
    return " ".join(classes)


def _bar(span: Highlight, slot: int, is_start: bool) -> str:
    top = TOP + STEP * (slot - 1)
    diff = _esc(" ".join(span.differences))
    if not is_start:
        return f'<span class="bar {_classes(span)}" style="top:{top}px" data-diff="{diff}"></span>'
    return (
        f'<span class="bar start {_classes(span)}" style="top:{top}px" data-diff="{diff}" data-uid="{_esc(span.uid)}" '
        f'data-kind="{_esc(span.kind)}" data-source="{_esc(span.source)}" data-status="{_esc(span.status)}">'
        f'<span class="lab">{_esc(span.label)}</span></span>'
    )


def _token_markup(text: str, entities: list[dict[str, Any]], by_uid: dict[str, Highlight]) -> str:
    spans = [by_uid[e["label"]] for e in entities]
    bars = "".join(_bar(by_uid[e["label"]], e["render_slot"], e["is_start"]) for e in entities)
    height = TOP + STEP * (max(e["render_slot"] for e in entities) - 1) + LABEL_ROOM
    uids = " ".join(s.uid for s in spans)
    tip = "\n".join(s.describe() for s in spans)
    return (
        f'<span class="tok" style="height:{height}px" data-uids="{_esc(uids)}" title="{_esc(tip)}">'
        f"{_esc(text)}{bars}</span>"
    )


def render_text(text: str, spans: Sequence[Highlight]) -> str:
    """The text as HTML with every span highlighted (displaCy's span layout); all of it escaped."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    tokens = _tokens(text, spans)
    index = {start: n for n, (start, _) in enumerate(tokens)}
    index[len(text)] = len(tokens)
    displacy_spans = [
        {"start_token": index[s.start], "end_token": index[s.end], "label": s.uid} for s in spans
    ]
    by_uid = {s.uid: s for s in spans}
    per_token = SpanRenderer._assemble_per_token_info([text[a:b] for a, b in tokens], displacy_spans)
    return "".join(_pieces(per_token, by_uid))


def _pieces(per_token: list[dict[str, Any]], by_uid: dict[str, Highlight]) -> Iterator[str]:
    for token in per_token:
        entities = token["entities"]
        if entities and token["text"].strip():
            yield _token_markup(token["text"], entities, by_uid)
        else:
            yield _esc(token["text"])
