"""The review page: one self-contained HTML file (styles and script inline, no network at view time).

Jinja2 renders ``page.html.j2`` with autoescaping on, so every string from a document (text,
metadata, ids, labels, keys) is escaped; the highlighted text comes from ``layout``, which escapes
its own. A Content-Security-Policy allows only the page's own script (by its hash) and inline
styles, and no network: even markup that slipped through escaping could not run or load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup
from spacy.displacy.render import DEFAULT_LABEL_COLORS

from pipeline import __version__
from pipeline.evaluate.diff import LAYERS, SCORE_NAMES, DocDiff
from pipeline.review.items import Highlight, count_predicted, highlights
from pipeline.review.layout import label_class, render_text
from pipeline.review.timeline import Point, position, svg

DIFF_STATUSES = ("missed", "spurious", "mismatched")
# Our entity labels in displaCy's colours (its names for them: LOCATION is GPE, DOCUMENT is LAW).
DISPLACY_NAMES = {
    "PERSON": "PERSON", "ORG": "ORG", "LOCATION": "GPE", "FACILITY": "FAC", "EVENT": "EVENT",
    "DOCUMENT": "LAW", "PRODUCT": "PRODUCT",
}


def label_colours() -> str:
    """CSS giving each entity label displaCy's colour."""
    rules = []
    for ours, theirs in DISPLACY_NAMES.items():
        colour = DEFAULT_LABEL_COLORS.get(theirs, "#ddd")
        cls = label_class(ours)
        rules.append(f".bar.k-entity.{cls}, .chip.k-entity.{cls} {{ background: {colour}; }}")
    return "\n".join(rules)


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _asset(name: str) -> str:
    return resources.files("pipeline.review").joinpath(name).read_text(encoding="utf-8")


@dataclass
class DocView:
    """What the page shows of one document."""

    n: int
    doc_id: str
    date: str
    title: str
    meta: list[tuple[str, str]]
    link: str
    counts: dict[str, int]
    spans: list[Highlight]
    markup: Markup
    predicted: int
    has_gold: bool = False
    diff: dict[str, dict[str, int]] = field(default_factory=dict)
    scores: dict[str, Any] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """The id of the document's section."""
        return f"doc-{self.n}"

    def total(self, status: str) -> int:
        """Items with ``status`` over every layer."""
        return sum(self.diff.get(layer, {}).get(status, 0) for layer in LAYERS)

    def score(self, name: str) -> str:
        """F of ``name`` for the index, ``–`` when the document has nothing to score."""
        counts = [self.scores.get(f"{name}_{k}", 0) for k in ("tp", "fp", "fn")]
        return f"{self.scores.get(name + '_f', 0.0):.3f}" if any(counts) else "–"

    def rows(self) -> list[Highlight]:
        """The side table: every highlight but contents (shown in their trigger's row)."""
        return [s for s in self.spans if s.kind != "content"]


def _meta(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    meta = _map(record.get("meta"))
    return [(str(k), "" if v is None else str(v)) for k, v in sorted(meta.items()) if k not in ("title", "date")]


def _link(record: Mapping[str, Any]) -> str:
    url = str(_map(record.get("meta")).get("url") or "")
    return url if url.startswith(("https://", "http://")) else ""


def doc_view(
    n: int, record: Mapping[str, Any], gold: Mapping[str, Any] | None, diff: DocDiff | None, scores: Mapping[str, Any]
) -> DocView:
    """The view of one record (with its gold fixture, diff and per-document scores when given)."""
    spans = highlights(record, gold, diff)
    text = str(record.get("text") or "")
    meta = _map(record.get("meta"))
    counts = {layer: len(record.get(layer) or []) for layer in (*LAYERS, "warnings")}
    counts["chars"] = len(text)
    return DocView(
        n=n,
        doc_id=str(record.get("doc_id")),
        date=str(meta.get("date") or ""),
        title=str(meta.get("title") or ""),
        meta=_meta(record),
        link=_link(record),
        counts=counts,
        spans=spans,
        markup=Markup(render_text(text, spans)),  # layout escapes every string it writes
        predicted=count_predicted(record),
        has_gold=gold is not None,
        diff=diff.counts() if diff else {},
        scores=dict(scores),
    )


def _point(view: DocView, span: Highlight, c: Mapping[str, Any]) -> Point:
    value = str(_map(c.get("date")).get("value") or "")
    inferred = not value
    value = value or view.date
    members = ",".join(str(m) for m in _map(c.get("actor")).get("members") or [])
    content = str(_map(c.get("content")).get("surface") or "")
    shown = f"{value}{' (document date)' if inferred else ''} {span.label} {members}: {span.surface} {content[:80]}"
    return Point(f"#{view.anchor}-{span.uid}", span.label, value, inferred, position(value), f"{view.doc_id}\n{shown}")


def timeline_points(views: Sequence[DocView], records: Sequence[Mapping[str, Any]]) -> list[Point]:
    """One point per predicted commitment, by its date value or else its document's date."""
    points = []
    for view, record in zip(views, records, strict=True):
        triggers = {s.uid: s for s in view.spans if s.kind == "trigger" and s.source == "pred"}
        for n, c in enumerate(record.get("commitments") or []):
            if f"c{n}" in triggers:
                points.append(_point(view, triggers[f"c{n}"], _map(c)))
    return sorted(points, key=lambda p: (p.at is None, p.at or 0.0, p.href))


def render_page(
    views: Sequence[DocView],
    points: Sequence[Point],
    summary: Mapping[str, Any],
    title: str,
) -> str:
    """The whole page as one HTML string."""
    script = _asset("review.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["label_class"] = label_class
    template = env.from_string(_asset("page.html.j2"))
    return template.render(
        views=views,
        points=points,
        timeline=Markup(svg(points)),  # timeline escapes every string it writes
        summary=summary,
        title=title,
        version=__version__,
        style=Markup(_asset("review.css") + label_colours()),  # the package's own file
        script=Markup(script),  # the package's own file
        csp=f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:",
        layers=LAYERS,
        statuses=DIFF_STATUSES,
        score_names=SCORE_NAMES,
    )
