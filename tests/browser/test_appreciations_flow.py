"""Thanks between two people, in Chromium, with the coach reading as one types."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import couple
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


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
