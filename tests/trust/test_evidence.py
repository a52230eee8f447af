"""The evidence adapters: what each app contributes to the member's own sense of trust."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciations import evidence as appreciation_evidence
from hearth.appreciations.services import appreciation_give, appreciation_withdraw
from hearth.boundaries import evidence as boundary_evidence
from hearth.boundaries.models import Boundary, MomentKind
from hearth.boundaries.services import boundary_create, boundary_share, moment_note
from hearth.checkins import evidence as checkin_evidence
from hearth.checkins.services import Entry, checkin_save
from hearth.core import trust
from hearth.promises import evidence as promise_evidence
from hearth.promises import services as promises
from hearth.promises.models import Promise
from hearth.spaces.context import Here, here_for_membership
from tests.conftest import World, join_space, make_person

T = TypeVar("T")


def _counting(read: Callable[[], T]) -> tuple[T, int]:
    """What a read returns, and how many queries it took."""
    with CaptureQueriesContext(connection) as queries:
        result = read()
    return result, len(queries)


def _here(world: World, who: str) -> Here:
    if who == "member":
        return here_for_membership(world.space, world.member.keychain)
    return here_for_membership(world.partner_membership, world.partner.keychain)


def _today() -> date:
    return timezone.localdate()


def _window() -> tuple[date, date]:
    return _today() - timedelta(days=60), _today()


def _check_in(here: Here, day: date, ratings: dict[str, object], share: set[str]) -> None:
    checkin_save(
        here=here,
        day=day,
        entry=Entry(pleasantness=1, energy=1, words=["calm"], ratings=ratings),
        share=share,
    )


# --- check-ins -----------------------------------------------------------------


def test_it_turns_my_own_ratings_into_graded_evidence_about_the_space(world: World) -> None:
    me, partner = _here(world, "member"), _here(world, "partner")
    today = _today()
    _check_in(me, today, {"reliability": 7, "heard": 1}, share={"ratings"})
    _check_in(me, today - timedelta(days=1), {"safety": 4}, share=set())  # private: still mine
    _check_in(partner, today, {"reliability": 1, "respect": 1}, share={"ratings"})

    got = checkin_evidence.evidence(me, *_window())

    assert sorted((e.day, e.dimension, e.positive, e.about) for e in got) == [
        (today - timedelta(days=1), "safety", 0.5, None),
        (today, "heard", 0.0, None),
        (today, "reliability", 1.0, None),
    ]
    assert {e.source for e in got} == {"checkin"}


def test_it_never_reads_the_partners_ratings_into_my_evidence(world: World) -> None:
    me, partner = _here(world, "member"), _here(world, "partner")
    _check_in(partner, _today(), {"respect": 2, "safety": 3}, share={"ratings"})
    _check_in(me, _today(), {}, share={"feelings"})

    assert checkin_evidence.evidence(me, *_window()) == []
    partners = checkin_evidence.evidence(partner, *_window())
    assert {e.dimension for e in partners} == {"respect", "safety"}


def test_it_gives_per_member_ratings_about_that_member_in_a_larger_space(world: World) -> None:
    kim = make_person("kim@example.test", "Kim")
    join_space(world.space, world.member.keychain, kim)
    me = _here(world, "member")
    sam, kim_id = world.partner.user.pk, kim.user.pk
    _check_in(me, _today(), {str(sam): {"heard": 6}, str(kim_id): {"respect": 2}}, share=set())

    got = checkin_evidence.evidence(me, *_window())

    assert sorted((e.dimension, e.about) for e in got) == [("heard", sam), ("respect", kim_id)]


def test_it_keeps_to_the_window_for_check_ins(world: World) -> None:
    me = _here(world, "member")
    _check_in(me, _today() - timedelta(days=3), {"heard": 5}, share=set())
    _check_in(me, _today(), {"heard": 5}, share=set())

    got = checkin_evidence.evidence(me, _today() - timedelta(days=2), _today())
    assert [e.day for e in got] == [_today()]


@pytest.mark.parametrize("days", [2, 8])
def test_it_reads_check_ins_in_a_fixed_number_of_queries(world: World, days: int) -> None:
    me = _here(world, "member")
    for n in range(days):
        _check_in(me, _today() - timedelta(days=n), {"heard": 4, "safety": 5}, share=set())
    got, queries = _counting(lambda: checkin_evidence.evidence(me, *_window()))
    assert queries == 1
    assert len(got) == 2 * days


# --- promises -------------------------------------------------------------------


def _promise(
    here: Here, to: Here | None, due: date, when: datetime | None = None, what: str = "call"
) -> Promise:
    return promises.promise_make(
        here=here,
        what=what,
        to_user_id=to.user.pk if to is not None else None,
        due_date=due,
        when=when,
    )


def test_it_counts_promises_made_to_me_kept_renegotiated_and_missed(world: World) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    now = timezone.now()
    today = _today()
    kept = _promise(sam, me, today + timedelta(days=2))
    promises.promise_mark_done(here=sam, promise=kept)
    promises.promise_confirm(here=me, promise=kept)
    moved = _promise(sam, me, today + timedelta(days=2))
    promises.promise_propose(
        here=sam, promise=moved, kind="move", note="Friday?", new_date=today + timedelta(days=5)
    )
    promises.promise_accept(here=me, promise=Promise.objects.get(pk=moved.pk))
    missed_due = (now - timedelta(days=4)).date()
    _promise(sam, None, missed_due, when=now - timedelta(days=7))  # to everyone: me too
    _promise(sam, me, today + timedelta(days=3))  # still open: nothing yet
    mine = _promise(me, sam, today + timedelta(days=1))  # made by me: not evidence for me
    promises.promise_mark_done(here=me, promise=mine)
    promises.promise_confirm(here=sam, promise=mine)

    got = promise_evidence.evidence(me, *_window())

    assert sorted((e.source, e.day, e.dimension, e.about) for e in got) == sorted(
        [
            ("promise_kept", today, "reliability", sam.user.pk),
            ("promise_renegotiated", today, "reliability", sam.user.pk),
            ("promise_missed", missed_due, "reliability", sam.user.pk),
        ]
    )
    # Sam's own view of the same promises: only the one I made to Sam, kept.
    assert [(e.source, e.about) for e in promise_evidence.evidence(sam, *_window())] == [
        ("promise_kept", me.user.pk)
    ]


def test_it_leaves_out_promises_between_two_other_members(world: World) -> None:
    kim = make_person("kim@example.test", "Kim")
    kim_here = here_for_membership(
        join_space(world.space, world.member.keychain, kim), kim.keychain
    )
    sam = _here(world, "partner")
    between = _promise(sam, kim_here, _today() + timedelta(days=1))
    promises.promise_mark_done(here=sam, promise=between)
    promises.promise_confirm(here=kim_here, promise=between)

    assert promise_evidence.evidence(_here(world, "member"), *_window()) == []
    assert [e.source for e in promise_evidence.evidence(kim_here, *_window())] == ["promise_kept"]


@pytest.mark.parametrize("count", [2, 10])
def test_it_reads_promises_in_a_fixed_number_of_queries(world: World, count: int) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    now = timezone.now()
    for n in range(count):
        _promise(sam, me, (now - timedelta(days=3)).date(), when=now - timedelta(days=5 + n))
    got, queries = _counting(lambda: promise_evidence.evidence(me, *_window()))
    assert queries == 1
    assert [e.source for e in got] == ["promise_missed"] * count


# --- appreciations ----------------------------------------------------------------


def test_it_counts_appreciations_i_received_as_being_heard(world: World) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    yesterday = timezone.now() - timedelta(days=1)
    appreciation_give(here=sam, recipient_id=me.user.pk, what="the soup", when=yesterday)
    appreciation_give(here=sam, recipient_id=None, what="the weekend")
    withdrawn = appreciation_give(here=sam, recipient_id=me.user.pk, what="oops")
    appreciation_withdraw(here=sam, appreciation=withdrawn)
    appreciation_give(here=me, recipient_id=sam.user.pk, what="the lift")  # I gave it

    got = appreciation_evidence.evidence(me, *_window())

    assert sorted((e.day, e.source, e.dimension, e.about) for e in got) == [
        (timezone.localdate(yesterday), "appreciation_received", "heard", sam.user.pk),
        (_today(), "appreciation_received", "heard", sam.user.pk),
    ]
    assert [e.about for e in appreciation_evidence.evidence(sam, *_window())] == [me.user.pk]


@pytest.mark.parametrize("count", [2, 10])
def test_it_reads_appreciations_in_a_fixed_number_of_queries(world: World, count: int) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    for n in range(count):
        appreciation_give(here=sam, recipient_id=me.user.pk, what=f"thanks {n}")
    got, queries = _counting(lambda: appreciation_evidence.evidence(me, *_window()))
    assert queries == 1
    assert len(got) == count


# --- boundaries -------------------------------------------------------------------


def _boundary(here: Here, shared: bool = True) -> Boundary:
    boundary = boundary_create(here=here, area="time", what="Sunday mornings are mine")
    if shared:
        boundary_share(here=here, boundary=boundary)
    return boundary


def test_it_counts_moments_on_my_own_boundaries(world: World) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    mine = _boundary(me)
    two_days_ago = timezone.now() - timedelta(days=2)
    moment_note(
        here=me,
        boundary=mine,
        kind=MomentKind.HONOURED,
        note="thank you",
        to_user_id=sam.user.pk,
        when=two_days_ago,
    )
    moment_note(here=me, boundary=mine, kind=MomentKind.CROSSED_PRIVATE, note="it stung")
    moment_note(
        here=me,
        boundary=mine,
        kind=MomentKind.CROSSED_INVITE,
        note="can we talk?",
        to_user_id=sam.user.pk,
    )
    # Sam's boundary, and Sam's own note on it, are Sam's evidence, not mine.
    theirs = _boundary(sam)
    moment_note(here=sam, boundary=theirs, kind=MomentKind.CROSSED_PRIVATE, note="hm")
    moment_note(here=me, boundary=theirs, kind=MomentKind.HONOURED, note="I try")

    got = boundary_evidence.evidence(me, *_window())

    today = _today()
    assert sorted((e.day, e.source, e.dimension, e.about or 0) for e in got) == sorted(
        [
            (timezone.localdate(two_days_ago), "boundary_honoured", "respect", sam.user.pk),
            (today, "boundary_crossed", "respect", 0),
            (today, "boundary_crossed_safety", "safety", 0),
            (today, "boundary_crossed", "respect", sam.user.pk),
            (today, "boundary_crossed_safety", "safety", sam.user.pk),
        ]
    )
    sams = boundary_evidence.evidence(sam, *_window())
    assert [(e.source, e.about) for e in sams] == [
        ("boundary_crossed", None),
        ("boundary_crossed_safety", None),
    ]


def test_it_keeps_my_private_crossed_notes_out_of_the_partners_evidence(world: World) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    mine = _boundary(me, shared=False)
    moment_note(here=me, boundary=mine, kind=MomentKind.CROSSED_PRIVATE, note="private")

    assert boundary_evidence.evidence(sam, *_window()) == []
    assert len(boundary_evidence.evidence(me, *_window())) == 2


@pytest.mark.parametrize("count", [2, 10])
def test_it_reads_boundary_moments_in_a_fixed_number_of_queries(world: World, count: int) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    mine = _boundary(me)
    for n in range(count):
        moment_note(
            here=me,
            boundary=mine,
            kind=MomentKind.HONOURED,
            note=f"thanks {n}",
            to_user_id=sam.user.pk,
        )
    got, queries = _counting(lambda: boundary_evidence.evidence(me, *_window()))
    assert queries == 1
    assert [e.source for e in got] == ["boundary_honoured"] * count


# --- together ---------------------------------------------------------------------


def test_it_feeds_the_model_from_every_app(world: World) -> None:
    me, sam = _here(world, "member"), _here(world, "partner")
    _check_in(me, _today(), {"reliability": 6, "heard": 6, "safety": 6, "respect": 6}, set())
    appreciation_give(here=sam, recipient_id=me.user.pk, what="the soup")
    start, end = _window()
    items = checkin_evidence.evidence(me, start, end) + appreciation_evidence.evidence(
        me, start, end
    )
    heard = trust.series(items, "heard", start, end)
    assert heard[-1].evidence == pytest.approx(1.5)
    assert heard[-1].expected > heard[0].expected == 0.5
