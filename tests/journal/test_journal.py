"""The journal: private entries, shared only on purpose, unshared at once."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

from django.db import connection
from django.http.response import HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.core import prompts
from hearth.journal import services, today
from hearth.journal.models import Entry
from hearth.spaces.context import Here, here_for_membership
from hearth.spaces.models import Membership
from tests.conftest import World, login, make_person


def text(response: HttpResponseBase) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    return unescape(content.decode())


def member(world: World) -> Here:
    return here_for_membership(Membership.objects.get(pk=world.space.pk), world.member.keychain)


def partner(world: World) -> Here:
    return here_for_membership(
        Membership.objects.get(pk=world.partner_membership.pk), world.partner.keychain
    )


def write(world: World, body: str = "A private thought", **extra: object) -> Entry:
    values: dict[str, object] = {"title": "", "day": timezone.localdate(), **extra}
    return services.entry_write(here=member(world), body=body, **values)  # type: ignore[arg-type]


def url(entry: Entry, action: str = "") -> str:
    return f"/journal/{entry.pk}/{action + '/' if action else ''}"


# --- writing --------------------------------------------------------------------


def test_it_suggests_a_prompt_and_another_on_request(member_client: Client, world: World) -> None:
    page = text(member_client.get("/journal/new/"))
    shown = prompts.suggest(timezone.localdate(), str(world.member.user.pk))
    assert shown.text in page
    assert "Another prompt" in page and "?n=1" in page
    other = text(member_client.get("/journal/new/?n=1"))
    assert shown.text not in other
    assert prompts.suggest(timezone.localdate(), str(world.member.user.pk), 1).text in other
    assert member_client.get("/journal/new/?n=zzz").status_code == 200


def test_it_writes_an_entry_from_a_prompt(member_client: Client, world: World) -> None:
    prompt = prompts.get("boundary-kept")
    page = text(member_client.get(f"/journal/new/?prompt={prompt.id}"))
    assert prompt.text in page
    assert 'value="boundary-kept"' in page
    response = member_client.post(
        "/journal/new/",
        {
            "prompt_id": prompt.id,
            "day": timezone.localdate().isoformat(),
            "title": "Saying no",
            "body": "I said no to the extra shift and slept well.",
        },
        follow=True,
    )
    page = text(response)
    assert "Saved. Only you can read this entry." in page
    assert "<h1>Saying no</h1>" in page
    assert "I said no to the extra shift" in page
    assert prompt.text in page
    entry = Entry.objects.get()
    assert entry.prompt_id == "boundary-kept" and not entry.is_shared


def test_it_lists_my_entries_newest_day_first(member_client: Client, world: World) -> None:
    today_ = timezone.localdate()
    write(world, "Written about last week", title="Older", day=today_ - timedelta(days=7))
    write(world, "Written about today", title="Newer", day=today_)
    page = text(member_client.get("/journal/"))
    assert page.index("Newer") < page.index("Older")


def test_it_allows_back_dating_but_not_the_future(member_client: Client, world: World) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = member_client.post(
        "/journal/new/", {"day": tomorrow, "title": "Ahead", "body": "Tomorrow's thoughts"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "not a future one" in page
    assert f'value="{tomorrow}"' in page
    assert 'value="Ahead"' in page and "Tomorrow's thoughts</textarea>" in page
    assert not Entry.objects.exists()
    past = "2019-05-04"
    response = member_client.post("/journal/new/", {"day": past, "body": "Looking back"})
    assert response.status_code == 302
    assert Entry.objects.get().day == date(2019, 5, 4)


def test_it_keeps_what_i_typed_when_the_entry_is_incomplete(member_client: Client) -> None:
    response = member_client.post(
        "/journal/new/", {"day": "not a date", "title": "Kept title", "body": ""}
    )
    assert response.status_code == 400
    page = text(response)
    assert "Please write something first." in page
    assert "Please give a date such as" in page
    assert 'value="Kept title"' in page


def test_it_refuses_a_future_day_in_the_service_too(world: World) -> None:
    try:
        write(world, day=timezone.localdate() + timedelta(days=2))
    except services.JournalError as exc:
        assert "not a future one" in str(exc)
    else:
        raise AssertionError("a future day was accepted")


# --- privacy and sharing ----------------------------------------------------------


def test_it_hides_my_entry_from_my_partner_until_i_share_it(
    member_client: Client, partner_client: Client, world: World
) -> None:
    entry = write(world, "What I want to tell Sam one day", title="For later")
    assert partner_client.get(url(entry)).status_code == 404
    assert "For later" not in text(partner_client.get("/journal/shared/"))

    confirm = text(member_client.get(url(entry, "share")))
    assert "Sam</strong> will be able to read this entry" in confirm
    assert "make it private again at any time" in confirm
    assert Entry.objects.get().key_for_space is None  # asking is not sharing

    response = member_client.post(url(entry, "share"), follow=True)
    assert "Shared with Sam." in text(response)
    page = text(partner_client.get(url(entry)))
    assert "What I want to tell Sam one day" in page and "Alex" in page
    assert "For later" in text(partner_client.get("/journal/shared/"))

    response = member_client.post(url(entry, "unshare"), follow=True)
    assert "private again" in text(response)
    assert partner_client.get(url(entry)).status_code == 404
    assert "For later" not in text(partner_client.get("/journal/shared/"))


def test_it_keeps_the_history_of_a_shared_entry_for_members(
    member_client: Client, partner_client: Client, world: World
) -> None:
    entry = write(world, "First wording", title="Draft")
    services.entry_share(here=member(world), entry=entry)
    response = member_client.post(
        url(entry, "edit"),
        {"day": entry.day.isoformat(), "title": "Better", "body": "Second wording"},
    )
    assert response.status_code == 302
    page = text(partner_client.get(url(entry)))
    assert "Second wording" in page
    assert "Earlier versions" in page and "First wording" in page and "Draft" in page


def test_it_rewrites_a_private_entry_without_keeping_the_draft(
    member_client: Client, world: World
) -> None:
    entry = write(world, "Raw first draft")
    member_client.post(url(entry, "edit"), {"day": entry.day.isoformat(), "body": "Calmer"})
    page = text(member_client.get(url(entry)))
    assert "Calmer" in page and "Raw first draft" not in page
    assert "Earlier versions" not in page


def test_it_keeps_my_edit_when_it_is_wrong(member_client: Client, world: World) -> None:
    entry = write(world, "Original")
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = member_client.post(url(entry, "edit"), {"day": future, "body": "Changed words"})
    assert response.status_code == 400
    assert "Changed words</textarea>" in text(response)
    assert "Original" in text(member_client.get(url(entry)))


def test_it_lets_only_the_author_change_an_entry(partner_client: Client, world: World) -> None:
    entry = write(world, "Shared thought")
    services.entry_share(here=member(world), entry=entry)
    assert partner_client.get(url(entry)).status_code == 200
    for action in ("edit", "share", "delete"):
        assert partner_client.get(url(entry, action)).status_code == 404
        assert (
            partner_client.post(url(entry, action), {"body": "x", "day": "2020-01-01"}).status_code
            == 404
        )
    assert partner_client.post(url(entry, "unshare")).status_code == 404
    assert Entry.objects.get().is_shared


def test_it_deletes_my_entry_after_asking(
    member_client: Client, partner_client: Client, world: World
) -> None:
    entry = write(world, "Soon gone", title="Temporary")
    services.entry_share(here=member(world), entry=entry)
    confirm = text(member_client.get(url(entry, "delete")))
    assert "This cannot be undone." in confirm and "members it is shared with" in confirm
    assert Entry.objects.exists()
    response = member_client.post(url(entry, "delete"), follow=True)
    assert "The entry is deleted." in text(response)
    assert not Entry.objects.exists()
    assert partner_client.get(url(entry)).status_code == 404


def test_it_hides_entries_from_an_outsider(outsider_client: Client, world: World) -> None:
    entry = write(world, "Not for Riley")
    services.entry_share(here=member(world), entry=entry)
    for action in ("", "edit", "share", "delete"):
        assert outsider_client.get(url(entry, action)).status_code == 404
    assert outsider_client.post(url(entry, "unshare")).status_code == 404
    assert "Not for Riley" not in text(outsider_client.get("/journal/shared/"))
    assert "Not for Riley" not in text(outsider_client.get("/journal/"))


def test_it_answers_an_unknown_entry_with_404(member_client: Client) -> None:
    assert member_client.get("/journal/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    entry = write(world)
    urls = ["/journal/", "/journal/new/", "/journal/shared/"]
    urls += [url(entry, a) for a in ("", "edit", "share", "delete")]
    for address in urls:
        response = anon_client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/accounts/login/")
    assert anon_client.post(url(entry, "unshare"))["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    entry = write(world)
    assert member_client.post("/journal/").status_code == 405
    assert member_client.post("/journal/shared/").status_code == 405
    assert member_client.put("/journal/new/").status_code == 405
    assert member_client.post(url(entry)).status_code == 405
    assert member_client.get(url(entry, "unshare")).status_code == 405
    assert member_client.put(url(entry, "edit")).status_code == 405
    assert member_client.delete(url(entry, "delete")).status_code == 405


# --- lists cost the same with one entry or many -----------------------------------


def test_it_lists_my_journal_with_a_fixed_number_of_queries(world: World) -> None:
    client = login(world.member)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/journal/").status_code == 200
        return len(queries)

    write(world, "one")
    baseline = count()
    for i in range(14):
        write(world, f"entry {i}", title=f"Title {i}")
    assert count() == baseline
    assert "Page 1 of 2" in text(client.get("/journal/"))


def test_it_lists_shared_entries_with_a_fixed_number_of_queries(world: World) -> None:
    client = login(world.partner)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/journal/shared/").status_code == 200
        return len(queries)

    services.entry_share(here=member(world), entry=write(world, "first shared"))
    baseline = count()
    for i in range(12):
        services.entry_share(here=member(world), entry=write(world, f"shared {i}"))
    assert count() == baseline


# --- the Today page -------------------------------------------------------------


def test_it_never_asks_anything_of_me(world: World) -> None:
    assert today.due(member(world), timezone.localdate()) == []


def test_it_shows_a_moment_when_someone_shares(world: World) -> None:
    entry = write(world, "hello")
    assert today.moments(partner(world), 5) == []
    services.entry_share(here=member(world), entry=entry)
    moments = today.moments(partner(world), 5)
    assert [m.text for m in moments] == ["Alex shared a journal entry"]
    assert moments[0].url == url(entry)
    services.entry_unshare(here=member(world), entry=entry)
    assert today.moments(partner(world), 5) == []


def test_it_finds_moments_in_a_fixed_number_of_queries(world: World) -> None:
    def count() -> int:
        here = partner(world)
        with CaptureQueriesContext(connection) as queries:
            today.moments(here, 5)
        return len(queries)

    services.entry_share(here=member(world), entry=write(world, "a"))
    baseline = count()
    for i in range(6):
        services.entry_share(here=member(world), entry=write(world, f"b{i}"))
    assert count() == baseline


# --- at rest --------------------------------------------------------------------


def test_it_stores_entries_only_as_ciphertext(member_client: Client, world: World) -> None:
    member_client.post(
        "/journal/new/",
        {
            "prompt_id": "feeling-weather",
            "day": timezone.localdate().isoformat(),
            "title": "CANARY-title-19af",
            "body": "CANARY-body-8c2e",
        },
    )
    entry = Entry.objects.get()
    member_client.post(url(entry, "share"))
    member_client.post(
        url(entry, "edit"),
        {
            "day": entry.day.isoformat(),
            "title": "CANARY-title-2-5d0b",
            "body": "CANARY-body-2-e71a",
        },
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, body, prompt, prompt_id FROM journal_entry")
        raw = b"".join(
            v.encode() if isinstance(v, str) else bytes(v) for row in cursor.fetchall() for v in row
        )
        cursor.execute("SELECT sealed FROM vault_revision")
        raw += b"".join(bytes(row[0]) for row in cursor.fetchall())
    assert b"feeling-weather" in raw  # the prompt's id is kept in clear, by design
    for canary in (
        "CANARY-title-19af",
        "CANARY-body-8c2e",
        "CANARY-title-2-5d0b",
        "CANARY-body-2-e71a",
    ):
        assert canary.encode() not in raw
    assert prompts.get("feeling-weather").text.encode() not in raw
    assert re.search(rb"CANARY", raw) is None


def test_it_sends_someone_without_a_space_home_first(db: None) -> None:
    client = login(make_person("solo@example.test", "Solo"))
    for address in ("/journal/", "/journal/new/", "/questions/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"] == "/"
