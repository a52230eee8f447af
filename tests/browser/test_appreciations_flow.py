"""Thanks between two people, in Chromium, with the coach reading as one types."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_spaces_flow import sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def couple(browser: Browser, hearth: LiveHearth) -> tuple[Page, Page]:
    alex = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sam = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    alex.goto(hearth.url + "/accounts/signup/")
    sign_up(alex, "Alex", "alex@example.test")
    alex.goto(hearth.url + "/spaces/new/")
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


def test_it_sends_thanks_with_the_coach_watching_and_sam_sees_it(
    browser: Browser, hearth: LiveHearth
) -> None:
    alex, sam = couple(browser, hearth)

    alex.goto(hearth.url + "/appreciations/new/")
    expect(alex.locator("#audience")).to_contain_text("Sam and you")
    field = alex.get_by_label("What did they do?")
    feedback = alex.locator("#id_what-coach")

    field.press_sequentially("You never listen to me", delay=20)
    expect(feedback).to_contain_text("Blame.")
    expect(feedback.locator("mark")).to_contain_text("never")
    expect(feedback).to_contain_text("A gentler way to say it")

    field.fill("")
    field.press_sequentially("Thank you for cooking tonight, it meant a lot.", delay=10)
    alex.wait_for_timeout(1500)
    expect(feedback).not_to_contain_text("Blame")
    expect(feedback.locator(".coach-notes")).to_have_count(0)

    alex.get_by_label("Why did it matter to you?").fill("I could rest after a long day.")
    alex.get_by_role("button", name="Send the appreciation").click()
    expect(alex.get_by_role("heading", name="You thanked Sam")).to_be_visible()

    sam.goto(hearth.url + "/appreciations/")
    feed = sam.locator("#feed")
    expect(feed).to_contain_text("Alex thanked you")
    expect(feed).to_contain_text("Thank you for cooking tonight, it meant a lot.")
    expect(feed).to_contain_text("I could rest after a long day.")

    # A heart, answered in place.
    sam.get_by_role("button", name="Send a heart").click()
    expect(feed).to_contain_text("from You")
    alex.goto(hearth.url + "/appreciations/")
    expect(alex.locator("#feed")).to_contain_text("from Sam")
