"""Turn an annotator's draft into a gold fixture with exact offsets (and check it).

Annotators read the text and write what they find; counting characters by hand is where gold goes
wrong, so a draft names every span by its surface and, where the surface occurs more than once,
by an ``anchor``: a longer string that occurs exactly once in the text and contains the surface
exactly once. ``nth`` (0-based, over the whole text) is accepted instead of an anchor, and
``start`` pins a span outright. Every ambiguity is an error that lists the occurrences with their
context, so nothing is resolved by guessing.

Draft shape (JSON; ids are the annotator's own references and are renumbered in text order)::

    {"doc_id": "...",
     "dates": [{"id": "d0", "surface": "6月12日", "anchor": "...", "value": "2000-06-12",
                "mod": null, "part": null, "range": null, "flags": [], "resolved_from": "document_date"}],
     "entities": [{"id": "e0", "surface": "ハワード", "label": "PERSON", "subtype": "Person",
                   "canonical": null, "key": "person:ジョン・ハワード",
                   "title": {"surface": "豪首相", "anchor": "ハワード豪首相は"}, "title_qualifier": null,
                   "optional": false}],
     "commitments": [{"id": "c0", "evidence": {"surface": "..."},
                      "trigger": {"surface": "確認", "anchor": "...", "lemma": "確認する"},
                      "type": "confirmation",
                      "actor": {"members": ["JP", "AU"], "inferred": true, "entities": []},
                      "content": {"surface": "..."} | null,
                      "date": {"value": "2000-06-08", "date_id": "d1"} | null,
                      "venue": {"entity_id": "e3"} | null,
                      "recipient": {"members": ["US"], "entities": ["e5"]} | null,
                      "speaker": {"entity_id": "e0", "title": "外務大臣"} | null,
                      "generic": false, "mention": "main", "polarity": "positive"}]}

Usage::

    python tools/gold_draft.py DRAFT.json --text DOC.json -o GOLD.json   # DOC.json: {"id"/"doc_id", "text", ...}
    python tools/gold_draft.py DRAFT.json --jsonl tests/fixtures/raw/X.jsonl -o GOLD.json

Warnings (not errors) name entity surfaces that occur again in the text without an annotation of
their own: one annotation per mention is the rule, but a surface inside a longer name is no mention.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any


class DraftError(ValueError):
    """A span that cannot be placed without guessing."""


def occurrences(text: str, needle: str) -> list[int]:
    """Every start offset of ``needle`` in ``text`` (overlapping ones included)."""
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _context(text: str, at: int, length: int, width: int = 12) -> str:
    return f"{at}: …{text[max(0, at - width):at]}[{text[at:at + length]}]{text[at + length:at + length + width]}…"


def place(text: str, spec: dict[str, Any], what: str) -> tuple[int, int]:
    """The (start, end) of a span spec: surface + anchor / nth / start."""
    surface = spec.get("surface")
    if not isinstance(surface, str) or not surface:
        raise DraftError(f"{what}: no surface")
    if "start" in spec and spec["start"] is not None:
        start = int(spec["start"])
        if text[start:start + len(surface)] != surface:
            raise DraftError(f"{what}: text at {start} is {text[start:start + len(surface)]!r}, not {surface!r}")
        return start, start + len(surface)
    if spec.get("anchor"):
        anchor = spec["anchor"]
        hits = occurrences(text, anchor)
        if len(hits) != 1:
            listed = "; ".join(_context(text, h, len(anchor)) for h in hits[:6]) or "nowhere"
            raise DraftError(f"{what}: anchor {anchor!r} occurs {len(hits)} times ({listed}); use a longer anchor")
        inner = occurrences(anchor, surface)
        if len(inner) != 1:
            raise DraftError(f"{what}: surface {surface!r} occurs {len(inner)} times in its anchor {anchor!r}")
        start = hits[0] + inner[0]
        return start, start + len(surface)
    hits = occurrences(text, surface)
    if "nth" in spec and spec["nth"] is not None:
        n = int(spec["nth"])
        if not 0 <= n < len(hits):
            raise DraftError(f"{what}: {surface!r} has {len(hits)} occurrences, no nth={n}")
        return hits[n], hits[n] + len(surface)
    if len(hits) != 1:
        listed = "; ".join(_context(text, h, len(surface)) for h in hits[:8]) or "nowhere"
        raise DraftError(f"{what}: {surface!r} occurs {len(hits)} times ({listed}); give an anchor")
    return hits[0], hits[0] + len(surface)


def _span(text: str, spec: dict[str, Any] | None, what: str) -> dict[str, Any] | None:
    if spec is None:
        return None
    start, end = place(text, spec, what)
    return {"start": start, "end": end, "surface": text[start:end]}


class _Refs:
    """The draft's ids mapped to the fixture's, and the errors met while mapping."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        self.dates: dict[str, str] = {}
        self.entities: dict[str, str] = {}
        self.entity_items: dict[str, dict[str, Any]] = {}

    def entity(self, ref: str, where: str) -> str:
        if ref not in self.entities:
            self.errors.append(f"{where}: {ref!r} is no entity")
            return ref
        return self.entities[ref]

    def date(self, ref: str, where: str) -> str:
        if ref not in self.dates:
            self.errors.append(f"{where}: {ref!r} is no date")
            return ref
        return self.dates[ref]


def _attempt(errors: list[str], fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except DraftError as exc:
        errors.append(str(exc))
        return None


def _dates(draft: dict[str, Any], text: str, refs: _Refs) -> list[dict[str, Any]]:
    dates = []
    for d in draft.get("dates", []):
        span = _attempt(refs.errors, _span, text, d, f"date {d.get('id')}")
        if span:
            fields = {k: d.get(k) for k in ("value", "mod", "part", "range")}
            dates.append({**span, "_ref": d["id"], **fields, "flags": d.get("flags", []),
                          "resolved_from": d.get("resolved_from")})
    dates.sort(key=lambda x: (x["start"], x["end"]))
    for i, d in enumerate(dates):
        d["id"] = refs.dates[d["_ref"]] = f"d{i}"
    for d in dates:
        if d["resolved_from"] not in (None, "document_date"):
            d["resolved_from"] = refs.date(d["resolved_from"], f"resolved_from of date {d['_ref']}")
    return dates


def _entities(draft: dict[str, Any], text: str, refs: _Refs) -> list[dict[str, Any]]:
    entities = []
    for e in draft.get("entities", []):
        span = _attempt(refs.errors, _span, text, e, f"entity {e.get('id')}")
        title = _attempt(refs.errors, _span, text, e.get("title"), f"title of {e.get('id')}")
        qualifier = _attempt(refs.errors, _span, text, e.get("title_qualifier"), f"title_qualifier of {e.get('id')}")
        if span:
            item = {**span, "_ref": e["id"], "label": e["label"], "subtype": e.get("subtype"),
                    "canonical": e.get("canonical"), "key": e.get("key"), "title": title,
                    "title_qualifier": qualifier}
            if e.get("optional"):
                item["optional"] = True
            entities.append(item)
    entities.sort(key=lambda x: (x["start"], x["end"]))
    for i, e in enumerate(entities):
        e["id"] = refs.entities[e["_ref"]] = f"e{i}"
        refs.entity_items[e["id"]] = e
    return entities


def _arguments(c: dict[str, Any], refs: _Refs) -> dict[str, Any]:
    """A commitment's references (actor, date, venue, recipient, speaker) in the fixture's ids."""
    cid = c.get("id")
    actor = dict(c.get("actor") or {"members": [], "inferred": True, "entities": []})
    actor["entities"] = [refs.entity(r, f"actor of {cid}") for r in actor.get("entities", [])]
    date = c.get("date")
    if date:
        ref = date.get("date_id")
        date = {"value": date["value"], "date_id": refs.date(ref, f"date of {cid}") if ref else None}
    venue = c.get("venue")
    if venue:
        vid = refs.entity(venue["entity_id"], f"venue of {cid}")
        venue = {"entity_id": vid, "surface": refs.entity_items.get(vid, {}).get("surface")}
    recipient = c.get("recipient")
    if recipient:
        recipient = {"members": list(recipient.get("members", [])),
                     "entities": [refs.entity(r, f"recipient of {cid}") for r in recipient.get("entities", [])]}
    speaker = c.get("speaker")
    if speaker:
        sid = refs.entity(speaker["entity_id"], f"speaker of {cid}") if speaker.get("entity_id") else None
        surface = speaker.get("surface") or refs.entity_items.get(sid or "", {}).get("surface")
        speaker = {"entity_id": sid, "surface": surface, "title": speaker.get("title")}
    return {"actor": actor, "date": date, "venue": venue, "recipient": recipient, "speaker": speaker}


def _commitments(draft: dict[str, Any], text: str, refs: _Refs) -> list[dict[str, Any]]:
    commitments = []
    for c in draft.get("commitments", []):
        cid = c.get("id")
        if c.get("trigger") is None:
            refs.errors.append(f"commitment {cid}: no trigger")
            continue
        trigger = _attempt(refs.errors, _span, text, c["trigger"], f"trigger of {cid}")
        evidence = _attempt(refs.errors, _span, text, c.get("evidence"), f"evidence of {cid}")
        content = _attempt(refs.errors, _span, text, c.get("content"), f"content of {cid}")
        if not trigger or not evidence:
            continue
        trigger["lemma"] = c["trigger"].get("lemma") or trigger["surface"]
        if not (evidence["start"] <= trigger["start"] and trigger["end"] <= evidence["end"]):
            refs.errors.append(f"commitment {cid}: the trigger is outside the evidence span")
        item = {**evidence, "trigger": trigger, "type": c["type"], "content": content, **_arguments(c, refs),
                "generic": bool(c.get("generic", False)), "mention": c.get("mention", "main"),
                "polarity": c.get("polarity", "positive")}
        if c.get("optional"):
            item["optional"] = True
        commitments.append(item)
    commitments.sort(key=lambda x: (x["trigger"]["start"], x["start"], x["end"]))
    for i, c in enumerate(commitments):
        c["id"] = f"c{i}"
    return commitments


def _unannotated_repeats(text: str, entities: list[dict[str, Any]]) -> list[str]:
    """Entity surfaces that occur again outside every annotated span."""
    spans = sorted((e["start"], e["end"]) for e in entities)
    covered = set(spans)
    warnings = []
    for e in entities:
        n = len(e["surface"])
        for at in occurrences(text, e["surface"]):
            if (at, at + n) not in covered and not any(a <= at and at + n <= b for a, b in spans):
                where = _context(text, at, n)
                warnings.append(f"entity surface {e['surface']!r} also at {where} without an annotation")
    return sorted(set(warnings))


def build_gold(draft: dict[str, Any], text: str, genre: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """The gold fixture for ``draft`` over ``text``, and warnings; raise ``DraftError`` on any ambiguity."""
    refs = _Refs([])
    dates = _dates(draft, text, refs)
    entities = _entities(draft, text, refs)
    commitments = _commitments(draft, text, refs)
    if refs.errors:
        raise DraftError("\n".join(refs.errors))
    warnings = _unannotated_repeats(text, entities)
    for item in (*dates, *entities):
        item.pop("_ref", None)
    gold = {"doc_id": draft["doc_id"], "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "dates": dates, "entities": entities, "commitments": commitments}
    if genre:
        gold["genre"] = genre
    return gold, warnings


def _load_text(args: argparse.Namespace, doc_id: str) -> tuple[str, str | None]:
    if args.text:
        doc = json.loads(Path(args.text).read_text(encoding="utf-8"))
        return doc["text"], doc.get("genre")
    with open(args.jsonl, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] == doc_id:
                return row["text"], row.get("genre")
    raise SystemExit(f"{doc_id} not in {args.jsonl}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="a JSON file with the document's text")
    source.add_argument("--jsonl", help="a JSONL file holding the document (by id)")
    parser.add_argument("-o", "--out", help="where to write the gold (default: only check)")
    parser.add_argument("--genre")
    args = parser.parse_args(argv)
    draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    text, genre = _load_text(args, draft["doc_id"])
    try:
        gold, warnings = build_gold(draft, text, args.genre or genre)
    except DraftError as exc:
        print(f"{args.draft}: errors:\n{exc}", file=sys.stderr)
        return 1
    for w in warnings:
        print(f"{args.draft}: warning: {w}", file=sys.stderr)
    if args.out:
        text_out = json.dumps(gold, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        Path(args.out).write_text(text_out, encoding="utf-8")
    print(f"{draft['doc_id']}: {len(gold['dates'])} dates, {len(gold['entities'])} entities, "
          f"{len(gold['commitments'])} commitments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
