"""Boundaries: what each member asks of the others, area by area, and moments around them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hearth.vault.models import SealedField, SealedRecord


class Area(models.TextChoices):
    PRIVACY = "privacy", "Privacy"
    TIME = "time", "Time"
    MONEY = "money", "Money"
    SOCIAL_MEDIA = "social_media", "Social media"
    SPACE = "physical_space", "Physical space"
    FAMILY = "family_friends", "Family and friends"
    INTIMACY = "intimacy", "Intimacy"
    OTHER = "other", "Something else"


class Boundary(SealedRecord):
    """One member's boundary, private until they share it with the space.

    ``version`` goes up with each edit, so an acknowledgement of an earlier
    version shows as "updated since you acknowledged".
    """

    area = models.CharField(max_length=20, choices=Area.choices)
    made_at = models.DateTimeField()
    shared_at = models.DateTimeField(null=True, blank=True)
    # Once shared, edits keep their history even if it is unshared later.
    was_shared = models.BooleanField(default=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    what = SealedField()
    why = SealedField()

    class Meta:
        indexes = [models.Index(fields=["space", "owner", "area"], name="boundary_by_owner")]

    def __str__(self) -> str:
        return f"boundary {self.pk}"


class Acknowledgement(models.Model):
    """ "I understand and will honour this", by one member, for one version."""

    boundary = models.ForeignKey(
        Boundary, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["boundary", "user"], name="one_acknowledgement_each")
        ]

    def __str__(self) -> str:
        return f"acknowledgement {self.pk}"


class MomentKind(models.TextChoices):
    HONOURED = "honoured", "Honoured"
    CROSSED_PRIVATE = "crossed_private", "Crossed: a note to myself"
    CROSSED_INVITE = "crossed_invite", "Crossed: an invitation to talk"


class BoundaryMoment(SealedRecord):
    """A moment around a boundary, written by its owner (the writer).

    A private note is sealed for the writer alone; a thank-you or an
    invitation to talk is shared, and shown only to the writer and ``to_user``.
    """

    boundary = models.ForeignKey(Boundary, on_delete=models.CASCADE, related_name="moments")
    kind = models.CharField(max_length=20, choices=MomentKind.choices)
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    noted_at = models.DateTimeField()
    note = SealedField()

    class Meta:
        indexes = [models.Index(fields=["boundary", "noted_at"], name="boundary_moments")]

    def __str__(self) -> str:
        return f"boundary moment {self.pk}"
