"""Headless Chromium for the review page's tests: Debian's ``chromium`` driven by Playwright.

Playwright is only the driver: it never downloads a browser of its own (``executable_path`` is the
system one). Without a browser the tests are skipped with a message saying so; under CI
(``CI=true``, where ``.ci/run`` installs it) they fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("JPEXTRACT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _unavailable(reason: str) -> None:
    message = f"browser tests SKIPPED: {reason} (install it with `apt-get install -y chromium`; .ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message.replace("SKIPPED", "cannot run under CI"))
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (it is in requirements-dev.lock)")
    path = chromium_path()
    if path is None:
        _unavailable("no Chromium at /usr/bin/chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


class Page:
    """A loaded page with everything it logged and requested."""

    def __init__(self, browser: Any, url: str, viewport: dict[str, int] | None = None) -> None:
        self.messages: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport=viewport or {"width": 1400, "height": 1000})
        self.page.on("console", lambda m: self.messages.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e))))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def errors(self) -> list[tuple[str, str]]:
        return [m for m in self.messages if m[0] in ("error", "pageerror", "warning")]

    def close(self) -> None:
        self.page.close()
