from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.live import LiveHearth, live_hearth

CHROMIUM = os.environ.get("HEARTH_CHROMIUM", "/usr/bin/chromium")
# Chromium here has no network beyond loopback: keep it from trying.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: apt-get install -y chromium")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def hearth(tmp_path: Path) -> Iterator[LiveHearth]:
    with live_hearth(tmp_path) as live:
        yield live
