"""The demo's journal: a few dozen entries each, a few shared."""

from __future__ import annotations

import random
import time
from datetime import timedelta

from django.utils import timezone

from hearth.demo.world import DemoWorld
from hearth.journal import demo
from hearth.journal.models import Entry
from hearth.spaces.context import here_for_membership
from tests.conftest import World


def test_it_writes_a_few_dozen_entries_each_and_shares_a_few(world: World) -> None:
    demo_world = DemoWorld(
        first=here_for_membership(world.space, world.member.keychain),
        second=here_for_membership(world.partner_membership, world.partner.keychain),
        start=timezone.now() - timedelta(days=120),
        days=120,
        rng=random.Random(7),
    )
    started = time.monotonic()
    demo.populate(demo_world)
    assert time.monotonic() - started < 10
    for person in (world.member, world.partner):
        mine = Entry.objects.filter(owner=person.user)
        assert 20 <= mine.count() <= 40
        shared = mine.filter(key_for_space__isnull=False).count()
        assert 1 <= shared <= 6
    assert Entry.objects.exclude(prompt_id="").exists()
    assert not Entry.objects.filter(day__gt=timezone.localdate()).exists()
    assert any(len(t) > 60 for t in demo_world.texts)
