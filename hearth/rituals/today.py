"""Rituals on the Today page: what is coming up, and the space's recent moments.

Reminders name the kind of ritual and its time, never what a member wrote:
a Today page can be glanced at over a shoulder.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Min
from django.urls import reverse

from hearth.core import recurrence
from hearth.front.today import Due, Moment
from hearth.rituals.access import kind_words
from hearth.rituals.models import AgendaItem, Occurrence, Ritual
from hearth.spaces.context import Here
from hearth.vault import records

EVENING = 17


def _at(ritual: Ritual) -> str:
    return ritual.start_time.strftime("%H:%M")


def due(here: Here, today: date) -> list[Due]:
    """A ritual today or tomorrow, and the next check-in's agenda: two queries."""
    rituals = list(
        Ritual.objects.filter(
            space_id=here.space_id, status=Ritual.Status.ACTIVE, key_for_space__isnull=False
        ).order_by("start_time", "made_at")
    )
    if not rituals:
        return []
    horizon = today + timedelta(days=7)
    marked = set(
        Occurrence.objects.filter(ritual__in=rituals, on__gte=today, on__lte=horizon).values_list(
            "ritual_id", "on"
        )
    )
    items: list[Due] = []
    for ritual in rituals:
        upcoming = [
            d
            for d in recurrence.dates_between(ritual.schedule, today, horizon)
            if (ritual.pk, d) not in marked
        ]
        if not upcoming:
            continue
        on = upcoming[0]
        if ritual.is_meeting:
            url = reverse("rituals:agenda", args=[ritual.pk, on.isoformat()])
            if on == today:
                moment = "tonight" if ritual.start_time.hour >= EVENING else "today"
                title = f"The weekly check-in is {moment} at {_at(ritual)}: add to the agenda"
            elif on == today + timedelta(days=1):
                title = "The weekly check-in is tomorrow: add to the agenda"
            else:
                title = f"The next weekly check-in is on {on.strftime('%A')}: the agenda is open"
            items.append(
                Due(
                    title=title,
                    url=url,
                    note="Appreciations, what went well, one topic, and plans for the week.",
                )
            )
            continue
        if on == today:
            moment = "Tonight" if ritual.start_time.hour >= EVENING else "Today"
        elif on == today + timedelta(days=1):
            moment = "Tomorrow"
        else:
            continue
        items.append(
            Due(
                title=f"{moment}: {kind_words(ritual)} at {_at(ritual)}",
                url=reverse("rituals:detail", args=[ritual.pk]),
            )
        )
    return items


def moments(here: Here, limit: int) -> list[Moment]:
    """Rituals planned, times kept, agendas filled in: three queries, whatever the history."""
    found: list[Moment] = []
    for ritual in Ritual.objects.filter(
        space_id=here.space_id, key_for_space__isnull=False
    ).order_by("-made_at")[:limit]:
        try:
            title = records.reveal(ritual, here.keychain, here.space_key).title
        except records.Locked:
            continue
        found.append(
            Moment(
                when=ritual.made_at,
                kind="ritual",
                text=f"{here.name_of(ritual.owner_id)} planned a ritual: {title}",
                url=reverse("rituals:detail", args=[ritual.pk]),
            )
        )
    done = (
        Occurrence.objects.filter(
            space_id=here.space_id,
            status=Occurrence.Status.DONE,
            ritual__key_for_space__isnull=False,
        )
        .select_related("ritual")
        .order_by("-marked_at")[:limit]
    )
    for occurrence in done:
        try:
            title = records.reveal(occurrence.ritual, here.keychain, here.space_key).title
        except records.Locked:
            continue
        found.append(
            Moment(
                when=occurrence.marked_at,
                kind="ritual-done",
                text=f"{title}, {occurrence.on.strftime('%-d %B')}: "
                f"done, marked by {here.name_of(occurrence.marked_by_id)}",
                url=reverse("rituals:detail", args=[occurrence.ritual_id]),
            )
        )
    found.extend(_agendas_ready(here, limit))
    found.sort(key=lambda m: m.when, reverse=True)
    return found[:limit]


def _agendas_ready(here: Here, limit: int) -> list[Moment]:
    """A meeting's agenda is ready once each of its four sections has something."""
    sections = len(AgendaItem.Section.values)
    firsts: dict[tuple[object, date], list[datetime]] = {}
    rows = (
        AgendaItem.objects.filter(space_id=here.space_id, key_for_space__isnull=False)
        .values("ritual_id", "on", "section")
        .annotate(first=Min("added_at"))
        .order_by("-on", "ritual_id", "section")[: limit * sections]
    )
    for row in rows:
        firsts.setdefault((row["ritual_id"], row["on"]), []).append(row["first"])
    ready: list[Moment] = []
    for (ritual_id, on), times in firsts.items():
        if len(times) < sections:
            continue
        ready.append(
            Moment(
                when=max(times),
                kind="agenda-ready",
                text=f"The agenda for the check-in on {on.strftime('%A %-d %B')} is ready",
                url=reverse("rituals:agenda", args=[ritual_id, on.isoformat()]),
            )
        )
    return ready
