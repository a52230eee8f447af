"""Reads of appreciations, always scoped to the member's space and what they may see."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.http import Http404

from hearth.appreciations.models import Appreciation, Heart
from hearth.spaces.context import Here
from hearth.vault import records

PER_PAGE = 20


@dataclass(frozen=True)
class AppreciationView:
    id: uuid.UUID
    giver: str
    recipient: str
    mine: bool
    to_me: bool
    what: str
    why: str
    given_at: datetime
    edited_at: datetime | None
    withdrawn_at: datetime | None
    hearted_by: list[str]
    i_hearted: bool

    @property
    def can_heart(self) -> bool:
        return not self.mine and self.withdrawn_at is None


def appreciation_get_for_member(here: Here, appreciation_id: uuid.UUID) -> Appreciation:
    """One the space can see, or the member's own (even withdrawn); else 404."""
    try:
        item = Appreciation.objects.get(pk=appreciation_id, space_id=here.space_id)
    except Appreciation.DoesNotExist:
        raise Http404("No such appreciation.") from None
    if item.owner_id == here.user.pk:
        return item
    if item.withdrawn_at is not None or not item.is_shared:
        raise Http404("No such appreciation.")
    return item


def appreciation_get_own(here: Here, appreciation_id: uuid.UUID) -> Appreciation:
    item = appreciation_get_for_member(here, appreciation_id)
    if item.owner_id != here.user.pk:
        raise Http404("No such appreciation.")
    return item


def recipient_label(here: Here, recipient_id: int | None) -> str:
    if recipient_id is None:
        return "everyone"
    if recipient_id == here.user.pk:
        return "you"
    return here.name_of(recipient_id)


def _views(here: Here, items: list[Appreciation]) -> list[AppreciationView]:
    hearts: dict[uuid.UUID, list[int]] = {}
    for appreciation_id, user_id in (
        Heart.objects.filter(appreciation_id__in=[i.pk for i in items])
        .order_by("given_at")
        .values_list("appreciation_id", "user_id")
    ):
        hearts.setdefault(appreciation_id, []).append(user_id)
    views: list[AppreciationView] = []
    for item in items:
        try:
            opened = records.reveal(item, here.keychain, here.space_key)
        except records.Locked:
            continue
        by = hearts.get(item.pk, [])
        views.append(
            AppreciationView(
                id=item.pk,
                giver="You" if item.owner_id == here.user.pk else here.name_of(item.owner_id),
                recipient=recipient_label(here, item.recipient_id),
                mine=item.owner_id == here.user.pk,
                to_me=item.recipient_id == here.user.pk,
                what=opened.what,
                why=opened.why or "",
                given_at=item.given_at,
                edited_at=item.edited_at,
                withdrawn_at=item.withdrawn_at,
                hearted_by=["You" if uid == here.user.pk else here.name_of(uid) for uid in by],
                i_hearted=here.user.pk in by,
            )
        )
    return views


def appreciation_view(here: Here, item: Appreciation) -> AppreciationView:
    return _views(here, [item])[0]


def feed_page(here: Here, number: str | None) -> tuple[Page[Appreciation], list[AppreciationView]]:
    """The space's appreciations, newest first, one page, in a fixed number of queries."""
    queryset = Appreciation.objects.filter(
        space_id=here.space_id, withdrawn_at__isnull=True, key_for_space__isnull=False
    ).order_by("-given_at", "-pk")
    page = Paginator(queryset, PER_PAGE).get_page(number)
    return page, _views(here, list(page.object_list))
