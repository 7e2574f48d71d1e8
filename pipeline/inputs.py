"""Which files a run reads: the files given and those under the directories given, never its own outputs.

A directory is searched recursively, sorted; hidden files, ``*.md`` and ``*.meta.json`` sidecars are
not documents. A file of another kind (``.docx``, ``.pdf``, a FIFO) is listed as ``other``: the
reader reports it as unsupported (E113), so that nothing is skipped silently.

Files this pipeline wrote are never inputs, and are left out with one note on stderr: the outputs
of the run itself (the output path, its sidecars ``X.tokens.jsonl`` and ``X.manifest.json``, their
``.tmp`` files and the spool files, whether they exist yet or not; its parse cache) and any file whose content is
this pipeline's output (records, token rows or a manifest), such as an earlier run's outputs
written next to its inputs.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import zlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pipeline.jsonin import JsonProblem, loads
from pipeline.limits import read_bounded
from pipeline.messages import printable

TEXT_SUFFIX = ".txt"
META_SUFFIX = ".meta.json"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
# Files that sit beside inputs by convention and are not documents.
IGNORED_SUFFIXES = (META_SUFFIX, ".md")

# Names the pipeline writes under (records and token rows, manifests, temporary files), and what
# their content starts with: the first line is peeked at (at most PEEK_BYTES) to recognize them.
OUTPUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".tmp")
PEEK_BYTES = 1 << 20
MANIFEST_BYTES = 64 << 20
RECORD_KEYS = frozenset({"schema_version", "doc_id", "text", "sentences", "source"})
TOKEN_KEYS = frozenset({"doc_id", "sentence", "tokens"})
MANIFEST_KEYS = frozenset({"pipeline_version", "schema_version", "inputs", "counts"})
# Records and token rows are written with sorted keys: a first line too long to read whole still starts so.
RECORD_PREFIX = b'{"commitments":['
TOKEN_PREFIX = re.compile(rb'\{"doc_id":"[^"\\]{0,4096}","end":\d+,"sentence":\d+,"start":\d+,"tokens":\[')
NOTICE_NAMES = 5
# What ``output_kind`` answers for each kind of output it recognizes.
RECORDS = "earlier runs' records"
TOKEN_ROWS = "earlier runs' token rows"
MANIFESTS = "earlier runs' manifests"
def safe_name(name: str) -> str:
    r"""A file name as UTF-8 text: bytes that are not UTF-8 become ``\xNN``, controls escapes."""
    if printable(name) == name:
        return name
    return printable(os.fsencode(name).decode("utf-8", "backslashreplace"))


def display_path(path: Path, root: Path | None = None) -> str:
    """A relative, '/'-separated path for records and messages: no absolute paths in outputs.

    Relative to the working directory when the file is under it; otherwise relative to the
    directory given on the command line, prefixed with that directory's name. Always one line of
    valid UTF-8 (``safe_name``).
    """
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = str(path)
    if rel.startswith(".."):
        rel = os.path.join(root.name, os.path.relpath(path, root)) if root is not None and root.name else path.name
    return safe_name(rel.replace(os.sep, "/"))


@dataclass
class InputPlan:
    """The files to read, as ``(file, kind, root)``, and the outputs left out, as ``(shown path, why)``."""

    files: list[tuple[Path, str, Path]] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)

    def notice(self) -> str | None:
        """The one line on stderr that says which files were left out, grouped by why, or None."""
        if not self.excluded:
            return None
        groups: dict[str, list[str]] = {}
        for path, why in self.excluded:
            groups.setdefault(why, []).append(path)
        parts = []
        for why, paths in groups.items():
            shown = ", ".join(paths[:NOTICE_NAMES])
            if len(paths) > NOTICE_NAMES:
                shown += f" and {len(paths) - NOTICE_NAMES} more"
            parts.append(f"{why}: {shown}")
        count = len(self.excluded)
        return f"note: not reading {count} file{'s' if count > 1 else ''} this pipeline wrote ({'; '.join(parts)})"


def plan_inputs(inputs: Sequence[Path], exclude: Collection[Path] = ()) -> InputPlan:
    """Every input file, sorted within each directory, with ``exclude`` and this pipeline's outputs left out.

    ``exclude`` names the run's own outputs, files or directories (the parse cache). ``kind`` is
    ``"txt"``, ``"jsonl"`` or ``"other"`` (reported, not read); ``root`` is the directory a
    ``.txt`` doc_id is relative to. Inputs that do not exist are not listed.
    """
    own = {os.path.realpath(p) for p in exclude}
    own_dirs = tuple(real + os.sep for real in own if os.path.isdir(real))
    plan = InputPlan()
    for given in inputs:
        for path, root in _candidates(given):
            real = os.path.realpath(path)
            if real in own:
                why: str | None = "this run's outputs"
            elif real.startswith(own_dirs):
                why = "this run's parse cache"
            else:
                why = output_kind(path)
            if why is None:
                plan.files.append((path, kind_of(path), root))
            else:
                plan.excluded.append((display_path(path, root), why))
    return plan


def _candidates(given: Path) -> Iterator[tuple[Path, Path]]:
    if given.is_dir():
        for path in _walk(given):
            if not path.name.endswith(IGNORED_SUFFIXES):
                yield path, given
    elif given.exists():
        yield given, given.parent


def _walk(top: Path) -> list[Path]:
    """Everything under ``top`` but directories and hidden entries, sorted.

    Symlinked directories are not followed (as ``Path.rglob``); iterative, so a tree of any depth
    is walked (``rglob`` recurses once per level: 1,000 nested directories raise RecursionError).
    """
    found: list[Path] = []
    stack = [top]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError), os.scandir(current) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = current / entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif not path.is_dir():
                    found.append(path)
    return sorted(found)


def discover(inputs: Sequence[Path], exclude: Collection[Path] = ()) -> Iterator[tuple[Path, str, Path]]:
    """Yield ``(file, kind, root)`` for every input file (see ``plan_inputs``)."""
    yield from plan_inputs(inputs, exclude).files


def kind_of(path: Path) -> str:
    """``txt``, ``jsonl``, or ``other`` for any other name and anything but a regular file."""
    name = path.name
    if not path.is_file():
        return "other"
    if name.endswith(TEXT_SUFFIX):
        return "txt"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "other"


def output_kind(path: Path) -> str | None:
    """What output of this pipeline ``path`` holds (``output records``, ...), or None for any other file."""
    name = path.name
    if not name.endswith(OUTPUT_SUFFIXES) or not path.is_file():
        return None
    with contextlib.suppress(OSError, EOFError, zlib.error):
        if name.endswith((".json", ".json.tmp")):
            return MANIFESTS if "manifest" in name and _is_manifest(path) else None
        with _open(path) as handle:
            first = handle.readline(PEEK_BYTES + 1)
        return _line_kind(first, complete=first.endswith(b"\n") or len(first) <= PEEK_BYTES)
    return None


def _open(path: Path) -> BinaryIO:
    if ".gz" in path.suffixes:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _line_kind(line: bytes, *, complete: bool) -> str | None:
    if not complete:
        return _prefix_kind(line)
    try:
        obj = loads(line, line.decode("utf-8"))
    except (JsonProblem, UnicodeDecodeError):
        return None
    if not isinstance(obj, dict) or "id" in obj:
        return None
    if obj.keys() >= RECORD_KEYS:
        return RECORDS
    if obj.keys() >= TOKEN_KEYS:
        return TOKEN_ROWS
    return None


def _prefix_kind(line: bytes) -> str | None:
    """What a first line too long to parse holds, from how it starts."""
    if line.startswith(RECORD_PREFIX):
        return RECORDS
    return TOKEN_ROWS if TOKEN_PREFIX.match(line) else None


def _is_manifest(path: Path) -> bool:
    with path.open("rb") as handle:
        data = read_bounded(handle, MANIFEST_BYTES)
    if data is None:
        return False
    try:
        obj = loads(data, data.decode("utf-8"))
    except (JsonProblem, UnicodeDecodeError):
        return False
    return isinstance(obj, dict) and obj.keys() >= MANIFEST_KEYS
