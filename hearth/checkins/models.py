"""A daily check-in: clear metadata in one row, the content in sealed parts.

A check-in is one row per member, space and day that holds only metadata (who,
where, which day, when). What the member wrote lives in up to three sealed
records, one per part they can share on its own:

* ``feelings``: ``{"pleasantness": int, "energy": int, "words": [...],
  "own_words": [...]}``;
* ``ratings``: ``{"reliability": n, "heard": n, "safety": n, "respect": n}``
  about the others as a whole, or, in a space of three or more,
  ``{"<user id>": {...the same keys...}, ...}`` per other member;
* ``note``: ``{"text": "..."}``.

Each part has its own item key, so sharing one part never opens another.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from hearth.vault.models import SealedField, SealedRecord


class CheckIn(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    owner_id: int
    space_id: uuid.UUID

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "owner", "day"], name="checkin_one_a_day")
        ]
        indexes = [models.Index(fields=["space", "day"], name="checkin_space_day")]

    def __str__(self) -> str:
        return f"check-in {self.pk}"


class Part(models.TextChoices):
    FEELINGS = "feelings", "Feelings"
    RATINGS = "ratings", "Today with the others"
    NOTE = "note", "Note"


class CheckInPart(SealedRecord):
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(max_length=16, choices=Part.choices)
    shared_at = models.DateTimeField(null=True, blank=True)
    content = SealedField(kind="json")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checkin", "kind"], name="checkin_part_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} of check-in {self.checkin_id}"
