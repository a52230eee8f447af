"""Reads of boundaries, always scoped to the member's space and what they may see.

A private or retired boundary of someone else answers exactly like one that
does not exist (404), and so does a private note someone else wrote.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet
from django.http import Http404

from hearth.boundaries.models import Acknowledgement, Area, Boundary, BoundaryMoment, MomentKind
from hearth.spaces.context import Here
from hearth.vault import records


def boundary_get_for_member(here: Here, boundary_id: uuid.UUID) -> Boundary:
    """The member's own boundary, or one shared with the space; else 404."""
    try:
        boundary = Boundary.objects.get(pk=boundary_id, space_id=here.space_id)
    except Boundary.DoesNotExist:
        raise Http404("No such boundary.") from None
    if boundary.owner_id == here.user.pk:
        return boundary
    if not boundary.is_shared or boundary.retired_at is not None:
        raise Http404("No such boundary.")
    return boundary


def boundary_get_own(here: Here, boundary_id: uuid.UUID) -> Boundary:
    boundary = boundary_get_for_member(here, boundary_id)
    if boundary.owner_id != here.user.pk:
        raise Http404("No such boundary.")
    return boundary


def shared_of_space(here: Here) -> QuerySet[Boundary]:
    return Boundary.objects.filter(
        space_id=here.space_id, key_for_space__isnull=False, retired_at__isnull=True
    )


def moments_visible_to(here: Here) -> QuerySet[BoundaryMoment]:
    """Moments this member may read: their own, and those written to them."""
    return BoundaryMoment.objects.filter(space_id=here.space_id).filter(
        Q(owner_id=here.user.pk)
        | (
            Q(to_user_id=here.user.pk, key_for_space__isnull=False)
            & ~Q(kind=MomentKind.CROSSED_PRIVATE)
        )
    )


@dataclass(frozen=True)
class AckView:
    name: str
    current: bool
    at: datetime


@dataclass
class BoundaryView:
    id: uuid.UUID
    owner: str
    owner_id: int
    mine: bool
    area: str
    area_label: str
    what: str
    why: str
    made_at: datetime
    shared: bool
    shared_at: datetime | None
    edited_at: datetime | None
    retired_at: datetime | None
    acks: list[AckView] = field(default_factory=list)
    # For someone else's boundary: "new", "current" or "updated".
    my_ack: str = ""

    @property
    def needs_my_ack(self) -> bool:
        return self.my_ack in ("new", "updated")


def _views(here: Here, boundaries: list[Boundary]) -> list[BoundaryView]:
    acks: dict[uuid.UUID, list[Acknowledgement]] = {}
    shared_ids = [b.pk for b in boundaries if b.is_shared]
    for ack in Acknowledgement.objects.filter(boundary_id__in=shared_ids).order_by("at"):
        acks.setdefault(ack.boundary_id, []).append(ack)
    views: list[BoundaryView] = []
    for b in boundaries:
        try:
            opened = records.reveal(b, here.keychain, here.space_key)
        except records.Locked:
            continue
        mine = b.owner_id == here.user.pk
        these = acks.get(b.pk, []) if b.is_shared else []
        my_ack = ""
        if not mine:
            own = next((a for a in these if a.user_id == here.user.pk), None)
            my_ack = (
                "new" if own is None else ("current" if own.version >= b.version else "updated")
            )
        views.append(
            BoundaryView(
                id=b.pk,
                owner="You" if mine else here.name_of(b.owner_id),
                owner_id=b.owner_id,
                mine=mine,
                area=b.area,
                area_label=Area(b.area).label,
                what=opened.what,
                why=opened.why or "",
                made_at=b.made_at,
                shared=b.is_shared,
                shared_at=b.shared_at,
                edited_at=b.edited_at,
                retired_at=b.retired_at,
                acks=[
                    AckView(
                        name="you" if a.user_id == here.user.pk else here.name_of(a.user_id),
                        current=a.version >= b.version,
                        at=a.at,
                    )
                    for a in these
                ],
                my_ack=my_ack,
            )
        )
    return views


@dataclass(frozen=True)
class AreaGroup:
    area: str
    label: str
    boundaries: list[BoundaryView]


def _by_area(views: list[BoundaryView]) -> list[AreaGroup]:
    groups = []
    for value, label in Area.choices:
        inside = [v for v in views if v.area == value]
        if inside:
            groups.append(AreaGroup(area=value, label=label, boundaries=inside))
    return groups


def my_boundaries(here: Here) -> tuple[list[AreaGroup], list[BoundaryView]]:
    """My current boundaries by area, and the ones I retired, in fixed queries."""
    mine = list(
        Boundary.objects.filter(space_id=here.space_id, owner_id=here.user.pk).order_by("made_at")
    )
    views = _views(here, mine)
    current = [v for v in views if v.retired_at is None]
    retired = [v for v in views if v.retired_at is not None]
    return _by_area(current), retired


@dataclass(frozen=True)
class PersonGroup:
    name: str
    mine: bool
    groups: list[AreaGroup]


def space_boundaries(here: Here) -> list[PersonGroup]:
    """Everyone's shared boundaries, the others first, by person then area."""
    views = _views(here, list(shared_of_space(here).order_by("made_at")))
    owners: list[int] = []
    for v in views:
        if v.owner_id not in owners:
            owners.append(v.owner_id)
    owners.sort(key=lambda uid: (uid == here.user.pk, here.name_of(uid)))
    return [
        PersonGroup(
            name="You" if uid == here.user.pk else here.name_of(uid),
            mine=uid == here.user.pk,
            groups=_by_area([v for v in views if v.owner_id == uid]),
        )
        for uid in owners
    ]


def boundary_view(here: Here, boundary: Boundary) -> BoundaryView:
    return _views(here, [boundary])[0]


@dataclass(frozen=True)
class MomentView:
    id: uuid.UUID
    kind: str
    kind_label: str
    writer: str
    to: str
    note: str
    noted_at: datetime
    private: bool


def moments_of(here: Here, boundary: Boundary) -> list[MomentView]:
    views: list[MomentView] = []
    for m in moments_visible_to(here).filter(boundary=boundary).order_by("-noted_at"):
        try:
            opened = records.reveal(m, here.keychain, here.space_key)
        except records.Locked:
            continue
        views.append(
            MomentView(
                id=m.pk,
                kind=m.kind,
                kind_label=MomentKind(m.kind).label,
                writer="You" if m.owner_id == here.user.pk else here.name_of(m.owner_id),
                to=(
                    ""
                    if m.to_user_id is None
                    else "you"
                    if m.to_user_id == here.user.pk
                    else here.name_of(m.to_user_id)
                ),
                note=opened.note,
                noted_at=m.noted_at,
                private=m.kind == MomentKind.CROSSED_PRIVATE,
            )
        )
    return views
