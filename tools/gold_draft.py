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


def build_gold(draft: dict[str, Any], text: str, genre: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """The gold fixture for ``draft`` over ``text``, and warnings; raise ``DraftError`` on any ambiguity."""
    errors: list[str] = []
    warnings: list[str] = []

    def attempt(fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except DraftError as exc:
            errors.append(str(exc))
            return None

    dates = []
    for d in draft.get("dates", []):
        span = attempt(_span, text, d, f"date {d.get('id')}")
        if span:
            dates.append({**span, "_ref": d["id"], **{k: d.get(k) for k in ("value", "mod", "part", "range")},
                          "flags": d.get("flags", []), "resolved_from": d.get("resolved_from")})
    entities = []
    for e in draft.get("entities", []):
        span = attempt(_span, text, e, f"entity {e.get('id')}")
        title = attempt(_span, text, e.get("title"), f"title of {e.get('id')}")
        qualifier = attempt(_span, text, e.get("title_qualifier"), f"title_qualifier of {e.get('id')}")
        if span:
            item = {**span, "_ref": e["id"], "label": e["label"], "subtype": e.get("subtype"),
                    "canonical": e.get("canonical"), "key": e.get("key"), "title": title,
                    "title_qualifier": qualifier}
            if e.get("optional"):
                item["optional"] = True
            entities.append(item)
    dates.sort(key=lambda x: (x["start"], x["end"]))
    entities.sort(key=lambda x: (x["start"], x["end"]))
    date_ids = {d["_ref"]: f"d{i}" for i, d in enumerate(dates)}
    ent_ids = {e["_ref"]: f"e{i}" for i, e in enumerate(entities)}
    ents_by_new = {}
    for i, d in enumerate(dates):
        d["id"] = f"d{i}"
    for d in dates:
        ref = d["resolved_from"]
        if ref not in (None, "document_date"):
            if ref not in date_ids:
                errors.append(f"date {d['_ref']}: resolved_from {ref!r} is no date")
            d["resolved_from"] = date_ids.get(ref, ref)
    for i, e in enumerate(entities):
        e["id"] = f"e{i}"
        ents_by_new[e["id"]] = e

    def ent_ref(ref: str, where: str) -> str:
        if ref not in ent_ids:
            errors.append(f"{where}: {ref!r} is no entity")
            return ref
        return ent_ids[ref]

    commitments = []
    for c in draft.get("commitments", []):
        cid = c.get("id")
        trigger = attempt(_span, text, c.get("trigger"), f"trigger of {cid}")
        evidence = attempt(_span, text, c.get("evidence"), f"evidence of {cid}")
        content = attempt(_span, text, c.get("content"), f"content of {cid}")
        if not trigger or not evidence:
            if not trigger and c.get("trigger") is None:
                errors.append(f"commitment {cid}: no trigger")
            continue
        trigger["lemma"] = c["trigger"].get("lemma") or trigger["surface"]
        if not (evidence["start"] <= trigger["start"] and trigger["end"] <= evidence["end"]):
            errors.append(f"commitment {cid}: the trigger is outside the evidence span")
        actor = dict(c.get("actor") or {"members": [], "inferred": True, "entities": []})
        actor["entities"] = [ent_ref(r, f"actor of {cid}") for r in actor.get("entities", [])]
        date = c.get("date")
        if date:
            ref = date.get("date_id")
            if ref is not None and ref not in date_ids:
                errors.append(f"date of {cid}: {ref!r} is no date")
            date = {"value": date["value"], "date_id": date_ids.get(ref, ref) if ref else None}
        venue = c.get("venue")
        if venue:
            vid = ent_ref(venue["entity_id"], f"venue of {cid}")
            venue = {"entity_id": vid, "surface": ents_by_new[vid]["surface"] if vid in ents_by_new else None}
        recipient = c.get("recipient")
        if recipient:
            recipient = {"members": list(recipient.get("members", [])),
                         "entities": [ent_ref(r, f"recipient of {cid}") for r in recipient.get("entities", [])]}
        speaker = c.get("speaker")
        if speaker:
            sid = speaker.get("entity_id")
            sid = ent_ref(sid, f"speaker of {cid}") if sid else None
            surface = speaker.get("surface") or (ents_by_new[sid]["surface"] if sid in ents_by_new else None)
            speaker = {"entity_id": sid, "surface": surface, "title": speaker.get("title")}
        commitments.append({**evidence, "trigger": trigger, "type": c["type"], "actor": actor, "content": content,
                            "date": date, "venue": venue, "recipient": recipient, "speaker": speaker,
                            "generic": bool(c.get("generic", False)), "mention": c.get("mention", "main"),
                            "polarity": c.get("polarity", "positive")})
    commitments.sort(key=lambda x: (x["trigger"]["start"], x["start"], x["end"]))
    for i, c in enumerate(commitments):
        c["id"] = f"c{i}"
    if errors:
        raise DraftError("\n".join(errors))
    covered = {(e["start"], e["end"]) for e in entities}
    spans = sorted(covered)
    for e in entities:
        for at in occurrences(text, e["surface"]):
            if (at, at + len(e["surface"])) in covered:
                continue
            inside = any(a <= at and at + len(e["surface"]) <= b for a, b in spans)
            if not inside:
                warnings.append(f"entity surface {e['surface']!r} also at {_context(text, at, len(e['surface']))}"
                                " without an annotation")
    for item in (*dates, *entities):
        item.pop("_ref", None)
    gold = {"doc_id": draft["doc_id"], "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "dates": dates, "entities": entities, "commitments": commitments}
    if genre:
        gold["genre"] = genre
    return gold, sorted(set(warnings))


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
