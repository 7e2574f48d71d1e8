"""Spans the model or the proper-noun tags propose that are not names of our seven kinds.

- words listed in ``rules.json`` (``not_names``: programme acronyms such as ＯＤＡ and ＦＭＳ,
  common nouns SudachiDict tags as proper nouns, parts of a territory), each with its reason;
- an adjectival noun alone (サイバー is a 形状詞: "cyber", a domain, not a product);
- a service of unnamed forces inside a common-noun compound (海軍艦艇 "naval vessels",
  自衛官ポスト): a force named by kanji common nouns only and followed by another noun is a
  modifier, not a reference to one force (a named force keeps its mention: 米軍再編 has 米軍,
  a Sudachi proper noun, as the gold rules say);
- a force's member (自衛隊員, 隊員: 員 makes a word for persons, not the force);
- a post the model calls a body (鉄道局長, 北米局長名);
- 今国会 (this Diet session): a period, not the legislature;
- a model span right after the anaphoric prefix 同 (同特措法, 同協定: "the said law"): the
  whole is an anaphor (optional in the gold), the part after 同 no name of its own.

Every check reads a candidate and the tokens around it; nothing is rewritten here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from pipeline.entities.candidates import Candidate, token_surface, tokens_within
from pipeline.entities.data import rule_words, words
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["is_not_a_name"]

MEMBER_SUFFIX = "員"
DIET = "国会"
ANAPHORIC_PREFIX = "同"


@cache
def _not_names() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFKC", word) for word, _ in rule_words()["not_names"]["words"])


@cache
def _post() -> re.Pattern[str]:
    """鉄道局長, 北米局長名: a post (the head of a bureau), never a body; titles belong to persons."""
    units = "|".join(map(re.escape, words("rules.json", "post_units")))
    return re.compile(f"(?:{units})?長名?$")


@cache
def _session_prefixes() -> frozenset[str]:
    return frozenset(words("rules.json", "session_prefixes"))


def is_not_a_name(text: str, tokens: Sequence[ParsedToken], index: dict[int, int], cand: Candidate) -> bool:
    """Whether ``cand`` (a model, token or ruler span) is no name (see the module docstring).

    ``index`` maps token starts to positions in ``tokens``.
    """
    surface = unicodedata.normalize("NFKC", text[cand.start : cand.end])
    k = index.get(cand.end)
    after = tokens[k] if k is not None and tokens[k].start == cand.end and not tokens[k].sent_start else None
    before = _glued_before(tokens, index, cand)
    if surface in _not_names():
        return True  # listed, whoever proposed it (the ruler's …条約 pattern: 安全保障条約)
    if cand.label is EntityLabel.ORG and (
        (after is not None and token_surface(text, after) == MEMBER_SUFFIX)  # 自衛隊員: a member of the force
        or (surface == DIET and before is not None and token_surface(text, before) in _session_prefixes())  # 今国会
    ):
        return True
    if cand.source not in ("model", "token"):
        return False
    if before is not None and token_surface(text, before) == ANAPHORIC_PREFIX:
        return True  # 同特措法: an anaphor
    return _is_word_of_the_model(text, tokens, cand, surface, after)


def _glued_before(tokens: Sequence[ParsedToken], index: dict[int, int], cand: Candidate) -> ParsedToken | None:
    """The token ending where ``cand`` starts, when ``cand`` starts on a token."""
    first = index.get(cand.start)
    if first is None or first == 0 or tokens[first - 1].end != cand.start:
        return None
    return tokens[first - 1]


def _is_word_of_the_model(
    text: str, tokens: Sequence[ParsedToken], cand: Candidate, surface: str, after: ParsedToken | None
) -> bool:
    """A post (鉄道局長), an adjectival noun alone (サイバー), or kanji common nouns modifying a noun (海軍艦艇)."""
    if cand.label is EntityLabel.ORG and _post().search(surface):
        return True  # 鉄道局長: a post
    inside = tokens_within(tokens, cand.start, cand.end)
    if len(inside) == 1 and inside[0].tag.startswith("形状詞") and cand.label in (EntityLabel.PRODUCT, EntityLabel.ORG):
        return True  # サイバー: an adjectival noun
    common = bool(inside) and all(t.tag.startswith("名詞-普通名詞") for t in inside)
    kanji = all("\u4e00" <= ch <= "\u9fff" for ch in surface)
    return cand.label is EntityLabel.ORG and common and kanji and after is not None and after.tag.startswith("名詞")
