"""Run the commitments stage on the fixture documents and print/score what it finds.

    python tools/commitments_dev.py [--oracle] [--gold DIR] [--show] [DOC_ID_SUBSTRING]

Default (end to end): dates and entities come from the pipeline's own stages. ``--oracle``: they
come from the gold fixture (ids kept), which measures the commitments stage in isolation.
``--diff`` lists every mismatch; a missed trigger a veto dropped names its rule (vetoes.py).
GiNZA parses are read from the parse cache (one model load on a miss).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.commitments.document import read  # noqa: E402
from pipeline.commitments.frame import Vetoed  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.dates import find_dates  # noqa: E402
from pipeline.documents import Document, document_date, read_documents  # noqa: E402
from pipeline.entities import find_entities  # noqa: E402
from pipeline.evaluate import DocScores, score_commitments  # noqa: E402
from pipeline.record import _plain  # noqa: E402
from pipeline.runtime import Resources  # noqa: E402
from pipeline.schema import DateMention, Entity, EntityLabel, Span  # noqa: E402
from pipeline.tokens import find_sentences  # noqa: E402


def gold_dates(items: list[dict]) -> list[DateMention]:
    keys = DateMention.__slots__
    return [
        DateMention(**{k: v for k, v in d.items() if k in keys and k != "flags"}, flags=tuple(d.get("flags") or ()))
        for d in items
    ]


def gold_entities(items: list[dict]) -> list[Entity]:
    out = []
    for e in items:
        title = Span(**e["title"]) if e.get("title") else None
        qual = Span(**e["title_qualifier"]) if e.get("title_qualifier") else None
        out.append(
            Entity(
                id=e["id"],
                start=e["start"],
                end=e["end"],
                surface=e["surface"],
                label=EntityLabel(e["label"]),
                subtype=e.get("subtype"),
                canonical=e.get("canonical"),
                title=title,
                title_qualifier=qual,
            )
        )
    return out


def diff(gold: dict, pred: list[dict], text: str, pents: dict, vetoed: tuple[Vetoed, ...] = ()) -> None:
    from pipeline.evaluate import match_lenient
    from pipeline.evaluate import trigger_span as tspan

    gents = {e["id"]: e for e in gold["entities"]}
    pairs = match_lenient(gold["commitments"], pred, span=tspan)
    matched_p = {pi for _, pi in pairs}
    matched_g = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        g, p = gold["commitments"][gi], pred[pi]
        bad = []
        if g["type"] != p["type"]:
            bad.append(f"type {g['type']}≠{p['type']}")
        if sorted(g["actor"]["members"]) != sorted(p["actor"]["members"]):
            bad.append(f"actor {g['actor']['members']}≠{p['actor']['members']}")
        gd, pd = (g.get("date") or {}).get("value"), (p.get("date") or {}).get("value")
        if gd != pd:
            bad.append(f"date {gd}≠{pd}")
        gv = (g.get("venue") or {}).get("entity_id")
        pv = (p.get("venue") or {}).get("entity_id")
        ge, pe = gents.get(gv), pents.get(pv)
        ok = (ge is None and pe is None) or bool(ge and pe and ge["start"] < pe["end"] and pe["start"] < ge["end"])
        if not ok:
            gs = f"{ge['surface']}@{ge['start']}" if ge else None
            ps = f"{pe['surface']}@{pe['start']}" if pe else None
            bad.append(f"venue {gs}≠{ps}")
        if g.get("polarity") != p.get("polarity"):
            bad.append(f"polarity {g.get('polarity')}≠{p.get('polarity')}")
        if bad:
            print(f"   ~ {g['trigger']['surface']!r} @{g['trigger']['start']}: " + "; ".join(bad))
    for gi, g in enumerate(gold["commitments"]):
        if gi not in matched_g:
            t = g["trigger"]
            before = text[max(0, t["start"] - 40) : t["end"]]
            # the rule (pipeline/commitments/vetoes.py) that dropped a trigger found there
            why = [v.rule for v in vetoed if v.trigger.start < t["end"] and t["start"] < v.trigger.end]
            note = f" (vetoed: {why[0]})" if why else ""
            print(f"   - MISSED {g['type']} {t['surface']!r} @{t['start']} ...{before}{note}")
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            t = p["trigger"]
            before = text[max(0, t["start"] - 40) : t["end"]]
            print(f"   + EXTRA {p['type']} {t['surface']!r} @{t['start']} ...{before}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="*")
    ap.add_argument("--inputs", nargs="*", default=[str(ROOT / "tests/fixtures/raw")])
    ap.add_argument("--gold", default=str(ROOT / "tests/fixtures/gold"))
    ap.add_argument("--oracle", action="store_true")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--context", action="store_true")
    ap.add_argument("--diff", action="store_true")
    args = ap.parse_args()
    docs = [d for d in read_documents([Path(p) for p in args.inputs]) if isinstance(d, Document)]
    if args.docs:
        docs = [d for d in docs if any(s in d.doc_id for s in args.docs)]
    res = Resources.create(Config())
    items = [(d.text, [(s.start, s.end) for s in find_sentences(d.text, None)]) for d in docs]
    parsed = res.parser.parse_many(items)
    total = DocScores()
    for doc, p in zip(docs, parsed, strict=False):
        sentences = find_sentences(doc.text, None)
        gold_path = Path(args.gold) / f"{doc.doc_id}.json"
        gold = json.loads(gold_path.read_text()) if gold_path.exists() else None
        if args.oracle and gold is not None:
            dates, entities = gold_dates(gold["dates"]), gold_entities(gold["entities"])
        else:
            dates = list(find_dates(doc.text, document_date=document_date(doc), sentences=sentences).dates)
            entities = list(find_entities(doc.text, p, sentences=sentences))
        reading = read(doc.text, p, sentences=sentences, dates=dates, entities=entities, meta=doc.meta)
        found = reading.commitments
        pred = [_plain(c) for c in found]
        if args.show or gold is None:
            print("=====", doc.doc_id, len(found))
            for c in pred:
                actor = f"{c['actor']['members']} inf={c['actor']['inferred']}"
                when = (c["date"] or {}).get("value")
                where = (c["venue"] or {}).get("surface")
                what = (c["content"] or {}).get("surface", "")[:40]
                print(f"  {c['type']:13s} {c['trigger']['surface']!r:22s} {actor} date={when} venue={where}")
                print(f"      {c['mention']} {c['polarity']} | {what}")
                if args.context:
                    t0 = c["trigger"]["start"]
                    print("       ..." + doc.text[max(0, t0 - 60) : c["trigger"]["end"] + 8].replace("\n", "⏎"))
        if gold is not None:
            scores = DocScores()
            ents_p = {e.id: _plain(e) for e in entities}
            score_commitments(gold["commitments"], pred, scores, {str(e["id"]): e for e in gold["entities"]}, ents_p)
            total.merge(scores)
            if args.diff:
                diff(gold, pred, doc.text, ents_p, reading.vetoed)
            d = scores.to_dict()
            print(
                doc.doc_id,
                {
                    k: d[k]
                    for k in sorted(d)
                    if k.startswith("commitments_") and not k.endswith("_n") and "per_type" not in k
                },
            )
    d = total.to_dict()
    if d:
        print("TOTAL", {k: d[k] for k in sorted(d) if k.startswith("commitments_") and "per_type" not in k})


if __name__ == "__main__":
    main()
