"""Persons and their titles: ``パネッタ米国防長官``, ``一川防衛大臣(当時)``, Diet speaker lines.

The domain ruler marks titles (label ``TITLE``) before GiNZA's ``ner`` runs, so the model cannot
glue a title to a name. Here each title is attached to the name right before it (or, when GiNZA
found a person right after it, to that person): the PERSON span is the name alone, the title a
``Span``, and a following ``(当時)`` the ``title_qualifier`` (without its brackets). A title with no
name is not an entity. Offsets are code points into the document text throughout.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.entities.candidates import Candidate, tokens_within
from pipeline.entities.data import lexicon_words
from pipeline.parse import ParsedEntity, ParsedToken
from pipeline.schema import EntityLabel, Span

__all__ = [
    "NamedPerson",
    "attach_titles",
    "find_name_before",
    "is_common_noun_person",
    "qualifier_after",
    "speaker_candidates",
    "speaker_persons",
    "split_glued_title",
]

KATAKANA_NAME = re.compile(r"^[ァ-ヶー]{2,}$")
KANJI_SURNAME = re.compile(r"^[一-龥々]{1,3}$")
INITIAL = re.compile(r"^[A-ZＡ-Ｚ][.．]?$")
# (当時) after a title; full- or half-width brackets, optional spaces.
QUALIFIER = re.compile(r"[（(]\s*(当時)\s*[）)]")
# Diet minutes: ○国務大臣（岸田文雄君）, ○委員長（北村直人君）, ○宮本徹君 at the start of a line.
SPEAKER_WITH_TITLE = re.compile(
    r"^○(?P<title>[^\s（(）)○]{1,30}?)[（(](?P<name>[^\s（(）)]{1,20}?)(?:君|さん|議員)[）)]", re.M
)
SPEAKER_NAME_ONLY = re.compile(r"^○(?P<name>[^\s（(）)○]{2,12}?)君(?=[\s\u3000])", re.M)
# Plenary stage directions: 〔国務大臣岸信夫君登壇、拍手〕, 〔内閣総理大臣橋本龍太郎君登壇〕 (the title is
# the first word ending in 大臣; about 400 of them in the Diet sample of ../shared/corpora).
STAGE_DIRECTION = re.compile(
    r"〔(?:(?P<title>[一-龥]{0,8}?大臣)\s*)?(?P<name>[一-龥々ぁ-んァ-ヶー]{2,10}?)君登壇"
)
MAX_NAME_TOKENS = 4
KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """A person found by a rule: the name span and its title/qualifier spans."""

    start: int
    end: int
    title: Span | None
    qualifier: Span | None


def _is_name_token(text: str, token: ParsedToken, *, office: bool, initial_ok: bool) -> bool:
    surface = text[token.start : token.end]
    tag = token.tag
    if tag.startswith("名詞-固有名詞-人名"):
        return True
    if initial_ok and INITIAL.match(surface):
        return True  # ジョン・F・ケネディ
    if not office or tag.startswith("名詞-固有名詞-地名-国"):
        return False
    if tag.startswith("名詞-固有名詞") and KANJI_SURNAME.match(surface):
        # 茂木経済産業大臣: Sudachi reads 茂木 as a place; before a minister's title it is a name
        return True
    # フローマン通商代表: a foreign name Sudachi does not know
    return tag.startswith("名詞") and bool(KATAKANA_NAME.match(surface))


def find_name_before(
    text: str,
    tokens: Sequence[ParsedToken],
    title_start: int,
    *,
    person_spans: Sequence[tuple[int, int]] = (),
    blocked: Sequence[tuple[int, int]] = (),
    office: bool = True,
) -> tuple[int, int] | None:
    """The name right before a title starting at ``title_start``, or None.

    A person span from GiNZA ending there wins; else the run of name-like tokens ending there:
    人名 in Sudachi's tag, initials between ・ (ジョン・F・ケネディ), and, before a title of public
    ``office`` (大臣, 長官, 大統領, 代表...), a short kanji proper noun or a katakana word. Other
    titles (会長, 社長) follow organizations as often as persons (NHK会長), so they take 人名
    tokens only. At most MAX_NAME_TOKENS tokens; a single ・ between the name and the title is
    allowed (ビヤ・カメルーン大統領). ``blocked`` spans (the domain ruler's entities) are never
    part of a name.
    """
    end = title_start
    if end > 1 and text[end - 1] in "・･":
        end -= 1
    for a, b in person_spans:
        if b == end and a < b:
            return a, b
    by_end = {t.end: i for i, t in enumerate(tokens)}
    start = end
    count = 0
    while start in by_end and count < MAX_NAME_TOKENS:
        token = tokens[by_end[start]]
        surface = text[token.start : token.end]
        if any(a < token.end and token.start < b for a, b in blocked):
            break
        if surface in ("・", "･", ".", "．") and count:
            prev = by_end.get(token.start)
            if prev is None or not _is_name_token(text, tokens[prev], office=office, initial_ok=True):
                break
            start = token.start
            continue
        if not _is_name_token(text, token, office=office, initial_ok=count > 0):
            break
        start = token.start
        count += 1
    while start < end and text[start] in "・･.．":
        start += 1
    if count == 0 or start >= end:
        return None
    return start, end


def qualifier_after(text: str, title_end: int) -> Span | None:
    """``当時`` of a ``(当時)`` right after a title (brackets excluded), or None."""
    match = QUALIFIER.match(text, title_end)
    if match is None:
        return None
    return Span(match.start(1), match.end(1), match.group(1))


def speaker_persons(text: str) -> Iterator[NamedPerson]:
    """Speakers of Diet-minutes lines and plenary stage directions.

    ``○国務大臣（岸田文雄君）``, ``○宮本徹君``, ``〔国務大臣岸信夫君登壇〕``.
    """
    titled: set[int] = set()
    for match in SPEAKER_WITH_TITLE.finditer(text):
        titled.add(match.start())
        title = Span(match.start("title"), match.end("title"), match.group("title"))
        yield NamedPerson(match.start("name"), match.end("name"), title, None)
    for match in SPEAKER_NAME_ONLY.finditer(text):
        if match.start() not in titled:
            yield NamedPerson(match.start("name"), match.end("name"), None, None)
    for match in STAGE_DIRECTION.finditer(text):
        post = Span(match.start("title"), match.end("title"), match.group("title")) if match.group("title") else None
        yield NamedPerson(match.start("name"), match.end("name"), post, None)


def strip_honorific(text: str, start: int, end: int) -> int:
    """``end`` moved left past an honorific glued to a name (岸田氏 → 岸田)."""
    surface = unicodedata.normalize("NFKC", text[start:end])
    # honorifics after a name (lexicon.json): never part of the PERSON span
    for honorific in lexicon_words("honorifics"):
        if surface.endswith(honorific) and len(surface) > len(honorific) + 1:
            return end - len(honorific)
    return end


@cache
def _office_heads() -> tuple[str, ...]:
    """Titles of public office (``lexicon.json``), in file order."""
    return lexicon_words("office_title_heads")


@cache
def _office_heads_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_office_heads(), key=len, reverse=True))


def split_glued_title(text: str, start: int, end: int) -> Candidate | None:
    """``トランプ大統領`` as one span (Sudachi has it as one 人名 token): name and title apart.

    Only titles of public office, and only when at least two characters of name remain.
    """
    surface = text[start:end]
    for head in _office_heads_longest_first():
        if surface.endswith(head) and len(surface) - len(head) >= 2:
            cut = end - len(head)
            title = Span(cut, end, text[cut:end])
            return Candidate(
                start,
                cut,
                EntityLabel.PERSON,
                "Person",
                None,
                "title_rule",
                title=title,
                qualifier=qualifier_after(text, end),
            )
    return None


def attach_titles(
    text: str, tokens: Sequence[ParsedToken], titles: Sequence[ParsedEntity], cands: Sequence[Candidate]
) -> list[Candidate]:
    """PERSON candidates for every title with a name before it (or a model person after it)."""
    office_heads = _office_heads()
    persons_model = [(c.start, c.end) for c in cands if c.label is EntityLabel.PERSON]
    ruler_spans = [(c.start, c.end) for c in cands if c.source == "ruler"]
    out = []
    for title in titles:
        title_span = Span(title.start, title.end, text[title.start : title.end])
        name = find_name_before(
            text,
            tokens,
            title.start,
            person_spans=persons_model,
            blocked=ruler_spans,
            office=title_span.surface.endswith(office_heads),
        )
        if name is None:
            after = [p for p in persons_model if p[0] == title.end]
            if not after:
                continue
            name = after[0]
        out.append(
            Candidate(
                name[0],
                name[1],
                EntityLabel.PERSON,
                "Person",
                None,
                "title_rule",
                title=title_span,
                qualifier=qualifier_after(text, title.end),
            )
        )
    return out


def is_common_noun_person(text: str, tokens: Sequence[ParsedToken], cand: Candidate) -> bool:
    """A model PERSON of kanji common nouns only (no 固有名詞 token): not a name."""
    if cand.source != "model" or cand.label is not EntityLabel.PERSON:
        return False
    inside = tokens_within(tokens, cand.start, cand.end)
    return (
        bool(inside)
        and not any(t.tag.startswith("名詞-固有名詞") for t in inside)
        and KANJI_ONLY.match(text[cand.start : cand.end]) is not None
    )


def speaker_candidates(text: str) -> list[Candidate]:
    """The speakers of ``speaker_persons`` as PERSON candidates (source ``speaker``)."""
    return [
        Candidate(speaker.start, speaker.end, EntityLabel.PERSON, "Person", None, "speaker", speaker.title)
        for speaker in speaker_persons(text)
    ]
