"""What ``jpextract --help`` says: every command's summary, description and examples, in one place.

``COMMANDS`` has one ``Command`` per subcommand. ``add_command`` makes a subcommand's parser from
its entry (the caller adds the arguments, where the command's work is: ``pipeline.cli``,
``pipeline.analyst_cli``); ``describe`` then writes the overview ``jpextract --help`` prints: what
the tool is for, each command with its summary and first example, and where to read more.

Adding a command: an entry here and ``add_command(sub, NAME)`` where its arguments are added;
tests/test_usage.py fails for a command of the parser without an entry here (or without an example).
Examples are written after the command's name, without the program: the overview shows them as
``jpextract NAME ...`` (or ``python -m pipeline NAME ...``, however the tool was started).
"""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from typing import Any

WIDTH = 92


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand as users read about it."""

    name: str
    summary: str  # one line, in the overview
    description: str  # the first paragraph of ``jpextract NAME --help``
    examples: tuple[str, ...]  # arguments after the name; a trailing "# ..." says what it does


PROGRAM = (
    "Dates, entities and commitments from Japanese government and defense documents (Defense White "
    "Papers, Diet minutes, joint statements, Prime Ministers' speeches): which dates a text mentions "
    "(西暦 and 和暦), which people, organizations, places, meetings, treaties and weapon systems it "
    "names, and who agreed, pledged or requested what, when and where; every item with exact "
    "character offsets into its document's text."
)

NEXT = (
    "Start with `make extract` (it installs everything and extracts raw/), then turn the output into "
    "tables (export) or read it in a browser (review). A command's options: {prog} COMMAND --help. "
    "The README explains every output field and every error code."
)

COMMANDS: tuple[Command, ...] = (
    Command(
        "extract",
        "read documents, write their dates, entities and commitments (one JSON record per document)",
        "Reads .txt, .jsonl and .jsonl.gz files (a directory is searched recursively) and writes OUT, one "
        "JSON record per document sorted by doc_id with every span's character offsets, and "
        "OUT.manifest.json beside it (versions, inputs, counts, failures). A file or line that cannot be "
        "read fails alone: one line on stderr naming it, the others are written, the exit status is 1. "
        "GiNZA's parses are cached, so a second run over the same texts takes seconds. Token rows "
        "(OUT.tokens.jsonl, ~68 bytes per input character) are written only with --tokens.",
        (
            "raw -o outputs/extractions.jsonl",
            "speeches.jsonl.gz minutes/ -o out/corpus.jsonl --workers 2   # two processes",
            "raw -o out/dates.jsonl --stages dates   # dates only: no GiNZA, seconds instead of minutes",
        ),
    ),
    Command(
        "evaluate",
        "score extractions against the hand-annotated gold documents (precision, recall, F1)",
        "Matches every record with the gold fixture of its doc_id by character offsets and prints a table: "
        "strict and lenient precision, recall and F1 per stage and per label, the accuracy of each "
        "attribute (date values, entity keys, commitment actors, dates, venues, ...), and the same per "
        "genre; every score, per document too, goes to -o. Score the gold documents themselves "
        "(tests/fixtures/raw, as `make evaluate` does): a gold document missing from PRED counts as all "
        "missed.",
        (
            "outputs/gold-docs/extractions.jsonl   # gold from tests/fixtures/gold, scores to outputs/scores.json",
            "out/mine.jsonl --gold my-gold/ -o out/scores.json",
        ),
    ),
    Command(
        "export",
        "turn extractions into tables: Parquet, CSV, and a DuckDB file with views",
        "One table per kind of item, one row per item, each keyed by doc_id, with its offsets and its "
        "sentence as context: documents, dates, entities, commitments, commitment_parties, warnings. "
        "jpextract.duckdb holds the same tables and views analysts ask for first "
        "(commitments_by_actor_year, entity_keys, entity_names, commitments_specific).",
        (
            "outputs/extractions.jsonl -o outputs/tables",
            "outputs/extractions.jsonl -o outputs/tables --format csv   # CSV only",
        ),
    ),
    Command(
        "review",
        "write one HTML page to read the extractions in a browser (with --gold: the gold diff)",
        "One self-contained file (no server, nothing loaded from the network): an index of the documents, "
        "each document's text with its dates, entities and commitments highlighted and their details on "
        "hover and in a side table, and a timeline of the commitments. With --gold, missed, spurious "
        "and mismatched items are marked, counted as `evaluate` counts them.",
        (
            "outputs/gold-docs/extractions.jsonl --gold tests/fixtures/gold -o outputs/review.html",
            "outputs/extractions.jsonl -o outputs/review.html --title 'Diet sample'",
        ),
    ),
    Command(
        "annotate",
        "write annotation tasks for Label Studio or doccano, the predictions as pre-annotations",
        "Label Studio: label-studio-tasks.json (import it) and label-studio-config.xml (the project's "
        "labeling interface); doccano: doccano.jsonl with doccano-labels.json and doccano-relations.json. "
        "Correct the tasks in the tool, export them, and bring them back with import-gold. --blank "
        "writes the tasks without pre-annotations, for gold that must not lean on the pipeline.",
        (
            "outputs/extractions.jsonl -o outputs/annotation --tool label-studio",
            "outputs/extractions.jsonl -o outputs/annotation --blank   # both tools, no pre-annotations",
        ),
    ),
    Command(
        "import-gold",
        "turn a Label Studio or doccano export into gold fixtures that evaluate and review read",
        "Reads a Label Studio JSON export (the latest submitted annotation of each task) or a doccano "
        "JSONL export and writes one gold fixture per document, <doc_id>.json in the contract's shape; "
        "an existing fixture is replaced only with --overwrite.",
        (
            "project-1-at-2026-12-01.json -o tests/fixtures/gold",
            "doccano-export.jsonl -o tests/fixtures/gold --tool doccano --overwrite",
        ),
    ),
    Command(
        "entities",
        "list the persons, bodies and countries a corpus holds, by identity key, with counts",
        "Reads extraction records and lists every identity key (person:<full name>, country:<ISO>, "
        "org:<name>) with its mention count, the surfaces it was written as and the documents it occurs "
        "in, most frequent first: the persons and bodies a corpus holds at a glance. --unkeyed N also "
        "lists the N most frequent surfaces that no key identifies.",
        (
            "outputs/extractions.jsonl --label PERSON --top 20",
            "outputs/extractions.jsonl --csv --unkeyed 20   # one row per key, and the surfaces no key covers",
        ),
    ),
)

BY_NAME = {command.name: command for command in COMMANDS}


def _paragraph(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def example_arguments(example: str) -> str:
    """An example without its trailing ``# comment``: what is typed."""
    return example.split("   #", 1)[0].strip()


def add_command(sub: Any, name: str) -> argparse.ArgumentParser:
    """The parser of subcommand ``name``, its help text from ``COMMANDS``."""
    command = BY_NAME[name]
    examples = "\n".join(f"  %(prog)s {example}" for example in command.examples)
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=command.summary,
        description=_paragraph(command.description),
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def describe(parser: argparse.ArgumentParser, sub: Any) -> None:
    """Write the overview into ``parser``: what the tool does, every command of ``sub`` with an example.

    A command without an entry in ``COMMANDS`` is still listed, with its own help line.
    """
    prog = parser.prog
    lines = [_paragraph(PROGRAM), "", "commands:"]
    for name, subparser in sub.choices.items():
        command = BY_NAME.get(name)
        summary = command.summary if command else (subparser.description or "").split(". ")[0]
        lines.append(f"  {name:12} {summary}")
        if command:
            lines.append(f"  {'':12}   {prog} {name} {example_arguments(command.examples[0])}")
    lines += ["", _paragraph(NEXT.format(prog=prog))]
    parser.description = "\n".join(lines)  # the program written out: no %(prog)s to format
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


__all__ = ["BY_NAME", "COMMANDS", "Command", "add_command", "describe", "example_arguments"]
