"""Check-ins and moments set up through the apps' own services, for insights tests."""

from __future__ import annotations

import html
from datetime import date, datetime, time, timedelta

from django.http.response import HttpResponseBase
from django.utils import timezone

from hearth.checkins import services as checkins
from hearth.checkins.services import Entry
from hearth.spaces.context import Here, here_for_membership
from tests.conftest import World


def member_here(world: World) -> Here:
    return here_for_membership(world.space, world.member.keychain)


def partner_here(world: World) -> Here:
    return here_for_membership(world.partner_membership, world.partner.keychain)


def text(response: HttpResponseBase) -> str:
    body: bytes = response.content  # type: ignore[attr-defined]
    return html.unescape(body.decode())


def at(day: date, hour: int = 20) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def check_in_days(
    here: Here,
    days: int,
    *,
    rating: int | None = None,
    rising: bool = False,
    note: str = "",
    ratings: dict[str, object] | None = None,
) -> None:
    """One check-in a day for the last ``days`` days, back-dated with ``when``."""
    today = timezone.localdate()
    for n in range(days, 0, -1):
        day = today - timedelta(days=n - 1)
        value = rating or (min(7, 2 + (days - n) * 5 // max(1, days - 1)) if rising else 5)
        checkins.checkin_save(
            here=here,
            day=day,
            entry=Entry(
                pleasantness=2,
                energy=1,
                words=["calm"],
                ratings=ratings
                if ratings is not None
                else {"reliability": value, "heard": value, "safety": value, "respect": value},
                note=note,
            ),
            share=set(),
            when=at(day),
        )
