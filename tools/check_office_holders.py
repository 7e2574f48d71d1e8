"""Check the office-holder table against dated title + name mentions in real text (run by hand).

The table (``pipeline/data/entities/office_holders.tsv``) was compiled, not fetched; this finds
every dated mention of a name with a title of one office in the corpora and asks the table whether
that name held that office on that day:

- Diet speaker lines with a specific title, ``○内閣総理大臣（安倍晋三君）`` (full name);
- a title before a full name, ``内閣総理大臣小泉純一郎君``, ``防衛大臣小野寺五典君``;
- a name before a title, ``岸田外務大臣``, ``小野寺防衛大臣``, ``パネッタ米国防長官``, ``温家宝総理``,
  not after 元/前/故/当時/次期 and not before (当時): those name a past or next holder on purpose.

Each mention is ``agree`` (the table has that name in that office on that day), ``boundary`` (it
has the name in the office within ``--boundary`` days of that day: a date to check), ``former``
or ``later`` (the name held the office well before or after: a speaker naming a predecessor, or an
error), or ``unknown`` (no holder of that office with that name: another person, or a missing
row). Generic titles (国務大臣, 大臣, 長官, 委員長 of a committee) are not checked.

    python tools/check_office_holders.py [--corpora ../shared/corpora] [--out DIR] [--sample N]
    python tools/check_office_holders.py --mentions tests/fixtures/office_mentions.jsonl

``--sample N`` writes N mentions of each verdict class it found (agree, boundary, former) per
office, with their source, to ``tests/fixtures/office_mentions.jsonl`` (the test's sample).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.entities import offices  # noqa: E402
from pipeline.entities.data import identity_rules  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "office_mentions.jsonl"
# Titles that name many offices, or (委員長) mostly a Diet committee's chair: not checked.
GENERIC = {"国務大臣", "大臣", "長官", "委員長", "主席", "総書記"}
QUALIFIED_BEFORE = re.compile(r"(?:元|前|故|当時の?|旧|歴代|初代|次期|新|同|副|代理|臨時代理)$")
QUALIFIED_AFTER = re.compile(
    r"^(?:[（(]当時[）)]|代行|代理|臨時代理|事務取扱|在任|時代|当時|経験|就任|政務官|秘書官|補佐官|特別補佐|首席|次席|室|官房)"
)
KANJI_RUN = "[一-龥々]"
KANA_NAME = "[ァ-ヶー]{2,}(?:・[ァ-ヶー]{1,})*"


@dataclass(frozen=True)
class Mention:
    """A dated title + name in a corpus document, with where it was found."""

    corpus: str
    doc_id: str
    url: str
    date: str
    form: str
    title: str
    name: str
    context: str


def _titles() -> list[str]:
    listed = identity_rules()["titles"]["offices"]
    return sorted((t for t in listed if not t.startswith("_") and t not in GENERIC), key=len, reverse=True)


def _prefixes() -> list[str]:
    # Country prefixes written before a title (米国防長官): the table's own list, short ones only.
    found = {p for p, _ in offices.country_prefixes() if len(p) <= 8}
    return sorted(found, key=len, reverse=True)


def _patterns() -> dict[str, re.Pattern[str]]:
    titles = "|".join(map(re.escape, _titles()))
    return {
        "speaker": re.compile(rf"^○(?P<title>{titles})（(?P<name>[^）\s]{{2,12}}?)君）", re.M),
        "title_name": re.compile(rf"(?P<title>{titles})(?P<name>{KANJI_RUN}{{2,6}}?)君"),
        # a run of name and title characters; split by _splits (a name, then a title)
        "name_title": re.compile(rf"(?<![一-龥々ァ-ヶー・])[一-龥々ァ-ヶー・]{{2,30}}(?:{titles})"),
    }


NAME_KANJI = re.compile(r"^[一-龥々]{1,4}$")
NAME_KANA = re.compile(rf"^{KANA_NAME}$")
QUALIFIER_END = ("元", "前", "副", "故", "新", "現", "同", "旧")


def _splits(run: str) -> Iterator[tuple[str, str]]:
    """(name, title) readings of a run (田中防衛大臣: 田中 + 防衛大臣; 田 + 中防衛大臣 too), longest title first."""
    if offices.read_title(run) is not None:
        return  # the run is a title alone (内閣総理大臣)
    for cut in range(1, len(run)):
        name, title = run[:cut], run[cut:].lstrip("・")
        if not (NAME_KANJI.match(name) or NAME_KANA.match(name)) or name.endswith(QUALIFIER_END):
            continue
        read = offices.read_title(title)
        if read is not None and read.core not in GENERIC:
            yield name, title


def _documents(corpora: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    files = [
        ("diet", corpora / "kokkai-defense" / "speeches.jsonl.gz"),
        ("pm", corpora / "pm-speeches" / "speeches.jsonl.gz"),
        ("whitepaper", corpora / "whitepapers" / "whitepapers.jsonl"),
        ("mofa", corpora / "mofa-meetings" / "meetings.jsonl"),
    ]
    for corpus, path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield corpus, json.loads(line)


def find_mentions(corpora: Path, since: str = "1990-01-01", skip: frozenset[str] = frozenset()) -> Iterator[Mention]:
    """Every checkable title + name mention of the corpora dated ``since`` or later (not in ``skip``)."""
    patterns = _patterns()
    for corpus, doc in _documents(corpora):
        date, text = doc.get("date") or "", doc["text"]
        if date < since or doc["id"] in skip:
            continue
        for form, pattern in patterns.items():
            for match in pattern.finditer(text):
                start, end = match.span()
                if form != "name_title":
                    yield Mention(
                        corpus,
                        doc["id"],
                        doc.get("url", ""),
                        date,
                        form,
                        match.group("title"),
                        match.group("name").replace("\u3000", ""),
                        _context(text, start, end),
                    )
                    continue
                if QUALIFIED_BEFORE.search(text[max(0, start - 4) : start]) or QUALIFIED_AFTER.match(text[end:]):
                    continue
                readings = [
                    Mention(corpus, doc["id"], doc.get("url", ""), date, form, title, name, _context(text, start, end))
                    for name, title in _splits(match.group(0))
                ]
                known = [m for m in readings if verdict(m, 0)[0] != "unknown"]
                if known or readings:
                    yield (known or readings)[0]


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 12) : end + 12].replace("\n", " ")


def verdict(mention: Mention, boundary_days: int) -> tuple[str, str]:
    """(verdict, the table's holders of that office on that day) for one mention."""
    title = offices.read_title(mention.title)
    if title is None:
        return "unchecked", ""
    day = dt.date.fromisoformat(mention.date)
    whole = offices.canonical_full_name(mention.name) if mention.form != "name_title" or "・" in mention.name else None
    named = offices.terms_named(whole) if whole else offices.terms_named(mention.name)
    cands = [t for t in named if title.allows(t) and (whole is None or t.holder == whole)]
    on_day = sorted({t.holder for t in offices.terms() if title.allows(t) and t.holds_on(day)})
    if not cands:
        return "unknown", "|".join(on_day)
    if title.when != "current":
        expected = offices.holders_named(whole or mention.name, title, day)
        return ("agree" if {t.holder for t in cands} & expected else "former"), "|".join(on_day)
    if any(t.holds_on(day) for t in cands):
        return "agree", "|".join(on_day)
    after = [(day - t.end).days + 1 for t in cands if t.end is not None and t.end <= day]
    before = [(t.start - day).days for t in cands if day < t.start]
    if min([*after, *before], default=boundary_days + 1) <= boundary_days:
        return "boundary", "|".join(on_day)
    return ("former" if after else "later"), "|".join(on_day)


def _office_of(mention: Mention) -> str:
    title = offices.read_title(mention.title)
    if title is None:
        return "-"
    country = title.country or "*"
    return f"{title.offices[0][0]}@{country if country != '*' else title.offices[0][1]}"


def check(mentions: Iterable[Mention], boundary_days: int) -> list[dict[str, Any]]:
    """Every mention with its verdict and the table's holders on its day."""
    out = []
    for mention in mentions:
        found, holders = verdict(mention, boundary_days)
        out.append({**asdict(mention), "verdict": found, "table_holders": holders, "office": _office_of(mention)})
    return out


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_verdict = Counter(r["verdict"] for r in rows)
    by_office: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_office[r["office"]][r["verdict"]] += 1
    unknown = Counter((r["title"], r["name"]) for r in rows if r["verdict"] == "unknown")
    return {
        "mentions": len(rows),
        "checked": sum(v for k, v in by_verdict.items() if k not in ("unknown", "unchecked")),
        "verdicts": dict(by_verdict),
        "by_office": {k: dict(v) for k, v in sorted(by_office.items())},
        "unknown_top": [[t, n, c] for (t, n), c in unknown.most_common(60)],
    }


def _write_sample(rows: list[dict[str, Any]], per_office: int, seed: int = 20261208) -> None:
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["verdict"] in ("agree", "boundary", "former", "later"):
            groups[(r["office"], r["verdict"])].append(r)
    keep = []
    for key in sorted(groups):
        items = groups[key]
        keep.extend(rng.sample(items, min(per_office, len(items))))
    fields = ("corpus", "doc_id", "url", "date", "form", "title", "name", "context", "verdict")
    with SAMPLE.open("w", encoding="utf-8") as handle:
        for r in sorted(keep, key=lambda r: (r["office"], r["date"], r["doc_id"], r["name"])):
            handle.write(json.dumps({k: r[k] for k in fields}, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(keep)} mentions -> {SAMPLE}", file=sys.stderr)


def read_mentions(path: Path) -> list[tuple[Mention, str]]:
    """(mention, expected verdict) of a sample file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            expected = row.pop("verdict")
            out.append((Mention(**row), expected))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next(
        (p for p in (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora") if p.is_dir()), None
    )
    parser.add_argument("--corpora", type=Path, default=default, help="../shared/corpora by default")
    parser.add_argument("--mentions", type=Path, help="check a sample file instead of the corpora")
    parser.add_argument("--out", type=Path, help="write summary.json and disagreements.tsv here")
    parser.add_argument("--boundary", type=int, default=31, help="days around a term's ends that flag a date")
    parser.add_argument("--sample", type=int, help="write this many mentions per office and verdict")
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[], help="a file of document ids to leave out (held-out)"
    )
    args = parser.parse_args(argv)
    if args.mentions:
        pairs = read_mentions(args.mentions)
        rows = check((m for m, _ in pairs), args.boundary)
        wrong = [(r, e) for r, (_, e) in zip(rows, pairs, strict=True) if r["verdict"] != e]
        for r, expected in wrong:
            print(f"{r['date']} {r['doc_id']} {r['name']}{r['title']}: {r['verdict']}, expected {expected}")
        print(f"{len(rows)} mentions, {len(wrong)} changed verdicts")
        return 1 if wrong else 0
    # documents nobody may take test text from: the held-out ids given, and the gold fixtures
    skip = {line.strip() for path in args.exclude for line in path.read_text(encoding="utf-8").splitlines()}
    skip |= {p.stem for p in (ROOT / "tests" / "fixtures" / "gold").glob("*.json")}
    if args.corpora is None:
        parser.error("no corpora found: pass --corpora DIR")
    rows = check(find_mentions(args.corpora, skip=frozenset(skip - {""})), args.boundary)
    summary = _summary(rows)
    print(json.dumps({k: summary[k] for k in ("mentions", "checked", "verdicts")}, ensure_ascii=False))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        cols = ("verdict", "office", "date", "name", "title", "table_holders", "corpus", "doc_id", "context")
        lines = ["\t".join(cols)]
        for r in sorted(rows, key=lambda r: (r["verdict"], r["office"], r["date"])):
            if r["verdict"] not in ("agree", "unchecked"):
                lines.append("\t".join(str(r[c]) for c in cols))
        (args.out / "disagreements.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        with (args.out / "mentions.jsonl").open("w", encoding="utf-8") as handle:
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.sample:
        _write_sample(rows, args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
