"""The check-in meeting's agenda: four sections, filled in together."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.rituals import services
from hearth.rituals.models import AgendaItem, Ritual
from hearth.spaces.context import Here
from tests.conftest import World
from tests.rituals.conftest import iso


def agenda_url(meeting: Ritual, days: int = 0) -> str:
    return f"/rituals/{meeting.pk}/{iso(timezone.localdate() + timedelta(days=days))}/agenda/"


def add(here: Here, meeting: Ritual, section: str, body: str, days: int = 0) -> AgendaItem:
    return services.agenda_item_add(
        here=here,
        ritual=meeting,
        on=timezone.localdate() + timedelta(days=days),
        section=section,
        body=body,
    )


def test_it_shows_the_four_sections_in_order_with_who_added_what(
    member_client: Client, partner_client: Client, meeting: Ritual
) -> None:
    url = agenda_url(meeting, 7)
    r = member_client.post(url, {"section": "plans", "body": "Book the train"})
    assert r.status_code == 302
    partner_client.post(url, {"section": "appreciation", "body": "Thanks for the soup"})
    partner_client.post(url, {"section": "topic", "body": "Holidays with family"})
    member_client.post(url, {"section": "went_well", "body": "Quiet Sunday"})
    page = member_client.get(url).content.decode()
    order = [
        page.index(f'id="section-{s}"') for s in ("appreciation", "went_well", "topic", "plans")
    ]
    assert order == sorted(order)
    appreciation = page.split('id="section-appreciation"')[1].split('id="section-went_well"')[0]
    assert "Thanks for the soup" in appreciation and "Sam" in appreciation
    assert "Edit" not in appreciation  # not mine
    plans = page.split('id="section-plans"')[1].split('id="add"')[0]
    assert "Book the train" in plans and "Alex (you)" in plans and "Edit" in plans
    assert "Holidays with family" in page.split('id="section-topic"')[1]


def test_it_keeps_one_topic_per_meeting(
    member_client: Client, partner_here: Here, meeting: Ritual
) -> None:
    add(partner_here, meeting, "topic", "Money this month")
    response = member_client.post(agenda_url(meeting), {"section": "topic", "body": "My topic"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "already has its one topic" in page
    assert "My topic" in page  # what I typed is kept
    assert AgendaItem.objects.filter(section="topic").count() == 1


def test_it_keeps_what_i_typed_when_an_item_is_wrong(
    member_client: Client, meeting: Ritual
) -> None:
    response = member_client.post(agenda_url(meeting), {"section": "gossip", "body": "Kept words"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert "Kept words" in response.content.decode()
    response = member_client.post(agenda_url(meeting), {"section": "plans", "body": "   "})
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


def test_it_lets_me_edit_my_item_and_keeps_the_earlier_words(
    member_client: Client, partner_client: Client, member_here: Here, meeting: Ritual
) -> None:
    item = add(member_here, meeting, "plans", "Call the plumber")
    url = f"{agenda_url(meeting)}{item.pk}/"
    assert "Call the plumber" in member_client.get(url).content.decode()
    response = member_client.post(url, {"body": "Call the plumber on Monday"}, follow=True)
    page = response.content.decode()
    assert "Call the plumber on Monday" in page and "edited" in page
    history = member_client.get(url).content.decode().split('id="history"')[1]
    assert "Call the plumber</li>" in history
    # The partner sees the edit on the agenda.
    assert "Call the plumber on Monday" in partner_client.get(agenda_url(meeting)).content.decode()


def test_it_keeps_what_i_typed_when_an_edit_is_empty(
    member_client: Client, member_here: Here, meeting: Ritual
) -> None:
    item = add(member_here, meeting, "plans", "Call the plumber")
    response = member_client.post(f"{agenda_url(meeting)}{item.pk}/", {"body": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_it_lets_me_remove_only_my_own_items(
    member_client: Client, partner_client: Client, member_here: Here, meeting: Ritual
) -> None:
    item = add(member_here, meeting, "appreciation", "Thanks for Tuesday")
    base = f"{agenda_url(meeting)}{item.pk}/"
    assert partner_client.get(base).status_code == 404
    assert partner_client.post(base, {"body": "rewritten"}).status_code == 404
    assert partner_client.post(f"{base}remove/").status_code == 404
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    response = member_client.post(f"{base}remove/", follow=True)
    assert "Your item is removed" in response.content.decode()
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_it_has_no_agenda_for_other_rituals_or_dates(
    member_client: Client, date_night: Ritual, meeting: Ritual
) -> None:
    assert member_client.get(agenda_url(date_night)).status_code == 404
    assert member_client.get(agenda_url(meeting, 1)).status_code == 404
    assert (
        member_client.post(agenda_url(meeting, 1), {"section": "plans", "body": "x"}).status_code
        == 404
    )


def test_it_guards_the_agenda(
    anon_client: Client,
    outsider_client: Client,
    member_client: Client,
    member_here: Here,
    meeting: Ritual,
) -> None:
    item = add(member_here, meeting, "plans", "Paint the hall")
    urls = [agenda_url(meeting), f"{agenda_url(meeting)}{item.pk}/"]
    for url in urls:
        assert anon_client.get(url)["Location"].startswith("/accounts/login/")
        assert outsider_client.get(url).status_code == 404
        assert outsider_client.post(url, {"section": "plans", "body": "x"}).status_code == 404
    assert outsider_client.post(f"{urls[1]}remove/").status_code == 404
    assert member_client.get(f"{urls[1]}remove/").status_code == 405
    assert member_client.put(urls[0]).status_code == 405
    assert AgendaItem.objects.count() == 1


def test_it_shows_the_agenda_with_a_fixed_number_of_queries(
    member_client: Client, member_here: Here, partner_here: Here, meeting: Ritual
) -> None:
    add(member_here, meeting, "appreciation", "First thanks")
    item = add(partner_here, meeting, "plans", "First plan")
    services.agenda_item_edit(here=partner_here, item=item, body="First plan, edited")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get(agenda_url(meeting)).status_code == 200
        return len(queries)

    baseline = count()
    for i in range(5):
        extra = add(member_here if i % 2 else partner_here, meeting, "went_well", f"Good {i}")
        services.agenda_item_edit(
            here=member_here if i % 2 else partner_here, item=extra, body=f"Good {i}!"
        )
    assert count() == baseline
    assert "Good 4!" in member_client.get(agenda_url(meeting)).content.decode()


def test_it_seals_agenda_items(member_client: Client, world: World, meeting: Ritual) -> None:
    member_client.post(agenda_url(meeting), {"section": "topic", "body": "CANARY-topic-4e1f"})
    item = AgendaItem.objects.get()
    member_client.post(f"{agenda_url(meeting)}{item.pk}/", {"body": "CANARY-topic-edit-88a0"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM rituals_agendaitem")
        raw = b"".join(bytes(row[0]) for row in cursor.fetchall())
        cursor.execute("SELECT sealed FROM vault_revision")
        raw += b"".join(bytes(row[0]) for row in cursor.fetchall())
    assert raw
    assert b"CANARY-topic" not in raw
