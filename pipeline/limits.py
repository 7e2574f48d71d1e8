"""Bounded reading: no input costs more memory than the size limit, whatever a file holds.

``--max-doc-chars`` (``Config.max_doc_chars``) is the longest document a run reads. It is enforced
while reading, before anything is decoded or parsed: a JSONL line is read with a bounded
``readline`` (plain and gzip streams alike), so a line over the byte bound is skipped in chunks
without ever being held in memory, and the reader goes on at the next line; a ``.txt`` file over
its byte bound is refused from its size, unread. A decompression bomb therefore costs a few MB of
memory and the time to decompress it (nothing faster can find the line after it), never the
machine. The byte bounds are wide enough that no document within the character limit is refused
for its encoding: the exact check, on characters, follows once the text is decoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

# 65 times the longest document of the shared corpora (a Diet speech of 30,911 characters); a
# whole meeting's minutes or a white paper in one file has a few hundred thousand. Measured here:
# a 2,000,000-character text takes 1.5 GB and 30 s through tokens and dates; with GiNZA a process
# grows ~1.1 KB a character over its 1.1 GB (1.28 GB for 200,000 characters), so about 3.5 GB
# (estimated; not run, it is half an hour of GiNZA): two workers on such documents fit a 24 GiB
# machine with room to spare.
DEFAULT_MAX_DOC_CHARS = 2_000_000
# Deepest JSON nesting a line may have (the object itself is level 1). Parsing is recursive, so the
# nesting is measured before parsing; 128 is serde_json's default and far above any real metadata.
MAX_JSON_DEPTH = 128
# A JSONL line may have this much besides its longest string (its text, mostly: the id, metadata);
# also the largest ``.meta.json`` read.
META_BYTES = 1 << 20
# Skipping an over-long line reads it in pieces this large.
SKIP_CHUNK = 1 << 20
# Whitespace as bytes.strip() sees it: a line of only these is blank.
_BLANK = re.compile(rb"[ \t\n\r\x0b\x0c]*")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The size limit and the byte bounds derived from it."""

    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    meta_bytes: int = META_BYTES

    def __post_init__(self) -> None:
        if self.max_doc_chars < 1 or self.meta_bytes < 0:
            raise ValueError("max_doc_chars must be at least 1 and meta_bytes not negative")

    @property
    def line_bytes(self) -> int:
        r"""Longest JSONL line read: 12 bytes a character (``\ud83d\ude00``, the longest escape) + metadata."""
        return 12 * self.max_doc_chars + self.meta_bytes

    @property
    def txt_bytes(self) -> int:
        """Largest ``.txt`` file read: 4 bytes a character (UTF-8 and UTF-16 at most) and a BOM."""
        return 4 * self.max_doc_chars + 4


@dataclass(frozen=True, slots=True)
class Overlong:
    """A line over the byte bound, skipped unread: its length in bytes (to its newline or the end)."""

    size: int


class BoundedLines:
    """The non-blank lines of ``handle`` as ``(line number, bytes)``, or ``Overlong`` for one over ``limit`` bytes.

    Lines keep their newline. At most ``limit`` + 1 bytes (and one ``SKIP_CHUNK`` while skipping)
    are held at a time. Blank lines are passed over in bulk (from the stream's buffer, not one
    ``readline`` each), so a flood of newlines costs what reading its bytes costs. ``lineno`` is
    the number of lines consumed so far. Errors of the stream (a damaged gzip member, an I/O
    error) propagate to the caller.
    """

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self.handle = handle
        self.limit = limit
        self.lineno = 0

    def __iter__(self) -> Iterator[tuple[int, bytes | Overlong]]:
        while True:
            line = self.handle.readline(self.limit + 1)
            if not line:
                return
            self.lineno += 1
            if line.endswith(b"\n") or len(line) <= self.limit:
                if line.strip():
                    yield self.lineno, line
                else:
                    self._pass_blank_lines()
                continue
            skipped, blank = skip_line(self.handle)
            if not (blank and not line.strip()):
                yield self.lineno, Overlong(len(line) + skipped)

    def _pass_blank_lines(self) -> None:
        """Consume the whole blank lines that follow, as far as the stream has them buffered."""
        peek = getattr(self.handle, "peek", None)
        if peek is None:
            return
        while True:
            ahead = peek(SKIP_CHUNK)
            blank = _BLANK.match(ahead)
            end = ahead.rfind(b"\n", 0, blank.end() if blank else 0) + 1
            if end == 0:
                return
            self.lineno += ahead.count(b"\n", 0, end)
            self.handle.read(end)


def skip_line(handle: BinaryIO) -> tuple[int, bool]:
    """Read past the rest of the current line in bounded pieces: how many bytes, and if all were blank."""
    skipped = 0
    blank = True
    while True:
        piece = handle.readline(SKIP_CHUNK)
        skipped += len(piece)
        blank = blank and not piece.strip()
        if not piece or piece.endswith(b"\n"):
            return skipped, blank


def read_bounded(handle: BinaryIO, limit: int) -> bytes | None:
    """The whole stream if it has at most ``limit`` bytes, else None (and at most ``limit`` + 1 read)."""
    data = handle.read(limit + 1)
    return data if len(data) <= limit else None
