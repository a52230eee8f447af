from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from hearth.promises import services
from hearth.promises.models import Promise
from hearth.spaces.context import Here, here_for_membership
from tests.conftest import Person, World, join_space, make_person


def here_of(world: World, who: str) -> Here:
    if who == "member":
        return here_for_membership(world.space, world.member.keychain)
    return here_for_membership(world.partner_membership, world.partner.keychain)


def soon(days: int = 3) -> date:
    return timezone.localdate() + timedelta(days=days)


def promise(
    here: Here,
    to: Here | None,
    what: str = "water the plants",
    *,
    due: date | None = None,
    at: time | None = None,
    when: datetime | None = None,
) -> Promise:
    return services.promise_make(
        here=here,
        what=what,
        to_user_id=to.user.pk if to is not None else None,
        due_date=due or soon(),
        due_time=at,
        when=when,
    )


def missed_promise(here: Here, to: Here | None, what: str = "fix the shelf") -> Promise:
    """Made a week ago, due four days ago, never kept."""
    now = timezone.now()
    return promise(
        here, to, what, due=(now - timedelta(days=4)).date(), when=now - timedelta(days=7)
    )


@dataclass
class Three:
    third: Person
    here: Here


@pytest.fixture
def three(world: World) -> Three:
    third = make_person("kim@example.test", "Kim")
    membership = join_space(world.space, world.member.keychain, third)
    return Three(third, here_for_membership(membership, third.keychain))
