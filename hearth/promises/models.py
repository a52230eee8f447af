"""Promises: "I will ... by ..." to one member or to the whole space.

What was promised and every note about it are sealed; the clear columns are
only metadata the app needs to work (who, to whom, when it is due, its state).
Whether a promise was missed is never stored: it is read off the clock (see
``Promise.status``), so no scheduled job is needed and nothing goes stale.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.vault.models import SealedField, SealedRecord

# A promise whose day has passed can still be marked done, or moved with a
# "running late", for this long; after that it has slipped by.
GRACE = timedelta(days=1)
# "Due soon": when the one-tap "running late / can't make it" is offered.
SOON = timedelta(hours=24)


class Promise(SealedRecord):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done, waiting to be confirmed"
        KEPT = "kept", "Kept"
        RELEASED = "released", "Released by agreement"

    class Proposal(models.TextChoices):
        NONE = "", "Nothing proposed"
        MOVE = "move", "A new date"
        RELEASE = "release", "Let it go, by agreement"

    what = SealedField()
    # The note that goes with a renegotiation while it waits for an answer.
    proposal_note = SealedField()

    to_space = models.BooleanField(default=False)
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    due_has_time = models.BooleanField(default=False)
    state = models.CharField(max_length=12, choices=State.choices, default=State.OPEN)
    done_at = models.DateTimeField(null=True, blank=True)
    kept_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)
    renegotiated_at = models.DateTimeField(null=True, blank=True)
    renegotiations = models.PositiveSmallIntegerField(default=0)

    proposal = models.CharField(
        max_length=8, choices=Proposal.choices, default=Proposal.NONE, blank=True
    )
    proposal_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposal_at = models.DateTimeField(null=True, blank=True)
    proposal_due_at = models.DateTimeField(null=True, blank=True)
    proposal_has_time = models.BooleanField(default=False)

    to_user_id: int | None
    confirmed_by_id: int | None
    proposal_by_id: int | None

    class Meta:
        indexes = [
            models.Index(fields=["space", "owner", "state"], name="promise_by_owner"),
            models.Index(fields=["space", "to_user", "state"], name="promise_by_recipient"),
        ]

    def __str__(self) -> str:
        return f"promise {self.pk}"

    @property
    def has_proposal(self) -> bool:
        return bool(self.proposal)

    def status(self, now: datetime) -> str:
        """open, overdue (its day passed, still time), missed, done, kept or released.

        A renegotiation asked for in time protects the promise until it is
        answered.
        """
        if self.state != self.State.OPEN:
            return str(self.state)
        if now <= self.due_at or self.has_proposal:
            return "open"
        if now <= self.due_at + GRACE:
            return "overdue"
        return "missed"

    def is_due_soon(self, now: datetime) -> bool:
        return self.state == self.State.OPEN and self.due_at - SOON <= now <= self.due_at + GRACE

    def outcome(self, now: datetime) -> tuple[datetime, str] | None:
        """How it ended, for follow-through: (when, kept | renegotiated | missed)."""
        if self.state == self.State.KEPT and self.kept_at is not None:
            return (self.kept_at, "renegotiated" if self.renegotiations else "kept")
        if self.state == self.State.RELEASED and self.released_at is not None:
            return (self.released_at, "renegotiated")
        if self.status(now) == "missed":
            return (self.due_at, "missed")
        return None


class PromiseNote(SealedRecord):
    """A word about a promise, from either side: how to talk about one that slipped."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="notes")
    body = SealedField()
    written_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"note {self.pk}"
