"""The domain layer: an EntityRuler placed before GiNZA's ``ner``, its patterns and its fingerprint.

spaCy's ``ner`` keeps entities that are already set and predicts around them, so names the
statistical model gets wrong in this domain (普天間飛行場 as N_Flora, 防衛省 as Country) are fixed
before it runs, and titles are marked so that it cannot swallow them into a name (一川防衛大臣 as
Company): the ruler labels a title ``TITLE``; ``find_entities`` attaches it to the person before
it and never outputs it as an entity.

Patterns come from two places:

- gazetteers (``pipeline/data/entities/*.tsv``): official names of ministries, forces, bases, treaties, plans,
  meetings, places; phrase patterns matched on Sudachi's normalized form (``NORM``), so full-
  and half-width spellings (ＮＡＴＯ, NATO) both match;
- token patterns over GiNZA's tokens built from the word lists of ``lexicon.json``: a
  country prefix and a meeting noun (日米首脳会談, 日中韓外相会合, 日・デンマーク三者会談 for any
  countries), 「2+2」 forms, …省/…庁 for government bodies, a country and 政府/軍/国防部,
  weapon designators (F-35A, MV-22, SM-3ブロックIIA), laws (…法), person titles.

The ruler labels are our seven labels (plus ``TITLE``); each pattern's ``id`` carries
``subtype|canonical`` so ``find_entities`` can read them back from ``ParsedEntity.ent_id``. The
data comes from ``data.py``; the variants of gazetteer names in context from ``variants.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from pipeline.entities.data import countries, country_abbreviations, gazetteer, lexicon, lexicon_words, words
from pipeline.entities.variants import compute_variants, contexts, stored_variants

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "RULER_NAME",
    "TITLE_LABEL",
    "add_ruler",
    "build_patterns",
    "configure_nlp",
    "fingerprint",
    "ruler_fingerprint",
]

RULER_NAME = "jp_domain_ruler"
TITLE_LABEL = "TITLE"
# Bump when how the ruler is built changes in a way its patterns do not show (its config, the variants).
RULER_VERSION = "ruler.v5"

HYPHENS = ["-", "‐", "―", "—", "–", "－", "−", "ー"]


def _words(key: str) -> list[str]:
    """A word list of ``lexicon.json``: ``[word, reason]`` pairs or ``{"_doc", "words"}``."""
    entry = lexicon()[key]
    return list(lexicon_words(key)) if isinstance(entry, list) else list(words("lexicon.json", key))


def _pattern(label: str, subtype: str, pattern: Any, canonical: str | None = None) -> dict[str, Any]:
    return {"label": label, "pattern": pattern, "id": f"{subtype}|{canonical or ''}"}


def _country_token() -> dict[str, Any]:
    """A token that names a country: a one-kanji abbreviation, a country name, or Sudachi's 地名-国."""
    names = sorted(set(country_abbreviations()) | set(countries()))
    return {"NORM": {"IN": names}}


def _combo_token(op: str | None = None) -> dict[str, Any]:
    """A token made of one-kanji country abbreviations only (日米, 日中, 韓)."""
    kanji = "".join(k for k in country_abbreviations() if len(k) == 1)
    token: dict[str, Any] = {"NORM": {"REGEX": f"^[{kanji}]{{1,4}}$"}}
    if op:
        token["OP"] = op
    return token


def _country_sequences() -> Iterator[list[dict[str, Any]]]:
    """Country prefixes of a bilateral/multilateral name: 日米, 日米韓, 日・デンマーク・グリーンランド."""
    yield [_combo_token("+")]
    # a party is a country or an international body (日ＥＵ首脳協議, 日・ＡＳＥＡＮ首脳会議)
    country = {"NORM": {"IN": sorted(set(_country_token()["NORM"]["IN"]) | set(_bodies()))}}
    yield [_combo_token(), country]  # 日マレーシア, 日ＥＵ (no ・)
    dot = {"NORM": {"IN": ["・", "･"]}}
    for n in (2, 3, 4):
        seq: list[dict[str, Any]] = [country]
        for _ in range(n - 1):
            seq += [dot, country]
        yield seq


def _meeting_patterns() -> Iterator[dict[str, Any]]:
    """Meetings and joint statements named by their parties, and bare 共同声明/共同発表."""
    # 共同発表文, 共同声明文: the text of the statement is the same document (文 belongs to the name)
    text_of = {"NORM": "文", "OP": "?"}
    yield _pattern(
        "DOCUMENT", "Joint_Statement", [{"NORM": "共同"}, {"NORM": {"IN": ["声明", "発表", "宣言"]}}, text_of]
    )
    yield _pattern("DOCUMENT", "Joint_Statement", [{"NORM": {"IN": ["共同声明", "共同発表", "共同宣言"]}}, text_of])
    # a kind with its level glued on (閣僚級, 次官級: one Sudachi token) is the same kind
    kind_re = "^(?:" + "|".join(re.escape(w) for w in _words("meeting_kinds")) + ")級?$"
    kinds = {"NORM": {"REGEX": kind_re}, "OP": "*"}
    heads = {"NORM": {"IN": _words("meeting_heads")}}
    statements = {"NORM": {"IN": _words("statement_heads")}}
    joint = [{"NORM": "共同"}, {"NORM": {"IN": ["声明", "発表", "宣言", "文書"]}}]
    # 協議/対話/会議 alone after a country pair are generic (日米協議): they need a kind (日米安全保障協議)
    bare_heads = {"NORM": {"IN": [w for w in _words("meeting_heads") if w not in ("協議", "対話", "会議")]}}
    kind = {"NORM": {"REGEX": kind_re}, "OP": "+"}
    count = [
        {"NORM": {"REGEX": r"^(\d|[一二三四五六七八九])$"}},
        {"NORM": {"IN": ["者", "か国", "カ国", "ヶ国", "国"]}},
    ]
    # 日朝平壌宣言, 日中国交正常化共同声明: the parties, the place or subject, the declaration
    subject = {"POS": {"IN": ["NOUN", "PROPN"]}, "NORM": {"REGEX": "^[一-龥ァ-ヶー]+$"}, "OP": "{1,3}"}
    declaration = {"NORM": {"IN": ["宣言", "声明"]}}
    for prefix in _country_sequences():
        for ordinal in _ordinals()[1:]:
            # 第二回日・ＡＳＥＡＮ防衛担当大臣会合: the edition belongs to the name
            yield _pattern("EVENT", "Conference", [*ordinal, *prefix, kind, heads])
        yield _pattern("EVENT", "Conference", [*prefix, kind, heads])
        yield _pattern("EVENT", "Conference", [*prefix, bare_heads])
        yield _pattern("EVENT", "Conference", [*prefix, *count, kinds, heads])
        # 日米首脳共同声明, 日米韓首脳共同声明: the meeting kind that issued it is part of the name
        yield _pattern("DOCUMENT", "Joint_Statement", [*prefix, kinds, statements, text_of])
        yield _pattern("DOCUMENT", "Joint_Statement", [*prefix, kinds, *joint, text_of])
        yield _pattern("DOCUMENT", "Joint_Statement", [*prefix, subject, declaration])
        yield _pattern("ORG", "Alliance", [*prefix, {"NORM": {"IN": _words("alliance_heads")}}])
        # 日米安保体制, 日米安全保障体制: the security arrangements of the allies (an alliance, ORG)
        for security in ([{"NORM": "安保"}], [{"NORM": "安全"}, {"NORM": "保障"}], [{"NORM": "安全保障"}]):
            yield _pattern("ORG", "Alliance", [*prefix, *security, {"NORM": "体制"}])
    # 日韓合意, 日中合意: an agreement named by its parties (a specific one, or generic 日米合意,
    # which the guidelines leave optional); 合意した/合意する are predicates (dropped in find_entities)
    yield _pattern("DOCUMENT", "Agreement", [_combo_token(), {"NORM": "合意"}])
    # 六者会合, 六か国協議, 四者協議: a meeting named by its number of parties needs no country
    parties = [
        {"NORM": {"REGEX": r"^(\d|[一二三四五六七八九])$"}},
        {"NORM": {"IN": ["者", "か国", "カ国", "ヶ国", "箇国"]}},
    ]
    yield _pattern("EVENT", "Conference", [*parties, kinds, heads])
    ministerial = list(lexicon_words("ministerial_meeting_kinds", "kinds"))
    # 日米の防衛相会談: the parties, の, a recurring ministerial meeting
    of = {"NORM": "の"}
    yield _pattern("EVENT", "Conference", [_combo_token("+"), of, {"NORM": {"IN": ministerial}}, heads])
    # 電話会談, テレビ会談: a call between named leaders is a meeting of its own (菅総理とバイデン
    # 大統領との電話会談); the medium makes the word a name of one occasion, unlike bare 会談
    talks = [{"NORM": {"IN": ["電話", "テレビ", "ビデオ", "オンライン"]}}, {"NORM": "会談"}]
    yield _pattern("EVENT", "Conference", talks)
    yield _pattern("EVENT", "Conference", [{"NORM": {"IN": ["電話会談", "テレビ会談"]}}])
    # 首脳電話会談, 外相テレビ会談: how a recurring meeting was held is part of its name
    medium = {"NORM": {"IN": ["電話", "テレビ", "オンライン", "ビデオ"]}, "OP": "?"}
    yield _pattern("EVENT", "Conference", [{"NORM": {"IN": ministerial}}, medium, heads])
    # an international body's meeting: ＴＩＣＡＤⅤ閣僚会合, ＯＥＣＤ閣僚理事会, ASEAN首脳会議,
    # Ｇ７広島サミット, Ｇ７エネルギー大臣会合 (the host city and the ministers' field belong to it)
    bodies: list[list[dict[str, Any]]] = [
        [{"NORM": {"IN": _bodies()}}],
        [{"NORM": {"REGEX": "^(?i:g)$"}}, {"NORM": {"REGEX": r"^\d{1,2}$"}}],  # Ｇ７, G20 (NORM: g|7)
    ]
    for ordinal in _ordinals():
        for body in bodies:
            yield _pattern(
                "EVENT",
                "Conference",
                [
                    *ordinal,
                    *body,
                    {"NORM": {"REGEX": r"^(?i:[ivx]{1,4}|\d{1,2})$"}, "OP": "?"},
                    # ＡＳＥＡＮ＋３首脳会議: the body and its partners
                    {"NORM": {"IN": ["+", "＋", "プラス"]}, "OP": "?"},
                    {"NORM": {"REGEX": r"^\d$"}, "OP": "?"},
                    {"TAG": {"REGEX": "^名詞-固有名詞-地名"}, "OP": "?"},
                    # ＡＳＥＡＮ関連首脳会議, ASEAN拡大国防相会議: the body's related or extended meeting
                    {"NORM": {"IN": _words("body_meeting_extensions")}, "OP": "?"},
                    {"POS": "NOUN", "TEXT": {"REGEX": "^[一-龥ァ-ヶー]+$"}, "OP": "{0,2}"},
                    {"NORM": {"IN": _words("body_meeting_ranks")}, "OP": "?"},
                    {"NORM": {"IN": _words("body_meeting_heads")}},
                ],
            )


def _bodies() -> list[str]:
    """International bodies (ASCII names of the gazetteer: ASEAN, EU, NATO, TICAD...)."""
    return sorted(e.name for e in gazetteer() if e.name.isascii() and e.label in ("ORG", "EVENT"))


def _ordinals() -> list[list[dict[str, Any]]]:
    """No ordinal, or 第 + N回 (第一回ＴＩＣＡＤⅤ閣僚会合): Sudachi gives 第|一回 or 第|二|回."""
    number = r"^[\d一二三四五六七八九十百]+"
    return [
        [],
        [{"NORM": "第"}, {"NORM": {"REGEX": number + "回$"}}],
        [{"NORM": "第"}, {"NORM": {"REGEX": number + "$"}}, {"NORM": "回"}],
    ]


def _agreement_patterns() -> Iterator[dict[str, Any]]:
    """Named agreements: 環境補足協定, 日露平和条約, 日ＥＵ・ＥＰＡ, 日豪ＥＰＡ.

    A treaty word as its own token after one to three nouns (the nouns make it a name), and a
    country pair or body with an economic-partnership acronym.
    """
    # TEXT, not NORM: Sudachi's normal form may add kana (枠組 → 枠組み)
    nouns = {"POS": {"IN": ["NOUN", "PROPN"]}, "TEXT": {"REGEX": "^[一-龥ァ-ヶー]+$"}, "OP": "{1,3}"}
    heads = ["協定", "条約", "協約", "議定書", "憲章"]
    yield _pattern("DOCUMENT", "Agreement", [nouns, {"NORM": {"IN": heads}}])
    # 日豪ＥＰＡ, 日ＥＵ・ＥＰＡ, 日・ＥＵ・ＥＰＡ (the 日・ is part of the name), 日中韓ＦＴＡ
    party = {"NORM": {"REGEX": "^(?i:[a-z]{2,5})$|^[日米中韓露豪英仏独印加伊比越]{1,3}$"}}
    dot = {"NORM": {"IN": ["・", "･", "-"]}, "OP": "?"}
    epa = {"NORM": {"REGEX": "^(?i:epa|fta)$"}}
    for n in (1, 2, 3):
        parties: list[dict[str, Any]] = []
        for _ in range(n):
            parties += [party, dot]
        yield _pattern("DOCUMENT", "Trade_Agreement", [*parties, epa])


def _two_plus_two_patterns() -> Iterator[dict[str, Any]]:
    """「2+2」, ２＋２, ２プラス２ (NORM folds width), alone or with 会合/共同発表/文書."""
    core = [{"NORM": "2"}, {"NORM": {"IN": ["+", "プラス", "＋"]}}, {"NORM": "2"}]
    bracketed = [{"NORM": {"IN": ["「", "『"]}}, *core, {"NORM": {"IN": ["」", "』"]}}]
    event_heads = {"NORM": {"IN": ["会合", "閣僚会合", "会議", "協議"]}}
    doc_heads = {"NORM": {"IN": ["共同発表", "文書", "共同文書", "共同声明"]}}
    joint = [{"NORM": "共同"}, {"NORM": {"IN": ["声明", "発表", "文書"]}}]
    # 「2+2」の共同発表: the announcement of the 2+2 (the bracketed name, の, the document)
    yield _pattern("DOCUMENT", "Joint_Statement", [*bracketed, {"NORM": "の"}, *joint])
    yield _pattern("DOCUMENT", "Joint_Statement", [*bracketed, {"NORM": "の"}, doc_heads])
    for body in (bracketed, core):
        for prefix in ([], [_combo_token()]):
            yield _pattern("EVENT", "Conference", [*prefix, *body])
            yield _pattern("EVENT", "Conference", [*prefix, *body, event_heads])
            yield _pattern("DOCUMENT", "Joint_Statement", [*prefix, *body, doc_heads])
            yield _pattern("DOCUMENT", "Joint_Statement", [*prefix, *body, *joint])


def _government_patterns() -> Iterator[dict[str, Any]]:
    country = _country_token()
    heads = {"NORM": {"IN": _words("government_heads")}}
    yield _pattern("ORG", "Government", [country, heads])
    # 米国防省, 英国防省, 中国国防部: a country, a kanji noun or two, then 省/庁/部
    noun = {"TAG": {"REGEX": "^名詞-普通名詞"}, "NORM": {"REGEX": "^[一-龥]+$"}, "OP": "{1,2}"}
    yield _pattern("ORG", "Ministry", [country, noun, {"NORM": {"IN": ["省", "庁", "部"]}}])
    yield _pattern("ORG", "Ministry", [noun, {"NORM": {"IN": ["省", "庁"]}, "TAG": {"REGEX": "^接尾辞"}}])
    # a ministry's bureau or division: 法務省入国管理局, 防衛省防衛政策局
    unit = {"NORM": {"REGEX": "^[一-龥]*(" + "|".join(_words("bureau_heads")) + ")$"}}
    ministry = {"NORM": {"REGEX": "^[一-龥]{2,}[省庁]$"}}
    kanji = {"NORM": {"REGEX": "^[一-龥]+$"}, "TAG": {"REGEX": "^名詞"}, "OP": "{0,3}"}
    yield _pattern("ORG", "Government", [ministry, kanji, unit])
    # one-token ministries and agencies: 防衛省, 外務省, 気象庁 (generic 省庁 words excluded)
    generic = _words("generic_ministries")
    suffixes = "".join(_words("ministry_suffixes"))
    yield _pattern(
        "ORG",
        "Ministry",
        [
            {
                "NORM": {"REGEX": f"^[一-龥ァ-ヶー]{{2,}}[{suffixes}]$", "NOT_IN": generic},
                "POS": {"IN": ["NOUN", "PROPN"]},
            }
        ],
    )


def _unit_patterns() -> Iterator[dict[str, Any]]:
    """Units named as compounds: 自衛隊施設部隊, 派遣海賊対処行動水上部隊, 国連南スーダン共和国ミッション.

    A unit word (部隊, 航空隊, 艦隊...) after one to five kanji nouns, or after a force or body
    of the gazetteer; a UN body: 国連 and up to four words before ミッション/機関/基金...
    """
    # bare 部隊 ("unit") names a unit only at the end of a long compound (派遣海賊対処行動水上部隊);
    # after two or three words it is a description (海賊対処部隊), and 自衛隊部隊 is 自衛隊
    units = _words("unit_words")
    unit_words = {"NORM": {"REGEX": "^[一-龥]*(" + "|".join(units) + ")$"}, "TAG": {"REGEX": "^名詞"}}
    suffix = {"NORM": "隊", "TAG": {"REGEX": "^接尾辞"}}  # 国際緊急援助/隊
    bare_unit = {"NORM": {"REGEX": "^[一-龥]*部隊$"}}
    kanji = {"NORM": {"REGEX": "^[一-龥]+$"}, "TAG": {"REGEX": "^名詞"}}
    forces = sorted(e.name for e in gazetteer() if e.subtype in ("Military", "Military_Unit"))
    for unit in (unit_words, suffix):
        yield _pattern("ORG", "Military_Unit", [{**kanji, "OP": "{2,5}"}, unit])
        yield _pattern("ORG", "Military_Unit", [_country_token(), {**kanji, "OP": "{1,4}"}, unit])
        yield _pattern("ORG", "Military_Unit", [{"NORM": {"IN": forces}}, {**kanji, "OP": "{1,4}"}, unit])
    yield _pattern("ORG", "Military_Unit", [{**kanji, "OP": "{4,6}"}, bare_unit])
    # numbered units: 第７艦隊, 第３師団, 第九航空団, 第１空挺団, 第一普通科連隊
    # (Sudachi: 第|9|航空|団, 第一|普通|科|連隊)
    ordinal: list[list[dict[str, Any]]] = [
        [{"NORM": "第"}, {"NORM": {"REGEX": r"^\d{1,3}$"}}],
        [{"NORM": {"REGEX": "^第[一二三四五六七八九十]{1,3}$"}}],
    ]
    numbered = {"NORM": {"IN": [*units, *_words("numbered_unit_words")]}}
    short = {"NORM": {"IN": ["団", "隊", "群", "科"]}}
    for lead in ordinal:
        yield _pattern("ORG", "Military_Unit", [*lead, {**kanji, "OP": "{1,3}"}, short, {"OP": "?", **numbered}])
        yield _pattern("ORG", "Military_Unit", [*lead, {**kanji, "OP": "{0,3}"}, numbered])
    yield _pattern("ORG", "Military_Unit", [{"NORM": {"IN": forces}}, {**kanji, "OP": "{1,4}"}, bare_unit])
    # ＣＴＦ１５１, CTF-151, JTF: (combined/joint) task force designators of the US and coalition
    # navies (Combined Maritime Forces: CTF 150, 151, 152)
    yield _pattern(
        "ORG",
        "Military_Unit",
        [
            {"NORM": {"REGEX": "^(?i:c?j?tf|ctg)$"}},
            {"NORM": {"IN": HYPHENS}, "OP": "?"},
            {"NORM": {"REGEX": r"^\d{1,4}$"}},
        ],
    )
    bodies = _words("un_body_heads")
    word = {"POS": {"IN": ["NOUN", "PROPN"]}, "OP": "{1,4}"}
    un = {"NORM": {"IN": ["国連", "国際連合"]}}
    yield _pattern("ORG", "International_Organization", [un, word, {"NORM": {"IN": bodies}}])


def _body_patterns() -> Iterator[dict[str, Any]]:
    """Bodies and operations named by their parts.

    - a Diet committee: 衆議院/参議院 and a committee (国会法 第41条: 衆議院安全保障委員会,
      参議院外交防衛委員会, 衆議院憲法審査会, 特別委員会);
    - a country's contingent in a peacekeeping operation: the country and 隊 (韓国隊, 日本隊);
    - a peacekeeping operation named by its place: 南スーダンＰＫＯ, カンボジアＰＫＯ (EVENT);
    - a GATT/WTO trade round: its place, ・ラウンド, and 交渉 (ＷＴＯドーハ・ラウンド交渉, ウルグアイ・ラウンド);
    - an attack named by its date: 九月十一日テロ, 九・一一 is the dates stage's number (EVENT).
    """
    house = {"NORM": {"IN": ["衆議院", "参議院"]}}
    words = {"POS": {"IN": ["NOUN", "PROPN"]}, "TEXT": {"REGEX": "^[一-龥]+$"}, "OP": "{1,5}"}
    committee = {"NORM": {"REGEX": "^(?:特別)?委員会$|^(?:審査|調査)会$"}}
    yield _pattern("ORG", "Committee", [house, words, committee])
    yield _pattern("ORG", "Military_Unit", [_country_token(), {"NORM": "隊", "TAG": {"REGEX": "^接尾辞"}}])
    place = {"TAG": {"REGEX": "^名詞-固有名詞-地名"}, "OP": "{1,2}"}
    yield _pattern("EVENT", "Operation", [place, {"NORM": {"REGEX": "^(?i:pko)$"}}])
    body = {"NORM": {"IN": _bodies()}, "OP": "?"}
    dot = {"NORM": {"IN": ["・", "･"]}, "OP": "?"}
    talks = {"NORM": "交渉", "OP": "?"}
    proper = {"TAG": {"REGEX": "^名詞-固有名詞"}, "OP": "{1,2}"}
    yield _pattern("EVENT", "Conference", [body, proper, dot, {"NORM": "ラウンド"}, talks])
    number = {"TAG": {"REGEX": "^名詞-数詞"}}
    terror = [{"NORM": {"IN": ["米国", "アメリカ"]}, "OP": "?"}, {"NORM": "同時多発", "OP": "?"}, {"NORM": "テロ"}]
    yield _pattern("EVENT", "Incident_Other", [number, {"NORM": "月"}, number, {"NORM": "日"}, *terror])


def _cabinet_patterns() -> Iterator[dict[str, Any]]:
    """安倍内閣, 第二次安倍内閣, バイデン政権: a person's name and 内閣/政権 name a government (ORG)."""
    name = {"TAG": {"REGEX": "^名詞-固有名詞-人名"}, "OP": "{1,2}"}
    ordinal = [{"NORM": "第"}, {"NORM": {"REGEX": r"^\d{1,2}$"}}, {"NORM": "次"}]  # 第二次 (NORM: 第|2|次)
    for prefix in ([], ordinal):
        yield _pattern("ORG", "Cabinet", [*prefix, name, {"NORM": {"IN": ["内閣", "政権"]}}])


def _facility_patterns() -> Iterator[dict[str, Any]]:
    """A proper-noun place and a base word (横田飛行場, 那覇基地), キャンプ・X (Camp X)."""
    place = {"TAG": {"REGEX": "^名詞-固有名詞"}, "OP": "{1,2}"}
    heads = _words("base_heads")
    services = _words("base_services")
    service = {"NORM": {"IN": services}, "OP": "?"}
    yield _pattern("FACILITY", "Military_Base", [place, service, {"NORM": {"IN": heads}}])
    # スターリング海軍基地: a katakana name Sudachi does not know, with the service named
    katakana = {"NORM": {"REGEX": "^[ァ-ヶー]{2,}$"}, "OP": "{1,2}"}
    yield _pattern("FACILITY", "Military_Base", [katakana, {"NORM": {"IN": services}}, {"NORM": {"IN": heads}}])
    yield _pattern(
        "FACILITY",
        "Military_Base",
        [
            {"NORM": "キャンプ"},
            {"NORM": {"IN": ["・", "･"]}, "OP": "?"},
            {"NORM": {"REGEX": "^[ァ-ヶー一-龥]+$"}},
        ],
    )


def _weapon_patterns() -> Iterator[dict[str, Any]]:
    """Designators: F-35A, MV-22, CV22, SM-3ブロックIIA, PAC-3, P-3C, KC-46A, RQ-4."""
    hyphen = {"NORM": {"IN": HYPHENS}}
    number = {"NORM": {"REGEX": r"^\d{1,3}$"}}
    suffix = {"NORM": {"REGEX": "^(?i:[a-z]{1,2})$"}, "OP": "?"}
    block = [
        {"NORM": "ブロック", "OP": "?"},
        {"NORM": {"REGEX": r"^(?i:[ivx]{1,4}[ab]?|\d[ab]?)$"}, "OP": "?"},
        {"NORM": {"REGEX": "^(?i:[ab])$"}, "OP": "?"},
    ]
    name = {"TAG": {"REGEX": "^名詞-固有名詞"}, "NORM": {"REGEX": "^[ァ-ヶー]{3,}$"}, "OP": "?"}
    multi = "|".join(lexicon_words("designator_prefixes", "multi"))
    single = "|".join(lexicon_words("designator_prefixes", "single"))  # need the hyphen here (F-2, P-1, C-130)
    for letters, dash in ((multi, {**hyphen, "OP": "?"}), (single, hyphen)):
        prefix = {"NORM": {"REGEX": f"^(?i:{letters})$"}}
        yield _pattern("PRODUCT", "Weapon", [prefix, dash, number, suffix, *block, name])


def _law_patterns() -> Iterator[dict[str, Any]]:
    """…法 as a separate token after nouns: 自衛隊法, 防衛省設置法, 国家安全保障会議設置法."""
    # 法 alone after one common noun is mostly "method" (使用法, 治療法): a law name has two or
    # more nouns before 法 (防衛省設置法, 国民保護法) or a proper noun (自衛隊法)
    law = {"NORM": "法", "TAG": {"REGEX": "^名詞"}}
    nouns = {"POS": {"IN": ["NOUN", "PROPN"]}, "NORM": {"REGEX": "^[一-龥ァ-ヶー]{2,}$"}}
    yield _pattern("DOCUMENT", "Law", [{**nouns, "OP": "{2,4}"}, law])
    yield _pattern("DOCUMENT", "Law", [{**nouns, "TAG": {"REGEX": "^名詞-固有名詞"}}, law])


def _title_patterns() -> Iterator[dict[str, Any]]:
    """Person titles: an optional country, kanji nouns, a head (米国防長官, 経済再生担当大臣).

    Modifiers must contain kanji so that a katakana name before a title (フローマン通商代表)
    stays out of it; a place before a local head (沖縄県知事) belongs to the title.
    """
    heads = _words("title_heads")
    head_re = "|".join(sorted(heads, key=len, reverse=True))
    head = {"NORM": {"REGEX": f"^[一-龥]*(?:{head_re})$"}, "TAG": {"REGEX": "^名詞"}}
    country = {**_country_token(), "OP": "?"}
    modifier = {"TAG": {"REGEX": "^(名詞-普通名詞|形状詞)"}, "NORM": {"REGEX": "^[一-龥・]+$"}, "OP": "{0,4}"}
    yield _pattern(TITLE_LABEL, "Title", [country, modifier, head])
    # 防衛庁長官, 外務省報道官: a ministry or agency (…省/…庁, the suffix its own token) belongs
    # to the title; the body is no entity of its own there
    body = {"NORM": {"IN": ["省", "庁"]}, "TAG": {"REGEX": "^接尾辞"}}
    yield _pattern(TITLE_LABEL, "Title", [country, {**modifier, "OP": "{1,3}"}, body, modifier, head])
    # 中国外交部長, 韓国国防部長: the minister of a 部 (China, Korea, Taiwan), the 部 inside the title
    ministry_head = [{"NORM": "部"}, {"NORM": "長", "TAG": {"REGEX": "^接尾辞"}}]
    yield _pattern(TITLE_LABEL, "Title", [country, {**modifier, "OP": "{1,3}"}, *ministry_head])
    # ＵＮＭＩＳＳ事務総長特別代表: a body's acronym before an office (not before 会長: NHK会長)
    office_heads = [*lexicon_words("office_title_heads"), "事務総長", "総長", "代表"]
    office_re = "|".join(sorted(office_heads, key=len, reverse=True))
    office_head = {"NORM": {"REGEX": f"^[一-龥]*(?:{office_re})$"}, "TAG": {"REGEX": "^名詞"}}
    acronym = {"NORM": {"REGEX": "^(?i:[a-z]{2,8})$"}}
    yield _pattern(TITLE_LABEL, "Title", [acronym, modifier, office_head])
    # …代表 only with an office before it (通商/代表): 日本代表 and 大阪府代表 are teams
    office = {**modifier, "OP": "{1,4}"}
    yield _pattern(TITLE_LABEL, "Title", [country, office, {"NORM": "代表"}])
    local = lexicon_words("local_title_heads")
    divisions = _words("local_divisions")
    local_head = {"NORM": {"REGEX": f"^[{''.join(divisions)}]?(?:{'|'.join(local)})$"}}
    place = {"TAG": {"REGEX": "^名詞-固有名詞-地名"}}
    yield _pattern(
        TITLE_LABEL,
        "Title",
        [
            place,
            {"NORM": {"IN": divisions}, "OP": "?"},
            local_head,
        ],
    )


def build_patterns(nlp: Language | None = None) -> list[dict[str, Any]]:
    """Every EntityRuler pattern of the domain layer (gazetteer names, then token patterns).

    A gazetteer name is a phrase pattern (the PhraseMatcher is fast); with ``nlp``, each other
    tokenization the name gets in context (``variants.contexts``) is added as a token pattern. Those come
    from ``ruler_variants.json`` (``tools/build_ruler_variants.py``) when it matches the
    gazetteer and Sudachi's versions: computing them tokenizes every name a dozen times, about a
    second and a half at each process start.
    """
    table: dict[str, list[list[str]]] = {}
    if nlp is not None:
        stored = stored_variants()
        table = stored if stored is not None else compute_variants(nlp)
    patterns = []
    for e in gazetteer():
        patterns.append(_pattern(e.label, e.subtype, e.name, e.canonical))
        for variant in table.get(e.name, ()):
            patterns.append(_pattern(e.label, e.subtype, [{"NORM": norm} for norm in variant], e.canonical))
    for group in (
        _meeting_patterns,
        _two_plus_two_patterns,
        _agreement_patterns,
        _government_patterns,
        _cabinet_patterns,
        _body_patterns,
        _unit_patterns,
        _facility_patterns,
        _weapon_patterns,
        _law_patterns,
        _title_patterns,
    ):
        patterns.extend(group())
    return patterns


@cache
def ruler_fingerprint() -> str:
    """Hash of what the ruler is given: its code version, the contexts of the variants, its patterns.

    The patterns are exactly what shapes GiNZA's NER (where they come from does not matter); the
    variants of gazetteer names in context follow from the names (in the patterns), the contexts and
    Sudachi's versions (in the parse fingerprint).
    """
    digest = hashlib.sha256(RULER_VERSION.encode("utf-8"))
    digest.update(json.dumps(contexts(), ensure_ascii=False).encode("utf-8"))
    digest.update(json.dumps(build_patterns(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def fingerprint() -> str:
    """Hash of everything ``configure_nlp`` adds (ruler code version, patterns): a cache key part."""
    # the stage's own version is left out: a change in the rules after the parse must not
    # invalidate cached parses
    digest = hashlib.sha256(f"entities-ruler:{ruler_fingerprint()}".encode())
    return digest.hexdigest()[:16]


def configure_nlp(nlp: Language) -> None:
    """Add the domain layer (an EntityRuler) to a loaded GiNZA pipeline, before its ``ner``."""
    add_ruler(nlp, before="ner" if "ner" in nlp.pipe_names else None)


def add_ruler(nlp: Language, *, before: str | None = "ner", after: str | None = None) -> None:
    """Add the EntityRuler to ``nlp`` (before ``ner`` by default; ``after`` for experiments)."""
    if RULER_NAME in nlp.pipe_names:
        return
    where: dict[str, str] = {"after": after} if after else ({"before": before} if before else {})
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        config={"phrase_matcher_attr": "NORM", "validate": True, "overwrite_ents": True},
        **where,  # type: ignore[arg-type]
    )
    # Phrase patterns are tokenized by the pipeline; only the tokenizer is needed for NORM, and
    # GiNZA's tokenizer already sets tags (hence spaCy's W012 warning, which does not apply).
    others = [name for name in nlp.pipe_names if name != RULER_NAME]
    with nlp.select_pipes(disable=others), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W012\]")
        ruler.add_patterns(build_patterns(nlp))  # type: ignore[attr-defined]
