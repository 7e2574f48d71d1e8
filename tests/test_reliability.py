"""Bad input never stops the run and never loses work (issue: reliability).

The mixed-corpus test is the scenario users meet in real archives: good documents in every
encoding we read, plus an empty file, a binary file and a JSONL file with broken lines.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch import process_batch
from pipeline.config import TEST
from pipeline.documents import Document, Source
from pipeline.extract import run_extract
from pipeline.runtime import Resources
from tests.conftest import FIXTURES, ROOT
from tests.spans import offset_errors

pytestmark = pytest.mark.slow

BODY = (
    "11(平成23)年6月21日、ワシントンDCにおいて「2+2」会合を開催した。\n"
    "同年10月25日、パネッタ米国防長官が訪日し、一川防衛大臣との間で会談を行った。\n"
    "2014年より後のできる限り早い時期に完了させることで一致した。\n"
)
SENTENCE = "平成二十三年六月二十一日に日米安全保障協議委員会が開催され、2011年の共同発表で協力の強化が確認された。"


def _records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["doc_id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _date_values(record: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(d["value"], d["mod"]) for d in record["dates"]]


def test_reliability_mixed_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "utf8.txt").write_text(BODY, encoding="utf-8")
    (corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    (corpus / "sjis.txt").write_bytes(BODY.encode("cp932"))
    (corpus / "eucjp.txt").write_bytes(BODY.encode("euc_jp"))
    (corpus / "crlf.txt").write_bytes(BODY.replace("\n", "\r\n").encode("utf-8"))
    long_line = (SENTENCE * (25_000 // len(SENTENCE) + 1))[:25_000]
    (corpus / "long.txt").write_text(long_line, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "lines.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "text": BODY, "date": "2012-07-31"}, ensure_ascii=False),
                "{broken",
                json.dumps({"id": "j2"}),
                json.dumps({"id": "j3", "text": BODY, "date": "2012-02-30"}, ensure_ascii=False),
                json.dumps({"id": "j4", "text": BODY}, ensure_ascii=False),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "extractions.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(corpus), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PIPELINE_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("corpus/")]
    named = {line.split(": ", 1)[0] for line in errors}
    assert named == {
        "corpus/empty.txt",
        "corpus/binary.txt",
        "corpus/image.png",
        "corpus/lines.jsonl:2",
        "corpus/lines.jsonl:3",
        "corpus/lines.jsonl:4",
    }
    records = _records(out)
    assert set(records) == {"utf8", "bom", "sjis", "eucjp", "crlf", "long", "j1", "j4"}
    expected = _date_values(records["utf8"])
    assert expected, "the body has dates"
    for doc_id in ("bom", "sjis", "eucjp", "crlf", "j1", "j4"):
        assert records[doc_id]["text"] == BODY
        assert _date_values(records[doc_id]) == expected, doc_id
    assert {r["source"]["encoding"] for r in records.values()} == {"utf-8", "utf-8-sig", "cp932", "euc_jp"}
    assert records["long"]["text"] == long_line
    assert len(records["long"]["dates"]) >= 25_000 // len(SENTENCE)
    for record in records.values():
        assert offset_errors(record) == []
    manifest = json.loads(out.with_name("manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["failed"] == 6
    assert {f["code"] for f in manifest["failures"]} == {"E103", "E104", "E105", "E106", "E108", "E113"}


class _Interrupt(Exception):
    pass


def test_reliability_interrupted_run_keeps_previous_outputs_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.workers as engines

    out = tmp_path / "extractions.jsonl"
    for name in ("extractions.jsonl", "tokens.jsonl", "manifest.json"):
        (tmp_path / name).write_text("previous\n", encoding="utf-8")
    config = TEST.replace(cache_dir=tmp_path / "cache", batch_size=1)
    calls = {"n": 0}
    real = engines.process_batch

    def flaky(docs: list[Document], res: Resources, cfg: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise _Interrupt
        return real(docs, res, cfg)

    monkeypatch.setattr(engines, "process_batch", flaky)
    with pytest.raises(_Interrupt):
        run_extract([FIXTURES / "raw"], out, config)
    for name in ("extractions.jsonl", "tokens.jsonl", "manifest.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob("*.tmp"))
    monkeypatch.setattr(engines, "process_batch", real)
    summary = run_extract([FIXTURES / "raw"], out, config)
    assert summary.exit_status == 0
    assert summary.cache_hits == 2  # the two documents done before the interruption
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(list((FIXTURES / "gold").glob("*.json")))


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.create(TEST)


def _run_all_stages(texts: list[str], resources: Resources) -> None:
    docs = [
        Document(f"doc{i}", text, {"date": "2015-05-07"}, Source("fuzz", i + 1, "0" * 64, "utf-8"))
        for i, text in enumerate(texts)
    ]
    for outcome in process_batch(docs, resources, TEST):
        assert outcome.failure is None, str(outcome.failure)
        assert outcome.record is not None
        record = json.loads(outcome.record)
        assert offset_errors(record) == []
        assert all(0 <= s["start"] < s["end"] <= len(record["text"]) for s in record["sentences"])


NAUGHTY = [
    " ",
    "\u3000\u3000\u3000",
    "\t\x0b\x0c",
    "\u200b\u200c\u200d\ufeff",
    "\u202e右から左へ\u202c",
    "ｶﾞｷﾞｸﾞ半角濁点",
    "が\u3099か\u309a結合文字",
    "e\u0301\u0301\u0301",
    "👨‍👩‍👧‍👦🇯🇵 emoji ZWJ",
    "𠮷野家の𩸽（サロゲートペア）",
    "㍻23年と㋿元年と㍾",
    "１２３４年５月６日（全角数字）",
    "二〇一一年十三月三十二日",
    "平成99年2月30日、昭和64年2月、令和元年5月1日",
    "「「「「閉じない括弧",
    "」」」」）開かない括弧。。。！！？？",
    "○\n○\n<1>\n<2>\n（1）\n①",
    "○国務大臣（君）　",
    "\u2028\u2029行区切り",
    "<script>alert('日米')</script>",
    "'; DROP TABLE dates; --",
    "%s %d {0} {{}} \\N \\\\",
    "null None NaN -1 0x0 1e309",
    "あ" * 5000,
    "合意" * 3000,
    "日米首脳会談で一致した。" * 400,
    "2014年より後" * 500,
    "\x01\x02\x03制御文字",
    "a\u0000b",
]


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_reliability_naughty_strings_pass_every_stage(text: str, resources: Resources) -> None:
    _run_all_stages([text], resources)


@settings(max_examples=25)
@given(texts=st.lists(st.text(min_size=1, max_size=120), min_size=1, max_size=3))
def test_reliability_arbitrary_text_passes_every_stage(texts: list[str], resources: Resources) -> None:
    _run_all_stages(texts, resources)


def test_reliability_very_long_document_without_punctuation(resources: Resources) -> None:
    text = "日米同盟の深化に関する協議プロセスの開始が合意された" * 900  # 22,500 chars (67 KB), one sentence
    _run_all_stages([text], resources)
