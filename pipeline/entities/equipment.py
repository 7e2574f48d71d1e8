"""Equipment named in ways the ruler's designator patterns do not cover (PRODUCT).

- **Designators without a hyphen.** Diet minutes write aircraft designators in full width and
  without the hyphen (Ｆ２戦闘機, Ｐ１哨戒機, Ｆ３５Ａ, Ｅ２Ｄ); a one-letter prefix and a number alone
  are too ambiguous (Ａ４, Ｂ１), so they are a designator when a class noun follows (戦闘機,
  哨戒機...: the noun is not part of the name, ANNOTATION.md keeps spans as short as the mention
  allows), when a model letter follows (Ｆ３５Ａ, Ｐ３Ｃ), or for fighters (Ｆ and two digits:
  Ｆ１５, Ｆ３５).
- **Ship names in brackets** after a ship class: 輸送艦「おおすみ」, 護衛艦「いずも」 (the JMSDF
  names its ships in hiragana; the brackets are quotation marks, not part of the name).

Offsets are code points into the document text; spans start and end on token boundaries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from pipeline.entities.candidates import Candidate
from pipeline.entities.data import lexicon_words, words
from pipeline.parse import ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["designators", "ship_names"]

TABLE = "equipment.json"


@cache
def _class_nouns() -> tuple[str, ...]:
    """Class nouns after a designator (防衛白書's wording of aircraft, ship and vehicle classes)."""
    return words(TABLE, "class_nouns")


@cache
def _designator() -> re.Pattern[str]:
    """On the NFKC form: a designator prefix (the ruler's), an optional hyphen, a number, a model letter.

    Ａ２ＡＤ (anti-access/area denial) and ＦＩＦＡ Ｕ-２０ are no designators.
    """
    multi, single = lexicon_words("designator_prefixes", "multi"), lexicon_words("designator_prefixes", "single")
    prefixes = "|".join([*multi, *single])
    return re.compile(
        r"(?<![A-Za-z0-9\-])(?P<prefix>(?i:" + prefixes + r"))"
        r"(?P<hyphen>-?)(?P<number>[0-9]{1,3})(?P<model>[A-Z]?)(?![A-Za-z0-9])"
    )


@cache
def _ship_name() -> re.Pattern[str]:
    """A ship class (longest first) and the ship's name in brackets."""
    classes = sorted(map(re.escape, words(TABLE, "ship_classes")), key=len, reverse=True)
    return re.compile("(?:" + "|".join(classes) + ")" r"「(?P<name>[ぁ-ゖァ-ヶー一-龥]{2,12})」")


def _folded(text: str) -> tuple[str, list[int]]:
    """NFKC of ``text`` character by character, and the offset in ``text`` of each folded char."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded)
        offsets.extend([i] * len(folded))
    offsets.append(len(text))
    return "".join(out), offsets


def designators(text: str, tokens: Sequence[ParsedToken]) -> list[Candidate]:
    """Designators the ruler needs a hyphen for: Ｆ２ before 戦闘機, Ｆ３５Ａ, Ｐ３Ｃ, Ｆ１５ (PRODUCT)."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    folded, offsets = _folded(text)
    out = []
    for match in _designator().finditer(folded):
        start, end = offsets[match.start()], offsets[match.end()]
        if start not in starts or end not in ends:
            continue
        prefix, number, model = match.group("prefix", "number", "model")
        classed = text.startswith(_class_nouns(), end)
        fighter = prefix == "F" and len(number) == 2
        if len(prefix) == 1 and not match.group("hyphen") and not (classed or model or fighter):
            continue
        if len(prefix) == 2 and not (classed or model):
            continue  # two letters and a number (ＳＭ３, ＧＰ２) without a class or model: the ruler's
        out.append(Candidate(start, end, EntityLabel.PRODUCT, "Weapon", None, "name_rule"))
    return out


def ship_names(text: str) -> list[Candidate]:
    """A ship's name quoted after its class (輸送艦「おおすみ」): the name, without brackets."""
    return [
        Candidate(m.start("name"), m.end("name"), EntityLabel.PRODUCT, "Ship", None, "name_rule")
        for m in _ship_name().finditer(text)
    ]
