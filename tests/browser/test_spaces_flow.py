"""Two people in two browsers: sign up, create a space, invite, join, leave."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def test_it_lets_two_people_meet_in_a_space_and_one_leave(
    browser: Browser, hearth: LiveHearth
) -> None:
    alex = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sam = browser.new_context(viewport={"width": 390, "height": 844}).new_page()

    # Alex signs up and creates a space.
    alex.goto(hearth.url + "/")
    alex.get_by_role("link", name="Create your account").click()
    sign_up(alex, "Alex", "alex@example.test")
    expect(alex.get_by_role("heading", name="Hello, Alex")).to_be_visible()
    alex.get_by_role("link", name="Create a space").first.click()
    alex.get_by_label("Name of the space").fill("Alex & Sam")
    alex.get_by_label("Couple").check()
    expect(alex.get_by_label("Your name in this space")).to_have_value("Alex")
    alex.get_by_role("button", name="Create the space").click()
    expect(alex.get_by_role("heading", name="Alex & Sam")).to_be_visible()

    # Alex makes a one-time link.
    alex.get_by_role("button", name="Create an invitation link").click()
    link = alex.get_by_label("Invitation link to Alex & Sam").input_value()
    assert "/join/" in link

    # Sam opens it, signs up, and joins.
    sam.goto(link)
    expect(sam.get_by_role("heading", name="Alex invited you to Alex & Sam")).to_be_visible()
    sam.get_by_role("link", name="Create an account").click()
    sign_up(sam, "Sam", "sam@example.test")
    expect(sam.get_by_role("heading", name="Alex invited you to Alex & Sam")).to_be_visible()
    expect(sam.get_by_label("Your name in this space")).to_have_value("Sam")
    sam.get_by_role("button", name="Join Alex & Sam").click()
    expect(sam.get_by_text("Welcome to Alex & Sam.")).to_be_visible()

    # Both see each other.
    for page in (alex, sam):
        page.goto(hearth.url + "/spaces/")
        page.get_by_role("link", name="Alex & Sam").click()
        members = page.locator("#members")
        expect(members).to_contain_text("Alex")
        expect(members).to_contain_text("Sam")

    # The link worked once.
    stranger = browser.new_context().new_page()
    response = stranger.goto(link)
    assert response is not None and response.status == 404

    # Alex leaves; Sam sees it.
    alex.get_by_role("link", name="Leave this space").click()
    alex.get_by_role("button", name="Leave now").click()
    expect(alex.get_by_text("You have left the space.")).to_be_visible()
    sam.reload()
    expect(sam.locator("#members")).not_to_contain_text("Alex")
    expect(sam.locator("#former-members")).to_contain_text("Alex left this space on")


def test_it_quick_exits_and_back_shows_nothing_private(
    browser: Browser, hearth: LiveHearth
) -> None:
    page = browser.new_context().new_page()
    page.goto(hearth.url + "/accounts/signup/")
    sign_up(page, "Robin", "robin@example.test")
    expect(page.get_by_role("heading", name="Hello, Robin")).to_be_visible()
    # First in the tab order.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(re.compile(r".*/static/hearth/icon\.svg$"))
    page.go_back()
    expect(page.get_by_text("Hello, Robin")).to_have_count(0)
    page.goto(hearth.url + "/spaces/")
    assert "/accounts/login/" in page.url


def test_it_quick_exits_on_a_double_escape(browser: Browser, hearth: LiveHearth) -> None:
    page = browser.new_context().new_page()
    page.goto(hearth.url + "/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r".*/static/hearth/icon\.svg$"))
