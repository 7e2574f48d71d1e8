"""Stage 4: named entities: GiNZA's NER behind a domain layer, mapped to the seven labels.

``configure_nlp`` adds the domain ruler (``ruler.py``) before GiNZA's ``ner``; ``find_entities``
reads the parse back as records and applies the rules of ANNOTATION.md (Entities):

1. ruler entities keep their label, subtype and canonical name; GiNZA's ENE labels go through
   ``labels.ENE_MAP`` (the ENE label becomes ``subtype``; unmapped labels are dropped);
2. spans are tidied: footnote digits glued to a name (日米首脳会談1) and unbalanced brackets are
   cut off, honorifics (氏, 君) leave person names; headings (第III部) and bare country
   abbreviations (日米) are not entities;
3. persons with titles (``persons.py``): the ruler's titles are attached to the name before them,
   with ``(当時)`` as qualifier; Diet speaker lines give their speaker;
4. canonical names (``canonical.py``): ISO codes for countries, gazetteer canonical names, and
   short names defined in the text resolved to their full name (every later mention included);
5. overlaps are resolved (rules over the ruler over the model, then longer spans).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.entities.bodies import body_meetings, body_prefixes, place_named_bodies, resolutions
from pipeline.entities.candidates import Candidate, tokens_within
from pipeline.entities.canonical import ShortName, country_code, elided_prefix_names, find_definitions
from pipeline.entities.coordination import coordinated_units, elided_meeting_heads, joined_events
from pipeline.entities.data import heads, lexicon
from pipeline.entities.equipment import designators, ship_names
from pipeline.entities.filters import is_not_a_name
from pipeline.entities.labels import ENE_MAP, map_ene_entities
from pipeline.entities.meetings import numbered_meetings, referendums, sessions
from pipeline.entities.names import assembled_names, quoted_names
from pipeline.entities.persons import (
    find_name_before,
    qualifier_after,
    speaker_persons,
    strip_honorific,
)
from pipeline.entities.places import (
    capital_title_end,
    country_list,
    facility_areas,
    located_places,
    locative_end,
    replacement_facilities,
    sea_names,
    zones,
)
from pipeline.entities.ruler import TITLE_LABEL, add_ruler, ruler_fingerprint
from pipeline.entities.statutes import later_statute_mentions, named_laws, statute_titles
from pipeline.parse import ParsedDoc, ParsedEntity, ParsedToken
from pipeline.schema import Entity, EntityLabel, Sentence, Span

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["configure_nlp", "find_entities", "fingerprint", "map_ene_entities"]

OUR_LABELS = frozenset(label.value for label in EntityLabel)
# Document structure, not names: 第III部, 第2章, 第5条 (GiNZA tags 第III部 Organization_Other).
HEADING = re.compile(r"^第[0-9０-９IVXⅠ-Ⅻ一二三四五六七八九十百]+[部章節項条款]$")
# Counts and ordinals GiNZA calls events (第百九十回 [国会], 計百十二回): a number is no event.
COUNT = re.compile(r"^[第計約]?[0-9０-９一二三四五六七八九十百千]+[回次度]$")
# A footnote number glued to a name written in Japanese script: 日米首脳会談1 → 日米首脳会談.
FOOTNOTE = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff」』])[0-9０-９]{1,2}$")
# 2008年 / 2010 / 第69回 right before an event; 大会 right after one.
EVENT_PREFIX = re.compile(r"(?:[0-9０-９]{4}年?[ 　]?|第[0-9０-９一二三四五六七八九十百]+回)$")
# 第二回東アジア首脳会議: an edition's ordinal belongs to a meeting the gazetteer or a rule named.
ORDINAL_PREFIX = re.compile(r"第[0-9０-９一二三四五六七八九十百]+回$")
EVENT_SUFFIX = re.compile(r"大会")
# Area words after a country (日本国内, 中国全土) and collective words GiNZA calls countries.
AREA_SUFFIX = re.compile(r"(?<=.)(国内|国外|全土|各地|国民)$")
GENERIC_PLACES = re.compile(r"^(多国籍|多国間|二国間|各国|諸国|全国|両国|外国|他国|自国|海外)$")
# What happens at a place, glued to it by GiNZA (マレーシア訪問, グアム移転).
ACTION_SUFFIX = re.compile(r"(?<=.)(訪問|訪日|訪米|移転|移設|派遣|寄港|視察|出張|再編)$")
# GiNZA's "persons" that are ranks, posts or numbers (中佐, 曹, 即応予備自衛官, 航空隊, 五十一).
NOT_A_PERSON = re.compile(
    r"(大将|中将|少将|大佐|中佐|少佐|大尉|中尉|少尉|准尉|曹長|曹|士長|自衛官|隊員|隊|部隊|大臣|長官|知事)$"
    r"|^[\d０-９一二三四五六七八九十百千]+$|^[ぁ-ゖー]+$"
)
ACRONYM = re.compile(r"^[A-Z]{2,8}$")
# Era names are parts of dates (the dates stage's), never organizations.
ERA_NAMES = frozenset(("明治", "大正", "昭和", "平成", "令和"))
# 同諸島, 同飛行場, 両国, 本協定: anaphoric references, not names.
# Only a generic noun after the prefix: 本田, 同志社大学 and 当麻 are names.
ANAPHORIC = re.compile(
    r"^[同両本当該各](国|諸島|島|飛行場|基地|施設|会合|会談|会議|協定|条約|合意|共同発表|共同声明|声明"
    r"|政府|首脳|地域|計画|法|委員会|機構|社|大会|市|県|町|村|港|空港|部隊|軍|氏)$"
)
KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
# Geographic words that end place names even when Sudachi has no proper noun in them.
GEOGRAPHIC = re.compile(r"(?<=.)(川|島|湖|山|岳|地方|圏|半島|諸島|列島|海|湾|峡|州|県|市|町|村|区|郡)$")
ACTIVITY = re.compile(r"(活動|行動|作業|事業)$")
# 第二十九条, 第6条第1項: an article of a law, after the law's name.
ARTICLE = re.compile(r"第[0-9０-９一二三四五六七八九十百]+条(?:第[0-9０-９一二三四五六七八九十百]+項)?")
# 旧 (a repealed law) before a document is a qualifier; 新 names the revised edition.
FORMER = "旧"
REVISED = "新"
OPENERS = "「『（(［[【〔"
CLOSERS = "」』）)］]】〕"
TRIM = " \t\u3000、。，．・"


def configure_nlp(nlp: Language) -> None:
    """Add the domain layer (an EntityRuler) to a loaded GiNZA pipeline, before its ``ner``."""
    add_ruler(nlp, before="ner" if "ner" in nlp.pipe_names else None)


def fingerprint() -> str:
    """Hash of everything ``configure_nlp`` adds (ruler code version, data, patterns): a cache key part."""
    # the stage's own version is left out: a change in the rules after the parse must not
    # invalidate cached parses
    digest = hashlib.sha256(f"entities-ruler:{ruler_fingerprint()}".encode())
    return digest.hexdigest()[:16]


def _tidy(text: str, start: int, end: int, label: EntityLabel) -> tuple[int, int]:
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


def _is_abbreviation_combo(surface: str) -> bool:
    """日米, 日米両国, 日米間: country abbreviations only (optional in gold; never output)."""
    kanji = {k for k in lexicon()["country_abbreviations"] if len(k) == 1}
    core = re.sub(r"(両国|両政府|両首脳|間|側|両)$", "", surface)
    return bool(core) and all(ch in kanji for ch in core)


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


def _split_glued_title(text: str, start: int, end: int) -> Candidate | None:
    """``トランプ大統領`` as one span (Sudachi has it as one 人名 token): name and title apart.

    Only titles of public office, and only when at least two characters of name remain.
    """
    surface = text[start:end]
    for head in sorted(lexicon()["office_title_heads"]["heads"], key=len, reverse=True):
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


def _extend_by_head(text: str, tokens: Sequence[ParsedToken], by_start: dict[int, int], cand: Candidate) -> Candidate:
    """A model span right before a head word takes it in (マレーシア + 航空, 横浜 + 港)."""
    if cand.source != "model" or cand.label not in (EntityLabel.LOCATION, EntityLabel.ORG):
        return cand
    k = by_start.get(cand.end)
    head = _head_after(text, tokens, k) if k is not None else None
    if head is None or head[1] not in ("ORG", "FACILITY"):
        return cand
    return Candidate(cand.start, head[0], EntityLabel(head[1]), cand.subtype, None, "model")


def _label_by_head(surface: str, label: EntityLabel) -> EntityLabel:
    """The label the last word of a model span asks for (``data/heads.tsv``), else ``label``.

    Japanese names are right-headed: ギブソン・ギター・コーポレーション is a company whatever the
    model thought, 熊本城 a facility, FIFAワールドカップ an event. One-character heads need two
    characters before them (香港 and 宮城 are no port and no castle).
    """
    for head, head_label in heads():
        if surface.endswith(head) and len(surface) >= len(head) + (2 if len(head) == 1 else 1):
            return EntityLabel(head_label)
    return label


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
    return folded.endswith(tuple(lexicon()["model_document_heads"]["heads"])) or bool(ACRONYM.match(folded))


def _from_parse(text: str, ent: ParsedEntity) -> Candidate | None:
    """A candidate from one parsed span (ruler or model), or None when it is not ours."""
    if ent.label in OUR_LABELS:
        subtype, _, canonical = ent.ent_id.partition("|")
        return Candidate(ent.start, ent.end, EntityLabel(ent.label), subtype or None, canonical or None, "ruler")
    label = ENE_MAP.get(ent.label)
    if label is None:
        return None
    start, end = _tidy(text, ent.start, ent.end, label)
    if label is EntityLabel.LOCATION:
        start = capital_title_end(text, start, end)  # 首都ジュバ → ジュバ
        end = locative_end(text, start, end)  # 平壌近郊 → 平壌
    if start >= end:
        return None
    surface = unicodedata.normalize("NFKC", text[start:end])
    if (
        HEADING.match(surface)
        or COUNT.match(surface)
        or _is_abbreviation_combo(surface)
        or not re.search(r"\w", surface)
    ):
        return None
    if ANAPHORIC.match(surface):
        return None
    if ent.label == "Product_Other" and KANJI_ONLY.match(surface):
        # GiNZA's Product_Other on an all-kanji compound is a common noun (拉致問題解決)
        return None
    if label in (EntityLabel.ORG, EntityLabel.PRODUCT) and ACTIVITY.search(surface):
        # 国際平和協力活動, ウラン濃縮活動: an activity, not a body or a product
        return None
    area = AREA_SUFFIX.search(surface)
    if area is not None and len(surface) == end - start and country_code(surface[: area.start()]):
        # 日本国内, 中国全土: the country is the entity, the area word is not part of its name
        end = start + area.start()
        return Candidate(start, end, EntityLabel.LOCATION, "Country", country_code(surface[: area.start()]), "model")
    if GENERIC_PLACES.match(surface):
        return None
    action = ACTION_SUFFIX.search(surface)
    if action is not None and len(surface) == end - start:
        # マレーシア訪問, グアム移転: a place and what happens there; the place is the entity
        end = start + action.start()
        code = country_code(text[start:end])
        if code is None:
            return None
        return Candidate(start, end, EntityLabel.LOCATION, "Country", code, "model")
    if label is EntityLabel.PERSON and len(surface) == end - start:
        split = _split_glued_title(text, start, end)
        if split is not None:
            return split
    if label is EntityLabel.PERSON and NOT_A_PERSON.search(surface):
        return None
    if label is EntityLabel.PERSON and ACRONYM.match(surface):
        label = EntityLabel.ORG  # ＵＮＭＩＳＳ: an acronym names a body, not a person
    label = _label_by_head(surface, label)
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
    return Candidate(start, end, label, ent.label, None, "model")


def _refine(text: str, tokens: Sequence[ParsedToken], cands: list[Candidate]) -> list[Candidate]:
    """Decisions that need the tokens under a span.

    - GiNZA's person made of Sudachi place names right after a country is a place
      (米国ワシントン: ワシントン LOCATION);
    - GiNZA's country made of common nouns (友好国, 同盟国, 近隣国) is a kind of country, not one;
    - a DOCUMENT ending in 合意 followed by a verb is a predicate (日米合意した), not a document.
    """
    index = {t.start: i for i, t in enumerate(tokens)}
    ends = {c.end: c for c in cands if c.label is EntityLabel.LOCATION}
    out = []
    for cand in cands:
        inside = tokens_within(tokens, cand.start, cand.end)
        k = index.get(cand.end)
        after = tokens[k] if k is not None else None
        if cand.source == "model" and cand.label is EntityLabel.PERSON and inside:
            places = all(t.tag.startswith("名詞-固有名詞-地名") for t in inside)
            if places and cand.start in ends:
                cand = Candidate(cand.start, cand.end, EntityLabel.LOCATION, "City", None, "model")
        if cand.source == "model" and cand.label is EntityLabel.LOCATION and _common_noun_place(text, inside, cand):
            continue
        if cand.label is EntityLabel.DOCUMENT:
            cand = _document_edition(text, tokens, index, cand)
        if cand.label is EntityLabel.DOCUMENT and after is not None and after.start == cand.end:
            cand = _with_treaty_word(text, tokens, index[after.start], cand)
            if text[cand.start : cand.end].endswith("法") and text[after.start : after.end] == "案":
                # 税制抜本改革法案: a bill is named with its 案 (ner-wikipedia: 4 of 4 bills)
                cand = Candidate(cand.start, after.end, cand.label, cand.subtype, cand.canonical, cand.source)
        if (
            cand.label is EntityLabel.DOCUMENT
            and text[cand.start : cand.end].endswith("合意")
            and after is not None
            and after.start == cand.end
            and after.tag.startswith("動詞")
        ):
            continue
        out.append(cand)
    return out


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
    return KANJI_ONLY.match(surface) is not None and GEOGRAPHIC.search(surface) is None


def _common_noun_person(text: str, tokens: Sequence[ParsedToken], cand: Candidate) -> bool:
    """A model PERSON of kanji common nouns only (no 固有名詞 token): not a name."""
    if cand.source != "model" or cand.label is not EntityLabel.PERSON:
        return False
    inside = tokens_within(tokens, cand.start, cand.end)
    return (
        bool(inside)
        and not any(t.tag.startswith("名詞-固有名詞") for t in inside)
        and KANJI_ONLY.match(text[cand.start : cand.end]) is not None
    )


def _with_treaty_word(text: str, tokens: Sequence[ParsedToken], k: int, cand: Candidate) -> Candidate:
    """ＲＣＥＰ協定, ＴＰＰ協定: an agreement's acronym and the treaty word after it are one name."""
    word = text[tokens[k].start : tokens[k].end]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    compound = nxt is not None and nxt.start == tokens[k].end and nxt.tag.startswith(("名詞", "接尾辞"))
    surface = unicodedata.normalize("NFKC", text[cand.start : cand.end])
    if word in ("協定", "条約") and not compound and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", surface):
        return Candidate(cand.start, tokens[k].end, cand.label, cand.subtype, cand.canonical, cand.source)
    return cand


def _attach_titles(
    text: str, tokens: Sequence[ParsedToken], titles: Sequence[ParsedEntity], cands: list[Candidate]
) -> list[Candidate]:
    """PERSON candidates for every title with a name before it (or a model person after it)."""
    office_heads = tuple(lexicon()["office_title_heads"]["heads"])
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


def _head_after(text: str, tokens: Sequence[ParsedToken], k: int) -> tuple[int, str] | None:
    """(end, label) when token ``k`` is a head word of ``data/heads.tsv`` (駅, 空港, 高校...)."""
    if k >= len(tokens) or not tokens[k].tag.startswith(("名詞", "接尾辞")):
        return None
    word = text[tokens[k].start : tokens[k].end]
    for head, label in heads():
        if word == head:
            return tokens[k].end, label
    return None


def _proper_noun_runs(text: str, tokens: Sequence[ParsedToken], taken: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Names the model left out, read off Sudachi's proper-noun tags (lowest priority).

    A run of adjacent 固有名詞 tokens that no entity overlaps becomes: PERSON when it is made of
    人名 tokens with a 姓 or 名 in it (not 人名-一般 alone: mostly katakana words); LOCATION when it
    is one country name; ORG (or what its head word says) when it is 固有名詞-一般 tokens (company
    and body names Sudachi knows: 日本航空, 日活). Evidence: on the ner-wikipedia dev split such
    runs are names about half the time, well above what an addition needs to raise F1.
    """
    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].tag.startswith("名詞-固有名詞"):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and tokens[j + 1].tag.startswith("名詞-固有名詞")
            and tokens[j + 1].start == tokens[j].end
        ):
            j += 1
        run = tokens[i : j + 1]
        i = j + 1
        start, end = run[0].start, run[-1].end
        if any(a < end and start < b for a, b in taken):
            continue
        tags = [t.tag for t in run]
        surface = text[start:end]
        head = _head_after(text, tokens, j + 1)
        head_free = head is not None and not any(a < head[0] and end < b for a, b in taken)
        if head is not None and head_free and surface not in ERA_NAMES:
            # 会津若松駅, 浜松オートレース場: a proper noun and a head word make a name
            out.append(Candidate(start, head[0], EntityLabel(head[1]), "Proper_Noun_Head", None, "token"))
            continue
        person = all(t.startswith("名詞-固有名詞-人名") for t in tags)
        glued = _split_glued_title(text, start, end) if person else None
        if glued is not None:
            out.append(glued)
        elif person and any(t.endswith(("-姓", "-名")) for t in tags):
            out.append(Candidate(start, end, EntityLabel.PERSON, "Person", None, "token"))
        elif len(run) == 1 and tags[0].startswith("名詞-固有名詞-地名-国") and country_code(surface):
            code = country_code(surface)
            out.append(Candidate(start, end, EntityLabel.LOCATION, "Country", code, "token"))
        elif (
            all(t.startswith("名詞-固有名詞-一般") for t in tags)
            and re.search(r"[^\W\d_]{2}", surface)
            and surface not in ERA_NAMES
        ):
            label = _label_by_head(surface, EntityLabel.ORG)
            out.append(Candidate(start, end, label, "Proper_Noun", None, "token"))
    return out


def _resolve_overlaps(cands: Sequence[Candidate]) -> list[Candidate]:
    """Keep the best of overlapping candidates: higher priority, then longer, then earlier."""
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if all(cand.end <= k.start or k.end <= cand.start for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _token_bounds(tokens: Sequence[ParsedToken]) -> tuple[set[int], set[int]]:
    return {t.start for t in tokens}, {t.end for t in tokens}


def _unit_tails(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[ShortName]:
    """A unit named in full is later called by its type: 派遣海賊対処行動航空隊 … 航空隊, 水上部隊."""
    tails = []
    for cand in cands:
        if cand.subtype != "Military_Unit" or cand.source != "ruler":
            continue
        inside = tokens_within(tokens, cand.start, cand.end)
        if len(inside) < 3:
            continue
        full = text[cand.start : cand.end]
        for n in (1, 2):
            start = inside[-n].start
            tail = text[start : cand.end]
            if len(tail) >= 3 and tail != "部隊":
                tails.append(ShortName(tail, full, start, cand.end))
    return tails


def _apply_definitions(
    text: str, tokens: Sequence[ParsedToken], cands: list[Candidate], later: Sequence[ShortName] = ()
) -> list[Candidate]:
    """Short names defined in the text: canonical = the full name, later mentions added.

    ``later`` are names whose later mentions are entities too (units named in a list).
    """
    spans = [(c.start, c.end, c.canonical or text[c.start : c.end]) for c in cands if c.label is not EntityLabel.PERSON]
    definitions = find_definitions(text, spans)
    named = [(c.start, c.end) for c in cands if c.label in (EntityLabel.EVENT, EntityLabel.DOCUMENT)]
    elided = elided_prefix_names(text, named) + _unit_tails(text, tokens, cands) + list(later)
    if not definitions and not elided:
        return cands
    starts, ends = _token_bounds(tokens)
    label_of = {(c.canonical or text[c.start : c.end]): c.label for c in cands}
    out = list(cands)
    for definition in [*definitions, *elided]:
        label = label_of.get(definition.full)
        if label is None:
            continue
        # a definition's own mention is an entity; an elided name only counts after the full one
        position = definition.start if definition in definitions else text.find(definition.short, definition.end)
        while position >= 0:
            start, end = position, position + len(definition.short)
            aligned = (start in starts or start == definition.start) and (end in ends or end == definition.end)
            if aligned:
                same = [c for c in out if c.start == start and c.end == end]
                inside = any(c.start < end and start < c.end for c in out if c not in same)
                for c in same:
                    c.canonical = definition.full
                    if start == definition.start and definition in definitions:
                        # the defining mention names what it is defined for (…閣僚会議、通称ＡＰＥＣ:
                        # the meeting, not the body)
                        c.label = label
                if not same and not inside:
                    out.append(Candidate(start, end, label, "Short_Name", definition.full, "definition"))
            position = text.find(definition.short, end)
    return out


def _names_from_neighbours(text: str, tokens: Sequence[ParsedToken], cands: Sequence[Candidate]) -> list[Candidate]:
    """Names read off the words around other names or from word patterns of the domain.

    Councils named for a place (普天間飛行場負担軽減推進会議), a body's meeting with its full name
    (アジア太平洋経済協力閣僚会議), specific UN resolutions (総会決議案), a body inside a word
    (人事院勧告), numbered meetings of a project (歴史共同研究第一回会合), referendums held
    (行われた県民投票), designators before a class noun (Ｆ２戦闘機), ships' names (輸送艦「おおすみ」).
    """
    return [
        *place_named_bodies(text, tokens, cands),
        *body_meetings(text, tokens, cands),
        *resolutions(text, tokens),
        *body_prefixes(text, tokens, cands),
        *numbered_meetings(text, tokens),
        *referendums(text, tokens),
        *designators(text, tokens),
        *ship_names(text),
    ]


def find_entities(text: str, parsed: ParsedDoc, *, sentences: Sequence[Sentence] = ()) -> tuple[Entity, ...]:
    """Entities of ``text`` from its GiNZA parse (domain ruler included), per ANNOTATION.md.

    Args:
        text: the document text; every offset below indexes it (code points, end exclusive).
        parsed: GiNZA's parse of ``text`` as records (ruler spans carry our labels, model spans
            ENE labels).
        sentences: unused for now (kept for the stage interface).

    Returns:
        Entities sorted by offset, ids ``e0``, ``e1``...; PERSON entities carry ``title`` and
        ``title_qualifier`` spans. Nothing is raised for odd input: spans that do not fit are
        dropped.
    """
    del sentences
    cands: list[Candidate] = []
    titles: list[ParsedEntity] = []
    for ent in parsed.entities:
        if not (0 <= ent.start < ent.end <= len(text)):
            continue
        if ent.label == TITLE_LABEL:
            titles.append(ent)
            continue
        listed = country_list(text, ent.start, ent.end) if ENE_MAP.get(ent.label) is not None else None
        if listed is not None:
            # エジプト・イスラエル: countries joined by a middle dot are several places (even as a "person")
            cands.extend(Candidate(a, b, EntityLabel.LOCATION, "Country", code, "model") for a, b, code in listed)
            continue
        cand = _from_parse(text, ent)
        if cand is not None:
            cands.append(cand)
    by_start = {t.start: i for i, t in enumerate(parsed.tokens)}
    cands = [_extend_by_head(text, parsed.tokens, by_start, c) for c in cands]
    cands = _refine(text, parsed.tokens, cands)
    cands.extend(_attach_titles(text, parsed.tokens, titles, cands))
    # once titles have taken their names, GiNZA's persons made of kanji common nouns (元首, 代官,
    # 慰安婦) are words, not names: on the ner-wikipedia dev split 15 of 81 were persons
    cands = [c for c in cands if not _common_noun_person(text, parsed.tokens, c)]
    for speaker in speaker_persons(text):
        cands.append(
            Candidate(speaker.start, speaker.end, EntityLabel.PERSON, "Person", None, "speaker", speaker.title)
        )
    # places the parse leaves out: seas (日本海洋上), zones over them, places before a locative
    # noun (元山付近), a base's place before a direction (嘉手納以南)
    cands.extend(sea_names(text, parsed.tokens, cands))
    cands.extend(zones(text, parsed.tokens, cands))
    cands.extend(facility_areas(text, cands))
    cands.extend(replacement_facilities(text, parsed.tokens, cands))
    cands.extend(located_places(text, parsed.tokens, cands))
    # a title is never (part of) another entity
    title_spans = [(c.title.start, c.title.end) for c in cands if c.title is not None]
    # every span GiNZA labelled, kept or dropped (平成 in a Date), is no bare proper noun
    taken = [(c.start, c.end) for c in cands] + [(e.start, e.end) for e in parsed.entities]
    # names assembled from the parse; a piece of a gazetteer name (インド太平洋戦略 inside
    # 自由で開かれたインド太平洋戦略) is not one
    known = [
        (c.start, c.end) for c in cands if c.source == "ruler" and c.label in (EntityLabel.DOCUMENT, EntityLabel.EVENT)
    ]
    # ... and a name the gazetteer labels itself (国家安全保障会議 is an ORG) keeps its label
    ruler_spans = {(c.start, c.end) for c in cands if c.source == "ruler"}
    bodies = [(c.start, c.end) for c in cands if c.label is EntityLabel.ORG and c.source in ("ruler", "model")]
    cands.extend(
        Candidate(n.start, n.end, n.label, n.subtype, None, "name_rule")
        for n in [*assembled_names(text, parsed.tokens, bodies=bodies), *quoted_names(text, parsed.tokens)]
        if not any(a <= n.start and n.end <= b and (a, b) != (n.start, n.end) for a, b in known)
        and (n.start, n.end) not in ruler_spans
    )
    # statute and bill titles (…に関する特別措置法の一部を改正する法律案), and the kind of law used
    # alone for a title named before (特別措置法)
    statutes = statute_titles(text, parsed.tokens)
    cands.extend(
        Candidate(t.start, t.end, EntityLabel.DOCUMENT, "Bill" if t.head.endswith("案") else "Law", None, "name_rule")
        for t in statutes
    )
    cands.extend(
        Candidate(start, end, EntityLabel.DOCUMENT, "Law", full, "definition")
        for start, end, full in later_statute_mentions(text, parsed.tokens, statutes)
    )
    cands.extend(
        Candidate(a, b, EntityLabel.DOCUMENT, "Law", None, "name_rule") for a, b in named_laws(text, parsed.tokens)
    )
    cands.extend(_names_from_neighbours(text, parsed.tokens, cands))
    taken = [(c.start, c.end) for c in cands] + [(e.start, e.end) for e in parsed.entities]
    cands.extend(_proper_noun_runs(text, parsed.tokens, taken))
    cands = [c for c in cands if c.title is not None or not any(c.start < b and a < c.end for a, b in title_spans)]
    cands = [c for c in cands if not is_not_a_name(text, parsed.tokens, by_start, c)]
    for cand in cands:
        code = country_code(text[cand.start : cand.end])
        if code and cand.label is EntityLabel.LOCATION:
            cand.canonical = cand.canonical or code
    for cand in cands:
        ordinal = ORDINAL_PREFIX.search(text, max(0, cand.start - 8), cand.start)
        if cand.label is EntityLabel.EVENT and cand.source in ("ruler", "name_rule") and ordinal is not None:
            cand.start = ordinal.start()
    cands.extend(sessions(text, parsed.tokens, cands))  # 第五回六者会合第二セッション
    cands = _resolve_overlaps(cands)
    # lists share what they leave out (日米、日中、日ロ首脳会談; …水上部隊及び航空隊)
    units = coordinated_units(text, parsed.tokens, cands)
    shared = [
        *elided_meeting_heads(text, parsed.tokens, cands),
        *joined_events(text, cands),
        *units,
    ]
    cands = _resolve_overlaps([*cands, *shared])
    later = [ShortName(text[u.start : u.end], text[u.start : u.end], u.start, u.end) for u in units]
    cands = _resolve_overlaps(_apply_definitions(text, parsed.tokens, cands, later))
    return tuple(
        Entity(
            id=f"e{i}",
            start=c.start,
            end=c.end,
            surface=text[c.start : c.end],
            label=c.label,
            subtype=c.subtype,
            canonical=c.canonical,
            title=c.title,
            title_qualifier=c.qualifier,
            source=c.source,
        )
        for i, c in enumerate(cands)
    )
