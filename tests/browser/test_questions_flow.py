"""Two people answer the daily question; neither sees the other's answer early."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.people import couple
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def fits(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_it_reveals_answers_only_once_both_have_answered(
    browser: Browser, hearth: LiveHearth
) -> None:
    alex, sam = couple(browser, hearth)

    alex.goto(hearth.url + "/questions/")
    question = alex.get_by_role("heading", level=1).inner_text()
    alex.get_by_label("Your answer").fill("The night market by the river")
    alex.get_by_role("button", name="Save my answer").click()
    expect(alex.locator("#question-status")).to_contain_text("Sam hasn't yet")
    assert fits(alex)

    sam.goto(hearth.url + "/questions/")
    expect(sam.get_by_role("heading", level=1)).to_have_text(question)
    expect(sam.locator("#question-status")).to_contain_text(
        "Alex has answered. Your answer will be shown once you've both answered."
    )
    expect(sam.get_by_text("The night market by the river")).to_have_count(0)

    sam.get_by_label("Your answer").fill("Cooking together on a Sunday")
    sam.get_by_role("button", name="Save my answer").click()
    expect(sam.get_by_text("The night market by the river")).to_be_visible()
    assert fits(sam)

    alex.reload()
    expect(alex.get_by_text("Cooking together on a Sunday")).to_be_visible()
    expect(alex.locator("#question-status")).to_contain_text("Everyone has answered.")
