"""Promises as the pages show them: opened, named, and with this member's actions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format

from hearth.promises import access
from hearth.promises.models import Promise
from hearth.spaces.context import Here
from hearth.vault import records


def when_words(moment: datetime, has_time: bool) -> str:
    local = timezone.localtime(moment)
    day = date_format(local, "D j M Y")
    return f"{day}, {date_format(local, 'H:i')}" if has_time else day


@dataclass(frozen=True)
class Proposal:
    kind: str
    by_name: str
    by_me: bool
    new_due: str
    note: str
    mine_to_answer: bool


@dataclass(frozen=True)
class PromiseView:
    id: uuid.UUID
    what: str
    maker_name: str
    to_label: str
    by_me: bool
    to_me: bool
    to_space: bool
    status: str
    status_words: str
    due: str
    due_at: datetime
    made_at: datetime
    settled_at: datetime | None
    proposal: Proposal | None
    can_mark_done: bool
    can_confirm: bool
    can_propose: bool
    can_run_late: bool
    slipped_to_me: bool

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "overdue", "done")


@dataclass(frozen=True)
class Event:
    when: datetime
    who: str
    words: str
    note: str = ""
    what_before: str = ""


@dataclass
class Sections:
    to_me: list[PromiseView] = field(default_factory=list)
    by_me: list[PromiseView] = field(default_factory=list)
    to_space: list[PromiseView] = field(default_factory=list)


def _waiting_for(promise: Promise, here: Here) -> str:
    if access.is_recipient(promise, here.user.pk):
        return "you"
    if promise.to_space:
        return "someone in the space"
    return here.name_of(promise.to_user_id)


def _status_words(promise: Promise, status: str, here: Here) -> str:
    if status == "done":
        return f"Done, waiting for {_waiting_for(promise, here)} to confirm"
    return {
        "open": "Open",
        "overdue": "Its day has passed; there's still time to finish it or say something",
        "kept": "Kept",
        "released": "Released by agreement",
        "missed": "This one slipped by",
    }[status]


def promise_view(promise: Promise, here: Here, now: datetime | None = None) -> PromiseView:
    now = now or timezone.now()
    me = here.user.pk
    opened = records.reveal(promise, here.keychain, here.space_key)
    status = promise.status(now)
    by_me = promise.owner_id == me
    to_me = access.is_recipient(promise, me)
    if promise.to_space:
        to_label = "everyone in the space"
    elif promise.to_user_id == me:
        to_label = "you"
    else:
        to_label = here.name_of(promise.to_user_id)
    proposal = None
    if promise.has_proposal:
        proposal = Proposal(
            kind=promise.proposal,
            by_name="you" if promise.proposal_by_id == me else here.name_of(promise.proposal_by_id),
            by_me=promise.proposal_by_id == me,
            new_due=when_words(promise.proposal_due_at, promise.proposal_has_time)
            if promise.proposal_due_at
            else "",
            note=opened.proposal_note or "",
            mine_to_answer=access.may_answer(promise, me),
        )
    open_for_talk = promise.state == Promise.State.OPEN and status != "missed"
    settled = promise.outcome(now)
    return PromiseView(
        id=promise.pk,
        what=opened.what,
        maker_name="You" if by_me else here.name_of(promise.owner_id),
        to_label=to_label,
        by_me=by_me,
        to_me=to_me,
        to_space=promise.to_space,
        status=status,
        status_words=_status_words(promise, status, here),
        due=when_words(promise.due_at, promise.due_has_time),
        due_at=promise.due_at,
        made_at=promise.made_at,
        settled_at=settled[0] if settled else None,
        proposal=proposal,
        can_mark_done=by_me and open_for_talk,
        can_confirm=to_me and promise.state == Promise.State.DONE,
        can_propose=open_for_talk and proposal is None and (by_me or to_me),
        can_run_late=by_me and open_for_talk and proposal is None and promise.is_due_soon(now),
        slipped_to_me=to_me and status == "missed",
    )


def sections(promises: list[Promise], here: Here, *, recent: int = 10) -> Sections:
    """To me, by me, to the space: open ones first (soonest due), then the latest settled."""
    now = timezone.now()
    result = Sections()
    for promise in promises:
        view = promise_view(promise, here, now)
        if view.by_me:
            result.by_me.append(view)
        elif view.to_space:
            result.to_space.append(view)
        else:
            result.to_me.append(view)
    for name in ("to_me", "by_me", "to_space"):
        views: list[PromiseView] = getattr(result, name)
        opened = sorted((v for v in views if v.is_open), key=lambda v: v.due_at)
        settled = sorted(
            (v for v in views if not v.is_open),
            key=lambda v: v.settled_at or v.due_at,
            reverse=True,
        )
        setattr(result, name, opened + settled[:recent])
    return result


_EVENTS = {
    "done": "marked it done",
    "confirmed": "confirmed it was kept",
    "proposed_move": "asked to move it to {new_due}",
    "proposed_release": "asked to let it go, by agreement",
    "accepted_move": "agreed to the new date: {new_due}",
    "accepted_release": "agreed to let it go",
    "declined": "would rather keep it as it was",
    "withdrawn": "withdrew the change they had asked for",
}


def _moment(value: Any, fallback: datetime) -> datetime:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    return parsed or fallback


def history(promise: Promise, here: Here) -> list[Event]:
    """What happened to the promise, oldest first, starting with its making."""
    me = here.user.pk
    maker = "You" if promise.owner_id == me else here.name_of(promise.owner_id)
    first_due = promise.due_at
    first_has_time = promise.due_has_time
    events: list[Event] = []
    versions = records.history(promise, here.keychain, here.space_key)
    if versions:
        first_due = _moment(versions[0].values.get("due"), promise.due_at)
        first_has_time = bool(versions[0].values.get("due_has_time"))
    events.append(
        Event(
            when=promise.made_at,
            who=maker,
            words=f"made this promise, due {when_words(first_due, first_has_time)}",
        )
    )
    for version in versions:
        values = version.values
        new_due = values.get("new_due")
        new_due_words = (
            when_words(_moment(new_due, promise.due_at), bool(values.get("new_due_has_time")))
            if isinstance(new_due, str)
            else ""
        )
        template = _EVENTS.get(str(values.get("event")), "changed it")
        events.append(
            Event(
                when=_moment(values.get("at"), version.replaced_at),
                who="You" if version.editor_id == me else here.name_of(version.editor_id),
                words=template.format(new_due=new_due_words),
                note=str(values.get("note") or ""),
            )
        )
    return events


@dataclass(frozen=True)
class NoteView:
    who: str
    when: datetime
    body: str


def notes(promise: Promise, here: Here) -> list[NoteView]:
    """The notes about a promise, oldest first (a note whose writer left can't be opened)."""
    return [
        NoteView(
            who="You" if note.owner_id == here.user.pk else here.name_of(note.owner_id),
            when=note.written_at,
            body=records.reveal(note, here.keychain, here.space_key).body,
        )
        for note in access.notes_for(promise)
    ]
