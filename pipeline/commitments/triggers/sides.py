"""Which side a bunsetu names: a party (両首脳, 米側, a country), or the speaker's own (我が国, 政府としては).

The first-person rules bind the speaker only when the subject or topic is the speaker's side; the
vetoes and coordination need to know when a bunsetu names another party (Xに確認した, 米側に).
"""

from __future__ import annotations

from pipeline.commitments.lexicon import Lexicon
from pipeline.commitments.parties import country_codes
from pipeline.commitments.syntax import SentenceView
from pipeline.commitments.triggers.words import trigger_words


def names_party(view: SentenceView, b: int) -> bool:
    """Whether bunsetu ``b`` names a party: a country, or a party noun (首脳, 大臣, 米側)."""
    text = view.bunsetu_text(b)
    return bool(country_codes(text)) or any(w in text for w in trigger_words().party_nouns)


def speaker_side(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """Whether a subject bunsetu names the speaker's side: 私, 我が国, 日本, 政府, 外務省."""
    words = trigger_words()
    text = words.subject_ending.sub("", view.bunsetu_text(b))
    if text in lex.self_words or words.speaker_side.fullmatch(text):
        return True
    codes = country_codes(text, lex)
    return codes == ("JP",) or (text.endswith(words.ministry_suffixes) and not codes)


def speaker_topic(view: SentenceView, lex: Lexicon, b: int) -> bool:
    """政府としては / 防衛省・自衛隊としても / 我が国は: a topic naming the speaker's side."""
    words = trigger_words()
    m = words.topic_phrase.fullmatch(view.bunsetu_text(b))
    if m is None:
        return False
    topic = m.group(1)
    if topic in lex.self_words or words.speaker_side.fullmatch(topic):
        return True
    parts = words.name_separators.split(topic)
    return all(part.endswith(words.office_suffixes) for part in parts if part)


def speaker_topic_word(view: SentenceView, b: int) -> bool:
    """我が国については、 / 政府としては: bunsetu ``b`` is one word of the speaker's side as a topic."""
    return trigger_words().speaker_topic.match(view.bunsetu_text(b)) is not None
