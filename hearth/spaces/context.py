"""Everything a page in a space needs, in one call: ``here(request)``.

    here = here_for(request)          # or raises NoSpace / SpaceLocked
    here.membership, here.space_key, here.keychain, here.name_of(user_id)

Views of every capability start with it, so the space is always the member's
current one and the keys are always theirs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from django.http import HttpRequest

from hearth.accounts.models import User
from hearth.spaces import access
from hearth.spaces.models import Membership
from hearth.vault import records
from hearth.vault.keychain import Keychain
from hearth.vault.middleware import get_keychain
from hearth.vault.models import SealedRecord

CURRENT_SPACE = "hearth.current_space"


@dataclass(frozen=True)
class Earlier:
    """An earlier version of a record, as a page shows it (``v.what`` reads a value)."""

    editor: str
    replaced_at: datetime
    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


class NoSpace(Exception):
    """The member belongs to no space yet (handled: back home, with a word why)."""


@dataclass
class Here:
    user: User
    keychain: Keychain
    membership: Membership
    space_key: bytes
    _names: dict[int, str] | None = field(default=None, repr=False)

    @property
    def space_id(self) -> uuid.UUID:
        return self.membership.space_id

    def _load_names(self) -> dict[int, str]:
        if self._names is None:
            names: dict[int, str] = {}
            # Oldest first, so a member who rejoined is named as they are now.
            for m in Membership.objects.filter(space_id=self.space_id).order_by("joined_at"):
                names[m.user_id] = access.member_name(m, self.space_key)
            self._names = names
        return self._names

    def name_of(self, user_id: int | None) -> str:
        """How a member appears in this space ("someone who left" if unknown)."""
        if user_id is None:
            return "Someone who left"
        return self._load_names().get(user_id, "Someone who left")

    @cached_property
    def current_member_ids(self) -> list[int]:
        return list(
            Membership.objects.filter(space_id=self.space_id, left_at__isnull=True)
            .order_by("joined_at")
            .values_list("user_id", flat=True)
        )

    def earlier_versions(self, record: SealedRecord) -> list[Earlier]:
        """A record's history, newest first, or nothing for someone who can't read it."""
        try:
            versions = records.history(record, self.keychain, self.space_key)
        except records.Locked:
            return []
        return [
            Earlier(self.name_of(v.editor_id), v.replaced_at, v.values) for v in reversed(versions)
        ]

    @property
    def others(self) -> list[tuple[int, str]]:
        """The other current members, as (user id, name), in joining order."""
        return [(uid, self.name_of(uid)) for uid in self.current_member_ids if uid != self.user.pk]


def here_for_membership(membership: Membership, keychain: Keychain) -> Here:
    """The same context outside a request (services, the demo, tests)."""
    user = membership.user
    return Here(
        user=user,
        keychain=keychain,
        membership=membership,
        space_key=access.space_key(membership, keychain),
    )


def here_for(request: HttpRequest) -> Here:
    """The member's current space, unlocked. Raises NoSpace or SpaceLocked."""
    cached: Here | None = getattr(request, "_hearth_here", None)
    if cached is not None:
        return cached
    user = request.user
    assert isinstance(user, User)
    keychain = get_keychain(request)
    memberships = list(access.current_memberships(user))
    if not memberships:
        raise NoSpace
    wanted = request.session.get(CURRENT_SPACE)
    membership = next((m for m in memberships if str(m.space_id) == wanted), memberships[0])
    result = here_for_membership(membership, keychain)
    request._hearth_here = result  # type: ignore[attr-defined]
    return result
