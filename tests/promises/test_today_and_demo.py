"""Promises on the Today page, and the demo's four months of them."""

from __future__ import annotations

import random
import time as clock
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.demo.world import DemoWorld
from hearth.promises import demo, services
from hearth.promises import today as promises_today
from hearth.promises.models import Promise
from tests.conftest import World
from tests.promises.conftest import Three, here_of, missed_promise, promise, soon


def test_it_lists_what_is_due_today_gently(world: World) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    today = timezone.localdate()
    promise(me, them, "send the card", due=today)
    promise(me, them, "far away", due=soon(5))
    missed_promise(me, them, "long gone")
    titles = [d.title for d in promises_today.due(me, today)]
    assert titles == ["Due today: send the card"]
    assert promises_today.due(them, today) == []


def test_it_asks_me_to_confirm_what_was_done_for_me(world: World, three: Three) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    p = promise(me, them, "fix the bike")
    services.promise_mark_done(here=me, promise=p)
    q = promise(me, None, "clean the oven")
    services.promise_mark_done(here=me, promise=q)
    today = timezone.localdate()
    assert [d.title for d in promises_today.due(them, today)] == [
        "Alex says this is done: fix the bike",
        "Alex says this is done: clean the oven",
    ]
    assert [d.title for d in promises_today.due(three.here, today)] == [
        "Alex says this is done: clean the oven"
    ]
    assert promises_today.due(me, today) == []


def test_it_shows_moments_made_kept_and_renegotiated(world: World, three: Three) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    kept = promise(me, them, "bake bread")
    services.promise_mark_done(here=me, promise=kept)
    services.promise_confirm(here=them, promise=kept)
    moved = promise(me, them, "paint the fence")
    services.promise_propose(here=me, promise=moved, kind="move", note="rain", new_date=soon(7))
    services.promise_accept(here=them, promise=moved)
    texts = [m.text for m in promises_today.moments(them, 10)]
    assert "A promise renegotiated in good time: paint the fence" in texts
    assert "A promise kept: Alex did \u201cbake bread\u201d" in texts
    assert "Alex promised you: bake bread" in texts
    assert promises_today.moments(three.here, 10) == []  # not theirs to see
    assert len(promises_today.moments(them, 2)) == 2


def test_it_reads_today_in_a_fixed_number_of_queries(world: World) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")

    def count() -> int:
        here = here_of(world, "partner")
        here.name_of(me.user.pk)
        with CaptureQueriesContext(connection) as queries:
            promises_today.due(here, timezone.localdate())
            promises_today.moments(here, 20)
        return len(queries)

    baseline = count()
    for i in range(4):
        p = promise(me, them, f"thing {i}", due=timezone.localdate())
        services.promise_mark_done(here=me, promise=p)
        services.promise_confirm(here=them, promise=p)
        promise(them, me, f"mine {i}", due=timezone.localdate())
    assert count() == baseline


def test_it_writes_a_believable_demo(world: World) -> None:
    start = timezone.now() - timedelta(days=120)
    dw = DemoWorld(
        first=here_of(world, "member"),
        second=here_of(world, "partner"),
        start=start,
        days=120,
        rng=random.Random(7),
    )
    began = clock.monotonic()
    demo.populate(dw)
    assert clock.monotonic() - began < 10
    promises = list(Promise.objects.all())
    assert 40 <= len(promises) <= 70
    now = timezone.now()
    statuses = [p.status(now) for p in promises]
    assert statuses.count("kept") > len(promises) / 2
    assert 1 <= statuses.count("missed") <= 8
    assert statuses.count("released") >= 1
    assert sum(1 for p in promises if p.renegotiations) >= 4
    assert any(p.to_space for p in promises)
    assert statuses.count("open") >= 2 and statuses.count("done") == 1
    today = timezone.localdate()
    assert any(
        s == "open" and timezone.localtime(p.due_at).date() == today
        for p, s in zip(promises, statuses, strict=True)
    )
    assert any("running late" in t for t in dw.texts)
    assert all(p.made_at < p.due_at for p in promises)
