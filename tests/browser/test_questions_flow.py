"""Two people answer the daily question; neither sees the other's answer early."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_spaces_flow import sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def couple(browser: Browser, hearth: LiveHearth) -> tuple[Page, Page]:
    """Alex and Sam, signed up, in one couple space, on phone-sized screens."""
    alex = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sam = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    alex.goto(hearth.url + "/accounts/signup/")
    sign_up(alex, "Alex", "alex@example.test")
    alex.get_by_role("link", name="Create a space").first.click()
    alex.get_by_label("Name of the space").fill("Alex & Sam")
    alex.get_by_label("Couple").check()
    alex.get_by_role("button", name="Create the space").click()
    alex.get_by_role("button", name="Create an invitation link").click()
    link = alex.get_by_label("Invitation link to Alex & Sam").input_value()
    sam.goto(link)
    sam.get_by_role("link", name="Create an account").click()
    sign_up(sam, "Sam", "sam@example.test")
    sam.get_by_role("button", name="Join Alex & Sam").click()
    expect(sam.get_by_text("Welcome to Alex & Sam.")).to_be_visible()
    return alex, sam


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
