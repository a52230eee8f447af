"""Boundaries: private by default, shared on purpose, acknowledged, and the moments around them."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.boundaries import demo, services, today
from hearth.boundaries.models import Acknowledgement, Boundary, BoundaryMoment, MomentKind
from hearth.demo.world import DemoWorld
from hearth.spaces.context import Here, here_for_membership
from hearth.spaces.models import Membership
from tests.conftest import World


def alex(world: World) -> Here:
    return here_for_membership(world.space, world.member.keychain)


def sam(world: World) -> Here:
    return here_for_membership(world.partner_membership, world.partner.keychain)


def make(
    world: World,
    *,
    what: str = "Please knock before coming into the study",
    why: str = "I lose my thread",
    area: str = "physical_space",
    shared: bool = False,
) -> Boundary:
    b = services.boundary_create(here=alex(world), area=area, what=what, why=why)
    if shared:
        services.boundary_share(here=alex(world), boundary=b)
    return b


def url(b: Boundary, action: str = "") -> str:
    return f"/boundaries/{b.pk}/{action}"


# --- writing my boundaries -------------------------------------------------------------


def test_it_saves_a_boundary_privately_by_area(member_client: Client) -> None:
    response = member_client.post(
        "/boundaries/new/",
        {"area": "money", "what": "Ask before big purchases", "why": "I budget tightly"},
        follow=True,
    )
    page = response.content.decode()
    assert "Your boundary about money" in page
    assert "Private: only you" in page
    assert "I budget tightly" in page
    mine = member_client.get("/boundaries/").content.decode()
    assert '<h2 id="area-money">Money</h2>' in mine
    assert "Ask before big purchases" in mine
    b = Boundary.objects.get()
    assert b.area == "money" and not b.is_shared


def test_it_offers_every_area_in_a_fieldset(member_client: Client) -> None:
    page = member_client.get("/boundaries/new/").content.decode()
    assert "<legend>What area is it about?</legend>" in page
    for label in (
        "Privacy",
        "Time",
        "Money",
        "Social media",
        "Physical space",
        "Family and friends",
        "Intimacy",
        "Something else",
    ):
        assert f"{label}</label>" in page
    assert 'hx-post="/coach/feedback/?field=what' in page


def test_it_keeps_what_i_typed_when_the_boundary_form_is_wrong(member_client: Client) -> None:
    response = member_client.post(
        "/boundaries/new/", {"area": "weather", "what": "", "why": "Because I said so kindly"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "This field is required." in page
    assert "Because I said so kindly" in page
    assert not Boundary.objects.exists()


# --- privacy ------------------------------------------------------------------------


def test_it_hides_a_private_boundary_until_shared_and_after_retirement(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, what="Knock first, please")
    assert partner_client.get(url(b)).status_code == 404
    assert partner_client.post(url(b, "acknowledge/")).status_code == 404
    assert "Knock first" not in partner_client.get("/boundaries/shared/").content.decode()
    member_client.post(url(b, "share/"))
    page = partner_client.get(url(b)).content.decode()
    assert "Knock first, please" in page
    assert "Alex's boundary about physical space" in page
    assert "Knock first" in partner_client.get("/boundaries/shared/").content.decode()
    member_client.post(url(b, "retire/"))
    assert partner_client.get(url(b)).status_code == 404
    assert "Knock first" not in partner_client.get("/boundaries/shared/").content.decode()
    retired = member_client.get("/boundaries/").content.decode()
    assert 'id="retired"' in retired and "Knock first" in retired


def test_it_makes_a_boundary_private_again_at_once(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, shared=True)
    member_client.post(url(b, "unshare/"))
    assert partner_client.get(url(b)).status_code == 404
    b.refresh_from_db()
    assert b.key_for_space is None


def test_it_never_lets_anyone_else_change_my_boundary(partner_client: Client, world: World) -> None:
    b = make(world, shared=True)
    assert partner_client.get(url(b, "edit/")).status_code == 404
    post = {"area": "time", "what": "Changed by Sam"}
    assert partner_client.post(url(b, "edit/"), post).status_code == 404
    for action in ("share/", "unshare/", "retire/"):
        assert partner_client.post(url(b, action)).status_code == 404
    b.refresh_from_db()
    assert b.is_shared and b.retired_at is None and b.version == 1


def test_it_hides_boundaries_from_an_outsider(outsider_client: Client, world: World) -> None:
    b = make(world, shared=True, what="Only for this space")
    for action in ("", "edit/", "moments/crossed_private/"):
        assert outsider_client.get(url(b, action)).status_code == 404
    for action in ("share/", "unshare/", "retire/", "acknowledge/", "moments/honoured/"):
        assert outsider_client.post(url(b, action), {"note": "x"}).status_code == 404
    assert "Only for this space" not in outsider_client.get("/boundaries/shared/").content.decode()
    assert not Acknowledgement.objects.exists() and not BoundaryMoment.objects.exists()


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    b = make(world, shared=True)
    for path in (
        "/boundaries/",
        "/boundaries/new/",
        "/boundaries/shared/",
        url(b),
        url(b, "edit/"),
        url(b, "moments/honoured/"),
    ):
        response = anon_client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    for action in ("share/", "unshare/", "retire/", "acknowledge/"):
        response = anon_client.post(url(b, action))
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    b = make(world, shared=True)
    assert member_client.post("/boundaries/").status_code == 405
    assert member_client.post("/boundaries/shared/").status_code == 405
    assert member_client.put("/boundaries/new/").status_code == 405
    assert member_client.post(url(b)).status_code == 405
    assert member_client.delete(url(b, "edit/")).status_code == 405
    for action in ("share/", "unshare/", "retire/", "acknowledge/"):
        assert member_client.get(url(b, action)).status_code == 405
    assert member_client.put(url(b, "moments/honoured/")).status_code == 405


# --- acknowledging ------------------------------------------------------------------------


def test_it_lets_the_partner_acknowledge_and_shows_me_who_did(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, shared=True)
    page = partner_client.get("/boundaries/shared/").content.decode()
    assert "New to you" in page
    assert "I understand and will honour this" in page
    response = partner_client.post(
        url(b, "acknowledge/"), {"next": "/boundaries/shared/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/boundaries/shared/"
    assert "You acknowledged this" in response.content.decode()
    assert "Acknowledged by Sam." in member_client.get(url(b)).content.decode()


def test_it_refuses_acknowledging_my_own_boundary(member_client: Client, world: World) -> None:
    b = make(world, shared=True)
    response = member_client.post(url(b, "acknowledge/"))
    assert response.status_code == 400
    assert "This is your own boundary" in response.content.decode()
    assert not Acknowledgement.objects.exists()
    with pytest.raises(services.BoundaryError):
        services.boundary_acknowledge(here=alex(world), boundary=b)


def test_it_asks_for_a_fresh_acknowledgement_after_an_edit(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, shared=True, what="Knock first")
    services.boundary_acknowledge(here=sam(world), boundary=b)
    response = member_client.post(
        url(b, "edit/"), {"area": "privacy", "what": "Knock and wait", "why": "Focus"}
    )
    assert response.status_code == 302
    page = partner_client.get(url(b)).content.decode()
    assert "Updated since you acknowledged" in page
    assert "Knock and wait" in page
    assert "I understand and will honour this" in page
    # The history shows what it said before.
    assert "Earlier versions" in page and "<p>Knock first</p>" in page
    assert "(Physical space)" in page
    assert (
        "Acknowledged by Sam (before the latest change)."
        in member_client.get(url(b)).content.decode()
    )
    partner_client.post(url(b, "acknowledge/"))
    assert "You acknowledged this" in partner_client.get(url(b)).content.decode()
    assert Acknowledgement.objects.get().version == 2


def test_it_keeps_no_history_for_edits_before_sharing(member_client: Client, world: World) -> None:
    b = make(world, what="First draft")
    member_client.post(url(b, "edit/"), {"area": "time", "what": "Second draft"})
    services.boundary_share(here=alex(world), boundary=Boundary.objects.get(pk=b.pk))
    page = member_client.get(url(b)).content.decode()
    assert "Second draft" in page and "First draft" not in page


def test_it_keeps_my_edit_when_it_is_wrong(member_client: Client, world: World) -> None:
    b = make(world)
    response = member_client.post(url(b, "edit/"), {"area": "time", "what": "", "why": "Kept"})
    assert response.status_code == 400
    assert "Kept" in response.content.decode()


# --- moments -------------------------------------------------------------------------------


def test_it_keeps_a_crossed_note_for_its_writer_alone(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, shared=True)
    form = partner_client.get(url(b, "moments/crossed_private/")).content.decode()
    assert "Only you will ever see this note." in form
    partner_client.post(url(b, "moments/crossed_private/"), {"note": "It stung a little"})
    assert "It stung a little" in partner_client.get(url(b)).content.decode()
    # Not the boundary's owner, not the moments on Today, not the shared list.
    assert "It stung" not in member_client.get(url(b)).content.decode()
    assert "A private note" not in member_client.get(url(b)).content.decode()
    assert all("stung" not in m.text for m in today.moments(alex(world), 20))
    moment = BoundaryMoment.objects.get()
    assert moment.key_for_space is None and moment.to_user_id is None
    # Even holding the space key, nobody else can open it.
    from hearth.vault import records

    with pytest.raises(records.Locked):
        records.reveal(moment, world.member.keychain, alex(world).space_key)


def test_it_keeps_the_owner_s_own_crossed_note_private_too(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world)  # private: a note about my own private boundary works
    response = member_client.post(url(b, "moments/crossed_private/"), {"note": "Mine alone"})
    assert response.status_code == 302
    services.boundary_share(here=alex(world), boundary=Boundary.objects.get(pk=b.pk))
    assert "Mine alone" not in partner_client.get(url(b)).content.decode()


def test_it_sends_a_thank_you_to_the_one_who_honoured_it(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, shared=True)
    form = member_client.get(url(b, "moments/honoured/")).content.decode()
    assert "Thank you for honouring this." in form
    assert 'hx-post="/coach/feedback/?field=note' in form
    member_client.post(
        url(b, "moments/honoured/"),
        {"to_user": str(world.partner.user.pk), "note": "Thank you for knocking today"},
    )
    page = partner_client.get(url(b)).content.decode()
    assert "Thank you for knocking today" in page
    assert "Alex to you: a thank-you" in page
    assert [m.text for m in today.moments(sam(world), 1)] == [
        "Alex thanked you for honouring their boundary about physical space"
    ]


def test_it_offers_a_kind_start_for_an_invitation_to_talk(
    member_client: Client, partner_client: Client, world: World
) -> None:
    b = make(world, shared=True)
    form = partner_client.get(url(b, "moments/crossed_invite/")).content.decode()
    assert "Could we talk when you&#x27;re ready?" in form
    assert 'hx-post="/coach/feedback/?field=note' in form
    assert 'name="to_user"' not in form  # it goes to the boundary's owner
    partner_client.post(url(b, "moments/crossed_invite/"), {"note": "Can we talk tonight?"})
    moment = BoundaryMoment.objects.get()
    assert moment.to_user_id == world.member.user.pk and moment.key_for_space is not None
    assert "Can we talk tonight?" in member_client.get(url(b)).content.decode()
    assert "Sam invited you to talk about your boundary" in [
        m.text for m in today.moments(alex(world), 5)
    ]


def test_it_shows_an_invitation_only_to_the_two_people_involved(world: World) -> None:
    from tests.conftest import join_space, login, make_person

    third = make_person("jo@example.test", "Jo")
    join_space(world.space, world.member.keychain, third)
    b = make(world, shared=True)
    services.moment_note(
        here=alex(world),
        boundary=b,
        kind=MomentKind.CROSSED_INVITE,
        note="Just between Sam and me",
        to_user_id=world.partner.user.pk,
    )
    jo = login(third)
    page = jo.get(url(b)).content.decode()
    assert "I understand and will honour this" in page
    assert "Just between Sam and me" not in page
    assert "Just between Sam and me" in login(world.partner).get(url(b)).content.decode()
    assert "Alex invited you to talk about their boundary about physical space" in [
        m.text for m in today.moments(sam(world), 5)
    ]
    jo_here = here_for_membership(
        Membership.objects.get(user=third.user, space_id=world.space.space_id), third.keychain
    )
    assert not [m for m in today.moments(jo_here, 10) if "invited" in m.text]


def test_it_keeps_what_i_typed_when_a_moment_is_empty_or_mis_sent(
    member_client: Client, world: World
) -> None:
    b = make(world, shared=True)
    response = member_client.post(url(b, "moments/honoured/"), {"note": "No one chosen"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page and "No one chosen" in page
    response = member_client.post(
        url(b, "moments/honoured/"), {"to_user": str(world.outsider.user.pk), "note": "Wrong"}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    response = member_client.post(url(b, "moments/crossed_private/"), {"note": "  "})
    assert response.status_code == 400
    assert not BoundaryMoment.objects.exists()


def test_it_offers_no_shared_moment_on_a_private_boundary(
    member_client: Client, world: World
) -> None:
    b = make(world)
    assert member_client.get(url(b, "moments/honoured/")).status_code == 404
    assert member_client.get(url(b, "moments/nonsense/")).status_code == 404
    with pytest.raises(services.BoundaryError):
        services.moment_note(
            here=alex(world),
            boundary=b,
            kind=MomentKind.HONOURED,
            note="x",
            to_user_id=world.partner.user.pk,
        )


def test_it_never_tallies_crossings(member_client: Client, world: World) -> None:
    b = make(world, shared=True)
    for i in range(3):
        services.moment_note(
            here=sam(world), boundary=b, kind=MomentKind.CROSSED_INVITE, note=f"Talk {i}"
        )
    for page in (
        member_client.get(url(b)).content.decode(),
        member_client.get("/boundaries/").content.decode(),
        member_client.get("/boundaries/shared/").content.decode(),
    ):
        assert "3 times" not in page and "crossed 3" not in page.lower()


# --- lists, queries and storage ------------------------------------------------------------


@pytest.mark.parametrize("path", ["/boundaries/", "/boundaries/shared/"])
def test_it_lists_boundaries_with_a_fixed_number_of_queries(
    path: str, member_client: Client, world: World
) -> None:
    services.boundary_acknowledge(here=sam(world), boundary=make(world, shared=True))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get(path).status_code == 200
        return len(queries)

    baseline = count()
    for i, area in enumerate(("time", "money", "privacy", "other")):
        b = make(world, shared=True, area=area, what=f"Boundary {i}")
        services.boundary_acknowledge(here=sam(world), boundary=b)
        services.boundary_create(here=sam(world), area=area, what=f"Theirs {i}")
        theirs = services.boundary_create(here=sam(world), area=area, what=f"Shared {i}")
        services.boundary_share(here=sam(world), boundary=theirs)
    services.boundary_retire(here=alex(world), boundary=make(world, what="Old"))
    assert count() == baseline


def test_it_shows_a_boundary_page_with_a_fixed_number_of_queries(
    partner_client: Client, world: World
) -> None:
    b = make(world, shared=True)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert partner_client.get(url(b)).status_code == 200
        return len(queries)

    baseline = count()
    for i in range(4):
        services.moment_note(
            here=sam(world), boundary=b, kind=MomentKind.HONOURED, note=f"Honoured {i}"
        )
        services.moment_note(
            here=sam(world), boundary=b, kind=MomentKind.CROSSED_PRIVATE, note=f"Note {i}"
        )
        services.boundary_acknowledge(here=sam(world), boundary=b)
    assert count() == baseline


def test_it_stores_only_ciphertext(
    member_client: Client, partner_client: Client, world: World
) -> None:
    canaries = {
        "what": "CANARY-bnd-what-1c2d",
        "why": "CANARY-bnd-why-9e8f",
        "edit": "CANARY-bnd-edit-5a6b",
        "note": "CANARY-bnd-note-3f4e",
        "private": "CANARY-bnd-private-7d8c",
    }
    member_client.post(
        "/boundaries/new/", {"area": "time", "what": canaries["what"], "why": canaries["why"]}
    )
    b = Boundary.objects.get()
    member_client.post(url(b, "share/"))
    member_client.post(url(b, "edit/"), {"area": "time", "what": canaries["edit"]})
    partner_client.post(url(b, "moments/crossed_invite/"), {"note": canaries["note"]})
    partner_client.post(url(b, "moments/crossed_private/"), {"note": canaries["private"]})
    assert BoundaryMoment.objects.count() == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT what, why, area FROM boundaries_boundary")
        raw = b"".join(
            bytes(v) if not isinstance(v, str) else v.encode()
            for row in cursor.fetchall()
            for v in row
            if v is not None
        )
        cursor.execute("SELECT note, kind FROM boundaries_boundarymoment")
        raw += b"".join(
            bytes(v) if not isinstance(v, str) else v.encode()
            for row in cursor.fetchall()
            for v in row
        )
        cursor.execute("SELECT sealed FROM vault_revision")
        raw += b"".join(bytes(row[0]) for row in cursor.fetchall())
    assert b"time" in raw  # the area is a clear choice, by design
    for canary in canaries.values():
        assert canary.encode() not in raw


# --- Today and the demo ------------------------------------------------------------------


def test_it_asks_gently_to_read_the_others_new_boundaries(world: World) -> None:
    b = make(world, shared=True, area="time")
    make(world, area="money")  # private: never due for anyone
    assert [d.title for d in today.due(sam(world), date.today())] == [
        "Alex shared a boundary about time"
    ]
    assert today.due(alex(world), date.today()) == []
    services.boundary_acknowledge(here=sam(world), boundary=b)
    assert today.due(sam(world), date.today()) == []
    services.boundary_edit(here=alex(world), boundary=b, area="time", what="Changed")
    assert [d.title for d in today.due(sam(world), date.today())] == [
        "Alex updated a boundary about time"
    ]


def test_it_tells_the_space_what_was_shared_and_acknowledged(world: World) -> None:
    b = make(world, shared=True, area="money")
    services.boundary_acknowledge(
        here=sam(world), boundary=b, when=timezone.now() + timedelta(minutes=1)
    )
    assert [m.text for m in today.moments(alex(world), 5)] == [
        "Sam acknowledged your boundary about money",
        "You shared a boundary about money",
    ]
    assert [m.text for m in today.moments(sam(world), 5)] == [
        "You acknowledged Alex's boundary about money",
        "Alex shared a boundary about money",
    ]


def test_it_gathers_today_with_a_fixed_number_of_queries(world: World) -> None:
    make(world, shared=True)

    def count() -> int:
        here = sam(world)
        here.name_of(None)
        with CaptureQueriesContext(connection) as queries:
            today.due(here, date.today())
            today.moments(here, 10)
        return len(queries)

    baseline = count()
    for i in range(4):
        b = make(world, shared=True, what=f"More {i}")
        services.boundary_acknowledge(here=sam(world), boundary=b)
        services.moment_note(
            here=sam(world), boundary=b, kind=MomentKind.CROSSED_INVITE, note=f"Talk {i}"
        )
    assert count() == baseline


def test_it_writes_a_realistic_demo_quickly(world: World) -> None:
    demo_world = DemoWorld(
        first=alex(world),
        second=sam(world),
        start=timezone.now() - timedelta(days=120),
        days=120,
        rng=random.Random(3),
    )
    started = time.monotonic()
    demo.populate(demo_world)
    assert time.monotonic() - started < 10
    boundaries = list(Boundary.objects.all())
    assert {b.owner_id for b in boundaries} == {world.member.user.pk, world.partner.user.pk}
    assert len({b.area for b in boundaries}) >= 6
    assert any(not b.is_shared for b in boundaries)
    assert any(b.version > 1 and b.was_shared for b in boundaries)
    kinds = set(BoundaryMoment.objects.values_list("kind", flat=True))
    assert kinds == {MomentKind.HONOURED, MomentKind.CROSSED_INVITE, MomentKind.CROSSED_PRIVATE}
    assert [d.title for d in today.due(alex(world), date.today())] == [
        "Sam shared a boundary about something else"
    ]
    assert demo_world.texts
