"""Writing in the journal: one atomic function per write.

Entries are private to their author. Sharing wraps the entry's key under the
space key; unsharing removes that wrap at once. Edits to a shared entry keep
the previous version in its history (members can read it); edits to a
private entry simply replace it, so a draft can be rewritten before anyone
sees it.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from hearth.core import prompts
from hearth.journal.models import Entry
from hearth.spaces.context import Here
from hearth.vault import records

TITLE_MAX = 200
BODY_MAX = 20000


class JournalError(Exception):
    """An entry that cannot be saved or changed, in words for the member."""


def _clean(*, title: str, body: str, day: date, now: datetime) -> tuple[str, str]:
    title = " ".join(title.split())
    body = body.strip()
    if not body:
        raise JournalError("Please write something first.")
    if len(title) > TITLE_MAX:
        raise JournalError(f"Please keep the title under {TITLE_MAX} characters.")
    if len(body) > BODY_MAX:
        raise JournalError(f"Please keep an entry under {BODY_MAX:,} characters.")
    if day > timezone.localdate(now):
        raise JournalError("An entry can be about today or an earlier day, not a future one.")
    return title, body


def _mine(here: Here, entry: Entry) -> None:
    if entry.owner_id != here.user.pk or entry.space_id != here.space_id:
        raise JournalError("Only the person who wrote an entry can change it.")


@transaction.atomic
def entry_write(
    *,
    here: Here,
    body: str,
    day: date,
    title: str = "",
    prompt_id: str = "",
    when: datetime | None = None,
) -> Entry:
    """A new private entry, optionally started from one of our prompts."""
    now = when or timezone.now()
    title, body = _clean(title=title, body=body, day=day, now=now)
    prompt_text: str | None = None
    if prompt_id:
        try:
            prompt_text = prompts.get(prompt_id).text
        except prompts.PromptError:
            raise JournalError("That prompt is no longer available.") from None
    entry = Entry(
        owner=here.user, space_id=here.space_id, day=day, prompt_id=prompt_id, written_at=now
    )
    records.seal(entry, here.keychain, title=title, body=body, prompt=prompt_text)
    entry.save()
    return entry


@transaction.atomic
def entry_edit(
    *, here: Here, entry: Entry, body: str, day: date, title: str = "", when: datetime | None = None
) -> Entry:
    _mine(here, entry)
    now = when or timezone.now()
    title, body = _clean(title=title, body=body, day=day, now=now)
    if entry.is_shared:
        records.revise(
            entry,
            here.keychain,
            here.space_key,
            editor_id=here.user.pk,
            extra={"day": entry.day.isoformat()},
            title=title,
            body=body,
        )
    else:
        records.seal(entry, here.keychain, title=title, body=body)
    entry.day = day
    entry.save()
    return entry


@transaction.atomic
def entry_share(*, here: Here, entry: Entry, when: datetime | None = None) -> Entry:
    """Let every current member of the space read the entry (and its history)."""
    _mine(here, entry)
    if entry.is_shared:
        return entry
    records.share(entry, here.keychain, here.space_key)
    entry.shared_at = when or timezone.now()
    entry.save(update_fields=["key_for_space", "shared_at", "updated_at"])
    return entry


@transaction.atomic
def entry_unshare(*, here: Here, entry: Entry, when: datetime | None = None) -> Entry:
    """Make the entry private again, at once."""
    _mine(here, entry)
    records.unshare(entry)
    entry.shared_at = None
    entry.save(update_fields=["key_for_space", "shared_at", "updated_at"])
    return entry


@transaction.atomic
def entry_delete(*, here: Here, entry: Entry, when: datetime | None = None) -> None:
    """Delete the entry; its key goes with it, so no copy can be opened again."""
    _mine(here, entry)
    entry.delete()
