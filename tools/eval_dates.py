"""Score the dates stage on a set of hand-labelled cases (one JSON object a line).

Each case: ``{"id", "text", "doc_date", "dates": [{"surface", "value", "mod", "part", "range",
"nth"?}], "family", "kind": "positive"|"trap"}``. Reported per family and overall:

- **value accuracy**: the share of gold dates found with the same span and the same value;
- **strict**: the same span, value, mod, part and range (P/R/F);
- **traps taken**: the share of trap cases where the stage reports any date the case does not list.

Usage: ``python tools/eval_dates.py CASES.jsonl [--show N]`` (prints the first N errors per family).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.dates import find_dates
from pipeline.tokens import find_sentences


def _gold_spans(case: dict[str, Any]) -> list[dict[str, Any]]:
    spans = []
    for d in case["dates"]:
        text, surface = case["text"], d["surface"]
        at, seen = -1, -1
        for _ in range(int(d.get("nth") or 0) + 1):
            at = text.find(surface, at + 1)
            seen += 1
        if at < 0:
            raise ValueError(f"{case['id']}: {surface!r} not in the text")
        spans.append({**d, "start": at, "end": at + len(surface)})
    return spans


def _key(d: Any) -> tuple[Any, ...]:
    get = d.get if isinstance(d, dict) else lambda k: getattr(d, k)
    mod, part = get("mod"), get("part")
    return (get("start"), get("end"), get("value"), str(mod) if mod else None, str(part) if part else None,
            get("range"))


def score(cases: list[dict[str, Any]], show: int = 0) -> dict[str, Any]:
    """Counts and rates per family and overall."""
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    errors: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        doc_date = dt.date.fromisoformat(case["doc_date"]) if case.get("doc_date") else None
        text = case["text"]
        found = find_dates(text, document_date=doc_date, sentences=find_sentences(text, None)).dates
        gold = _gold_spans(case)
        pred = {(d.start, d.end): d for d in found}
        gold_spans = {(g["start"], g["end"]) for g in gold}
        for family in (case["family"], "ALL"):
            st = stats[family]
            st["cases"] += 1
            for g in gold:
                st["gold"] += 1
                p = pred.get((g["start"], g["end"]))
                st["value_ok"] += int(p is not None and p.value == g["value"])
                st["strict_tp"] += int(p is not None and _key(p) == _key(g))
            st["pred"] += len(found)
            if case["kind"] == "trap":
                st["traps"] += 1
                st["traps_taken"] += int(any((d.start, d.end) not in gold_spans for d in found))
        wrong = [g for g in gold if (p := pred.get((g["start"], g["end"]))) is None or p.value != g["value"]]
        extra = [d for d in found if (d.start, d.end) not in gold_spans]
        if (wrong or extra) and len(errors[case["family"]]) < show:
            got = ", ".join(f"{d.surface}={d.value}" for d in found) or "-"
            want = ", ".join(f"{g['surface']}={g['value']}" for g in gold) or "-"
            errors[case["family"]].append(f"{case['id']}: want {want} | got {got} | {text[:80]!r}")
    out = {}
    for family, st in sorted(stats.items()):
        p = st["strict_tp"] / st["pred"] if st["pred"] else 0.0
        r = st["strict_tp"] / st["gold"] if st["gold"] else 0.0
        out[family] = {
            "cases": st["cases"],
            "gold": st["gold"],
            "value_acc": round(st["value_ok"] / st["gold"], 4) if st["gold"] else None,
            "strict_p": round(p, 4),
            "strict_r": round(r, 4),
            "strict_f": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "traps": st["traps"],
            "traps_taken": round(st["traps_taken"] / st["traps"], 4) if st["traps"] else None,
        }
    return {"scores": out, "errors": dict(errors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print the first N errors per family")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(cases, args.show)
    print(f"{'family':14} {'cases':>5} {'gold':>5} {'value':>6} {'P':>6} {'R':>6} {'F':>6} {'traps':>5} {'taken':>6}")
    for family, s in result["scores"].items():
        value = "-" if s["value_acc"] is None else f"{s['value_acc']:.3f}"
        taken = "-" if s["traps_taken"] is None else f"{s['traps_taken']:.3f}"
        print(f"{family:14} {s['cases']:5d} {s['gold']:5d} {value:>6} {s['strict_p']:6.3f} {s['strict_r']:6.3f}"
              f" {s['strict_f']:6.3f} {s['traps']:5d} {taken:>6}")
    for family, lines in result["errors"].items():
        print(f"\n{family}:")
        for line in lines:
            print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(result["scores"], indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
