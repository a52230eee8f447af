"""People in the browser tests: signing up, a couple in one space, and the
password check that sensitive settings ask for."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.live import LiveHearth

PASSWORD = "a-long-browser-passphrase"
PHONE = {"width": 390, "height": 844}


def sign_up(page: Page, name: str, email: str) -> None:
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create your account").click()
    expect(page.get_by_role("heading", name="Save your recovery code")).to_be_visible()
    code = page.locator("#recovery-code code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){7}", code)
    page.get_by_label("I have saved my recovery code somewhere safe.").check()
    page.get_by_role("button", name="Continue").click()


def couple(browser: Browser, hearth: LiveHearth) -> tuple[Page, Page]:
    """Alex and Sam, signed up, in one couple space, each on a phone-sized screen."""
    alex = browser.new_context(viewport=PHONE).new_page()  # type: ignore[arg-type]
    sam = browser.new_context(viewport=PHONE).new_page()  # type: ignore[arg-type]
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


def reauthenticate(page: Page) -> None:
    """Sensitive settings ask for the password again first."""
    expect(page.get_by_text("Enter your password:")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
