"""What an unsupported file is and what to do with it: the detail of E113.

The reader takes ``.txt``, ``.jsonl`` and ``.jsonl.gz``. Any other file is an E113 failure (never
skipped silently), and its message says what the file is and how to make it readable: by its name
(``.docx``, ``.pdf``, ``.json``, ...), and by its first bytes for a ``.txt`` or ``.jsonl`` that holds
another format (a PDF renamed ``.txt`` would otherwise be "binary data", an RTF file would be read
as text, a gzip file named ``.jsonl`` would fail line by line).
"""

from __future__ import annotations

import stat
from pathlib import Path

READ = ".txt, .jsonl or .jsonl.gz"
_AS_TEXT = "save it as plain text (.txt, UTF-8), or put its text in a line of a .jsonl file"
_PDF = ("a PDF", "extract its text first, e.g. `pdftotext -enc UTF-8 FILE.pdf FILE.txt`")
_MARKUP = ("markup (HTML or XML)", "extract its text first (the tags would be read as text)")
_TABLE = ("a table", "write one JSON object per document to a .jsonl file: {\"id\": ..., \"text\": ..., \"date\": ...}")
_ARCHIVE = ("an archive", "unpack it and give the directory")
# By name: (what it is, what to do).
BY_SUFFIX: dict[str, tuple[str, str]] = {
    ".docx": ("a Word document", _AS_TEXT),
    ".doc": ("a Word document", _AS_TEXT),
    ".odt": ("an OpenDocument text", _AS_TEXT),
    ".rtf": ("an RTF document", _AS_TEXT),
    ".pages": ("a Pages document", _AS_TEXT),
    ".pdf": _PDF,
    ".html": _MARKUP,
    ".htm": _MARKUP,
    ".xml": _MARKUP,
    ".json": ("a JSON file", "write it as .jsonl: one {\"id\": ..., \"text\": ...} object per line"),
    ".csv": _TABLE,
    ".tsv": _TABLE,
    ".xlsx": _TABLE,
    ".xls": _TABLE,
    ".ods": _TABLE,
    ".gz": ("a gzip file not named .jsonl.gz", "only gzipped JSONL is read: name it X.jsonl.gz if it is one"),
    ".zip": _ARCHIVE,
    ".tar": _ARCHIVE,
    ".tgz": _ARCHIVE,
    ".7z": _ARCHIVE,
    ".lzh": _ARCHIVE,
}
# By content, for a .txt or .jsonl that is something else: (first bytes, what it is, what to do).
MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", *_PDF),
    (b"PK\x03\x04", "a ZIP container (a .docx, .xlsx, .odt or .zip)", "unpack it or save its text as .txt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)", _AS_TEXT),
    (b"{\\rtf", "an RTF document", _AS_TEXT),
    (b"\x1f\x8b", "gzip-compressed data", "name it X.jsonl.gz if it holds JSONL, else unpack it"),
)


def unsupported(path: Path) -> str:
    """Why ``path`` is not read, and what to do: the reason of its E113 failure."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot tell what it is ({exc.strerror or exc}); not read"
    if not stat.S_ISREG(mode):
        what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or special file"
        return f"{what}, not a regular file; not read"
    suffix = path.suffix.lower()
    if suffix in BY_SUFFIX:
        what, how = BY_SUFFIX[suffix]
        return f"{what} ({suffix}), not {READ}: {how}; not read"
    shown = f"{suffix} " if suffix else "no suffix, "
    return f"{shown}not {READ}: documents must be one of these; not read"


def misnamed(head: bytes, suffix: str) -> str | None:
    """What a file named ``suffix`` (``.txt``, ``.jsonl``) holds when its first bytes are another format's."""
    for magic, what, how in MAGIC:
        if head.startswith(magic):
            return f"{what} named {suffix}, not text: {how}; not read"
    return None


__all__ = ["BY_SUFFIX", "MAGIC", "READ", "misnamed", "unsupported"]
