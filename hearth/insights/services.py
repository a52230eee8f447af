"""Writes for insights: a member's choices, and the sealed copy of what they share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from hearth.core import trust
from hearth.insights import access
from hearth.insights.models import InsightSettings, SharedSeries
from hearth.spaces.context import Here
from hearth.spaces.models import Membership
from hearth.vault import records


class InsightError(Exception):
    """A choice about insights that cannot be saved, in words for the member."""


def _settings_for_update(here: Here, now: datetime) -> InsightSettings:
    found = (
        InsightSettings.objects.select_for_update()
        .filter(owner=here.user, space_id=here.space_id)
        .first()
    )
    return found or InsightSettings(owner=here.user, space_id=here.space_id, updated_at=now)


@transaction.atomic
def insight_settings_save(
    *,
    here: Here,
    dimensions: Iterable[str],
    balance: bool,
    summary_email: bool,
    when: datetime | None = None,
) -> InsightSettings:
    """Save what the member puts into the combined view; it takes effect at once.

    Sharing nothing deletes the sealed copy straight away; sharing anything
    writes a fresh one holding only what was chosen.
    """
    now = when or timezone.now()
    chosen = list(dict.fromkeys(dimensions))
    if any(d not in trust.DIMENSIONS for d in chosen):
        raise InsightError("Please choose from the list.")
    choices = _settings_for_update(here, now)
    choices.shared_dimensions = [d for d in trust.DIMENSIONS if d in chosen]
    choices.share_balance = balance
    choices.summary_email = summary_email
    choices.updated_at = now
    choices.save()
    shared_series_refresh(here=here, choices=choices, when=now)
    return choices


@transaction.atomic
def shared_series_refresh(
    *, here: Here, choices: InsightSettings | None = None, when: datetime | None = None
) -> None:
    """Bring the member's shared copy up to date with their choices and evidence."""
    now = when or timezone.now()
    choices = choices or access.settings_mine(here)
    existing = SharedSeries.objects.select_for_update().filter(
        owner=here.user, space_id=here.space_id
    )
    if not choices.shares_anything:
        existing.delete()
        return
    today = timezone.localdate(now)
    item = existing.first() or SharedSeries(owner=here.user, space_id=here.space_id)
    item.computed_on = today
    records.seal(
        item,
        here.keychain,
        here.space_key,
        content=access.snapshot_content(here, choices, today),
    )
    records.share(item, here.keychain, here.space_key)
    item.save()


def shared_series_is_stale(here: Here, today: date) -> bool:
    return SharedSeries.objects.filter(
        owner=here.user, space_id=here.space_id, computed_on__lt=today
    ).exists()


@transaction.atomic
def insight_summary_seen(*, here: Here, when: datetime | None = None) -> None:
    """The member opened this week's summary, so Today stops offering it."""
    now = when or timezone.now()
    choices = _settings_for_update(here, now)
    choices.summary_seen_on = timezone.localdate(now)
    choices.updated_at = now
    choices.save()


def summary_emails_send(*, link: str, when: datetime | None = None) -> int:
    """Tell each member who asked for it that a summary is ready. Nothing else.

    The email holds no content: no dimensions, no numbers, no names. It goes
    once a week at most, and only to current members.
    """
    now = when or timezone.now()
    week = access.monday(timezone.localdate(now))
    sent = 0
    current = Membership.objects.filter(
        user_id=OuterRef("owner_id"), space_id=OuterRef("space_id"), left_at__isnull=True
    )
    wanted = (
        InsightSettings.objects.filter(summary_email=True)
        .filter(Exists(current))
        .select_related("owner")
        .order_by("pk")
    )
    done_users: set[int] = set()
    for choices in wanted:
        if choices.summary_emailed_on is not None and choices.summary_emailed_on >= week:
            continue
        if choices.owner_id not in done_users and choices.owner.email:
            send_mail(
                subject="Your weekly summary is ready",
                message=(
                    "Your weekly summary is ready in Hearth.\n\n"
                    f"Open it here: {link}\n\n"
                    "You asked for this note in your insights settings; "
                    "you can turn it off there at any time."
                ),
                from_email=None,
                recipient_list=[choices.owner.email],
            )
            sent += 1
            done_users.add(choices.owner_id)
        InsightSettings.objects.filter(pk=choices.pk).update(
            summary_emailed_on=timezone.localdate(now)
        )
    return sent
