"""Boundaries on the Today page.

Due: the others' shared boundaries this member has not acknowledged yet (or
that changed since). Moments: shared, acknowledged, honoured, and invitations
to talk, these last only for the two people involved. Private notes never.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from hearth.boundaries.access import moments_visible_to, shared_of_space
from hearth.boundaries.models import Acknowledgement, Area, MomentKind
from hearth.front.today import Due, Moment
from hearth.spaces.context import Here


def _area(value: str) -> str:
    return Area(value).label.lower()


def due(here: Here, today: date) -> list[Due]:
    boundaries = list(
        shared_of_space(here)
        .exclude(owner_id=here.user.pk)
        .order_by("shared_at")
        .only("id", "owner_id", "area", "version", "shared_at")
    )
    mine = dict(
        Acknowledgement.objects.filter(
            user_id=here.user.pk, boundary_id__in=[b.pk for b in boundaries]
        ).values_list("boundary_id", "version")
    )
    items: list[Due] = []
    for b in boundaries:
        seen = mine.get(b.pk)
        if seen is not None and seen >= b.version:
            continue
        verb = "shared" if seen is None else "updated"
        items.append(
            Due(
                title=f"{here.name_of(b.owner_id)} {verb} a boundary about {_area(b.area)}",
                url=reverse("boundaries:detail", args=[b.pk]),
                note="Read it when you have a quiet moment.",
            )
        )
    return items


def _whose(here: Here, owner_id: int) -> str:
    return "your" if owner_id == here.user.pk else f"{here.name_of(owner_id)}'s"


def _who(here: Here, user_id: int | None) -> str:
    return "You" if user_id == here.user.pk else here.name_of(user_id)


def moments(here: Here, limit: int) -> list[Moment]:
    found: list[Moment] = []
    for b in (
        shared_of_space(here)
        .exclude(shared_at__isnull=True)
        .order_by("-shared_at")
        .only("id", "owner_id", "area", "shared_at")[:limit]
    ):
        assert b.shared_at is not None
        found.append(
            Moment(
                when=b.shared_at,
                kind="boundary",
                text=f"{_who(here, b.owner_id)} shared a boundary about {_area(b.area)}",
                url=reverse("boundaries:detail", args=[b.pk]),
            )
        )
    for ack in (
        Acknowledgement.objects.filter(
            boundary__space_id=here.space_id,
            boundary__key_for_space__isnull=False,
            boundary__retired_at__isnull=True,
        )
        .select_related("boundary")
        .only("id", "user_id", "at", "boundary__id", "boundary__owner_id", "boundary__area")
        .order_by("-at")[:limit]
    ):
        b = ack.boundary
        found.append(
            Moment(
                when=ack.at,
                kind="boundary",
                text=f"{_who(here, ack.user_id)} acknowledged {_whose(here, b.owner_id)} "
                f"boundary about {_area(b.area)}",
                url=reverse("boundaries:detail", args=[b.pk]),
            )
        )
    for m in (
        moments_visible_to(here)
        .filter(
            kind__in=[MomentKind.HONOURED, MomentKind.CROSSED_INVITE],
            boundary__key_for_space__isnull=False,
            boundary__retired_at__isnull=True,
        )
        .select_related("boundary")
        .only(
            "id",
            "owner_id",
            "to_user_id",
            "kind",
            "noted_at",
            "boundary__id",
            "boundary__owner_id",
            "boundary__area",
        )
        .order_by("-noted_at")[:limit]
    ):
        b = m.boundary
        to = "you" if m.to_user_id == here.user.pk else here.name_of(m.to_user_id)
        who = _who(here, m.owner_id)
        if m.kind == MomentKind.HONOURED and m.owner_id == b.owner_id:
            whose = "your" if m.owner_id == here.user.pk else "their"
            text = f"{who} thanked {to} for honouring {whose} boundary about {_area(b.area)}"
        elif m.kind == MomentKind.HONOURED:
            text = f"{who} wrote to {to} about honouring {_whose(here, b.owner_id)} boundary"
        elif m.owner_id == b.owner_id:
            whose = "your" if m.owner_id == here.user.pk else "their"
            text = f"{who} invited {to} to talk about {whose} boundary about {_area(b.area)}"
        else:
            text = f"{who} invited {to} to talk about {_whose(here, b.owner_id)} boundary"
        found.append(
            Moment(
                when=m.noted_at,
                kind="boundary",
                text=text,
                url=reverse("boundaries:detail", args=[b.pk]),
            )
        )
    found.sort(key=lambda moment: moment.when, reverse=True)
    return found[:limit]
