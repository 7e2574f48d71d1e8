"""Stage 1: reading, decoding, ids, metadata and per-line failures."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from pipeline.documents import (
    Document,
    InputFailure,
    InputWarning,
    decode_bytes,
    normalize_newlines,
    read_documents,
)
from pipeline.errors import Code

TEXT = "平成23年（2011年）6月21日、ワシントンDCにおいて「2+2」会合を開催した。\n同年10月25日、会談を行った。"

# fmt: off
ENCODINGS = [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("cp932", b"", "cp932"),
    ("euc_jp", b"", "euc_jp"),
]
# fmt: on


@pytest.mark.parametrize(("codec", "prefix", "expected"), ENCODINGS)
def test_documents_decode_detects_encoding(codec: str, prefix: bytes, expected: str) -> None:
    text, encoding = decode_bytes(prefix + TEXT.encode(codec))
    assert text == TEXT
    assert encoding == expected


@pytest.mark.parametrize("codec", ["cp932", "euc_jp"])
@pytest.mark.parametrize(
    "sample",
    ["防衛省", "日米同盟の深化", "①②③ＮＥＣ特殊文字", "東京", "合意した。", "令和元年5月1日", "ｶﾀｶﾅ半角の文字列です"],
)
def test_documents_decode_short_legacy_texts(codec: str, sample: str) -> None:
    try:
        data = sample.encode(codec)
    except UnicodeEncodeError:
        pytest.skip(f"{sample!r} has no {codec} encoding")
    text, encoding = decode_bytes(data)
    assert text == sample
    assert encoding == codec


def test_documents_decode_short_halfwidth_euc_is_a_known_limit() -> None:
    # EUC-JP half-width katakana (0x8E xx) are valid CP932 kanji pairs: with nothing else to go on,
    # four such characters read as CP932. Any hiragana settles it (see the table above).
    text, encoding = decode_bytes("ｶﾀｶﾅ".encode("euc_jp"))
    assert encoding == "cp932"
    assert text != "ｶﾀｶﾅ"


def test_documents_decode_rejects_undecodable() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(b"\xff\xfe\xfd\xfc\x80\x80\x80")


def test_documents_newlines_only_change() -> None:
    assert normalize_newlines("a\r\nb\rc\n\u3000d") == "a\nb\nc\n\u3000d"


def _read(*paths: Path) -> list[Document | InputFailure]:
    return list(read_documents(list(paths)))


def test_documents_txt_ids_are_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("本文。", encoding="utf-8")
    (tmp_path / "y.txt").write_bytes("本文\r\n二行目".encode("cp932"))
    (tmp_path / "y.meta.json").write_text(json.dumps({"date": "2011-06-21", "title": "t"}), encoding="utf-8")
    docs = _read(tmp_path)
    assert [d.doc_id for d in docs if isinstance(d, Document)] == ["a/x", "y"]
    y = next(d for d in docs if isinstance(d, Document) and d.doc_id == "y")
    assert y.text == "本文\n二行目"
    assert y.meta == {"date": "2011-06-21", "title": "t"}
    assert y.source.encoding == "cp932"
    single = _read(tmp_path / "a" / "x.txt")
    assert isinstance(single[0], Document)
    assert single[0].doc_id == "x"


def test_documents_jsonl_fields_and_meta(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    rows = [
        {"id": "s1", "text": "四月二十七日\r\nに開催", "date": "2015-05-07", "house": "参議院"},
        {"id": 7, "text": "数値のid"},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    docs = _read(path)
    assert all(isinstance(d, Document) for d in docs)
    first, second = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.doc_id == "s1"
    assert first.text == "四月二十七日\nに開催"
    assert first.meta == {"date": "2015-05-07", "house": "参議院"}
    assert first.source.line == 1
    assert second.doc_id == "7"


# fmt: off
BAD_LINES = [
    ("{not json", Code.E105_JSON),
    ('["a list"]', Code.E105_JSON),
    ('{"text": "no id"}', Code.E106_FIELD),
    ('{"id": "x1"}', Code.E106_FIELD),
    ('{"id": "x2", "text": 5}', Code.E106_FIELD),
    ('{"id": "x3", "text": "   "}', Code.E103_EMPTY),
    ('{"id": "x4", "text": "t", "date": "2015-02-30"}', Code.E108_DATE),
    ('{"id": "x5", "text": "t", "date": "令和元年"}', Code.E108_DATE),
    ('{"id": "ok", "text": "again"}', Code.E107_DUPLICATE_ID),
]
# fmt: on


def test_documents_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = ['{"id": "ok", "text": "良い行"}'] + [line for line, _ in BAD_LINES] + ['{"id": "ok2", "text": "最後"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    docs = [i.doc_id for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert docs == ["ok", "ok2"]
    assert [(f.line, f.code) for f in failures] == [(n + 2, code) for n, (_, code) in enumerate(BAD_LINES)]
    assert all(str(f).startswith(f"{f.path}:{f.line}: ") for f in failures)


def test_documents_bad_files_fail_alone(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "junk.bin").write_bytes(b"\x00\x01")
    (tmp_path / "latin.txt").write_bytes(b"\xff\xfe\x80abc\x81\x00")
    (tmp_path / "good.txt").write_text("良い文書。", encoding="utf-8")
    (tmp_path / "badmeta.txt").write_text("本文", encoding="utf-8")
    (tmp_path / "badmeta.meta.json").write_text("{oops", encoding="utf-8")
    items = _read(tmp_path, tmp_path / "missing.txt")
    codes = {(Path(i.path).name, i.code) for i in items if isinstance(i, InputFailure)}
    assert codes == {
        ("missing.txt", Code.E101_NOT_FOUND),
        ("empty.txt", Code.E103_EMPTY),
        ("blank.txt", Code.E103_EMPTY),
        ("binary.txt", Code.E104_BINARY),
        ("junk.bin", Code.E113_UNSUPPORTED),
        ("latin.txt", Code.E104_BINARY),
        ("badmeta.meta.json", Code.E109_META),
    }
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["good"]


def test_documents_truncated_gzip_keeps_earlier_lines(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    payload = "".join(json.dumps({"id": f"d{i}", "text": "本文" * 50}) + "\n" for i in range(200))
    data = gzip.compress(payload.encode("utf-8"))
    path.write_bytes(data[: len(data) // 2])
    items = _read(path)
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert docs, "lines before the damage are read"
    assert len(failures) == 1
    assert failures[0].code == Code.E110_GZIP


def test_documents_dates_in_other_forms_are_normalized_with_a_warning(tmp_path: Path) -> None:
    rows = [
        {"id": "slash", "text": "本文", "date": "2023/05/01"},
        {"id": "era", "text": "本文", "date": "令和5年5月1日"},
        {"id": "iso", "text": "本文", "date": "2023-05-01"},
        {"id": "bad", "text": "本文", "date": "2023/02/30"},
        {"id": "slash", "text": "again", "date": "R5.5.2"},  # a duplicate: its warning is dropped
        {"id": "time", "text": "本文", "date": "2023-05-01T10:00:00+09:00"},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "t.txt").write_text("本文", encoding="utf-8")
    (tmp_path / "t.meta.json").write_text('{"date": "R5.5.1", "title": "x"}', encoding="utf-8")
    warnings: list[InputWarning] = []
    items = list(read_documents([tmp_path], warn=warnings.append))
    docs = {i.doc_id: i.meta for i in items if isinstance(i, Document)}
    assert docs == {
        "slash": {"date": "2023-05-01"},
        "era": {"date": "2023-05-01"},
        "iso": {"date": "2023-05-01"},
        "time": {"date": "2023-05-01"},
        "t": {"date": "2023-05-01", "title": "x"},
    }
    assert [(w.path.rsplit("/", 1)[-1], w.line, w.code) for w in warnings] == [
        ("c.jsonl", 1, Code.W305_DATE_FORM),
        ("c.jsonl", 2, Code.W305_DATE_FORM),
        ("c.jsonl", 6, Code.W305_DATE_FORM),
        ("t.meta.json", None, Code.W305_DATE_FORM),
    ]
    assert "'2023/05/01' read as 2023-05-01 (id slash)" in str(warnings[0])
    assert str(warnings[0]).startswith(f"{warnings[0].path}:1: W305 ")
    failures = [(i.line, i.code) for i in items if isinstance(i, InputFailure)]
    assert failures == [(4, Code.E108_DATE), (5, Code.E107_DUPLICATE_ID)]


def test_documents_strict_refuses_dates_that_needed_normalizing(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "a", "text": "本文", "date": "2023/05/01"}\n{"id": "b", "text": "本文", "date": "2023-05-01"}\n'
        '{"id": "a", "text": "本文", "date": "2023-05-01"}\n',
        encoding="utf-8",
    )
    warnings: list[InputWarning] = []
    items = list(read_documents([path], warn=warnings.append, strict=True))
    assert warnings == []
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["b", "a"]  # the failed line took no id
    (failure,) = [i for i in items if isinstance(i, InputFailure)]
    assert (failure.line, failure.code) == (1, Code.E108_DATE)
    assert "--strict" in failure.reason


# fmt: off
UNSUPPORTED = [
    ("minutes.docx", b"PK\x03\x04" + bytes(40), "a Word document (.docx)"),
    ("minutes.pdf", b"%PDF-1.7\n", "a PDF (.pdf)"),
    ("page.html", "<html><body>本文</body></html>".encode(), "markup (HTML or XML) (.html)"),
    ("corpus.json", b'[{"id": "a", "text": "x"}]', "a JSON file (.json)"),
    ("speeches.csv", "id,text\na,本文\n".encode(), "a table (.csv)"),
    ("old.txt.gz", b"\x1f\x8b\x08\x00", "a gzip file not named .jsonl.gz (.gz)"),
    ("README", b"text", "no suffix"),
    # another format under a name the reader takes: told by the first bytes, not "binary data"
    ("renamed.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(100), "a PDF named .txt"),
    ("renamed2.txt", b"PK\x03\x04" + bytes(100), "a ZIP container (a .docx, .xlsx, .odt or .zip) named .txt"),
    ("memo.txt", b"{\\rtf1\\ansi \\u26412?}", "an RTF document named .txt"),
    ("zipped.jsonl", b"\x1f\x8b\x08\x00" + bytes(30), "gzip-compressed data named .jsonl"),
]
# fmt: on


@pytest.mark.parametrize(("name", "data", "what"), UNSUPPORTED, ids=[u[0] for u in UNSUPPORTED])
def test_documents_unsupported_files_say_what_they_are(tmp_path: Path, name: str, data: bytes, what: str) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("本文。", encoding="utf-8")
    items = list(read_documents([tmp_path]))
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["good"]
    (failure,) = [i for i in items if isinstance(i, InputFailure)]
    assert failure.code == Code.E113_UNSUPPORTED
    assert what in failure.reason and failure.reason.endswith("; not read")
    assert str(failure).startswith(f"{failure.path}: E113 unsupported format (")


def test_documents_a_fifo_is_unsupported_and_never_opened(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (failure,) = list(read_documents([tmp_path]))
    assert isinstance(failure, InputFailure) and failure.code == Code.E113_UNSUPPORTED
    assert failure.reason == "a FIFO, not a regular file; not read"
