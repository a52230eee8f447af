"""Writes to spaces, memberships and invitations: one atomic function each."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.core import crypto
from hearth.spaces.access import (
    InvitationPreview,
    invitation_aad,
    membership_aad,
    space_aad,
    space_key,
)
from hearth.spaces.models import Invitation, Membership, Space
from hearth.vault.keychain import Keychain
from hearth.vault.models import Keyring, SealedRecord


class SpaceError(Exception):
    """A request about a space that cannot be carried out, in words for the member."""


NAME_MAX = 80


def _clean_name(name: str, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SpaceError(f"Please give {what}.")
    if len(name) > NAME_MAX:
        raise SpaceError(f"Please keep {what} under {NAME_MAX} characters.")
    return name


def _add_member(
    *,
    space: Space,
    user: User,
    keychain: Keychain,
    key: bytes,
    member_name: str,
    when: datetime | None,
) -> Membership:
    membership = Membership(space=space, user=user)
    if when is not None:
        membership.joined_at = when
    membership.key_wrapped = crypto.wrap_key(
        keychain.user_key, key, membership_aad(membership.pk, "space-key")
    )
    membership.name_sealed = crypto.encrypt_text(
        key, member_name, membership_aad(membership.pk, "name")
    )
    membership.save()
    keychain.remember_space_key(space.pk, key)
    return membership


@transaction.atomic
def space_create(
    *,
    user: User,
    keychain: Keychain,
    kind: str,
    name: str,
    member_name: str,
    when: datetime | None = None,
) -> Membership:
    """A new space with its own random key, and its creator as first member."""
    if kind not in Space.Kind.values:
        raise SpaceError("Please choose what kind of space this is.")
    name = _clean_name(name, "the space a name")
    member_name = _clean_name(member_name, "the name others will see")
    key = crypto.new_key()
    space = Space(kind=kind)
    if when is not None:
        space.created_at = when
    space.name_sealed = crypto.encrypt_text(key, name, space_aad(space.pk, "name"))
    space.save()
    return _add_member(
        space=space, user=user, keychain=keychain, key=key, member_name=member_name, when=when
    )


@transaction.atomic
def invitation_create(
    *, membership: Membership, keychain: Keychain, when: datetime | None = None
) -> tuple[Invitation, str]:
    """A one-time link; returns the invitation and the token for its URL.

    The token is never stored: the database keeps a one-way hash to find the
    invitation, and the space key wrapped under a key derived from the token.
    """
    if membership.left_at is not None:
        raise SpaceError("You are no longer a member of this space.")
    key = space_key(membership, keychain)
    token = crypto.new_token()
    now = when or timezone.now()
    invitation = Invitation(
        space_id=membership.space_id,
        inviter_id=membership.user_id,
        token_hash=crypto.lookup_hash(token),
        created_at=now,
        expires_at=now + timedelta(days=settings.HEARTH_INVITATION_DAYS),
    )
    invitation.key_wrapped = crypto.wrap_key(
        crypto.derive_subkey(token, "hearth/invitation"), key, invitation_aad(invitation.pk)
    )
    invitation.save()
    return invitation, crypto.token_text(token)


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, user: User) -> None:
    if invitation.inviter_id != user.pk:
        raise SpaceError("Only the person who sent an invitation can withdraw it.")
    if invitation.status != Invitation.Status.PENDING:
        raise SpaceError("This invitation can no longer be withdrawn.")
    invitation.revoked_at = timezone.now()
    invitation.key_wrapped = b""  # nothing left that could open the space
    invitation.save(update_fields=["revoked_at", "key_wrapped"])


@transaction.atomic
def invitation_accept(
    *,
    preview: InvitationPreview,
    user: User,
    keychain: Keychain,
    member_name: str,
    when: datetime | None = None,
) -> Membership:
    """Join the space the link was for. A link works once."""
    member_name = _clean_name(member_name, "the name others will see")
    # Lock the row so two people opening one link cannot both join.
    invitation = Invitation.objects.select_for_update().get(pk=preview.invitation.pk)
    if invitation.status_at(when or timezone.now()) != Invitation.Status.PENDING:
        raise SpaceError("This invitation has already been used, withdrawn or has expired.")
    if Membership.objects.filter(
        space_id=invitation.space_id, user=user, left_at__isnull=True
    ).exists():
        raise SpaceError("You are already a member of this space.")
    membership = _add_member(
        space=invitation.space,
        user=user,
        keychain=keychain,
        key=preview.space_key,
        member_name=member_name,
        when=when,
    )
    invitation.used_at = when or timezone.now()
    invitation.used_by = user
    invitation.key_wrapped = b""
    invitation.save(update_fields=["used_at", "used_by", "key_wrapped"])
    return membership


def _sealed_record_models() -> list[type[SealedRecord]]:
    return [m for m in apps.get_models() if issubclass(m, SealedRecord)]


@transaction.atomic
def membership_leave(*, membership: Membership) -> None:
    """Leave at once: no approval, no notice. The member keeps what they wrote.

    Their copy of the space key goes, and so do the space's copies of their
    own item keys: what they shared leaves with them.
    """
    if membership.left_at is not None:
        return
    membership.left_at = timezone.now()
    membership.key_wrapped = None
    membership.key_sealed = None
    membership.save(update_fields=["left_at", "key_wrapped", "key_sealed"])
    for model in _sealed_record_models():
        model._default_manager.filter(
            space_id=membership.space_id, owner_id=membership.user_id
        ).update(**dict.fromkeys(model.SPACE_WRAP_FIELDS))
    Invitation.objects.filter(
        space_id=membership.space_id,
        inviter_id=membership.user_id,
        used_at__isnull=True,
        revoked_at__isnull=True,
    ).update(revoked_at=membership.left_at, key_wrapped=b"")


@transaction.atomic
def memberships_forget_keys(*, user: User) -> None:
    """After a reset without the recovery code: the old copies can't open."""
    Membership.objects.filter(user=user, left_at__isnull=True).update(
        key_wrapped=None, key_sealed=None
    )


@transaction.atomic
def space_regrant_keys(*, membership: Membership, keychain: Keychain) -> int:
    """Hand the space key to members who lost theirs; returns how many.

    Runs when a member who holds the key visits. The key is sealed to the
    other member's public key, so only they can open it.
    """
    waiting = list(
        Membership.objects.filter(
            space_id=membership.space_id,
            left_at__isnull=True,
            key_wrapped__isnull=True,
            key_sealed__isnull=True,
        ).exclude(pk=membership.pk)
    )
    if not waiting:
        return 0
    key = space_key(membership, keychain)
    publics = dict(
        Keyring.objects.filter(user_id__in=[m.user_id for m in waiting]).values_list(
            "user_id", "public_key"
        )
    )
    for other in waiting:
        public = publics.get(other.user_id)
        if public is None:
            continue
        other.key_sealed = crypto.seal_to(bytes(public), key)
        other.save(update_fields=["key_sealed"])
    return len(waiting)


@transaction.atomic
def membership_rename(*, membership: Membership, keychain: Keychain, name: str) -> None:
    name = _clean_name(name, "the name others will see")
    key = space_key(membership, keychain)
    membership.name_sealed = crypto.encrypt_text(key, name, membership_aad(membership.pk, "name"))
    membership.save(update_fields=["name_sealed"])
