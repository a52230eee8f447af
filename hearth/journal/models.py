"""Journal entries: private by default, shared with the space only on purpose."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from hearth.vault.models import SealedField, SealedRecord


class Entry(SealedRecord):
    # The day the entry is about; members may write about earlier days.
    day = models.DateField()
    # An id from hearth.core.prompts when the entry started from a prompt.
    prompt_id = models.CharField(max_length=64, blank=True, default="")
    title = SealedField()
    body = SealedField()
    prompt = SealedField()  # the prompt's wording as it was shown
    written_at = models.DateTimeField(default=timezone.now)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["owner", "space", "-day"], name="journal_entry_mine"),
            models.Index(fields=["space", "shared_at"], name="journal_entry_shared"),
        ]

    def __str__(self) -> str:
        return f"journal entry {self.pk}"
