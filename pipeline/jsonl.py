"""JSON Lines and JSON files: deterministic serialization and atomic writes.

Outputs are written to ``<name>.tmp`` beside the target and renamed into place with
``os.replace``, so an interrupted run leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any


def dumps(obj: Any) -> str:
    """One canonical JSON line: UTF-8 characters kept, keys sorted, no spaces."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Open ``path.tmp`` for writing; on success fsync and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    handle = tmp.open("w", encoding="utf-8", newline="\n")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(tmp, path)
    except BaseException:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_jsonl(path: Path, rows: Iterable[Any]) -> int:
    """Atomically write one JSON object per line; return the number of lines."""
    count = 0
    with atomic_writer(path) as handle:
        for row in rows:
            handle.write(dumps(row))
            handle.write("\n")
            count += 1
    return count


def write_json(path: Path, obj: Any) -> None:
    """Atomically write a pretty, key-sorted JSON document."""
    with atomic_writer(path) as handle:
        json.dump(obj, handle, ensure_ascii=False, sort_keys=True, indent=2)
        handle.write("\n")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Read JSON objects, one per non-blank line."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


@dataclass
class Spool:
    """Lines appended in arrival order to a temporary file, read back sorted by doc_id."""

    path: Path
    index: list[tuple[str, int, int]] = field(default_factory=list)
    _handle: IO[bytes] | None = None

    def __post_init__(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("wb")

    def add(self, doc_id: str, text: str) -> None:
        """Append one document's lines."""
        assert self._handle is not None
        data = text.encode("utf-8")
        self.index.append((doc_id, self._handle.tell(), len(data)))
        self._handle.write(data)

    def write_sorted(self, target: Path) -> None:
        """Write the spooled lines to ``target`` (atomically) in doc_id order, then drop the spool."""
        assert self._handle is not None
        self._handle.close()
        with self.path.open("rb") as src, atomic_writer(target) as dst:
            for _, offset, length in sorted(self.index):
                src.seek(offset)
                dst.write(src.read(length).decode("utf-8"))
        self.discard()

    def discard(self) -> None:
        """Remove the spool file."""
        if self._handle is not None and not self._handle.closed:
            self._handle.close()
        self.path.unlink(missing_ok=True)
