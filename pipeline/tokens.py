"""Stage 2: sentence splitting and fugashi (UniDic) tokens, with exact offsets.

Sentences end at 。！？!? (with any closing brackets that follow), at line breaks, before a list
marker that starts a line (○, ・, <1>, （1）, ①) and after a Diet-minutes speaker line
(``○国務大臣（岸田文雄君）``). A 。 inside a bracket pair closed on the same line (「…。」) does not
end a sentence. Sentences never contain a line break and carry no surrounding whitespace.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pipeline.schema import Sentence, Token
from pipeline.tables import words

if TYPE_CHECKING:
    import fugashi

SENTENCE_END = frozenset("。！？!?")
CLOSERS = frozenset("」』）)】〕］]〉》\"'”’")
OPEN_TO_CLOSE = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "［": "］"}
# A bracket pair longer than this does not protect its 。: a lost closer must not glue sentences.
MAX_PROTECTED = 400

# The speaker line of Diet minutes: ○国務大臣（岸田文雄君）, ○小野寺国務大臣, ○大島（敦）分科員,
# ○宮本徹君: from ○ to the first space, ending in an honorific or a role.
@functools.cache
def speaker_line() -> re.Pattern[str]:
    """The speaker-line pattern, its role words from pipeline/data/tokens.json (built once)."""
    endings = "|".join(words("tokens.json", "speaker_line_endings"))
    return re.compile(rf"○[^\s　。、「」]{{1,40}}?(?:{endings})(?:[（(][^\s）)]{{1,30}}[）)])?(?=[\u3000 ])")
# A list marker at the start of a line begins a new sentence (it always does, being at a line
# start); markers mid-line such as ＜２＞ after a full stop need no rule.
WHITESPACE = frozenset(" \t\u3000\u00a0\ufeff")


def _protected_ranges(line: str) -> list[tuple[int, int]]:
    """Bracket pairs (open, close) matched within the line, at most MAX_PROTECTED long."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(line):
        if ch in OPEN_TO_CLOSE:
            stack.append((OPEN_TO_CLOSE[ch], i))
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if i - start <= MAX_PROTECTED:
                pairs.append((start, i))
        elif ch in OPEN_TO_CLOSE.values():
            # an unmatched closer: drop openers it may close to keep the stack honest
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    del stack[depth:]
                    break
    return pairs


def _split_line(line: str, base: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of one line (no newline inside), absolute offsets."""
    protected = [False] * len(line)
    for start, end in _protected_ranges(line):
        for i in range(start + 1, end):
            protected[i] = True
    cuts: list[int] = [0]
    speaker = speaker_line().match(line)
    if speaker:
        cuts.append(speaker.end())
    i = 0
    n = len(line)
    while i < n:
        if line[i] in SENTENCE_END and not protected[i]:
            j = i + 1
            while j < n and (line[j] in SENTENCE_END or line[j] in CLOSERS):
                j += 1
            cuts.append(j)
            i = j
        else:
            i += 1
    cuts.append(n)
    for a, b in itertools.pairwise(cuts):
        while a < b and line[a] in WHITESPACE:
            a += 1
        while b > a and line[b - 1] in WHITESPACE:
            b -= 1
        if a < b:
            yield base + a, base + b


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text``, in order, non-overlapping, never empty."""
    spans: list[tuple[int, int]] = []
    base = 0
    for line in text.split("\n"):
        spans.extend(_split_line(line, base))
        base += len(line) + 1
    return spans


# unidic-lite (UniDic 2.1.2) feature columns: pos1-4 are 0-3, lemma 7, kana 17. Reading the raw
# CSV is 2.7x faster than fugashi's named tuples (bench/README.md); tests/test_tokens.py checks that
# both give the same fields on arbitrary text.
LEMMA_COLUMN = 7
KANA_COLUMN = 17


def _features(raw: str) -> list[str]:
    """MeCab's CSV feature string; fields holding a comma are double-quoted."""
    if '"' not in raw:
        return raw.split(",")
    return next(csv.reader([raw]))


def _pos(fields: list[str]) -> str:
    return "-".join(p for p in fields[:4] if p and p != "*")


def tokenize(text: str, tagger: fugashi.Tagger, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    MeCab drops whitespace between tokens; offsets come from locating each surface after the
    previous one. MeCab reads C strings, so a NUL would silently end the input: text is fed to it
    in NUL-free pieces (a NUL becomes no token, like a space).
    """
    end = len(text) if end is None else end
    tokens: list[Token] = []
    piece_start = start
    for piece in text[start:end].split("\x00"):
        if piece:
            tokens.extend(_tokenize_piece(piece, tagger, piece_start))
        piece_start += len(piece) + 1
    return tokens


def _tokenize_piece(chunk: str, tagger: fugashi.Tagger, start: int) -> Iterator[Token]:
    pos = 0
    for word in tagger(chunk):
        surface = word.surface
        if not surface:
            continue
        found = chunk.find(surface, pos)
        if found < 0:  # never seen; keep offsets honest rather than guess
            continue
        fields = _features(word.feature_raw)
        lemma = fields[LEMMA_COLUMN] if len(fields) > LEMMA_COLUMN else ""
        reading = fields[KANA_COLUMN] if len(fields) > KANA_COLUMN else ""
        yield Token(
            start=start + found,
            end=start + found + len(surface),
            surface=surface,
            lemma=lemma if lemma and lemma != "*" else surface,
            pos=_pos(fields),
            reading=reading if reading and reading != "*" else None,
        )
        pos = found + len(surface)


def find_sentences(text: str, tagger: fugashi.Tagger | None) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences and, when a tagger is given, tokenize each one.

    Offsets are code points into ``text``; every token lies inside its sentence.
    """
    sentences = []
    for start, end in split_sentences(text):
        tokens = tuple(tokenize(text, tagger, start, end)) if tagger is not None else ()
        sentences.append(Sentence(start=start, end=end, tokens=tokens))
    return tuple(sentences)


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the last one starting before it)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)
