"""The demo: two people, their space, and about 120 days of history.

Every sentence a demo member "wrote" is listed in DEMO_TEXTS, so a test can
prove none of it reaches the database file, its WAL or the logs in clear.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.accounts.services import account_create
from hearth.demo.world import DemoWorld
from hearth.front.today import APPS
from hearth.spaces import access, services
from hearth.spaces.context import here_for_membership
from hearth.spaces.models import Invitation, Membership
from hearth.vault import services as vault

PASSWORD = "hearth-demo-passphrase"  # noqa: S105  (published: it is the demo)
DAYS = 120


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str


# Emails are kept in clear by design (they are how people sign in), so the
# demo's emails carry no names.
FIRST = DemoPerson("first@demo.hearth.test", "Maya")
SECOND = DemoPerson("second@demo.hearth.test", "Jonah")
SIBLING = DemoPerson("sibling@demo.hearth.test", "Tess")
COUPLE_SPACE = "Maya & Jonah"
FAMILY_SPACE = "Maya and Tess, sisters"

DEMO_TEXTS = [FIRST.name, SECOND.name, SIBLING.name, COUPLE_SPACE, FAMILY_SPACE]


def exists() -> bool:
    return User.objects.filter(email=FIRST.email).exists()


@transaction.atomic
def remove() -> None:
    users = User.objects.filter(email__in=[FIRST.email, SECOND.email, SIBLING.email])
    space_ids = Membership.objects.filter(user__in=users).values_list("space_id", flat=True)
    from hearth.spaces.models import Space

    Space.objects.filter(pk__in=list(space_ids)).delete()
    users.delete()


def _steps(now: datetime) -> Iterator[tuple[str, Callable[[dict[str, object]], None]]]:
    start = now - timedelta(days=DAYS)

    def people(state: dict[str, object]) -> None:
        for person in (FIRST, SECOND, SIBLING):
            user, unlocked = account_create(email=person.email, password=PASSWORD, name=person.name)
            vault.keyring_confirm_recovery_saved(user=user)
            User.objects.filter(pk=user.pk).update(date_joined=start)
            state[person.email] = unlocked.keychain
            state[person.email + "/user"] = user

    def couple(state: dict[str, object]) -> None:
        first = state[FIRST.email + "/user"]
        membership = services.space_create(
            user=first,  # type: ignore[arg-type]
            keychain=state[FIRST.email],  # type: ignore[arg-type]
            kind="couple",
            name=COUPLE_SPACE,
            member_name=FIRST.name,
            when=start,
        )
        state["couple"] = membership
        # An invitation that expired unused, then the one that was accepted.
        services.invitation_create(
            membership=membership,
            keychain=state[FIRST.email],  # type: ignore[arg-type]
            when=start + timedelta(hours=1),
        )
        _, token = services.invitation_create(
            membership=membership,
            keychain=state[FIRST.email],  # type: ignore[arg-type]
            when=start + timedelta(days=9),
        )
        preview = access.invitation_open(token, at=start + timedelta(days=9, hours=3))
        services.invitation_accept(
            preview=preview,
            user=state[SECOND.email + "/user"],  # type: ignore[arg-type]
            keychain=state[SECOND.email],  # type: ignore[arg-type]
            member_name=SECOND.name,
            when=start + timedelta(days=9, hours=3),
        )

    def family(state: dict[str, object]) -> None:
        first_keys = state[FIRST.email]
        membership = services.space_create(
            user=state[FIRST.email + "/user"],  # type: ignore[arg-type]
            keychain=first_keys,  # type: ignore[arg-type]
            kind="family",
            name=FAMILY_SPACE,
            member_name=FIRST.name,
            when=start + timedelta(days=30),
        )
        _, token = services.invitation_create(
            membership=membership,
            keychain=first_keys,  # type: ignore[arg-type]
            when=start + timedelta(days=31),
        )
        services.invitation_accept(
            preview=access.invitation_open(token, at=start + timedelta(days=32)),
            user=state[SIBLING.email + "/user"],  # type: ignore[arg-type]
            keychain=state[SIBLING.email],  # type: ignore[arg-type]
            member_name=SIBLING.name,
            when=start + timedelta(days=32),
        )
        # A link made and then withdrawn, as people do when they change their mind.
        invitation, _ = services.invitation_create(
            membership=membership,
            keychain=first_keys,  # type: ignore[arg-type]
            when=now - timedelta(days=3),
        )
        services.invitation_revoke(
            invitation=invitation,
            user=state[FIRST.email + "/user"],  # type: ignore[arg-type]
        )
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=now - timedelta(days=2))

    def practices(state: dict[str, object]) -> None:
        couple_first = state["couple"]
        assert isinstance(couple_first, Membership)
        second_membership = Membership.objects.get(
            space_id=couple_first.space_id,
            user=state[SECOND.email + "/user"],  # type: ignore[misc]
        )
        world = DemoWorld(
            first=here_for_membership(couple_first, state[FIRST.email]),  # type: ignore[arg-type]
            second=here_for_membership(second_membership, state[SECOND.email]),  # type: ignore[arg-type]
            start=start,
            days=DAYS,
            rng=random.Random(20261123),
        )
        for app in APPS:
            try:
                module = importlib.import_module(f"hearth.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"hearth.{app}.demo":
                    raise
                continue
            module.populate(world)
        state["texts"] = world.texts

    yield ("People", people)
    yield ("The couple's space", couple)
    yield ("The family space", family)
    yield ("Daily life", practices)


@transaction.atomic
def build(progress: Callable[[str], None] | None = None) -> list[str]:
    """Create the demo, all or nothing; the caller checks :func:`exists` first.

    Returns every text the demo members "wrote" (the same on every run: the
    history is drawn from a seeded random generator).
    """
    state: dict[str, object] = {}
    now = timezone.now()
    for label, step in _steps(now):
        step(state)
        if progress is not None:
            progress(label)
    written = state.get("texts", [])
    assert isinstance(written, list)
    return [*DEMO_TEXTS, *written]


STEP_COUNT = 4
