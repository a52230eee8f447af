"""Rituals on the Today page, and the demo's history of them."""

from __future__ import annotations

import random
import time as clock
from datetime import time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.demo.world import DemoWorld
from hearth.rituals import demo, services, today
from hearth.rituals.models import AgendaItem, Occurrence, Ritual
from hearth.spaces.context import Here
from hearth.vault import records
from tests.rituals.conftest import plan


def test_it_reminds_of_a_ritual_tonight_and_tomorrow(member_here: Here) -> None:
    day = timezone.localdate()
    services.ritual_create(here=member_here, plan=plan())
    services.ritual_create(
        here=member_here,
        plan=plan(kind=Ritual.Kind.WALK, weekday=(day.weekday() + 1) % 7, at=time(10, 0)),
    )
    titles = [d.title for d in today.due(member_here, day)]
    assert "Tonight: date night at 19:30" in titles
    assert "Tomorrow: your walk together at 10:00" in titles
    for item in today.due(member_here, day):
        assert "Friday dinner" not in item.title + item.note  # the sealed title stays off


def test_it_points_to_the_next_check_in_agenda(member_here: Here, partner_here: Here) -> None:
    day = timezone.localdate()
    meeting = services.ritual_create(
        here=member_here,
        plan=plan(kind=Ritual.Kind.MEETING, weekday=(day.weekday() + 1) % 7, at=time(19, 0)),
    )
    due = today.due(partner_here, day)
    assert [d.title for d in due] == ["The weekly check-in is tomorrow: add to the agenda"]
    assert due[0].url == f"/rituals/{meeting.pk}/{(day + timedelta(days=1)).isoformat()}/agenda/"
    later = today.due(partner_here, day - timedelta(days=3))
    assert later[0].title.startswith("The next weekly check-in is on ")
    assert later[0].url == due[0].url


def test_it_says_nothing_of_a_time_already_skipped(member_here: Here) -> None:
    day = timezone.localdate()
    ritual = services.ritual_create(here=member_here, plan=plan())
    services.occurrence_mark(here=member_here, ritual=ritual, on=day, status="skipped")
    assert today.due(member_here, day) == []
    services.ritual_pause(here=member_here, ritual=ritual)
    assert today.due(member_here, day + timedelta(days=7)) == []


def test_it_shows_nothing_to_an_outsider(member_here: Here, outsider_here: Here) -> None:
    ritual = services.ritual_create(here=member_here, plan=plan())
    services.occurrence_mark(
        here=member_here, ritual=ritual, on=timezone.localdate(), status="done"
    )
    assert today.due(outsider_here, timezone.localdate()) == []
    assert today.moments(outsider_here, 10) == []


def test_it_tells_the_space_what_happened(member_here: Here, partner_here: Here) -> None:
    day = timezone.localdate()
    ritual = services.ritual_create(here=member_here, plan=plan())
    services.occurrence_mark(here=partner_here, ritual=ritual, on=day, status="done")
    meeting = services.ritual_create(
        here=partner_here, plan=plan(kind=Ritual.Kind.MEETING, title="Check-in")
    )
    for section in AgendaItem.Section.values:
        services.agenda_item_add(
            here=member_here, ritual=meeting, on=day, section=section, body=f"item {section}"
        )
    texts = [m.text for m in today.moments(member_here, 10)]
    assert "Alex planned a ritual: Friday dinner" in texts
    assert "Sam planned a ritual: Check-in" in texts
    assert f"Friday dinner, {day.strftime('%-d %B')}: done, marked by Sam" in texts
    assert f"The agenda for the check-in on {day.strftime('%A %-d %B')} is ready" in texts
    assert len(today.moments(member_here, 2)) == 2


def test_it_answers_today_in_a_fixed_number_of_queries(
    member_here: Here, partner_here: Here
) -> None:
    day = timezone.localdate()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            today.due(member_here, day)
            today.moments(member_here, 10)
        return len(queries)

    ritual = services.ritual_create(here=member_here, plan=plan(kind=Ritual.Kind.MEETING))
    services.occurrence_mark(here=partner_here, ritual=ritual, on=day, status="done")
    services.agenda_item_add(here=member_here, ritual=ritual, on=day, section="plans", body="x")
    count()  # the space's names load once per request
    baseline = count()
    for i in range(6):
        extra = services.ritual_create(here=partner_here, plan=plan(title=f"r{i}"))
        services.occurrence_mark(here=member_here, ritual=extra, on=day, status="done")
        services.agenda_item_add(
            here=partner_here, ritual=ritual, on=day, section="appreciation", body=f"a{i}"
        )
    assert count() == baseline


def test_it_writes_a_demo_history_quickly(member_here: Here, partner_here: Here) -> None:
    days = 120
    world = DemoWorld(
        first=member_here,
        second=partner_here,
        start=timezone.now() - timedelta(days=days - 1),
        days=days,
        rng=random.Random(7),
    )
    started = clock.monotonic()
    demo.populate(world)
    assert clock.monotonic() - started < 10
    kinds = sorted(Ritual.objects.values_list("kind", flat=True))
    assert kinds == ["date_night", "meeting", "walk"]
    meeting = Ritual.objects.get(kind="meeting")
    marks = Occurrence.objects.filter(ritual=meeting)
    assert marks.filter(status="skipped").count() == 2
    assert marks.filter(status="done").count() >= 12
    assert AgendaItem.objects.filter(ritual=meeting).values("on").distinct().count() >= 12
    walk = Ritual.objects.get(kind="walk")
    assert walk.made_at > meeting.made_at + timedelta(days=30)
    assert Ritual.objects.get(kind="date_night").frequency == "fortnightly"
    assert world.texts and "Sunday check-in" in world.texts
    # Everything written is in the demo's list, so the at-rest test can look for it.
    for item in AgendaItem.objects.all()[:20]:
        body = records.reveal(item, member_here.keychain, member_here.space_key).body
        assert body in world.texts
    assert today.due(member_here, timezone.localdate())  # the next meeting's agenda is open
