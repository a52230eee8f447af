"""A member's private calendar feed, built from clear schedule metadata only.

Calendar apps fetch the feed without signing in, so it is found by a secret
token in its URL. The server cannot open sealed text without the member's keys,
and the feed needs none: every event has a neutral title and no description,
so a calendar app (or whoever syncs it) learns when, never what.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from django.http import Http404
from django.utils import timezone
from icalendar import Calendar, Event

from hearth.core import crypto, recurrence
from hearth.rituals.models import CalendarFeed, Occurrence, Ritual
from hearth.spaces.access import current_memberships

SUMMARIES = {
    Ritual.Kind.MEETING: "Hearth: weekly check-in",
}
SUMMARY = "Hearth: time together"


def feed_for_token(token_text: str) -> CalendarFeed:
    """The feed a token opens, or 404 for a malformed, unknown or replaced token."""
    try:
        token = crypto.token_from_text(token_text)
    except crypto.CryptoError:
        raise Http404("No such calendar.") from None
    try:
        return CalendarFeed.objects.select_related("user").get(token_hash=crypto.lookup_hash(token))
    except CalendarFeed.DoesNotExist:
        raise Http404("No such calendar.") from None


def feed_rituals(feed: CalendarFeed) -> list[Ritual]:
    """Active rituals of every space the member belongs to now."""
    spaces = current_memberships(feed.user).values("space_id")
    return list(
        Ritual.objects.filter(
            space_id__in=spaces, status=Ritual.Status.ACTIVE, key_for_space__isnull=False
        ).order_by("made_at")
    )


def calendar_bytes(rituals: list[Ritual], now: datetime | None = None) -> bytes:
    """An iCalendar document with one recurring event per ritual."""
    stamp = now or timezone.now()
    skipped: dict[uuid.UUID, list[date]] = {r.pk: [] for r in rituals}
    if rituals:
        for ritual_id, on in Occurrence.objects.filter(
            ritual__in=rituals, status=Occurrence.Status.SKIPPED
        ).values_list("ritual_id", "on"):
            skipped[ritual_id].append(on)
    cal = Calendar()
    cal.add("prodid", "-//Hearth//Rituals//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Hearth")
    for ritual in rituals:
        event = Event()
        event.add("uid", f"{ritual.pk}@hearth")
        event.add("summary", SUMMARIES.get(Ritual.Kind(ritual.kind), SUMMARY))
        event.add("dtstamp", stamp)
        start = recurrence.starts_at(ritual.first_date, ritual.start_time, ritual.time_zone)
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=ritual.minutes))
        event.add("rrule", recurrence.rrule(ritual.schedule))
        exdates = [
            recurrence.starts_at(on, ritual.start_time, ritual.time_zone)
            for on in sorted(skipped[ritual.pk])
        ]
        if exdates:
            event.add("exdate", exdates)
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
