"""The demo's check-ins: realistic, varied, sealed, and quick to write."""

from __future__ import annotations

import random
import time
from datetime import timedelta

from django.utils import timezone

from hearth.checkins import demo
from hearth.checkins.models import CheckIn, CheckInPart
from hearth.core import feelings
from hearth.demo.world import DemoWorld
from hearth.spaces.context import here_for_membership
from hearth.vault import records
from hearth.vault.models import Revision
from tests.conftest import World


def test_it_writes_months_of_check_ins_with_gaps_drift_and_mixed_sharing(world: World) -> None:
    first = here_for_membership(world.space, world.member.keychain)
    second = here_for_membership(world.partner_membership, world.partner.keychain)
    start = timezone.now() - timedelta(days=120)
    demo_world = DemoWorld(first=first, second=second, start=start, days=120, rng=random.Random(7))
    began = time.monotonic()
    demo.populate(demo_world)
    assert time.monotonic() - began < 10

    mine = list(CheckIn.objects.filter(owner=world.member.user).order_by("day"))
    theirs = CheckIn.objects.filter(owner=world.partner.user)
    assert 85 <= len(mine) <= 110
    assert 75 <= theirs.count() <= 100
    days = {c.day for c in CheckIn.objects.all()}
    gap = [demo_world.date(d) for d in demo.GAP]
    assert not days & set(gap)
    assert len(gap) >= 10

    shared = CheckInPart.objects.filter(key_for_space__isnull=False)
    kinds = set(shared.values_list("kind", flat=True))
    assert kinds == {"feelings", "ratings", "note"}
    assert 0 < shared.count() < CheckInPart.objects.count()
    assert Revision.objects.filter(record_table="checkins_checkinpart").exists()

    moods = []
    for checkin in mine:
        part = CheckInPart.objects.get(checkin=checkin, kind="feelings")
        felt = records.reveal(part, first.keychain, first.space_key).content
        quadrant = feelings.quadrant_of(felt["pleasantness"], felt["energy"]).key
        assert all(feelings.VOCABULARY[w].quadrant == quadrant for w in felt["words"])
        moods.append((checkin.day - demo_world.date(0)).days)
        moods[-1] = felt["pleasantness"] if 45 <= moods[-1] <= 65 else 99
    rough = [m for m in moods if m != 99]
    assert sum(rough) / len(rough) < 0  # the rough patch dips
    assert demo_world.texts and all(len(t) <= 200 for t in demo_world.texts)
