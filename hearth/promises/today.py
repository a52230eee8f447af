"""Promises on the Today page: what is due for me, and what happened lately.

Each function runs a fixed number of queries, however many promises exist.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hearth.front.today import Due, Moment
from hearth.promises import access
from hearth.promises.models import GRACE, Promise
from hearth.spaces.context import Here
from hearth.vault import records


def _url(promise: Promise) -> str:
    return reverse("promises:detail", args=[promise.pk])


def _what(promise: Promise, here: Here) -> str:
    return str(records.reveal(promise, here.keychain, here.space_key).what)


def due(here: Here, today: date) -> list[Due]:
    """My promises due today or just past their day, and those waiting for my confirmation."""
    now = timezone.now()
    tz = timezone.get_current_timezone()
    end_of_today = timezone.make_aware(datetime.combine(today, time.max), tz)
    mine = access.promises_for_member(here).filter(
        owner_id=here.user.pk,
        state=Promise.State.OPEN,
        proposal=Promise.Proposal.NONE,
        due_at__lte=end_of_today,
        due_at__gte=now - GRACE,
    )
    items: list[Due] = []
    for promise in mine.order_by("due_at"):
        what = _what(promise, here)
        if timezone.localtime(promise.due_at).date() >= today:
            clock = (
                f"By {timezone.localtime(promise.due_at):%H:%M}. " if promise.due_has_time else ""
            )
            items.append(
                Due(
                    title=f"Due today: {what}",
                    url=_url(promise),
                    note=f"{clock}If today won't work, one tap tells them.",
                )
            )
        else:
            items.append(
                Due(
                    title=f"Still open: {what}",
                    url=_url(promise),
                    note="Its day has passed; there's still time to finish it or say something.",
                )
            )
    waiting = (
        access.promises_for_member(here)
        .filter(
            Q(to_user_id=here.user.pk) | Q(to_space=True),
            state=Promise.State.DONE,
        )
        .exclude(owner_id=here.user.pk)
    )
    for promise in waiting.order_by("done_at"):
        items.append(
            Due(
                title=f"{here.name_of(promise.owner_id)} says this is done: {_what(promise, here)}",
                url=_url(promise),
                note="Confirm it when you've seen it.",
            )
        )
    return items


def moments(here: Here, limit: int) -> list[Moment]:
    """Promises made to me, promises kept, promises renegotiated: newest first."""
    me = here.user.pk
    visible = access.promises_for_member(here)
    found: list[Moment] = []

    def maker(promise: Promise) -> str:
        return "You" if promise.owner_id == me else here.name_of(promise.owner_id)

    for promise in visible.exclude(owner_id=me).order_by("-made_at")[:limit]:
        to = "everyone" if promise.to_space else "you"
        found.append(
            Moment(
                when=promise.made_at,
                kind="promise_made",
                text=f"{maker(promise)} promised {to}: {_what(promise, here)}",
                url=_url(promise),
            )
        )
    for promise in visible.filter(state=Promise.State.KEPT, kept_at__isnull=False).order_by(
        "-kept_at"
    )[:limit]:
        assert promise.kept_at is not None
        found.append(
            Moment(
                when=promise.kept_at,
                kind="promise_kept",
                text=f"A promise kept: {maker(promise)} did \u201c{_what(promise, here)}\u201d",
                url=_url(promise),
            )
        )
    for promise in visible.filter(renegotiated_at__isnull=False).order_by("-renegotiated_at")[
        :limit
    ]:
        assert promise.renegotiated_at is not None
        found.append(
            Moment(
                when=promise.renegotiated_at,
                kind="promise_renegotiated",
                text=f"A promise renegotiated in good time: {_what(promise, here)}",
                url=_url(promise),
            )
        )
    found.sort(key=lambda m: m.when, reverse=True)
    return found[:limit]
