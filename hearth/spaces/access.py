"""Reads that need authorization: every look-up is scoped to the member.

A space that exists but is not the member's answers exactly like one that
does not exist (404), so nobody can probe for other people's spaces.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from hearth.accounts.models import User
from hearth.core import crypto
from hearth.spaces.models import Invitation, Membership, Space
from hearth.vault.keychain import Keychain


class SpaceLocked(Exception):
    """The member has no usable copy of the space key yet (see re-grant)."""


def space_aad(space_id: object, what: str) -> str:
    return f"spaces_space/{space_id}/{what}"


def membership_aad(membership_id: object, what: str) -> str:
    return f"spaces_membership/{membership_id}/{what}"


def invitation_aad(invitation_id: object) -> str:
    return f"spaces_invitation/{invitation_id}/space-key"


def current_memberships(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, left_at__isnull=True)
        .select_related("space")
        .order_by("joined_at")
    )


def membership_get_for_member(user: User, space_id: uuid.UUID | str) -> Membership:
    """The member's current membership of ``space_id``, or 404."""
    try:
        return current_memberships(user).get(space_id=space_id)
    except (Membership.DoesNotExist, ValueError, TypeError):
        raise Http404("No such space.") from None


def space_key(membership: Membership, keychain: Keychain) -> bytes:
    """Open the member's copy of the space key.

    A key handed over by another member after a password reset arrives sealed
    to this member's public key; it is opened once and re-wrapped under the
    user key, so later requests need only the fast path.
    """
    cached = keychain.cached_space_key(membership.space_id)
    if cached is not None:
        return cached
    aad = membership_aad(membership.pk, "space-key")
    key: bytes | None = None
    if membership.key_wrapped:
        try:
            key = crypto.unwrap_key(keychain.user_key, membership.key_wrapped, aad)
        except crypto.CryptoError:
            key = None
    if key is None and membership.key_sealed:
        try:
            key = crypto.open_sealed(keychain.private_key(), membership.key_sealed)
        except crypto.CryptoError:
            key = None
        if key is not None:
            membership.key_wrapped = crypto.wrap_key(keychain.user_key, key, aad)
            membership.key_sealed = None
            membership.save(update_fields=["key_wrapped", "key_sealed"])
    if key is None:
        raise SpaceLocked
    keychain.remember_space_key(membership.space_id, key)
    return key


def space_name(space: Space, key: bytes) -> str:
    return crypto.decrypt_text(key, space.name_sealed, space_aad(space.pk, "name"))


def member_name(membership: Membership, key: bytes) -> str:
    return crypto.decrypt_text(key, membership.name_sealed, membership_aad(membership.pk, "name"))


@dataclass(frozen=True)
class MemberView:
    membership_id: uuid.UUID
    name: str
    is_me: bool
    joined_at: datetime
    left_at: datetime | None
    waiting_for_key: bool


@dataclass(frozen=True)
class InvitationView:
    id: uuid.UUID
    created_at: datetime
    expires_at: datetime
    status: str
    status_label: str
    mine: bool


@dataclass(frozen=True)
class SpaceView:
    id: uuid.UUID
    name: str
    kind: str
    kind_label: str
    members: list[MemberView]
    former_members: list[MemberView]
    invitations: list[InvitationView]
    locked: bool = False


def space_summary(membership: Membership, keychain: Keychain) -> tuple[str, bool]:
    """The space's name for the list of my spaces, and whether it is locked."""
    try:
        key = space_key(membership, keychain)
    except SpaceLocked:
        return ("A space waiting for its key", True)
    return (space_name(membership.space, key), False)


def space_view(membership: Membership, keychain: Keychain) -> SpaceView:
    """Everything the space page shows, opened with the member's keys."""
    space = membership.space
    key = space_key(membership, keychain)
    people = list(
        Membership.objects.filter(space=space)
        .order_by("joined_at")
        .only("id", "user_id", "joined_at", "left_at", "name_sealed", "key_wrapped", "key_sealed")
    )
    # Someone who left and came back is shown once, as a current member.
    current_users = {m.user_id for m in people if m.left_at is None}
    members: list[MemberView] = []
    former: list[MemberView] = []
    for m in people:
        view = MemberView(
            membership_id=m.pk,
            name=member_name(m, key),
            is_me=m.user_id == membership.user_id,
            joined_at=m.joined_at,
            left_at=m.left_at,
            waiting_for_key=m.left_at is None and not m.key_wrapped and not m.key_sealed,
        )
        if m.left_at is None:
            members.append(view)
        elif m.user_id not in current_users:
            former.append(view)
    invitations = [
        InvitationView(
            id=inv.pk,
            created_at=inv.created_at,
            expires_at=inv.expires_at,
            status=inv.status,
            status_label=Invitation.Status(inv.status).label,
            mine=inv.inviter_id == membership.user_id,
        )
        for inv in Invitation.objects.filter(space=space).order_by("-created_at")[:10]
    ]
    return SpaceView(
        id=space.pk,
        name=space_name(space, key),
        kind=space.kind,
        kind_label=Space.Kind(space.kind).label,
        members=members,
        former_members=former,
        invitations=invitations,
    )


@dataclass(frozen=True)
class InvitationPreview:
    invitation: Invitation
    space_name: str
    inviter_name: str
    space_key: bytes


def invitation_open(token_text: str, *, at: datetime | None = None) -> InvitationPreview:
    """What a link's holder may see: the space's name and who invited them.

    Raises Http404 for a token that is malformed, unknown, used, withdrawn or
    expired, with no difference a visitor could probe.
    """
    try:
        token = crypto.token_from_text(token_text)
    except crypto.CryptoError:
        raise Http404("This invitation link is not valid.") from None
    try:
        invitation = Invitation.objects.select_related("space").get(
            token_hash=crypto.lookup_hash(token)
        )
    except Invitation.DoesNotExist:
        raise Http404("This invitation link is not valid.") from None
    if invitation.status_at(at or timezone.now()) != Invitation.Status.PENDING:
        raise Http404("This invitation link is not valid.")
    key = crypto.unwrap_key(
        crypto.derive_subkey(token, "hearth/invitation"),
        invitation.key_wrapped,
        invitation_aad(invitation.pk),
    )
    inviter = (
        Membership.objects.filter(space=invitation.space, user_id=invitation.inviter_id)
        .order_by("-joined_at")
        .first()
    )
    return InvitationPreview(
        invitation=invitation,
        space_name=space_name(invitation.space, key),
        inviter_name=member_name(inviter, key) if inviter else "A member",
        space_key=key,
    )


def invitation_get_for_member(membership: Membership, invitation_id: uuid.UUID) -> Invitation:
    try:
        return Invitation.objects.get(pk=invitation_id, space_id=membership.space_id)
    except Invitation.DoesNotExist:
        raise Http404("No such invitation.") from None
