"""The journal on the Today page (see hearth.front.today).

The journal never asks for anything: nothing is ever due. Moments are the
entries members chose to share, in one query (plus the names, loaded once).
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from hearth.front.today import Due, Moment
from hearth.journal.models import Entry
from hearth.spaces.context import Here


def due(here: Here, today: date) -> list[Due]:
    return []


def moments(here: Here, limit: int) -> list[Moment]:
    shared = (
        Entry.objects.filter(
            space_id=here.space_id, key_for_space__isnull=False, shared_at__isnull=False
        )
        .only("id", "owner_id", "shared_at")
        .order_by("-shared_at")[:limit]
    )
    return [
        Moment(
            when=entry.shared_at,
            kind="journal",
            text=f"{here.name_of(entry.owner_id)} shared a journal entry",
            url=reverse("journal:detail", args=[entry.pk]),
        )
        for entry in shared
        if entry.shared_at is not None
    ]
