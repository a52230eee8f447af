"""Promises through the pages: make, keep, renegotiate, slip, and who sees what."""

from __future__ import annotations

import html
import uuid
from datetime import time, timedelta

import pytest
from django.db import connection
from django.http import HttpResponse, HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.promises import services
from hearth.promises.models import Promise, PromiseNote
from hearth.vault import records
from tests.conftest import World, login
from tests.promises.conftest import Three, here_of, missed_promise, promise, soon


def url(p: Promise, action: str = "") -> str:
    return f"/promises/{p.pk}/{action + '/' if action else ''}"


def text(response: HttpResponseBase) -> str:
    assert isinstance(response, HttpResponse)
    return html.unescape(response.content.decode())


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return text(response)


# --- making a promise ------------------------------------------------------------


def test_it_makes_a_promise_to_my_partner(
    member_client: Client, partner_client: Client, world: World
) -> None:
    form = page(member_client, "/promises/new/")
    assert "they see it as soon as you make it" in form
    assert "Everyone in the space" in form and "Sam" in form
    assert 'hx-post="/coach/feedback/' in form  # the coach reads the draft
    response = member_client.post(
        "/promises/new/",
        {
            "what": "book the table for Friday",
            "to": str(world.partner.user.pk),
            "due_date": soon().isoformat(),
            "due_time": "18:30",
        },
        follow=True,
    )
    shown = text(response)
    assert "Your promise is made. Sam can see it now." in shown
    assert "I will book the table for Friday" in shown
    assert "18:30" in shown
    made = Promise.objects.get()
    assert made.owner_id == world.member.user.pk and made.to_user_id == world.partner.user.pk
    assert made.is_shared and made.due_has_time
    assert "Alex will book the table for Friday" in page(partner_client, url(made))
    assert "book the table for Friday" in page(partner_client, "/promises/")


def test_it_makes_a_promise_to_the_whole_space(
    member_client: Client, three: Three, world: World
) -> None:
    member_client.post(
        "/promises/new/",
        {"what": "do the big shop", "to": "space", "due_date": soon().isoformat()},
    )
    made = Promise.objects.get()
    assert made.to_space and made.to_user_id is None and not made.due_has_time
    third = login(three.third)
    listing = page(third, "/promises/")
    assert "do the big shop" in listing and "Made to the whole space" in listing
    assert "Alex will do the big shop" in page(third, url(made))


def test_it_keeps_what_i_typed_when_the_deadline_is_past(
    member_client: Client, world: World
) -> None:
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = member_client.post(
        "/promises/new/",
        {"what": "tidy the hallway cupboard", "to": "space", "due_date": yesterday},
    )
    assert response.status_code == 400
    shown = text(response)
    assert "Please choose a day and time that are still ahead." in shown
    assert "tidy the hallway cupboard" in shown
    assert f'value="{yesterday}"' in shown
    assert not Promise.objects.exists()


def test_it_refuses_an_empty_promise_and_a_stranger_as_recipient(
    member_client: Client, world: World
) -> None:
    response = member_client.post(
        "/promises/new/",
        {"what": "  ", "to": str(world.outsider.user.pk), "due_date": "not a date"},
    )
    assert response.status_code == 400
    shown = text(response)
    assert "This field is required." in shown
    assert "Select a valid choice" in shown
    assert "Enter a valid date." in shown
    with pytest.raises(services.PromiseError):
        services.promise_make(
            here=here_of(world, "member"),
            what="x",
            to_user_id=world.outsider.user.pk,
            due_date=soon(),
        )
    with pytest.raises(services.PromiseError):
        services.promise_make(
            here=here_of(world, "member"),
            what="x",
            to_user_id=world.member.user.pk,
            due_date=soon(),
        )


# --- keeping it ----------------------------------------------------------------


def test_it_is_kept_when_the_recipient_confirms(
    member_client: Client, partner_client: Client, world: World
) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"), "call the plumber")
    response = member_client.post(url(p, "done"), follow=True)
    assert "Done, waiting for Sam to confirm" in text(response)
    assert "Done, waiting for you to confirm" in page(partner_client, url(p))
    response = partner_client.post(url(p, "confirm"), follow=True)
    shown = text(response)
    assert "Confirmed: a promise kept." in shown
    assert ">Kept<" in shown
    assert "Sam confirmed it was kept." in page(member_client, url(p))
    p.refresh_from_db()
    assert p.state == Promise.State.KEPT and p.confirmed_by_id == world.partner.user.pk


def test_it_lets_any_other_member_confirm_a_promise_to_the_space(
    world: World, three: Three
) -> None:
    p = promise(here_of(world, "member"), None, "descale the kettle")
    services.promise_mark_done(here=here_of(world, "member"), promise=p)
    response = login(three.third).post(url(p, "confirm"))
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.state == Promise.State.KEPT and p.confirmed_by_id == three.third.user.pk


def test_it_refuses_confirming_my_own_promise(member_client: Client, world: World) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    services.promise_mark_done(here=here_of(world, "member"), promise=p)
    response = member_client.post(url(p, "confirm"))
    assert response.status_code == 409
    assert "You can't confirm your own promise" in text(response)
    p.refresh_from_db()
    assert p.state == Promise.State.DONE


def test_it_refuses_marking_done_twice(member_client: Client, world: World) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    assert member_client.post(url(p, "done")).status_code == 302
    response = member_client.post(url(p, "done"))
    assert response.status_code == 409
    assert "You've already marked this one done" in text(response)


def test_it_refuses_confirming_before_it_is_done_and_marking_by_the_recipient(
    partner_client: Client, world: World
) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    response = partner_client.post(url(p, "confirm"))
    assert response.status_code == 409
    assert "hasn't been marked done yet" in text(response)
    response = partner_client.post(url(p, "done"))
    assert response.status_code == 409
    assert "Only the person who made a promise can mark it done." in text(response)
    p.refresh_from_db()
    assert p.state == Promise.State.OPEN


# --- renegotiating ---------------------------------------------------------------


def test_it_moves_a_promise_when_the_recipient_agrees(
    member_client: Client, partner_client: Client, world: World
) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"), "print the tickets")
    form = page(member_client, url(p, "renegotiate"))
    assert "good communication, not a failure" in form
    new_day = soon(6)
    response = member_client.post(
        url(p, "renegotiate"),
        {"kind": "move", "new_date": new_day.isoformat(), "note": "The printer is broken"},
        follow=True,
    )
    assert "Saying so early is part of keeping your word" in text(response)
    partner_page = page(partner_client, url(p))
    assert "You asked" not in partner_page
    assert "Alex asked to move it to" in partner_page
    assert "The printer is broken" in partner_page
    response = partner_client.post(url(p, "accept"), follow=True)
    assert "Agreed: the promise has its new date." in text(response)
    p.refresh_from_db()
    assert timezone.localtime(p.due_at).date() == new_day
    assert p.renegotiations == 1 and not p.has_proposal
    history = page(member_client, url(p))
    assert "Sam agreed to the new date" in history
    assert "The printer is broken" in history  # the note stays in the history


def test_it_lets_the_recipient_ask_to_move_it_and_the_maker_answer(
    member_client: Client, partner_client: Client, world: World
) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    assert "Let's move it" in page(partner_client, url(p))
    partner_client.post(
        url(p, "renegotiate"),
        {"kind": "move", "new_date": soon(9).isoformat(), "note": "No rush at all"},
    )
    # The one who asked can't accept their own ask.
    response = partner_client.post(url(p, "accept"))
    assert response.status_code == 409
    assert "You asked for this change" in text(response)
    response = member_client.post(url(p, "decline"), follow=True)
    assert "The promise stays as it was." in text(response)
    p.refresh_from_db()
    assert not p.has_proposal and p.renegotiations == 0
    assert timezone.localtime(p.due_at).date() == soon()
    assert "Alex would rather keep it as it was." in page(partner_client, url(p))


def test_it_releases_a_promise_by_agreement(
    member_client: Client, partner_client: Client, world: World
) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    response = member_client.post(
        url(p, "renegotiate"), {"kind": "release", "note": "We don't need it any more"}
    )
    assert response.status_code == 302
    response = partner_client.post(url(p, "accept"), follow=True)
    shown = text(response)
    assert "nothing is held against anyone" in shown
    assert "Released by agreement" in shown
    p.refresh_from_db()
    assert p.state == Promise.State.RELEASED


def test_it_keeps_my_note_when_the_renegotiation_is_incomplete(
    member_client: Client, world: World
) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    response = member_client.post(
        url(p, "renegotiate"), {"kind": "move", "new_date": "", "note": "Work ran over today"}
    )
    assert response.status_code == 400
    shown = text(response)
    assert "Please choose the new day." in shown and "Work ran over today" in shown
    past = (timezone.localdate() - timedelta(days=2)).isoformat()
    response = member_client.post(
        url(p, "renegotiate"), {"kind": "move", "new_date": past, "note": "Work ran over"}
    )
    assert response.status_code == 400
    assert "Please choose a new date that is still ahead." in text(response)
    p.refresh_from_db()
    assert not p.has_proposal


def test_it_refuses_renegotiating_after_the_deadline(member_client: Client, world: World) -> None:
    p = missed_promise(here_of(world, "member"), here_of(world, "partner"))
    response = member_client.get(url(p, "renegotiate"))
    assert response.status_code == 409
    response = member_client.post(
        url(p, "renegotiate"),
        {"kind": "move", "new_date": soon().isoformat(), "note": "Sorry"},
    )
    assert response.status_code == 409
    assert "can't be renegotiated now" in text(response)
    assert member_client.post(url(p, "done")).status_code == 409


def test_it_offers_running_late_on_a_promise_due_soon(
    member_client: Client, partner_client: Client, world: World
) -> None:
    in_an_hour = timezone.localtime() + timedelta(hours=1)
    due_soon = promise(
        here_of(world, "member"),
        here_of(world, "partner"),
        "be home by seven",
        due=in_an_hour.date(),
        at=time(23, 59) if in_an_hour.date() != timezone.localdate() else None,
    )
    later = promise(
        here_of(world, "member"), here_of(world, "partner"), "paint the door", due=soon(9)
    )
    listing = page(member_client, "/promises/")
    assert f"{url(due_soon, 'running-late')}?reason=late" in listing
    assert url(later, "running-late") not in listing
    form = page(member_client, f"{url(due_soon, 'running-late')}?reason=late")
    assert "I'm running late" in form
    tomorrow_or_later = timezone.localtime(due_soon.due_at + timedelta(days=1)).date()
    assert f'value="{tomorrow_or_later.isoformat()}"' in form
    assert "I can't make it" in page(member_client, f"{url(due_soon, 'running-late')}?reason=cant")
    # Not for a promise far off, nor for the recipient.
    assert member_client.get(url(later, "running-late")).status_code == 409
    assert partner_client.get(url(due_soon, "running-late")).status_code == 409
    assert url(due_soon, "running-late") not in page(partner_client, "/promises/")


def test_it_offers_running_late_just_after_the_deadline(
    member_client: Client, world: World
) -> None:
    now = timezone.now()
    p = promise(
        here_of(world, "member"),
        here_of(world, "partner"),
        due=timezone.localdate(now - timedelta(hours=3)),
        at=timezone.localtime(now - timedelta(hours=3)).time().replace(second=0, microsecond=0),
        when=now - timedelta(days=2),
    )
    assert p.status(now) == "overdue"
    assert "still time" in page(member_client, url(p))
    assert member_client.get(f"{url(p, 'running-late')}?reason=late").status_code == 200


# --- slipping by, quietly ---------------------------------------------------------


def test_it_shows_a_missed_promise_to_me_quietly_with_a_way_to_talk(
    partner_client: Client, world: World
) -> None:
    missed_promise(here_of(world, "member"), here_of(world, "partner"), "fix the shelf")
    listing = page(partner_client, "/promises/")
    assert "This one slipped by" in listing
    assert "#talk" in listing and "Talk about it" in listing
    assert "missed" not in listing.lower().replace("promise-missed", "")
    assert "badge" not in listing


def test_it_lets_either_side_talk_about_a_promise(
    member_client: Client, partner_client: Client, world: World
) -> None:
    p = missed_promise(here_of(world, "member"), here_of(world, "partner"))
    response = partner_client.post(url(p, "notes"), {"body": "Can we talk about the shelf?"})
    assert response.status_code == 302 and response["Location"].endswith("#talk")
    assert "Can we talk about the shelf?" in page(member_client, url(p))
    response = member_client.post(url(p, "notes"), {"body": ""})
    assert response.status_code == 400
    assert "This field is required." in text(response)


def test_it_never_shows_my_partner_a_tally_of_my_slips(
    member_client: Client, partner_client: Client, world: World
) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    for i in range(3):
        missed_promise(me, them, f"slipped thing {i}")
    p = promise(me, them, "kept thing")
    services.promise_mark_done(here=me, promise=p)
    services.promise_confirm(here=them, promise=p)
    mine = page(member_client, "/promises/follow-through/")
    assert "0 of your 4 settled promises" not in mine  # the kept one is this month too
    assert "1 of your 4 settled promises were kept or renegotiated" in mine
    assert "<td>3</td>" in mine
    for path in ("/promises/", "/promises/follow-through/", url(p), "/"):
        theirs = text(partner_client.get(path))
        assert "<td>3</td>" not in theirs
        assert "3 missed" not in theirs and "of your 4" not in theirs
    # Their follow-through is about them alone: they made nothing yet.
    assert "No promise of yours has come due yet" in page(
        partner_client, "/promises/follow-through/"
    )


def test_it_counts_follow_through_over_months(member_client: Client, world: World) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    now = timezone.now()
    for i in range(6):
        made = now - timedelta(days=40 + i)
        p = promise(me, them, f"task {i}", due=(made + timedelta(days=2)).date(), when=made)
        services.promise_mark_done(here=me, promise=p, when=made + timedelta(days=1))
        services.promise_confirm(here=them, promise=p, when=made + timedelta(days=1, hours=2))
    p = promise(me, them, "moved", due=soon(), when=now - timedelta(days=1))
    services.promise_propose(
        here=me, promise=p, kind="release", note="no need", when=now - timedelta(hours=5)
    )
    services.promise_accept(here=them, promise=p, when=now - timedelta(hours=4))
    missed_promise(me, them)
    shown = page(member_client, "/promises/follow-through/")
    assert "7 of your 8 settled promises were kept or renegotiated" in shown
    assert "likely between 53% and 98%" in shown  # Wilson, 7 of 8


# --- who may see and act -----------------------------------------------------------


def test_it_hides_a_promise_from_an_outsider(outsider_client: Client, world: World) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"), "secret errand")
    for path in (url(p), url(p, "renegotiate"), url(p, "running-late")):
        assert outsider_client.get(path).status_code == 404
    for action in ("done", "confirm", "accept", "decline", "renegotiate", "notes"):
        assert outsider_client.post(url(p, action), {"body": "x", "note": "x"}).status_code == 404
    assert "secret errand" not in page(outsider_client, "/promises/")


def test_it_keeps_a_promise_between_two_from_a_third_member(world: World, three: Three) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    p = promise(me, them, "between the two of us")
    services.promise_mark_done(here=me, promise=p)
    third = login(three.third)
    assert third.get(url(p)).status_code == 404
    for action in ("confirm", "renegotiate", "notes", "accept", "decline", "done"):
        response = third.post(url(p, action), {"note": "x", "kind": "release", "body": "x"})
        assert response.status_code == 404
    assert "between the two of us" not in page(third, "/promises/")
    assert "between the two of us" not in page(third, "/")
    p.refresh_from_db()
    assert p.state == Promise.State.DONE and not PromiseNote.objects.exists()
    with pytest.raises(services.PromiseError):
        services.promise_confirm(here=three.here, promise=p)


def test_it_answers_an_unknown_promise_with_404(member_client: Client) -> None:
    assert member_client.get(f"/promises/{uuid.uuid4()}/").status_code == 404
    assert member_client.get("/promises/not-a-uuid/").status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    gets = ["/promises/", "/promises/new/", "/promises/follow-through/", url(p)]
    gets += [url(p, "renegotiate"), url(p, "running-late")]
    for path in gets:
        response = anon_client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    for action in ("done", "confirm", "accept", "decline", "notes", "renegotiate"):
        response = anon_client.post(url(p, action))
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    for path in ("/promises/", "/promises/follow-through/", url(p), url(p, "running-late")):
        assert member_client.post(path).status_code == 405
    for action in ("done", "confirm", "accept", "decline", "notes"):
        assert member_client.get(url(p, action)).status_code == 405
    assert member_client.put("/promises/new/").status_code == 405
    assert member_client.delete(url(p, "renegotiate")).status_code == 405
    p.refresh_from_db()
    assert p.state == Promise.State.OPEN


def test_it_answers_with_nothing_to_answer(partner_client: Client, world: World) -> None:
    p = promise(here_of(world, "member"), here_of(world, "partner"))
    response = partner_client.post(url(p, "accept"))
    assert response.status_code == 409
    assert "no change waiting for an answer" in text(response)


# --- history, at rest, and cost -----------------------------------------------------


def test_it_keeps_every_change_in_a_history_both_can_read(world: World) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")
    p = promise(me, them, "ring the landlord")
    services.promise_propose(
        here=them, promise=p, kind="move", note="after the holiday", new_date=soon(8)
    )
    services.promise_accept(here=me, promise=Promise.objects.get(pk=p.pk))
    services.promise_mark_done(here=me, promise=Promise.objects.get(pk=p.pk))
    p = Promise.objects.get(pk=p.pk)
    for here in (me, them):
        versions = records.history(p, here.keychain, here.space_key)
        assert [v.values["event"] for v in versions] == ["proposed_move", "accepted_move", "done"]
        assert [v.values["state"] for v in versions] == ["open", "open", "open"]
        assert versions[0].values["note"] == "after the holiday"
        assert versions[1].values["due"] != versions[2].values["due"]


def test_it_stores_no_promise_text_in_clear(
    member_client: Client, partner_client: Client, world: World
) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    member_client.post(
        "/promises/new/",
        {
            "what": f"{canary}-what",
            "to": str(world.partner.user.pk),
            "due_date": soon().isoformat(),
        },
    )
    p = Promise.objects.get()
    member_client.post(
        url(p, "renegotiate"),
        {"kind": "move", "new_date": soon(5).isoformat(), "note": f"{canary}-note"},
    )
    partner_client.post(url(p, "accept"))
    partner_client.post(url(p, "notes"), {"body": f"{canary}-talk"})
    assert f"{canary}-what" in page(partner_client, url(p))
    with connection.cursor() as cursor:
        for table in ("promises_promise", "promises_promisenote", "vault_revision"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed table names)
            rows = cursor.fetchall()
            assert rows, table
            for row in rows:
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        assert canary.encode() not in bytes(value), table
                    else:
                        assert canary not in str(value), table


def test_it_lists_promises_with_a_fixed_number_of_queries(
    member_client: Client, world: World
) -> None:
    me, them = here_of(world, "member"), here_of(world, "partner")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get("/promises/").status_code == 200
        return len(queries)

    promise(me, them)
    baseline = count()
    for i in range(4):
        p = promise(me, them, f"more {i}")
        services.promise_mark_done(here=me, promise=p)
        promise(them, me, f"theirs {i}")
        promise(them, None, f"to all {i}")
        missed_promise(them, me, f"slipped {i}")
    assert count() == baseline
    with CaptureQueriesContext(connection) as queries:
        assert member_client.get("/promises/follow-through/").status_code == 200
    follow = len(queries)
    for i in range(3):
        missed_promise(me, them, f"again {i}")
    with CaptureQueriesContext(connection) as queries:
        member_client.get("/promises/follow-through/")
    assert len(queries) == follow
