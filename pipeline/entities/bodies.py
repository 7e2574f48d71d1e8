"""Bodies and their acts read off the parse: councils, meetings, resolutions, names inside words.

- **Standing bodies named for a place or facility**: 普天間飛行場負担軽減推進会議, 沖縄基地負担軽減
  推進委員会, 沖縄振興審議会. The place is part of the body's name (ORG), not an entity of its own.
  委員会/協議会/審議会/本部 name bodies; 会議 does only after a word of standing work (推進会議,
  対策会議, 連絡会議, 調整会議): …支援会議 after a place is a conference (EVENT).
- **An international body's meeting written with the body's full name**: 第十八回アジア太平洋
  経済協力閣僚会議 (ＡＰＥＣ閣僚会議 is the ruler's): the body and a rank before 会議/会合 (EVENT).
- **A UN organ's resolution** (総会決議, 国連総会決議, 安保理決議案) is a DOCUMENT when a specific
  resolution is meant: a draft (…決議案) or one the clause says was adopted (…総会決議が…で採択
  され). A bare reference (安保理決議違反, 関連する国連安保理決議の履行, 国連安保理決議の下での義務) is
  the organ (ORG) and a common noun, as the gold fixtures have it.
- **A body's name opening a word**: 人事院勧告 is one Sudachi word; the body (人事院) is an ORG.

Offsets are code points into the document text; spans start and end on token boundaries except
the body inside a word (it starts on one).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pipeline.entities.candidates import Candidate, token_surface
from pipeline.entities.data import gazetteer, rule_words, words
from pipeline.entities.names import is_nominal
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["body_meetings", "body_prefixes", "place_named_bodies", "resolutions"]

ADOPTED = frozenset(("採択",))
CLAUSE_ENDS = frozenset(("、", "。", "，"))
CLAUSE_TOKENS = 15


@cache
def _words(key: str) -> frozenset[str]:
    """A word class of ``rules.json``: council heads and work words, meeting ranks and words."""
    return frozenset(words("rules.json", key))


def place_named_bodies(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """A place or facility and the council named for it (普天間飛行場負担軽減推進会議): one ORG."""
    index = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for cand in cands:
        if cand.label not in (EntityLabel.LOCATION, EntityLabel.FACILITY):
            continue
        k = index.get(cand.end)
        if k is None:
            continue
        j = k
        while j < len(tokens) and is_nominal(tokens[j]) and not tokens[j].sent_start:
            if j > k and tokens[j].start != tokens[j - 1].end:
                break
            word = token_surface(text, tokens[j])
            council = word == "会議" and j > k and token_surface(text, tokens[j - 1]) in _words("council_work_words")
            if (word in _words("council_heads") or council) and j > k:
                if not any(token_surface(text, t) in _words("body_meeting_ranks") for t in tokens[k:j]):
                    out.append(Candidate(cand.start, tokens[j].end, EntityLabel.ORG, "Committee", None, "name_rule"))
                break
            j += 1
    return out


def body_meetings(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """An international body's full name, a rank and 会議/会合 (アジア太平洋経済協力閣僚会議): EVENT."""
    index = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for cand in cands:
        if cand.label is not EntityLabel.ORG or cand.subtype != "International_Organization":
            continue
        k = index.get(cand.end)
        if k is None or k + 1 >= len(tokens):
            continue
        rank, meeting = tokens[k], tokens[k + 1]
        joined = cand.end == rank.start and rank.end == meeting.start and not meeting.sent_start
        ranked = token_surface(text, rank) in _words("body_meeting_ranks")
        if joined and ranked and token_surface(text, meeting) in _words("body_meeting_words"):
            out.append(Candidate(cand.start, meeting.end, EntityLabel.EVENT, "Conference", None, "name_rule"))
    return out


@cache
def _organs() -> tuple[str, ...]:
    """UN organs that adopt resolutions (``rules.json``), longest first."""
    organs: list[str] = rule_words()["resolution_organs"]["organs"]
    return tuple(sorted(organs, key=len, reverse=True))


def resolutions(text: str, tokens: Sequence[ParsedToken]) -> list[Candidate]:
    """A UN organ's specific resolution or draft (…を内容とする総会決議, 総会決議案): DOCUMENT."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for k, token in enumerate(tokens):
        word = token_surface(text, token)
        if word not in ("決議", "決議案"):
            continue
        end_k = k
        if word == "決議" and k + 1 < len(tokens) and token_surface(text, tokens[k + 1]) == "案":
            end_k = k + 1
        organ = next((o for o in _organs() if text.endswith(o, 0, token.start)), None)
        if organ is None or (token.start - len(organ)) not in starts:
            continue
        first = starts[token.start - len(organ)]
        nxt = tokens[end_k + 1] if end_k + 1 < len(tokens) else None
        if nxt is not None and nxt.start == tokens[end_k].end and is_nominal(nxt):
            continue  # 安保理決議違反: the resolution is a modifier of a common noun
        draft = text[tokens[end_k].end - 1] == "案"
        if draft or _adopted(text, tokens, end_k + 1):
            out.append(
                Candidate(tokens[first].start, tokens[end_k].end, EntityLabel.DOCUMENT, "Resolution", None, "name_rule")
            )
    return out


def _adopted(text: str, tokens: Sequence[ParsedToken], k: int) -> bool:
    """Whether the clause from token ``k`` on (up to a comma or a sentence end) says it was adopted."""
    for token in tokens[k : k + CLAUSE_TOKENS]:
        word = token_surface(text, token)
        if token.sent_start or word in CLAUSE_ENDS:
            return False
        if word in ADOPTED:
            return True
    return False


@cache
def _body_names() -> tuple[str, ...]:
    """Gazetteer ORG names of three or more characters, longest first."""
    names = {e.name for e in gazetteer() if e.label == "ORG" and len(e.name) >= 3}
    return tuple(sorted(names, key=len, reverse=True))


def body_prefixes(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """A body's name opening a word of its acts (人事院勧告): the body, ORG."""
    acts: tuple[str, ...] = tuple(rule_words()["body_acts"]["acts"])
    out = []
    for token in tokens:
        word = token_surface(text, token)
        if not word.endswith(acts) or any(c.start < token.end and token.start < c.end for c in cands):
            continue
        for name in _body_names():
            if word.startswith(name) and word[len(name) :] in acts:
                end = token.start + len(name)
                out.append(Candidate(token.start, end, EntityLabel.ORG, "Agency", None, "gazetteer"))
                break
    return out
