"""Meetings and votes named by their parts: editions, sessions, numbered meetings of a named project, votes.

- **An edition's ordinal** belongs to a meeting the gazetteer or a rule named: 第二回東アジア首脳会議.
- **A session of a named meeting** belongs to its name: 第五回六者会合第二セッション (the second
  session of the fifth round of the Six-Party Talks), …第三ラウンド.
- **A numbered meeting of a named undertaking**: 歴史共同研究第一回会合 (the first meeting of the
  joint history research): a noun compound, 第N回 and 会合/会議 make one EVENT.
- **A referendum held** (県民投票, 住民投票, 国民投票) is an event when a specific vote is meant:
  a relative clause of its holding (先月行われた県民投票), or a time or place before it
  (二月の県民投票, 沖縄県の県民投票). The bare noun (県民投票を求める) is a common noun.

Offsets are code points into the document text; spans start and end on token boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.entities.candidates import Candidate, token_surface
from pipeline.entities.names import is_nominal
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["numbered_meetings", "referendums", "sessions", "with_edition_ordinals"]

NUMBER = "[0-9０-９一二三四五六七八九十百]+"
SESSION = re.compile(f"第{NUMBER}回?(?:セッション|ラウンド)")
ORDINAL = re.compile(f"第{NUMBER}回")
ORDINAL_PREFIX = re.compile(f"第{NUMBER}回$")
# how far before a name its edition's ordinal is looked for (characters)
ORDINAL_REACH = 8
MEETING_WORDS = frozenset(("会合", "会議"))
VOTES = frozenset(("県民投票", "住民投票", "国民投票"))
HELD = frozenset(("行う", "行なう", "実施", "実施する", "する"))


def with_edition_ordinals(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """Events of the ruler or a rule start at the ordinal right before them (第二回 + 東アジア首脳会議)."""
    out = []
    for cand in cands:
        ordinal = ORDINAL_PREFIX.search(text, max(0, cand.start - ORDINAL_REACH), cand.start)
        if cand.label is EntityLabel.EVENT and cand.source in ("ruler", "name_rule") and ordinal is not None:
            cand = replace(cand, start=ordinal.start())
        out.append(cand)
    return out


def sessions(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """A named meeting and the session after it (六者会合第二セッション): one EVENT."""
    ends = {t.end for t in tokens}
    out = []
    for cand in cands:
        if cand.label is not EntityLabel.EVENT or cand.source not in ("ruler", "name_rule"):
            continue
        match = SESSION.match(text, cand.end)
        if match is not None and match.end() in ends:
            out.append(Candidate(cand.start, match.end(), EntityLabel.EVENT, cand.subtype, None, "name_rule"))
    return out


def numbered_meetings(text: str, tokens: Sequence[ParsedToken]) -> list[Candidate]:
    """Two or more nouns, 第N回 and 会合/会議 (歴史共同研究第一回会合): one EVENT."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for match in ORDINAL.finditer(text):
        k = starts.get(match.end())
        first = starts.get(match.start())
        if k is None or first is None or token_surface(text, tokens[k]) not in MEETING_WORDS:
            continue
        i = first
        while i > 0 and is_nominal(tokens[i - 1]) and tokens[i - 1].end == tokens[i].start and not tokens[i].sent_start:
            i -= 1
        nouns = tokens[i:first]
        if len(nouns) < 2 or not any(t.tag.startswith("名詞") for t in nouns):
            continue
        out.append(Candidate(tokens[i].start, tokens[k].end, EntityLabel.EVENT, "Conference", None, "name_rule"))
    return out


def referendums(text: str, tokens: Sequence[ParsedToken]) -> list[Candidate]:
    """A specific referendum: held (行われた県民投票) or dated or placed by a genitive (EVENT)."""
    out = []
    for k in range(1, len(tokens)):
        vote = _vote_span(text, tokens, k)
        if vote is None:
            continue
        start, end, first = vote
        prev = tokens[first - 1] if first > 0 else None
        if prev is None or prev.end != start:
            continue
        held = prev.tag.startswith("助動詞") and token_surface(text, prev) == "た"
        genitive = (
            token_surface(text, prev) == "の"
            and first >= 2
            and tokens[first - 2].tag.startswith(("名詞-固有名詞-地名", "名詞-普通名詞-副詞可能", "名詞-数詞"))
        )
        if held or genitive:
            out.append(Candidate(start, end, EntityLabel.EVENT, "Referendum", None, "name_rule"))
    return out


def _vote_span(text: str, tokens: Sequence[ParsedToken], k: int) -> tuple[int, int, int] | None:
    """(start, end, first token) of a referendum word at token ``k`` (県民投票 or 県民|投票)."""
    word = token_surface(text, tokens[k])
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if word in VOTES:
        last = k
    elif nxt is not None and word + token_surface(text, nxt) in VOTES and nxt.start == tokens[k].end:
        last = k + 1
    else:
        return None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and after.start == tokens[last].end and is_nominal(after):
        return None  # 県民投票条例, 国民投票法: the vote is a modifier
    return tokens[k].start, tokens[last].end, k
