"""Names the model left out, read off Sudachi's proper-noun tags (the lowest priority of all).

A run of adjacent 固有名詞 tokens that no entity overlaps becomes:

- with a head word after it (会津若松駅, 浜松オートレース場), what the head word names;
- PERSON when it is made of 人名 tokens with a 姓 or 名 in it (not 人名-一般 alone: mostly
  katakana words), its title apart when one is glued to it (トランプ大統領);
- LOCATION when it is one country name;
- ORG (or what its head word says) when it is 固有名詞-一般 tokens (company and body names
  Sudachi knows: 日本航空, 日活).

Era names (平成, the dates stage's) are none of these. Evidence: on the ner-wikipedia dev split
such runs are names about half the time, well above what an addition needs to raise F1.
Offsets are code points into the document text; runs start and end on token boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.entities.candidates import Candidate
from pipeline.entities.canonical import country_code
from pipeline.entities.data import era_names
from pipeline.entities.labels import head_after, label_by_head
from pipeline.entities.persons import split_glued_title
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["proper_noun_runs"]

PROPER = "名詞-固有名詞"
PERSON_NAME = "名詞-固有名詞-人名"
COUNTRY = "名詞-固有名詞-地名-国"
COMMON_PROPER = "名詞-固有名詞-一般"


def _runs(tokens: Sequence[ParsedToken]) -> list[tuple[int, int]]:
    """(first, last) token index of every run of adjacent proper-noun tokens."""
    out = []
    i = 0
    while i < len(tokens):
        if not tokens[i].tag.startswith(PROPER):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].tag.startswith(PROPER) and tokens[j + 1].start == tokens[j].end:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def proper_noun_runs(text: str, tokens: Sequence[ParsedToken], taken: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Candidates of the proper-noun runs that no span of ``taken`` overlaps (see the module docstring)."""
    out: list[Candidate] = []
    for i, j in _runs(tokens):
        start, end = tokens[i].start, tokens[j].end
        if any(a < end and start < b for a, b in taken):
            continue
        surface = text[start:end]
        head = head_after(text, tokens, j + 1)
        head_free = head is not None and not any(a < head[0] and end < b for a, b in taken)
        if head is not None and head_free and surface not in era_names():
            # 会津若松駅, 浜松オートレース場: a proper noun and a head word make a name
            out.append(Candidate(start, head[0], EntityLabel(head[1]), "Proper_Noun_Head", None, "token"))
            continue
        cand = _run_candidate(text, tokens[i : j + 1], start, end)
        if cand is not None:
            out.append(cand)
    return out


def _run_candidate(text: str, run: Sequence[ParsedToken], start: int, end: int) -> Candidate | None:
    """What a run without a head word names: a person, a country, a body, or nothing."""
    tags = [t.tag for t in run]
    surface = text[start:end]
    person = all(t.startswith(PERSON_NAME) for t in tags)
    glued = split_glued_title(text, start, end) if person else None
    if glued is not None:
        return glued
    if person and any(t.endswith(("-姓", "-名")) for t in tags):
        return Candidate(start, end, EntityLabel.PERSON, "Person", None, "token")
    if len(run) == 1 and tags[0].startswith(COUNTRY) and country_code(surface):
        return Candidate(start, end, EntityLabel.LOCATION, "Country", country_code(surface), "token")
    lettered = re.search(r"[^\W\d_]{2}", surface) is not None
    if all(t.startswith(COMMON_PROPER) for t in tags) and lettered and surface not in era_names():
        return Candidate(start, end, label_by_head(surface, EntityLabel.ORG), "Proper_Noun", None, "token")
    return None
