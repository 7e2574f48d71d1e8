"""What a run says about its input: one line each, printable, and complete unless pathological.

A failure (or warning) quotes what the input holds (an id, a date, a JSON parser's complaint) in
full. Only a message longer than any person writes is cut, and never silently:

- on stderr, a reason over ``SHOWN_CHARS`` characters keeps its beginning and its end (where the
  id or the reason's context is) around a marker saying how much is left out: one failure stays
  one readable line, even when a line's "date" is 5,000 digits;
- in the manifest (and in memory until the run ends), a reason keeps up to ``KEPT_CHARS``
  characters: every value a person writes fits whole, while junk a million characters long costs
  no more than this per failure (the line number finds the rest in the input).

Control characters, line separators and lone surrogates are written as escapes first, so a
message is one line on stderr and valid UTF-8 in the manifest whatever the input put in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import MESSAGES, Code, InputError

SHOWN_CHARS = 500
KEPT_CHARS = 20_000
# How much of the end a cut message keeps (its context: "(id ...)", what was expected).
_TAIL_CHARS = 160
# What would break a message's one line, or cannot be written as UTF-8 (stderr, records, manifest):
# control characters, line separators, lone surrogates (os.fsdecode's stand-ins for the bytes of a
# file name that is not UTF-8, such as a Shift_JIS name from an old archive).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters, line separators and lone surrogates written as escapes."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def bounded(text: str, limit: int, where: str = "") -> str:
    """``text`` if it has at most ``limit`` characters, else its beginning and end around a marker.

    The marker says how many characters are left out, and ``where`` they can be read whole.
    """
    if len(text) <= limit:
        return text
    tail = min(_TAIL_CHARS, limit // 3)
    head = limit - tail
    left = len(text) - head - tail
    return f"{text[:head]}…[{left:,} characters left out{where}]…{text[len(text) - tail :]}"


def _where(path: str, line: int | None) -> str:
    return path if line is None else f"{path}:{line}"


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A file or line that could not become a document; ``str()`` is the one-line message on stderr.

    ``reason`` is the whole message (up to ``KEPT_CHARS``): what the manifest records.
    ``traceback`` is a stage failure's traceback (E111), for the manifest; stderr shows it with
    ``--verbose``.
    """

    path: str
    line: int | None
    code: Code
    reason: str
    traceback: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "reason", bounded(printable(self.reason), KEPT_CHARS))
        if self.traceback is not None:
            object.__setattr__(self, "traceback", bounded(self.traceback, KEPT_CHARS))

    def __str__(self) -> str:
        shown = bounded(self.reason, SHOWN_CHARS, " here, kept in the manifest")
        return str(InputError(self.code, _where(self.path, self.line), shown))


@dataclass(frozen=True, slots=True)
class InputWarning:
    """A document read after a repair its input needed (a document date in another form): not a failure.

    Read before the document it concerns; ``str()`` is the one-line message on stderr.
    """

    path: str
    line: int | None
    code: Code
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "reason", bounded(printable(self.reason), KEPT_CHARS))

    def __str__(self) -> str:
        shown = bounded(self.reason, SHOWN_CHARS, " here, kept in the manifest")
        return f"{_where(self.path, self.line)}: {self.code.value} {MESSAGES[self.code]} ({shown})"


__all__ = ["KEPT_CHARS", "SHOWN_CHARS", "InputFailure", "InputWarning", "bounded", "printable"]
