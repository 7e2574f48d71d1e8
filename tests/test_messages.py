"""Messages about the input are complete, one line each, and cut only past pathological sizes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.documents import InputFailure, read_documents
from pipeline.errors import Code, ResourceError, error_text
from pipeline.messages import KEPT_CHARS, SHOWN_CHARS, bounded
from tests.conftest import ROOT


def test_messages_bounded_keeps_both_ends_and_says_what_is_left_out() -> None:
    assert bounded("short", 10) == "short"
    text = "A" * 1000 + "(id x)"
    cut = bounded(text, 300, " here")
    assert cut.startswith("A" * 100) and cut.endswith("A(id x)")
    assert "…[706 characters left out here]…" in cut
    assert len(cut) < 300 + 60


def test_messages_long_ids_are_quoted_whole(tmp_path: Path) -> None:
    # ids as long as real corpora write them (a URL with its query): the old messages cut them at 80
    long_id = "https://kokkai.ndl.go.jp/#/detail?minId=120405254X01220210312&spkNum=13&current=1&single"
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": long_id, "text": "本文"}) + "\n" + json.dumps({"id": long_id, "text": "二度目"}) + "\n"
        + json.dumps({"id": long_id + "/2", "text": 5}) + "\n",
        encoding="utf-8",
    )
    failures = [i for i in read_documents([path]) if isinstance(i, InputFailure)]
    assert [f.code for f in failures] == [Code.E107_DUPLICATE_ID, Code.E106_FIELD]
    assert f"id {long_id} already read from" in str(failures[0])
    assert f"(id {long_id}/2)" in str(failures[1])


def test_messages_json_errors_say_where(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "本文" "date": 1}\n', encoding="utf-8")
    (failure,) = list(read_documents([path]))
    assert isinstance(failure, InputFailure)
    assert "Expecting ',' delimiter: line 1 column 26 (char 25)" in failure.reason


def test_messages_undecodable_bytes_are_shown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("本文".encode() + b"\xff\xfe\x80\x81abc" * 3)
    (failure,) = list(read_documents([tmp_path / "a.txt"]))
    assert isinstance(failure, InputFailure) and failure.code == Code.E102_DECODE
    assert "byte 6 (ff fe 80 81 61 62 63 ff): invalid start byte in UTF-8" in failure.reason


def test_messages_pathological_values_are_cut_on_stderr_and_kept_in_the_manifest(tmp_path: Path) -> None:
    huge = "2" * 5000
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "本文", "date": huge}) + "\n", encoding="utf-8")
    (failure,) = list(read_documents([path]))
    assert isinstance(failure, InputFailure)
    assert huge in failure.reason  # what the manifest records
    shown = str(failure)
    assert len(shown) < SHOWN_CHARS + 200 and "characters left out here, kept in the manifest" in shown
    # a million characters: even the manifest keeps only KEPT_CHARS of it, and says so
    path.write_text(json.dumps({"id": "b" * 1_000_000, "text": 5}) + "\n", encoding="utf-8")
    (failure,) = list(read_documents([path]))
    assert isinstance(failure, InputFailure)
    assert len(failure.reason) < KEPT_CHARS + 100 and "characters left out]" in failure.reason


def test_messages_error_text_keeps_every_line() -> None:
    exc = RuntimeError("Failed initializing MeCab.\n  arguments: -d x\n  param.cpp(69) [ifs] no such file")
    assert error_text(exc) == (
        "RuntimeError: Failed initializing MeCab.\n  arguments: -d x\n  param.cpp(69) [ifs] no such file"
    )
    assert error_text(KeyError()) == "KeyError"


def test_messages_tagger_failure_is_shown_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    import fugashi

    from pipeline.resources import load_tagger

    def broken(_: str) -> None:
        raise RuntimeError("Failed initializing MeCab.\n  param.cpp(69) [ifs] no such file or directory: x/dicrc")

    monkeypatch.setattr(fugashi, "Tagger", broken)
    with pytest.raises(ResourceError) as caught:
        load_tagger()
    assert "param.cpp(69) [ifs] no such file or directory: x/dicrc" in str(caught.value)


def test_messages_stage_failure_keeps_its_traceback_in_the_manifest(tmp_path: Path) -> None:
    # a stage that raises (injected): stderr has the one line, the manifest the whole traceback
    probe = (
        "import sys\n"
        "import pipeline.batch as batch\n"
        "real = batch.find_dates\n"
        "def broken(text, **kwargs):\n"
        "    if text.startswith('2011'):\n"
        "        raise ValueError('first line\\nsecond line')\n"
        "    return real(text, **kwargs)\n"
        "batch.find_dates = broken\n"
        "from pipeline.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    (tmp_path / "a.txt").write_text("2011年6月21日。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("2012年6月21日。", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", probe, "extract", str(tmp_path / "a.txt"), "-o", str(out), "--stages", "dates"],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    (line,) = [x for x in result.stderr.splitlines() if "E111" in x]
    assert line.endswith("E111 a stage failed on this document (doc_id a: ValueError: first line\\nsecond line)")
    assert "Traceback" not in result.stderr
    assert not out.exists()  # nothing extracted: nothing written, so the manifest is not there either
    result = subprocess.run(
        [sys.executable, "-c", probe, "extract", str(tmp_path), "-o", str(out), "--stages", "dates"],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    manifest = json.loads(out.with_name("o.manifest.json").read_text(encoding="utf-8"))
    assert result.returncode == 1
    assert [f["code"] for f in manifest["failures"]] == ["E111"]
    assert "Traceback (most recent call last)" in manifest["failures"][0]["traceback"]
    assert "ValueError: first line\nsecond line" in manifest["failures"][0]["traceback"]
