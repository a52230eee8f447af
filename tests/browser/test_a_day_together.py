"""Issue 4's acceptance: two people live one day in Hearth, each in their own
browser, on phone-sized screens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from tests.browser.people import couple, reauthenticate
from tests.live import LiveHearth

pytestmark = pytest.mark.browser


def check_in(page: Page, word: str, note: str) -> None:
    page.get_by_role("link", name="Check in").first.click()
    page.get_by_label("How pleasant does today feel?").fill("3")
    page.get_by_label("How much energy do you have?").fill("-2")
    page.get_by_role("button", name="Show words for this point").click()
    page.locator(f'input[name="words"][value="{word}"]').check()
    page.get_by_label("A note (optional)").fill(note)
    page.get_by_label("How I feel (the grid and my words)").check()
    page.get_by_label("My note").check()
    page.get_by_role("button", name="Save my check-in").click()


def fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_it_lets_two_people_live_one_day(browser: Browser, hearth: LiveHearth) -> None:
    alex, sam = couple(browser, hearth)
    today = datetime.now(UTC).date().isoformat()

    # --- Check-ins: revealed to each other only once both have checked in.
    check_in(alex, "calm", "CANARY-alex-note: a slow, easy evening")
    sam.goto(f"{hearth.url}/checkins/day/{today}/")
    expect(
        sam.get_by_text("Alex has checked in today; check in to see what they shared.")
    ).to_be_visible()
    expect(sam.get_by_text("a slow, easy evening")).to_have_count(0)
    check_in(sam, "relaxed", "Glad we had dinner together")
    sam.goto(f"{hearth.url}/checkins/day/{today}/")
    expect(sam.get_by_text("CANARY-alex-note: a slow, easy evening")).to_be_visible()
    alex.goto(f"{hearth.url}/checkins/day/{today}/")
    expect(alex.get_by_text("Glad we had dinner together")).to_be_visible()
    fits(alex)

    # --- The daily question: answers appear only after both answered.
    alex.goto(hearth.url + "/questions/")
    alex.get_by_label("Your answer").fill("The first time we got lost in Lisbon")
    alex.get_by_role("button", name="Save my answer").click()
    sam.goto(hearth.url + "/questions/")
    expect(sam.locator("#question-status")).to_contain_text("Alex has answered.")
    expect(sam.get_by_text("The first time we got lost in Lisbon")).to_have_count(0)
    sam.get_by_label("Your answer").fill("Dancing badly in the kitchen")
    sam.get_by_role("button", name="Save my answer").click()
    expect(sam.get_by_text("The first time we got lost in Lisbon")).to_be_visible()
    alex.reload()
    expect(alex.get_by_text("Dancing badly in the kitchen")).to_be_visible()

    # --- A promise made, done, and confirmed.
    alex.goto(hearth.url + "/promises/new/")
    alex.get_by_label("I will\u2026").fill("book the table for Friday")
    alex.get_by_label("Sam").check()
    alex.get_by_label("By (day)").fill((datetime.now(UTC) + timedelta(days=2)).date().isoformat())
    alex.get_by_role("button", name="Make this promise").click()
    alex.get_by_role("button", name="I did it").click()
    expect(alex.locator("#promise-status")).to_have_text("Done, waiting for Sam to confirm")
    sam.goto(hearth.url + "/promises/")
    sam.get_by_role("link", name="book the table for Friday").click()
    sam.get_by_role("button", name="Yes, it was kept").click()
    expect(sam.locator("#promise-status")).to_have_text("Kept")

    # --- A second promise, renegotiated with "can't make it".
    soon = datetime.now(UTC) + timedelta(hours=3)
    alex.goto(hearth.url + "/promises/new/")
    alex.get_by_label("I will\u2026").fill("pick up the dry cleaning")
    alex.get_by_label("Sam").check()
    alex.get_by_label("By (day)").fill(soon.date().isoformat())
    alex.get_by_label("By (time, if it matters)").fill(soon.strftime("%H:%M"))
    alex.get_by_role("button", name="Make this promise").click()
    alex.get_by_role("link", name="Can't make it").click()
    expect(alex.get_by_label("A note for the other side")).to_have_value("I can't make it")
    alex.get_by_role("button", name="Ask").click()
    sam.goto(hearth.url + "/promises/")
    sam.get_by_role("link", name="pick up the dry cleaning").click()
    sam.get_by_role("button", name="Agree").click()
    expect(sam.locator("#history")).to_contain_text("I can't make it")
    expect(sam.locator("#promise-status")).not_to_contain_text("slipped")

    # --- An appreciation, seen by the other.
    sam.goto(hearth.url + "/appreciations/new/")
    sam.get_by_label("What did they do?").fill("You booked our table without being asked")
    sam.get_by_label("Why did it matter to you?").fill("I felt looked after")
    sam.get_by_role("button", name="Send the appreciation").click()
    alex.goto(hearth.url + "/appreciations/")
    expect(alex.locator("#feed")).to_contain_text("Sam thanked you")
    expect(alex.locator("#feed")).to_contain_text("You booked our table without being asked")

    # --- Boundaries: listed, shared, acknowledged.
    alex.goto(hearth.url + "/boundaries/new/")
    alex.get_by_label("Time").check()
    alex.get_by_label("What is your boundary?").fill("I need an hour to myself after work")
    alex.get_by_label("Why does it matter to you?").fill("It helps me arrive properly")
    alex.get_by_role("button", name="Save it privately").click()
    alex.get_by_role("button", name="Share it with the space").click()
    sam.goto(hearth.url + "/boundaries/shared/")
    expect(sam.get_by_text("I need an hour to myself after work")).to_be_visible()
    sam.get_by_role("button", name="I understand and will honour this").first.click()
    expect(sam.get_by_text("You acknowledged this")).to_be_visible()
    alex.goto(hearth.url + "/boundaries/")
    alex.get_by_role("link", name="I need an hour to myself after work").click()
    expect(alex.locator(".acks")).to_contain_text("Acknowledged by Sam.")

    # --- A weekly ritual, and a calendar feed with neutral titles.
    alex.goto(hearth.url + "/rituals/")
    alex.get_by_role("link", name="Plan a weekly check-in").click()
    alex.get_by_label("Title").fill("CANARY-ritual Sunday tea and talk")
    alex.get_by_label("Every week").check()
    alex.get_by_label("Length in minutes").fill("45")
    alex.get_by_role("button", name="Plan it").click()
    sam.goto(hearth.url + "/rituals/calendar/")
    reauthenticate(sam)
    sam.get_by_role("button", name="Turn on my calendar link").click()
    feed = sam.context.request.get(sam.get_by_label("Calendar link").input_value())
    assert feed.status == 200
    events = list(Calendar.from_ical(feed.body()).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Hearth: weekly check-in"]
    assert all("RRULE" in e for e in events)
    assert b"CANARY" not in feed.body() and b"Sunday tea" not in feed.body()

    # --- A journal entry, invisible to the partner until shared.
    alex.goto(hearth.url + "/journal/new/")
    alex.get_by_label("Your entry").fill(
        "CANARY-journal I noticed I relaxed when we planned together."
    )
    alex.get_by_role("button", name="Save privately").click()
    entry = alex.url
    response = sam.goto(entry)
    assert response is not None and response.status == 404
    sam.goto(hearth.url + "/journal/shared/")
    expect(sam.get_by_text("I noticed I relaxed")).to_have_count(0)
    alex.get_by_role("link", name="Share with the space…").click()
    alex.get_by_role("button", name="Yes, share it").click()
    sam.goto(entry)
    expect(
        sam.get_by_text("CANARY-journal I noticed I relaxed when we planned together.")
    ).to_be_visible()

    # --- Today shows the day's shared moments to both.
    for page in (alex, sam):
        page.goto(hearth.url + "/")
        moments = page.locator("#moments")
        expect(moments).to_contain_text("thanked")
        fits(page)
