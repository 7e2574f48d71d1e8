"""Score extraction records against hand-annotated gold fixtures.

Spans are matched by character offsets, never by ids. For each stage:

- **strict**: the same span and the same key (entities: label; dates: value, mod and part;
  commitments: trigger span and type);
- **lenient**: overlapping spans with the same key (dates: any value; commitments: overlapping
  triggers, which is *detection*), matched one-to-one, largest overlap first.

Gold entities marked ``optional`` are neither required nor penalized: they leave the gold set and
a prediction overlapping one is not counted as a false positive. Attribute accuracies (date value,
title, commitment type/actor/date/venue) are measured over lenient matches. Keys follow spaCy's
scorer (``ents_p``, ``ents_per_type``, ...).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.errors import Code, PipelineError
from pipeline.jsonl import read_jsonl, write_json

Item = Mapping[str, Any]


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives (spaCy's PRFScore)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def fscore(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """p, r, f rounded for reports, with the raw counts."""
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f": round(self.fscore, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Correct / total over matched pairs."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one matched pair."""
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        """The accuracy, or None when nothing was matched."""
        return round(self.correct / self.total, 4) if self.total else None


def _span(item: Item) -> tuple[int, int]:
    return int(item["start"]), int(item["end"])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_strict(gold: Sequence[Item], pred: Sequence[Item], key: Callable[[Item], Hashable]) -> PRF:
    """Multiset match on (start, end, key)."""
    g = Counter((*_span(x), key(x)) for x in gold)
    p = Counter((*_span(x), key(x)) for x in pred)
    tp = sum((g & p).values())
    return PRF(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def match_lenient(
    gold: Sequence[Item],
    pred: Sequence[Item],
    key: Callable[[Item], Hashable] | None = None,
    span: Callable[[Item], tuple[int, int]] = _span,
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans with equal keys."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = _overlap(span(g), span(p))
            if size and (key is None or key(g) == key(p)):
                candidates.append((-size, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _pairs_prf(pairs: Sequence[tuple[int, int]], n_gold: int, n_pred: int) -> PRF:
    return PRF(tp=len(pairs), fp=n_pred - len(pairs), fn=n_gold - len(pairs))


def _drop_optional(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[list[Item], list[Item]]:
    """Remove optional gold and the predictions that only match optional gold."""
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    if not optional:
        return required, list(pred)
    kept = []
    for p in pred:
        hits_optional = any(_overlap(_span(p), _span(o)) for o in optional)
        hits_required = any(_overlap(_span(p), _span(r)) for r in required)
        if hits_optional and not hits_required:
            continue
        kept.append(p)
    return required, kept


def date_kind(item: Item) -> str:
    """A coarse type of a date value for per-type scores."""
    value = str(item.get("value", ""))
    if value.startswith("FY"):
        return "fiscal_year"
    if value[-3:] in ("-SP", "-SU", "-FA", "-WI"):
        return "season"
    if "X" in value[:4]:
        return "decade_or_unknown_year"
    parts = value.count("-")
    return {0: "year", 1: "month", 2: "day"}.get(parts, "other")


def _date_key(item: Item) -> Hashable:
    return (item.get("value"), item.get("mod"), item.get("part"))


def _trigger_span(item: Item) -> tuple[int, int]:
    trig = item.get("trigger") or item
    return int(trig["start"]), int(trig["end"])


@dataclass
class DocScores:
    """Raw counts for one document (summed for the corpus)."""

    prf: dict[str, PRF] = field(default_factory=dict)
    acc: dict[str, Accuracy] = field(default_factory=dict)

    def add_prf(self, name: str, value: PRF) -> None:
        """Accumulate a PRF under ``name``."""
        self.prf.setdefault(name, PRF())
        self.prf[name] += value

    def add_acc(self, name: str, ok: bool) -> None:
        """Accumulate one accuracy observation."""
        self.acc.setdefault(name, Accuracy()).add(ok)

    def merge(self, other: DocScores) -> None:
        """Add another document's counts."""
        for name, value in other.prf.items():
            self.add_prf(name, value)
        for name, acc in other.acc.items():
            mine = self.acc.setdefault(name, Accuracy())
            mine.correct += acc.correct
            mine.total += acc.total

    def to_dict(self) -> dict[str, Any]:
        """Flat keys: ``ents_p``/``_r``/``_f``, ``ents_per_type``, ``dates_value_acc`` ..."""
        out: dict[str, Any] = {}
        per_type: dict[str, dict[str, Any]] = {}
        for name, value in sorted(self.prf.items()):
            if ":" in name:
                stage, label = name.split(":", 1)
                per_type.setdefault(f"{stage}_per_type", {})[label] = value.to_dict()
                continue
            for k, v in value.to_dict().items():
                out[f"{name}_{k}"] = v
        out.update(per_type)
        for name, acc in sorted(self.acc.items()):
            out[f"{name}_acc"] = acc.value
            out[f"{name}_n"] = acc.total
        return out


def score_dates(gold: Sequence[Item], pred: Sequence[Item], scores: DocScores) -> None:
    """Dates: strict on span+value+mod+part, lenient on overlap; value/mod accuracy on matches."""
    scores.add_prf("dates", match_strict(gold, pred, _date_key))
    scores.add_prf("dates_span", match_strict(gold, pred, lambda _: None))
    pairs = match_lenient(gold, pred)
    scores.add_prf("dates_lenient", _pairs_prf(pairs, len(gold), len(pred)))
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        scores.add_acc("dates_value", g.get("value") == p.get("value"))
        scores.add_acc("dates_mod", g.get("mod") == p.get("mod"))
    for kind in sorted({date_kind(x) for x in [*gold, *pred]}):
        g_k = [x for x in gold if date_kind(x) == kind]
        p_k = [x for x in pred if date_kind(x) == kind]
        scores.add_prf(f"dates:{kind}", match_strict(g_k, p_k, _date_key))


def _label(item: Item) -> Hashable:
    return item.get("label")


def score_entities(gold: Sequence[Item], pred: Sequence[Item], scores: DocScores) -> None:
    """Entities: strict span+label, lenient overlap+label, per label; person title accuracy."""
    gold, pred = _drop_optional(gold, pred)
    scores.add_prf("ents", match_strict(gold, pred, _label))
    pairs = match_lenient(gold, pred, _label)
    scores.add_prf("ents_lenient", _pairs_prf(pairs, len(gold), len(pred)))
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        if g.get("label") == "PERSON" and _span(g) == _span(p):
            scores.add_acc("ents_title", _span_or_none(g.get("title")) == _span_or_none(p.get("title")))
    for label in sorted({str(x.get("label")) for x in [*gold, *pred]}):
        g_l = [x for x in gold if x.get("label") == label]
        p_l = [x for x in pred if x.get("label") == label]
        scores.add_prf(f"ents:{label}", match_strict(g_l, p_l, _label))


def _span_or_none(item: Item | None) -> tuple[int, int] | None:
    return _span(item) if item else None


def _members(item: Item) -> tuple[str, ...]:
    actor = item.get("actor") or {}
    return tuple(sorted(actor.get("members") or ()))


def _date_value(item: Item) -> str | None:
    date = item.get("date") or {}
    return date.get("value")


def _venue_span(item: Item, entities: Mapping[str, Item]) -> tuple[int, int] | None:
    venue = item.get("venue") or {}
    entity = entities.get(str(venue.get("entity_id")))
    return _span(entity) if entity else None


def score_commitments(
    gold: Sequence[Item],
    pred: Sequence[Item],
    scores: DocScores,
    gold_entities: Mapping[str, Item],
    pred_entities: Mapping[str, Item],
) -> None:
    """Commitments: detection (overlapping triggers), strict (trigger span + type), attributes."""
    strict_gold = [{**g, **_trigger_dict(g)} for g in gold]
    strict_pred = [{**p, **_trigger_dict(p)} for p in pred]
    scores.add_prf("commitments", match_strict(strict_gold, strict_pred, lambda x: x.get("type")))
    pairs = match_lenient(gold, pred, span=_trigger_span)
    scores.add_prf("commitments_detect", _pairs_prf(pairs, len(gold), len(pred)))
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        scores.add_acc("commitments_type", g.get("type") == p.get("type"))
        scores.add_acc("commitments_actor", _members(g) == _members(p))
        scores.add_acc("commitments_date", _date_value(g) == _date_value(p))
        scores.add_acc("commitments_mention", g.get("mention") == p.get("mention"))
        gv, pv = _venue_span(g, gold_entities), _venue_span(p, pred_entities)
        scores.add_acc("commitments_venue", (gv is None and pv is None) or bool(gv and pv and _overlap(gv, pv)))
    for ctype in sorted({str(x.get("type")) for x in [*gold, *pred]}):
        g_t = [x for x in strict_gold if x.get("type") == ctype]
        p_t = [x for x in strict_pred if x.get("type") == ctype]
        scores.add_prf(f"commitments:{ctype}", match_strict(g_t, p_t, lambda x: x.get("type")))


def _trigger_dict(item: Item) -> dict[str, int]:
    start, end = _trigger_span(item)
    return {"start": start, "end": end}


def score_document(gold: Item, pred: Item) -> DocScores:
    """All stages of one document."""
    scores = DocScores()
    score_dates(gold.get("dates", []), pred.get("dates", []), scores)
    score_entities(gold.get("entities", []), pred.get("entities", []), scores)
    gold_entities = {str(e.get("id")): e for e in gold.get("entities", [])}
    pred_entities = {str(e.get("id")): e for e in pred.get("entities", [])}
    score_commitments(gold.get("commitments", []), pred.get("commitments", []), scores, gold_entities, pred_entities)
    return scores


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every ``<doc_id>.json`` fixture of ``gold_dir``, keyed by doc_id."""
    fixtures: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise PipelineError(Code.E203_GOLD, str(path), str(exc)) from exc
        if not isinstance(data, dict) or "doc_id" not in data:
            raise PipelineError(Code.E203_GOLD, str(path), "no doc_id")
        fixtures[str(data["doc_id"])] = data
    return fixtures


def text_sha256(text: str) -> str:
    """sha256 of a text's UTF-8 bytes (gold fixtures record it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def evaluate(predictions: Iterable[Item], gold: Mapping[str, Item]) -> dict[str, Any]:
    """Scores over every gold document: ``overall`` (micro) and ``per_doc``.

    A gold document missing from the predictions counts as all missed; a gold fixture whose
    ``text_sha256`` does not match the record's text raises (its offsets would be meaningless).
    """
    found: dict[str, Item] = {}
    for record in predictions:
        doc_id = str(record.get("doc_id"))
        if doc_id in gold:
            found[doc_id] = record
    overall = DocScores()
    per_doc: dict[str, Any] = {}
    missing: list[str] = []
    empty: Item = {"dates": [], "entities": [], "commitments": []}
    for doc_id, fixture in sorted(gold.items()):
        record = found.get(doc_id, empty)
        if record is empty:
            missing.append(doc_id)
        elif fixture.get("text_sha256") and fixture["text_sha256"] != text_sha256(record["text"]):
            raise PipelineError(Code.E203_GOLD, doc_id, "text_sha256 differs from the record's text")
        doc_scores = score_document(fixture, record)
        per_doc[doc_id] = doc_scores.to_dict()
        overall.merge(doc_scores)
    return {"overall": overall.to_dict(), "per_doc": per_doc, "missing": missing}


TABLE_ROWS = (
    ("dates", "dates", "dates_lenient"),
    ("entities", "ents", "ents_lenient"),
    ("commitments", "commitments", "commitments_detect"),
)


def format_table(scores: Mapping[str, Any]) -> str:
    """A plain-text report: strict and lenient P/R/F per stage and per label, then accuracies."""
    overall = scores["overall"]
    lines = [f"{'':28} {'strict P':>8} {'R':>6} {'F':>6}   {'lenient P':>9} {'R':>6} {'F':>6}  {'gold':>5}"]
    for stage, strict, lenient in TABLE_ROWS:
        if f"{strict}_p" not in overall:
            continue
        gold_n = overall[f"{strict}_tp"] + overall[f"{strict}_fn"]
        lines.append(
            f"{stage:28} {overall[f'{strict}_p']:8.3f} {overall[f'{strict}_r']:6.3f} {overall[f'{strict}_f']:6.3f}"
            f"   {overall[f'{lenient}_p']:9.3f} {overall[f'{lenient}_r']:6.3f} {overall[f'{lenient}_f']:6.3f}"
            f"  {gold_n:5d}"
        )
        for label, prf in sorted(overall.get(f"{strict}_per_type", {}).items()):
            lines.append(
                f"  {label:26} {prf['p']:8.3f} {prf['r']:6.3f} {prf['f']:6.3f}"
                f"   {'':9} {'':6} {'':6}  {prf['tp'] + prf['fn']:5d}"
            )
    accs = [(k[: -len("_acc")], v, overall[k[: -len("_acc")] + "_n"]) for k, v in overall.items() if k.endswith("_acc")]
    if accs:
        lines.append("")
        lines.append("accuracy over lenient matches")
        for name, value, n in accs:
            shown = "  n/a" if value is None else f"{value:.3f}"
            lines.append(f"  {name:26} {shown:>8}  (n={n})")
    if scores.get("missing"):
        lines.append("")
        lines.append("gold documents missing from the predictions: " + ", ".join(scores["missing"]))
    return "\n".join(lines)


def run_evaluate(predictions: Path, gold_dir: Path, output: Path, *, stdout: IO[str]) -> dict[str, Any]:
    """Score ``predictions`` against ``gold_dir``, print the table, write ``output``."""
    gold = load_gold(gold_dir)
    if not gold:
        raise PipelineError(Code.E203_GOLD, str(gold_dir), "no gold fixtures found")
    if not predictions.exists():
        raise PipelineError(Code.E101_NOT_FOUND, str(predictions), "run `make extract` first")
    scores = evaluate(read_jsonl(predictions), gold)
    print(format_table(scores), file=stdout)
    write_json(output, scores)
    return scores
