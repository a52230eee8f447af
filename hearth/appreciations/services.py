"""Writes to appreciations and their hearts: one atomic function each."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hearth.appreciations.models import Appreciation, Heart
from hearth.spaces.context import Here
from hearth.vault import records

WHAT_MAX = 1000
WHY_MAX = 2000


class AppreciationError(Exception):
    """An appreciation that cannot be written or changed, in words for the member."""


def _clean(what: str, why: str) -> tuple[str, str]:
    what = what.strip()
    why = why.strip()
    if not what:
        raise AppreciationError("Please say what they did.")
    if len(what) > WHAT_MAX:
        raise AppreciationError(f"Please keep what they did under {WHAT_MAX} characters.")
    if len(why) > WHY_MAX:
        raise AppreciationError(f"Please keep why it mattered under {WHY_MAX} characters.")
    return what, why


@transaction.atomic
def appreciation_give(
    *,
    here: Here,
    recipient_id: int | None,
    what: str,
    why: str = "",
    when: datetime | None = None,
) -> Appreciation:
    """Thank a member (or everyone, with ``recipient_id=None``); the space sees it."""
    what, why = _clean(what, why)
    if recipient_id is not None and recipient_id not in dict(here.others):
        raise AppreciationError("Please choose someone in this space to thank.")
    item = Appreciation(
        owner=here.user,
        space_id=here.space_id,
        recipient_id=recipient_id,
        given_at=when or timezone.now(),
    )
    records.seal(item, here.keychain, what=what, why=why or None)
    records.share(item, here.keychain, here.space_key)
    item.save()
    return item


@transaction.atomic
def appreciation_edit(
    *,
    here: Here,
    appreciation: Appreciation,
    what: str,
    why: str = "",
    when: datetime | None = None,
) -> Appreciation:
    """Change the giver's own words; the earlier version stays visible to the space."""
    if appreciation.owner_id != here.user.pk or appreciation.withdrawn_at is not None:
        raise AppreciationError("Only the person who gave an appreciation can change it.")
    what, why = _clean(what, why)
    records.revise(
        appreciation,
        here.keychain,
        here.space_key,
        editor_id=here.user.pk,
        what=what,
        why=why or None,
    )
    appreciation.edited_at = when or timezone.now()
    appreciation.save()
    return appreciation


@transaction.atomic
def appreciation_withdraw(
    *, here: Here, appreciation: Appreciation, when: datetime | None = None
) -> None:
    """Take it back: the space can no longer open it, at once."""
    if appreciation.owner_id != here.user.pk:
        raise AppreciationError("Only the person who gave an appreciation can withdraw it.")
    if appreciation.withdrawn_at is not None:
        return
    records.unshare(appreciation)
    appreciation.withdrawn_at = when or timezone.now()
    appreciation.save()
    Heart.objects.filter(appreciation=appreciation).delete()


@transaction.atomic
def heart_toggle(*, here: Here, appreciation: Appreciation, when: datetime | None = None) -> bool:
    """Add this member's heart, or take it back; returns whether it is there now."""
    if appreciation.withdrawn_at is not None or not appreciation.is_shared:
        raise AppreciationError("This appreciation has been withdrawn.")
    if appreciation.owner_id == here.user.pk:
        raise AppreciationError("Hearts are for the others to give; this one is yours.")
    removed, _ = Heart.objects.filter(appreciation=appreciation, user=here.user).delete()
    if removed:
        return False
    Heart.objects.create(appreciation=appreciation, user=here.user, given_at=when or timezone.now())
    return True
