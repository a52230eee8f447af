"""Fixed people for every test: a member, their partner, an outsider from
another space, and an anonymous visitor. Everything is set up through the
same service functions the pages use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from hearth.accounts.models import User
from hearth.accounts.services import account_create
from hearth.spaces import access, services
from hearth.spaces.models import Membership
from hearth.vault.keychain import Keychain

PASSWORD = "a-long-test-passphrase"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that read SQLite's own files run in the SQLite pass only.

    They are deselected (not skipped) on PostgreSQL, where the same property
    is checked by reading the columns back with SQL.
    """
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return
    keep = [item for item in items if item.get_closest_marker("sqlite_only") is None]
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep


@dataclass
class Person:
    user: User
    keychain: Keychain
    recovery_code: str
    name: str

    @property
    def email(self) -> str:
        return self.user.email


@dataclass
class World:
    member: Person
    partner: Person
    outsider: Person
    space: Membership  # the member's membership of the shared space
    partner_membership: Membership
    outsider_space: Membership

    def client_for(self, person: Person) -> Client:
        return login(person)


def make_person(email: str, name: str) -> Person:
    user, unlocked = account_create(email=email, password=PASSWORD, name=name)
    assert unlocked.recovery_code is not None
    return Person(
        user=user, keychain=unlocked.keychain, recovery_code=unlocked.recovery_code, name=name
    )


def join_space(inviter: Membership, inviter_keys: Keychain, person: Person) -> Membership:
    _, token = services.invitation_create(membership=inviter, keychain=inviter_keys)
    preview = access.invitation_open(token)
    return services.invitation_accept(
        preview=preview, user=person.user, keychain=person.keychain, member_name=person.name
    )


def login(person: Person, password: str = PASSWORD, **extra: Any) -> Client:
    client = Client(**extra)
    response = client.post("/accounts/login/", {"login": person.email, "password": password})
    assert response.status_code == 302, response.content[:500]
    return client


def reauthenticate(client: Client, password: str = PASSWORD) -> None:
    """Confirm the password again, as sensitive settings ask (allauth's flow)."""
    response = client.post("/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, response.content[:500]


@pytest.fixture
def world(db: None) -> World:
    member = make_person("alex@example.test", "Alex")
    partner = make_person("sam@example.test", "Sam")
    outsider = make_person("riley@example.test", "Riley")
    space = services.space_create(
        user=member.user,
        keychain=member.keychain,
        kind="couple",
        name="Alex and Sam",
        member_name="Alex",
    )
    partner_membership = join_space(space, member.keychain, partner)
    outsider_space = services.space_create(
        user=outsider.user,
        keychain=outsider.keychain,
        kind="family",
        name="Riley's family",
        member_name="Riley",
    )
    return World(member, partner, outsider, space, partner_membership, outsider_space)


@pytest.fixture
def member_client(world: World) -> Client:
    return login(world.member)


@pytest.fixture
def partner_client(world: World) -> Client:
    return login(world.partner)


@pytest.fixture
def outsider_client(world: World) -> Client:
    return login(world.outsider)


@pytest.fixture
def anon_client(db: None) -> Client:
    return Client()
