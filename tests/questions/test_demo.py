"""The demo's daily questions: months of answers, some days left private."""

from __future__ import annotations

import random
import time
from datetime import timedelta

from django.utils import timezone

from hearth.demo.world import DemoWorld
from hearth.questions import demo
from hearth.questions.models import Answer, DailyQuestion
from hearth.spaces.context import here_for_membership
from tests.conftest import World


def test_it_writes_months_of_answers_quickly(world: World) -> None:
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
    days = DailyQuestion.objects.filter(space_id=world.space.space_id)
    assert days.count() >= 100
    revealed = days.filter(revealed_at__isnull=False).count()
    assert 0.6 * days.count() < revealed < days.count()  # most days open, some stay private
    assert len({d.question_id for d in days}) == days.count()  # no repeats within the cycle
    assert Answer.objects.count() >= len(demo_world.texts) - 10
    assert len(set(demo_world.texts)) > 60  # varied
