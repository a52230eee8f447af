"""The sealed daily cache of a member's older evidence."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hearth.insights import access
from hearth.insights.models import EvidenceCache
from hearth.vault import records
from tests.conftest import World
from tests.insights.conftest import check_in_days, member_here, partner_here


def test_it_serves_older_evidence_from_a_sealed_cache_with_the_same_result(world: World) -> None:
    me = member_here(world)
    check_in_days(me, 30, rising=True)
    today = timezone.localdate()
    start = today - timedelta(days=29)
    fresh = access._read(me, start, today)
    first = access.evidence_mine(me, start, today)  # builds the cache
    second = access.evidence_mine(me, start, today)  # reads it
    key = lambda e: (e.day, e.dimension, e.positive, e.negative, e.about, e.source)  # noqa: E731
    assert sorted(map(key, first)) == sorted(map(key, fresh)) == sorted(map(key, second))
    cache = EvidenceCache.objects.get(owner=world.member.user)
    assert cache.built_on == today and cache.key_for_space is None


def test_it_keeps_the_cache_sealed_for_its_owner_alone(world: World) -> None:
    me, partner = member_here(world), partner_here(world)
    check_in_days(me, 20, rating=2)
    today = timezone.localdate()
    access.evidence_mine(me, today - timedelta(days=19), today)
    cache = EvidenceCache.objects.get(owner=world.member.user)
    with pytest.raises(records.Locked):
        records.reveal(cache, partner.keychain, partner.space_key)
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM insights_evidencecache")
        raw = bytes(cursor.fetchone()[0])
    assert b"reliability" not in raw and b"checkin" not in raw


def test_it_reads_the_last_days_fresh(world: World) -> None:
    me = member_here(world)
    today = timezone.localdate()
    check_in_days(me, 20, rating=5)
    access.evidence_mine(me, today - timedelta(days=19), today)
    from hearth.checkins import services as checkins
    from hearth.checkins.services import Entry

    checkins.checkin_save(
        here=me,
        day=today,
        entry=Entry(
            pleasantness=1,
            energy=1,
            words=["calm"],
            ratings={"reliability": 1, "heard": 1, "safety": 1, "respect": 1},
            note="",
        ),
        share=set(),
    )
    evidence = access.evidence_mine(me, today - timedelta(days=19), today)
    todays = [e for e in evidence if e.day == today and e.dimension == "heard"]
    assert [e.positive for e in todays] == [0.0]  # the edit shows at once
