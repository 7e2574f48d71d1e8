"""Stage 1: read ``.txt`` and ``.jsonl``/``.jsonl.gz`` inputs into ``Document`` records.

Every file or JSONL line that cannot become a document yields an ``InputFailure`` (file, line,
code, reason) instead of raising, so one bad input never stops the run. Text is decoded (UTF-8
with or without BOM, CP932, EUC-JP), CRLF/CR become LF, and nothing else is changed: offsets of
every later stage index this text.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import Code, InputError
from pipeline.schema import Document, Source

TEXT_SUFFIX = ".txt"
META_SUFFIX = ".meta.json"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
# Files that sit beside inputs by convention and are not documents.
IGNORED_SUFFIXES = (META_SUFFIX, ".md")

# NOTE: a strict cascade, not a statistical detector. Valid UTF-8 with non-ASCII bytes is almost
# never CP932 or EUC-JP by accident, and the two legacy encodings reject most of each other's
# byte sequences; when both decode, a score of ordinary Japanese characters decides. This is
# deterministic, fast and testable; charset-normalizer answered cp1250/big5 for short CP932 texts
# in our tests (see tests/test_documents.py).
LEGACY_ENCODINGS = ("cp932", "euc_jp")


@dataclass
class ReadMeter:
    """How much of the input (bytes on disk) has been read: drives the progress ETA."""

    total: int = 0
    done: int = 0

    def fraction(self) -> float:
        """Share of the input read, 0.0 when unknown."""
        return min(1.0, self.done / self.total) if self.total else 0.0


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A file or line that could not become a document; ``str()`` is the one-line message."""

    path: str
    line: int | None
    code: Code
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return str(InputError(self.code, where, self.reason))


def sha256_hex(data: bytes) -> str:
    """Hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF; the only change ever made to input text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _japanese_score(text: str) -> float:
    """How much ``text`` looks like ordinary Japanese, per character.

    Hiragana and 、。 score 2; katakana, kanji, full-width forms and ASCII 1; half-width katakana
    -1 (rare in real text, but what short EUC-JP bytes become when misread as CP932); others 0.
    """
    if not text:
        return 0.0
    score = 0
    for ch in text:
        o = ord(ch)
        if 0x3041 <= o <= 0x309F or ch in "、。":
            score += 2
        elif 0xFF61 <= o <= 0xFF9F:
            score -= 1
        elif ch.isascii() or 0x3000 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0xFF01 <= o <= 0xFF5E:
            score += 1
    return score / len(text)


def _plausible_japanese(text: str) -> bool:
    """Kana in any text longer than a title: what other CJK encodings misread as EUC-JP lack.

    Korean EUC-KR, for one, decodes as EUC-JP into kanji-only text; real Japanese prose of any
    length has kana (the Diet and PM corpora: at least 20% of characters).
    """
    if len(text) <= 40:
        return True
    kana = sum(1 for ch in text if "\u3041" <= ch <= "\u30ff")
    return kana >= 0.05 * len(text)


def _has_surrogates(text: str) -> bool:
    r"""Lone surrogates (from JSON escapes like \ud800) cannot be written as UTF-8."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


_CONTROLS = frozenset(
    chr(c) for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20), *range(0x7F, 0xA0)]
)


def _has_controls(text: str) -> bool:
    """C0/C1 control characters (other than whitespace) or surrogates: what junk decodes to."""
    return _has_surrogates(text) or not _CONTROLS.isdisjoint(text)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 control characters: no text encoding we read produces those."""
    if b"\x00" in data:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return controls > max(1, len(sample) // 100)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode input bytes; return ``(text, encoding)`` or raise ``UnicodeDecodeError``.

    Order: a UTF-8 or UTF-16 BOM, strict UTF-8, then CP932 and EUC-JP (strict); if both legacy
    encodings decode, the one whose text is more ordinary Japanese wins (ties go to CP932, the
    more common). A legacy decode of a long text without kana is refused (it is another
    language's encoding read as Japanese), so mojibake never reaches the output.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    candidates: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_japanese(text):
            candidates.append((_japanese_score(text), -rank, text, encoding))
    if not candidates:
        raise first_error
    _, _, text, encoding = max(candidates)
    return text, encoding


def parse_document_date(value: Any) -> dt.date:
    """Validate an ISO ``YYYY-MM-DD`` document date; raise ``ValueError`` otherwise."""
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(f"date {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"date {value!r}") from None


def document_date(doc: Document) -> dt.date | None:
    """The document date from its metadata (validated when the document was read)."""
    value = doc.meta.get("date")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def display_path(path: Path, root: Path | None = None) -> str:
    """A relative, '/'-separated path for records and messages: no absolute paths in outputs.

    Relative to the working directory when the file is under it; otherwise relative to the
    directory given on the command line, prefixed with that directory's name.
    """
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = str(path)
    if rel.startswith(".."):
        rel = os.path.join(root.name, os.path.relpath(path, root)) if root is not None and root.name else path.name
    return rel.replace(os.sep, "/")


def discover(inputs: Sequence[Path]) -> Iterator[tuple[Path, str, Path]]:
    """Yield ``(file, kind, root)`` for every input file, sorted within each directory.

    ``kind`` is ``"txt"``, ``"jsonl"`` or ``"other"`` (reported, not read); ``root`` is the
    directory a ``.txt`` doc_id is relative to.
    """
    for given in inputs:
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in path.relative_to(given).parts):
                    continue
                if path.name.endswith(IGNORED_SUFFIXES):
                    continue
                yield path, _kind(path), given
        else:
            yield given, _kind(given), given.parent


def _kind(path: Path) -> str:
    name = path.name
    if name.endswith(TEXT_SUFFIX):
        return "txt"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "other"


def txt_doc_id(path: Path, root: Path) -> str:
    """Path relative to the directory given, without ``.txt``, '/'-separated."""
    rel = path.relative_to(root).as_posix()
    return rel[: -len(TEXT_SUFFIX)]


def read_text_file(path: Path, root: Path) -> Document | InputFailure:
    """Read one ``.txt`` document and its optional ``.meta.json`` sidecar."""
    shown = display_path(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputFailure(shown, None, Code.E101_NOT_FOUND, exc.strerror or str(exc))
    if not data.strip():
        return InputFailure(shown, None, Code.E103_EMPTY, f"{len(data)} bytes")
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputFailure(shown, None, Code.E104_BINARY, f"{len(data)} bytes")
    try:
        text, encoding = decode_bytes(data)
    except UnicodeDecodeError as exc:
        return InputFailure(shown, None, Code.E102_DECODE, f"byte {exc.start}")
    if _has_controls(text):
        return InputFailure(shown, None, Code.E104_BINARY, f"control characters after decoding as {encoding}")
    text = normalize_newlines(text)
    if not text.strip():
        return InputFailure(shown, None, Code.E103_EMPTY, "only whitespace")
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.name[: -len(TEXT_SUFFIX)] + META_SUFFIX)
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return InputFailure(display_path(sidecar, root), None, Code.E109_META, str(exc))
        if not isinstance(loaded, dict):
            return InputFailure(display_path(sidecar, root), None, Code.E109_META, "not an object")
        meta = loaded
        if "date" in meta and meta["date"] is not None:
            try:
                parse_document_date(meta["date"])
            except ValueError as exc:
                return InputFailure(display_path(sidecar, root), None, Code.E108_DATE, str(exc))
    source = Source(path=shown, line=None, sha256=sha256_hex(data), encoding=encoding)
    return Document(doc_id=txt_doc_id(path, root), text=text, meta=meta, source=source)


def _open_lines(path: Path) -> Iterable[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl_file(
    path: Path, meter: ReadMeter | None = None, root: Path | None = None
) -> Iterator[Document | InputFailure]:
    """Read a JSONL corpus: one document per line; a bad line fails alone."""
    shown = display_path(path, root)
    lineno = 0
    base = meter.done if meter else 0
    try:
        with _open_lines(path) as handle:  # type: ignore[attr-defined]
            raw_file = getattr(handle, "fileobj", handle)  # compressed position for .gz
            for lineno, raw in enumerate(handle, start=1):
                if meter is not None:
                    meter.done = base + raw_file.tell()
                if not raw.strip():
                    continue
                yield _jsonl_line(raw, shown, lineno)
    except (OSError, EOFError, zlib.error) as exc:
        where = lineno + 1 if lineno else None
        yield InputFailure(shown, where, Code.E110_GZIP, str(exc))


def _jsonl_line(raw: bytes, shown: str, lineno: int) -> Document | InputFailure:
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputFailure(shown, lineno, Code.E102_DECODE, f"JSONL must be UTF-8; byte {exc.start}")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputFailure(shown, lineno, Code.E105_JSON, exc.msg)
    if not isinstance(obj, dict):
        return InputFailure(shown, lineno, Code.E105_JSON, "not an object")
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return InputFailure(shown, lineno, Code.E106_FIELD, "'id' must be a non-empty string")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputFailure(shown, lineno, Code.E106_FIELD, f"'text' missing or not a string (id {doc_id})")
    if not text.strip():
        return InputFailure(shown, lineno, Code.E103_EMPTY, f"id {doc_id}")
    if _has_surrogates(text):
        return InputFailure(shown, lineno, Code.E106_FIELD, f"'text' has lone surrogates (id {doc_id})")
    meta = {k: v for k, v in obj.items() if k not in ("id", "text")}
    if meta.get("date") is not None:
        try:
            parse_document_date(meta["date"])
        except ValueError as exc:
            return InputFailure(shown, lineno, Code.E108_DATE, f"{exc} (id {doc_id})")
    source = Source(path=shown, line=lineno, sha256=sha256_hex(raw.rstrip(b"\r\n")), encoding="utf-8")
    return Document(doc_id=doc_id, text=normalize_newlines(text), meta=meta, source=source)


def read_documents(inputs: Sequence[Path], meter: ReadMeter | None = None) -> Iterator[Document | InputFailure]:
    """Yield every document of the inputs, in input order, and a failure for every bad one.

    Raises nothing for bad input: missing paths, undecodable files, broken JSONL lines, invalid
    metadata and duplicate ids (the first occurrence wins) all become ``InputFailure`` items.
    Files with other extensions inside a directory are reported as failures too, so that nothing
    is skipped silently.
    """
    seen: dict[str, str] = {}
    files = list(discover([p for p in inputs if p.exists()]))
    if meter is not None:
        meter.total = sum(_size(path) for path, _, _ in files)
    for given in inputs:
        if not given.exists():
            yield InputFailure(display_path(given), None, Code.E101_NOT_FOUND, "no such file or directory")
    for path, kind, root in files:
        items: Iterable[Document | InputFailure]
        start = meter.done if meter else 0
        if kind == "txt":
            items = [read_text_file(path, root)]
        elif kind == "jsonl":
            items = read_jsonl_file(path, meter, root)
        else:
            items = [
                InputFailure(display_path(path, root), None, Code.E106_FIELD, "not .txt, .jsonl or .jsonl.gz; skipped")
            ]
        for item in items:
            if isinstance(item, Document):
                where = item.source.path + (f":{item.source.line}" if item.source.line else "")
                if item.doc_id in seen:
                    yield InputFailure(
                        item.source.path,
                        item.source.line,
                        Code.E107_DUPLICATE_ID,
                        f"id {item.doc_id} already read from {seen[item.doc_id]}",
                    )
                    continue
                seen[item.doc_id] = where
            yield item
        if meter is not None:
            meter.done = start + _size(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
