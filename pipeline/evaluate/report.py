"""The evaluation report: a plain-text table on stdout and ``scores.json``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from pipeline.errors import Code, PipelineError
from pipeline.evaluate.corpus import evaluate, load_gold
from pipeline.jsonl import read_jsonl, write_json

TABLE_ROWS = (
    ("dates", "dates", "dates_lenient"),
    ("entities", "ents", "ents_lenient"),
    ("commitments", "commitments", "commitments_detect"),
)
# The per-genre summary: (column, score key); F scores, then accuracies over matches.
GENRE_COLUMNS = (
    ("dates F", "dates_f"),
    ("value", "dates_value_acc"),
    ("ents F", "ents_f"),
    ("p.key", "ents_person_key_acc"),
    ("commit F", "commitments_detect_f"),
    ("type", "commitments_type_acc"),
    ("actor", "commitments_actor_acc"),
    ("date", "commitments_date_acc"),
    ("venue", "commitments_venue_acc"),
    ("content", "commitments_content_f"),
    ("exact", "commitments_content_exact_acc"),
    ("recip.", "commitments_recipient_acc"),
    ("speaker", "commitments_speaker_acc"),
    ("generic", "commitments_generic_acc"),
)


def _stage_lines(overall: Mapping[str, Any]) -> list[str]:
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
    return lines


def _accuracy_lines(overall: Mapping[str, Any]) -> list[str]:
    accs = [(k[: -len("_acc")], v) for k, v in overall.items() if k.endswith("_acc")]
    lines = ["", "accuracy over lenient matches (commitment content: character F over matches)"]
    if "commitments_content_f" in overall:
        content = overall["commitments_content_f"]
        lines.append(f"  {'commitments_content (char F)':26} {content:8.3f}")
    for name, value in accs:
        shown = "  n/a" if value is None else f"{value:.3f}"
        lines.append(f"  {name:26} {shown:>8}  (n={overall[name + '_n']})")
    return lines if accs else []


def _genre_lines(per_genre: Mapping[str, Mapping[str, Any]], genres: Mapping[str, str]) -> list[str]:
    if not per_genre:
        return []
    header = f"{'genre':12} {'docs':>4} " + " ".join(f"{name:>8}" for name, _ in GENRE_COLUMNS)
    lines = ["", "per genre", header]
    for genre, table in per_genre.items():
        docs = sum(1 for g in genres.values() if g == genre)
        cells = []
        for _, key in GENRE_COLUMNS:
            value = table.get(key)
            cells.append(f"{'-':>8}" if value is None else f"{value:8.3f}")
        lines.append(f"{genre:12} {docs:4d} " + " ".join(cells))
    return lines


def format_table(scores: Mapping[str, Any]) -> str:
    """A plain-text report: strict and lenient P/R/F per stage and label, accuracies, genres."""
    overall = scores["overall"]
    lines = _stage_lines(overall) + _accuracy_lines(overall)
    lines += _genre_lines(scores.get("per_genre", {}), scores.get("genres", {}))
    if scores.get("missing"):
        missing, total = scores["missing"], len(scores.get("per_doc", {}))
        lines += [
            "",
            f"{len(missing)} of {total} gold documents are missing from the predictions and count as all missed "
            "(extract tests/fixtures/raw to score every one, as `make evaluate` does): " + ", ".join(missing),
        ]
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
