"""Rituals set up through their own services, for the members of the fixture world."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from hearth.rituals import services
from hearth.rituals.models import Ritual
from hearth.spaces.context import Here, here_for_membership
from tests.conftest import World


def plan(
    *,
    kind: str = Ritual.Kind.DATE_NIGHT,
    title: str = "Friday dinner",
    what: str = "Somewhere new each time",
    frequency: str = Ritual.Frequency.WEEKLY,
    weekday: int | None = None,
    week_of_month: int | None = None,
    at: time = time(19, 30),
    minutes: int = 120,
    starts_on: date | None = None,
    time_zone: str = "UTC",
) -> services.Plan:
    today = timezone.localdate()
    return services.Plan(
        kind=kind,
        title=title,
        what=what,
        frequency=frequency,
        weekday=today.weekday() if weekday is None else weekday,
        week_of_month=week_of_month,
        start_time=at,
        minutes=minutes,
        starts_on=starts_on or today - timedelta(days=56),
        time_zone=time_zone,
    )


@pytest.fixture
def member_here(world: World) -> Here:
    return here_for_membership(world.space, world.member.keychain)


@pytest.fixture
def partner_here(world: World) -> Here:
    return here_for_membership(world.partner_membership, world.partner.keychain)


@pytest.fixture
def outsider_here(world: World) -> Here:
    return here_for_membership(world.outsider_space, world.outsider.keychain)


@pytest.fixture
def date_night(member_here: Here) -> Ritual:
    """A weekly date night that falls on today's weekday, since eight weeks ago."""
    return services.ritual_create(here=member_here, plan=plan())


@pytest.fixture
def meeting(member_here: Here) -> Ritual:
    """A weekly check-in meeting on today's weekday."""
    return services.ritual_create(
        here=member_here,
        plan=plan(kind=Ritual.Kind.MEETING, title="Our check-in", what="Tea and the week"),
    )


def iso(day: date) -> str:
    return day.isoformat()
