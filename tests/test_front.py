"""The web app's base: first-run page, layout, quick exit, headers."""

from __future__ import annotations

import re

from django.test import Client

from tests.conftest import World, login


def test_it_tells_a_first_visitor_what_hearth_is(anon_client: Client) -> None:
    page = anon_client.get("/").content.decode()
    assert "grow trust" in page
    assert 'href="/accounts/signup/"' in page and 'href="/accounts/login/"' in page


def test_it_puts_the_quick_exit_first_in_the_tab_order(anon_client: Client, world: World) -> None:
    for client in (anon_client, login(world.member)):
        for url in ("/", "/accounts/login/", "/spaces/"):
            page = client.get(url, follow=True).content.decode()
            body = page.split("<body", 1)[1]
            first = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body)
            assert first is not None
            assert 'id="quick-exit"' in first.group(0), (url, first.group(0))


def test_it_sends_a_strict_content_security_policy(anon_client: Client) -> None:
    response = anon_client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    page = response.content.decode()
    # No inline script or style anywhere: every <script> has a src.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "<style" not in page and " style=" not in page


def test_it_never_lets_a_private_page_be_cached(world: World) -> None:
    response = login(world.member).get("/")
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_it_serves_its_own_pinned_scripts_and_styles(anon_client: Client) -> None:
    page = anon_client.get("/").content.decode()
    srcs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert srcs and all(s.startswith("/static/") for s in srcs), srcs
    assert "/static/django_htmx/htmx-2.min.js" in srcs


def test_it_greets_a_member_without_a_space_with_a_way_to_start(db: None) -> None:
    from tests.conftest import make_person

    person = make_person("solo@example.test", "Solo")
    page = login(person).get("/").content.decode()
    assert "Hello, Solo" in page
    assert "Create a space" in page


def test_it_shows_my_current_space_on_the_home_page(world: World) -> None:
    page = login(world.partner).get("/").content.decode()
    assert "Hello, Sam" in page
    assert "Alex and Sam" in page and "Alex" in page


def test_it_refuses_the_wrong_method_on_front_pages(anon_client: Client) -> None:
    assert anon_client.post("/").status_code in (403, 405)  # CSRF refuses first
    assert Client(enforce_csrf_checks=False).delete("/").status_code == 405


def test_it_answers_unknown_pages_with_404(anon_client: Client) -> None:
    assert anon_client.get("/nowhere/").status_code == 404


def test_it_redacts_invitation_tokens_from_logs() -> None:
    from hearth.front.logs import redact

    assert redact("Not Found: /join/abcDEF123_-xyz/") == "Not Found: /join/[redacted]/"
    assert redact("Not Found: /rituals/feed/abc-DEF_9.ics") == (
        "Not Found: /rituals/feed/[redacted].ics"
    )


def test_it_shows_today_with_a_fixed_number_of_queries(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hearth.spaces import services

    client = login(world.member)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    baseline = count()
    for i in range(3):
        services.space_create(
            user=world.member.user,
            keychain=world.member.keychain,
            kind="other",
            name=f"Extra {i}",
            member_name="Alex",
        )
    assert count() == baseline


def test_it_lists_every_section_on_the_more_page(world: World) -> None:
    page = login(world.member).get("/more/").content.decode()
    for href in (
        "/checkins/",
        "/questions/",
        "/appreciations/",
        "/journal/",
        "/promises/",
        "/boundaries/",
        "/rituals/",
        "/coach/",
        "/spaces/",
        "/account/",
    ):
        assert f'href="{href}"' in page, href


def test_it_pages_through_older_moments_without_error(world: World) -> None:
    client = login(world.member)
    assert client.get("/?page=2").status_code == 200
    assert client.get("/?page=abc").status_code == 200


def test_it_refuses_far_away_dates_with_a_clear_word_not_a_500(world: World) -> None:
    client = login(world.member)
    assert client.get("/checkins/day/0001-01-01/").status_code == 404
    assert client.get("/checkins/day/1999-12-31/").status_code == 404
    ritual = client.post(
        "/rituals/new/",
        {
            "kind": "date_night",
            "title": "Far away",
            "what": "",
            "frequency": "monthly",
            "weekday": "5",
            "week_of_month": "1",
            "start_time": "19:00",
            "minutes": "90",
            "starts_on": "9999-12-01",
            "time_zone": "UTC",
        },
    )
    assert ritual.status_code == 400
    assert "Please choose a day between" in ritual.content.decode()
    assert client.get("/rituals/").status_code == 200
    promise = client.post(
        "/promises/new/",
        {"what": "Someday", "to": str(world.partner.user.pk), "due_date": "9999-12-31"},
    )
    assert promise.status_code == 400
    assert "Please choose a day between" in promise.content.decode()


def test_it_keeps_what_members_wrote_out_of_page_titles(world: World) -> None:
    """Titles land in browser history, tabs and bookmarks on a shared device."""
    client = login(world.member)
    for url in (
        "/",
        "/spaces/",
        f"/spaces/{world.space.space_id}/",
        f"/spaces/{world.space.space_id}/leave/",
    ):
        page = client.get(url).content.decode()
        title = page.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "Alex" not in title and "Sam" not in title, (url, title)
