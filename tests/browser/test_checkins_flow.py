"""A check-in on a phone-sized screen, without any script of ours."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def test_it_checks_in_from_the_grid_to_the_words_on_a_phone(
    browser: Browser, hearth: LiveHearth
) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(hearth.url + "/accounts/signup/")
    sign_up(page, "Robin", "robin@example.test")
    page.goto(hearth.url + "/spaces/new/")
    page.get_by_label("Name of the space").fill("Robin & Kai")
    page.get_by_label("Couple").check()
    page.get_by_role("button", name="Create the space").click()

    page.goto(hearth.url + "/checkins/")
    expect(page.get_by_role("heading", name="Your check-in for today")).to_be_visible()
    page.get_by_label("How pleasant does today feel?").fill("-4")
    page.get_by_label("How much energy do you have?").fill("4")
    page.get_by_role("button", name="Show words for this point").click()
    first_group = page.locator("details.words").first
    expect(first_group.locator("summary")).to_contain_text("Stirred up and uneasy")
    expect(first_group).to_have_attribute("open", "")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    first_group.get_by_label("anxious").check()
    page.get_by_label("A note (optional)").fill("Big meeting tomorrow.")
    page.get_by_role("button", name="Save my check-in").click()
    expect(page.get_by_text("Saved. It stays private to you.")).to_be_visible()
    expect(page.get_by_text("Private: only you can see it.")).to_be_visible()
    expect(page.locator(".checkin-part").first).to_contain_text("anxious")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
