"""Keys, and the building blocks every capability uses to store content sealed.

A capability stores content encrypted in one line per field::

    class JournalEntry(SealedRecord):
        body = SealedField()

and writes and reads it through :mod:`hearth.vault.records`.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class Keyring(models.Model):
    """A member's user key, kept only wrapped, and what it protects directly.

    The user key is wrapped twice: under a key derived from the password and
    under one derived from the recovery code shown once at sign-up. Neither
    secret is stored, so no host or admin path can unwrap it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keyring"
    )
    kdf = models.CharField(max_length=64)
    password_salt = models.BinaryField()
    key_by_password = models.BinaryField()
    recovery_salt = models.BinaryField()
    key_by_recovery = models.BinaryField()
    # The public half lets another member hand this member a space key.
    public_key = models.BinaryField()
    private_key_sealed = models.BinaryField()
    name_sealed = models.BinaryField()
    recovery_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    rotated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"keyring of user {self.user_id}"


class SealedField(models.BinaryField):  # type: ignore[type-arg]
    """A column that only ever holds ciphertext (see hearth.vault.records).

    ``kind`` says what the plaintext is: ``"text"`` or ``"json"`` (ratings,
    feeling words and other structured content).
    """

    def __init__(self, *args: Any, kind: str = "text", **kwargs: Any) -> None:
        if kind not in {"text", "json"}:
            raise ValueError(f"unknown sealed kind {kind!r}")
        self.kind = kind
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.kind != "text":
            kwargs["kind"] = self.kind
        kwargs.pop("editable", None)
        return name, path, args, kwargs


class SealedRecord(models.Model):
    """Something a member wrote, sealed under its own item key.

    The item key is wrapped under the owner's user key (so it is private), and
    also under the space key while the owner shares it. Unsharing deletes that
    wrap, which takes effect at once.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="+")
    key_for_owner = models.BinaryField()
    key_for_space = models.BinaryField(null=True, blank=True)
    owner_id: int
    space_id: uuid.UUID
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Columns that hand the space a copy of the item key. Leaving a space
    # clears them all; a model that keeps another such copy names it here.
    SPACE_WRAP_FIELDS: ClassVar[tuple[str, ...]] = ("key_for_space",)

    class Meta:
        abstract = True

    @property
    def is_shared(self) -> bool:
        return self.key_for_space is not None


class Revision(models.Model):
    """An earlier version of a record, kept so nobody can quietly rewrite what happened.

    The previous values are sealed under the record's own item key, so exactly
    the people who can read the record can read its history. Revisions are
    only ever added (see ``records.revise``); nothing edits or deletes them.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record_table = models.CharField(max_length=100)
    record_id = models.UUIDField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sealed = models.BinaryField()

    class Meta:
        indexes = [
            models.Index(fields=["record_table", "record_id", "created_at"], name="revision_lookup")
        ]

    def __str__(self) -> str:
        return f"revision {self.pk}"
