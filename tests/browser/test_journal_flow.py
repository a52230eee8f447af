"""A private journal entry, shared on purpose, then made private again."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import couple
from tests.browser.test_questions_flow import fits
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def test_it_shares_an_entry_only_when_i_choose(browser: Browser, hearth: LiveHearth) -> None:
    alex, sam = couple(browser, hearth)

    alex.goto(hearth.url + "/journal/new/")
    alex.get_by_role("link", name="Another prompt").click()
    alex.get_by_role("link", name="Write about this").click()
    expect(alex.get_by_text("Writing from a prompt")).to_be_visible()
    alex.get_by_label("Title (optional)").fill("A calmer evening")
    alex.get_by_label("Your entry").fill("I noticed I was tense, and I said so early.")
    alex.get_by_role("button", name="Save privately").click()
    expect(alex.locator("#visibility")).to_contain_text("Only you can read this entry.")
    entry_url = alex.url
    assert fits(alex)

    sam.goto(hearth.url + "/journal/shared/")
    expect(sam.get_by_text("A calmer evening")).to_have_count(0)
    response = sam.goto(entry_url)
    assert response is not None and response.status == 404

    alex.get_by_role("link", name="Share with the space…").click()
    expect(alex.get_by_text("will be able to read this entry")).to_contain_text("Sam")
    alex.get_by_role("button", name="Yes, share it").click()
    expect(alex.locator("#visibility")).to_contain_text("Sam can read this entry.")

    sam.goto(hearth.url + "/journal/shared/")
    sam.get_by_role("link", name="A calmer evening").click()
    expect(sam.get_by_text("I noticed I was tense, and I said so early.")).to_be_visible()

    alex.get_by_role("button", name="Make private again").click()
    expect(alex.locator("#visibility")).to_contain_text("Only you can read this entry.")
    response = sam.goto(entry_url)
    assert response is not None and response.status == 404
