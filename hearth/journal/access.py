"""Reads of journal entries, scoped to the member's space and to what they may see.

My own entries I always see. Someone else's entry exists for me only while
its author shares it: otherwise it answers 404, exactly like an entry that
does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404

from hearth.journal.models import Entry
from hearth.spaces.context import Here
from hearth.vault import records

PER_PAGE = 10


@dataclass(frozen=True)
class EntryView:
    id: uuid.UUID
    author: str
    is_mine: bool
    day: date
    title: str
    body: str
    prompt_id: str
    prompt: str | None
    shared: bool
    shared_at: datetime | None
    written_at: datetime
    versions: list[records.Version] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return self.title or f"{self.day.day} {self.day:%B %Y}"


def _get(qs: QuerySet[Entry], entry_id: uuid.UUID | str) -> Entry:
    try:
        return qs.get(pk=entry_id)
    except (Entry.DoesNotExist, ValueError, TypeError):
        raise Http404("No such entry.") from None


def entry_get_mine(here: Here, entry_id: uuid.UUID | str) -> Entry:
    """One of my entries in the current space, or 404."""
    return _get(Entry.objects.filter(space_id=here.space_id, owner=here.user), entry_id)


def entry_get_readable(here: Here, entry_id: uuid.UUID | str) -> Entry:
    """My entry, or one another member is sharing right now; otherwise 404."""
    visible = Q(owner=here.user) | Q(key_for_space__isnull=False)
    return _get(Entry.objects.filter(visible, space_id=here.space_id), entry_id)


def entry_view(here: Here, entry: Entry, *, with_history: bool = False) -> EntryView:
    try:
        opened = records.reveal(entry, here.keychain, here.space_key)
        versions = records.history(entry, here.keychain, here.space_key) if with_history else []
    except records.Locked:
        raise Http404("No such entry.") from None
    mine = entry.owner_id == here.user.pk
    return EntryView(
        id=entry.pk,
        author="You" if mine else here.name_of(entry.owner_id),
        is_mine=mine,
        day=entry.day,
        title=opened.title or "",
        body=opened.body or "",
        prompt_id=entry.prompt_id,
        prompt=opened.prompt,
        shared=entry.is_shared,
        shared_at=entry.shared_at,
        written_at=entry.written_at,
        versions=versions,
    )


def _page(
    here: Here, qs: QuerySet[Entry], number: str | int | None
) -> tuple[Page[Entry], list[EntryView]]:
    page = Paginator(qs.order_by("-day", "-written_at"), PER_PAGE).get_page(number)
    views: list[EntryView] = []
    for entry in page.object_list:
        try:
            views.append(entry_view(here, entry))
        except Http404:
            continue  # sealed under a key this member no longer holds (a reset)
    return page, views


def my_page(here: Here, number: str | int | None) -> tuple[Page[Entry], list[EntryView]]:
    """My journal in this space, newest first, in a fixed number of queries."""
    return _page(here, Entry.objects.filter(space_id=here.space_id, owner=here.user), number)


def shared_page(here: Here, number: str | int | None) -> tuple[Page[Entry], list[EntryView]]:
    """What the other members chose to share, newest first."""
    qs = Entry.objects.filter(space_id=here.space_id, key_for_space__isnull=False).exclude(
        owner=here.user
    )
    return _page(here, qs, number)
