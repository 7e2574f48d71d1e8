"""Hand-built ``ParsedDoc``s for entity-rule tests: no model needed.

``parsed(pieces, ents)`` takes the text as ``(surface, sudachi_tag)`` tokens and entity spans as
``(surface, label, ent_id)`` (located in order of appearance), and returns the text and a
``ParsedDoc`` whose offsets are exact.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.parse import ParsedDoc, ParsedEntity, ParsedToken

PROPER_PERSON = "名詞-固有名詞-人名-一般"
SURNAME = "名詞-固有名詞-人名-姓"
GIVEN = "名詞-固有名詞-人名-名"
PLACE = "名詞-固有名詞-地名-一般"
COUNTRY = "名詞-固有名詞-地名-国"
NOUN = "名詞-普通名詞-一般"
PARTICLE = "助詞-格助詞"
SYMBOL = "補助記号-一般"
OPEN = "補助記号-括弧開"
CLOSE = "補助記号-括弧閉"


def parsed(
    pieces: Sequence[tuple[str, str]], ents: Sequence[tuple[str, str, str]] = ()
) -> tuple[str, ParsedDoc]:
    """Text and parse from tokens; each entity surface is found after the previous one."""
    tokens = []
    offset = 0
    for surface, tag in pieces:
        pos = "PUNCT" if tag.startswith("補助記号") else ("ADP" if tag.startswith("助詞") else "NOUN")
        tokens.append(
            ParsedToken(
                offset, offset + len(surface), surface, pos, tag, "dep", len(tokens), "", "B", "", False
            )
        )
        offset += len(surface)
    text = "".join(surface for surface, _ in pieces)
    entities = []
    cursor = 0
    for surface, label, ent_id in ents:
        start = text.index(surface, cursor)
        entities.append(ParsedEntity(start, start + len(surface), label, ent_id))
        cursor = start
    return text, ParsedDoc(tokens=tuple(tokens), entities=tuple(entities))
