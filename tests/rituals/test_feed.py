"""The private calendar feed: a secret link, neutral titles, clear metadata only."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from hearth.core import crypto
from hearth.rituals import services
from hearth.rituals.models import CalendarFeed, Ritual
from hearth.spaces.context import Here
from tests.conftest import reauthenticate
from tests.rituals.conftest import plan


def turn_on(client: Client) -> str:
    reauthenticate(client)
    response = client.post("/rituals/calendar/link/")
    assert response.status_code == 201
    match = re.search(
        r'value="http://testserver(/rituals/feed/[^"]+\.ics)"', response.content.decode()
    )
    assert match, response.content.decode()
    return match.group(1)


def events(body: bytes) -> list[Any]:
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_it_serves_active_rituals_as_recurring_events_without_sealed_text(
    member_client: Client,
    anon_client: Client,
    member_here: Here,
    partner_here: Here,
    outsider_here: Here,
) -> None:
    services.ritual_create(
        here=member_here,
        plan=plan(
            title="CANARY-feed-title-a1", what="CANARY-feed-what-b2", time_zone="Europe/Paris"
        ),
    )
    meeting = services.ritual_create(
        here=partner_here,
        plan=plan(
            kind=Ritual.Kind.MEETING,
            title="CANARY-feed-title-c3",
            what="",
            at=time(18, 0),
            frequency=Ritual.Frequency.MONTHLY,
            weekday=6,
            week_of_month=-1,
        ),
    )
    services.ritual_create(here=outsider_here, plan=plan(title="Riley's ritual"))
    paused = services.ritual_create(here=member_here, plan=plan(title="CANARY-paused-d4"))
    services.ritual_pause(here=member_here, ritual=paused)
    skipped_on = meeting.first_date + timedelta(days=0)
    services.occurrence_mark(
        here=member_here,
        ritual=meeting,
        on=skipped_on,
        status="skipped",
        note="CANARY-feed-note-e5",
    )

    url = turn_on(member_client)
    response = anon_client.get(url)  # no sign-in: calendar apps can't
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    found = events(body)
    assert len(found) == 2  # the two active rituals of my space, not the paused or the outsider's
    summaries = sorted(str(e["SUMMARY"]) for e in found)
    assert summaries == ["Hearth: time together", "Hearth: weekly check-in"]
    for event in found:
        assert event.get("RRULE")
        assert "DESCRIPTION" not in event
        # A named zone (TZID), or UTC itself ("Z"): never a floating local time.
        assert event["DTSTART"].dt.tzinfo is not None
        assert event["UID"]
    by_summary = {str(e["SUMMARY"]): e for e in found}
    rule = by_summary["Hearth: weekly check-in"]["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["-1SU"]
    together = by_summary["Hearth: time together"]
    assert together["DTSTART"].params["TZID"] == "Europe/Paris"
    assert together["DTSTART"].dt.strftime("%H:%M") == "19:30"
    assert together["DURATION"].dt == timedelta(minutes=120)
    assert b"BEGIN:VTIMEZONE" in body
    assert b"EXDATE" in body  # the skipped time is off the calendar
    assert len({str(e["UID"]) for e in found}) == 2
    for canary in (b"CANARY", b"Riley", b"Friday dinner"):
        assert canary not in body


def test_it_stores_only_a_hash_of_the_token(member_client: Client) -> None:
    url = turn_on(member_client)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == crypto.lookup_hash(crypto.token_from_text(token))
    assert token not in feed.token_hash
    assert len(crypto.token_from_text(token)) == 32
    page = member_client.get("/rituals/calendar/").content.decode()
    assert token not in page  # shown once only
    assert "Your calendar link is on" in page


def test_it_stops_the_old_link_at_once_on_reset(
    member_client: Client, anon_client: Client, date_night: Ritual
) -> None:
    old = turn_on(member_client)
    new = turn_on(member_client)
    assert old != new
    assert anon_client.get(old).status_code == 404
    assert anon_client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_it_turns_the_link_off(
    member_client: Client, anon_client: Client, date_night: Ritual
) -> None:
    url = turn_on(member_client)
    response = member_client.post("/rituals/calendar/off/", follow=True)
    assert "Your calendar link is off" in response.content.decode()
    assert anon_client.get(url).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_it_answers_a_bad_token_with_404(anon_client: Client) -> None:
    for token in ("nope", "A" * 43, "x" * 200, crypto.token_text(crypto.new_token())):
        assert anon_client.get(f"/rituals/feed/{token}.ics").status_code == 404


def test_it_drops_a_space_i_left_from_my_feed(
    member_client: Client, anon_client: Client, partner_here: Here, world: object
) -> None:
    from hearth.spaces import services as space_services
    from tests.conftest import World

    assert isinstance(world, World)
    services.ritual_create(here=partner_here, plan=plan())
    url = turn_on(member_client)
    assert len(events(anon_client.get(url).content)) == 1
    space_services.membership_leave(membership=world.space)
    assert events(anon_client.get(url).content) == []


def test_it_asks_for_the_password_again_before_showing_the_calendar_link(
    member_client: Client,
) -> None:
    response = member_client.get("/rituals/calendar/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert member_client.post("/rituals/calendar/link/")["Location"].startswith(
        "/accounts/reauthenticate/"
    )
    assert not CalendarFeed.objects.exists()


def test_it_guards_the_calendar_settings(anon_client: Client, member_client: Client) -> None:
    assert anon_client.get("/rituals/calendar/")["Location"].startswith("/accounts/login/")
    assert anon_client.post("/rituals/calendar/link/")["Location"].startswith("/accounts/login/")
    assert anon_client.post("/rituals/calendar/off/")["Location"].startswith("/accounts/login/")
    assert not CalendarFeed.objects.exists()
    assert member_client.get("/rituals/calendar/link/").status_code == 405
    assert member_client.get("/rituals/calendar/off/").status_code == 405
    assert member_client.post("/rituals/calendar/").status_code == 405
    url = turn_on(member_client)
    assert member_client.post(url).status_code == 405
    assert timezone.now()  # the page works while signed in, too
    assert member_client.get(url).status_code == 200


def test_it_keeps_each_members_link_their_own(
    member_client: Client, partner_client: Client
) -> None:
    mine = turn_on(member_client)
    turn_on(partner_client)
    partner_client.post("/rituals/calendar/off/")
    assert CalendarFeed.objects.count() == 1
    assert Client().get(mine).status_code == 200
