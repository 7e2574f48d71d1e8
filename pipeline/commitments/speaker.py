"""The speaker of a Diet-minutes speech (国会会議録): ``○国務大臣（岸田文雄君）`` → 岸田文雄.

First-person reports in the minutes (〜で一致しました, 〜を求めました, 〜してまいります) are acts of
the speaker; a government speaker (a minister, the Prime Minister, a vice-minister, a
parliamentary secretary, a government witness) speaks for Japan, a Diet member speaks for no party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ○国務大臣（岸田文雄君）, ○内閣総理大臣（菅義偉君）, ○浜田国務大臣, ○赤嶺委員, ○志位和夫君
SPEAKER_LINE = re.compile(
    r"^\s*○(?:(?P<role>[^\s　（(]+?)[（(](?P<name>[^）)\s]+?)君[）)]|(?P<bare>[^\s　]+?))(?=[\s　])"
)
GOVERNMENT_ROLES = (
    "国務大臣",
    "総理大臣",
    "大臣",
    "副大臣",
    "政務官",
    "長官",
    "政府参考人",
    "政府委員",
    "説明員",
    "政府特別補佐人",
    "副長官",
    "事務総長",
)


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
        role = next((r for r in GOVERNMENT_ROLES if bare.endswith(r)), "")
        if not role:
            for suffix in ("委員長", "委員", "君", "議長"):
                if bare.endswith(suffix):
                    role = suffix
                    break
        name = bare[: len(bare) - len(role)] if role else bare
    government = any(role.endswith(r) or r in role for r in GOVERNMENT_ROLES)
    return Speaker(name=name, role=role, government=government, start=m.start(), end=m.end())
