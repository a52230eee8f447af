"""Insights are mine: a combined view only when everyone opts in, and only what all agreed to."""

from __future__ import annotations

import re

from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings

from hearth.core import trust
from hearth.insights import services
from hearth.insights.models import InsightSettings, SharedSeries
from hearth.spaces import services as spaces
from hearth.spaces.models import Membership
from tests.conftest import World, join_space, login, make_person
from tests.insights.conftest import check_in_days, member_here, partner_here, text

CANARY = "Canary-private-note-7f3a"


def together(world: World) -> str:
    return f"/insights/together/{world.space.space_id}/"


def opt_in(world: World, who: str, dimensions: list[str], balance: bool = False) -> None:
    here = member_here(world) if who == "member" else partner_here(world)
    services.insight_settings_save(
        here=here, dimensions=dimensions, balance=balance, summary_email=False
    )


def charts_of(page: str) -> list[str]:
    return re.findall(r"<svg class=\"chart.*?</svg>", page, flags=re.S)


# --- the settings form ------------------------------------------------------------------


def test_it_shares_nothing_by_default(member_client: Client, world: World) -> None:
    page = text(member_client.get("/insights/sharing/"))
    assert "What I'm willing to put into a combined view" in page
    assert "checked" not in page
    assert not SharedSeries.objects.exists()


def test_it_saves_my_choices_and_shows_them_again(member_client: Client, world: World) -> None:
    response = member_client.post(
        "/insights/sharing/", {"dimensions": ["heard", "respect"], "balance": "on"}, follow=True
    )
    assert response.status_code == 200
    page = text(response)
    assert "Saved. Your choices apply from now on." in page
    assert re.search(r'value="heard"[^>]*checked', page)
    assert not re.search(r'value="safety"[^>]*checked', page)
    choices = InsightSettings.objects.get(owner=world.member.user)
    assert choices.shared_dimensions == ["heard", "respect"]
    assert choices.share_balance and not choices.summary_email


def test_it_keeps_my_choices_when_the_form_is_wrong(member_client: Client, world: World) -> None:
    response = member_client.post(
        "/insights/sharing/", {"dimensions": ["heard", "bogus"], "summary_email": "on"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "Select a valid choice" in page
    assert re.search(r'name="summary_email"[^>]*checked', page)
    assert re.search(r'value="heard"[^>]*checked', page)
    assert not InsightSettings.objects.exists()


def test_it_keeps_the_shared_copy_sealed(world: World) -> None:
    check_in_days(member_here(world), 10)
    opt_in(world, "member", ["heard"], balance=True)
    item = SharedSeries.objects.get(owner=world.member.user)
    assert item.is_shared
    raw = bytes(item.content)
    # Words only: short byte patterns such as "0." turn up in random ciphertext.
    assert b"heard" not in raw and b"expected" not in raw and b"series" not in raw


# --- the combined view ------------------------------------------------------------------


def test_it_says_not_everyone_has_chosen_when_nobody_has(
    member_client: Client, world: World
) -> None:
    page = text(member_client.get(together(world)))
    assert "Not everyone has chosen to share yet" in page
    assert not charts_of(page)


def test_it_never_shows_my_series_until_everyone_opts_in(
    partner_client: Client, world: World
) -> None:
    check_in_days(member_here(world), 20, rating=2)
    opt_in(world, "member", list(trust.DIMENSIONS), balance=True)
    page = text(partner_client.get(together(world)))
    assert "Not everyone has chosen to share yet" in page
    assert not charts_of(page) and "<table" not in page
    assert "Alex" not in page.split("<main", 1)[1]  # nobody is named


def test_it_shows_each_members_own_line_for_what_all_agreed_to(
    member_client: Client, partner_client: Client, world: World
) -> None:
    check_in_days(member_here(world), 20, rating=6)
    check_in_days(partner_here(world), 20, rating=3)
    opt_in(world, "member", ["heard", "respect"], balance=True)
    opt_in(world, "partner", ["heard", "safety"])
    for client in (member_client, partner_client):
        page = text(client.get(together(world)))
        svgs = charts_of(page)
        assert len(svgs) == 1  # heard only: the one dimension both chose
        assert svgs[0].count('class="line line-') == 2
        assert "Being heard" in page
        assert "Respect" not in page and "Safe to be myself" not in page
        assert "Warm and hard moments" not in page  # only one of them shares the balance
        assert "Alex:" in page and "Sam:" in page


def test_it_says_when_there_is_nothing_in_common(member_client: Client, world: World) -> None:
    opt_in(world, "member", ["heard"])
    opt_in(world, "partner", ["safety"])
    page = text(member_client.get(together(world)))
    assert "there isn't yet anything that everyone chose" in page
    assert not charts_of(page)


def test_it_takes_opting_out_into_account_at_once(partner_client: Client, world: World) -> None:
    opt_in(world, "member", ["heard"])
    opt_in(world, "partner", ["heard"])
    assert charts_of(text(partner_client.get(together(world))))
    opt_in(world, "member", [])
    page = text(partner_client.get(together(world)))
    assert "Not everyone has chosen to share yet" in page and not charts_of(page)
    assert not SharedSeries.objects.filter(owner=world.member.user).exists()


def test_it_waits_for_a_new_member_to_choose(world: World) -> None:
    opt_in(world, "member", ["heard"])
    opt_in(world, "partner", ["heard"])
    third = make_person("kim@example.test", "Kim")
    join_space(world.space, world.member.keychain, third)
    page = text(login(world.member).get(together(world)))
    assert "Not everyone has chosen to share yet" in page and "Kim" not in page


def test_it_hides_the_combined_view_from_outsiders(outsider_client: Client, world: World) -> None:
    opt_in(world, "member", ["heard"])
    opt_in(world, "partner", ["heard"])
    assert outsider_client.get(together(world)).status_code == 404


def test_it_hides_the_combined_view_from_someone_who_left(world: World) -> None:
    opt_in(world, "member", ["heard"])
    opt_in(world, "partner", ["heard"])
    spaces.membership_leave(membership=Membership.objects.get(pk=world.partner_membership.pk))
    assert login(world.partner).get(together(world)).status_code in {302, 404}


def test_it_never_reveals_my_partners_ratings_or_notes(member_client: Client, world: World) -> None:
    # Sam rates everything 1, with a canary note; Alex has no check-ins at all.
    check_in_days(partner_here(world), 30, rating=1, note=CANARY)
    opt_in(world, "partner", ["heard"])  # Sam shares, Alex doesn't: still nothing combined
    pages = [
        text(member_client.get(url))
        for url in ("/insights/", "/insights/?weeks=52", "/insights/week/", together(world))
    ]
    pages.append(
        text(
            member_client.post(
                "/insights/report/",
                {"dimensions": list(trust.DIMENSIONS), "weeks": "4", "balance": "on"},
            )
        )
    )
    for page in pages:
        assert CANARY not in page
        # Alex's own values all sit at the middle; Sam's low ones never appear.
        values = re.findall(r"<td>(0\.\d\d)</td>", page)
        assert all(v == "0.50" for v in values), values
    opt_in(world, "member", ["respect"])  # both opted in, nothing in common
    page = text(member_client.get(together(world)))
    assert CANARY not in page and not re.findall(r"<td>0\.\d\d</td>", page)


# --- the weekly email ----------------------------------------------------------------


def test_it_sends_nothing_without_email_configured(world: World) -> None:
    services.insight_settings_save(
        here=member_here(world), dimensions=[], balance=False, summary_email=True
    )
    with override_settings(EMAIL_HOST=""):
        call_command("insights_weekly_email")
    assert mail.outbox == []


def test_it_emails_only_that_a_summary_is_ready(world: World) -> None:
    check_in_days(member_here(world), 10, note=CANARY)
    services.insight_settings_save(
        here=member_here(world), dimensions=["heard"], balance=True, summary_email=True
    )
    opt_in(world, "partner", ["heard"])  # Sam didn't ask for email
    with override_settings(EMAIL_HOST="smtp.example.org"):
        call_command("insights_weekly_email", "--base-url", "https://hearth.example.org")
        call_command("insights_weekly_email", "--base-url", "https://hearth.example.org")
    assert len(mail.outbox) == 1  # once a week, however often the job runs
    message = mail.outbox[0]
    assert message.to == ["alex@example.test"]
    assert "https://hearth.example.org/insights/week/" in message.body
    assert not getattr(message, "alternatives", None)  # plain text only
    everything = f"{message.subject}\n{message.body}"
    lowered = everything.lower()
    for word in (
        "heard",
        "reliab",
        "safe",
        "respect",
        "balance",
        "alex",
        "sam",
        "moment",
        CANARY.lower(),
    ):
        assert word not in lowered, word
    assert not re.search(r"\d", everything)
