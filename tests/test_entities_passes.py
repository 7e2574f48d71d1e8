"""The entities stage as named passes: each pass alone, the order, frozen records, data loaded lazily."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.entities import find_entities
from pipeline.entities.candidates import Candidate, resolve_overlaps
from pipeline.entities.data import words
from pipeline.entities.passes import (
    PASSES,
    Draft,
    Page,
    add_titled_persons,
    drop_title_overlaps,
    note_title_spans,
    read_parse,
    resolve_short_names,
    run_passes,
)
from pipeline.schema import EntityLabel
from tests.conftest import ROOT
from tests.entity_docs import COUNTRY, NOUN, PARTICLE, PROPER_PERSON, SYMBOL, parsed

ENTITIES = ROOT / "pipeline" / "entities"

# パネッタ米国防長官がカメルーンを訪れた: a title after a name, a country GiNZA tagged Person
TITLED = (
    [("パネッタ", PROPER_PERSON), ("米", NOUN), ("国防", NOUN), ("長官", NOUN), ("が", PARTICLE),
     ("カメルーン", COUNTRY), ("を", PARTICLE)],
    [("米国防長官", "TITLE", "Title|"), ("カメルーン", "Person", "")],
)  # fmt: skip


def _page() -> Page:
    text, doc = parsed(*TITLED)
    return Page.of(text, doc)


def test_entities_passes_read_parse_alone_sets_titles_aside() -> None:
    page = _page()
    draft = read_parse(page, Draft())
    assert [e.label for e in page.titles] == ["TITLE"]
    assert [(page.text[c.start : c.end], c.label, c.canonical) for c in draft.candidates] == [
        ("カメルーン", EntityLabel.LOCATION, "CM")
    ]


def test_entities_passes_titles_alone_attach_the_name_before() -> None:
    page = _page()
    draft = add_titled_persons(page, read_parse(page, Draft()))
    persons = [c for c in draft.candidates if c.label is EntityLabel.PERSON]
    assert [(page.text[c.start : c.end], c.title.surface if c.title else None) for c in persons] == [
        ("パネッタ", "米国防長官")
    ]
    noted = note_title_spans(page, draft)
    assert noted.title_spans == ((4, 9),)
    assert noted.candidates == draft.candidates


def test_entities_passes_return_new_drafts_and_leave_the_old_one() -> None:
    page = _page()
    before = read_parse(page, Draft())
    after = add_titled_persons(page, before)
    assert len(before.candidates) == 1
    assert len(after.candidates) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        before.candidates[0].start = 0  # type: ignore[misc]


def test_entities_passes_drop_title_overlaps_uses_the_noted_titles() -> None:
    page = _page()
    inside_title = Candidate(4, 6, EntityLabel.ORG, None, None, "model")
    draft = Draft(candidates=(inside_title,), title_spans=((4, 9),))
    assert drop_title_overlaps(page, draft).candidates == ()
    assert drop_title_overlaps(page, Draft(candidates=(inside_title,))).candidates == (inside_title,)


def test_entities_passes_all_of_them_give_find_entities() -> None:
    text, doc = parsed(*TITLED)
    draft = run_passes(text, doc)
    entities = find_entities(text, doc)
    assert [(e.start, e.end, e.label, e.canonical) for e in entities] == [
        (c.start, c.end, c.label, c.canonical) for c in draft.candidates
    ]
    assert run_passes(text, doc, ()).candidates == ()


def test_entities_passes_short_names_add_no_overlap() -> None:
    # 環太平洋パートナーシップ協定（ＴＰＰ）… ＴＰＰ: mentions are added where nothing lies, so the
    # result needs no third overlap resolution: it is already resolved
    pieces = [("環太平洋パートナーシップ協定", NOUN), ("（", SYMBOL), ("ＴＰＰ", NOUN), ("）", SYMBOL),
              ("で", PARTICLE), ("ＴＰＰ", NOUN), ("を", PARTICLE)]  # fmt: skip
    text, doc = parsed(pieces, [("環太平洋パートナーシップ協定", "DOCUMENT", "Agreement|")])
    page = Page.of(text, doc)
    result = resolve_short_names(page, read_parse(page, Draft())).candidates
    assert [(text[c.start : c.end], c.canonical) for c in result] == [
        ("環太平洋パートナーシップ協定", None),
        ("ＴＰＰ", "環太平洋パートナーシップ協定"),
        ("ＴＰＰ", "環太平洋パートナーシップ協定"),
    ]
    assert result == resolve_overlaps(result)


def test_entities_passes_are_listed_in_the_readme_in_order() -> None:
    readme = (ENTITIES / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\d+\. `(\w+)`", readme, flags=re.M)
    assert listed == [p.__name__ for p in PASSES]


def test_entities_generic_places_end_in_no_area_or_action_word() -> None:
    # model_spans.is_no_name drops generic places before the area and action words are looked at;
    # that order is the original's only because no generic place ends in one of them
    endings = (*words("model_spans.json", "area_suffixes"), *words("model_spans.json", "action_suffixes"))
    assert [w for w in words("model_spans.json", "generic_places") if w.endswith(endings)] == []


def test_entities_no_data_is_loaded_at_import() -> None:
    modules = sorted(p.stem for p in ENTITIES.glob("*.py") if p.stem != "__init__")
    script = (
        "import pipeline.tables as t\n"
        "read = []\n"
        "original = t.read_text\n"
        "t.read_text = lambda name: read.append(name) or original(name)\n"
        "import pipeline.entities\n"
        + "".join(f"import pipeline.entities.{m}\n" for m in modules)
        + "print(read)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"


def test_entities_only_the_data_module_reads_files() -> None:
    readers = re.compile(r"\bpipeline\.tables\b|from pipeline import tables|\bopen\(|importlib|read_text\(")
    found = {p.name for p in ENTITIES.glob("*.py") if readers.search(_code(p))}
    assert found == {"data.py"}


def _code(path: Path) -> str:
    """The source without docstrings and comments (they may name files)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"""(?:.|\n)*?"""', "", text)
    return re.sub(r"#.*", "", text)
