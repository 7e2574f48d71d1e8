"""Official names assembled from the parse: the long names of government text GiNZA splits.

Japanese names of documents and meetings are right-headed noun phrases: a head word at the end
says what is named (…協定, …宣言, …パートナーシップ, …会合), the words before it say which one.
Official titles often put a relational modifier before the named core:

- ``XのためのY``: 持続可能な開発のための二〇三〇アジェンダ, 再編の実施のための日米ロードマップ;
- ``Xに関するY``: 南スーダン情勢に関する関係国閣僚会合, 野心、脱炭素化及びクリーンエネルギーに関する
  日米気候パートナーシップ (a coordinated list ``A、B及びC`` is one modifier);
- ``XにおけるY``: 新たな時代における日米グローバルパートナーシップ.

GiNZA sees pieces of them (二〇三〇アジェンダ as Plan, nothing for 関係国閣僚会合). Here a name is
assembled when its core (the compound ending in the head) is itself *named*: it contains a country
or country pair (日米), a proper noun, an acronym, or, for katakana heads, a number
(二〇三〇アジェンダ), or, for meetings, the rank of its participants (閣僚会合). A bare head
(…に関する協議, …のための協力) is a description, not a name, and is left alone.

A core without a modifier is a name too when it starts with a country or country pair and has a
word between it and the head (日米競争力・強靱性パートナーシップ), or is a katakana head with a
number (ポスト二〇一五年開発アジェンダ).

Names in quotation brackets (``「…」``) whose last word is a head are names whatever their words;
the brackets are not part of the name (ANNOTATION.md project rules).

All offsets are code points into the document text; spans start and end on token boundaries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.entities.candidates import token_surface, tokens_within
from pipeline.entities.canonical import country_code
from pipeline.entities.data import country_abbreviations, lexicon, words
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = [
    "LIST_SUFFIXES",
    "NamedSpan",
    "assembled_names",
    "is_country_combo",
    "is_nominal",
    "modifier_start",
    "quoted_names",
]

# Relational modifiers of official names, as token surfaces: …に関する, …に係る, …のための, …における.
CONNECTORS: tuple[tuple[str, ...], ...] = (
    ("に", "関する"),
    ("に", "係る"),
    ("の", "ため", "の"),
    ("の", "為", "の"),
    ("に", "おけ", "る"),
    ("に", "おける"),
)
# Between the words of a modifier: coordination (``rules.json``) and the genitive (再編の実施).
GENITIVE = "の"
MAX_GENITIVES = 2
MAX_NAME_CHARS = 60
MIDDLE_DOTS = frozenset(("・", "･"))
LATIN = re.compile(r"[A-Za-z]")
KATAKANA = re.compile(r"[ァ-ヶー]")
# 日米, 日米韓, 日ロ (katakana ロ for Russia in 外務省 usage), 米中
COMBO_EXTRA = "ロ"
# 合意 and 決議 are common nouns for acts: 日米合意 (a ruler pattern), …に関する日韓合意 and a
# place's 合意 (ミンスク合意) are names, but 日米合同委員会合意 and 国連安保理決議 are a body (ORG)
# and its act.
CORE_ALONE_EXCLUDED = frozenset(("合意", "決議"))
# Talks named by a proper noun alone are rare (ヤルタ会談 yes, but 協議/対話 after a name are
# generic: ロシア協議 is no name); they need a word between.
GENERIC_TALKS = frozenset(("協議", "対話"))
# Heads that name standing bodies as often as their meetings (安全保障理事会, 国連総会): no name
# is assembled from a core alone with them (the ruler and GiNZA decide).
BODY_HEADS = frozenset(("理事会", "総会"))
# 等 after a head ends a list of names (インド太平洋閣僚会合等), it does not continue the compound.
LIST_SUFFIXES = frozenset(("等",))
QUOTED = re.compile(r"「(?P<name>[^「」『』\n。]{2,40})」")


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """An assembled name: its span, label and subtype (``Named_Document`` / ``Named_Event``)."""

    start: int
    end: int
    label: EntityLabel
    subtype: str


@cache
def _heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(document heads, katakana document heads, event heads) of ``lexicon.json``."""
    data = lexicon()
    docs = data["document_heads"]
    return frozenset(docs["heads"]), frozenset(docs["katakana"]), frozenset(data["event_heads"]["heads"])


@cache
def _coordinators() -> frozenset[str]:
    """Coordinators between the words of a modifier (A及びB, AとB)."""
    return frozenset(words("rules.json", "modifier_coordinators"))


@cache
def _ranks() -> frozenset[str]:
    """Meeting ranks that make a meeting name: 閣僚会合, 首脳会議, 外相会談."""
    return frozenset(words("rules.json", "name_ranks"))


@cache
def _combo_letters() -> frozenset[str]:
    return frozenset(k for k in country_abbreviations() if len(k) == 1) | set(COMBO_EXTRA)


def is_country_combo(surface: str) -> bool:
    """Country abbreviations only (日米, 日米韓, 日ロ): two or more, or one before an acronym."""
    kanji = _combo_letters()
    return len(surface) >= 2 and all(ch in kanji for ch in surface)


def is_nominal(token: ParsedToken) -> bool:
    """A word that can be inside a noun compound (nouns, numbers, prefixes, nominal suffixes)."""
    tag = token.tag
    if tag.startswith("名詞-普通名詞-副詞可能"):
        return False  # 今回, 先般, 将来, ため: time words and formal nouns end a compound
    return tag.startswith(("名詞", "接尾辞-名詞的", "接頭辞"))


def _is_time_word(token: ParsedToken) -> bool:
    return token.tag.startswith("名詞-普通名詞-副詞可能")


def _head_of(text: str, token: ParsedToken) -> tuple[EntityLabel, str] | None:
    """(DOCUMENT or EVENT, the head word) when ``token`` is or ends in a head word, else None."""
    if not token.tag.startswith(("名詞", "接尾辞")):
        return None
    return _head_of_word(token_surface(text, token))


@lru_cache(maxsize=65536)
def _head_of_word(surface: str) -> tuple[EntityLabel, str] | None:
    # memoized: called for every noun token of every document
    docs, _, events = _heads()
    for head_words, label in ((docs, EntityLabel.DOCUMENT), (events, EntityLabel.EVENT)):
        found = [h for h in head_words if surface.endswith(h) and not _inside_katakana_word(surface, h)]
        if found:
            return label, max(found, key=len)
    return None


def _inside_katakana_word(surface: str, head: str) -> bool:
    """テレビジョン does not end in ビジョン, nor アーツビジョン: a katakana head needs a boundary."""
    rest = surface[: len(surface) - len(head)]
    return bool(rest) and KATAKANA.match(head[0]) is not None and KATAKANA.match(rest[-1]) is not None


def _head_label(text: str, token: ParsedToken) -> EntityLabel | None:
    """DOCUMENT or EVENT when ``token`` is (or ends in) a head word, else None."""
    head = _head_of(text, token)
    return head[0] if head else None


def _core_start(text: str, tokens: Sequence[ParsedToken], k: int) -> int:
    """Index of the first token of the noun compound ending at token ``k``.

    Nominal tokens, a 形状詞 right before one (グローバル, クリーン) and a middle dot between two
    (競争力・強靱性) belong to the compound; a sentence start ends it.
    """
    i = k
    while i > 0 and not tokens[i].sent_start:
        prev = tokens[i - 1]
        if prev.end != tokens[i].start:
            break
        surface = token_surface(text, prev)
        if is_nominal(prev) or prev.tag.startswith("形状詞"):
            i -= 1
            continue
        if surface in MIDDLE_DOTS and i - 2 >= 0 and is_nominal(tokens[i - 2]) and not prev.sent_start:
            before = tokens[i - 2]
            if is_country_combo(token_surface(text, before)) or _head_of(text, before) is not None:
                break  # 日米・日豪外相会談, 首脳会談・外相会談: a list of names, not one
            i -= 1
            continue
        break
    # a leading middle dot or 形状詞 alone does not start a name
    while i < k and (token_surface(text, tokens[i]) in MIDDLE_DOTS):
        i += 1
    return i


def _naming_elements(text: str, core: Sequence[ParsedToken], label: EntityLabel, head: str) -> bool:
    """Whether the words before the head make the core a name (see the module docstring)."""
    _, katakana, _ = _heads()
    for token in core:
        surface = unicodedata.normalize("NFKC", token_surface(text, token))
        if token.tag.startswith("名詞-固有名詞"):
            return True
        if LATIN.search(surface) or is_country_combo(surface) or country_code(surface):
            return True
        if token.tag.startswith("名詞-数詞") and head in katakana:
            return True
        if label is EntityLabel.EVENT and surface in _ranks():
            return True
    return False


def _connector_before(text: str, tokens: Sequence[ParsedToken], i: int) -> int | None:
    """Index of the first token of a connector ending right before token ``i``, or None."""
    for connector in CONNECTORS:
        n = len(connector)
        if i - n < 0:
            continue
        window = tokens[i - n : i]
        joined = window[-1].end == tokens[i].start and not any(t.sent_start for t in window[1:])
        if joined and tuple(token_surface(text, t) for t in window) == connector:
            return i - n
    return None


def _adjectival(text: str, tokens: Sequence[ParsedToken], p: int, j: int) -> bool:
    """Token ``p`` is a 形状詞 before a word or な, or the な after one (新たな, 持続可能な)."""
    token = tokens[p]
    if token.tag.startswith("形状詞"):
        return p + 1 <= j and (
            is_nominal(tokens[p + 1])
            or tokens[p + 1].tag.startswith("形状詞")
            or token_surface(text, tokens[p + 1]) == "な"
        )
    return (
        token_surface(text, token) == "な"
        and token.tag.startswith("助動詞")
        and p >= 1
        and tokens[p - 1].tag.startswith("形状詞")
    )


def modifier_start(
    text: str,
    tokens: Sequence[ParsedToken],
    j: int,
    *,
    list_item_ends: Callable[[ParsedToken], bool] | None = None,
    commas: bool = True,
) -> int | None:
    """First token of the modifier phrase ending at token ``j`` (before a connector), or None.

    The phrase is nouns, 形状詞 (+ な: 新たな, 持続可能な), the genitive between nouns (再編の実施,
    at most two), coordinators between words (AとB, A及びB), and commas only inside a list closed
    by 及び/並びに/又は (野心、脱炭素化及びクリーンエネルギー). Time words (将来, 今回), particles and
    anything else end it; so does a sentence start. At least one noun is needed.
    ``list_item_ends(token)``: the word before a coordinator or comma ends a list item that is a
    name of its own (a law before 及び in a list of laws), so the phrase stops there; without
    ``commas`` no comma is inside the phrase (statute titles list with 及び/並びに only).
    """

    def word(index: int) -> bool:
        return 0 <= index <= j and (is_nominal(tokens[index]) or tokens[index].tag.startswith("形状詞"))

    i = j + 1  # tokens[i:j + 1] is the phrase so far
    genitives = 0
    listed = False  # a 及び/並びに/又は was passed: commas separate the items of that list
    nouns = 0
    while i > 0:
        p = i - 1
        token = tokens[p]
        surface = token_surface(text, token)
        between = word(p + 1) and word(p - 1)
        item_end = p >= 1 and list_item_ends is not None and list_item_ends(tokens[p - 1])
        if is_nominal(token):
            nouns += 1
        elif _adjectival(text, tokens, p, j):
            pass
        elif surface == GENITIVE and between and genitives < MAX_GENITIVES and is_nominal(tokens[p - 1]):
            genitives += 1
        elif surface in MIDDLE_DOTS and between:
            pass  # 核軍縮・不拡散に関する
        elif surface in _coordinators() and between and not item_end:
            listed = listed or surface != "と"
        elif surface in ("、", "，") and commas and listed and between and not item_end:
            pass
        else:
            break
        i = p
        if token.sent_start:
            break
    # the phrase starts with a word, never with a particle or な
    while i <= j and not word(i):
        i += 1
    if nouns == 0 or i > j:
        return None
    return i


def assembled_names(
    text: str, tokens: Sequence[ParsedToken], *, bodies: Sequence[tuple[int, int]] = ()
) -> list[NamedSpan]:
    """Names of documents and meetings assembled from ``tokens`` (see the module docstring).

    ``bodies`` are the spans of named organizations (ORG entities): a body before における is
    where the named thing is adopted or held, not part of its name (国連総会における北朝鮮人権状況
    決議: 国連総会 + 北朝鮮人権状況決議); a force or body opening a plan's compound names it
    (在日米軍再編計画).

    Returns spans on token boundaries of ``text``, longest assembly per head; nothing for a head
    that is not the last word of its compound (協定締結, 会合後).
    """
    out: list[NamedSpan] = []
    n = len(tokens)
    body_spans = set(bodies)
    body_starts = {a: b for a, b in bodies}
    for k, token in enumerate(tokens):
        found = _head_of(text, token)
        if found is None:
            continue
        label, head = found
        nxt = tokens[k + 1] if k + 1 < n else None
        if (
            nxt is not None
            and nxt.start == token.end
            and not nxt.sent_start
            and is_nominal(nxt)
            and token_surface(text, nxt) not in LIST_SUFFIXES
        ):
            continue  # the head word modifies what follows (協定締結, 会談後); …会合等 is a list's end
        start = _core_start(text, tokens, k)
        core = tokens[start:k]
        subtype = "Named_Document" if label is EntityLabel.DOCUMENT else "Named_Event"
        connector = _connector_before(text, tokens, start)
        if connector is not None and connector > 0 and _naming_elements(text, core, label, head):
            first = modifier_start(text, tokens, connector - 1)
            venue = first is not None and (tokens[first].start, tokens[connector - 1].end) in body_spans
            if first is not None and not venue and token.end - tokens[first].start <= MAX_NAME_CHARS:
                out.append(NamedSpan(tokens[first].start, token.end, label, subtype))
                continue
        body_end = body_starts.get(tokens[start].start) if core else None
        named_by_body = body_end is not None and label is EntityLabel.DOCUMENT and body_end < tokens[k - 1].end
        if named_by_body or _core_alone(text, core, token, label, head):
            out.append(NamedSpan(tokens[start].start, token.end, label, subtype))
    return out


def _core_alone(text: str, core: Sequence[ParsedToken], token: ParsedToken, label: EntityLabel, head: str) -> bool:
    """Whether the compound ``core`` + ``token`` (ending in ``head``) is a name without a modifier.

    - a proper noun or an acronym first: ポツダム宣言, Ｐ４協定, ＡＰＥＣ首脳宣言, ＮＰＴ運用検討会議,
      ヤルタ会談; a place before 合意 (ミンスク合意, not 日米合同委員会合意); one proper-noun
      token ending in a head (伊勢志摩サミット);
    - a country or country pair first, then a word before the head (日米競争力・強靱性パートナーシップ,
      日ロ行動計画, 日米拡大抑止協議; 日米協議 and 日米合意 alone are generic);
    - a katakana document head after a number (二〇三〇アジェンダ);
    - a country, a subject and 決議: a resolution named for the country it is on
      (北朝鮮人権状況決議); a body and 決議 (国連安保理決議) is the body and its act.
    """
    surface = token_surface(text, token)
    compound_head = len(surface) > len(head)  # 行動計画, 伊勢志摩サミット: the token has its own modifier
    if head in BODY_HEADS or (head == "会議" and not core):
        return False  # 安全保障理事会, 国連総会, 国家安全保障会議: a body's name as often as a meeting's
    if not core:
        return compound_head and token.tag.startswith("名詞-固有名詞")
    return _core_before_head(text, core, label, head, compound_head)


def _core_before_head(
    text: str, core: Sequence[ParsedToken], label: EntityLabel, head: str, compound_head: bool
) -> bool:
    """``_core_alone`` for a core of one or more words: what its first word and its head allow."""
    first = unicodedata.normalize("NFKC", token_surface(text, core[0]))
    words = [t for t in core[1:] if token_surface(text, t) not in MIDDLE_DOTS]
    more = bool(words) or compound_head
    party = is_country_combo(first) or country_code(first) is not None
    acronym = bool(LATIN.search(first))
    if label is EntityLabel.EVENT and core[0].tag.startswith("名詞-固有名詞-人名"):
        return False  # フン・セン会談: the persons who met (シューマン宣言 is a document's name)
    if head == "決議" and party and not is_country_combo(first):
        return label is EntityLabel.DOCUMENT and more  # 北朝鮮人権状況決議: a resolution on a country
    if head in CORE_ALONE_EXCLUDED:
        return label is EntityLabel.DOCUMENT and core[0].tag.startswith("名詞-固有名詞-地名") and not party
    if head == "会議" and not (acronym or any(token_surface(text, t) in _ranks() for t in core)):
        return False  # 日本学術会議, 国家安全保障会議: a council; ＡＰＥＣ首脳会議: a conference
    if party:
        return more
    return _core_by_first_word(core, label, head, more, proper=core[0].tag.startswith("名詞-固有名詞") or acronym)


def _core_by_first_word(
    core: Sequence[ParsedToken], label: EntityLabel, head: str, more: bool, *, proper: bool
) -> bool:
    """A core opened by no party: a proper noun or acronym names it, or a number before a katakana head."""
    if proper:
        return label is EntityLabel.DOCUMENT or head not in GENERIC_TALKS or more
    _, katakana, _ = _heads()
    return label is EntityLabel.DOCUMENT and head in katakana and any(t.tag.startswith("名詞-数詞") for t in core)


def quoted_names(text: str, tokens: Sequence[ParsedToken]) -> list[NamedSpan]:
    """``「…」`` whose content ends in a head word and starts with a word: the content is a name."""
    by_end = {t.end: t for t in tokens}
    by_start = {t.start: t for t in tokens}
    out = []
    for match in QUOTED.finditer(text):
        start, end = match.span("name")
        last, first = by_end.get(end), by_start.get(start)
        if last is None or first is None:
            continue
        label = _head_label(text, last)
        if label is None or not (is_nominal(first) or first.tag.startswith("形状詞")):
            continue
        inside = tokens_within(tokens, start, end)
        if any(token_surface(text, t) in ("と", "や") and t.tag.startswith("助詞") for t in inside):
            continue  # 「満州事変と不戦条約」: a title listing two things, not one name
        subtype = "Named_Document" if label is EntityLabel.DOCUMENT else "Named_Event"
        out.append(NamedSpan(start, end, label, subtype))
    return out
