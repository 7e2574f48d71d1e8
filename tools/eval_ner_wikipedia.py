"""Score the entities stage on the stockmark ner-wikipedia dataset (development split by default).

    python tools/eval_ner_wikipedia.py [--data ner.json] [--bare] [--confusion] [--limit N]

The dataset (CC BY-SA 3.0, stockmarkteam/ner-wikipedia-dataset v2.0) has 8 types; they are
collapsed to ours: 人名→PERSON, 法人名/政治的組織名/その他の組織名→ORG, 地名→LOCATION,
施設名→FACILITY, 製品名→PRODUCT, イベント名→EVENT. The dataset files laws and treaties under
製品名 (as it does books, films and songs), while we split them off as DOCUMENT: for this score
our DOCUMENT is counted as PRODUCT, so the comparison asks the dataset's question.

Splits: sentences whose ``curid`` is divisible by 5 are the held-out test split. This tool scores
only the development split (``curid % 5 != 0``) unless ``--heldout`` is given, which is for the
final, one-off measurement and must never be used while tuning.

``--bare`` scores plain ja_ginza (no domain layer, no rules) through ``ENE_MAP`` alone: the
baseline. ``--confusion`` prints, for each ENE label of the parse, how often its spans coincide
with a gold span of each type (the evidence for the ENE mapping table).

Parses are cached like the pipeline's (``--cache-dir``), keyed on the domain layer's fingerprint.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.evaluate import PRF, match_lenient, match_strict  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "ner-wikipedia" / "ner.json"

# The dataset's 8 types -> our labels.
TYPE_MAP: dict[str, str] = {
    "人名": "PERSON",
    "法人名": "ORG",
    "政治的組織名": "ORG",
    "その他の組織名": "ORG",
    "地名": "LOCATION",
    "施設名": "FACILITY",
    "製品名": "PRODUCT",
    "イベント名": "EVENT",
}
# Our label -> the label it is scored as here (the dataset has no DOCUMENT).
SCORED_AS: dict[str, str] = {"DOCUMENT": "PRODUCT"}


def is_heldout(curid: str | int) -> bool:
    """The held-out test split: ``curid`` divisible by 5."""
    return int(curid) % 5 == 0


def load_sentences(path: Path, *, heldout: bool = False) -> list[dict[str, Any]]:
    """The dev split of ``path`` (or, with ``heldout``, the test split), in file order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [x for x in data if is_heldout(x["curid"]) == heldout]


def gold_items(sentence: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold entities of one sentence as scorer items (label collapsed to ours)."""
    return [
        {"start": e["span"][0], "end": e["span"][1], "label": TYPE_MAP[e["type"]]}
        for e in sentence["entities"]
        if e["type"] in TYPE_MAP
    ]


def pred_items(entities: Iterable[Any]) -> list[dict[str, Any]]:
    """Our entities as scorer items, DOCUMENT scored as PRODUCT."""
    items = []
    for e in entities:
        label = str(e.label)
        items.append({"start": e.start, "end": e.end, "label": SCORED_AS.get(label, label)})
    return items


def score(golds: Sequence[list[dict[str, Any]]], preds: Sequence[list[dict[str, Any]]]) -> dict[str, Any]:
    """Micro strict and lenient P/R/F, and strict per label."""
    strict, lenient = PRF(), PRF()
    per_label: dict[str, PRF] = defaultdict(PRF)

    def label(x: dict[str, Any]) -> str:
        return str(x["label"])

    for gold, pred in zip(golds, preds, strict=True):
        strict += match_strict(gold, pred, label)
        pairs = match_lenient(gold, pred, label)
        lenient += PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
        for lab in {x["label"] for x in [*gold, *pred]}:
            per_label[lab] += match_strict(
                [x for x in gold if x["label"] == lab], [x for x in pred if x["label"] == lab], label
            )
    return {
        "strict": strict.to_dict(),
        "lenient": lenient.to_dict(),
        "per_label": {k: v.to_dict() for k, v in sorted(per_label.items())},
        "sentences": len(golds),
    }


def parse_sentences(
    texts: Sequence[str], *, bare: bool, cache_dir: Path | None, ruler_after: bool = False
) -> list[Any]:
    """GiNZA parses of ``texts`` (with or without the domain layer), through the parse cache.

    ``ruler_after`` places the domain ruler after ``ner`` instead of before (an experiment).
    """
    from pipeline.entities.ruler import add_ruler
    from pipeline.parse import ParseCache, Parser
    from pipeline.resources import load_nlp
    from pipeline.runtime import DISABLED_COMPONENTS, build_nlp, parse_fingerprint
    from pipeline.tokens import split_sentences

    def load_bare() -> Any:
        return load_nlp(disable=DISABLED_COMPONENTS)

    def load_after() -> Any:
        nlp = load_nlp(disable=DISABLED_COMPONENTS)
        add_ruler(nlp, after="ner")
        return nlp

    # the bare parse does not depend on the domain layer: keep its cache across ruler changes
    fingerprint = parse_fingerprint().rsplit("|", 1)[0] + "|bare" if bare else parse_fingerprint()
    load = load_bare if bare else build_nlp
    if ruler_after and not bare:
        fingerprint, load = fingerprint + "|after", load_after
    parser = Parser(load=load, cache=ParseCache(cache_dir, fingerprint))
    return parser.parse_many([(t, split_sentences(t)) for t in texts])


def run(
    sentences: Sequence[dict[str, Any]], *, bare: bool, cache_dir: Path | None, ruler_after: bool = False
) -> tuple[dict[str, Any], list[Any]]:
    """Score ``sentences``; also return the parses (for ``--confusion``)."""
    from pipeline.entities import find_entities
    from pipeline.entities.labels import map_ene_entities

    texts = [s["text"] for s in sentences]
    parses = parse_sentences(texts, bare=bare, cache_dir=cache_dir, ruler_after=ruler_after)
    preds = []
    for text, parsed in zip(texts, parses, strict=True):
        found = map_ene_entities(text, parsed) if bare else find_entities(text, parsed)
        preds.append(pred_items(found))
    return score([gold_items(s) for s in sentences], preds), parses


def errors(sentences: Sequence[dict[str, Any]], parses: Sequence[Any], *, bare: bool, limit: int) -> str:
    """False negatives and false positives (strict) of the first ``limit`` sentences with errors."""
    from pipeline.entities import find_entities
    from pipeline.entities.labels import map_ene_entities

    lines = []
    for sentence, parsed in zip(sentences, parses, strict=True):
        text = sentence["text"]
        found = map_ene_entities(text, parsed) if bare else find_entities(text, parsed)
        gold = {(g["start"], g["end"], g["label"]) for g in gold_items(sentence)}
        pred = {(p["start"], p["end"], p["label"]) for p in pred_items(found)}
        if gold == pred:
            continue
        lines.append(text)
        for a, b, lab in sorted(gold - pred):
            lines.append(f"  FN {lab:9} {text[a:b]}")
        subtypes = {(e.start, e.end): f"{e.subtype}/{e.source}" for e in found}
        for a, b, lab in sorted(pred - gold):
            lines.append(f"  FP {lab:9} {text[a:b]}  ({subtypes.get((a, b))})")
        if len(lines) > limit * 5:
            break
    return "\n".join(lines)


def confusion(sentences: Sequence[dict[str, Any]], parses: Sequence[Any]) -> str:
    """Per parse label: count, and gold types of the spans it matches exactly (or overlaps)."""
    exact: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    for sentence, parsed in zip(sentences, parses, strict=True):
        gold = {(e["span"][0], e["span"][1]): e["type"] for e in sentence["entities"]}
        for ent in parsed.entities:
            total[ent.label] += 1
            hit = gold.get((ent.start, ent.end))
            if hit is None:
                overlaps = [t for (a, b), t in gold.items() if a < ent.end and ent.start < b]
                hit = f"~{overlaps[0]}" if overlaps else "-"
            exact[ent.label][hit] += 1
    lines = []
    for label, n in total.most_common():
        parts = ", ".join(f"{k}:{v}" for k, v in exact[label].most_common(5))
        lines.append(f"{label:28} {n:5d}  {parts}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line; prints a JSON score (and the confusion table when asked)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--bare", action="store_true", help="plain ja_ginza through ENE_MAP only")
    ap.add_argument("--ruler-after", action="store_true", help="experiment: the ruler after ner")
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--errors", type=int, default=0, help="print errors of about N sentences")
    ap.add_argument("--cache-dir", type=Path, default=None, help="parse cache (default: the pipeline's)")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument(
        "--heldout", action="store_true", help="score the held-out split (final measurement only)"
    )
    args = ap.parse_args(argv)
    from pipeline.config import default_cache_dir

    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir())
    sentences = load_sentences(args.data, heldout=args.heldout)
    if args.limit:
        sentences = sentences[: args.limit]
    result, parses = run(sentences, bare=args.bare, cache_dir=cache_dir, ruler_after=args.ruler_after)
    result["split"] = "heldout" if args.heldout else "dev"
    result["system"] = "bare ja_ginza + ENE_MAP" if args.bare else "pipeline.entities"
    if args.ruler_after and not args.bare:
        result["system"] += " (ruler after ner)"
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.confusion:
        print(confusion(sentences, parses))
    if args.errors:
        print(errors(sentences, parses, bare=args.bare, limit=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
