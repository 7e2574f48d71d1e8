"""The speaker of a Diet-minutes speech (国会会議録): ``○国務大臣（岸田文雄君）`` → 岸田文雄.

First-person reports in the minutes (〜で一致しました, 〜を求めました, 〜してまいります) are acts of
the speaker; a government speaker (a minister, the Prime Minister, a vice-minister, a
parliamentary secretary, a government witness) speaks for Japan, a Diet member speaks for no party.

A plenary record may hold several answers: a stage direction on a line of its own
(``〔国務大臣岸信夫君登壇〕``, ``〔内閣総理大臣岸田文雄君登壇、拍手〕``, ``〔本村伸子君登壇〕``) hands the
floor to the person named there; ``stage_turns`` lists those turns with the offset it starts at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.commitments.lexicon import load_words

# ○国務大臣（岸田文雄君）, ○内閣総理大臣（菅義偉君）, ○浜田国務大臣, ○赤嶺委員, ○志位和夫君
SPEAKER_LINE = re.compile(
    r"^\s*○(?:(?P<role>[^\s　（(]+?)[（(](?P<name>[^）)\s]+?)君[）)]|(?P<bare>[^\s　]+?))(?=[\s　])"
)
# 〔国務大臣岸信夫君登壇〕 / 〔内閣総理大臣岸田文雄君登壇、拍手〕 / 〔本村伸子君登壇〕: a new speaker takes the floor
STAGE_DIRECTION = re.compile(r"〔(?P<who>[^〔〕、\n]{1,40}?)君登壇(?:[、，][^〔〕\n]*)?〕")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks: name (or the bare speaker label), role, and whether it is the government."""

    name: str
    role: str
    government: bool
    start: int
    end: int


def find_speaker(text: str) -> Speaker | None:
    """The speaker line opening ``text``, or None (not minutes)."""
    m = SPEAKER_LINE.match(text)
    if m is None:
        return None
    if m["name"]:
        name, role = m["name"], m["role"]
    else:
        bare = m["bare"]
        words = load_words()
        role = next((r for r in (*words.government_roles, *words.member_roles) if bare.endswith(r)), "")
        name = bare[: len(bare) - len(role)] if role else bare
    return Speaker(name=name, role=role, government=_government(role), start=m.start(), end=m.end())


def stage_turns(text: str) -> list[Speaker]:
    """The speakers stage directions hand the floor to, in text order.

    A turn's ``start``/``end`` are the offsets of its stage direction; the turn runs until the
    next one. A stage direction without an office (〔本村伸子君登壇〕) hands the floor to a Diet
    member, who speaks for no party.
    """
    turns: list[Speaker] = []
    for m in STAGE_DIRECTION.finditer(text):
        who = m["who"].strip()
        role = next((r for r in load_words().stage_roles if who.startswith(r)), "")
        name = who[len(role) :]
        turns.append(Speaker(name=name, role=role, government=_government(role), start=m.start(), end=m.end()))
    return turns


def _government(role: str) -> bool:
    """A government office (国務大臣, 政府参考人): its holder speaks for Japan."""
    return any(role.endswith(r) or r in role for r in load_words().government_roles)
