"""Person keys against the gold, per genre, on the persons the issue's target counts (run by hand).

``ents_person_key_acc`` (pipeline/evaluate) counts every required gold PERSON with a key. The
identity target is stated over the persons whose full name is *in the document or in the office
table*: this prints, per genre, that accuracy, the accuracy on all gold persons, and the misses of
the target with the reason (no predicted PERSON overlaps it: a boundary miss; else a wrong key).

    python tools/eval_person_keys.py EXTRACTIONS.jsonl [--gold tests/fixtures/gold] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.entities.offices import terms  # noqa: E402
from pipeline.jsonl import read_jsonl  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "gold")
    parser.add_argument("--misses", action="store_true", help="list every miss of the target")
    args = parser.parse_args(argv)
    pred = {r["doc_id"]: r for r in read_jsonl(args.predictions)}
    holders = {t.holder for t in terms()}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        record = pred.get(gold["doc_id"])
        if record is None:
            continue
        text = record["text"].replace("\u3000", "")
        for ent in gold["entities"]:
            if ent.get("optional") or ent.get("label") != "PERSON" or not ent.get("key"):
                continue
            name = ent["key"].split(":", 1)[1]
            target = name in text or name in holders
            found = [
                p
                for p in record["entities"]
                if p["label"] == "PERSON" and p["start"] < ent["end"] and ent["start"] < p["end"]
            ]
            right = bool(found) and found[0].get("key") == ent["key"]
            for scope in ("all", "target") if target else ("all",):
                counts[(gold.get("genre", "other"), scope)][0] += int(right)
                counts[(gold.get("genre", "other"), scope)][1] += 1
            if target and not right:
                why = "not found" if not found else f"key {found[0].get('key')} on {found[0]['surface']}"
                misses.append((gold["doc_id"], ent["surface"], ent["key"], why))
    print(f"{'genre':<11}{'all':>16}{'target':>16}")
    genres = sorted({g for g, _ in counts})
    for genre in [*genres, "overall"]:
        cells = []
        for scope in ("all", "target"):
            right = sum(v[0] for (g, s), v in counts.items() if s == scope and genre in (g, "overall"))
            total = sum(v[1] for (g, s), v in counts.items() if s == scope and genre in (g, "overall"))
            cells.append(f"{right / total:.3f} ({right}/{total})" if total else "-")
        print(f"{genre:<11}{cells[0]:>16}{cells[1]:>16}")
    if args.misses:
        for miss in misses:
            print("  ", *miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
