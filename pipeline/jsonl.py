"""JSON Lines and JSON files: deterministic serialization and atomic writes.

Outputs are written to ``<name>.tmp`` beside the target and renamed into place with
``os.replace``, so an interrupted run leaves the previous output intact.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
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
