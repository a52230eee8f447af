"""A sealed record used only by the tests, to exercise hearth.vault on its own."""

from django.db import models

from hearth.vault.models import SealedField, SealedRecord


class Note(SealedRecord):
    title = SealedField()
    body = SealedField()
    feelings = SealedField(kind="json")
    mood = models.CharField(max_length=10, default="calm")  # metadata, in clear

    class Meta:
        app_label = "sealedapp"
