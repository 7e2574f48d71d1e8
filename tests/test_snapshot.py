"""Byte-identical snapshots of the whole pipeline's output: the net under every refactor.

The gold documents (``tests/fixtures/raw``) and ``make extract``'s inputs (``raw/``) run through
every stage, GiNZA's part replayed from the stored parses (no model), and the records and token
rows must equal ``tests/fixtures/expected/`` byte for byte. On a mismatch the test writes
``<name>.actual.jsonl`` next to the expected file and fails with a readable, per-item diff. A change
of output that is meant is recorded with ``pytest --update-goldens`` (or ``make goldens``) and
reviewed as a diff in the commit, together with the stage version it bumps.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.parses import write_gzip

EXPECTED = FIXTURES / "expected"
MAX_DIFF_LINES = 60


def _by_doc(text: str) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for line in text.splitlines():
        row = json.loads(line)
        key = row["doc_id"] if "sentence" not in row else f"{row['doc_id']}#{row['sentence']}"
        rows[key] = row
    return rows


def _span_key(item: Any) -> Any:
    if isinstance(item, dict) and "start" in item and "end" in item:
        trigger = item.get("trigger")
        return (item["start"], item["end"], trigger["start"] if isinstance(trigger, dict) else None)
    return None


def _diff(path: str, old: Any, new: Any, out: list[str]) -> None:
    """Differences between two JSON values, as ``path: old -> new`` lines (lists of spans by offsets)."""
    if len(out) > MAX_DIFF_LINES or old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        _diff_dicts(path, old, new, out)
    elif isinstance(old, list) and isinstance(new, list) and _diff_lists(path, old, new, out):
        return
    elif not (isinstance(old, dict) and isinstance(new, dict)):
        before, after = json.dumps(old, ensure_ascii=False)[:200], json.dumps(new, ensure_ascii=False)[:200]
        out.append(f"{path}: {before} -> {after}")


def _diff_dicts(path: str, old: dict[str, Any], new: dict[str, Any], out: list[str]) -> None:
    for key in sorted(set(old) | set(new)):
        if key not in new:
            out.append(f"{path}.{key}: removed")
        elif key not in old:
            out.append(f"{path}.{key}: added {json.dumps(new[key], ensure_ascii=False)[:200]}")
        else:
            _diff(f"{path}.{key}", old[key], new[key], out)


def _diff_lists(path: str, old: list[Any], new: list[Any], out: list[str]) -> bool:
    """Spans matched by offsets, other lists of equal length item by item; False if neither applies."""
    old_keys = [_span_key(x) for x in old]
    new_keys = [_span_key(x) for x in new]
    if None not in old_keys and None not in new_keys:
        olds, news = dict(zip(old_keys, old, strict=True)), dict(zip(new_keys, new, strict=True))
        for key in sorted(set(olds) | set(news)):
            where = f"{path}[{key[0]}:{key[1]}]"
            if key not in news:
                out.append(f"{where}: removed {olds[key].get('surface', '')!r}")
            elif key not in olds:
                out.append(f"{where}: added {json.dumps(news[key], ensure_ascii=False)[:300]}")
            else:
                _diff(where, olds[key], news[key], out)
        return True
    if len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _diff(f"{path}[{i}]", a, b, out)
        return True
    return False


def readable_diff(expected: str, actual: str) -> str:
    """Per-document, per-item differences between two JSONL snapshots."""
    old, new = _by_doc(expected), _by_doc(actual)
    lines: list[str] = []
    for doc in sorted(set(old) | set(new)):
        if doc not in new:
            lines.append(f"{doc}: missing")
        elif doc not in old:
            lines.append(f"{doc}: new")
        else:
            _diff(doc, old[doc], new[doc], lines)
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], f"... ({len(lines) - MAX_DIFF_LINES}+ more)"]
    return "\n".join(lines) or "(same JSON, different bytes: key order or formatting)"


def _read(path: Path) -> str | None:
    if not path.exists():
        return None
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def check_snapshot(name: str, actual: str, *, update: bool) -> None:
    """Compare ``actual`` with ``expected/<name>`` (or rewrite it under ``--update-goldens``)."""
    path = EXPECTED / name
    if update:
        if path.suffix == ".gz":
            write_gzip(path, actual)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        return
    expected = _read(path)
    if expected is None:
        pytest.fail(f"no snapshot {path}: run `pytest --update-goldens` and review the new file")
    if expected == actual:
        return
    stem = name[: -len(".jsonl.gz")] if name.endswith(".jsonl.gz") else name[: -len(".jsonl")]
    actual_path = EXPECTED / f"{stem}.actual.jsonl"
    actual_path.write_text(actual, encoding="utf-8")
    pytest.fail(
        f"output differs from {path} (actual written to {actual_path}):\n{readable_diff(expected, actual)}\n"
        "If the change is meant: bump the stage version, run `pytest --update-goldens` and commit the diff."
    )


@pytest.mark.parametrize("run", ["fixture_run", "raw_run"])
def test_snapshot_records_are_byte_identical(request: pytest.FixtureRequest, run: str, update_goldens: bool) -> None:
    out: Path = request.getfixturevalue(run)
    name = "fixtures" if run == "fixture_run" else "raw"
    check_snapshot(f"{name}.records.jsonl", out.read_text(encoding="utf-8"), update=update_goldens)


@pytest.mark.parametrize("run", ["fixture_run", "raw_run"])
def test_snapshot_tokens_are_byte_identical(request: pytest.FixtureRequest, run: str, update_goldens: bool) -> None:
    out: Path = request.getfixturevalue(run)
    name = "fixtures" if run == "fixture_run" else "raw"
    tokens = out.with_name("tokens.jsonl").read_text(encoding="utf-8")
    check_snapshot(f"{name}.tokens.jsonl.gz", tokens, update=update_goldens)


def test_snapshot_diff_names_the_changed_item() -> None:
    old = '{"doc_id": "a", "dates": [{"start": 1, "end": 3, "surface": "本年", "value": "2012"}]}\n'
    new = '{"doc_id": "a", "dates": [{"start": 1, "end": 3, "surface": "本年", "value": "2013"}]}\n'
    assert readable_diff(old, new) == 'a.dates[1:3].value: "2012" -> "2013"'
    assert "removed" in readable_diff(old, '{"doc_id": "a", "dates": []}\n')
