"""Appreciations on the Today page: nothing is ever due, only moments."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from hearth.appreciations.models import Appreciation
from hearth.front.today import Due, Moment
from hearth.spaces.context import Here


def due(here: Here, today: date) -> list[Due]:
    # Thanks is never a chore: nothing here is ever "due".
    return []


def moments(here: Here, limit: int) -> list[Moment]:
    rows = (
        Appreciation.objects.filter(
            space_id=here.space_id, withdrawn_at__isnull=True, key_for_space__isnull=False
        )
        .order_by("-given_at")
        .only("id", "owner_id", "recipient_id", "given_at")[:limit]
    )
    found: list[Moment] = []
    for item in rows:
        giver = "You" if item.owner_id == here.user.pk else here.name_of(item.owner_id)
        if item.recipient_id is None:
            whom = "everyone"
        elif item.recipient_id == here.user.pk:
            whom = "you"
        else:
            whom = here.name_of(item.recipient_id)
        found.append(
            Moment(
                when=item.given_at,
                kind="appreciation",
                text=f"{giver} thanked {whom}",
                url=reverse("appreciations:detail", args=[item.pk]),
            )
        )
    return found
