"""The domain ruler: accuracy by placement (none / before ``ner`` / after ``ner``) and its cost.

    OPENBLAS_NUM_THREADS=1 python bench/entities_ruler.py [--speed-chars 30000]

Accuracy: strict/lenient entity F1 on the gold fixtures (tests/fixtures/raw + gold) and strict F1
on the ner-wikipedia dev sample (tests/fixtures/ner_wikipedia), each through ``find_entities``.
"none" runs the same rules over a parse without the ruler (titles are then never attached).
Speed: chars/s of ``nlp.pipe`` over Diet speeches (raw/kokkai-defense-sample.jsonl), with and
without the ruler, best of two runs. One process, one thread; numbers move ±10% between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.documents import read_documents  # noqa: E402
from pipeline.entities import find_entities  # noqa: E402
from pipeline.entities.ruler import RULER_NAME, add_ruler  # noqa: E402
from pipeline.evaluate import evaluate, load_gold  # noqa: E402
from pipeline.parse import ParseCache, Parser  # noqa: E402
from pipeline.record import to_record  # noqa: E402
from pipeline.resources import load_nlp  # noqa: E402
from pipeline.runtime import DISABLED_COMPONENTS  # noqa: E402
from pipeline.schema import Extraction  # noqa: E402
from pipeline.tokens import split_sentences  # noqa: E402
from tools.eval_ner_wikipedia import gold_items, pred_items, score  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def build(placement: str) -> Any:
    nlp = load_nlp(disable=DISABLED_COMPONENTS)
    if placement == "before":
        add_ruler(nlp, before="ner")
    elif placement == "after":
        add_ruler(nlp, after="ner")
    return nlp


def parse(nlp: Any, texts: list[str]) -> list[Any]:
    parser = Parser(load=lambda: nlp, cache=ParseCache(None, ""))
    return parser.parse_many([(t, split_sentences(t)) for t in texts])


def gold_scores(nlp: Any) -> dict[str, Any]:
    docs = [d for d in read_documents([FIXTURES / "raw"]) if hasattr(d, "text")]
    parses = parse(nlp, [d.text for d in docs])
    records = []
    for doc, parsed in zip(docs, parses, strict=True):
        records.append(to_record(Extraction(document=doc, entities=find_entities(doc.text, parsed))))
    overall = evaluate(records, load_gold(FIXTURES / "gold"))["overall"]
    return {k: overall[k] for k in ("ents_f", "ents_lenient_f", "ents_title_acc")}


def wiki_scores(nlp: Any) -> dict[str, Any]:
    sentences = json.loads((FIXTURES / "ner_wikipedia" / "ner_dev_sample.json").read_text(encoding="utf-8"))
    texts = [s["text"] for s in sentences]
    preds = [pred_items(find_entities(t, p)) for t, p in zip(texts, parse(nlp, texts), strict=True)]
    result = score([gold_items(s) for s in sentences], preds)
    return {"strict_f": result["strict"]["f"], "lenient_f": result["lenient"]["f"]}


def speed(nlp: Any, texts: list[str]) -> float:
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        best = min(best, time.perf_counter() - started)
    return chars / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--speed-chars", type=int, default=30_000)
    args = ap.parse_args()
    rows = {}
    for placement in ("none", "before", "after"):
        nlp = build(placement)
        rows[placement] = {"gold": gold_scores(nlp), "ner_wikipedia_dev_sample": wiki_scores(nlp)}
        print(placement, json.dumps(rows[placement]), flush=True)
    speech = [
        json.loads(line)["text"] for line in (ROOT / "raw" / "kokkai-defense-sample.jsonl").open(encoding="utf-8")
    ]
    texts, total = [], 0
    for text in speech:
        for a, b in split_sentences(text):
            if total >= args.speed_chars:
                break
            texts.append(text[a:b])
            total += b - a
    bare = build("none")
    ruled = build("before")
    assert RULER_NAME in ruled.pipe_names
    # the ruler alone, over tokenized docs: its cost does not drown in the machine's noise
    with ruled.select_pipes(enable=[]):
        docs = list(ruled.pipe(texts))
    ruler = ruled.get_pipe(RULER_NAME)
    started = time.perf_counter()
    for doc in docs:
        ruler(doc)
    ruler_only = total / (time.perf_counter() - started)
    rows["speed_chars_per_s"] = {
        "without_ruler": round(speed(bare, texts)),
        "with_ruler": round(speed(ruled, texts)),
        "ruler_alone": round(ruler_only),
    }
    print("speed", json.dumps(rows["speed_chars_per_s"]), flush=True)


if __name__ == "__main__":
    main()
