"""JSON as the input contract reads it: a failure of one value is a coded problem, never a crash.

Python's ``json`` accepts more than JSON and fails in ways that are not ``JSONDecodeError``: it
reads ``NaN`` and ``Infinity``, recurses once per level of nesting (``RecursionError``, or a crashed
interpreter when the recursion limit was raised), refuses integers of more than 4,300 digits with a
bare ``ValueError``, and gives strings with lone surrogates that cannot be written as UTF-8. Here:

- nesting is measured on the bytes *before* parsing (strings removed, brackets counted), so no
  recursion limit is ever involved: deeper than ``MAX_JSON_DEPTH`` is refused;
- ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (RFC 8259) and are refused as such;
- an integer has at most Python's default 4,300 digits whatever ``sys.set_int_max_str_digits``
  says (so the output can always write it back);
- metadata is serialized once, the way the output will be: what cannot be written (a lone
  surrogate, a number that overflowed to infinity) is refused before the document is read.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from typing import Any

from pipeline.errors import Code
from pipeline.limits import MAX_JSON_DEPTH

MAX_INT_DIGITS = sys.int_info.default_max_str_digits

# A JSON string, escapes included, possessive (no backtracking state however long the string).
# An unterminated string runs to the end: every match attempt succeeds, so a scan is linear (a
# pattern that can fail restarts at each later quote: quadratic on a line of \" escapes).
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # +1 / -1 as signed bytes
_DEPTH_CHUNK = 1 << 16


class JsonProblem(ValueError):
    """A JSON text or value the reader refuses: the code and a short reason for the message."""

    def __init__(self, code: Code, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def too_deep(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text ``data`` opens more than ``limit`` arrays/objects inside one another.

    Cheap for ordinary lines (two ``count`` calls); otherwise strings are cut out and the running
    depth of the remaining brackets is followed, stopping as soon as it passes ``limit``.
    """
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    skeleton = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    if skeleton.count(b"[") + skeleton.count(b"{") <= limit:
        return False
    steps = memoryview(skeleton.translate(_STEPS)).cast("b")
    depth = 0
    for begin in range(0, len(steps), _DEPTH_CHUNK):
        running = list(itertools.accumulate(steps[begin : begin + _DEPTH_CHUNK], initial=depth))
        if max(running) > limit:
            return True
        depth = running[-1]
    return False


def longest_string(data: bytes) -> int:
    """Length in bytes (quotes included) of the longest JSON string in ``data``: a line's text, mostly."""
    return max((m.end() - m.start() for m in _STRING.finditer(data)), default=0)


def _not_json(name: str) -> Any:
    raise JsonProblem(Code.E105_JSON, f"{name} is not JSON")


def _bounded_int(digits: str) -> int:
    count = len(digits) - digits.startswith("-")
    if count > MAX_INT_DIGITS:
        raise JsonProblem(Code.E114_VALUE, f"an integer of {count:,} digits, over {MAX_INT_DIGITS:,}")
    return int(digits)


def loads(data: bytes, text: str) -> Any:
    """Parse ``text`` (the decoded ``data``); raise ``JsonProblem`` for anything the reader refuses."""
    if too_deep(data):
        raise JsonProblem(Code.E114_VALUE, f"nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(text, parse_constant=_not_json, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:  # where, too: "Expecting ',' delimiter: line 1 column 12 (char 11)"
        raise JsonProblem(Code.E105_JSON, str(exc)) from None
    except RecursionError:  # unreachable after too_deep, kept so that no input can crash the reader
        raise JsonProblem(Code.E114_VALUE, "nested too deeply to parse") from None


def carry_problem(value: Any) -> str | None:
    """Why ``value`` cannot be written to the output as JSON (UTF-8, no NaN), or None when it can."""
    try:
        json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True).encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"a lone surrogate \\u{ord(exc.object[exc.start]):04x} cannot be written as UTF-8"
    except ValueError:  # allow_nan=False: a number that overflowed to infinity (1e400)
        return "a number too large for a float (it reads as infinity)"
    except RecursionError:
        return "nested too deeply to write"
    return None
