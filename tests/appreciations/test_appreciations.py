"""Appreciations: specific thanks, a shared feed, hearts, edits and withdrawal."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciations import demo, services, today
from hearth.appreciations.models import Appreciation, Heart
from hearth.demo.world import DemoWorld
from hearth.spaces.context import Here, here_for_membership
from tests.conftest import World


def alex(world: World) -> Here:
    return here_for_membership(world.space, world.member.keychain)


def sam(world: World) -> Here:
    return here_for_membership(world.partner_membership, world.partner.keychain)


def give(world: World, what: str = "You made dinner", why: str = "I was tired") -> Appreciation:
    return services.appreciation_give(
        here=alex(world), recipient_id=world.partner.user.pk, what=what, why=why
    )


def url(item: Appreciation, action: str = "") -> str:
    return f"/appreciations/{item.pk}/{action}"


# --- giving -------------------------------------------------------------------------


def test_it_sends_thanks_that_the_partner_sees_in_the_feed(
    member_client: Client, partner_client: Client, world: World
) -> None:
    response = member_client.post(
        "/appreciations/new/",
        {
            "recipient": str(world.partner.user.pk),
            "what": "You walked the dog in the rain",
            "why": "I got to finish my book",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "You thanked Sam" in page
    assert "You walked the dog in the rain" in page
    feed = partner_client.get("/appreciations/").content.decode()
    assert "Alex thanked you" in feed
    assert "You walked the dog in the rain" in feed
    assert "I got to finish my book" in feed


def test_it_can_thank_everyone_in_the_space(member_client: Client, partner_client: Client) -> None:
    member_client.post("/appreciations/new/", {"recipient": "everyone", "what": "A calm week"})
    assert "Alex thanked everyone" in partner_client.get("/appreciations/").content.decode()


def test_it_nudges_toward_what_and_why_and_says_who_will_see_it(member_client: Client) -> None:
    page = member_client.get("/appreciations/new/").content.decode()
    assert "What did they do?" in page
    assert "Why did it matter to you?" in page
    assert "Everyone in this space sees appreciations: Sam and you." in page
    assert 'value="everyone"' in page


def test_it_wires_the_coach_on_both_fields(member_client: Client) -> None:
    page = member_client.get("/appreciations/new/").content.decode()
    assert 'hx-post="/coach/feedback/?field=what&amp;target=id_what"' in page
    assert 'hx-post="/coach/feedback/?field=why&amp;target=id_why"' in page
    assert 'id="id_what-coach"' in page and 'id="id_why-coach"' in page


def test_it_keeps_what_i_typed_when_the_form_is_wrong(member_client: Client) -> None:
    response = member_client.post(
        "/appreciations/new/", {"recipient": "everyone", "what": "   ", "why": "Kept words"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page or "Please say what they did." in page
    assert "Kept words" in page
    assert Appreciation.objects.count() == 0


def test_it_refuses_someone_outside_the_space_as_recipient(
    member_client: Client, world: World
) -> None:
    response = member_client.post(
        "/appreciations/new/",
        {"recipient": str(world.outsider.user.pk), "what": "Thanks for the lift"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Thanks for the lift" in page
    with pytest.raises(services.AppreciationError):
        services.appreciation_give(here=alex(world), recipient_id=world.outsider.user.pk, what="x")
    assert Appreciation.objects.count() == 0


def test_it_refuses_a_too_long_appreciation(member_client: Client) -> None:
    response = member_client.post(
        "/appreciations/new/", {"recipient": "everyone", "what": "w" * 1001}
    )
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()


# --- the feed ----------------------------------------------------------------------


def test_it_shows_the_feed_newest_first_and_paginates(partner_client: Client, world: World) -> None:
    base = timezone.now() - timedelta(days=30)
    for i in range(23):
        services.appreciation_give(
            here=alex(world),
            recipient_id=world.partner.user.pk,
            what=f"Kind act number {i:02d}",
            when=base + timedelta(days=i),
        )
    first = partner_client.get("/appreciations/").content.decode()
    assert first.index("Kind act number 22") < first.index("Kind act number 21")
    assert "Kind act number 02" not in first
    assert "Page 1 of 2" in first
    second = partner_client.get("/appreciations/?page=2").content.decode()
    assert "Kind act number 02" in second and "Kind act number 00" in second
    assert "Kind act number 22" not in second


def test_it_shows_the_feed_with_a_fixed_number_of_queries(
    partner_client: Client, world: World
) -> None:
    give(world)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert partner_client.get("/appreciations/").status_code == 200
        return len(queries)

    baseline = count()
    for i in range(6):
        item = give(world, what=f"Another one {i}")
        services.heart_toggle(here=sam(world), appreciation=item)
        services.appreciation_give(here=sam(world), recipient_id=None, what=f"Back {i}")
    assert count() == baseline


def test_it_keeps_another_space_s_thanks_out_of_my_feed(
    outsider_client: Client, world: World
) -> None:
    give(world, what="Only for Alex and Sam")
    page = outsider_client.get("/appreciations/").content.decode()
    assert "Only for Alex and Sam" not in page
    assert "Nothing here yet" in page


# --- hearts ------------------------------------------------------------------------


def test_it_toggles_one_heart_per_member_and_shows_who(
    member_client: Client, partner_client: Client, world: World
) -> None:
    item = give(world)
    response = partner_client.post(url(item, "heart/"), {"next": "/appreciations/"}, follow=True)
    assert "from You" in response.content.decode()
    assert "from Sam" in member_client.get("/appreciations/").content.decode()
    assert Heart.objects.filter(appreciation=item).count() == 1
    partner_client.post(url(item, "heart/"))
    assert Heart.objects.filter(appreciation=item).count() == 0
    assert "from Sam" not in member_client.get("/appreciations/").content.decode()


def test_it_answers_a_heart_with_the_partial_for_htmx(partner_client: Client, world: World) -> None:
    item = give(world)
    response = partner_client.post(url(item, "heart/"), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<div class="hearts row" id="hearts-{item.pk}">')
    assert "Take back my heart" in page
    assert "<html" not in page


def test_it_allows_only_one_heart_per_member_in_the_database(world: World) -> None:
    item = give(world)
    services.heart_toggle(here=sam(world), appreciation=item)
    with pytest.raises(IntegrityError), transaction.atomic():
        Heart.objects.create(appreciation=item, user=world.partner.user, given_at=timezone.now())


def test_it_does_not_let_the_giver_heart_their_own_thanks(
    member_client: Client, world: World
) -> None:
    item = give(world)
    page = member_client.get(url(item)).content.decode()
    assert "Send a heart" not in page
    response = member_client.post(url(item, "heart/"), follow=True)
    assert "Hearts are for the others to give" in response.content.decode()
    assert Heart.objects.count() == 0


def test_it_never_shows_a_count_of_hearts(partner_client: Client, world: World) -> None:
    item = give(world)
    services.heart_toggle(here=sam(world), appreciation=item)
    page = partner_client.get("/appreciations/").content.decode()
    assert "1 heart" not in page and "hearts:" not in page.lower()


# --- editing and withdrawing ------------------------------------------------------------


def test_it_lets_the_giver_edit_and_keeps_the_history_visible(
    member_client: Client, partner_client: Client, world: World
) -> None:
    item = give(world, what="You cooked", why="")
    page = member_client.get(url(item, "edit/")).content.decode()
    assert "You cooked" in page
    response = member_client.post(
        url(item, "edit/"), {"what": "You cooked my favourite curry", "why": "It felt like home"}
    )
    assert response.status_code == 302
    page = partner_client.get(url(item)).content.decode()
    assert "You cooked my favourite curry" in page
    assert "Earlier wording" in page
    assert "Alex changed this on" in page
    assert "<p>You cooked</p>" in page


def test_it_keeps_my_edit_when_it_is_wrong(member_client: Client, world: World) -> None:
    item = give(world)
    response = member_client.post(url(item, "edit/"), {"what": "", "why": "Still here"})
    assert response.status_code == 400
    assert "Still here" in response.content.decode()


def test_it_does_not_let_the_partner_edit_or_withdraw(partner_client: Client, world: World) -> None:
    item = give(world)
    assert partner_client.get(url(item, "edit/")).status_code == 404
    assert partner_client.post(url(item, "edit/"), {"what": "Mine now"}).status_code == 404
    assert partner_client.post(url(item, "withdraw/")).status_code == 404
    item.refresh_from_db()
    assert item.withdrawn_at is None and item.edited_at is None


def test_it_withdraws_at_once(member_client: Client, partner_client: Client, world: World) -> None:
    item = give(world, what="Soon withdrawn")
    services.heart_toggle(here=sam(world), appreciation=item)
    response = member_client.post(url(item, "withdraw/"), follow=True)
    assert "Withdrawn." in response.content.decode()
    assert "Soon withdrawn" not in partner_client.get("/appreciations/").content.decode()
    assert partner_client.get(url(item)).status_code == 404
    assert partner_client.post(url(item, "heart/")).status_code == 404
    page = member_client.get(url(item)).content.decode()
    assert "You withdrew this on" in page
    item.refresh_from_db()
    assert item.key_for_space is None
    assert not Heart.objects.filter(appreciation=item).exists()


# --- access -------------------------------------------------------------------------


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    item = give(world)
    for path in ("/appreciations/", "/appreciations/new/", url(item), url(item, "edit/")):
        response = anon_client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    for path in (url(item, "withdraw/"), url(item, "heart/")):
        response = anon_client.post(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_hides_an_appreciation_from_an_outsider(outsider_client: Client, world: World) -> None:
    item = give(world)
    assert outsider_client.get(url(item)).status_code == 404
    assert outsider_client.get(url(item, "edit/")).status_code == 404
    assert outsider_client.post(url(item, "withdraw/")).status_code == 404
    assert outsider_client.post(url(item, "heart/")).status_code == 404
    assert (
        outsider_client.get("/appreciations/00000000-0000-0000-0000-000000000000/").status_code
        == 404
    )
    assert not Heart.objects.exists()


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    item = give(world)
    assert member_client.post("/appreciations/").status_code == 405
    assert member_client.put("/appreciations/new/").status_code == 405
    assert member_client.post(url(item)).status_code == 405
    assert member_client.delete(url(item, "edit/")).status_code == 405
    assert member_client.get(url(item, "withdraw/")).status_code == 405
    assert member_client.get(url(item, "heart/")).status_code == 405


# --- at rest -------------------------------------------------------------------------


def test_it_stores_only_ciphertext(member_client: Client, world: World) -> None:
    what, why, edited = "CANARY-appr-what-4b1e", "CANARY-appr-why-77c0", "CANARY-appr-edit-0d9a"
    member_client.post(
        "/appreciations/new/",
        {"recipient": str(world.partner.user.pk), "what": what, "why": why},
    )
    item = Appreciation.objects.get()
    member_client.post(url(item, "edit/"), {"what": edited, "why": why})
    with connection.cursor() as cursor:
        cursor.execute("SELECT what, why FROM appreciations_appreciation")
        raw = b"".join(bytes(v) for row in cursor.fetchall() for v in row if v is not None)
        cursor.execute("SELECT sealed FROM vault_revision")
        raw += b"".join(bytes(row[0]) for row in cursor.fetchall())
    assert len(raw) > 100
    for canary in (what, why, edited):
        assert canary.encode() not in raw


# --- Today and the demo ---------------------------------------------------------------


def test_it_never_makes_thanks_due(world: World) -> None:
    assert today.due(alex(world), date.today()) == []
    assert today.due(sam(world), date.today()) == []


def test_it_tells_each_member_who_thanked_whom(world: World) -> None:
    give(world)
    services.appreciation_give(here=sam(world), recipient_id=None, what="Lovely week")
    assert [m.text for m in today.moments(sam(world), 5)] == [
        "You thanked everyone",
        "Alex thanked you",
    ]
    assert [m.text for m in today.moments(alex(world), 5)][1] == "You thanked Sam"


def test_it_lists_moments_with_a_fixed_number_of_queries(world: World) -> None:
    give(world)

    def count() -> int:
        here = sam(world)
        with CaptureQueriesContext(connection) as queries:
            today.moments(here, 10)
        return len(queries)

    baseline = count()
    for i in range(5):
        give(world, what=f"More {i}")
    assert count() == baseline


def test_it_writes_a_realistic_demo_quickly(world: World) -> None:
    demo_world = DemoWorld(
        first=alex(world),
        second=sam(world),
        start=timezone.now() - timedelta(days=120),
        days=120,
        rng=random.Random(7),
    )
    started = time.monotonic()
    demo.populate(demo_world)
    assert time.monotonic() - started < 10
    items = list(Appreciation.objects.all())
    assert 30 <= len(items) <= 80
    givers = {i.owner_id for i in items}
    assert givers == {world.member.user.pk, world.partner.user.pk}
    assert Heart.objects.exists()
    assert any(i.edited_at for i in items)
    assert demo_world.texts and all(t.strip() for t in demo_world.texts)
