"""Two people, two phones: a promise made, marked done and confirmed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import couple
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def test_it_lets_a_promise_be_made_kept_and_confirmed(browser: Browser, hearth: LiveHearth) -> None:
    alex, sam = couple(browser, hearth)

    # Alex promises Sam something, for the day after tomorrow.
    alex.goto(hearth.url + "/promises/")
    alex.get_by_role("link", name="Make a promise").click()
    alex.get_by_label("I will\u2026").fill("pick up the bread on the way home")
    alex.get_by_label("Sam").check()
    alex.get_by_label("By (day)").fill((date.today() + timedelta(days=2)).isoformat())
    alex.get_by_role("button", name="Make this promise").click()
    expect(alex.get_by_text("Your promise is made. Sam can see it now.")).to_be_visible()
    assert alex.evaluate("document.documentElement.scrollWidth") <= 390

    alex.get_by_role("button", name="I did it").click()
    expect(alex.locator("#promise-status")).to_have_text("Done, waiting for Sam to confirm")

    # Sam sees it, and confirms.
    sam.goto(hearth.url + "/promises/")
    sam.get_by_role("link", name="pick up the bread on the way home").click()
    expect(sam.locator("#promise-status")).to_have_text("Done, waiting for you to confirm")
    sam.get_by_role("button", name="Yes, it was kept").click()
    expect(sam.locator("#promise-status")).to_have_text("Kept")
    assert sam.evaluate("document.documentElement.scrollWidth") <= 390

    alex.reload()
    expect(alex.locator("#history")).to_contain_text("Sam confirmed it was kept.")
