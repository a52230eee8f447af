"""The check-in's part of the Today page (see hearth.front.today)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from hearth.checkins import access
from hearth.front.today import Due, Moment
from hearth.spaces.context import Here


def due(here: Here, today: date) -> list[Due]:
    """An invitation to today's check-in while there is none; nothing once it's done."""
    if access.checkin_mine_for_day(here, today) is not None:
        return []
    waiting = access.waiting_today(here, today)
    note = "A minute for how the day feels. Whenever suits you, or not at all."
    if waiting:
        note = "Someone shared a check-in today; check in to see it. No rush: whenever suits you."
    return [Due(title="Your check-in for today", url=reverse("checkins:today"), note=note)]


def moments(here: Here, limit: int) -> list[Moment]:
    """Others' shared check-ins this member may see (they checked in that day too)."""
    return [
        Moment(
            when=checkin.updated_at,
            kind="checkin",
            text=f"{here.name_of(checkin.owner_id)} shared a check-in",
            url=reverse("checkins:day", args=[checkin.day.isoformat()]),
        )
        for checkin in access.shared_for_me(here, limit)
    ]
