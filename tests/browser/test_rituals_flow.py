"""One member plans a weekly check-in, fills in its agenda and turns on the calendar link."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, expect

from tests.browser.people import reauthenticate, sign_up
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def test_it_plans_a_check_in_with_an_agenda_and_a_calendar_link(
    browser: Browser, hearth: LiveHearth
) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(hearth.url + "/accounts/signup/")
    sign_up(page, "Alex", "alex@example.test")
    page.goto(hearth.url + "/spaces/new/")
    page.get_by_label("Name of the space").fill("Alex & Sam")
    page.get_by_label("Couple").check()
    page.get_by_role("button", name="Create the space").click()

    page.goto(hearth.url + "/rituals/")
    page.get_by_role("link", name="Plan a weekly check-in").click()
    expect(page.get_by_label("Weekly check-in meeting")).to_be_checked()
    page.get_by_label("Title").fill("Sunday tea and talk")
    page.get_by_label("Every week").check()
    page.get_by_label("Length in minutes").fill("45")
    page.get_by_role("button", name="Plan it").click()
    expect(page.get_by_role("heading", name="Sunday tea and talk")).to_be_visible()

    page.get_by_role("link", name="Agenda for the next meeting").click()
    expect(page.get_by_role("heading", name="Check-in agenda")).to_be_visible()
    page.get_by_label("Appreciations").check()
    page.get_by_label("What you'd like to bring").fill("Thank you for the flowers")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Added to the agenda.")).to_be_visible()
    expect(page.locator("#section-appreciation")).to_contain_text("Thank you for the flowers")
    expect(page.locator("#section-appreciation")).to_contain_text("Alex (you)")

    page.goto(hearth.url + "/rituals/calendar/")
    reauthenticate(page)
    page.get_by_role("button", name="Turn on my calendar link").click()
    link = page.get_by_label("Calendar link").input_value()
    assert link.endswith(".ics")
    feed = page.context.request.get(link)
    assert feed.status == 200
    body = feed.body()
    events = list(Calendar.from_ical(body).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Hearth: weekly check-in"]
    assert b"Sunday tea" not in body and b"flowers" not in body

    page.get_by_role("button", name="Make a new link").click()
    assert page.context.request.get(link).status == 404
