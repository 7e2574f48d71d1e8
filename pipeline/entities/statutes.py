"""Official titles of laws and bills assembled from the parse (the grammar of e-Gov statute titles).

Japanese statute titles are long right-headed noun phrases. The head is a statute word
(…法, …法律, …特別措置法; a bill adds 案: …法律案, …法案), and relational links chain modifiers in
front of it, each link closing the phrase before it (e-Gov 法令検索 titles):

- ``XにYする/Xに関する/Xに係る/Xに対する/Xにおける/Xに基づく/Xに伴う/Xによる/XのためのZ``:
  テロ対策海上阻止活動に対する補給支援活動の実施に関する特別措置法;
- a verbal link with its object: ``Xの一部を改正する法律(案)``, ``Xを廃止する法律``, and a
  relative clause of a サ変 verb with its case phrase (``…行為により支出すべき年限``):
  特定防衛調達に係る国庫債務負担行為により支出すべき年限に関する特別措置法の一部を改正する法律案.

GiNZA and the gazetteer see only pieces (防衛省設置法 inside 防衛省設置法等の一部を改正する法律案).
A title is assembled when at least one link is found; every modifier is a noun phrase as in
``names.py`` (nouns, genitives, coordinated words), and the phrase stops at a clause boundary:
a comma outside a list, a topic or subject particle, any other verb, a time word, a sentence
start. A law named before 及び/並びに/、 is a title of its own (…特別措置法及び…に関する特別措置法),
so a modifier never reaches back over it. 旧 (a repealed law) is not part of the title.

A later bare statute word that names the kind of law (特別措置法, 臨時措置法) refers back to the
title before it (the law inside a bill's title when the bill amends it).

All offsets are code points into the document text; spans start and end on token boundaries.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.entities.candidates import token_surface
from pipeline.entities.data import rule_words
from pipeline.entities.names import LIST_SUFFIXES, is_nominal, modifier_start
from pipeline.parse import ParsedToken

__all__ = ["StatuteTitle", "later_statute_mentions", "named_laws", "statute_titles"]

# Relational links of statute titles, as token surfaces.
LINKS: tuple[tuple[str, ...], ...] = (
    ("に", "関する"),
    ("に", "係る"),
    ("に", "対する"),
    ("に", "おける"),
    ("に", "おけ", "る"),
    ("に", "基づく"),
    ("に", "伴う"),
    ("に", "よる"),
    ("の", "ため", "の"),
)
# Links that take laws as their objects: a list of laws before them is one modifier
# (防衛省設置法及び自衛隊法の一部を改正する法律案). 一部 is an adverbial noun to Sudachi: the link names it.
AMENDING: tuple[tuple[str, ...], ...] = (
    ("の", "一部", "を", "改正", "する"),
    ("を", "改正", "する"),
    ("を", "廃止", "する"),
)
# The links that make 法律 alone (a generic word) a title's head: …に関する法律, …の一部を改正する法律,
# …の施行に伴う…法律; …のための法律 and …による法律 describe laws without naming one.
TITLE_LINKS = frozenset((("に", "関する"), ("に", "係る"), ("に", "伴う"), *AMENDING))
# The case phrase of a relative clause inside a title (…行為により支出すべき年限): により, を, に.
CASE_LINKS: tuple[tuple[str, ...], ...] = (("に", "より"), ("を",), ("に",))
# The verb of that relative clause: a サ変 noun and する, すべき, される.
RELATIVE_ENDINGS: tuple[tuple[str, ...], ...] = (("す", "べき"), ("する",), ("さ", "れる"))
FORMER = "旧"
ANAPHORIC_PREFIXES = frozenset(("同", "本", "当", "現行", "新"))
MAX_TITLE_CHARS = 120


@dataclass(frozen=True, slots=True)
class StatuteTitle:
    """An assembled title: its span, and the span of the law it names inside a bill's title."""

    start: int
    end: int
    head: str
    laws: tuple[tuple[int, int, str], ...] = ()


@cache
def _statute_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(statute heads, bill suffixes, kind-of-law heads that are later used bare)."""
    data = rule_words()["statute_heads"]
    return frozenset(data["heads"]), frozenset(data["bill"]), frozenset(data["kinds"])


def _is_statute_head(text: str, token: ParsedToken) -> bool:
    heads, bill, _ = _statute_words()
    surface = token_surface(text, token)
    return token.tag.startswith(("名詞", "接尾辞")) and (surface in heads or surface in bill - {"案"})


def _ends_a_law(text: str, token: ParsedToken) -> bool:
    """A token that ends a law's name (自衛隊法, 特別措置法): a list item that is a title of its own."""
    heads, bill, _ = _statute_words()
    surface = token_surface(text, token)
    return surface in heads or surface in bill or (surface.endswith("法") and token.tag.startswith("名詞"))


def _sequence_before(text: str, tokens: Sequence[ParsedToken], i: int, words: tuple[str, ...]) -> int | None:
    """Index of the first token of ``words`` when they end right before token ``i`` (joined), or None."""
    n = len(words)
    if i - n < 0:
        return None
    window = list(tokens[i - n : i + 1])  # the words, and token i when there is one
    if any(t.sent_start for t in window[1:]) or any(a.end != b.start for a, b in itertools.pairwise(window)):
        return None
    if tuple(token_surface(text, t) for t in tokens[i - n : i]) == words:
        return i - n
    return None


def _link_before(text: str, tokens: Sequence[ParsedToken], i: int) -> tuple[int, tuple[str, ...]] | None:
    """(first token, link words) of a link (or relative clause) ending right before token ``i``."""
    for link in (*LINKS, *AMENDING):
        found = _sequence_before(text, tokens, i, link)
        if found is not None:
            return found, link
    # …行為により支出すべき年限: case phrase, サ変 noun, ending, then the noun it modifies
    for ending in RELATIVE_ENDINGS:
        end = _sequence_before(text, tokens, i, ending)
        if end is None or end < 1 or not tokens[end - 1].tag.startswith("名詞-普通名詞-サ変"):
            continue
        for case in CASE_LINKS:
            found = _sequence_before(text, tokens, end - 1, case)
            if found is not None:
                return found, case
    return None


def _title_start(text: str, tokens: Sequence[ParsedToken], start: int) -> tuple[int, list[tuple[str, ...]]]:
    """(first token of the title, its links from the head back) for a core starting at token ``start``."""
    links: list[tuple[str, ...]] = []
    while True:
        found = _link_before(text, tokens, start)
        if found is None or found[0] == 0:
            return start, links
        link_start, link = found
        ends = None if link in AMENDING else (lambda t: _ends_a_law(text, t))
        first = modifier_start(text, tokens, link_start - 1, list_item_ends=ends, commas=False)
        if first is None:
            return start, links
        start = first
        links.append(link)


def _core_start(text: str, tokens: Sequence[ParsedToken], k: int) -> int:
    """First token of the noun compound ending at token ``k`` (防衛省|設置|法 → 防衛省)."""
    i = k
    while i > 0 and not tokens[i].sent_start:
        prev = tokens[i - 1]
        if prev.end != tokens[i].start or not is_nominal(prev):
            break
        i -= 1
    return i


def _drop_former(text: str, tokens: Sequence[ParsedToken], i: int, k: int) -> int:
    """旧 (a repealed law) is a qualifier, not part of the title: 旧テロ対策特別措置法."""
    if i < k and token_surface(text, tokens[i]) == FORMER:
        return i + 1
    return i


def statute_titles(text: str, tokens: Sequence[ParsedToken]) -> list[StatuteTitle]:
    """Statute and bill titles of ``text`` assembled over ``tokens`` (see the module docstring).

    Returns titles with at least one link, longest per head, with the laws named inside bill
    titles (``laws``: start, end, head word) for later bare mentions.
    """
    heads, bill, _ = _statute_words()
    out: list[StatuteTitle] = []
    n = len(tokens)
    for k, token in enumerate(tokens):
        if not _is_statute_head(text, token):
            continue
        surface = token_surface(text, token)
        end_k = k
        split_bill = surface not in bill and k + 1 < n and token_surface(text, tokens[k + 1]) in bill - heads
        if split_bill and tokens[k + 1].start == token.end and not tokens[k + 1].sent_start:
            end_k = k + 1  # 法律|案: Sudachi splits the bill's 案 off in some contexts
        nxt = tokens[end_k + 1] if end_k + 1 < n else None
        glued = nxt is not None and nxt.start == tokens[end_k].end and not nxt.sent_start and is_nominal(nxt)
        if glued and nxt is not None and token_surface(text, nxt) not in LIST_SUFFIXES:
            continue  # 法律案提出, 法改正: the head modifies what follows
        core = _core_start(text, tokens, k)
        if surface == "法" and not _named_law_core(tokens[core:k]):
            continue  # 根拠法, 同法: 法 needs two words or a proper noun before it (防衛省設置法)
        first, links = _title_start(text, tokens, core)
        if not links or (core == k and surface in ("法律", "法律案") and links[0] not in TITLE_LINKS):
            continue  # …のための法律: a description of a law, not its title
        first = _drop_former(text, tokens, first, k)
        start, end = tokens[first].start, tokens[end_k].end
        if end - start > MAX_TITLE_CHARS:
            continue
        laws = tuple(
            (tokens[_drop_former(text, tokens, f, j)].start, tokens[j].end, token_surface(text, tokens[j]))
            for j, f in _inner_laws(text, tokens, first, core)
        )
        out.append(StatuteTitle(start, end, token_surface(text, tokens[k]), laws))
    return out


def _named_law_core(core: Sequence[ParsedToken]) -> bool:
    """Two or more words, or a proper noun, before 法 (防衛省|設置|法, 自衛隊|法; not 根拠|法)."""
    return len(core) >= 2 or any(t.tag.startswith("名詞-固有名詞") for t in core)


def _inner_laws(text: str, tokens: Sequence[ParsedToken], first: int, core: int) -> list[tuple[int, int]]:
    """(head index, first index) of laws named inside a title (the law a bill amends)."""
    _, _, kinds = _statute_words()
    found = []
    for j in range(first, core):
        if token_surface(text, tokens[j]) in kinds:
            start, _ = _title_start(text, tokens, _core_start(text, tokens, j))
            found.append((j, max(start, first)))
    return found


def named_laws(text: str, tokens: Sequence[ParsedToken]) -> list[tuple[int, int]]:
    """A noun compound ending in a word for a kind of law (テロ特措法, イラク特措法, 防衛省設置法): a law.

    Sudachi has the abbreviation 特措法 (特別措置法) and 特別措置法 as one word each, so the ruler's
    …+法 pattern does not see them; the model often calls such laws governments. 旧 is left out,
    and anaphoric compounds (同特措法, 本特別措置法) are not names.
    """
    compounds = frozenset(rule_words()["statute_heads"]["compounds"])
    out = []
    for k, token in enumerate(tokens):
        if token_surface(text, token) not in compounds or not token.tag.startswith("名詞"):
            continue
        first = _drop_former(text, tokens, _core_start(text, tokens, k), k)
        if first == k or token_surface(text, tokens[first]) in ANAPHORIC_PREFIXES:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        joined = nxt is not None and nxt.start == token.end
        if joined and nxt is not None and is_nominal(nxt) and token_surface(text, nxt) not in LIST_SUFFIXES:
            continue  # テロ特措法改正: the law modifies what follows
        out.append((tokens[first].start, token.end))
    return out


def later_statute_mentions(
    text: str, tokens: Sequence[ParsedToken], titles: Sequence[StatuteTitle]
) -> list[tuple[int, int, str]]:
    """Bare kind-of-law words after a title that has one (…特別措置法 … 特別措置法の有効期限).

    Returns ``(start, end, full title)``: the token is a word of its own (no noun glued before it),
    after the title's end. The full title is the law inside a bill's title when there is one.
    """
    _, _, kinds = _statute_words()
    laws: list[tuple[int, str, str]] = []  # (end, kind word, title)
    for title in titles:
        for start, end, head in title.laws:
            laws.append((title.end, head, text[start:end]))
        if title.head in kinds:
            laws.append((title.end, title.head, text[title.start : title.end]))
    out = []
    for k, token in enumerate(tokens):
        surface = token_surface(text, token)
        prev = tokens[k - 1] if k > 0 else None
        if surface not in kinds or (prev is not None and prev.end == token.start and is_nominal(prev)):
            continue
        before = [(end, title) for end, head, title in laws if head == surface and end <= token.start]
        if before:
            out.append((token.start, token.end, max(before)[1]))
    return out
