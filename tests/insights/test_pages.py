"""My insights page, the weekly summary, the counsellor report and Today."""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.checkins import services as checkins
from hearth.checkins.services import Entry
from hearth.core import trust
from hearth.insights import charts, services, today
from hearth.insights.markers import Marker
from hearth.insights.models import InsightSettings, SharedSeries
from hearth.rituals import services as rituals
from hearth.rituals.models import Ritual
from tests.conftest import World, join_space, login, make_person
from tests.insights.conftest import at, check_in_days, member_here, partner_here, text

URLS = ("/insights/", "/insights/sharing/", "/insights/week/", "/insights/report/")


def charts_of(page: str) -> list[str]:
    return re.findall(r"<svg class=\"chart\".*?</svg>", page, flags=re.S)


# --- the page -------------------------------------------------------------------------


def test_it_shows_four_charts_with_summaries_and_tables(
    member_client: Client, world: World
) -> None:
    check_in_days(member_here(world), 30, rising=True)
    response = member_client.get("/insights/?weeks=4")
    assert response.status_code == 200
    page = text(response)
    svgs = charts_of(page)
    assert len(svgs) == 4
    for svg in svgs:
        assert svg.count('class="band"') == 1
        assert svg.count('class="line"') == 1
        assert 'stroke-dasharray="4 4"' in svg  # the dashed middle line
        assert 'role="img"' in svg and "aria-labelledby=" in svg
    assert "Your sense of being heard has risen over the last four weeks." in page
    assert "Being heard as a table" in page
    assert page.count("<details") == 5  # four dimensions and the balance
    assert 'aria-current="page">The last four weeks' in page
    assert "/promises/follow-through/" in page
    assert "this isn't a target or a score" in page


def test_it_starts_with_nothing_to_go_on(member_client: Client, world: World) -> None:
    page = text(member_client.get("/insights/"))
    assert page.count("There's nothing to go on yet for the last twelve weeks.") == 4
    assert 'aria-current="page">The last twelve weeks' in page


def test_it_draws_a_marker_where_a_ritual_began(member_client: Client, world: World) -> None:
    local = timezone.localdate()
    rituals.ritual_create(
        here=member_here(world),
        plan=rituals.Plan(
            kind=Ritual.Kind.WALK,
            title="Sunday walk",
            what="",
            frequency=Ritual.Frequency.WEEKLY,
            weekday=local.weekday(),
            week_of_month=None,
            start_time=time(10, 0),
            minutes=60,
            starts_on=local - timedelta(days=10),
            time_zone="UTC",
        ),
    )
    page = text(member_client.get("/insights/?weeks=4"))
    for svg in charts_of(page):
        assert svg.count('class="marker marker-ritual"') == 1
    assert "A ritual began: a walk together" in page
    assert "Sunday walk" not in page  # the title is the member's own words, kept off charts


def test_it_renders_the_svg_with_one_band_one_line_and_markers() -> None:
    start = timezone.localdate() - timedelta(days=27)
    points = trust.series(
        [trust.from_rating(start + timedelta(days=i), "heard", 6) for i in range(28)],
        "heard",
        start,
        start + timedelta(days=27),
    )
    svg = charts.series_svg(
        points,
        chart_id="c",
        title="Heard <&>",
        described_by="c-summary",
        markers=[
            Marker(start + timedelta(days=3), "ritual", "date night"),
            Marker(start, "timeout"),
        ],
    )
    assert svg.count("<path") == 2
    assert svg.count('class="band"') == 1 and svg.count('class="line"') == 1
    assert svg.count('class="marker marker-ritual"') == 1
    assert svg.count('class="marker marker-timeout"') == 1
    assert "Heard &lt;&amp;&gt;" in svg
    assert "style=" not in svg and "<script" not in svg
    assert len(re.findall(r'class="tick"[^>]*text-anchor="middle"', svg)) >= 4  # date ticks


def test_it_answers_bad_query_strings_without_failing(member_client: Client, world: World) -> None:
    for query in ("?weeks=abc", "?weeks=7", "?weeks=", "?weeks=-4", "?weeks=99999999999999999999"):
        response = member_client.get("/insights/" + query)
        assert response.status_code == 200
        assert 'aria-current="page">The last twelve weeks' in text(response)
    for query in ("?about=999", "?about=abc", f"?about={world.partner.user.pk}"):
        assert member_client.get("/insights/" + query).status_code == 404
    assert member_client.get("/insights/together/abc/").status_code == 404


def test_it_offers_a_series_about_each_member_in_a_bigger_space(world: World) -> None:
    third = make_person("kim@example.test", "Kim")
    join_space(world.space, world.member.keychain, third)
    here = member_here(world)
    sam, kim = world.partner.user.pk, third.user.pk
    check_in_days(
        here,
        14,
        ratings={str(sam): {"heard": 7}, str(kim): {"heard": 2}},
    )
    client = login(world.member)
    page = text(client.get("/insights/"))
    assert f"?weeks=12&about={kim}" in page and "About Kim" in page and "About everyone" in page
    about_kim = text(client.get(f"/insights/?about={kim}&weeks=4"))
    assert "about Kim" in about_kim
    assert "Your sense of being heard has eased over the last four weeks." in about_kim
    about_sam = text(client.get(f"/insights/?about={sam}&weeks=4"))
    assert "Your sense of being heard has risen over the last four weeks." in about_sam
    assert client.get("/insights/?about=999").status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    for url in (*URLS, f"/insights/together/{world.space.space_id}/"):
        response = anon_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    assert member_client.post("/insights/").status_code == 405
    assert member_client.post("/insights/week/").status_code == 405
    assert member_client.post(f"/insights/together/{world.space.space_id}/").status_code == 405
    assert member_client.put("/insights/sharing/").status_code == 405
    assert member_client.delete("/insights/report/").status_code == 405


def test_it_costs_the_same_queries_with_many_check_ins(world: World) -> None:
    here = member_here(world)
    client = login(world.member)
    check_in_days(here, 5)
    client.get("/insights/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/insights/?weeks=52").status_code == 200
    services.insight_settings_save(
        here=here, dimensions=["heard"], balance=True, summary_email=False
    )
    check_in_days(partner_here(world), 30)
    # 25 more days of mine, older than the first five.
    for n in range(5, 30):
        day = timezone.localdate() - timedelta(days=n)
        checkins.checkin_save(
            here=here,
            day=day,
            entry=Entry(pleasantness=1, energy=1, words=["calm"], ratings={"heard": 4}),
            share=set(),
            when=at(day),
        )
    client.get("/insights/")  # the shared copy is refreshed at most once a day
    with CaptureQueriesContext(connection) as many:
        assert client.get("/insights/?weeks=52").status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


# --- the weekly summary and Today -------------------------------------------------------


def test_it_puts_last_week_into_words(member_client: Client, world: World) -> None:
    check_in_days(member_here(world), 20, rising=True)
    response = member_client.get("/insights/week/")
    assert response.status_code == 200
    page = text(response)
    for heading in ("Reliability", "Being heard", "Safe to be myself", "Respect"):
        assert f"<dt>{heading}</dt>" in page
    assert re.search(r"<dd>(Rose|Rose a little|Held steady|A first reading this week)\.</dd>", page)
    assert "No moments were noted last week." in page


def test_it_offers_the_weekly_summary_on_today_once_a_week(world: World) -> None:
    here = member_here(world)
    local = timezone.localdate()
    assert today.due(here, local) == []  # nothing to sum up in the first week
    next_week = local + timedelta(days=7)
    (item,) = today.due(here, next_week)
    assert item.title == "Your weekly summary is ready"
    assert item.url == "/insights/week/"
    services.insight_summary_seen(here=here, when=at(next_week))
    assert today.due(here, next_week) == []
    assert len(today.due(here, next_week + timedelta(days=7))) == 1
    assert today.moments(here, 10) == []


def test_it_asks_today_a_fixed_number_of_queries(world: World) -> None:
    here = member_here(world)
    with CaptureQueriesContext(connection) as queries:
        today.due(here, timezone.localdate() + timedelta(days=7))
    assert len(queries) == 1


def test_it_stops_offering_the_summary_once_opened(member_client: Client, world: World) -> None:
    member_client.get("/insights/week/")
    seen = InsightSettings.objects.get(owner=world.member.user).summary_seen_on
    assert seen == timezone.localdate()


# --- the report for a counsellor -----------------------------------------------------


def test_it_prints_exactly_what_i_ticked(member_client: Client, world: World) -> None:
    check_in_days(member_here(world), 14)
    form = text(member_client.get("/insights/report/"))
    assert "A note for your counsellor (optional)" in form
    before = (InsightSettings.objects.count(), SharedSeries.objects.count())
    response = member_client.post(
        "/insights/report/",
        {"dimensions": ["heard"], "weeks": "4", "balance": "on", "note": "Canary-note-for-Dr-K"},
    )
    assert response.status_code == 200
    page = text(response)
    assert "Alex: my own sense of trust" in page
    assert "Canary-note-for-Dr-K" in page
    assert len(charts_of(page)) == 1 and "Being heard" in page
    assert "Respect" not in page and "Reliability" not in page
    assert "Warm and hard moments" in page
    assert "insights/insights.css" in page
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert (InsightSettings.objects.count(), SharedSeries.objects.count()) == before
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from Django
            for row in cursor.fetchall():
                assert "Canary-note-for-Dr-K" not in repr(row)


def test_it_leaves_the_balance_off_the_report_unless_ticked(member_client: Client) -> None:
    page = text(member_client.post("/insights/report/", {"dimensions": ["respect"], "weeks": "12"}))
    assert "Respect" in page and "Warm and hard moments" not in page


def test_it_keeps_my_report_choices_when_nothing_is_ticked(member_client: Client) -> None:
    response = member_client.post("/insights/report/", {"weeks": "4", "note": "Keep me please"})
    assert response.status_code == 400
    page = text(response)
    assert "Please choose at least one thing to include." in page
    assert "Keep me please" in page
    assert re.search(r'value="4"[^>]*checked', page)
    bad = member_client.post("/insights/report/", {"dimensions": ["bogus"], "weeks": "abc"})
    assert bad.status_code == 400


@pytest.mark.parametrize("url", URLS)
def test_it_needs_a_space_first(url: str, db: None) -> None:
    lonely = make_person("lone@example.test", "Lone")
    response = login(lonely).get(url)
    assert response.status_code in {200, 302}
    assert response.status_code != 500
