"""Writes to boundaries, acknowledgements and moments: one atomic function each."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hearth.boundaries.models import (
    Acknowledgement,
    Area,
    Boundary,
    BoundaryMoment,
    MomentKind,
)
from hearth.spaces.context import Here
from hearth.vault import records

WHAT_MAX = 1000
WHY_MAX = 2000
NOTE_MAX = 3000


class BoundaryError(Exception):
    """A change to a boundary that cannot be made, in words for the member."""


def _clean(area: str, what: str, why: str) -> tuple[str, str, str]:
    if area not in Area.values:
        raise BoundaryError("Please choose the area this boundary is about.")
    what, why = what.strip(), why.strip()
    if not what:
        raise BoundaryError("Please say what the boundary is.")
    if len(what) > WHAT_MAX:
        raise BoundaryError(f"Please keep the boundary under {WHAT_MAX} characters.")
    if len(why) > WHY_MAX:
        raise BoundaryError(f"Please keep the why under {WHY_MAX} characters.")
    return area, what, why


def _own(here: Here, boundary: Boundary) -> None:
    if boundary.owner_id != here.user.pk or boundary.space_id != here.space_id:
        raise BoundaryError("Only the person whose boundary it is can change it.")


@transaction.atomic
def boundary_create(
    *, here: Here, area: str, what: str, why: str = "", when: datetime | None = None
) -> Boundary:
    """A new boundary, private to its owner until they share it."""
    area, what, why = _clean(area, what, why)
    boundary = Boundary(
        owner=here.user, space_id=here.space_id, area=area, made_at=when or timezone.now()
    )
    records.seal(boundary, here.keychain, what=what, why=why or None)
    boundary.save()
    return boundary


@transaction.atomic
def boundary_edit(
    *,
    here: Here,
    boundary: Boundary,
    area: str,
    what: str,
    why: str = "",
    when: datetime | None = None,
) -> Boundary:
    """Change a boundary. Once it has been shared, the earlier version is kept.

    The version goes up, so whoever acknowledged it is asked to read it again.
    """
    _own(here, boundary)
    if boundary.retired_at is not None:
        raise BoundaryError("This boundary is retired, so it can no longer change.")
    area, what, why = _clean(area, what, why)
    if boundary.was_shared:
        records.revise(
            boundary,
            here.keychain,
            here.space_key,
            editor_id=here.user.pk,
            extra={"area": Area(boundary.area).label},
            what=what,
            why=why or None,
        )
    else:
        records.seal(boundary, here.keychain, what=what, why=why or None)
    boundary.area = area
    boundary.version += 1
    boundary.edited_at = when or timezone.now()
    boundary.save()
    return boundary


@transaction.atomic
def boundary_share(*, here: Here, boundary: Boundary, when: datetime | None = None) -> None:
    """Let the others in the space read the boundary (and acknowledge it)."""
    _own(here, boundary)
    if boundary.retired_at is not None:
        raise BoundaryError("This boundary is retired, so it can no longer be shared.")
    if boundary.is_shared:
        return
    records.share(boundary, here.keychain, here.space_key)
    boundary.shared_at = when or timezone.now()
    boundary.was_shared = True
    boundary.save()


@transaction.atomic
def boundary_unshare(*, here: Here, boundary: Boundary) -> None:
    """Make it private again, at once."""
    _own(here, boundary)
    records.unshare(boundary)
    boundary.shared_at = None
    boundary.save()


@transaction.atomic
def boundary_retire(*, here: Here, boundary: Boundary, when: datetime | None = None) -> None:
    """Set a boundary aside: it becomes private to its owner again."""
    _own(here, boundary)
    if boundary.retired_at is not None:
        return
    records.unshare(boundary)
    boundary.shared_at = None
    boundary.retired_at = when or timezone.now()
    boundary.save()


@transaction.atomic
def boundary_acknowledge(
    *, here: Here, boundary: Boundary, when: datetime | None = None
) -> Acknowledgement:
    """ "I understand and will honour this", for the boundary as it reads now."""
    if boundary.owner_id == here.user.pk:
        raise BoundaryError("This is your own boundary: the others acknowledge it.")
    if (
        boundary.space_id != here.space_id
        or not boundary.is_shared
        or boundary.retired_at is not None
    ):
        raise BoundaryError("This boundary is not shared with you.")
    ack, _ = Acknowledgement.objects.update_or_create(
        boundary=boundary,
        user=here.user,
        defaults={"version": boundary.version, "at": when or timezone.now()},
    )
    return ack


@transaction.atomic
def moment_note(
    *,
    here: Here,
    boundary: Boundary,
    kind: str,
    note: str,
    to_user_id: int | None = None,
    when: datetime | None = None,
) -> BoundaryMoment:
    """Note a moment around a boundary the member can see.

    A private note stays with its writer. A thank-you or an invitation to talk
    goes to one other person: the boundary's owner, or, when the owner writes,
    the member they choose.
    """
    if kind not in MomentKind.values:
        raise BoundaryError("Please choose what kind of moment this was.")
    note = note.strip()
    if not note:
        raise BoundaryError("Please write a few words.")
    if len(note) > NOTE_MAX:
        raise BoundaryError(f"Please keep it under {NOTE_MAX} characters.")
    mine = boundary.owner_id == here.user.pk
    if boundary.space_id != here.space_id or (not mine and not boundary.is_shared):
        raise BoundaryError("This boundary is not shared with you.")
    to: int | None = None
    if kind != MomentKind.CROSSED_PRIVATE:
        if not boundary.is_shared or boundary.retired_at is not None:
            raise BoundaryError("Share this boundary first, so the other person can read it.")
        if mine:
            if to_user_id not in dict(here.others):
                raise BoundaryError("Please choose who this is for.")
            to = to_user_id
        else:
            to = boundary.owner_id
    moment = BoundaryMoment(
        owner=here.user,
        space_id=here.space_id,
        boundary=boundary,
        kind=kind,
        to_user_id=to,
        noted_at=when or timezone.now(),
    )
    records.seal(moment, here.keychain, note=note)
    if to is not None:
        records.share(moment, here.keychain, here.space_key)
    moment.save()
    return moment
