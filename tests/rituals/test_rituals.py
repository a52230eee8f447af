"""Rituals: plan one, see it, change it with history, pause it, mark its times."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.rituals import services
from hearth.rituals.models import Occurrence, Ritual
from hearth.spaces import services as space_services
from hearth.spaces.context import Here
from tests.conftest import World
from tests.rituals.conftest import iso, plan


def form_data(**overrides: str) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        "kind": "date_night",
        "title": "Dinner by the river",
        "what": "Just the two of us",
        "frequency": "fortnightly",
        "weekday": str(today.weekday()),
        "week_of_month": "",
        "start_time": "19:30",
        "minutes": "120",
        "starts_on": iso(today),
        "time_zone": "Europe/Berlin",
    }
    data.update(overrides)
    return data


def ritual_urls(ritual: Ritual, on: date) -> list[str]:
    base = f"/rituals/{ritual.pk}/"
    return [base, f"{base}edit/", f"{base}{iso(on)}/"]


# --- planning ----------------------------------------------------------------------


def test_it_plans_a_ritual_that_both_members_see(
    member_client: Client, partner_client: Client, world: World
) -> None:
    response = member_client.post("/rituals/new/", form_data(), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Dinner by the river</h1>" in page
    assert "Every other " in page and "at 19:30, for 2 hours" in page
    assert "Europe/Berlin" in page
    ritual = Ritual.objects.get()
    assert ritual.is_shared and ritual.owner_id == world.member.user.pk
    listing = partner_client.get("/rituals/").content.decode()
    assert "Dinner by the river" in listing
    assert "Every other" in listing


def test_it_plans_a_monthly_ritual_on_the_nth_weekday(member_client: Client) -> None:
    response = member_client.post(
        "/rituals/new/",
        form_data(kind="walk", frequency="monthly", weekday="6", week_of_month="-1"),
        follow=True,
    )
    assert "On the last Sunday of each month at 19:30" in response.content.decode()
    ritual = Ritual.objects.get()
    assert ritual.first_date.weekday() == 6
    assert (ritual.first_date + timedelta(days=7)).month != ritual.first_date.month


def test_it_keeps_what_i_typed_when_the_ritual_form_is_wrong(member_client: Client) -> None:
    response = member_client.post(
        "/rituals/new/",
        form_data(title="Our long walk", frequency="monthly", minutes="2", time_zone="Nowhere"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please choose which week of the month." in page
    assert "greater than or equal to 5" in page
    assert 'value="Our long walk"' in page
    assert "Just the two of us" in page
    assert Ritual.objects.count() == 0


def test_it_offers_the_kind_asked_for(member_client: Client) -> None:
    page = member_client.get("/rituals/new/?kind=meeting").content.decode()
    assert 'value="meeting" id="id_kind_2" checked' in page or (
        'value="meeting"' in page and "checked" in page.split('value="meeting"')[1][:40]
    )


# --- seeing a ritual -------------------------------------------------------------------


def test_it_shows_the_schedule_and_the_next_and_recent_times(
    partner_client: Client, date_night: Ritual
) -> None:
    page = partner_client.get(f"/rituals/{date_night.pk}/").content.decode()
    assert "<h1>Friday dinner</h1>" in page
    assert "Somewhere new each time" in page
    assert "at 19:30, for 2 hours" in page
    assert "Planned by</dt><dd>Alex" in page
    upcoming = page.split('id="upcoming"')[1].split("</ul>")[0]
    assert upcoming.count("<li") == 5
    recent = page.split('id="recent"')[1].split("</ul>")[0]
    assert recent.count("<li") == 6
    assert "Today, 19:30" in recent
    assert "streak" not in page.lower()


def test_it_marks_a_time_done_and_says_who(
    member_client: Client, partner_client: Client, world: World, date_night: Ritual
) -> None:
    last_week = timezone.localdate() - timedelta(days=7)
    url = f"/rituals/{date_night.pk}/{iso(last_week)}/"
    response = partner_client.post(url, {"status": "done", "note": ""}, follow=True)
    assert response.status_code == 200
    page = member_client.get(f"/rituals/{date_night.pk}/").content.decode()
    assert 'Done</span> <span class="small">(marked by Sam)' in page
    mark = Occurrence.objects.get(ritual=date_night, on=last_week)
    assert mark.status == "done"
    assert mark.marked_by_id == world.partner.user.pk
    assert mark.is_shared


def test_it_lets_a_time_be_skipped_without_guilt(
    member_client: Client, partner_client: Client, date_night: Ritual
) -> None:
    next_week = timezone.localdate() + timedelta(days=7)
    response = member_client.post(
        f"/rituals/{date_night.pk}/{iso(next_week)}/",
        {"status": "skipped", "note": "Visiting my mum that weekend"},
    )
    assert response.status_code == 302
    page = partner_client.get(f"/rituals/{date_night.pk}/").content.decode()
    assert "Skipped this time" in page
    assert "Visiting my mum that weekend" in page
    for word in ("missed", "streak", "failed"):
        assert word not in page.lower()


def test_it_keeps_earlier_marks_when_a_mark_changes(
    member_client: Client, partner_client: Client, date_night: Ritual
) -> None:
    today = iso(timezone.localdate())
    member_client.post(f"/rituals/{date_night.pk}/{today}/", {"status": "skipped", "note": "Tired"})
    partner_client.post(f"/rituals/{date_night.pk}/{today}/", {"status": "done", "note": ""})
    page = member_client.get(f"/rituals/{date_night.pk}/{today}/").content.decode()
    assert 'Marked <span class="status status-done">Done</span> by Sam' in page
    assert "changed by Sam:</span> Skipped this time: Tired" in page
    assert Occurrence.objects.count() == 1


def test_it_refuses_to_mark_a_future_time_done(member_client: Client, date_night: Ritual) -> None:
    next_week = iso(timezone.localdate() + timedelta(days=7))
    response = member_client.post(
        f"/rituals/{date_night.pk}/{next_week}/", {"status": "done", "note": "early bird"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "A time can be marked done once it has come." in page
    assert "early bird" in page
    assert not Occurrence.objects.exists()


def test_it_answers_a_date_off_the_schedule_with_404(
    member_client: Client, date_night: Ritual
) -> None:
    tomorrow = iso(timezone.localdate() + timedelta(days=1))
    assert member_client.get(f"/rituals/{date_night.pk}/{tomorrow}/").status_code == 404
    assert (
        member_client.post(f"/rituals/{date_night.pk}/{tomorrow}/", {"status": "done"}).status_code
        == 404
    )
    assert member_client.get(f"/rituals/{date_night.pk}/2025-02-30/").status_code == 404
    assert member_client.get(f"/rituals/{date_night.pk}/soon/").status_code == 404
    long_ago = iso(date_night.first_date - timedelta(days=7))
    assert member_client.get(f"/rituals/{date_night.pk}/{long_ago}/").status_code == 404


def test_it_rejects_a_mark_without_a_status(member_client: Client, date_night: Ritual) -> None:
    today = iso(timezone.localdate())
    response = member_client.post(f"/rituals/{date_night.pk}/{today}/", {"note": "kept note"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert "kept note" in response.content.decode()


# --- changing and pausing -------------------------------------------------------------


def test_it_keeps_the_earlier_version_when_a_member_changes_a_ritual(
    member_client: Client, partner_client: Client, date_night: Ritual
) -> None:
    response = partner_client.post(
        f"/rituals/{date_night.pk}/edit/",
        form_data(title="Saturday dinner", frequency="weekly", start_time="20:00", time_zone="UTC"),
        follow=True,
    )
    page = response.content.decode()
    assert "<h1>Saturday dinner</h1>" in page
    history = page.split('id="history"')[1]
    assert "changed by Sam" in history
    assert "<strong>Friday dinner</strong>" in history
    assert "at 19:30, for 2 hours" in history
    ritual = Ritual.objects.get(pk=date_night.pk)
    assert ritual.start_time.strftime("%H:%M") == "20:00"
    assert ritual.frequency == "weekly"


def test_it_prefills_the_change_form(member_client: Client, date_night: Ritual) -> None:
    page = member_client.get(f"/rituals/{date_night.pk}/edit/").content.decode()
    assert 'value="Friday dinner"' in page
    assert 'value="19:30"' in page
    assert "Somewhere new each time" in page


def test_it_keeps_what_i_typed_when_a_change_is_wrong(
    member_client: Client, date_night: Ritual
) -> None:
    response = member_client.post(
        f"/rituals/{date_night.pk}/edit/", form_data(title="", what="A new idea")
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert "A new idea" in response.content.decode()


def test_it_pauses_and_resumes_a_ritual(member_client: Client, date_night: Ritual) -> None:
    response = member_client.post(f"/rituals/{date_night.pk}/pause/", follow=True)
    page = response.content.decode()
    assert "Paused." in page and "Pick it up again" in page
    assert 'id="upcoming"' not in page
    listing = member_client.get("/rituals/").content.decode()
    assert (
        'id="paused-rituals"' in listing
        and "Friday dinner" in listing.split('id="paused-rituals"')[1]
    )
    member_client.post(f"/rituals/{date_night.pk}/resume/")
    assert Ritual.objects.get(pk=date_night.pk).status == "active"
    page = member_client.get(f"/rituals/{date_night.pk}/").content.decode()
    assert "(paused)" in page.split('id="history"')[1]


# --- who may see what ---------------------------------------------------------------------


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, date_night: Ritual) -> None:
    today = timezone.localdate()
    for url in [
        "/rituals/",
        "/rituals/new/",
        "/rituals/calendar/",
        *ritual_urls(date_night, today),
    ]:
        response = anon_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/")
    for url in (f"/rituals/{date_night.pk}/pause/", f"/rituals/{date_night.pk}/resume/"):
        assert anon_client.post(url)["Location"].startswith("/accounts/login/")


def test_it_hides_every_ritual_page_from_an_outsider(
    outsider_client: Client, date_night: Ritual, meeting: Ritual
) -> None:
    today = timezone.localdate()
    for ritual in (date_night, meeting):
        for url in ritual_urls(ritual, today):
            assert outsider_client.get(url).status_code == 404, url
        for url in ritual_urls(ritual, today)[1:]:
            assert outsider_client.post(url, form_data()).status_code == 404, url
        for action in ("pause", "resume"):
            assert outsider_client.post(f"/rituals/{ritual.pk}/{action}/").status_code == 404
    assert outsider_client.get(f"/rituals/{meeting.pk}/{iso(today)}/agenda/").status_code == 404
    assert "Friday dinner" not in outsider_client.get("/rituals/").content.decode()
    assert Ritual.objects.get(pk=date_night.pk).status == "active"
    assert not Occurrence.objects.exists()


def test_it_answers_an_unknown_ritual_like_a_hidden_one(member_client: Client) -> None:
    assert member_client.get("/rituals/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert member_client.get("/rituals/not-a-uuid/").status_code == 404


def test_it_hides_a_ritual_whose_author_left_with_it(
    partner_client: Client, world: World, date_night: Ritual
) -> None:
    space_services.membership_leave(membership=world.space)
    assert partner_client.get(f"/rituals/{date_night.pk}/").status_code == 404
    assert "Friday dinner" not in partner_client.get("/rituals/").content.decode()


def test_it_refuses_the_wrong_method(member_client: Client, date_night: Ritual) -> None:
    base = f"/rituals/{date_night.pk}/"
    assert member_client.post("/rituals/").status_code == 405
    assert member_client.post(base).status_code == 405
    assert member_client.get(f"{base}pause/").status_code == 405
    assert member_client.get(f"{base}resume/").status_code == 405
    assert member_client.put("/rituals/new/").status_code == 405
    assert member_client.delete(f"{base}edit/").status_code == 405
    assert member_client.put(f"{base}{iso(timezone.localdate())}/").status_code == 405


# --- cost and privacy -----------------------------------------------------------------------


def test_it_lists_rituals_with_a_fixed_number_of_queries(
    member_client: Client, member_here: Here, partner_here: Here
) -> None:
    first = services.ritual_create(here=member_here, plan=plan())
    services.occurrence_mark(
        here=partner_here,
        ritual=first,
        on=timezone.localdate() + timedelta(days=7),
        status="skipped",
    )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get("/rituals/").status_code == 200
        return len(queries)

    baseline = count()
    for i in range(4):
        ritual = services.ritual_create(
            here=partner_here, plan=plan(title=f"Extra {i}", kind=Ritual.Kind.WALK)
        )
        services.occurrence_mark(
            here=member_here,
            ritual=ritual,
            on=timezone.localdate() + timedelta(days=7),
            status="skipped",
            note=f"note {i}",
        )
    services.ritual_pause(here=member_here, ritual=ritual)
    assert count() == baseline
    page = member_client.get("/rituals/").content.decode()
    assert "Extra 3" in page and "Skipped this time" in page


CANARIES = {
    "title": "CANARY-ritual-title-7f3a",
    "what": "CANARY-ritual-what-19cd",
    "note": "CANARY-skip-note-c0e1",
    "edited": "CANARY-ritual-title-edited-55b2",
}


def test_it_stores_only_ciphertext_for_what_members_write(
    member_client: Client, partner_client: Client
) -> None:
    member_client.post("/rituals/new/", form_data(title=CANARIES["title"], what=CANARIES["what"]))
    ritual = Ritual.objects.get()
    on = iso(ritual.first_date)
    response = partner_client.post(
        f"/rituals/{ritual.pk}/{on}/", {"status": "skipped", "note": CANARIES["note"]}
    )
    assert response.status_code == 302
    partner_client.post(f"/rituals/{ritual.pk}/edit/", form_data(title=CANARIES["edited"]))
    assert CANARIES["edited"] in member_client.get(f"/rituals/{ritual.pk}/").content.decode()
    with connection.cursor() as cursor:
        raw = b""
        for table in ("rituals_ritual", "rituals_occurrence", "vault_revision"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            raw += b"|".join(
                bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
                for row in cursor.fetchall()
                for v in row
            )
    assert len(raw) > 500
    for canary in CANARIES.values():
        assert canary.encode() not in raw
