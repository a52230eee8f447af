"""Spaces: create, see members, invite, join, leave, switch."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.spaces import access, services
from hearth.spaces.models import Invitation, Membership, Space
from hearth.vault.keychain import Keychain
from tests.conftest import PASSWORD, World, join_space, login, make_person


def detail_url(world: World) -> str:
    return f"/spaces/{world.space.space_id}/"


def invite_link(client: Client, space_id: object) -> str:
    response = client.post(f"/spaces/{space_id}/invitations/")
    assert response.status_code == 201
    match = re.search(r'value="(http[^"]+/join/[^"]+/)"', response.content.decode())
    assert match, response.content.decode()
    return match.group(1).replace("http://testserver", "")


# --- creating a space ------------------------------------------------------


def test_it_creates_a_space_with_me_as_its_member(member_client: Client, world: World) -> None:
    response = member_client.post(
        "/spaces/new/", {"name": "Our place", "kind": "friends", "member_name": "Lex"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Our place</h1>" in page
    assert "Lex" in page and "(you)" in page
    assert "Friends space" in page


def test_it_keeps_what_i_typed_when_the_space_form_is_wrong(member_client: Client) -> None:
    response = member_client.post(
        "/spaces/new/", {"name": "   ", "kind": "tribe", "member_name": "Lex the bold"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please give the space a name." in page or "This field is required." in page
    assert "Select a valid choice" in page
    assert 'value="Lex the bold"' in page
    assert Space.objects.count() == 2  # the fixture's two, nothing new


def test_it_offers_my_name_when_creating_a_space(member_client: Client) -> None:
    response = member_client.get("/spaces/new/")
    assert 'value="Alex"' in response.content.decode()


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    for url in ("/spaces/", "/spaces/new/", detail_url(world), f"{detail_url(world)}leave/"):
        response = anon_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    assert member_client.post("/spaces/").status_code == 405
    assert member_client.post(detail_url(world)).status_code == 405
    assert member_client.get(f"{detail_url(world)}invitations/").status_code == 405
    assert member_client.get(f"{detail_url(world)}switch/").status_code == 405
    assert member_client.put("/spaces/new/").status_code == 405


# --- seeing a space -------------------------------------------------------------


def test_it_shows_both_members_their_names(
    member_client: Client, partner_client: Client, world: World
) -> None:
    for client in (member_client, partner_client):
        page = client.get(detail_url(world)).content.decode()
        assert "<h1>Alex and Sam</h1>" in page
        assert "Alex" in page and "Sam" in page


def test_it_hides_a_space_from_an_outsider(outsider_client: Client, world: World) -> None:
    for url in (detail_url(world), f"{detail_url(world)}leave/"):
        assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(f"{detail_url(world)}invitations/").status_code == 404
    assert outsider_client.post(f"{detail_url(world)}switch/").status_code == 404
    assert outsider_client.post(f"{detail_url(world)}leave/").status_code == 404
    assert Membership.objects.filter(space=world.space.space, left_at__isnull=True).count() == 2


def test_it_answers_an_unknown_space_like_a_hidden_one(member_client: Client) -> None:
    assert member_client.get("/spaces/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert member_client.get("/spaces/not-a-uuid/").status_code == 404


def test_it_lists_only_my_spaces(member_client: Client, world: World) -> None:
    page = member_client.get("/spaces/").content.decode()
    assert "Alex and Sam" in page
    assert "Riley" not in page


def test_it_lists_spaces_with_a_fixed_number_of_queries(
    member_client: Client, world: World
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get("/spaces/").status_code == 200
        return len(queries)

    baseline = count()
    for i in range(5):
        services.space_create(
            user=world.member.user,
            keychain=world.member.keychain,
            kind="other",
            name=f"Extra {i}",
            member_name="Alex",
        )
    assert count() == baseline


def test_it_shows_the_space_page_with_a_fixed_number_of_queries(world: World) -> None:
    client = login(world.member)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(detail_url(world)).status_code == 200
        return len(queries)

    baseline = count()
    for i in range(4):
        person = make_person(f"extra{i}@example.test", f"Extra {i}")
        join_space(world.space, world.member.keychain, person)
        services.invitation_create(membership=world.space, keychain=world.member.keychain)
    assert count() == baseline


# --- inviting and joining -------------------------------------------------------


def test_it_invites_and_joins_with_a_one_time_link(member_client: Client, world: World) -> None:
    link = invite_link(member_client, world.space.space_id)
    newcomer = make_person("jo@example.test", "Jo")
    client = login(newcomer)
    page = client.get(link).content.decode()
    assert "Alex invited you to Alex and Sam" in page
    response = client.post(link, {"member_name": "Jo"}, follow=True)
    assert "Welcome to Alex and Sam." in response.content.decode()
    assert "Jo" in member_client.get(detail_url(world)).content.decode()
    # The link worked once.
    other = login(make_person("kim@example.test", "Kim"))
    assert other.get(link).status_code == 404
    assert other.post(link, {"member_name": "Kim"}).status_code == 404


def test_it_shows_an_anonymous_visitor_who_invited_them_and_where_to_sign_up(
    member_client: Client, anon_client: Client, world: World
) -> None:
    link = invite_link(member_client, world.space.space_id)
    page = anon_client.get(link).content.decode()
    assert "Alex invited you to Alex and Sam" in page
    assert "/accounts/signup/?next=%2Fjoin%2F" in page
    assert anon_client.post(link, {"member_name": "x"}).status_code == 200  # still just the preview
    assert Membership.objects.filter(space=world.space.space).count() == 2


def test_it_stores_no_token_only_its_hash(member_client: Client, world: World) -> None:
    link = invite_link(member_client, world.space.space_id)
    token = link.rstrip("/").split("/")[-1]
    invitation = Invitation.objects.get(space=world.space.space, used_at__isnull=True)
    assert token not in invitation.token_hash
    assert token.encode() not in bytes(invitation.key_wrapped)


@pytest.mark.parametrize("token", ["nope", "x" * 43, "A" * 200, "%00"])
def test_it_answers_a_malformed_link_with_404(member_client: Client, token: str) -> None:
    assert member_client.get(f"/join/{token}/").status_code == 404


def test_it_refuses_an_expired_link(member_client: Client, world: World) -> None:
    link = invite_link(member_client, world.space.space_id)
    Invitation.objects.filter(space=world.space.space).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert login(make_person("late@example.test", "Late")).get(link).status_code == 404


def test_it_lets_the_inviter_withdraw_a_link(member_client: Client, world: World) -> None:
    link = invite_link(member_client, world.space.space_id)
    invitation = Invitation.objects.get(space=world.space.space, used_at__isnull=True)
    response = member_client.post(
        f"{detail_url(world)}invitations/{invitation.pk}/withdraw/", follow=True
    )
    assert "The invitation is withdrawn." in response.content.decode()
    assert login(make_person("jo@example.test", "Jo")).get(link).status_code == 404


def test_it_lets_only_the_inviter_withdraw(
    member_client: Client, partner_client: Client, outsider_client: Client, world: World
) -> None:
    invite_link(member_client, world.space.space_id)
    invitation = Invitation.objects.get(space=world.space.space, used_at__isnull=True)
    url = f"{detail_url(world)}invitations/{invitation.pk}/withdraw/"
    response = partner_client.post(url, follow=True)
    assert "Only the person who sent an invitation can withdraw it." in response.content.decode()
    assert outsider_client.post(url).status_code == 404
    assert member_client.get(url).status_code == 405
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_it_does_not_let_a_member_join_twice(
    member_client: Client, partner_client: Client, world: World
) -> None:
    link = invite_link(member_client, world.space.space_id)
    response = partner_client.get(link, follow=True)
    assert "You are already a member of this space." in response.content.decode()
    assert Membership.objects.filter(space=world.space.space, user=world.partner.user).count() == 1


def test_it_keeps_my_name_when_joining_fails_validation(
    member_client: Client, world: World
) -> None:
    link = invite_link(member_client, world.space.space_id)
    client = login(make_person("jo@example.test", "Jo"))
    response = client.post(link, {"member_name": "J" * 200})
    assert response.status_code == 400
    assert "J" * 200 in response.content.decode()
    assert "Ensure this value has at most 80 characters" in response.content.decode()


# --- leaving -------------------------------------------------------------------


def test_it_lets_a_member_leave_at_once(
    member_client: Client, partner_client: Client, world: World
) -> None:
    confirm = member_client.get(f"{detail_url(world)}leave/").content.decode()
    assert "nobody is told before you go" in confirm
    response = member_client.post(f"{detail_url(world)}leave/", follow=True)
    assert "You have left the space." in response.content.decode()
    assert member_client.get(detail_url(world)).status_code == 404
    page = partner_client.get(detail_url(world)).content.decode()
    assert "Alex left this space on" in page
    membership = Membership.objects.get(pk=world.space.pk)
    assert membership.key_wrapped is None  # their copy of the key is gone


def test_it_withdraws_my_pending_links_when_i_leave(member_client: Client, world: World) -> None:
    link = invite_link(member_client, world.space.space_id)
    member_client.post(f"{detail_url(world)}leave/")
    assert login(make_person("jo@example.test", "Jo")).get(link).status_code == 404


def test_it_lets_a_former_member_rejoin_with_a_new_link(
    partner_client: Client, world: World
) -> None:
    login(world.member).post(f"{detail_url(world)}leave/")
    link = invite_link(partner_client, world.space.space_id)
    client = login(world.member)
    client.post(link, {"member_name": "Alex again"})
    page = client.get(detail_url(world)).content.decode()
    assert "Alex again" in page
    assert "left this space" not in page  # shown once, as a current member


# --- switching ------------------------------------------------------------------


def test_it_switches_between_my_spaces(member_client: Client, world: World) -> None:
    other = services.space_create(
        user=world.member.user,
        keychain=world.member.keychain,
        kind="family",
        name="The Okafors",
        member_name="Alex",
    )
    member_client.post(f"/spaces/{other.space_id}/switch/")
    home = member_client.get("/").content.decode()
    assert f'/spaces/{other.space_id}/">The Okafors</a></p>' in home
    member_client.post(f"{detail_url(world)}switch/")
    home = member_client.get("/").content.decode()
    assert f'/spaces/{world.space.space_id}/">Alex and Sam</a></p>' in home


def test_it_opens_the_space_key_handed_over_after_a_reset(world: World) -> None:
    """A member whose key was replaced gets the space back when another visits."""
    services.memberships_forget_keys(user=world.partner.user)
    partner_membership = Membership.objects.get(pk=world.partner_membership.pk)
    fresh = Keychain(user_id=world.partner.user.pk, user_key=world.partner.keychain.user_key)
    with pytest.raises(access.SpaceLocked):
        access.space_key(partner_membership, fresh)
    handed = services.space_regrant_keys(membership=world.space, keychain=world.member.keychain)
    assert handed == 1
    partner_membership.refresh_from_db()
    assert partner_membership.key_sealed is not None
    key = access.space_key(partner_membership, fresh)
    assert access.space_name(world.space.space, key) == "Alex and Sam"
    partner_membership.refresh_from_db()
    assert partner_membership.key_sealed is None and partner_membership.key_wrapped


def test_it_refuses_bad_space_input_in_the_service(world: World) -> None:
    with pytest.raises(services.SpaceError):
        services.space_create(
            user=world.member.user,
            keychain=world.member.keychain,
            kind="commune",
            name="x",
            member_name="y",
        )
    with pytest.raises(services.SpaceError):
        services.space_create(
            user=world.member.user,
            keychain=world.member.keychain,
            kind="couple",
            name="x" * 81,
            member_name="y",
        )


def test_it_does_not_use_the_fixture_password_anywhere_visible(world: World) -> None:
    assert PASSWORD not in login(world.member).get("/").content.decode()


def test_it_gives_pages_the_member_s_current_space_with_names(world: World) -> None:
    from hearth.spaces.context import here_for_membership

    here = here_for_membership(world.space, world.member.keychain)
    assert here.others == [(world.partner.user.pk, "Sam")]
    assert here.name_of(world.member.user.pk) == "Alex"
    assert here.name_of(None) == "Someone who left"
    assert access.space_name(world.space.space, here.space_key) == "Alex and Sam"
