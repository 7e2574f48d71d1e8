"""Coded errors and warnings, in the spirit of spaCy's ``ErrorsWithCodes``.

E1xx: input (files, lines, metadata); E2xx: resources (models, dictionaries);
W3xx: recoverable anomalies in the data, recorded in a record's ``warnings`` (W301-W304) or, for
the input itself (W305), on stderr and in the manifest's ``input_warnings``.
Tests assert on codes, never on prose.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Stable codes; the prose lives in MESSAGES."""

    E101_NOT_FOUND = "E101"
    E102_DECODE = "E102"
    E103_EMPTY = "E103"
    E104_BINARY = "E104"
    E105_JSON = "E105"
    E106_FIELD = "E106"
    E107_DUPLICATE_ID = "E107"
    E108_DATE = "E108"
    E109_META = "E109"
    E110_GZIP = "E110"
    E111_STAGE = "E111"
    E112_TOO_LARGE = "E112"
    E113_UNSUPPORTED = "E113"
    E114_VALUE = "E114"
    E201_MODEL = "E201"
    E202_TAGGER = "E202"
    E203_GOLD = "E203"
    E204_ENGINE = "E204"
    W301_INVALID_DATE = "W301"
    W302_ERA_OVERFLOW = "W302"
    W303_UNRESOLVED = "W303"
    W304_LONG_INPUT = "W304"
    W305_DATE_FORM = "W305"


MESSAGES: dict[Code, str] = {
    Code.E101_NOT_FOUND: "input not found",
    Code.E102_DECODE: "cannot decode as UTF-8, CP932 (Shift_JIS) or EUC-JP",
    Code.E103_EMPTY: "empty document",
    Code.E104_BINARY: "binary data, not text",
    Code.E105_JSON: "invalid JSON",
    Code.E106_FIELD: "missing or invalid field",
    Code.E107_DUPLICATE_ID: "duplicate document id",
    Code.E108_DATE: "invalid document date",
    Code.E109_META: "invalid metadata file",
    Code.E110_GZIP: "cannot read compressed file",
    Code.E111_STAGE: "a stage failed on this document",
    Code.E112_TOO_LARGE: "document over the size limit",
    Code.E113_UNSUPPORTED: "unsupported format",
    Code.E114_VALUE: "a JSON value the output cannot carry",
    Code.E201_MODEL: "cannot load the GiNZA model",
    Code.E202_TAGGER: "cannot load fugashi with unidic-lite",
    Code.E203_GOLD: "invalid gold fixture",
    Code.E204_ENGINE: "the engine could not run a batch (a stage process died, or the Dask cluster failed)",
    Code.W301_INVALID_DATE: "impossible calendar date",
    Code.W302_ERA_OVERFLOW: "era year past the end of its era",
    Code.W303_UNRESOLVED: "relative date without an antecedent",
    Code.W304_LONG_INPUT: "input split for the parser",
    Code.W305_DATE_FORM: "document date normalized to YYYY-MM-DD",
}


class PipelineError(ValueError):
    """A broken contract: bad input, a missing model, an invalid fixture.

    The message always names where the problem is (file, line, doc_id) so that a user can act on
    it from one line on stderr.
    """

    def __init__(self, code: Code, where: str, detail: str = "") -> None:
        self.code = code
        self.where = where
        self.detail = detail
        text = f"{where}: {code.value} {MESSAGES[code]}"
        if detail:
            text += f" ({detail})"
        super().__init__(text)


def error_text(exc: BaseException) -> str:
    """An exception as a user reads it: its type and its whole message, every line of it.

    A library's message often says what to do on its later lines (fugashi's lists the arguments
    and the file it could not open); none is dropped.
    """
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class InputError(PipelineError):
    """A file or a line of the input cannot become a document."""


class ResourceError(PipelineError):
    """A model or dictionary cannot be loaded; the detail says how to fix it."""
