"""Accounts: sign-up with a recovery code, unlocking keys, password changes and
resets, throttled (never locked) sign-in, sessions, and the quick exit."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import Client

from hearth.spaces import access
from hearth.vault import records
from hearth.vault.keychain import Keychain
from hearth.vault.models import Keyring
from tests.conftest import PASSWORD, World, login
from tests.sealedapp.models import Note

NEW_PASSWORD = "another-long-passphrase"


def sign_up(client: Client, email: str = "new@example.test", name: str = "Robin") -> str:
    response = client.post(
        "/accounts/signup/",
        {"name": name, "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()[:800]
    page = client.get("/", follow=True).content.decode()
    match = re.search(r"<code>([A-Z0-9-]{39})</code>", page)
    assert match, page
    return match.group(1)


def test_it_shows_a_recovery_code_once_after_sign_up(db: None) -> None:
    client = Client()
    code = sign_up(client)
    # Until confirmed, every page leads back to the code.
    assert client.get("/spaces/")["Location"].startswith("/account/recovery-code/")
    refused = client.post("/account/recovery-code/", {"next": "/"})
    assert refused.status_code == 400
    assert "Please tick the box" in refused.content.decode()
    assert code in refused.content.decode()
    done = client.post("/account/recovery-code/", {"saved": "yes", "next": "/spaces/"})
    assert done["Location"] == "/spaces/"
    assert client.get("/spaces/").status_code == 200
    # Never shown again.
    again = client.get("/account/recovery-code/")
    assert again.status_code == 302
    assert code not in client.get("/", follow=True).content.decode()
    assert Keyring.objects.get(user__email="new@example.test").recovery_confirmed_at


def test_it_greets_a_new_member_by_the_name_they_gave(db: None) -> None:
    client = Client()
    sign_up(client, name="Robin")
    client.post("/account/recovery-code/", {"saved": "yes"})
    assert "Hello, Robin" in client.get("/").content.decode()


def test_it_keeps_what_was_typed_when_sign_up_fails(db: None) -> None:
    response = Client().post(
        "/accounts/signup/",
        {"name": "Robin", "email": "not-an-email", "password1": "short", "password2": "other"},
    )
    assert response.status_code == 200  # allauth re-renders the form
    page = response.content.decode()
    assert 'value="Robin"' in page and 'value="not-an-email"' in page
    assert "Enter a valid email address." in page
    assert 'aria-invalid="true"' in page


def test_it_never_stores_the_user_key_or_name_in_clear(world: World) -> None:
    ring = Keyring.objects.get(user=world.member.user)
    stored = b"".join(
        bytes(getattr(ring, f))
        for f in ("key_by_password", "key_by_recovery", "private_key_sealed", "name_sealed")
    )
    assert world.member.keychain.user_key not in stored
    assert b"Alex" not in stored


def test_it_unlocks_my_keys_when_i_sign_in(world: World) -> None:
    client = login(world.member)
    assert "Hello, Alex" in client.get("/").content.decode()
    assert any(c.startswith("hearth-unlock") for c in client.cookies)


def test_it_says_plainly_when_the_password_is_wrong(world: World) -> None:
    response = Client().post("/accounts/login/", {"login": world.member.email, "password": "nope"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )


def test_it_asks_me_to_sign_in_again_when_the_unlock_cookie_is_gone(world: World) -> None:
    client = login(world.member)
    client.cookies.pop("hearth-unlock")
    response = client.get("/spaces/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=%2Fspaces%2F")
    page = client.get(response["Location"]).content.decode()
    assert "please sign in again to unlock your space" in page
    assert client.get("/spaces/").status_code == 302  # signed out, not half-in


def test_it_keeps_my_data_readable_after_a_password_change(world: World) -> None:
    client = login(world.member)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert "Hello, Alex" in client.get("/").content.decode()
    fresh = login(world.member, password=NEW_PASSWORD)
    assert "Alex and Sam" in fresh.get("/").content.decode()
    assert (
        Client()
        .post("/accounts/login/", {"login": world.member.email, "password": PASSWORD})
        .status_code
        == 200
    )


def test_it_refuses_a_password_change_with_the_wrong_current_password(world: World) -> None:
    client = login(world.member)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Please type your current password." in response.content.decode()
    assert login(world.member).get("/").status_code == 200


def _reset_link(world: World, client: Client) -> str:
    """Ask for a reset email and open its link in ``client`` (allauth keeps the key
    in that browser's session)."""
    Client().post("/accounts/password/reset/", {"email": world.member.email})
    body = str(mail.outbox[-1].body)
    match = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", body)
    assert match, body
    response = client.get(match.group(1))
    link = response["Location"] if response.status_code == 302 else match.group(1)
    return link


def _private_note(world: World, text: str) -> Note:
    note = Note(owner=world.member.user, space=world.space.space)
    records.seal(note, world.member.keychain, title="t", body=text)
    note.save()
    return note


def _shared_note(world: World, text: str) -> Note:
    note = _private_note(world, text)
    records.share(note, world.member.keychain, access.space_key(world.space, world.member.keychain))
    note.save()
    return note


def test_it_restores_everything_after_a_reset_with_the_recovery_code(world: World) -> None:
    note = _private_note(world, "only mine")
    client = Client()
    link = _reset_link(world, client)
    response = client.post(
        link,
        {
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "recovery_code": world.member.recovery_code.lower(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:800]
    assert "Alex and Sam" in client.get("/", follow=True).content.decode()
    keys = Keychain(user_id=world.member.user.pk, user_key=world.member.keychain.user_key)
    assert records.reveal(Note.objects.get(pk=note.pk), keys).body == "only mine"


def test_it_refuses_a_wrong_recovery_code_and_keeps_the_form(world: World) -> None:
    client = Client()
    link = _reset_link(world, client)
    response = client.post(
        link,
        {
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "recovery_code": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "That recovery code doesn&#x27;t match this account." in page
    assert "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH" in page


def test_it_asks_before_resetting_without_the_recovery_code(world: World) -> None:
    client = Client()
    link = _reset_link(world, client)
    page = client.get(link).content.decode()
    assert "my private entries will stay locked for good" in page
    response = client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 200
    assert "Enter your recovery code, or tick the box below" in response.content.decode()


def test_it_starts_a_new_key_after_a_reset_without_the_code(world: World) -> None:
    private = _private_note(world, "a private line")
    shared = _shared_note(world, "a shared line")
    old_key = world.member.keychain.user_key
    client = Client()
    link = _reset_link(world, client)
    response = client.post(
        link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "start_without_code": "on"}
    )
    assert response.status_code == 302
    # A new recovery code comes first.
    page = client.get("/", follow=True).content.decode()
    assert re.search(r"<code>[A-Z0-9-]{39}</code>", page)
    client.post("/account/recovery-code/", {"saved": "yes"})
    # The space waits for its key.
    home = client.get("/").content.decode()
    assert "Waiting for your space key" in home
    # The partner visits; the space key is handed over.
    login(world.partner).get(f"/spaces/{world.space.space_id}/")
    assert "Alex and Sam" in client.get("/").content.decode()
    # Shared items come back; private ones stay locked.
    new_key = Keychain(user_id=world.member.user.pk, user_key=_unlock(world, NEW_PASSWORD).user_key)
    assert new_key.user_key != old_key
    membership = access.membership_get_for_member(world.member.user, world.space.space_id)
    space_key = access.space_key(membership, new_key)
    assert (
        records.reveal(Note.objects.get(pk=shared.pk), new_key, space_key).body == "a shared line"
    )
    try:
        records.reveal(Note.objects.get(pk=private.pk), new_key, space_key)
    except records.Locked:
        pass
    else:
        raise AssertionError("a private item opened without the old key")


def _unlock(world: World, password: str) -> Keychain:
    from hearth.vault import services

    return services.keyring_unlock(user=world.member.user, password=password).keychain


def test_it_throttles_failed_sign_ins_without_locking_the_owner_out(world: World) -> None:
    # The owner's own browser has signed in before.
    owner = login(world.member)
    owner.post("/accounts/logout/")
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(12):
        attacker.post("/accounts/login/", {"login": world.member.email, "password": "guess"})
    blocked = attacker.post("/accounts/login/", {"login": world.member.email, "password": PASSWORD})
    assert blocked.status_code in (200, 429)
    assert "Too many failed login attempts" in blocked.content.decode()
    back_in = owner.post("/accounts/login/", {"login": world.member.email, "password": PASSWORD})
    assert back_in.status_code == 302


def test_it_lists_my_sessions_and_signs_out_everywhere_else(world: World) -> None:
    phone = login(world.member, HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Firefox/130.0")
    laptop = login(
        world.member, HTTP_USER_AGENT="Mozilla/5.0 (Macintosh; Mac OS X 14) Safari/605.1"
    )
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Firefox on Android" in page and "Safari on Mac" in page and "this browser" in page
    response = laptop.post("/accounts/sessions/", {"action": "logout"})
    assert response.status_code == 302
    assert phone.get("/spaces/").status_code == 302
    assert laptop.get("/spaces/").status_code == 200


def test_it_quick_exits_by_ending_the_session_and_clearing_site_data(world: World) -> None:
    client = login(world.member)
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.wikipedia.org/"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert client.get("/spaces/").status_code == 302


def test_it_lets_me_rename_myself_and_keeps_bad_input(world: World) -> None:
    client = login(world.member)
    bad = client.post("/account/name/", {"name": "   "})
    assert bad.status_code == 400
    assert "This field is required." in bad.content.decode() or "Please tell us" in (
        bad.content.decode()
    )
    client.post("/account/name/", {"name": "Alexandra"})
    assert "Alexandra" in client.get("/account/").content.decode()


def test_it_keeps_account_pages_from_anonymous_visitors(anon_client: Client) -> None:
    for url in (
        "/account/",
        "/account/name/",
        "/account/recovery-code/",
        "/accounts/sessions/",
        "/accounts/password/change/",
    ):
        response = anon_client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_it_refuses_the_wrong_method_on_account_pages(world: World) -> None:
    client = login(world.member)
    assert client.post("/account/").status_code == 405
    assert client.post("/exit/").status_code == 405
    assert client.delete("/account/name/").status_code == 405


def test_it_sends_reset_emails_in_hearth_s_name_with_no_content(world: World) -> None:
    Client().post("/accounts/password/reset/", {"email": world.member.email})
    message = mail.outbox[-1]
    assert message.subject.startswith("Hearth: ")
    assert "example.com" not in message.body
    assert "Alex and Sam" not in message.body


def test_it_never_sends_a_reset_link_to_an_address_added_on_my_phone(world: World) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=world.member.user, email="taker@example.test", verified=False, primary=False
    )
    mail.outbox.clear()
    Client().post("/accounts/password/reset/", {"email": "taker@example.test"})
    assert not [m for m in mail.outbox if "taker@example.test" in m.to and "reset" in m.body]


def test_it_asks_for_my_password_again_before_changing_my_email(
    world: World, settings: Any
) -> None:
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    client = login(world.member)
    response = client.post("/accounts/email/", {"email": "taker@example.test", "action_add": ""})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    from allauth.account.models import EmailAddress

    assert not EmailAddress.objects.filter(email="taker@example.test").exists()
