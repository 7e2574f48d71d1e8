"""A corpus-wide view of who and what a corpus holds: each identity key with its mentions.

``python -m pipeline entities OUT.jsonl`` reads the records an extraction wrote and lists every
entity ``key`` (``person:岸田文雄``, ``org:防衛省``, ``country:US``) with its label, the number of
mentions and of documents, the surfaces it was written as and the first documents it occurs in;
a table on stdout (most frequent first), or ``--json``/``--csv`` for machines. The head of the
table says how many mentions of each label carry a key at all; ``--unkeyed`` lists the most
frequent surfaces that carry none (what the office-holder table or the document did not name).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pipeline.errors import Code, PipelineError
from pipeline.jsonl import read_jsonl

__all__ = ["KeyRow", "View", "build_view", "render", "run_entities"]

FORMATS = ("table", "json", "csv")
EXAMPLE_DOCS = 3
SHOWN_SURFACES = 4


@dataclass
class KeyRow:
    """One identity key across the corpus."""

    key: str
    label: str
    mentions: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)
    documents: dict[str, int] = field(default_factory=dict)  # doc_id -> mentions, in first-seen order

    def as_dict(self) -> dict[str, Any]:
        """A plain record (surfaces most frequent first, example documents in corpus order)."""
        return {
            "key": self.key,
            "label": self.label,
            "mentions": self.mentions,
            "documents": len(self.documents),
            "surfaces": dict(self.surfaces.most_common()),
            "example_documents": list(self.documents)[:EXAMPLE_DOCS],
        }


@dataclass
class View:
    """Every key of a corpus, and how many mentions of each label carry a key."""

    rows: list[KeyRow]
    documents: int
    mentions: Counter[str]  # label -> mentions
    keyed: Counter[str]  # label -> mentions with a key
    unkeyed: dict[str, Counter[str]]  # label -> surfaces without a key

    def coverage(self) -> dict[str, dict[str, float | int]]:
        """Per label: mentions, mentions with a key, and their share."""
        return {
            label: {
                "mentions": total,
                "keyed": self.keyed[label],
                "share": round(self.keyed[label] / total, 4) if total else 0.0,
            }
            for label, total in sorted(self.mentions.items())
        }


def build_view(records: Iterable[Mapping[str, Any]], label: str | None = None) -> View:
    """The view of ``records`` (extraction output), optionally of one label only."""
    rows: dict[str, KeyRow] = {}
    mentions: Counter[str] = Counter()
    keyed: Counter[str] = Counter()
    unkeyed: dict[str, Counter[str]] = defaultdict(Counter)
    documents = 0
    for record in records:
        documents += 1
        doc_id = str(record.get("doc_id"))
        for entity in record.get("entities") or ():
            kind = str(entity.get("label"))
            if label and kind != label:
                continue
            mentions[kind] += 1
            key = entity.get("key")
            surface = str(entity.get("surface"))
            if not key:
                unkeyed[kind][surface] += 1
                continue
            keyed[kind] += 1
            row = rows.setdefault(str(key), KeyRow(str(key), kind))
            row.mentions += 1
            row.surfaces[surface] += 1
            row.documents[doc_id] = row.documents.get(doc_id, 0) + 1
    ordered = sorted(rows.values(), key=lambda r: (-r.mentions, -len(r.documents), r.key))
    return View(ordered, documents, mentions, keyed, dict(unkeyed))


def _surfaces(row: KeyRow) -> str:
    shown = [f"{s}({n})" for s, n in row.surfaces.most_common(SHOWN_SURFACES)]
    more = len(row.surfaces) - SHOWN_SURFACES
    return " ".join(shown) + (f" +{more}" if more > 0 else "")


def _width(text: str) -> int:
    """Display width: East Asian wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _table(view: View, top: int | None, unkeyed: int, out: TextIO) -> None:
    total = sum(view.mentions.values())
    share = sum(view.keyed.values()) / total if total else 0.0
    out.write(f"{view.documents} documents, {total} entity mentions, {share:.1%} with a key, {len(view.rows)} keys\n")
    for label, total_label in sorted(view.mentions.items()):
        keyed = view.keyed[label]
        out.write(f"  {label:<9} {total_label:>7} mentions  {keyed:>7} with a key ({keyed / total_label:.1%})\n")
    out.write("\n")
    header = ("key", "label", "mentions", "docs", "surfaces", "documents")
    rows = [
        (
            r.key,
            r.label,
            str(r.mentions),
            str(len(r.documents)),
            _surfaces(r),
            " ".join(list(r.documents)[:EXAMPLE_DOCS]),
        )
        for r in (view.rows[:top] if top else view.rows)
    ]
    widths = [max([_width(h), *(_width(row[i]) for row in rows)]) for i, h in enumerate(header[:4])]
    out.write("  ".join(_pad(h, w) for h, w in zip(header[:4], widths, strict=True)) + "  surfaces  (documents)\n")
    for row in rows:
        cells = "  ".join(_pad(c, w, right=i >= 2) for i, (c, w) in enumerate(zip(row[:4], widths, strict=True)))
        out.write(f"{cells}  {row[4]}  ({row[5]})\n")
    if unkeyed:
        out.write("\nmost frequent surfaces without a key\n")
        for label, counter in sorted(view.unkeyed.items()):
            listed = " ".join(f"{s}({n})" for s, n in counter.most_common(unkeyed))
            out.write(f"  {label:<9} {listed}\n")


def render(view: View, fmt: str, out: TextIO, *, top: int | None = None, unkeyed: int = 0) -> None:
    """Write the view as a table, JSON (one document) or CSV (one row per key)."""
    rows = view.rows[:top] if top else view.rows
    if fmt == "json":
        data: dict[str, Any] = {
            "documents": view.documents,
            "coverage": view.coverage(),
            "keys": [r.as_dict() for r in rows],
        }
        if unkeyed:
            data["unkeyed"] = {k: dict(v.most_common(unkeyed)) for k, v in sorted(view.unkeyed.items())}
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["key", "label", "mentions", "documents", "surfaces", "example_documents"])
        for r in rows:
            surfaces = "|".join(f"{s}:{n}" for s, n in r.surfaces.most_common())
            writer.writerow(
                [r.key, r.label, r.mentions, len(r.documents), surfaces, "|".join(list(r.documents)[:EXAMPLE_DOCS])]
            )
        out.write(buffer.getvalue())
    else:
        _table(view, top, unkeyed, out)


def run_entities(
    path: Path, out: TextIO, *, fmt: str = "table", label: str | None = None, top: int | None = None, unkeyed: int = 0
) -> View:
    """Read an extraction's records at ``path`` and write the view of their keys to ``out``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if not path.is_file():
        raise PipelineError(Code.E101_NOT_FOUND, str(path))
    view = build_view(read_jsonl(path), label)
    render(view, fmt, out, top=top, unkeyed=unkeyed)
    return view
