"""Stage 2: sentence splitting and fugashi tokens (expectations assume unidic-lite 1.0.8)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tokens import find_sentences, split_sentences, tokenize

# MeCab's SPACE class (UniDic char.def) is skipped between tokens; NUL ends a C string, so the
# tokenizer feeds MeCab NUL-free pieces and a NUL is skipped too.
MECAB_SPACE = frozenset(" \t\n\x0b\x00")

# fmt: off
SENTENCE_TESTS = [
    ("合意した。確認した。", ["合意した。", "確認した。"]),
    ("本当か？そうだ！", ["本当か？", "そうだ！"]),
    ("彼は「合意した。」と述べた。次。", ["彼は「合意した。」と述べた。", "次。"]),
    ("(発表されている)。次の文。", ["(発表されている)。", "次の文。"]),
    ("見出し\n\n本文です。", ["見出し", "本文です。"]),
    ("<1> この際公表された。\n<2> また、", ["<1> この際公表された。", "<2> また、"]),
    ("○ 共同訓練の拡大\n○ 情報保全", ["○ 共同訓練の拡大", "○ 情報保全"]),
    ("○国務大臣（岸田文雄君）　四月二十七日、開催。", ["○国務大臣（岸田文雄君）", "四月二十七日、開催。"]),
    ("○小野寺国務大臣　まず、説明します。", ["○小野寺国務大臣", "まず、説明します。"]),
    ("○大島（敦）分科員　民主党の大島です。", ["○大島（敦）分科員", "民主党の大島です。"]),
    ("　全角スペースで始まる段落。　", ["全角スペースで始まる段落。"]),
    ("終わった。」次", ["終わった。」", "次"]),
    ("", []),
    ("\n\n", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SENTENCE_TESTS)
def test_tokens_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_tokens_unclosed_bracket_does_not_glue_the_rest() -> None:
    text = "「閉じない括弧。" + "長い文。" * 200
    assert len(split_sentences(text)) > 100


@given(st.text(alphabet=st.sampled_from(list("あ日米。！？「」()（）\n\u3000 ○<1>、")), max_size=80))
def test_tokens_sentences_are_ordered_exact_and_trimmed(text: str) -> None:
    spans = split_sentences(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        piece = text[start:end]
        assert "\n" not in piece
        assert piece == piece.strip(" \t\u3000")
        previous = end


def test_tokens_fields(tagger) -> None:
    text = "○国務大臣（岸田文雄君）　四月二十七日、ニューヨークにおいて２プラス２会合を開催しました。"
    sentences = find_sentences(text, tagger)
    tokens = [t for s in sentences for t in s.tokens]
    assert all(text[t.start : t.end] == t.surface for t in tokens)
    by_surface = {t.surface: t for t in tokens}
    assert by_surface["岸田"].pos == "名詞-固有名詞-人名-姓"
    assert by_surface["岸田"].reading == "キシダ"
    assert by_surface["開催"].lemma == "開催"
    assert by_surface["まし"].lemma == "ます"


@given(st.text(max_size=60))
def test_tokens_offsets_are_exact_on_any_text(tagger, text: str) -> None:
    for sentence in find_sentences(text, tagger):
        previous = sentence.start
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.surface
            assert sentence.start <= token.start < token.end <= sentence.end
            assert token.start >= previous
            previous = token.end


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_tokens_cover_every_non_space_character(tagger, text: str) -> None:
    for start, end in split_sentences(text):
        tokens = tokenize(text, tagger, start, end)
        rejoined = "".join(t.surface for t in tokens)
        # MeCab drops whitespace only: every other character is in exactly one token.
        assert rejoined == "".join(ch for ch in text[start:end] if ch not in MECAB_SPACE)


def _reference_fields(tagger, text: str) -> list[tuple[str, str, str, str | None]]:
    """The same fields read through fugashi's named tuples (the slow, obvious way)."""
    rows = []
    for word in tagger(text):
        f = word.feature
        pos = "-".join(p for p in (f.pos1, f.pos2, f.pos3, f.pos4) if p and p != "*")
        lemma = getattr(f, "lemma", None)
        kana = getattr(f, "kana", None)
        rows.append((word.surface, lemma if lemma and lemma != "*" else word.surface, pos, kana or None))
    return rows


UTF8_NO_NUL = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00")


@given(st.text(alphabet=UTF8_NO_NUL, max_size=40))
def test_tokens_raw_features_match_named_tuples(tagger, text: str) -> None:
    ours = [(t.surface, t.lemma, t.pos, t.reading) for t in tokenize(text, tagger) if t.surface.strip(" \t\n\x0b")]
    reference = [r for r in _reference_fields(tagger, text) if r[0].strip(" \t\n\x0b")]
    assert ours == reference


def test_tokens_raw_features_on_quoted_csv(tagger) -> None:
    text = "東京、大阪,名古屋，福岡\"引用\"と'単引用'。ＡＢＣ１２３"
    assert [(t.surface, t.lemma, t.pos, t.reading) for t in tokenize(text, tagger)] == _reference_fields(tagger, text)
