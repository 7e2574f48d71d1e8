"""Produce tests/fixtures/annotation/label-studio-export.json with a real Label Studio.

Label Studio is not a dependency of this project (it pins packages of its own): install it in a
venv of its own and start it on this machine, then run this script with the project's venv:

    python3 -m venv /tmp/ls-venv && /tmp/ls-venv/bin/pip install label-studio==1.23.2 'sentry-sdk<3'
    LABEL_STUDIO_BASE_DATA_DIR=/tmp/ls-data /tmp/ls-venv/bin/label-studio start --no-browser \
        --host 127.0.0.1 --port 8089 --username annotator@example.com --password annotator-pass
    .venv/bin/python -m pipeline annotate SAMPLE.jsonl -o /tmp/lsrun --tool label-studio
    .venv/bin/python tools/label_studio_sample.py /tmp/lsrun OUT.json

The script logs in through the real web interface (headless Chromium), creates a project with
our labeling config, imports the tasks with their pre-annotations, opens each task in Label
Studio's labeling interface (a screenshot of the first is written next to OUT), makes one
correction on the accident speech through the API as an annotator's edit (the first 福知山線,
a LOCATION in the predictions, relabelled FACILITY), submits the second task as pre-annotated by clicking
Submit in the interface, and saves Label Studio's own JSON export.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM_ARGS

URL = "http://127.0.0.1:8089"
EMAIL, PASSWORD = "annotator@example.com", "annotator-pass"


def _api(context, method: str, path: str, body=None):
    csrf = next((c["value"] for c in context.cookies() if c["name"] == "csrftoken"), "")
    headers = {"X-CSRFToken": csrf, "Referer": URL + "/", "Content-Type": "application/json"}
    response = context.request.fetch(URL + path, method=method, headers=headers,
                                     data=json.dumps(body) if body is not None else None)
    if not response.ok:
        raise SystemExit(f"{method} {path}: {response.status} {response.text()[:500]}")
    return response.json() if response.text() else None


def _relabel(result: list[dict], surface: str, old: str, new: str) -> list[dict]:
    """The annotator's correction: the first region ``surface`` labelled ``old`` gets ``new``."""
    for r in result:
        value = r.get("value") or {}
        if r.get("type") == "labels" and value.get("text") == surface and value.get("labels") == [old]:
            value["labels"] = [new]
            return result
    raise SystemExit(f"no {old} region {surface!r} to correct")


def main(folder: Path, out: Path) -> None:
    config = (folder / "label-studio-config.xml").read_text(encoding="utf-8")
    tasks = json.loads((folder / "label-studio-tasks.json").read_text(encoding="utf-8"))
    for task in tasks:
        task.pop("id", None)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(URL + "/user/login/")
        page.fill('input[name="email"]', EMAIL)
        page.fill('input[name="password"]', PASSWORD)
        page.click('button[type="submit"]')
        page.wait_for_url(lambda u: "/login" not in u, timeout=60_000)
        project = _api(context, "POST", "/api/projects/", {"title": "jpextract sample", "label_config": config})
        _api(context, "POST", f"/api/projects/{project['id']}/import", tasks)
        listed = _api(context, "GET", f"/api/tasks/?project={project['id']}")
        listed = listed["tasks"] if isinstance(listed, dict) else listed
        # the corrected task first (the accident speech), then the one submitted in the interface
        ids = sorted((t["id"] for t in listed), key=lambda i: "福知山線" not in json.dumps(
            _api(context, "GET", f"/api/tasks/{i}")["data"], ensure_ascii=False))
        first = _api(context, "GET", f"/api/tasks/{ids[0]}")
        result = _relabel(first["predictions"][0]["result"], "福知山線", "LOCATION", "FACILITY")
        _api(context, "POST", f"/api/tasks/{ids[0]}/annotations/", {"result": result, "lead_time": 1.0})
        for n, task_id in enumerate(ids):
            page.goto(f"{URL}/projects/{project['id']}/data?task={task_id}")
            page.wait_for_selector(".htx-text, [class*='htx-text'], .lsf-htx-richtext", timeout=90_000)
            time.sleep(3)
            if n == 0:
                page.screenshot(path=str(out.with_suffix(".png")))
            else:
                page.get_by_role("button", name="Submit").first.click()
                time.sleep(3)
        exported = _api(context, "GET", f"/api/projects/{project['id']}/export?exportType=JSON&download_all_tasks=true")
        browser.close()
    out.write_text(json.dumps(exported, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(exported)} tasks exported -> {out}; page errors: {errors[:5]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
