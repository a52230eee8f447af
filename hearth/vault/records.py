"""Writing and reading sealed records: the one way content meets the database.

Every field is sealed with the record's own item key, bound to its table,
row and field name, so a ciphertext moved anywhere else fails to open::

    entry = JournalEntry(owner=user, space=space)
    seal(entry, keychain, space_key=None, body="what I wrote")
    entry.save()
    reveal(entry, keychain, space_key=None).body
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hearth.core import crypto
from hearth.vault.keychain import Keychain
from hearth.vault.models import Revision, SealedField, SealedRecord


class Locked(Exception):
    """This member holds no key that opens the record."""


class Revealed:
    """The plaintext of a record's sealed fields, by attribute."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)


def sealed_fields(record: SealedRecord) -> list[SealedField]:
    return [f for f in record._meta.get_fields() if isinstance(f, SealedField)]


def _aad(record: SealedRecord, what: str) -> str:
    return f"{record._meta.db_table}/{record.pk}/{what}"


def _unwrap(
    table: str,
    pk: object,
    owner_id: int,
    key_for_owner: crypto.Blob | None,
    key_for_space: crypto.Blob | None,
    keychain: Keychain,
    space_key: bytes | None,
) -> bytes:
    """The item key, from the owner's copy or the space's, or Locked."""
    if owner_id == keychain.user_id and key_for_owner:
        try:
            return crypto.unwrap_key(keychain.user_key, key_for_owner, f"{table}/{pk}/key/owner")
        except crypto.CryptoError:
            pass  # a key replaced after a reset: a shared copy may still open it
    if space_key is not None and key_for_space is not None:
        try:
            return crypto.unwrap_key(space_key, key_for_space, f"{table}/{pk}/key/space")
        except crypto.CryptoError as exc:
            raise Locked from exc
    raise Locked


def _item_key(record: SealedRecord, keychain: Keychain, space_key: bytes | None) -> bytes:
    return _unwrap(
        record._meta.db_table,
        record.pk,
        record.owner_id,
        record.key_for_owner,
        record.key_for_space,
        keychain,
        space_key,
    )


def _open_fields(
    table: str, pk: object, fields: list[SealedField], sealed: dict[str, Any], item_key: bytes
) -> Revealed:
    values: dict[str, Any] = {}
    for field in fields:
        blob = sealed.get(field.attname)
        if blob is None:
            values[field.name] = None
            continue
        try:
            plain = crypto.decrypt_text(item_key, bytes(blob), f"{table}/{pk}/{field.name}")
        except crypto.CryptoError as exc:
            raise Locked from exc
        values[field.name] = json.loads(plain) if field.kind == "json" else plain
    return Revealed(values)


def seal(
    record: SealedRecord, keychain: Keychain, space_key: bytes | None = None, **values: Any
) -> None:
    """Set sealed fields on ``record`` (not saved). A new record gets its key here."""
    fields = {f.name: f for f in sealed_fields(record)}
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"not sealed fields: {sorted(unknown)}")
    if not record.key_for_owner:
        if record.owner_id != keychain.user_id:
            raise Locked
        item_key = crypto.new_key()
        record.key_for_owner = crypto.wrap_key(
            keychain.user_key, item_key, _aad(record, "key/owner")
        )
    else:
        item_key = _item_key(record, keychain, space_key)
    for name, value in values.items():
        field = fields[name]
        if value is None:
            setattr(record, field.attname, None)
            continue
        plain = json.dumps(value) if field.kind == "json" else str(value)
        setattr(record, field.attname, crypto.encrypt_text(item_key, plain, _aad(record, name)))


def reveal(record: SealedRecord, keychain: Keychain, space_key: bytes | None = None) -> Revealed:
    """Open every sealed field of ``record``, or raise Locked."""
    item_key = _item_key(record, keychain, space_key)
    fields = sealed_fields(record)
    sealed = {f.attname: getattr(record, f.attname) for f in fields}
    return _open_fields(record._meta.db_table, record.pk, fields, sealed, item_key)


ROW_FIELDS = ("id", "owner_id", "key_for_owner", "key_for_space")


def reveal_row(
    model: type[SealedRecord],
    row: dict[str, Any],
    keychain: Keychain,
    space_key: bytes | None = None,
) -> Revealed:
    """``reveal`` for a row read with ``.values(*ROW_FIELDS, <sealed fields>)``.

    For pages that read hundreds of records at once (insights): building a
    model instance per row costs more than opening it.
    """
    table = model._meta.db_table
    item_key = _unwrap(
        table,
        row["id"],
        row["owner_id"],
        row["key_for_owner"],
        row["key_for_space"],
        keychain,
        space_key,
    )
    fields = [f for f in model._meta.get_fields() if isinstance(f, SealedField)]
    return _open_fields(table, row["id"], fields, row, item_key)


def share(record: SealedRecord, keychain: Keychain, space_key: bytes) -> None:
    """Let the space open the record (the caller saves it)."""
    if record.owner_id != keychain.user_id:
        raise Locked
    item_key = _item_key(record, keychain, space_key)
    record.key_for_space = crypto.wrap_key(space_key, item_key, _aad(record, "key/space"))


def unshare(record: SealedRecord) -> None:
    """Take the space's copy of the key away (the caller saves it)."""
    record.key_for_space = None


@dataclass(frozen=True)
class Version:
    """One earlier version of a record: who changed it, when, and what it said."""

    editor_id: int | None
    replaced_at: datetime
    values: dict[str, Any]


def revise(
    record: SealedRecord,
    keychain: Keychain,
    space_key: bytes | None,
    *,
    editor_id: int,
    extra: dict[str, Any] | None = None,
    when: datetime | None = None,
    **values: Any,
) -> None:
    """Change sealed fields, keeping the previous version in the record's history.

    ``extra`` carries clear metadata that the edit also changes (a due date,
    a status), so the history shows it too; ``when`` back-dates the change (the
    demo). The caller saves the record, inside the same transaction.
    """
    item_key = _item_key(record, keychain, space_key)
    before = reveal(record, keychain, space_key).as_dict()
    if extra:
        before.update(extra)
    revision = Revision(
        record_table=record._meta.db_table, record_id=record.pk, editor_id=editor_id
    )
    if when is not None:
        revision.created_at = when
    revision.sealed = crypto.encrypt_text(
        item_key, json.dumps(before, default=str), f"revision/{revision.pk}/{_aad(record, '')}"
    )
    revision.save()
    seal(record, keychain, space_key, **values)


def history(
    record: SealedRecord, keychain: Keychain, space_key: bytes | None = None
) -> list[Version]:
    """Earlier versions, oldest first, or Locked for someone who can't read the record."""
    item_key = _item_key(record, keychain, space_key)
    versions: list[Version] = []
    for revision in Revision.objects.filter(
        record_table=record._meta.db_table, record_id=record.pk
    ).order_by("created_at"):
        try:
            plain = crypto.decrypt_text(
                item_key, revision.sealed, f"revision/{revision.pk}/{_aad(record, '')}"
            )
        except crypto.CryptoError as exc:
            raise Locked from exc
        versions.append(Version(revision.editor_id, revision.created_at, json.loads(plain)))
    return versions
