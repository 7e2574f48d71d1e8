"""Hostile JSONL lines and files (issue 18): each bad one is one coded failure, the others are read.

Every case sits between two good lines; the reader must give both good documents, one failure with
the expected code naming the file and line, and never raise. No model is loaded.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from pathlib import Path

import pytest

from pipeline.documents import Document, InputFailure, ReadLimits, read_documents
from pipeline.errors import Code
from pipeline.jsonin import MAX_INT_DIGITS, too_deep
from pipeline.limits import MAX_JSON_DEPTH
from pipeline.messages import KEPT_CHARS, SHOWN_CHARS

GOOD_BEFORE = json.dumps({"id": "good-1", "text": "2011年6月21日に開催した。"}, ensure_ascii=False)
GOOD_AFTER = json.dumps({"id": "good-2", "text": "平成23年に合意した。", "date": "2011-06-21"}, ensure_ascii=False)


def _deep(levels: int, opener: str = "[", closer: str = "]") -> str:
    return opener * levels + closer * levels


def _line(meta_json: str, **fields: str) -> str:
    head = ", ".join(f'"{k}": {v}' for k, v in {"id": '"bad"', "text": '"本文"', **fields}.items())
    return "{" + head + ', "meta": ' + meta_json + "}"


# fmt: off
BAD_LINES = [
    # the cases
    ("deep arrays in metadata", _line(_deep(200_000)), Code.E114_VALUE),
    ("100,000-digit integer", _line("9" * 100_000), Code.E114_VALUE),
    # nesting just past the limit, deep objects, unbalanced (invalid and deep), deep text
    ("one level too deep", _line(_deep(MAX_JSON_DEPTH)), Code.E114_VALUE),
    ("deep objects", _line('{"a":' * 5000 + "1" + "}" * 5000), Code.E114_VALUE),
    ("unclosed brackets", _line("[" * 100_000), Code.E114_VALUE),
    ("deep text", '{"id": "bad", "text": ' + _deep(50_000) + "}", Code.E114_VALUE),
    # integers around Python's int-string conversion limit, as an id too
    ("4,301 digits", _line("1" * (MAX_INT_DIGITS + 1)), Code.E114_VALUE),
    ("negative 4,301 digits", _line("-" + "1" * (MAX_INT_DIGITS + 1)), Code.E114_VALUE),
    ("huge integer id", '{"id": ' + "7" * 50_000 + ', "text": "本文"}', Code.E114_VALUE),
    ("float overflow", _line("1e400"), Code.E114_VALUE),
    # not JSON (RFC 8259) though Python reads it
    ("NaN", _line("NaN"), Code.E105_JSON),
    ("Infinity", _line("[Infinity]"), Code.E105_JSON),
    ("-Infinity", _line('{"x": -Infinity}'), Code.E105_JSON),
    # lone surrogates: in the text and id (fields), in metadata values and keys (cannot be written)
    ("surrogate in text", '{"id": "bad", "text": "a\\ud800b"}', Code.E106_FIELD),
    ("surrogate in id", '{"id": "a\\udfff", "text": "本文"}', Code.E106_FIELD),
    ("surrogate in metadata", _line('"\\udc80"'), Code.E114_VALUE),
    ("surrogate in a metadata key", _line('{"\\ud83d": 1}'), Code.E114_VALUE),
    ("reversed pair", _line('"\\ude00\\ud83d"'), Code.E114_VALUE),
    # not an object
    ("array", "[1, 2, 3]", Code.E105_JSON),
    ("string", '"just a string"', Code.E105_JSON),
    ("number", "42", Code.E105_JSON),
    ("null", "null", Code.E105_JSON),
    ("true", "true", Code.E105_JSON),
    # text that is not a string
    ("text list", '{"id": "bad", "text": ["本文"]}', Code.E106_FIELD),
    ("text number", '{"id": "bad", "text": 12}', Code.E106_FIELD),
    ("text null", '{"id": "bad", "text": null}', Code.E106_FIELD),
    ("text object", '{"id": "bad", "text": {"ja": "本文"}}', Code.E106_FIELD),
    ("text bool", '{"id": "bad", "text": true}', Code.E106_FIELD),
    ("id bool", '{"id": true, "text": "本文"}', Code.E106_FIELD),
    ("id float", '{"id": 1.5, "text": "本文"}', Code.E106_FIELD),
    # a date that is a structure, a BOM in the middle of a file, bytes that are not UTF-8
    ("date list", '{"id": "bad", "text": "本文", "date": [' + "1," * 10_000 + "1]}", Code.E108_DATE),
    ("BOM on line 2", "\ufeff" + GOOD_BEFORE.replace("good-1", "bad"), Code.E105_JSON),
    ("truncated object", '{"id": "bad", "text": "本', Code.E105_JSON),
    ("trailing data", '{"id": "bad", "text": "本文"} {"id": "x"}', Code.E105_JSON),
]
# fmt: on


def _read(path: Path, limits: ReadLimits | None = None) -> tuple[list[Document], list[InputFailure]]:
    items = list(read_documents([path], limits=limits))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputFailure)]


def _write(path: Path, lines: list[bytes]) -> Path:
    data = b"".join(line + b"\n" for line in lines)
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("line", "code"), [(line, code) for _, line, code in BAD_LINES], ids=[c[0] for c in BAD_LINES])
def test_hostile_bad_line_fails_alone(tmp_path: Path, line: str, code: Code) -> None:
    lines = [GOOD_BEFORE.encode(), line.encode("utf-8", "surrogatepass"), GOOD_AFTER.encode()]
    path = _write(tmp_path / "c.jsonl", lines)
    docs, failures = _read(path)
    assert [d.doc_id for d in docs] == ["good-1", "good-2"]
    assert [(f.line, f.code) for f in failures] == [(2, code)]
    message = str(failures[0])
    assert failures[0].path.endswith("/c.jsonl")
    assert message.startswith(f"{failures[0].path}:2: {code.value} ")
    # one line; cut only past SHOWN_CHARS (a 10,000-item "date"), the rest kept for the manifest
    assert "\n" not in message and len(message) < SHOWN_CHARS + 200, message
    assert len(failures[0].reason) <= KEPT_CHARS + 100


def test_hostile_limits_are_inclusive(tmp_path: Path) -> None:
    """What is at the limit is read: 128 levels, 4,300 digits, a float that is still finite."""
    lines = [
        _line(_deep(MAX_JSON_DEPTH - 1)).replace('"bad"', '"deepest"'),  # the object is level 1
        '{"id": "digits", "text": "本文", "n": ' + "9" * MAX_INT_DIGITS + "}",
        '{"id": "float", "text": "本文", "f": 1.7976931348623157e308}',
        '{"id": "pair", "text": "\\ud83d\\ude00", "k": "\\ud83d\\ude00"}',
    ]
    path = _write(tmp_path / "ok.jsonl", [line.encode() for line in lines])
    docs, failures = _read(path)
    assert failures == []
    assert [d.doc_id for d in docs] == ["deepest", "digits", "float", "pair"]
    assert docs[1].meta["n"] == int("9" * MAX_INT_DIGITS)
    assert docs[3].text == "😀"


def test_hostile_nesting_is_measured_without_parsing() -> None:
    assert not too_deep(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH)
    assert too_deep(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    # brackets inside strings do not count, escaped quotes included
    assert not too_deep(json.dumps({"text": "[" * 10_000 + '\\"' + "{" * 10_000}).encode())
    # wide is not deep
    assert not too_deep(json.dumps({"m": [[[1]]] * 100_000}).encode())


def test_hostile_nesting_does_not_depend_on_the_recursion_limit(tmp_path: Path) -> None:
    # With a raised recursion limit, json.loads on 200,000 levels crashes the interpreter; the
    # reader never gets that far.
    path = _write(tmp_path / "c.jsonl", [GOOD_BEFORE.encode(), _line(_deep(200_000)).encode(), GOOD_AFTER.encode()])
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1_000_000)
    try:
        docs, failures = _read(path)
    finally:
        sys.setrecursionlimit(old)
    assert [d.doc_id for d in docs] == ["good-1", "good-2"]
    assert [f.code for f in failures] == [Code.E114_VALUE]


SMALL = ReadLimits(max_doc_chars=100, meta_bytes=200)


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_hostile_overlong_line_is_skipped_unread_and_reading_goes_on(tmp_path: Path, name: str) -> None:
    bound = SMALL.line_bytes
    exactly = json.dumps({"id": "at-bound", "text": "本"}).encode()
    exactly += b" " * (bound - len(exactly))  # JSON allows the padding: the line is exactly at the bound
    over = exactly + b" "
    long_line = b'{"id": "x", "text": "' + b"a" * (bound * 5) + b'"}'
    lines = [GOOD_BEFORE.encode(), over, exactly, long_line, GOOD_AFTER.encode(), over]
    path = _write(tmp_path / name, lines)
    docs, failures = _read(path, SMALL)
    assert [d.doc_id for d in docs] == ["good-1", "at-bound", "good-2"]
    assert [(f.line, f.code) for f in failures] == [(n, Code.E112_TOO_LARGE) for n in (2, 4, 6)]
    assert f"a line of {bound + 2:,} bytes" in failures[0].reason  # its newline included
    assert docs[1].source.line == 3


def test_hostile_overlong_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(GOOD_BEFORE.encode() + b"\n" + b"x" * (SMALL.line_bytes + 10))
    docs, failures = _read(path, SMALL)
    assert [d.doc_id for d in docs] == ["good-1"]
    assert [(f.line, f.code) for f in failures] == [(2, Code.E112_TOO_LARGE)]


def test_hostile_text_over_the_character_limit(tmp_path: Path) -> None:
    """Within the byte bound but over the characters: E112 too; exactly at the limit is read."""
    lines = [
        json.dumps({"id": "at-limit", "text": "本" * 100}).encode(),  # \\u escapes: 6 bytes a character
        json.dumps({"id": "over", "text": "本" * 101}, ensure_ascii=False).encode(),
        json.dumps({"id": "crlf", "text": "本\r\n" * 50}).encode(),  # 150 characters, 100 once CRLF is LF
        json.dumps({"id": "astral", "text": "😀" * 100}).encode(),  # 12 bytes a character, the widest
    ]
    path = _write(tmp_path / "c.jsonl", lines)
    docs, failures = _read(path, SMALL)
    assert [d.doc_id for d in docs] == ["at-limit", "crlf", "astral"]
    assert [(f.line, f.code) for f in failures] == [(2, Code.E112_TOO_LARGE)]


def test_hostile_txt_is_refused_from_its_size_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 64 GiB that reading would take minutes and the memory
        handle.truncate(64 << 30)
    (tmp_path / "over.txt").write_text("本" * 101, encoding="utf-8")
    (tmp_path / "at.txt").write_text("本" * 99 + "\r\n", encoding="utf-8")
    (tmp_path / "big.meta.json").write_bytes(b'{"title": "' + b"t" * 300 + b'"}')
    (tmp_path / "big.txt").write_text("本文", encoding="utf-8")
    items = list(read_documents([tmp_path], limits=SMALL))
    docs = [i.doc_id for i in items if isinstance(i, Document)]
    failures = {(Path(i.path).name, i.code) for i in items if isinstance(i, InputFailure)}
    assert docs == ["at"]
    assert failures == {
        ("huge.txt", Code.E112_TOO_LARGE),
        ("over.txt", Code.E112_TOO_LARGE),
        ("big.meta.json", Code.E109_META),
    }


# fmt: off
BAD_SIDECARS = [
    (_deep(200_000), Code.E114_VALUE),
    ('{"n": ' + "9" * 100_000 + "}", Code.E114_VALUE),
    ('{"x": NaN}', Code.E109_META),
    ('{"x": "\\ud800"}', Code.E114_VALUE),
    ("[1]", Code.E109_META),
    ('{"date": "' + "2" * 5000 + '"}', Code.E108_DATE),
]
# fmt: on


@pytest.mark.parametrize(("sidecar", "code"), BAD_SIDECARS, ids=range(len(BAD_SIDECARS)))
def test_hostile_sidecar_fails_its_document_alone(tmp_path: Path, sidecar: str, code: Code) -> None:
    (tmp_path / "a.txt").write_text("本文。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("本文。", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(sidecar, encoding="utf-8")
    items = list(read_documents([tmp_path]))
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["a"]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [(Path(f.path).name, f.code) for f in failures] == [("b.meta.json", code)]
    assert len(str(failures[0])) < SHOWN_CHARS + 200


def test_hostile_unsupported_files_have_their_own_code(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("本文。", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.jsonl")  # reading it would block forever
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read_documents([tmp_path]))
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["doc"]
    failures = {(Path(i.path).name, i.code) for i in items if isinstance(i, InputFailure)}
    assert failures == {
        (name, Code.E113_UNSUPPORTED)
        for name in ("report.docx", "report.pdf", "notes.json", "pipe.jsonl", "dangling.txt")
    }


def test_hostile_messages_stay_one_line_of_utf8(tmp_path: Path) -> None:
    """Ids and file names with newlines, controls or bytes that are not UTF-8 never break a message."""
    weird = os.fsdecode(b"\x93\xfa\x96\x7b")  # 日本 in Shift_JIS: not a UTF-8 file name
    (tmp_path / f"{weird}.txt").write_text("本文。", encoding="utf-8")
    (tmp_path / "line\nbreak.pdf").write_bytes(b"%PDF")
    rows = [{"id": "a\nb\u2028c", "text": "本文"}, {"id": "a\nb\u2028c", "text": "重複"}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = list(read_documents([tmp_path]))
    docs = {i.doc_id: i for i in items if isinstance(i, Document)}
    assert set(docs) == {"\\x93\\xfa\\x96{", "a\nb\u2028c"}
    assert docs["\\x93\\xfa\\x96{"].source.path.endswith("\\x93\\xfa\\x96{.txt")
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert sorted(f.code for f in failures) == [Code.E107_DUPLICATE_ID, Code.E113_UNSUPPORTED]
    for failure in failures:
        message = str(failure)
        assert len(message.splitlines()) == 1, message
        assert "\\n" in message, message  # the newline of the id or the file name, escaped
        message.encode("utf-8")
        json.dumps([failure.path, failure.reason], ensure_ascii=False).encode("utf-8")


def test_hostile_metadata_beside_the_text_is_bounded_before_parsing(tmp_path: Path) -> None:
    """8 million empty lists in 25 MB parse into 1.3 GB: besides its longest string a line has meta_bytes."""
    lines = [
        b'{"id": "wide", "text": "t", "m": [' + b"[]," * 100 + b"[]]}",  # 300 bytes of values
        json.dumps({"id": "long", "text": "本" * 100, "m": [1, 2]}, ensure_ascii=False).encode(),
        json.dumps({"id": "spaced", "text": "本", "m": [1, 2]}, indent=40).replace("\n", " ").encode(),
        b'{"id": "html", "text": "' + b"a" * 90 + b'", "m": "' + b"b" * 250 + b'"}',  # one long value is fine
        b'{"id": "two", "text": "' + b"a" * 150 + b'", "m": "' + b"b" * 250 + b'"}',  # the text is beside it
    ]
    docs, failures = _read(_write(tmp_path / "c.jsonl", lines), SMALL)
    assert [d.doc_id for d in docs] == ["long", "spaced", "html"]
    assert [(f.line, f.code) for f in failures] == [(1, Code.E112_TOO_LARGE), (5, Code.E112_TOO_LARGE)]
    assert "besides the text" in failures[0].reason


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_hostile_blank_line_flood_is_passed_in_bulk(tmp_path: Path, name: str) -> None:
    """Two million blank lines (some with spaces, tabs, CRs): read in bulk, line numbers kept."""
    flood = b"\n" * 1_000_000 + b" \t\r\n" * 1_000 + b"\n" * 999_000
    data = GOOD_BEFORE.encode() + b"\n" + flood + b"x" * (SMALL.line_bytes + 5) + b"\n" + GOOD_AFTER.encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    docs, failures = _read(path, SMALL)
    assert [(d.doc_id, d.source.line) for d in docs] == [("good-1", 1), ("good-2", 2_000_003)]
    assert [(f.line, f.code) for f in failures] == [(2_000_002, Code.E112_TOO_LARGE)]


def test_hostile_sidecar_that_is_no_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("本文。", encoding="utf-8")
    os.mkfifo(tmp_path / "a.meta.json")  # opening it would block forever
    items = list(read_documents([tmp_path]))
    assert [(Path(i.path).name, i.code) for i in items if isinstance(i, InputFailure)] == [
        ("a.meta.json", Code.E109_META)
    ]


def test_hostile_directory_of_any_depth(tmp_path: Path) -> None:
    """1,000 nested directories: Path.rglob would raise RecursionError; the walk is iterative."""
    levels = 1_000
    fd = os.open(tmp_path, os.O_RDONLY)
    for _ in range(levels):  # relative to the last one: mkdir(parents=True) recurses too
        os.mkdir("d", dir_fd=fd)
        fd, parent = os.open("d", os.O_RDONLY, dir_fd=fd), fd
        os.close(parent)
    os.close(fd)
    deepest = tmp_path.joinpath(*["d"] * levels)
    try:
        (deepest / "bottom.txt").write_text("本文。", encoding="utf-8")
        (tmp_path / "top.txt").write_text("本文。", encoding="utf-8")
        (tmp_path / "d" / ".hidden.txt").write_text("本文。", encoding="utf-8")
        items = list(read_documents([tmp_path]))
        assert [i.doc_id for i in items if isinstance(i, Document)] == ["d/" * levels + "bottom", "top"]
        assert not [i for i in items if isinstance(i, InputFailure)]
    finally:  # shutil.rmtree recurses as well
        (deepest / "bottom.txt").unlink(missing_ok=True)
        (tmp_path / "d" / ".hidden.txt").unlink(missing_ok=True)
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent


def test_hostile_nesting_scan_is_linear(tmp_path: Path) -> None:
    r"""Half a million \" escapes with brackets around: a scan that restarted at every quote would take hours."""
    escapes = b'\\"' * 500_000
    lines = [
        b'{"id": "escaped", "text": "' + escapes + b'", "m": [' + b"[]," * 200 + b"[]]}",
        b'{"id": "open", "m": ' + b"[" * 200 + b'"' + escapes,  # the string never closes
    ]
    started = time.perf_counter()
    docs, failures = _read(_write(tmp_path / "c.jsonl", lines))
    assert time.perf_counter() - started < 10
    assert [d.doc_id for d in docs] == ["escaped"]
    assert docs[0].text == '"' * 500_000
    assert [(f.line, f.code) for f in failures] == [(2, Code.E114_VALUE)]
