"""Appreciations: specific thanks to a member, or to the whole space."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hearth.vault.models import SealedField, SealedRecord


class Appreciation(SealedRecord):
    """Thanks from its owner (the giver), shared with the space by nature.

    ``recipient`` is empty when the thanks is for everyone in the space.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When it was given (created_at is the row's own, and cannot be back-dated).
    given_at = models.DateTimeField()
    edited_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    what = SealedField()
    why = SealedField()

    class Meta:
        indexes = [models.Index(fields=["space", "given_at"], name="appreciation_feed")]

    def __str__(self) -> str:
        return f"appreciation {self.pk}"


class Heart(models.Model):
    """One member's heart on an appreciation: there is at most one each."""

    appreciation = models.ForeignKey(Appreciation, on_delete=models.CASCADE, related_name="hearts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["appreciation", "user"], name="one_heart_per_member")
        ]

    def __str__(self) -> str:
        return f"heart {self.pk}"
