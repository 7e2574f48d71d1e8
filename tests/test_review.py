"""The review page: counts, gold diff and escaping, checked in the HTML and in a real headless Chromium."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.evaluate import SCORE_NAMES, evaluate, load_gold, text_sha256
from pipeline.review import build_page
from pipeline.review.items import count_predicted
from pipeline.review.timeline import position
from tests.browser import Page, browser  # noqa: F401 - the session's browser fixture
from tests.conftest import FIXTURES, ROOT
from tests.test_export import record as small_record

XSS_SCRIPT = "<script>window.__xss = 1</script>"
XSS_IMG = '"><img src=x onerror="window.__xss = 2">'


def fixture_records() -> list[dict[str, Any]]:
    lines = (FIXTURES / "expected" / "fixtures.records.jsonl").open(encoding="utf-8")
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def gold_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of the fixture run against the gold fixtures, written by the CLI."""
    root = tmp_path_factory.mktemp("review")
    records = root / "extractions.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in fixture_records()), encoding="utf-8")
    out = root / "review.html"
    assert main(["review", str(records), "--gold", str(FIXTURES / "gold"), "-o", str(out)]) == 0
    return out


def hostile_record() -> dict[str, Any]:
    """A record whose text, metadata, ids, labels and keys all carry markup."""
    rec = small_record()
    payload = f"前文{XSS_SCRIPT}中{XSS_IMG}後"
    shift = len(payload)
    rec["text"] = payload + rec["text"]
    for layer in ("sentences", "dates", "entities", "commitments", "warnings"):
        for item in rec[layer]:
            for part in (item, item.get("trigger"), item.get("content"), item.get("title")):
                if isinstance(part, dict) and "start" in part:
                    part["start"] += shift
                    part["end"] += shift
    rec["sentences"].insert(0, {"start": 0, "end": shift})
    rec["doc_id"] = f"doc{XSS_IMG}"
    rec["meta"].update(title=XSS_SCRIPT, url=f"javascript:alert(1)//{XSS_IMG}", note=XSS_IMG)
    rec["entities"][0]["key"] = f"person:{XSS_IMG}"
    rec["entities"][1]["label"] = XSS_SCRIPT
    rec["entities"][1]["id"] = XSS_IMG
    rec["commitments"][0]["type"] = XSS_IMG
    rec["dates"].append({"id": "d1", "start": 2, "end": 2 + len(XSS_SCRIPT), "surface": XSS_SCRIPT,
                         "value": XSS_IMG, "mod": None, "part": None, "range": None, "flags": [],
                         "resolved_from": None})
    return rec


def test_review_counts_spans_per_record() -> None:
    rec = small_record()
    assert count_predicted(rec) == 1 + 3 + 2 + 1  # dates, entities, triggers, contents (one commitment has none)


def test_review_timeline_positions() -> None:
    assert position("2011") == pytest.approx(2011.5)
    assert position("2011-04") == pytest.approx(2011 + 3.5 / 12)
    assert position("FY2011") == pytest.approx(2011.75)
    assert position("2011-WI") == pytest.approx(2011 + 12.5 / 12)
    assert position("2011-04-01") == pytest.approx(2011 + (3 + 0.5 / 31) / 12)
    assert [position(v) for v in ("199X", "XXXX-04-30", "", None, "2011-13")] == [None] * 5


def test_review_html_escapes_every_field() -> None:
    html, summary = build_page([hostile_record()])
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "<img" not in html and html.count("<script") == 1
    assert 'href="javascript:' not in html
    assert summary["predicted"] == count_predicted(hostile_record())


def test_review_gold_summary_equals_evaluate() -> None:
    records, gold = fixture_records(), load_gold(FIXTURES / "gold")
    _, summary = build_page(records, gold)
    overall = evaluate(records, gold)["overall"]
    for row in summary["rows"]:
        name = SCORE_NAMES[row["layer"]]
        assert (row["counts"]["missed"], row["counts"]["spurious"]) == (overall[f"{name}_fn"], overall[f"{name}_fp"])


def test_review_a_gold_document_missing_from_the_predictions_counts_as_missed() -> None:
    records, gold = fixture_records(), load_gold(FIXTURES / "gold")
    dropped = records.pop(0)
    _, summary = build_page(records, gold)
    overall = evaluate(records, gold)["overall"]
    assert summary["missing"] == [dropped["doc_id"]]
    entities = next(r for r in summary["rows"] if r["layer"] == "entities")
    assert entities["counts"]["missed"] == overall["ents_lenient_fn"]


def test_review_cli_needs_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "r.html")]) == 2
    assert "E101" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


# --- in the browser ---------------------------------------------------------------------------


def _display(locator: Any) -> str:
    return str(locator.evaluate("el => getComputedStyle(el).display"))


def _count(page: Any, selector: str) -> int:
    return int(page.locator(selector).count())


@pytest.fixture(scope="module")
def loaded(browser: Any, gold_page: Path) -> Any:  # noqa: F811
    """The gold page loaded once for the tests that only read it."""
    view = Page(browser, gold_page.as_uri())
    yield view
    view.close()


SPANS_PER_DOC = """() => Object.fromEntries([...document.querySelectorAll("section.doc")].map(
    s => [s.dataset.docId, s.querySelectorAll('.bar.start[data-source="pred"]').length]))"""


def test_review_browser_loads_clean_and_counts_match_the_records(loaded: Any, gold_page: Path) -> None:
    assert loaded.errors() == []
    assert set(loaded.requests) == {gold_page.as_uri()}, "the page fetched something"
    expected = {}
    for rec in fixture_records():
        n = len(rec["dates"]) + len(rec["entities"]) + len(rec["commitments"])
        expected[rec["doc_id"]] = n + sum(1 for c in rec["commitments"] if c.get("content"))
    assert loaded.page.evaluate(SPANS_PER_DOC) == expected
    assert int(loaded.page.locator("#span-count").get_attribute("data-count")) == sum(expected.values())


def test_review_browser_gold_diff_counts_equal_evaluate(loaded: Any, tmp_path: Path) -> None:
    scores = evaluate(fixture_records(), load_gold(FIXTURES / "gold"))
    view = loaded
    try:
        for layer, name in SCORE_NAMES.items():
            shown = {
                status: int(view.page.locator(f'.count[data-layer="{layer}"][data-status="{status}"]').inner_text())
                for status in ("missed", "spurious")
            }
            assert shown == {"missed": scores["overall"][f"{name}_fn"], "spurious": scores["overall"][f"{name}_fp"]}
        missed = scores["overall"]["ents_lenient_fn"] + scores["overall"]["commitments_detect_fn"]
        missed += scores["overall"]["dates_lenient_fn"]
        assert _count(view.page, '.bar.start.s-missed[data-source="gold"]:not([data-kind="content"])') == missed
        spurious = sum(scores["overall"][f"{n}_fp"] for n in SCORE_NAMES.values())
        assert _count(view.page, '.bar.start.s-spurious:not([data-kind="content"])') == spurious
        shot = Path(os.environ.get("JPEXTRACT_SCREENSHOT") or tmp_path / "review.png")
        worst = max(scores["per_doc"], key=lambda d: scores["per_doc"][d]["ents_lenient_fn"])
        view.page.set_viewport_size({"width": 1400, "height": 820})
        view.page.locator('input[data-show="only-diff"]').check()
        section = view.page.locator(f'section.doc[data-doc-id="{worst}"]')
        section.evaluate("el => el.scrollIntoView({block: 'start'})")
        view.page.wait_for_timeout(200)
        view.page.screenshot(path=str(shot))
        view.page.locator('input[data-show="only-diff"]').uncheck()
        assert shot.stat().st_size > 10_000
    finally:
        assert view.errors() == []


def test_review_browser_click_and_filters(browser: Any, gold_page: Path) -> None:  # noqa: F811
    view = Page(browser, gold_page.as_uri())
    try:
        first = view.page.locator("section.doc").first
        token = first.locator('.tok[data-uids~="d0"]').first
        assert "value: " in (token.get_attribute("title") or "")
        token.click()
        assert first.locator('tr.hit[data-uid="d0"]').count() == 1
        bar = first.locator('.bar.start[data-uid="d0"]')
        assert _display(bar) != "none"
        view.page.locator('input[data-hide="hide-date"]').uncheck()
        assert _display(bar) == "none"
        matched = first.locator(".bar.start.k-entity.s-matched").first
        assert _display(matched) != "none"
        view.page.locator('input[data-show="only-diff"]').check()
        assert _display(matched) == "none"
        assert view.errors() == []
    finally:
        view.close()


def test_review_browser_renders_markup_in_documents_as_text(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    rec = hostile_record()
    gold = {"doc_id": rec["doc_id"], "text_sha256": text_sha256(rec["text"]), "dates": [],
            "entities": copy.deepcopy(rec["entities"][:1]), "commitments": []}
    html, _ = build_page([rec], {rec["doc_id"]: gold}, gold_dir=XSS_IMG)
    out = tmp_path / "hostile.html"
    out.write_text(html, encoding="utf-8")
    view = Page(browser, out.as_uri())
    try:
        assert view.page.evaluate("window.__xss") is None
        assert _count(view.page, "img") == 0
        assert _count(view.page, "script") == 1
        text = view.page.locator("section.doc .text").inner_text()
        assert XSS_SCRIPT in text and XSS_IMG in text
        assert XSS_SCRIPT in view.page.locator("section.doc .meta").first.inner_text()
        assert view.page.locator('section.doc a[href^="javascript"]').count() == 0
        assert view.errors() == []
        assert _count(view.page, '.bar.start[data-source="pred"]') == count_predicted(rec)
    finally:
        view.close()


def test_review_readme_screenshot_exists() -> None:
    assert (ROOT / "docs" / "review.png").is_file()
    assert "docs/review.png" in (ROOT / "README.md").read_text(encoding="utf-8")
