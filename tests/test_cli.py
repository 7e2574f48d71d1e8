"""The command line: exit statuses, one-line errors, --stages without GiNZA."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PROBE = """
import sys
from pipeline.cli import main
status = main(sys.argv[1:])
print("LOADED", "spacy" in sys.modules, "ginza" in sys.modules, "fugashi" in sys.modules)
sys.exit(status)
"""


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "OPENBLAS_NUM_THREADS": "1"},
    )


def test_cli_dates_stage_does_not_load_ginza(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("11(平成23)年6月21日、会合を開催した。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(tmp_path / "a.txt"), "-o", str(out), "--stages", "dates")
    assert result.returncode == 0, result.stderr
    assert "LOADED False False False" in result.stdout  # no tokens asked for: not even fugashi
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["entities"] == [] and record["commitments"] == []
    manifest = json.loads((tmp_path / "out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["stages"] == ["dates"]


def test_cli_bad_input_fails_alone_with_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("2011年6月21日に開催した。", encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"id": "a", "text": "本文"}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(corpus), "-o", str(out), "--stages", "dates")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "E105" in line]
    assert len(errors) == 1 and "broken.jsonl:2:" in errors[0]
    assert "Traceback" not in result.stderr
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "good"]


def test_cli_usage_error_exits_2(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--stages", "nonsense")
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown stage")


def test_cli_failed_run_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    result = _run("extract", str(tmp_path / "nothing-here"), "-o", str(out), "--stages", "nonsense")
    assert result.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_cli_tokens_are_opt_in(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("11(平成23)年6月21日、会合を開催した。同日、合意した。", encoding="utf-8")
    out = tmp_path / "o" / "extractions.jsonl"
    tokens = out.with_name("tokens.jsonl")
    plain = _run("extract", str(doc), "-o", str(out), "--stages", "dates")
    assert plain.returncode == 0, plain.stderr
    assert not tokens.exists()
    record = out.read_bytes()
    # asked for by the flag or by naming the stage: the same rows, the records unchanged
    for asked in (["--tokens"], ["--stages", "tokens,dates"]):
        result = _run("extract", str(doc), "-o", str(out), "--stages", "dates", *asked)
        assert result.returncode == 0, result.stderr
        assert "LOADED False False True" in result.stdout
        rows = [json.loads(line) for line in tokens.read_text(encoding="utf-8").splitlines()]
        assert [row["sentence"] for row in rows] == [0, 1] and rows[0]["tokens"]
        assert out.read_bytes() == record
    manifest = json.loads(out.with_name("manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["stages"] == ["tokens", "dates"]
    # --no-tokens wins over the stage list; the earlier run's rows would not match these records: removed
    result = _run("extract", str(doc), "-o", str(out), "--stages", "tokens,dates", "--no-tokens")
    assert result.returncode == 0, result.stderr
    assert not tokens.exists()
    assert "note: removed" in result.stderr and "tokens.jsonl" in result.stderr
    assert out.read_bytes() == record
    # a file there that is not token rows is nobody's to remove
    tokens.write_text("my notes\n", encoding="utf-8")
    assert _run("extract", str(doc), "-o", str(out), "--stages", "dates").returncode == 0
    assert tokens.read_text(encoding="utf-8") == "my notes\n"


def test_cli_missing_input_writes_no_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(tmp_path / "nothing-here.txt"), "-o", str(out), "--stages", "dates")
    assert result.returncode == 1
    assert "nothing-here.txt: E101 input not found" in result.stderr
    assert "no outputs written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    # earlier outputs stay as they were when a run extracts nothing
    out.write_text("previous\n", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    result = _run("extract", str(tmp_path / "bad.docx"), "-o", str(out), "--stages", "dates")
    assert result.returncode == 1
    assert "E113" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not (tmp_path / "out.manifest.json").exists()


def test_cli_empty_input_directory_is_not_a_success(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(tmp_path / "empty"), "-o", str(out), "--stages", "dates")
    assert result.returncode == 1
    assert "no documents in the inputs" in result.stderr
    assert not out.exists()


def test_cli_document_dates_in_other_forms_warn_on_stderr_and_in_the_manifest(tmp_path: Path) -> None:
    from pipeline.extract import SHOWN_WARNINGS

    corpus = tmp_path / "c.jsonl"
    lines = [{"id": f"d{i:02d}", "text": "本年5月1日に合意した。", "date": f"R5.5.{i % 28 + 1}"} for i in range(25)]
    lines.append({"id": "bad", "text": "本文。", "date": "令和5年2月30日"})
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(corpus), "-o", str(out), "--stages", "dates")
    assert result.returncode == 1  # the impossible date still fails its document
    warned = [line for line in result.stderr.splitlines() if " W305 " in line]
    assert len(warned) == SHOWN_WARNINGS
    expected = "c.jsonl:1: W305 document date normalized to YYYY-MM-DD (date 'R5.5.1' read as 2023-05-01 (id d00))"
    assert warned[0].endswith(expected)
    assert f"... and {25 - SHOWN_WARNINGS} more warnings like these (the manifest's input_warnings)" in result.stderr
    assert any(":26: E108 invalid document date" in line for line in result.stderr.splitlines())
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 25 and records[0]["meta"]["date"] == "2023-05-01"
    assert records[0]["dates"][0]["value"] == "2023-05-01"  # 本年5月1日, resolved against the normalized date
    manifest = json.loads(tmp_path.joinpath("out.manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["input_warnings"]) == 25
    assert manifest["input_warnings"][-1] == {
        "path": manifest["input_warnings"][-1]["path"],
        "line": 25,
        "code": "W305",
        "reason": "date 'R5.5.25' read as 2023-05-25 (id d24)",
    }
