"""Writes to promises: one atomic function each.

Every change keeps the promise's history (``records.revise``), visible to
everyone in the promise, so nobody can quietly rewrite what was agreed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from hearth.promises import access
from hearth.promises.models import Promise, PromiseNote
from hearth.spaces.context import Here
from hearth.vault import records

WHAT_MAX = 500
NOTE_MAX = 1000


class PromiseError(Exception):
    """A change to a promise that cannot be made, in words for the member."""


def due_moment(day: date, at: time | None) -> datetime:
    """A deadline as a moment: a date alone means by the end of that day."""
    clock = at if at is not None else time(23, 59)
    return timezone.make_aware(datetime.combine(day, clock), timezone.get_current_timezone())


def _clean(text: str, *, what: str, limit: int, required: bool = True) -> str:
    text = text.strip()
    if required and not text:
        raise PromiseError(f"Please write {what}.")
    if len(text) > limit:
        raise PromiseError(f"Please keep {what} under {limit} characters.")
    return text


def _locked(promise: Promise) -> Promise:
    """The promise's row, locked, so two taps can't both change it."""
    return Promise.objects.select_for_update().get(pk=promise.pk)


def _record(
    promise: Promise,
    here: Here,
    *,
    event: str,
    now: datetime,
    extra: dict[str, Any] | None = None,
    **values: Any,
) -> None:
    """Keep the version before this change, with what changed and why, in the history."""
    before: dict[str, Any] = {
        "event": event,
        "at": now.isoformat(),
        "due": promise.due_at.isoformat(),
        "due_has_time": promise.due_has_time,
        "state": promise.state,
    }
    before.update(extra or {})
    records.revise(
        promise,
        here.keychain,
        here.space_key,
        editor_id=here.user.pk,
        extra=before,
        **values,
    )


@transaction.atomic
def promise_make(
    *,
    here: Here,
    what: str,
    to_user_id: int | None,
    due_date: date,
    due_time: time | None = None,
    when: datetime | None = None,
) -> Promise:
    """I will ... by ...: to one member (``to_user_id``) or to the whole space (None)."""
    now = when or timezone.now()
    what = _clean(what, what="what you will do", limit=WHAT_MAX)
    if to_user_id is not None and (
        to_user_id == here.user.pk or to_user_id not in here.current_member_ids
    ):
        raise PromiseError("Please choose someone who is in this space, or the whole space.")
    due_at = due_moment(due_date, due_time)
    if due_at <= now:
        raise PromiseError("Please choose a day and time that are still ahead.")
    promise = Promise(
        owner=here.user,
        space_id=here.space_id,
        to_space=to_user_id is None,
        to_user_id=to_user_id,
        made_at=now,
        due_at=due_at,
        due_has_time=due_time is not None,
    )
    records.seal(promise, here.keychain, what=what)
    # A promise is made to someone: it is shared by nature.
    records.share(promise, here.keychain, here.space_key)
    promise.save()
    return promise


@transaction.atomic
def promise_mark_done(*, here: Here, promise: Promise, when: datetime | None = None) -> Promise:
    now = when or timezone.now()
    promise = _locked(promise)
    if promise.owner_id != here.user.pk:
        raise PromiseError("Only the person who made a promise can mark it done.")
    if promise.state == Promise.State.DONE:
        raise PromiseError("You've already marked this one done; it's waiting to be confirmed.")
    if promise.state != Promise.State.OPEN:
        raise PromiseError("This promise is already settled.")
    if promise.status(now) == "missed":
        raise PromiseError(
            "The day for this promise has passed. You can still leave a note about it."
        )
    _record(promise, here, event="done", now=now, extra={"new_state": "done"}, proposal_note=None)
    promise.state = Promise.State.DONE
    promise.done_at = now
    _clear_proposal(promise)
    promise.save()
    return promise


@transaction.atomic
def promise_confirm(*, here: Here, promise: Promise, when: datetime | None = None) -> Promise:
    """The person it was made to says: yes, it was kept."""
    now = when or timezone.now()
    promise = _locked(promise)
    if promise.owner_id == here.user.pk:
        raise PromiseError(
            "You can't confirm your own promise: the person you made it to does that."
        )
    if not access.is_recipient(promise, here.user.pk):
        raise PromiseError("Only the person this promise was made to can confirm it.")
    if promise.state == Promise.State.KEPT:
        raise PromiseError("This promise has already been confirmed.")
    if promise.state != Promise.State.DONE:
        raise PromiseError("This promise hasn't been marked done yet.")
    _record(promise, here, event="confirmed", now=now, extra={"new_state": "kept"})
    promise.state = Promise.State.KEPT
    promise.kept_at = now
    promise.confirmed_by = here.user
    promise.save()
    return promise


def _clear_proposal(promise: Promise) -> None:
    promise.proposal = Promise.Proposal.NONE
    promise.proposal_by = None
    promise.proposal_at = None
    promise.proposal_due_at = None
    promise.proposal_has_time = False


@transaction.atomic
def promise_propose(
    *,
    here: Here,
    promise: Promise,
    kind: str,
    note: str,
    new_date: date | None = None,
    new_time: time | None = None,
    when: datetime | None = None,
) -> Promise:
    """Ask to move the promise to a new date, or to let it go, with a note.

    Either side may ask; the other side answers. Asking in time is good
    communication, and follow-through counts it that way.
    """
    now = when or timezone.now()
    promise = _locked(promise)
    if not access.is_party(promise, here.user.pk):
        raise PromiseError("Only the people in this promise can renegotiate it.")
    if promise.state != Promise.State.OPEN:
        raise PromiseError("This promise is already settled, so there's nothing to renegotiate.")
    if promise.has_proposal:
        raise PromiseError("A change is already waiting for an answer.")
    if promise.status(now) == "missed":
        raise PromiseError(
            "The day for this promise has passed, so it can't be renegotiated now. "
            "You can still leave a note about it."
        )
    if kind not in (Promise.Proposal.MOVE, Promise.Proposal.RELEASE):
        raise PromiseError("Please choose a new date or letting it go.")
    note = _clean(note, what="a short note", limit=NOTE_MAX)
    new_due: datetime | None = None
    if kind == Promise.Proposal.MOVE:
        if new_date is None:
            raise PromiseError("Please choose the new date.")
        new_due = due_moment(new_date, new_time)
        if new_due <= now:
            raise PromiseError("Please choose a new date that is still ahead.")
    _record(
        promise,
        here,
        event=f"proposed_{kind}",
        now=now,
        extra={
            "note": note,
            "new_due": new_due.isoformat() if new_due else None,
            "new_due_has_time": new_time is not None,
        },
        proposal_note=note,
    )
    promise.proposal = kind
    promise.proposal_by = here.user
    promise.proposal_at = now
    promise.proposal_due_at = new_due
    promise.proposal_has_time = new_due is not None and new_time is not None
    promise.save()
    return promise


@transaction.atomic
def promise_accept(*, here: Here, promise: Promise, when: datetime | None = None) -> Promise:
    now = when or timezone.now()
    promise = _locked(promise)
    if not promise.has_proposal:
        raise PromiseError("There's no change waiting for an answer.")
    if not access.may_answer(promise, here.user.pk):
        if promise.proposal_by_id == here.user.pk:
            raise PromiseError("You asked for this change; the other side answers it.")
        raise PromiseError("Only the other side of this promise can answer.")
    if promise.state != Promise.State.OPEN:
        raise PromiseError("This promise is already settled.")
    if promise.proposal == Promise.Proposal.MOVE and promise.proposal_due_at is not None:
        _record(
            promise,
            here,
            event="accepted_move",
            now=now,
            extra={
                "new_due": promise.proposal_due_at.isoformat(),
                "new_due_has_time": promise.proposal_has_time,
            },
            proposal_note=None,
        )
        promise.due_at = promise.proposal_due_at
        promise.due_has_time = promise.proposal_has_time
    else:
        _record(
            promise,
            here,
            event="accepted_release",
            now=now,
            extra={"new_state": "released"},
            proposal_note=None,
        )
        promise.state = Promise.State.RELEASED
        promise.released_at = now
    promise.renegotiated_at = now
    promise.renegotiations += 1
    _clear_proposal(promise)
    promise.save()
    return promise


@transaction.atomic
def promise_decline(*, here: Here, promise: Promise, when: datetime | None = None) -> Promise:
    """Keep the promise as it was; the person who asked may also withdraw their ask."""
    now = when or timezone.now()
    promise = _locked(promise)
    if not promise.has_proposal:
        raise PromiseError("There's no change waiting for an answer.")
    withdrawing = promise.proposal_by_id == here.user.pk
    if not withdrawing and not access.may_answer(promise, here.user.pk):
        raise PromiseError("Only the other side of this promise can answer.")
    _record(
        promise,
        here,
        event="withdrawn" if withdrawing else "declined",
        now=now,
        proposal_note=None,
    )
    _clear_proposal(promise)
    promise.save()
    return promise


@transaction.atomic
def promise_note_add(
    *, here: Here, promise: Promise, body: str, when: datetime | None = None
) -> PromiseNote:
    """A word about a promise, seen by the people in it."""
    if not access.is_party(promise, here.user.pk):
        raise PromiseError("Only the people in this promise can write about it.")
    body = _clean(body, what="your note", limit=NOTE_MAX)
    note = PromiseNote(
        owner=here.user, space_id=here.space_id, promise=promise, written_at=when or timezone.now()
    )
    records.seal(note, here.keychain, body=body)
    records.share(note, here.keychain, here.space_key)
    note.save()
    return note
