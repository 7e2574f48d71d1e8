"""Stage 1: read ``.txt`` and ``.jsonl``/``.jsonl.gz`` inputs into ``Document`` records.

Every file or JSONL line that cannot become a document yields an ``InputFailure`` (file, line,
code, reason) instead of raising, so one bad input never stops the run: an unreadable or
oversized file, a line too long to read (skipped unread, the reader goes on at the next line), a
line that is not JSON within the reader's limits (pipeline/jsonin.py), a missing field, metadata
the output cannot carry. Text is decoded (UTF-8 with or without BOM, CP932, EUC-JP), CRLF/CR
become LF, and nothing else is changed: offsets of every later stage index this text.

Which files are read is pipeline/inputs.py; how much of them, pipeline/limits.py.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.docdates import DateRefused, read_document_date
from pipeline.errors import Code
from pipeline.formats import misnamed, unsupported
from pipeline.inputs import META_SUFFIX, TEXT_SUFFIX, discover, display_path, plan_inputs, safe_name
from pipeline.jsonin import JsonProblem, carry_problem, loads, longest_string
from pipeline.limits import BoundedLines, Overlong, ReadLimits, read_bounded
from pipeline.messages import InputFailure, InputWarning
from pipeline.schema import Document, Source

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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogates(text: str) -> bool:
    r"""Lone surrogates (from JSON escapes like \ud800) cannot be written as UTF-8."""
    return _SURROGATE.search(text) is not None


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


def document_date(doc: Document) -> dt.date | None:
    """The document date from its metadata (validated when the document was read)."""
    value = doc.meta.get("date")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


# What the readers of one file yield: a warning comes right before the document it concerns.
Item = Document | InputFailure | InputWarning


class _Rejected(Exception):
    """Raised by the reading steps below; the step's caller turns it into one ``InputFailure``."""

    def __init__(self, code: Code, reason: str, path: str | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.path = path


def _object(data: bytes, text: str) -> dict[str, Any]:
    """One JSON object within the reader's limits (pipeline/jsonin.py)."""
    try:
        obj = loads(data, text)
    except JsonProblem as exc:
        raise _Rejected(exc.code, exc.reason) from None
    if not isinstance(obj, dict):
        raise _Rejected(Code.E105_JSON, "not an object")
    return obj


def _check_meta(meta: dict[str, Any], suffix: str = "") -> str | None:
    """A valid document date (normalized to ``YYYY-MM-DD`` in ``meta``), and values the output can write back.

    Returns what was normalized (the warning's reason), or None.
    """
    note = None
    if meta.get("date") is not None:
        written = meta["date"]
        try:
            date = read_document_date(written)
        except DateRefused as exc:
            raise _Rejected(Code.E108_DATE, f"{exc}{suffix}") from None
        if date.form is not None:
            meta["date"] = date.value
            note = f"date {written!r} read as {date.value}{suffix}"
    problem = carry_problem(meta)
    if problem is not None:
        raise _Rejected(Code.E114_VALUE, f"metadata: {problem}{suffix}")
    return note


def txt_doc_id(path: Path, root: Path) -> str:
    """Path relative to the directory given, without ``.txt``, '/'-separated."""
    rel = safe_name(path.relative_to(root).as_posix())
    return rel[: -len(TEXT_SUFFIX)]


def read_text_file(path: Path, root: Path, limits: ReadLimits | None = None) -> list[Item]:
    """Read one ``.txt`` document and its optional ``.meta.json`` sidecar: [warning], document; or a failure."""
    shown = display_path(path, root)
    try:
        doc, warning = _text_document(path, root, shown, limits or ReadLimits())
    except _Rejected as exc:
        return [InputFailure(exc.path or shown, None, exc.code, exc.reason)]
    return [doc] if warning is None else [warning, doc]


def _text_document(path: Path, root: Path, shown: str, limits: ReadLimits) -> tuple[Document, InputWarning | None]:
    data = _txt_bytes(path, limits)
    if not data.strip():
        raise _Rejected(Code.E103_EMPTY, f"{len(data)} bytes")
    other = misnamed(data[:16], TEXT_SUFFIX)
    if other is not None:
        raise _Rejected(Code.E113_UNSUPPORTED, other)
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Rejected(Code.E104_BINARY, f"{len(data)} bytes")
    try:
        text, encoding = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise _Rejected(Code.E102_DECODE, _undecodable(data, exc)) from None
    if _has_controls(text):
        raise _Rejected(Code.E104_BINARY, f"control characters after decoding as {encoding}")
    text = normalize_newlines(text)
    if not text.strip():
        raise _Rejected(Code.E103_EMPTY, "only whitespace")
    if len(text) > limits.max_doc_chars:
        raise _Rejected(Code.E112_TOO_LARGE, f"{len(text):,} characters; --max-doc-chars is {limits.max_doc_chars:,}")
    meta, warning = _sidecar_meta(path.with_name(path.name[: -len(TEXT_SUFFIX)] + META_SUFFIX), root, limits)
    source = Source(path=shown, line=None, sha256=sha256_hex(data), encoding=encoding)
    return Document(doc_id=txt_doc_id(path, root), text=text, meta=meta, source=source), warning


def _undecodable(data: bytes, exc: UnicodeDecodeError) -> str:
    """Where UTF-8 failed, and on which bytes; the legacy encodings did not read the file as Japanese either."""
    sample = data[exc.start : exc.start + 8].hex(" ")
    return (
        f"byte {exc.start:,} ({sample}): {exc.reason} in UTF-8, and neither CP932 nor EUC-JP reads "
        "the file as Japanese text"
    )


def _txt_bytes(path: Path, limits: ReadLimits) -> bytes:
    """The file's bytes, refused from its size before anything is read or decoded when over the bound."""
    bound = limits.txt_bytes
    try:
        size = path.stat().st_size
        data = None
        if size <= bound:
            with path.open("rb") as handle:
                data = read_bounded(handle, bound)
    except OSError as exc:
        raise _Rejected(Code.E101_NOT_FOUND, exc.strerror or str(exc)) from None
    if data is None:
        raise _Rejected(
            Code.E112_TOO_LARGE,
            f"{max(size, bound + 1):,} bytes, not read: at most {bound:,} bytes are read "
            f"for --max-doc-chars {limits.max_doc_chars:,}",
        )
    return data


def _sidecar_meta(sidecar: Path, root: Path, limits: ReadLimits) -> tuple[dict[str, Any], InputWarning | None]:
    """The sidecar's metadata, and the warning about its date when it had to be normalized."""
    if not sidecar.exists():
        return {}, None
    shown = display_path(sidecar, root)
    if not sidecar.is_file():  # a FIFO would block the run
        raise _Rejected(Code.E109_META, "not a regular file", shown)
    try:
        with sidecar.open("rb") as handle:
            data = read_bounded(handle, limits.meta_bytes)
        if data is None:
            raise _Rejected(Code.E109_META, f"over {limits.meta_bytes:,} bytes, not read", shown)
        meta = _object(data, data.decode("utf-8"))
        note = _check_meta(meta)
    except OSError as exc:
        raise _Rejected(Code.E109_META, exc.strerror or type(exc).__name__, shown) from None
    except UnicodeDecodeError as exc:
        raise _Rejected(Code.E109_META, f"not UTF-8; byte {exc.start}", shown) from None
    except _Rejected as exc:
        code = Code.E109_META if exc.code == Code.E105_JSON else exc.code
        raise _Rejected(code, exc.reason, shown) from None
    return meta, None if note is None else InputWarning(shown, None, Code.W305_DATE_FORM, note)


def _open_lines(path: Path) -> BinaryIO:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_jsonl_file(
    path: Path, meter: ReadMeter | None = None, root: Path | None = None, limits: ReadLimits | None = None
) -> Iterator[Item]:
    """Read a JSONL corpus: one document per line; a bad line fails alone.

    Lines are read with a bound (``limits.line_bytes``): a longer line is skipped unread (E112)
    and reading goes on at the next line. A damaged ``.gz`` stops the file there (E110), the lines
    before it kept.
    """
    limits = limits or ReadLimits()
    shown = display_path(path, root)
    lines: BoundedLines | None = None
    base = meter.done if meter else 0
    try:
        with _open_lines(path) as handle:
            raw_file = getattr(handle, "fileobj", handle)  # compressed position for .gz
            head = getattr(handle, "peek", lambda _: b"")(16)[:16]  # buffered: nothing is consumed
            other = misnamed(head, ".jsonl.gz" if path.name.endswith(".gz") else ".jsonl")
            if other is not None:
                yield InputFailure(shown, None, Code.E113_UNSUPPORTED, other)
                return
            lines = BoundedLines(handle, limits.line_bytes)
            for lineno, raw in lines:
                if meter is not None:
                    meter.done = base + raw_file.tell()
                if isinstance(raw, Overlong):
                    yield InputFailure(shown, lineno, Code.E112_TOO_LARGE, _overlong(raw, limits))
                else:
                    yield from _jsonl_line(raw, shown, lineno, limits)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputFailure(shown, _next_line(lines), Code.E110_GZIP, str(exc))
    except OSError as exc:  # unreadable: E101 like a .txt, unless gzip's reading failed
        code = Code.E110_GZIP if lines is not None and path.name.endswith(".gz") else Code.E101_NOT_FOUND
        yield InputFailure(shown, _next_line(lines), code, exc.strerror or str(exc))


def _next_line(lines: BoundedLines | None) -> int | None:
    """The line a stream error happened on: the one after the last read, None before any."""
    return lines.lineno + 1 if lines is not None and lines.lineno else None


def _overlong(line: Overlong, limits: ReadLimits) -> str:
    return (
        f"a line of {line.size:,} bytes, skipped unread: at most {limits.line_bytes:,} bytes are read "
        f"for --max-doc-chars {limits.max_doc_chars:,}"
    )


def _jsonl_line(raw: bytes, shown: str, lineno: int, limits: ReadLimits) -> list[Item]:
    try:
        doc, note = _jsonl_document(raw, shown, lineno, limits)
    except _Rejected as exc:
        return [InputFailure(shown, lineno, exc.code, exc.reason)]
    return [doc] if note is None else [InputWarning(shown, lineno, Code.W305_DATE_FORM, note), doc]


def _jsonl_document(raw: bytes, shown: str, lineno: int, limits: ReadLimits) -> tuple[Document, str | None]:
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise _Rejected(Code.E102_DECODE, f"JSONL must be UTF-8; byte {exc.start}") from None
    _check_beside_text(raw, limits)
    obj = _object(raw, line)
    doc_id = _doc_id(obj)
    text = _doc_text(obj, doc_id, limits)
    meta = {k: v for k, v in obj.items() if k not in ("id", "text")}
    note = _check_meta(meta, f" (id {doc_id})")
    source = Source(path=shown, line=lineno, sha256=sha256_hex(raw.rstrip(b"\r\n")), encoding="utf-8")
    return Document(doc_id=doc_id, text=text, meta=meta, source=source), note


def _check_beside_text(raw: bytes, limits: ReadLimits) -> None:
    """Besides its longest string (the text, mostly), a line has at most ``limits.meta_bytes``.

    Checked before parsing: what parsing costs is the number of values, not the bytes (a line of
    25 MB of ``[],`` is 8 million lists, 1.3 GB), and one string is one value however long, so a
    metadata string longer than the text (a page's HTML) is fine. Whitespace makes no values and
    is not counted.
    """
    if len(raw) <= limits.meta_bytes:
        return
    spaces = sum(raw.count(space) for space in (b" ", b"\t", b"\r", b"\n"))
    beside = len(raw) - longest_string(raw) - spaces
    if beside > limits.meta_bytes:
        raise _Rejected(
            Code.E112_TOO_LARGE,
            f"{beside:,} bytes besides the text; a line has at most {limits.meta_bytes:,} besides its longest string",
        )


def _doc_id(obj: dict[str, Any]) -> str:
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise _Rejected(Code.E106_FIELD, "'id' must be a non-empty string")
    if _has_surrogates(doc_id):
        raise _Rejected(Code.E106_FIELD, f"'id' has lone surrogates ({doc_id!a})")
    return doc_id


def _doc_text(obj: dict[str, Any], doc_id: str, limits: ReadLimits) -> str:
    """The document's text, newlines normalized, within the size limit."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise _Rejected(Code.E106_FIELD, f"'text' missing or not a string (id {doc_id})")
    if not text.strip():
        raise _Rejected(Code.E103_EMPTY, f"id {doc_id}")
    if _has_surrogates(text):
        raise _Rejected(Code.E106_FIELD, f"'text' has lone surrogates (id {doc_id})")
    text = normalize_newlines(text)
    if len(text) > limits.max_doc_chars:
        raise _Rejected(
            Code.E112_TOO_LARGE,
            f"'text' of {len(text):,} characters; --max-doc-chars is {limits.max_doc_chars:,} (id {doc_id})",
        )
    return text


def read_documents(
    inputs: Sequence[Path],
    meter: ReadMeter | None = None,
    *,
    limits: ReadLimits | None = None,
    exclude: Collection[Path] = (),
    notice: Callable[[str], None] | None = None,
    warn: Callable[[InputWarning], None] | None = None,
    strict: bool = False,
) -> Iterator[Document | InputFailure]:
    """Yield every document of the inputs, in input order, and a failure for every bad one.

    Raises nothing for bad input: missing paths, undecodable or oversized files, broken JSONL
    lines, invalid metadata and duplicate ids (the first occurrence wins) all become
    ``InputFailure`` items. Files with other extensions are reported as unsupported (E113), so
    that nothing is skipped silently. ``exclude`` (the run's own outputs) and files that hold this
    pipeline's output are not read; ``notice`` is told so in one line. A document read after a
    repair (a document date in another form, normalized) is yielded, and ``warn`` is told before;
    under ``strict`` it fails instead (E108), as any date but ``YYYY-MM-DD`` did before.
    """
    limits = limits or ReadLimits()
    seen: dict[str, str] = {}
    plan = plan_inputs([p for p in inputs if p.exists()], exclude)
    message = plan.notice()
    if message is not None and notice is not None:
        notice(message)
    if meter is not None:
        meter.total = sum(_size(path) for path, _, _ in plan.files)
    for given in inputs:
        if not given.exists():
            yield InputFailure(display_path(given), None, Code.E101_NOT_FOUND, "no such file or directory")
    for path, kind, root in plan.files:
        start = meter.done if meter else 0
        items = _read_file(path, kind, root, meter, limits)
        yield from _warned(_first_ids(_strict_dates(items) if strict else items, seen), warn)
        if meter is not None:
            meter.done = start + _size(path)


def _read_file(path: Path, kind: str, root: Path, meter: ReadMeter | None, limits: ReadLimits) -> Iterable[Item]:
    if kind == "txt":
        return read_text_file(path, root, limits)
    if kind == "jsonl":
        return read_jsonl_file(path, meter, root, limits)
    return [InputFailure(display_path(path, root), None, Code.E113_UNSUPPORTED, unsupported(path))]


def _strict_dates(items: Iterable[Item]) -> Iterator[Item]:
    """``--strict``: a document whose date had to be normalized fails instead (E108), as it did before."""
    held: InputWarning | None = None
    for item in items:
        if isinstance(item, InputWarning):
            held = item
            continue
        if held is not None and isinstance(item, Document):
            reason = f"{held.reason}; --strict reads only YYYY-MM-DD"
            item = InputFailure(held.path, held.line, Code.E108_DATE, reason)
        held = None
        yield item


def _warned(items: Iterable[Item], warn: Callable[[InputWarning], None] | None) -> Iterator[Document | InputFailure]:
    """The documents and failures; a warning goes to ``warn`` when the document after it is read.

    A warning about a document that then failed (a duplicate id) is dropped: the failure says what matters.
    """
    held: InputWarning | None = None
    for item in items:
        if isinstance(item, InputWarning):
            held = item
            continue
        if held is not None and isinstance(item, Document) and warn is not None:
            warn(held)
        held = None
        yield item


def _first_ids(items: Iterable[Item], seen: dict[str, str]) -> Iterator[Item]:
    """The items, with a failure instead of any document whose id was already read."""
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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


__all__ = [
    "Document",
    "InputFailure",
    "InputWarning",
    "ReadLimits",
    "ReadMeter",
    "Source",
    "decode_bytes",
    "discover",
    "display_path",
    "document_date",
    "normalize_newlines",
    "read_documents",
    "read_jsonl_file",
    "read_text_file",
]
