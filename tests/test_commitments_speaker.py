"""Diet speakers without GiNZA: the speaker line, stage directions handing the floor over."""

from __future__ import annotations

import pytest

from pipeline.commitments.speaker import find_speaker, stage_turns

# fmt: off
SPEAKER_TESTS = [
    ("○国務大臣（岸田文雄君）　四月二十七日…", "岸田文雄", "国務大臣", True),
    ("○内閣総理大臣（菅義偉君）　…", "菅義偉", "内閣総理大臣", True),
    ("○浜田国務大臣　…", "浜田", "国務大臣", True),
    ("○赤嶺委員　…", "赤嶺", "委員", False),
    ("○志位和夫君　…", "志位和夫", "君", False),
    ("○政府参考人（増田和夫君）　…", "増田和夫", "政府参考人", True),
]
# fmt: on


@pytest.mark.parametrize(("line", "name", "role", "government"), SPEAKER_TESTS)
def test_commitments_speaker(line: str, name: str, role: str, government: bool) -> None:
    speaker = find_speaker(line)
    assert speaker is not None
    assert (speaker.name, speaker.role, speaker.government) == (name, role, government)


def test_commitments_speaker_absent_in_prose() -> None:
    assert find_speaker("以上のように、日米間の協力関係は発展した。") is None


# (stage direction line, name, role, government)
# fmt: off
STAGE_TESTS = [
    ("〔国務大臣岸信夫君登壇〕", "岸信夫", "国務大臣", True),
    ("〔内閣総理大臣岸田文雄君登壇、拍手〕", "岸田文雄", "内閣総理大臣", True),
    ("〔本村伸子君登壇〕", "本村伸子", "", False),
]
STAGE_NOT_TURNS = ["〔議長退席、副議長着席〕", "〔拍手〕", "〔委員長退席、中山委員長代理着席〕"]
# fmt: on


@pytest.mark.parametrize(("line", "name", "role", "government"), STAGE_TESTS)
def test_commitments_stage_direction_turns(line: str, name: str, role: str, government: bool) -> None:
    text = "○国務大臣（林芳正君）　お答えいたします。\n　　　　" + line + "\n　お答えいたします。\n"
    (turn,) = stage_turns(text)
    assert (turn.name, turn.role, turn.government) == (name, role, government)
    assert text[turn.start : turn.end] == line


@pytest.mark.parametrize("line", STAGE_NOT_TURNS)
def test_commitments_stage_directions_that_are_no_turns(line: str) -> None:
    assert stage_turns("○議長（山田太郎君）　これより会議を開きます。\n　" + line + "\n") == []
