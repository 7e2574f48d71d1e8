"""Speed of the dates stage against ja-timex 0.2.8, side by side on the same texts.

Runs both on the seed document (tests/fixtures/raw) and on at least 1 M characters of real text
read from ../shared/corpora (kokkai-defense and pm-speeches, the first documents of each file in
file order); the corpus part is skipped, with a message, when ../shared/corpora is absent.
Prints characters per second for each tool and the ratio. Only the date stage is timed: no
GiNZA, no tokenizer, no I/O (texts are loaded before the clock starts).

    .venv/bin/python bench/bench_dates.py [--chars 1200000] [--min-seconds 2]

ja-timex is a development-only dependency (requirements-dev.lock); it is given the same text, one
parser instance for the whole run, and no reference date (a reference only changes how it
resolves relative expressions, not how it scans).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.dates import find_dates  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "raw" / "000_78a5285e60ebba0f.txt"
SEED_DATE = dt.date(2012, 7, 31)
# ../shared/corpora beside the checkout (or beside a parent folder holding git worktrees)
CORPORA = next((p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent)
CORPUS_FILES = ("kokkai-defense/speeches.jsonl.gz", "pm-speeches/speeches.jsonl.gz")

Doc = tuple[str, dt.date | None]


def load_corpus(limit: int) -> list[Doc]:
    """About ``limit`` characters, half from each corpus file, in file order."""
    docs: list[Doc] = []
    share = limit // len(CORPUS_FILES) + 1
    for name in CORPUS_FILES:
        taken = 0
        with gzip.open(CORPORA / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
                docs.append((record["text"], date))
                taken += len(record["text"])
                if taken >= share:
                    break
    return docs


def timed(run: Callable[[Doc], int], docs: Sequence[Doc], min_seconds: float) -> tuple[float, int, int]:
    """Run over ``docs`` (repeated until ``min_seconds`` have passed): chars/s, mentions, rounds."""
    chars = sum(len(text) for text, _ in docs)
    rounds = 0
    mentions = 0
    started = time.perf_counter()
    while True:
        mentions = sum(run(doc) for doc in docs)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return chars * rounds / elapsed, mentions, rounds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=1_200_000, help="corpus characters (>= 1 M)")
    parser.add_argument("--min-seconds", type=float, default=2.0, help="minimum timing per measurement")
    args = parser.parse_args(argv)

    try:
        from ja_timex import TimexParser
    except ImportError:
        print("ja-timex is not installed (pip install -r requirements-dev.lock)", file=sys.stderr)
        return 2
    timex = TimexParser()

    def ours(doc: Doc) -> int:
        return len(find_dates(doc[0], document_date=doc[1]).dates)

    def theirs(doc: Doc) -> int:
        return len(timex.parse(doc[0]))

    for run in (ours, theirs):  # warm-up: imports, compiled patterns, lazy tables
        run(("平成22年11月13日に合意した。", None))

    sets: list[tuple[str, list[Doc]]] = [("seed", [(SEED.read_text(encoding="utf-8"), SEED_DATE)])]
    if CORPORA.is_dir():
        sets.append(("corpora (kokkai-defense + pm-speeches)", load_corpus(args.chars)))
    else:
        print(f"note: {CORPORA} not found; the corpus benchmark is skipped", file=sys.stderr)

    print(f"{'text':42} {'chars':>10} {'ours chars/s':>14} {'ja-timex chars/s':>17} {'ratio':>8}")
    for name, docs in sets:
        chars = sum(len(text) for text, _ in docs)
        our_speed, our_n, _ = timed(ours, docs, args.min_seconds)
        their_speed, their_n, _ = timed(theirs, docs, args.min_seconds)
        ratio = our_speed / their_speed
        print(
            f"{name:42} {chars:>10,} {our_speed:>14,.0f} {their_speed:>17,.0f} {ratio:>7.1f}x"
            f"   (mentions: ours {our_n:,}, ja-timex {their_n:,}; {len(docs)} documents)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
