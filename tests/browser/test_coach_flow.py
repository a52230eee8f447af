"""The coach as a person types, in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def test_it_coaches_as_i_type_and_offers_a_rewrite(browser: Browser, hearth: LiveHearth) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(hearth.url + "/accounts/signup/")
    sign_up(page, "Robin", "robin@example.test")
    page.get_by_role("link", name="More").click()
    page.get_by_role("link", name="Try a message").click()
    field = page.get_by_label("Your message")

    field.press_sequentially("You never listen to me", delay=20)
    feedback = page.locator("#id_text-coach")
    expect(feedback).to_contain_text("Blame.")
    expect(feedback.locator("mark")).to_contain_text("never")
    expect(feedback).to_contain_text("A gentler way to say it")

    page.get_by_role("button", name="Use this wording").click()
    expect(field).not_to_have_value("You never listen to me")
    assert field.input_value().startswith("I feel")

    field.fill("")
    field.press_sequentially("Thank you for cooking tonight, it meant a lot.", delay=10)
    page.wait_for_timeout(1500)
    expect(feedback).not_to_contain_text("Blame")
    expect(feedback.locator(".coach-notes")).to_have_count(0)
