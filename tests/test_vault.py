"""Encryption at rest: sealed records, and what reaches the disk."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from hearth.spaces import access
from hearth.vault import records
from tests.conftest import World
from tests.sealedapp.models import Note


def _note(world: World, **values: Any) -> Note:
    note = Note(owner=world.member.user, space=world.space.space)
    records.seal(note, world.member.keychain, **values)
    note.save()
    return note


def test_it_reveals_a_private_note_only_to_its_owner(world: World) -> None:
    note = _note(world, title="Hopes", body="I hope we travel", feelings=["hopeful"])
    opened = records.reveal(Note.objects.get(pk=note.pk), world.member.keychain)
    assert (opened.title, opened.body, opened.feelings) == (
        "Hopes",
        "I hope we travel",
        ["hopeful"],
    )
    partner_key = access.space_key(world.partner_membership, world.partner.keychain)
    with pytest.raises(records.Locked):
        records.reveal(note, world.partner.keychain, partner_key)


def test_it_shares_and_unshares_at_once(world: World) -> None:
    note = _note(world, title="Plans", body="Saturday walk")
    member_key = access.space_key(world.space, world.member.keychain)
    records.share(note, world.member.keychain, member_key)
    note.save()
    partner_key = access.space_key(world.partner_membership, world.partner.keychain)
    fresh = Note.objects.get(pk=note.pk)
    assert records.reveal(fresh, world.partner.keychain, partner_key).body == "Saturday walk"
    records.unshare(fresh)
    fresh.save()
    with pytest.raises(records.Locked):
        records.reveal(Note.objects.get(pk=note.pk), world.partner.keychain, partner_key)


def test_it_refuses_a_ciphertext_copied_to_another_row(world: World) -> None:
    one = _note(world, title="one", body="the first")
    two = _note(world, title="two", body="the second")
    Note.objects.filter(pk=two.pk).update(body=one.body)
    with pytest.raises(records.Locked):
        records.reveal(Note.objects.get(pk=two.pk), world.member.keychain)


def test_it_refuses_a_ciphertext_moved_to_another_field(world: World) -> None:
    note = _note(world, title="title", body="body")
    Note.objects.filter(pk=note.pk).update(title=note.body)
    with pytest.raises(records.Locked):
        records.reveal(Note.objects.get(pk=note.pk), world.member.keychain)


def test_it_refuses_an_item_key_copied_from_another_row(world: World) -> None:
    one = _note(world, title="one", body="the first")
    two = _note(world, title="two", body="the second")
    Note.objects.filter(pk=two.pk).update(key_for_owner=one.key_for_owner)
    with pytest.raises(records.Locked):
        records.reveal(Note.objects.get(pk=two.pk), world.member.keychain)


def test_it_refuses_a_flipped_byte_in_a_stored_field(world: World) -> None:
    note = _note(world, title="t", body="a private thought")
    flipped = bytearray(bytes(note.body))
    flipped[-1] ^= 0x01
    Note.objects.filter(pk=note.pk).update(body=bytes(flipped))
    with pytest.raises(records.Locked):
        records.reveal(Note.objects.get(pk=note.pk), world.member.keychain)


def test_it_will_not_let_another_member_share_my_note(world: World) -> None:
    note = _note(world, title="t", body="mine")
    partner_key = access.space_key(world.partner_membership, world.partner.keychain)
    with pytest.raises(records.Locked):
        records.share(note, world.partner.keychain, partner_key)


def test_it_rejects_fields_that_are_not_sealed(world: World) -> None:
    note = Note(owner=world.member.user, space=world.space.space)
    with pytest.raises(TypeError):
        records.seal(note, world.member.keychain, mood="loud")


CANARIES = {
    "private_title": "CANARY-private-title-7f3a",
    "private_body": "CANARY-private-body-91be",
    "shared_body": "CANARY-shared-body-c044",
    "feeling": "CANARY-feeling-5d21",
}


@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True)
def test_it_writes_no_canary_to_the_sqlite_file_or_its_wal(world: World) -> None:
    _note(
        world,
        title=CANARIES["private_title"],
        body=CANARIES["private_body"],
        feelings=[CANARIES["feeling"]],
    )
    shared = _note(world, title="shared", body=CANARIES["shared_body"])
    records.share(
        shared, world.member.keychain, access.space_key(world.space, world.member.keychain)
    )
    shared.save()
    path = connection.settings_dict["NAME"]
    assert os.path.exists(path), path
    files = [f for f in glob.glob(f"{path}*") if os.path.isfile(f)]
    assert any(f.endswith("-wal") for f in files), files  # WAL mode is really on
    disk = b"".join(Path(f).read_bytes() for f in files)
    assert len(disk) > 10_000
    for canary in CANARIES.values():
        assert canary.encode() not in disk
    # The space's and members' names are sealed too.
    for name in (b"Alex and Sam", b"Riley's family"):
        assert name not in disk


def test_it_stores_only_ciphertext_in_every_sealed_column(world: World) -> None:
    """Works on any database: read the raw column values back with SQL."""
    _note(
        world,
        title=CANARIES["private_title"],
        body=CANARIES["private_body"],
        feelings=[CANARIES["feeling"]],
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, body, feelings FROM {Note._meta.db_table}")  # noqa: S608
        raw = b"".join(bytes(v) for row in cursor.fetchall() for v in row)
        cursor.execute("SELECT name_sealed FROM spaces_space")
        raw += b"".join(bytes(row[0]) for row in cursor.fetchall())
    for canary in (*CANARIES.values(), "Alex and Sam"):
        assert canary.encode() not in raw


def test_it_keeps_every_earlier_version_for_whoever_can_read_the_record(world: World) -> None:
    note = _note(world, title="Plan", body="Walk on Saturday")
    member_key = access.space_key(world.space, world.member.keychain)
    records.share(note, world.member.keychain, member_key)
    note.save()
    records.revise(
        note,
        world.member.keychain,
        member_key,
        editor_id=world.member.user.pk,
        extra={"mood": "calm"},
        body="Walk on Sunday",
    )
    note.save()
    records.revise(
        note,
        world.member.keychain,
        member_key,
        editor_id=world.member.user.pk,
        body="Walk on Sunday morning",
    )
    note.save()
    partner_key = access.space_key(world.partner_membership, world.partner.keychain)
    fresh = Note.objects.get(pk=note.pk)
    assert (
        records.reveal(fresh, world.partner.keychain, partner_key).body == "Walk on Sunday morning"
    )
    versions = records.history(fresh, world.partner.keychain, partner_key)
    assert [v.values["body"] for v in versions] == ["Walk on Saturday", "Walk on Sunday"]
    assert versions[0].values["mood"] == "calm"
    assert versions[0].editor_id == world.member.user.pk
    outsider_key = access.space_key(world.outsider_space, world.outsider.keychain)
    with pytest.raises(records.Locked):
        records.history(fresh, world.outsider.keychain, outsider_key)


def test_it_seals_the_history_too(world: World) -> None:
    from hearth.vault.models import Revision

    note = _note(world, title="t", body="CANARY-history-first")
    records.revise(note, world.member.keychain, None, editor_id=world.member.user.pk, body="second")
    note.save()
    raw = b"".join(bytes(r.sealed) for r in Revision.objects.all())
    assert raw and b"CANARY-history-first" not in raw


def test_it_opens_rows_read_as_values_like_records(world: World) -> None:
    one = _note(world, title="one", body="the first", feelings=["calm"])
    two = _note(world, title="two", body="the second")
    fields = (*records.ROW_FIELDS, "title", "body", "feelings")
    rows = {r["id"]: r for r in Note.objects.values(*fields)}
    opened = records.reveal_row(Note, rows[one.pk], world.member.keychain)
    assert opened.as_dict() == records.reveal(one, world.member.keychain).as_dict()
    moved = {**rows[two.pk], "body": rows[one.pk]["body"]}
    with pytest.raises(records.Locked):
        records.reveal_row(Note, moved, world.member.keychain)
    partner_key = access.space_key(world.partner_membership, world.partner.keychain)
    with pytest.raises(records.Locked):
        records.reveal_row(Note, rows[one.pk], world.partner.keychain, partner_key)
