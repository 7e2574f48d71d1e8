"""Hostile inputs through the command line (issue 18): exit 1, the bad line named, no traceback, the rest written.

Also: a decompression bomb under an address-space limit (so it cannot pass by having memory to
spare), a run that never reads its own outputs, unsupported files, and ``--max-doc-chars``.
Every run uses ``--stages dates``: no model is loaded.
"""

from __future__ import annotations

import gzip
import json
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from pipeline.cli import _config, build_parser
from pipeline.config import Config
from pipeline.limits import DEFAULT_MAX_DOC_CHARS
from tests.conftest import ROOT

ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "OPENBLAS_NUM_THREADS": "1"}
GOOD = [
    {"id": "good-1", "text": "2011年6月21日に日米安全保障協議委員会を開催した。"},
    {"id": "good-2", "text": "平成23年10月25日、会談を行った。", "date": "2011-10-25"},
]

# Runs the CLI under an address-space limit and reports its own peak memory: VmHWM, the high-water
# mark of this process image (ru_maxrss would include the pytest process it was forked from).
LIMITED = """
import resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from pipeline.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open("/proc/self/status") as status_file:
        hwm = next(line for line in status_file if line.startswith("VmHWM:")).split()[1]
    print("PEAK_RSS_MB", int(hwm) // 1024, file=sys.stderr)
sys.exit(status)
"""
# What the reader did before issue 18: one readline() of the whole line.
UNBOUNDED = """
import gzip, resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
with gzip.open(sys.argv[2], "rb") as handle:
    handle.readline()
    print(len(handle.readline()))
"""
AS_LIMIT = 512 << 20


def _line(obj: dict[str, object]) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, check=False, env=ENV
    )


def _ids(out: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in out.read_bytes().decode("utf-8").split("\n") if line]


def write_bomb(path: Path, line_bytes: int) -> None:
    """A .jsonl.gz: a good line, one line of ``line_bytes`` bytes (one deflate stream), a good line.

    After a full flush deflate starts afresh, so the compressed block of a 16 MiB run of "a" is
    the same bytes every time: the bomb is written in a moment, and is a valid gzip file.
    """
    chunk = b"a" * (16 << 20)
    count = line_bytes // len(chunk)
    prefix = _line(GOOD[0]) + b'{"id": "bomb", "text": "'
    suffix = b'"}\n' + _line(GOOD[1])
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = deflate.compress(prefix) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.compress(suffix) + deflate.flush()
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + count * len(chunk) + len(suffix)
    with path.open("wb") as handle:
        handle.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head)
        for _ in range(count):
            handle.write(block)
        handle.write(tail + struct.pack("<II", crc, size & 0xFFFFFFFF))


def test_hostile_bomb_costs_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    write_bomb(bomb, 1 << 30)  # a 1 GiB line, twice the address space the run is given
    assert bomb.stat().st_size < 2 << 20
    control = subprocess.run(
        [sys.executable, "-c", UNBOUNDED, str(AS_LIMIT), str(bomb)], capture_output=True, text=True, check=False
    )
    assert control.returncode != 0 and "MemoryError" in control.stderr, "the limit must bite an unbounded read"
    out = tmp_path / "out" / "o.jsonl"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", LIMITED, str(AS_LIMIT), "extract", str(bomb), "-o", str(out), "--stages", "dates",
         "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if " E1" in line]
    assert len(errors) == 1 and "bomb.jsonl.gz:2: E112 " in errors[0], result.stderr
    line_bytes = len(b'{"id": "bomb", "text": "') + (1 << 30) + len(b'"}\n')
    assert f"a line of {line_bytes:,} bytes" in errors[0]
    assert _ids(out) == ["good-1", "good-2"]
    peak = int(result.stderr.rsplit("PEAK_RSS_MB", 1)[1].split()[0])
    assert peak < 300, f"peak RSS {peak} MB for a 1 GiB line"
    assert seconds < 300


# fmt: off
ISSUE_LINES = [
    ("deep", b'{"id": "bad", "text": "t", "meta": ' + b"[" * 200_000 + b"]" * 200_000 + b"}\n", "E114"),
    ("digits", b'{"id": "bad", "text": "t", "n": ' + b"9" * 100_000 + b"}\n", "E114"),
    ("nan", b'{"id": "bad", "text": "t", "x": NaN}\n', "E105"),
    ("surrogate", b'{"id": "bad", "text": "t", "x": "\\ud800"}\n', "E114"),
    ("overflow", b'{"id": "bad", "text": "t", "x": -1e999}\n', "E114"),
    ("not-object", b'["id", "text"]\n', "E105"),
    ("text-list", b'{"id": "bad", "text": ["t"]}\n', "E106"),
]
# fmt: on


@pytest.mark.parametrize(("name", "line", "code"), ISSUE_LINES, ids=[c[0] for c in ISSUE_LINES])
def test_hostile_cli_bad_line_is_one_line_and_the_rest_is_written(
    tmp_path: Path, name: str, line: bytes, code: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{name}.jsonl").write_bytes(_line(GOOD[0]) + line + _line(GOOD[1]))
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(corpus), "-o", str(out), "--stages", "dates", "--no-cache")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [e for e in result.stderr.splitlines() if e.startswith("corpus/")]
    assert errors == [errors[0]] and errors[0].startswith(f"corpus/{name}.jsonl:2: {code} "), result.stderr
    assert len(errors[0]) < 400
    assert _ids(out) == ["good-1", "good-2"]
    manifest = json.loads((tmp_path / "out.manifest.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["line"], f["code"]) for f in manifest["failures"]] == [(f"corpus/{name}.jsonl", 2, code)]
    assert manifest["counts"]["failed"] == 1 and manifest["counts"]["documents"] == 2


def _corpus(root: Path) -> Path:
    corpus = root / "DIR"
    corpus.mkdir()
    (corpus / "c.jsonl").write_bytes(b"".join(_line(g) for g in GOOD))
    (corpus / "t.txt").write_text("令和元年5月1日に即位した。", encoding="utf-8")
    return corpus


def test_hostile_run_never_reads_its_own_outputs(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = corpus / "out" / "o.jsonl"
    first = _run("extract", str(corpus), "-o", str(out), "--stages", "tokens,dates", "--no-cache", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    notes = [line for line in first.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "DIR/out/o.jsonl.spool.tmp" in notes[0], first.stderr  # created before reading
    expected = out.read_bytes()
    second = _run("extract", str(corpus), "-o", str(out), "--stages", "tokens,dates", "--no-cache", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "E1" not in second.stderr
    notes = [line for line in second.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, second.stderr
    for name in ("o.jsonl", "o.tokens.jsonl", "o.manifest.json", "o.jsonl.spool.tmp"):
        assert f"DIR/out/{name}" in notes[0]
    assert out.read_bytes() == expected
    manifest = json.loads((corpus / "out" / "o.manifest.json").read_text(encoding="utf-8"))
    assert [i["path"] for i in manifest["inputs"]] == ["DIR/c.jsonl", "DIR/t.txt"]
    assert manifest["counts"] == {**manifest["counts"], "documents": 3, "failed": 0}


def test_hostile_earlier_outputs_are_recognized_by_their_content(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "first" / "extractions.jsonl"
    first = _run("extract", str(corpus), "-o", str(out), "--stages", "dates", "--tokens", "--no-cache", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    (corpus / "old-records.jsonl").write_bytes(out.read_bytes())
    (corpus / "old-tokens.jsonl.gz").write_bytes(gzip.compress(out.with_name("tokens.jsonl").read_bytes()))
    (corpus / "run.manifest.json").write_bytes(out.with_name("manifest.json").read_bytes())
    (corpus / "stale.jsonl.spool.tmp").write_bytes(out.read_bytes())  # from an interrupted run
    second = tmp_path / "second" / "extractions.jsonl"
    result = _run("extract", str(corpus), "-o", str(second), "--stages", "dates", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "not reading 4 files" in notes[0], result.stderr
    assert second.read_bytes() == out.read_bytes()
    assert _ids(second) == ["good-1", "good-2", "t"]


def test_hostile_unsupported_files_are_reported_and_fail_the_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "minutes.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    (corpus / "minutes.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    out = tmp_path / "o.jsonl"
    result = _run("extract", str(corpus), "-o", str(out), "--stages", "dates", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("DIR/"))
    assert errors == [
        "DIR/minutes.docx: E113 unsupported format (a Word document (.docx), not .txt, .jsonl or .jsonl.gz: "
        "save it as plain text (.txt, UTF-8), or put its text in a line of a .jsonl file; not read)",
        "DIR/minutes.pdf: E113 unsupported format (a PDF (.pdf), not .txt, .jsonl or .jsonl.gz: "
        "extract its text first, e.g. `pdftotext -enc UTF-8 FILE.pdf FILE.txt`; not read)",
    ]
    assert sorted(_ids(out)) == ["good-1", "good-2", "t"]


def test_hostile_max_doc_chars_flag(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "long.txt").write_text("本" * 31, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = _run("extract", str(corpus), "-o", str(out), "--stages", "dates", "--no-cache", "--max-doc-chars", "30",
                  cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("DIR/")]
    assert errors == ["DIR/long.txt: E112 document over the size limit (31 characters; --max-doc-chars is 30)"]
    assert sorted(_ids(out)) == ["good-1", "good-2", "t"]
    manifest = json.loads((tmp_path / "o.manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["max_doc_chars"] == 30


def test_hostile_max_doc_chars_config() -> None:
    assert Config(cache_dir=None).max_doc_chars == DEFAULT_MAX_DOC_CHARS
    args = build_parser().parse_args(["extract", "raw", "-o", "x.jsonl", "--max-doc-chars", "5000"])
    assert _config(args).max_doc_chars == 5000
    with pytest.raises(ValueError, match="at least 1"):
        Config(cache_dir=None, max_doc_chars=0)


def test_hostile_parse_cache_inside_the_input_is_not_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    stale = corpus / "cache" / "ab" / ("ab" + "0" * 62 + ".json.gz")  # a parse cache entry's name
    stale.parent.mkdir(parents=True)
    stale.write_bytes(gzip.compress(b'{"v": "parse.v2", "tokens": [], "entities": []}'))
    out = tmp_path / "o.jsonl"
    result = _run("extract", str(corpus), "-o", str(out), "--stages", "dates", "--cache-dir", str(corpus / "cache"),
                  cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "this run's parse cache: DIR/cache/ab/ab000" in result.stderr
    assert _ids(out) == ["good-1", "good-2", "t"]
