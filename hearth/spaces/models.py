"""Relationship spaces, who belongs to them, and invitations to join.

A space's name and each member's name in it are sealed under the space key;
each member holds the space key wrapped under their own user key.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Space(models.Model):
    class Kind(models.TextChoices):
        COUPLE = "couple", "Couple"
        FAMILY = "family", "Family"
        FRIENDS = "friends", "Friends"
        OTHER = "other", "Other"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    name_sealed = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"space {self.pk}"


class Membership(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    # The space key, wrapped under this member's user key.
    key_wrapped = models.BinaryField(null=True, blank=True)
    # The space key handed over by another member (sealed to this member's
    # public key) after this member's password reset replaced their user key.
    key_sealed = models.BinaryField(null=True, blank=True)
    name_sealed = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user"],
                condition=Q(left_at__isnull=True),
                name="one_current_membership_per_space",
            )
        ]
        indexes = [models.Index(fields=["user", "left_at"], name="membership_user_current")]

    def __str__(self) -> str:
        return f"membership {self.pk}"

    @property
    def is_current(self) -> bool:
        return self.left_at is None


class Invitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        USED = "used", "Used"
        REVOKED = "revoked", "Withdrawn"
        EXPIRED = "expired", "Expired"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="invitations")
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # Only a one-way hash of the link's token; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    # The space key, wrapped under a key only the link's token can derive.
    key_wrapped = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"invitation {self.pk}"

    @property
    def status(self) -> Invitation.Status:
        return self.status_at(timezone.now())

    def status_at(self, moment: datetime) -> Invitation.Status:
        if self.revoked_at is not None:
            return Invitation.Status.REVOKED
        if self.used_at is not None:
            return Invitation.Status.USED
        if self.expires_at <= moment:
            return Invitation.Status.EXPIRED
        return Invitation.Status.PENDING
