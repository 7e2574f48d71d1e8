"""Property (issue 18): whatever else a JSONL file holds, its good documents come out and nothing raises.

Hypothesis writes files (plain or gzip) that mix good documents with random bytes, random JSON
structures (NaN, huge and deep ones, lone surrogates), document-like objects with random fields,
and lines whose size or text length sits just around the limits. Every non-blank physical line
must give exactly one item, a document or a coded one-line failure naming that line.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import Config
from pipeline.documents import Document, InputFailure, ReadLimits, normalize_newlines, read_documents
from pipeline.extract import run_extract
from pipeline.jsonin import MAX_INT_DIGITS
from pipeline.limits import MAX_JSON_DEPTH

LIMITS = ReadLimits(max_doc_chars=40, meta_bytes=2000)  # lines of at most 12 * 40 + 2,000 = 2,480 bytes
N = LIMITS.max_doc_chars

CHARS = st.one_of(st.characters(), st.sampled_from("\ud800\udfff\ud83d\ude00\u2028\x00\r\n本語"))
SAFE_CHARS = st.characters(exclude_categories=("Cs",))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(CHARS, max_size=20),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(CHARS, max_size=6), inner, max_size=4),
    max_leaves=12,
)
SAFE_META = st.dictionaries(
    st.text(SAFE_CHARS, min_size=1, max_size=6).filter(lambda k: k not in ("id", "text", "date")),
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(SAFE_CHARS, max_size=10), st.lists(st.integers(), max_size=3)),
    max_size=3,
)


def _dumps(value: Any, ascii_only: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=True).encode("utf-8", "surrogatepass")


@st.composite
def good_lines(draw: st.DrawFn, index: int) -> tuple[bytes, str, dict[str, Any]]:
    text = draw(st.text(SAFE_CHARS, min_size=1, max_size=N).filter(str.strip))
    meta = draw(SAFE_META)
    line = _dumps({"id": f"good-{index}", "text": text, **meta}, draw(st.booleans()))
    return line + b" " * draw(st.integers(0, 3)), normalize_newlines(text), meta


@st.composite
def doc_like(draw: st.DrawFn) -> bytes:
    """An object with an id, a text and other fields, each of any JSON type: some are good documents."""
    doc_id = draw(st.one_of(st.integers(), st.text(CHARS, max_size=8), JSON_VALUES))
    if isinstance(doc_id, str) and doc_id.startswith("good-"):
        doc_id = "x" + doc_id
    fields = draw(st.dictionaries(st.text(CHARS, max_size=6), JSON_VALUES, max_size=3))
    fields.update(id=doc_id, text=draw(st.one_of(st.text(CHARS, max_size=N + 2), JSON_VALUES)))
    return _dumps(fields, draw(st.booleans()))


@st.composite
def deep(draw: st.DrawFn) -> bytes:
    """Metadata nested just around the limit, or far beyond it."""
    depth = draw(st.one_of(st.integers(MAX_JSON_DEPTH - 3, MAX_JSON_DEPTH + 3), st.integers(1000, 100_000)))
    inner = draw(st.sampled_from(['{"a":' * depth + "1" + "}" * depth, "[" * depth + "]" * depth]))
    return f'{{"id": "deep", "text": "t", "m": {inner}}}'.encode()


@st.composite
def digits(draw: st.DrawFn) -> bytes:
    """An integer of about Python's int-string conversion limit."""
    count = draw(st.integers(MAX_INT_DIGITS - 2, MAX_INT_DIGITS + 2))
    return ('{"id": "digits", "text": "t", "n": ' + "9" * count + "}").encode()


@st.composite
def sized(draw: st.DrawFn) -> bytes:
    """A document whose line length in bytes is just around the bound."""
    length = LIMITS.line_bytes + draw(st.integers(-3, 3))
    head = _dumps({"id": f"size-{draw(st.integers(0, 10**9))}", "text": "本"}, draw(st.booleans()))
    return head + b" " * (length - len(head))


@st.composite
def long_text(draw: st.DrawFn) -> bytes:
    """A document whose text length is just around the limit."""
    text = draw(st.text(SAFE_CHARS, min_size=N - 2, max_size=N + 2))
    return _dumps({"id": f"chars-{draw(st.integers(0, 10**9))}", "text": text}, draw(st.booleans()))


BAD_LINES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from([b"", b" ", b"\t", b"\r", b" \x0b\x0c "]), max_size=40).map(b"\n".join),  # blank lines
    st.builds(_dumps, JSON_VALUES, st.booleans()),
    doc_like(),
    deep(),
    digits(),
    sized(),
    long_text(),
)


@st.composite
def corpora(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str, dict[str, Any]]]]:
    """The bytes of one JSONL file and the good documents in it (id, text, meta)."""
    count = draw(st.integers(1, 4))
    goods = [draw(good_lines(i)) for i in range(count)]
    lines = [line for line, _, _ in goods] + draw(st.lists(BAD_LINES, max_size=6))
    order = draw(st.permutations(range(len(lines))))
    separator = draw(st.sampled_from([b"\n", b"\r\n"]))
    data = separator.join(lines[i] for i in order) + draw(st.sampled_from([b"", separator]))
    return data, [(f"good-{i}", text, meta) for i, (_, text, meta) in enumerate(goods)]


def _nonblank_lines(data: bytes) -> list[int]:
    physical = data.split(b"\n")
    if physical and physical[-1] == b"":
        physical.pop()
    return [n for n, line in enumerate(physical, start=1) if line.strip()]


def _write(tmp: Path, data: bytes, compressed: bool) -> Path:
    path = tmp / ("c.jsonl.gz" if compressed else "c.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    return path


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpus=corpora(), compressed=st.booleans())
def test_hostile_property_good_documents_always_come_out(
    tmp_path: Path, corpus: tuple[bytes, list[tuple[str, str, dict[str, Any]]]], compressed: bool
) -> None:
    data, goods = corpus
    path = _write(tmp_path, data, compressed)
    items = list(read_documents([path], limits=LIMITS))
    docs = {i.doc_id: i for i in items if isinstance(i, Document)}
    for doc_id, text, meta in goods:
        assert docs[doc_id].text == text
        assert docs[doc_id].meta == meta
    lines = [i.source.line if isinstance(i, Document) else i.line for i in items]
    assert lines == _nonblank_lines(data), "each non-blank line gives exactly one item"
    for item in items:
        if isinstance(item, InputFailure):
            message = str(item)
            assert message.startswith(f"{item.path}:{item.line}: {item.code.value} ")
            assert len(message.splitlines()) == 1 and len(message) < 500, message
            message.encode("utf-8")
        else:
            assert len(item.text) <= N
            json.dumps(item.meta, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _strict_json(line: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(name)

    return json.loads(line, parse_constant=refuse)


@settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(corpus=corpora(), compressed=st.booleans())
def test_hostile_property_runs_write_every_good_document(
    tmp_path: Path, corpus: tuple[bytes, list[tuple[str, str, dict[str, Any]]]], compressed: bool
) -> None:
    """The whole run (reading, stages, writing) on the same files: never raises, outputs valid JSON."""
    data, goods = corpus
    path = _write(tmp_path, data, compressed)
    out = tmp_path / "out" / "o.jsonl"
    config = Config(stages=("dates",), cache_dir=None, progress=False, max_doc_chars=N)
    summary = run_extract([path], out, config, stderr=_Sink())
    # JSONL lines end at "\n" only: a text may hold U+0085 or U+2028, which splitlines() would cut at.
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines.pop() == ""
    records = {r["doc_id"]: r for r in map(_strict_json, lines)}
    for doc_id, text, meta in goods:
        assert records[doc_id]["text"] == text
        assert records[doc_id]["meta"] == meta
    manifest = json.loads(out.with_name("o.manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["failed"] == len(summary.failures)
    assert summary.documents + len(summary.failures) == len(_nonblank_lines(data))
    assert summary.exit_status == (1 if summary.failures else 0)


class _Sink:
    """A stderr that keeps nothing (and is no terminal)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False
