"""My insights on a phone: charts, their words and their tables, from the demo's history."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.people import PHONE, sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser

DEMO_EMAIL = "first@demo.hearth.test"
DEMO_PASSWORD = "hearth-demo-passphrase"


def test_it_starts_patiently_for_a_new_member(browser: Browser, hearth: LiveHearth) -> None:
    page = browser.new_context(viewport=PHONE).new_page()  # type: ignore[arg-type]
    page.goto(hearth.url + "/accounts/signup/")
    sign_up(page, "Robin", "robin@example.test")
    page.goto(hearth.url + "/spaces/new/")
    page.get_by_label("Name of the space").fill("Robin & Kai")
    page.get_by_label("Couple").check()
    page.get_by_role("button", name="Create the space").click()
    page.goto(hearth.url + "/insights/")
    expect(page.get_by_role("heading", name="Your insights", exact=True)).to_be_visible()
    expect(page.locator("svg.chart")).to_have_count(5)
    expect(page.get_by_text("There's nothing to go on yet").first).to_be_visible()


def test_it_shows_my_insights_on_a_phone(
    browser: Browser, hearth: LiveHearth, tmp_path: Path
) -> None:
    built = hearth.hearth("demo")
    assert built.returncode == 0, built.stderr
    page = browser.new_context(viewport=PHONE).new_page()  # type: ignore[arg-type]
    page.goto(hearth.url + "/accounts/login/")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(hearth.url + "/insights/")
    expect(page.get_by_role("heading", name="Your insights", exact=True)).to_be_visible()

    # Four dimension charts and the weekly balance, each with a name and words.
    expect(page.locator("svg.chart")).to_have_count(5)
    expect(page.locator("svg.chart path.band")).to_have_count(4)
    expect(page.locator("svg.chart path.line")).to_have_count(4)
    expect(
        page.get_by_role("img", name="Being heard: your own sense over the last twelve weeks")
    ).to_be_visible()
    heard = page.locator("#chart-heard-summary")
    expect(heard).to_contain_text("Your sense of being heard")
    assert "nothing to go on" not in heard.inner_text()

    # The table alternative opens without script and has a row per week.
    page.get_by_text("Being heard as a table").click()
    expect(page.locator("details:has-text('Being heard as a table') tbody tr")).to_have_count(12)

    # The period switch is plain links.
    page.get_by_role("link", name="The last year").click()
    expect(page.get_by_text("Showing the last year")).to_be_visible()
    page.get_by_role("link", name="The last four weeks").click()
    expect(page.get_by_text("Showing the last four weeks")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(hearth.url + "/insights/?weeks=12")
    shot = tmp_path / "insights-390.png"
    page.screenshot(path=str(shot), full_page=True)
    shutil.copy(shot, "/tmp/insights-390.png")

    # Nothing of it reaches the partner: the combined view waits for everyone.
    page.goto(hearth.url + "/insights/sharing/")
    expect(page.get_by_text("What I'm willing to put into a combined view")).to_be_visible()
