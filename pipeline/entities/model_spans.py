"""What a parsed span is once tidied: the ruler's spans as they are, GiNZA's cut, relabelled or dropped.

GiNZA's spans (ENE labels) need cleaning before they are candidates: footnote digits and
unbalanced brackets at their edges, honorifics after persons, a title glued to a name, an
edition's year or ordinal left out of an event, a country with an area or action word glued on
(日本国内, マレーシア訪問), headings, counts, anaphors and common nouns that are no names. Then
the tokens under and after a span decide a few more things (``read_with_tokens``): a head word
after it, a place GiNZA called a person, a kind of place, a document's edition and its treaty
word or bill suffix.

Offsets are code points into the document text (end exclusive).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.entities.candidates import Candidate, tokens_within
from pipeline.entities.canonical import country_code
from pipeline.entities.data import country_abbreviations, lexicon_words, words
from pipeline.entities.labels import ENE_MAP, head_after, label_by_head
from pipeline.entities.persons import split_glued_title, strip_honorific
from pipeline.entities.places import capital_title_end, locative_end
from pipeline.parse import ParsedEntity, ParsedToken
from pipeline.schema import EntityLabel

__all__ = ["extend_by_head", "from_parse", "read_with_tokens"]

OUR_LABELS = frozenset(label.value for label in EntityLabel)
# Document structure, not names: 第III部, 第2章, 第5条 (GiNZA tags 第III部 Organization_Other).
HEADING = re.compile(r"^第[0-9０-９IVXⅠ-Ⅻ一二三四五六七八九十百]+[部章節項条款]$")
# Counts and ordinals GiNZA calls events (第百九十回 [国会], 計百十二回): a number is no event.
COUNT = re.compile(r"^[第計約]?[0-9０-９一二三四五六七八九十百千]+[回次度]$")
# A footnote number glued to a name written in Japanese script: 日米首脳会談1 → 日米首脳会談.
FOOTNOTE = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff」』])[0-9０-９]{1,2}$")
# 2008年 / 2010 / 第69回 right before an event; 大会 right after one.
EVENT_PREFIX = re.compile(r"(?:[0-9０-９]{4}年?[ 　]?|第[0-9０-９一二三四五六七八九十百]+回)$")
EVENT_SUFFIX = re.compile(r"大会")
ACRONYM = re.compile(r"^[A-Z]{2,8}$")
KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
# Numbers and kana alone are no persons (五十一, GiNZA's persons of hiragana).
NUMBER_OR_KANA = r"|^[\d０-９一二三四五六七八九十百千]+$|^[ぁ-ゖー]+$"
# 第二十九条, 第6条第1項: an article of a law, after the law's name.
ARTICLE = re.compile(r"第[0-9０-９一二三四五六七八九十百]+条(?:第[0-9０-９一二三四五六七八九十百]+項)?")
# 旧 (a repealed law) before a document is a qualifier; 新 names the revised edition.
FORMER = "旧"
REVISED = "新"
OPENERS = "「『（(［[【〔"
CLOSERS = "」』）)］]】〕"
TRIM = " \t\u3000、。，．・"


@dataclass(frozen=True, slots=True)
class _Words:
    """The word classes of ``model_spans.json`` as the patterns that match them."""

    area_suffix: re.Pattern[str]  # 日本国内: (?<=.)(…)$
    action_suffix: re.Pattern[str]  # マレーシア訪問
    generic_places: re.Pattern[str]  # 各国, 海外: the whole span
    not_a_person: re.Pattern[str]  # 中佐, 航空隊, 五十一
    anaphoric: re.Pattern[str]  # 同諸島, 両国, 本協定
    geographic: re.Pattern[str]  # 硫黄島, 首都圏
    activity: re.Pattern[str]  # 国際平和協力活動
    abbreviation_tail: re.Pattern[str]  # 日米両国, 日米間


def _group(key: str) -> str:
    return "(" + "|".join(re.escape(word) for word in words("model_spans.json", key)) + ")"


@cache
def _words() -> _Words:
    prefixes = "".join(words("model_spans.json", "anaphoric_prefixes"))
    return _Words(
        area_suffix=re.compile(f"(?<=.){_group('area_suffixes')}$"),
        action_suffix=re.compile(f"(?<=.){_group('action_suffixes')}$"),
        generic_places=re.compile(f"^{_group('generic_places')}$"),
        not_a_person=re.compile(f"{_group('not_a_person_heads')}${NUMBER_OR_KANA}"),
        anaphoric=re.compile(f"^[{prefixes}]{_group('anaphoric_nouns')}$"),
        geographic=re.compile(f"(?<=.){_group('geographic_heads')}$"),
        activity=re.compile(f"{_group('activity_heads')}$"),
        abbreviation_tail=re.compile(f"{_group('abbreviation_tails')}$"),
    )


def from_parse(text: str, ent: ParsedEntity) -> Candidate | None:
    """A candidate from one parsed span (ruler or model), or None when it is not ours.

    The ruler's spans carry our labels and ``subtype|canonical`` in ``ent_id``; GiNZA's go
    through ``model_candidate``.
    """
    if ent.label in OUR_LABELS:
        subtype, _, canonical = ent.ent_id.partition("|")
        return Candidate(ent.start, ent.end, EntityLabel(ent.label), subtype or None, canonical or None, "ruler")
    return model_candidate(text, ent)


def model_candidate(text: str, ent: ParsedEntity) -> Candidate | None:
    """GiNZA's span mapped (``ENE_MAP``), tidied and checked, or None when it names nothing of ours."""
    label = ENE_MAP.get(ent.label)
    if label is None:
        return None
    start, end = tidy(text, ent.start, ent.end, label)
    if label is EntityLabel.LOCATION:
        start = capital_title_end(text, start, end)  # 首都ジュバ → ジュバ
        end = locative_end(text, start, end)  # 平壌近郊 → 平壌
    if start >= end:
        return None
    surface = unicodedata.normalize("NFKC", text[start:end])
    if is_no_name(surface, ent.label, label):
        return None
    place = _country_before_suffix(text, start, end, surface)
    if place is not None:
        cut, code = place
        return Candidate(start, cut, EntityLabel.LOCATION, "Country", code, "model") if code is not None else None
    return _named(text, ent.label, start, end, surface, label)


def tidy(text: str, start: int, end: int, label: EntityLabel) -> tuple[int, int]:
    """Cut footnote digits, unbalanced brackets and stray punctuation off a model span."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    # a bracket at an edge whose partner is not inside the span
    for _ in range(2):
        surface = text[start:end]
        if surface and surface[0] in OPENERS and CLOSERS[OPENERS.index(surface[0])] not in surface:
            start += 1
        surface = text[start:end]
        if surface and surface[-1] in CLOSERS and OPENERS[CLOSERS.index(surface[-1])] not in surface:
            end -= 1
    if label is not EntityLabel.PRODUCT:
        match = FOOTNOTE.search(text[start:end])
        if match and match.start() > 0:
            end = start + match.start()
    if label is EntityLabel.PERSON:
        end = strip_honorific(text, start, end)
    return start, end


def is_no_name(surface: str, ene_label: str, label: EntityLabel) -> bool:
    """Headings, counts, bare country abbreviations, anaphors, generic places, common nouns.

    ``surface`` is the tidied span (NFKC). GiNZA's Product_Other on an all-kanji compound is a
    common noun (拉致問題解決); an activity is no body and no product (国際平和協力活動,
    ウラン濃縮活動). Generic places (各国, 海外) end in no area or action word, so they are
    told apart before ``_country_before_suffix`` looks at those.
    """
    return bool(
        HEADING.match(surface)
        or COUNT.match(surface)
        or is_abbreviation_combo(surface)
        or not re.search(r"\w", surface)
        or _words().anaphoric.match(surface)
        or (ene_label == "Product_Other" and KANJI_ONLY.match(surface))
        or (label in (EntityLabel.ORG, EntityLabel.PRODUCT) and _words().activity.search(surface))
        or _words().generic_places.match(surface)
    )


def is_abbreviation_combo(surface: str) -> bool:
    """日米, 日米両国, 日米間: country abbreviations only (optional in gold; never output)."""
    kanji = {k for k in country_abbreviations() if len(k) == 1}
    core = _words().abbreviation_tail.sub("", surface)
    return bool(core) and all(ch in kanji for ch in core)


def _country_before_suffix(text: str, start: int, end: int, surface: str) -> tuple[int, str | None] | None:
    """(end, ISO code) of a country with an area or action word glued on, or None when there is none.

    日本国内, 中国全土: the country is the entity, the area word is not part of its name (the span
    is left alone when no country comes before the area word). マレーシア訪問, グアム移転: a place
    and what happens there; the place is the entity, and a place that is no country is dropped
    (code None).
    """
    if len(surface) != end - start:
        return None
    area = _words().area_suffix.search(surface)
    if area is not None and country_code(surface[: area.start()]):
        return start + area.start(), country_code(surface[: area.start()])
    action = _words().action_suffix.search(surface)
    if action is not None:
        cut = start + action.start()
        return cut, country_code(text[start:cut])
    return None


def _named(text: str, ene_label: str, start: int, end: int, surface: str, label: EntityLabel) -> Candidate | None:
    """The candidate of a model span that names something: persons checked, label by head, edges."""
    if label is EntityLabel.PERSON:
        if len(surface) == end - start:
            split = split_glued_title(text, start, end)
            if split is not None:
                return split
        if _words().not_a_person.search(surface):
            return None
        if ACRONYM.match(surface):
            label = EntityLabel.ORG  # ＵＮＭＩＳＳ: an acronym names a body, not a person
    label = label_by_head(surface, label)
    if label is EntityLabel.DOCUMENT:
        end = _law_of_article(text, start, end)
        if not _is_document_name(text[start:end]):
            return None
    if label is EntityLabel.EVENT:
        start, end = _widen_event(text, start, end)
    code = country_code(surface)
    if code is not None:
        # a country name is a country whatever the model thought (カメルーン tagged Person)
        return Candidate(start, end, EntityLabel.LOCATION, "Country", code, "model")
    return Candidate(start, end, label, ene_label, None, "model")


def _widen_event(text: str, start: int, end: int) -> tuple[int, int]:
    """An edition's year or ordinal before an event and 大会 after it are part of its name.

    GiNZA leaves them out (2008年北京オリンピック, 第69回全日本大学バスケットボール選手権大会).
    """
    before = EVENT_PREFIX.search(text, max(0, start - 12), start)
    if before is not None:
        start = before.start()
    after = EVENT_SUFFIX.match(text, end)
    if after is not None:
        end = after.end()
    return start, end


def _law_of_article(text: str, start: int, end: int) -> int:
    """The end of the law in a reference to one of its articles (財政法第二十九条 → 財政法)."""
    match = ARTICLE.search(text, start, end)
    if match is not None and match.end() == end and match.start() > start and text[match.start() - 1] == "法":
        return match.start()
    return end


def _is_document_name(surface: str) -> bool:
    """A model span is a document when its head names one (…法, …条約) or it is an acronym (ＣＴＢＴ).

    GiNZA's Treaty/Law spans without such a head are mostly common nouns (海洋秩序, 憲法上,
    九条二項); evidence: the ner-wikipedia dev split, where none of them was a name.
    """
    folded = unicodedata.normalize("NFKC", surface)
    return folded.endswith(lexicon_words("model_document_heads")) or bool(ACRONYM.match(folded))


def extend_by_head(text: str, tokens: Sequence[ParsedToken], by_start: dict[int, int], cand: Candidate) -> Candidate:
    """A model span right before a head word takes it in (マレーシア + 航空, 横浜 + 港)."""
    if cand.source != "model" or cand.label not in (EntityLabel.LOCATION, EntityLabel.ORG):
        return cand
    k = by_start.get(cand.end)
    head = head_after(text, tokens, k) if k is not None else None
    if head is None or head[1] not in ("ORG", "FACILITY"):
        return cand
    return Candidate(cand.start, head[0], EntityLabel(head[1]), cand.subtype, None, "model")


def read_with_tokens(
    text: str, tokens: Sequence[ParsedToken], index: dict[int, int], cands: Sequence[Candidate]
) -> list[Candidate]:
    """Decisions that need the tokens under a span (``index``: token start -> position).

    - GiNZA's person made of Sudachi place names right after a country is a place
      (米国ワシントン: ワシントン LOCATION);
    - GiNZA's country made of common nouns (友好国, 同盟国, 近隣国) is a kind of country, not one;
    - a document's edition, treaty word and bill suffix (``_document_with_tokens``), and a
      DOCUMENT ending in 合意 followed by a verb is a predicate (日米合意した), not a document.
    """
    ends = {c.end: c for c in cands if c.label is EntityLabel.LOCATION}
    out = []
    for cand in cands:
        inside = tokens_within(tokens, cand.start, cand.end)
        if cand.source == "model" and cand.label is EntityLabel.PERSON and inside:
            places = all(t.tag.startswith("名詞-固有名詞-地名") for t in inside)
            if places and cand.start in ends:
                cand = Candidate(cand.start, cand.end, EntityLabel.LOCATION, "City", None, "model")
        if cand.source == "model" and cand.label is EntityLabel.LOCATION and _common_noun_place(text, inside, cand):
            continue
        if cand.label is EntityLabel.DOCUMENT:
            k = index.get(cand.end)
            document = _document_with_tokens(text, tokens, index, cand, tokens[k] if k is not None else None)
            if document is None:
                continue
            cand = document
        out.append(cand)
    return out


def _document_with_tokens(
    text: str, tokens: Sequence[ParsedToken], index: dict[int, int], cand: Candidate, after: ParsedToken | None
) -> Candidate | None:
    """A DOCUMENT's edition, treaty word and 案; None for 合意 used as a verb (``after``: the next token)."""
    cand = _document_edition(text, tokens, index, cand)
    if after is not None and after.start == cand.end:
        cand = _with_treaty_word(text, tokens, index[after.start], cand)
        if text[cand.start : cand.end].endswith("法") and text[after.start : after.end] == "案":
            # 税制抜本改革法案: a bill is named with its 案 (ner-wikipedia: 4 of 4 bills)
            cand = Candidate(cand.start, after.end, cand.label, cand.subtype, cand.canonical, cand.source)
    if (
        text[cand.start : cand.end].endswith("合意")
        and after is not None
        and after.start == cand.end
        and after.tag.startswith("動詞")
    ):
        return None
    return cand


def _document_edition(text: str, tokens: Sequence[ParsedToken], index: dict[int, int], cand: Candidate) -> Candidate:
    """旧 and 新 before a document's name: 旧 is left out, 新 is taken in.

    旧 marks a repealed law and is no part of its name (旧テロ対策特別措置法 → テロ対策特別措置法);
    新 names the revised edition (新ガイドライン, 新中期防: the established names of the new
    guidelines and plan, as the gold has them).
    """
    k = index.get(cand.start)
    if k is None:
        return cand
    first = text[tokens[k].start : tokens[k].end]
    if first == FORMER and tokens[k].end < cand.end:
        return Candidate(tokens[k].end, cand.end, cand.label, cand.subtype, cand.canonical, cand.source)
    prev = tokens[k - 1] if k > 0 else None
    before = tokens[k - 2] if k > 1 else None
    if (
        prev is not None
        and text[prev.start : prev.end] == REVISED
        and prev.end == cand.start
        and not tokens[k].sent_start
        and (before is None or before.end != prev.start or not before.tag.startswith(("名詞", "接頭辞")))
    ):
        return Candidate(prev.start, cand.end, cand.label, cand.subtype, cand.canonical, cand.source)
    return cand


def _common_noun_place(text: str, inside: Sequence[ParsedToken], cand: Candidate) -> bool:
    """GiNZA's place made of kanji common nouns only: a kind of place or no place at all.

    友好国, 同盟国 (kinds of countries), 円安, 派兵, 首都 (no places): on the ner-wikipedia dev split
    8 of 64 such spans were places, all ending in a geographic word (硫黄島, 首都圏, 湖水地方).
    """
    surface = text[cand.start : cand.end]
    if not inside or any(t.tag.startswith("名詞-固有名詞") for t in inside) or country_code(surface):
        return False
    return KANJI_ONLY.match(surface) is not None and _words().geographic.search(surface) is None


def _with_treaty_word(text: str, tokens: Sequence[ParsedToken], k: int, cand: Candidate) -> Candidate:
    """ＲＣＥＰ協定, ＴＰＰ協定: an agreement's acronym and the treaty word after it are one name."""
    word = text[tokens[k].start : tokens[k].end]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    compound = nxt is not None and nxt.start == tokens[k].end and nxt.tag.startswith(("名詞", "接尾辞"))
    surface = unicodedata.normalize("NFKC", text[cand.start : cand.end])
    if word in ("協定", "条約") and not compound and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", surface):
        return Candidate(cand.start, tokens[k].end, cand.label, cand.subtype, cand.canonical, cand.source)
    return cand
