"""A sentence's GiNZA parse seen as bunsetu (文節) with dependencies.

The commitment rules reason about bunsetu: a trigger is a predicate bunsetu (一致した, 再確認を行った),
its actor a bunsetu ending in は/が/から (両首脳は, 一川防衛大臣(当時)から), its content the argument
bunsetu it governs (…ことで, …旨). GiNZA gives token dependencies and bunsetu boundaries
(``ParsedToken.bunsetu_bi``); this module groups tokens of one pipeline sentence into bunsetu and
lifts the token dependencies to bunsetu level. Offsets stay code points into the document text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.parse import ParsedDoc, ParsedToken
from pipeline.schema import Sentence

# How far up the dependency chain the rules look (real sentences stay far below this).
MAX_DEPTH = 40
# Function-word parts of speech: what follows a bunsetu's content words.
FUNCTION_POS = frozenset({"ADP", "AUX", "SCONJ", "PART", "PUNCT", "SYM", "CCONJ"})


@dataclass(frozen=True, slots=True)
class Bunsetu:
    """A bunsetu: tokens ``first..last`` (document token indices, inclusive) of one sentence.

    ``head`` is the index (in the sentence's bunsetu list) of the bunsetu it depends on, or -1
    for the sentence root; ``dep`` is the dependency label of its head token.
    """

    index: int
    first: int
    last: int
    head_token: int
    head: int
    dep: str


@dataclass
class SentenceView:
    """One sentence of the document with its GiNZA tokens grouped into bunsetu."""

    text: str
    tokens: Sequence[ParsedToken]
    start: int
    end: int
    first: int
    last: int
    bunsetu: list[Bunsetu] = field(default_factory=list)
    token_bunsetu: dict[int, int] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    _descendants: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)
    _texts: dict[int, str] = field(default_factory=dict, repr=False)
    _contents: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _particles: dict[int, str] = field(default_factory=dict, repr=False)
    # per-sentence results computed once and shared by the sentence's triggers
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def surface(self) -> str:
        """The sentence text."""
        return self.text[self.start : self.end]

    def token_text(self, i: int) -> str:
        """Surface of document token ``i``."""
        tok = self.tokens[i]
        return self.text[tok.start : tok.end]

    def span_text(self, first: int, last: int) -> str:
        """Text from token ``first`` to token ``last`` (inclusive)."""
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def bunsetu_text(self, b: int) -> str:
        """Surface of bunsetu ``b`` (memoized)."""
        cached = self._texts.get(b)
        if cached is None:
            bun = self.bunsetu[b]
            cached = self._texts[b] = self.span_text(bun.first, bun.last)
        return cached

    def token_range(self, b: int) -> range:
        """Document token indices of bunsetu ``b``."""
        bun = self.bunsetu[b]
        return range(bun.first, bun.last + 1)

    def content_tokens(self, b: int) -> list[int]:
        """Tokens of bunsetu ``b`` before its function words (the 'content' part), memoized."""
        cached = self._contents.get(b)
        if cached is not None:
            return list(cached)
        out: list[int] = []
        for i in self.token_range(b):
            if self.tokens[i].pos in FUNCTION_POS and out:
                break
            out.append(i)
        self._contents[b] = tuple(out)
        return out

    def function_tokens(self, b: int) -> list[int]:
        """Trailing function-word tokens of bunsetu ``b`` (particles, auxiliaries, punctuation)."""
        content = set(self.content_tokens(b))
        return [i for i in self.token_range(b) if i not in content]

    def particles(self, b: int) -> str:
        """Concatenated surface of the trailing particles of ``b``: は, からは, においては.

        Punctuation is dropped; the verb of a fixed particle (において, について) is kept.
        """
        cached = self._particles.get(b)
        if cached is not None:
            return cached
        out = []
        for i in self.function_tokens(b):
            tok = self.tokens[i]
            if tok.pos in ("ADP", "PART", "SCONJ") or (tok.dep == "fixed" and tok.pos == "VERB"):
                out.append(self.token_text(i))
        joined = "".join(out)
        self._particles[b] = joined
        return joined

    def ancestors(self, b: int) -> Iterator[int]:
        """Bunsetu that ``b`` depends on, nearest first (stops at the root, a cycle, or MAX_DEPTH).

        Real sentences nest a few levels deep; the cap keeps run-on text (thousands of bunsetu in
        one chain) linear.
        """
        seen = {b}
        cur = self.bunsetu[b].head
        while cur >= 0 and cur not in seen and len(seen) <= MAX_DEPTH:
            yield cur
            seen.add(cur)
            cur = self.bunsetu[cur].head

    def descendants(self, b: int, *, stop: frozenset[int] = frozenset()) -> list[int]:
        """Bunsetu below ``b`` (not ``b`` itself), not entering the subtrees of ``stop``."""
        if not stop:
            return sorted(self.descendant_set(b))
        out: set[int] = set()
        todo = list(self.children.get(b, ()))
        while todo:
            c = todo.pop()
            if c in stop or c in out:
                continue
            out.add(c)
            todo.extend(self.children.get(c, ()))
        return sorted(out)

    def descendant_set(self, b: int) -> frozenset[int]:
        """All bunsetu below ``b``, memoized (sentences of thousands of bunsetu stay linear)."""
        cached = self._descendants.get(b)
        if cached is None:
            out: set[int] = set()
            todo = list(self.children.get(b, ()))
            while todo:
                c = todo.pop()
                if c in out or c == b:
                    continue
                out.add(c)
                todo.extend(self.children.get(c, ()))
            cached = frozenset(out)
            self._descendants[b] = cached
        return cached

    def subtree_span(self, b: int) -> tuple[int, int]:
        """First and last bunsetu of ``b``'s subtree (assumed contiguous, as Japanese is head-final)."""
        nodes = [b, *self.descendants(b)]
        return min(nodes), max(nodes)

    def bunsetu_at(self, offset: int) -> int | None:
        """Bunsetu containing the character ``offset``."""
        for bun in self.bunsetu:
            if self.tokens[bun.first].start <= offset < self.tokens[bun.last].end:
                return bun.index
        return None

    def is_predicate(self, b: int) -> bool:
        """Whether bunsetu ``b`` is predicative (a verb, adjective or copula heads it)."""
        for i in self.token_range(b):
            tok = self.tokens[i]
            if tok.pos in ("VERB", "ADJ") or (tok.pos == "AUX" and tok.lemma in ("だ", "です", "た", "ます")):
                return True
        return False


def sentence_views(text: str, parsed: ParsedDoc, sentences: Sequence[Sentence]) -> list[SentenceView]:
    """Views of every sentence that has GiNZA tokens, in text order.

    ``sentences`` are the pipeline's sentences (headings, list items and speaker lines are their
    own sentences there); when empty, GiNZA's own sentence starts are used. A token belongs to the
    sentence containing its start; heads outside the sentence are treated as the root.
    """
    tokens = parsed.tokens
    spans = [(s.start, s.end) for s in sentences] or _ginza_spans(tokens)
    views: list[SentenceView] = []
    ti = 0
    n = len(tokens)
    for start, end in spans:
        while ti < n and tokens[ti].start < start:
            ti += 1
        first = ti
        while ti < n and tokens[ti].start < end:
            ti += 1
        last = ti - 1
        # drop whitespace-only tokens at the edges (GiNZA keeps line breaks as tokens)
        while first <= last and not text[tokens[first].start : tokens[first].end].strip():
            first += 1
        while last >= first and not text[tokens[last].start : tokens[last].end].strip():
            last -= 1
        if first > last:
            continue
        views.append(_build_view(text, tokens, start, end, first, last))
    return views


def _ginza_spans(tokens: Sequence[ParsedToken]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for tok in tokens:
        if tok.sent_start or not spans:
            spans.append((tok.start, tok.end))
        else:
            spans[-1] = (spans[-1][0], tok.end)
    return spans


def _build_view(text: str, tokens: Sequence[ParsedToken], start: int, end: int, first: int, last: int) -> SentenceView:
    view = SentenceView(text=text, tokens=tokens, start=start, end=end, first=first, last=last)
    groups: list[list[int]] = []
    for i in range(first, last + 1):
        if not groups or tokens[i].bunsetu_bi == "B" or _is_break(text, tokens, i):
            groups.append([i])
        else:
            groups[-1].append(i)
    for b, group in enumerate(groups):
        for i in group:
            view.token_bunsetu[i] = b
    for b, group in enumerate(groups):
        members = set(group)
        # the bunsetu's head token is the one whose head leaves the bunsetu (or the root)
        head_token = next((i for i in group if tokens[i].head not in members or tokens[i].head == i), group[-1])
        target = tokens[head_token].head
        head_b = view.token_bunsetu.get(target, -1) if target != head_token else -1
        if head_b == b:
            head_b = -1
        view.bunsetu.append(
            Bunsetu(
                index=b,
                first=group[0],
                last=group[-1],
                head_token=head_token,
                head=head_b,
                dep=tokens[head_token].dep,
            )
        )
    for bun in view.bunsetu:
        if bun.head >= 0:
            view.children.setdefault(bun.head, []).append(bun.index)
    return view


def _is_break(text: str, tokens: Sequence[ParsedToken], i: int) -> bool:
    """A line break inside a GiNZA bunsetu still separates our bunsetu (never happens in a sentence)."""
    return "\n" in text[tokens[i - 1].end : tokens[i].start] if i > 0 else False
