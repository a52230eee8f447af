"""Check-ins: write one a day, back-date a missed day, share part by part,
and see others' shared check-ins only once you have checked in that day too."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.http.response import HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.checkins import services, today
from hearth.checkins.models import CheckIn, CheckInPart
from hearth.checkins.services import Entry
from hearth.spaces import services as spaces
from hearth.spaces.context import Here, here_for_membership
from hearth.spaces.models import Membership
from tests.conftest import World, join_space, login, make_person


def member_here(world: World) -> Here:
    return here_for_membership(world.space, world.member.keychain)


def partner_here(world: World) -> Here:
    return here_for_membership(world.partner_membership, world.partner.keychain)


def text(response: HttpResponseBase) -> str:
    body: bytes = response.content  # type: ignore[attr-defined]
    return html.unescape(body.decode())


def day_text(d: date) -> str:
    return d.isoformat()


def local_today() -> date:
    return timezone.localdate()


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "day": day_text(local_today()),
        "pleasantness": "2",
        "energy": "-2",
        "words": ["calm", "grateful"],
        "own_words": "",
        "rate_reliability": "6",
        "rate_heard": "5",
        "rate_safety": "6",
        "rate_respect": "7",
        "note": "",
        "share": [],
    }
    data.update(overrides)
    return data


def check_in(
    here: Here,
    *,
    day: date | None = None,
    words: list[str] | None = None,
    note: str = "",
    share: set[str] | None = None,
    ratings: dict[str, Any] | None = None,
    when: datetime | None = None,
) -> CheckIn:
    return services.checkin_save(
        here=here,
        day=day or local_today(),
        entry=Entry(
            pleasantness=-3,
            energy=-2,
            words=words or ["disappointed"],
            own_words=[],
            ratings=ratings if ratings is not None else {"heard": 3},
            note=note,
        ),
        share=share or set(),
        when=when,
    )


# --- writing today's check-in ------------------------------------------------


def test_it_explains_the_grid_and_asks_about_the_partner_by_name(
    member_client: Client, world: World
) -> None:
    response = member_client.get("/checkins/")
    assert response.status_code == 200
    page = text(response)
    assert "<h1>Your check-in for today</h1>" in page
    assert "How pleasant does today feel?" in page and "How much energy do you have?" in page
    assert 'type="range"' in page and 'min="-5"' in page and 'max="5"' in page
    assert "About today with Sam" in page
    for question in ("I could rely on them", "I felt heard", "safe to be myself", "respected"):
        assert question in page
    assert "disappointed" in page and "something I hoped for did not happen" in page


def test_it_saves_a_private_check_in_and_shows_it_to_me(
    member_client: Client, world: World
) -> None:
    response = member_client.post(
        "/checkins/",
        form_data(own_words="fizzy, a bit wobbly ", note="Walked by the river at dusk."),
        follow=True,
    )
    assert response.status_code == 200
    page = text(response)
    assert "Saved. It stays private to you." in page
    assert "Private: only you can see it." in page
    assert "calm" in page and "grateful" in page and "a bit wobbly" in page
    assert "Walked by the river at dusk." in page
    assert "I felt respected</dt><dd>7 of 7" in page
    checkin = CheckIn.objects.get(owner=world.member.user)
    assert checkin.day == local_today()
    assert not CheckInPart.objects.filter(checkin=checkin, key_for_space__isnull=False).exists()


def test_it_edits_the_first_check_in_when_i_check_in_twice_a_day(
    member_client: Client, world: World
) -> None:
    member_client.post("/checkins/", form_data(words=["calm"], note="first go"))
    response = member_client.post(
        "/checkins/", form_data(words=["tense"], pleasantness="-2", energy="3"), follow=True
    )
    page = text(response)
    assert CheckIn.objects.filter(owner=world.member.user).count() == 1
    assert "tense" in page and "first go" not in page
    assert set(CheckInPart.objects.values_list("kind", flat=True)) == {"feelings", "ratings"}
    again = text(member_client.get("/checkins/"))
    assert "You checked in already" in again
    assert 'value="tense" checked' in again


def test_it_offers_the_words_of_the_chosen_quadrant_first_without_saving(
    member_client: Client, world: World
) -> None:
    response = member_client.post(
        "/checkins/",
        form_data(step="words", pleasantness="-4", energy="4", words=[], note="kept text"),
    )
    assert response.status_code == 200
    page = text(response)
    first = page.index("Stirred up and uneasy")
    assert all(
        first < page.index(title)
        for title in ("Heavy and low", "Calm and content", "Bright and lively")
    )
    assert "kept text" in page
    assert page.index('value="frightened"') < page.index('value="uneasy"')
    assert not CheckIn.objects.exists()


def test_it_refuses_ratings_outside_one_to_seven_and_keeps_my_input(
    member_client: Client, world: World
) -> None:
    response = member_client.post(
        "/checkins/",
        form_data(rate_heard="9", rate_safety="0", own_words="fizzy", note="keep me please"),
    )
    assert response.status_code == 400
    page = text(response)
    assert page.count("Please choose a number from 1 to 7.") == 2
    assert "keep me please" in page and 'value="fizzy"' in page
    assert 'value="calm" checked' in page
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"words": [], "own_words": ""}, "Please choose at least one word"),
        ({"words": ["calm", "safe", "cosy", "grateful"]}, "at most 3 words from the list"),
        ({"own_words": "one, two, three, four"}, "at most 3 words of your own"),
        ({"own_words": "x" * 31}, "under 30 characters"),
        ({"pleasantness": "6"}, "Please choose a whole number from -5 to +5."),
        ({"energy": "lots"}, "Please choose a whole number from -5 to +5."),
        ({"words": ["ignored"]}, "Please choose words from the list."),
        ({"share": ["everything"]}, "Select a valid choice"),
    ],
)
def test_it_refuses_a_check_in_it_cannot_use(
    member_client: Client, world: World, overrides: dict[str, Any], message: str
) -> None:
    response = member_client.post("/checkins/", form_data(note="still here", **overrides))
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "still here" in page
    assert not CheckIn.objects.exists()


# --- missed days -------------------------------------------------------------------


def test_it_lets_me_back_date_a_missed_day_up_to_seven_days(
    member_client: Client, world: World
) -> None:
    week_ago = local_today() - timedelta(days=7)
    page = text(member_client.get(f"/checkins/?day={week_ago}"))
    assert f'value="{week_ago}"' in page
    assert week_ago.strftime("%A") in page
    response = member_client.post("/checkins/", form_data(day=day_text(week_ago)))
    assert response.status_code == 302
    assert CheckIn.objects.get(owner=world.member.user).day == week_ago


def test_it_refuses_a_day_older_than_seven_days_with_a_clear_message(
    member_client: Client, world: World
) -> None:
    too_old = day_text(local_today() - timedelta(days=8))
    response = member_client.post("/checkins/", form_data(day=too_old, note="from long ago"))
    assert response.status_code == 400
    page = text(response)
    assert "You can add a missed check-in for the last 7 days only." in page
    assert "from long ago" in page
    assert not CheckIn.objects.exists()
    assert member_client.get(f"/checkins/?day={too_old}").status_code == 400


def test_it_refuses_a_day_in_the_future(member_client: Client, world: World) -> None:
    tomorrow = day_text(local_today() + timedelta(days=1))
    response = member_client.post("/checkins/", form_data(day=tomorrow, note="not yet"))
    assert response.status_code == 400
    page = text(response)
    assert "A check-in can't be for a day that hasn't come yet." in page
    assert "not yet" in page
    assert not CheckIn.objects.exists()
    with pytest.raises(services.CheckInError):
        check_in(member_here(world), day=local_today() + timedelta(days=1))


def test_it_answers_an_unreadable_day_with_today(member_client: Client, world: World) -> None:
    response = member_client.get("/checkins/?day=someday")
    assert response.status_code == 400
    assert "That day could not be read." in text(response)


def test_it_offers_only_missed_days_of_the_last_week(member_client: Client, world: World) -> None:
    here = member_here(world)
    two_days_ago = local_today() - timedelta(days=2)
    check_in(here, day=two_days_ago)
    check_in(here)
    page = text(member_client.get("/checkins/earlier/"))
    offered = [
        local_today() - timedelta(days=n)
        for n in range(0, 9)
        if f"?day={local_today() - timedelta(days=n)}" in page
    ]
    assert offered == [local_today() - timedelta(days=n) for n in (1, 3, 4, 5, 6, 7)]
    assert "streak" not in page.lower() and "missed" not in page.lower()


def test_it_keeps_a_check_in_written_on_an_earlier_day_as_it_was(
    member_client: Client, world: World
) -> None:
    yesterday = local_today() - timedelta(days=1)
    checkin = check_in(member_here(world), day=yesterday, when=timezone.now() - timedelta(days=1))
    response = member_client.get(f"/checkins/?day={yesterday}")
    assert response.status_code == 302
    assert response["Location"] == f"/checkins/{checkin.pk}/"
    refused = member_client.post("/checkins/", form_data(day=day_text(yesterday), note="redo"))
    assert refused.status_code == 400
    assert "written on an earlier day" in text(refused)
    assert "Change this check-in" not in text(member_client.get(f"/checkins/{checkin.pk}/"))


# --- sharing and the mutual reveal -----------------------------------------------------


def test_it_reveals_shared_feelings_only_once_the_partner_has_checked_in_too(
    member_client: Client, partner_client: Client, world: World
) -> None:
    member_client.post(
        "/checkins/",
        form_data(words=["hopeful"], note="A private worry about money", share=["feelings"]),
    )
    checkin = CheckIn.objects.get(owner=world.member.user)
    day_url = f"/checkins/day/{local_today()}/"

    before = text(partner_client.get(day_url))
    assert "Alex has checked in today; check in to see what they shared." in before
    assert "hopeful" not in before
    assert partner_client.get(f"/checkins/{checkin.pk}/").status_code == 404
    assert partner_client.get(f"/checkins/{checkin.pk}/feelings/").status_code == 404

    partner_client.post("/checkins/", form_data(words=["tired"]))
    after = text(partner_client.get(day_url))
    assert "hopeful" in after and "expecting that good things can happen" in after
    assert "check in to see" not in after
    assert "A private worry about money" not in after
    assert "I felt respected" not in after  # ratings were not shared
    detail = partner_client.get(f"/checkins/{checkin.pk}/")
    assert detail.status_code == 200
    assert "hopeful" in text(detail)
    assert "A private worry about money" not in text(detail)
    assert partner_client.get(f"/checkins/{checkin.pk}/note/").status_code == 404
    assert partner_client.get(f"/checkins/{checkin.pk}/ratings/").status_code == 404


def test_it_reveals_mutually_in_both_directions(
    member_client: Client, partner_client: Client, world: World
) -> None:
    check_in(partner_here(world), words=["lonely"], share={"feelings"})
    page = text(member_client.get(f"/checkins/day/{local_today()}/"))
    assert "Sam has checked in today" in page and "lonely" not in page
    check_in(member_here(world), words=["calm"])  # private, but it counts as checking in
    page = text(member_client.get(f"/checkins/day/{local_today()}/"))
    assert "lonely" in page
    # Mine stays private: Sam sees nothing of it.
    assert "Alex" not in text(partner_client.get(f"/checkins/day/{local_today()}/"))


def test_it_never_mentions_a_fully_private_check_in_to_others(
    partner_client: Client, world: World
) -> None:
    checkin = check_in(member_here(world), note="mine alone")
    check_in(partner_here(world))
    page = text(partner_client.get(f"/checkins/day/{local_today()}/"))
    assert "Nobody else has shared a check-in for this day." in page
    assert partner_client.get(f"/checkins/{checkin.pk}/").status_code == 404


def test_it_shares_each_part_on_its_own_and_unshares_at_once(
    member_client: Client, partner_client: Client, world: World
) -> None:
    checkin = check_in(member_here(world), note="about the weekend", share={"note"})
    check_in(partner_here(world))
    page = text(partner_client.get(f"/checkins/{checkin.pk}/"))
    assert "about the weekend" in page and "disappointed" not in page
    response = member_client.post(f"/checkins/{checkin.pk}/sharing/", {"share": ["ratings"]})
    assert response.status_code == 302
    page = text(partner_client.get(f"/checkins/{checkin.pk}/"))
    assert "about the weekend" not in page
    assert "I felt heard</dt><dd>3 of 7" in page
    member_client.post(f"/checkins/{checkin.pk}/sharing/", {})
    assert partner_client.get(f"/checkins/{checkin.pk}/").status_code == 404


def test_it_lets_only_the_owner_choose_what_is_shared(
    partner_client: Client, outsider_client: Client, world: World
) -> None:
    checkin = check_in(member_here(world), share={"feelings"})
    check_in(partner_here(world))
    for client in (partner_client, outsider_client):
        response = client.post(f"/checkins/{checkin.pk}/sharing/", {"share": ["note", "ratings"]})
        assert response.status_code == 404
    assert set(
        CheckInPart.objects.filter(
            key_for_space__isnull=False, owner=world.member.user
        ).values_list("kind", flat=True)
    ) == {"feelings"}


def test_it_refuses_an_unknown_sharing_choice(member_client: Client, world: World) -> None:
    checkin = check_in(member_here(world), share={"feelings"})
    response = member_client.post(f"/checkins/{checkin.pk}/sharing/", {"share": ["all"]})
    assert response.status_code == 400
    assert "Select a valid choice" in text(response)
    assert CheckInPart.objects.filter(key_for_space__isnull=False).count() == 1


def test_it_keeps_the_history_of_a_shared_part_edited_later(
    member_client: Client, partner_client: Client, world: World
) -> None:
    member_client.post(
        "/checkins/", form_data(note="We made up after lunch.", share=["note", "feelings"])
    )
    member_client.post(
        "/checkins/", form_data(note="We made up, mostly.", share=["note", "feelings"])
    )
    checkin = CheckIn.objects.get(owner=world.member.user)
    check_in(partner_here(world))
    detail = text(partner_client.get(f"/checkins/{checkin.pk}/"))
    assert "We made up, mostly." in detail
    assert f"/checkins/{checkin.pk}/note/" in detail
    assert f"/checkins/{checkin.pk}/feelings/" not in detail  # unchanged: no history
    history = text(partner_client.get(f"/checkins/{checkin.pk}/note/"))
    assert "We made up after lunch." in history and "We made up, mostly." in history
    assert "by Alex" in history


def test_it_keeps_private_edits_out_of_the_history(member_client: Client, world: World) -> None:
    member_client.post("/checkins/", form_data(note="draft one"))
    member_client.post("/checkins/", form_data(note="draft two", share=["note"]))
    checkin = CheckIn.objects.get(owner=world.member.user)
    page = text(member_client.get(f"/checkins/{checkin.pk}/note/"))
    assert "draft two" in page and "draft one" not in page
    assert "It has not been changed since it was shared." in page


def test_it_takes_what_i_shared_away_when_i_leave(partner_client: Client, world: World) -> None:
    checkin = check_in(member_here(world), share={"feelings", "note"}, note="n")
    check_in(partner_here(world))
    assert partner_client.get(f"/checkins/{checkin.pk}/").status_code == 200
    spaces.membership_leave(membership=world.space)
    assert partner_client.get(f"/checkins/{checkin.pk}/").status_code == 404


def test_it_shows_others_only_what_they_were_rated_in_a_bigger_space(world: World) -> None:
    third = make_person("jo@example.test", "Jo")
    third_membership = join_space(world.space, world.member.keychain, third)
    here = member_here(world)
    ratings = {
        str(world.partner.user.pk): {"heard": 2, "respect": 3},
        str(third.user.pk): {"heard": 7},
    }
    checkin = check_in(here, ratings=ratings, share={"ratings"})
    check_in(partner_here(world))
    check_in(here_for_membership(third_membership, third.keychain))
    sam = text(login(world.partner).get(f"/checkins/{checkin.pk}/"))
    assert "About you" in sam and "I felt heard</dt><dd>2 of 7" in sam
    assert "7 of 7" not in sam
    jo = text(login(third).get(f"/checkins/{checkin.pk}/"))
    assert "I felt heard</dt><dd>7 of 7" in jo and "2 of 7" not in jo
    mine = text(login(world.member).get(f"/checkins/{checkin.pk}/"))
    assert "About Sam" in mine and "About Jo" in mine
    form = text(login(world.member).get("/checkins/"))
    assert "About Sam" in form and "About Jo" in form and "I felt heard by Jo" in form


def test_it_refuses_ratings_about_someone_outside_the_space(world: World) -> None:
    third = make_person("jo@example.test", "Jo")
    join_space(world.space, world.member.keychain, third)
    with pytest.raises(services.CheckInError, match="people in this space"):
        check_in(member_here(world), ratings={str(world.outsider.user.pk): {"heard": 4}})
    with pytest.raises(services.CheckInError, match="1 to 7"):
        check_in(member_here(world), ratings={"heard": 8})


# --- pages others may not see ------------------------------------------------------------


def test_it_hides_check_ins_from_an_outsider(outsider_client: Client, world: World) -> None:
    checkin = check_in(
        member_here(world), share={"feelings", "ratings", "note"}, note="a canary-ish 9q"
    )
    outsider_here = here_for_membership(world.outsider_space, world.outsider.keychain)
    check_in(outsider_here, ratings={})
    for url in (
        f"/checkins/{checkin.pk}/",
        f"/checkins/{checkin.pk}/feelings/",
        f"/checkins/{checkin.pk}/note/",
    ):
        assert outsider_client.get(url).status_code == 404
    page = text(outsider_client.get(f"/checkins/day/{local_today()}/"))
    assert "9q" not in page and "has checked in" not in page and "of 7" not in page
    history = text(outsider_client.get("/checkins/mine/"))
    assert "disappointed" in history  # their own only
    assert str(checkin.pk) not in history


def test_it_answers_unknown_ids_days_and_parts_with_404(
    member_client: Client, world: World
) -> None:
    checkin = check_in(member_here(world))
    assert member_client.get("/checkins/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert member_client.get(f"/checkins/{checkin.pk}/mood/").status_code == 404
    assert member_client.get("/checkins/day/yesterday/").status_code == 404
    future = local_today() + timedelta(days=2)
    assert member_client.get(f"/checkins/day/{future}/").status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client, world: World) -> None:
    checkin = check_in(member_here(world))
    for url in (
        "/checkins/",
        "/checkins/earlier/",
        "/checkins/mine/",
        f"/checkins/day/{local_today()}/",
        f"/checkins/{checkin.pk}/",
        f"/checkins/{checkin.pk}/feelings/",
    ):
        response = anon_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/")
    response = anon_client.post(f"/checkins/{checkin.pk}/sharing/", {"share": ["note"]})
    assert response["Location"].startswith("/accounts/login/")
    assert anon_client.post("/checkins/", form_data()).status_code == 302
    assert CheckIn.objects.count() == 1


def test_it_refuses_the_wrong_method(member_client: Client, world: World) -> None:
    checkin = check_in(member_here(world))
    for url in (
        "/checkins/earlier/",
        "/checkins/mine/",
        f"/checkins/day/{local_today()}/",
        f"/checkins/{checkin.pk}/",
        f"/checkins/{checkin.pk}/feelings/",
    ):
        assert member_client.post(url).status_code == 405, url
    assert member_client.get(f"/checkins/{checkin.pk}/sharing/").status_code == 405
    assert member_client.put("/checkins/").status_code == 405
    assert member_client.delete(f"/checkins/{checkin.pk}/").status_code == 405


def test_it_sends_someone_without_a_space_home_with_a_word_why(db: None) -> None:
    loner = make_person("lone@example.test", "Lone")
    response = login(loner).get("/checkins/", follow=True)
    assert "Create a space, or join one with an invitation link, first." in (text(response))


# --- lists ----------------------------------------------------------------------


def test_it_lists_my_check_ins_newest_first_and_only_mine(
    member_client: Client, world: World
) -> None:
    here = member_here(world)
    check_in(here, day=local_today() - timedelta(days=3), words=["weary"])
    check_in(here, words=["cheerful"], share={"feelings"})
    check_in(partner_here(world), words=["jealous"], share={"feelings"})
    page = text(member_client.get("/checkins/mine/"))
    assert page.index("cheerful") < page.index("weary")
    assert "jealous" not in page
    assert "Shared: feelings" in page and "Private" in page
    assert "streak" not in page.lower()


def test_it_pages_my_history_with_a_fixed_number_of_queries(
    member_client: Client, world: World
) -> None:
    here = member_here(world)

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get(url).status_code == 200
        return len(queries)

    check_in(here, note="a note", share={"note"})
    baseline = count("/checkins/mine/")
    start = timezone.now()
    for n in range(1, 30):
        # Back-dated through the demo's door: "now" moves with each day.
        moment = start - timedelta(days=n)
        check_in(here, day=timezone.localdate(moment), note=f"n{n}", when=moment)
    assert count("/checkins/mine/") == baseline
    first = text(member_client.get("/checkins/mine/"))
    assert first.count('href="/checkins/') - first.count('href="/checkins/mine') >= 20
    assert "Page 1 of 2" in first
    second = text(member_client.get("/checkins/mine/?page=2"))
    assert "Page 2 of 2" in second
    assert count("/checkins/mine/?page=2") == baseline


def test_it_shows_a_day_with_a_fixed_number_of_queries(world: World) -> None:
    client = login(world.member)
    check_in(member_here(world))
    check_in(partner_here(world), share={"feelings", "note"}, note="hi")
    url = f"/checkins/day/{local_today()}/"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    baseline = count()
    for n in range(3):
        person = make_person(f"p{n}@example.test", f"Person {n}")
        membership = join_space(world.space, world.member.keychain, person)
        check_in(
            here_for_membership(membership, person.keychain),
            share={"feelings", "ratings", "note"},
            note=f"hello {n}",
        )
    assert count() == baseline
    page = text(client.get(url))
    assert all(f"hello {n}" in page for n in range(3))


# --- the Today page -----------------------------------------------------------------


def test_it_invites_a_check_in_today_until_it_is_done(world: World) -> None:
    here = member_here(world)
    items = today.due(here, local_today())
    assert [d.title for d in items] == ["Your check-in for today"]
    assert items[0].url == "/checkins/"
    assert "missed" not in items[0].note.lower()
    check_in(partner_here(world), share={"feelings"})
    assert "check in to see it" in today.due(member_here(world), local_today())[0].note
    check_in(here)
    assert today.due(here, local_today()) == []


def test_it_lists_shared_check_ins_only_under_the_mutual_reveal(world: World) -> None:
    here = member_here(world)
    yesterday = local_today() - timedelta(days=1)
    check_in(partner_here(world), share={"feelings"})
    check_in(partner_here(world), day=yesterday, share={"note"}, note="x")
    check_in(partner_here(world), day=local_today() - timedelta(days=2))  # private
    assert today.moments(here, 10) == []
    check_in(here, day=yesterday)
    moments = today.moments(here, 10)
    assert [(m.text, m.url) for m in moments] == [
        ("Sam shared a check-in", f"/checkins/day/{yesterday}/")
    ]
    check_in(here)
    assert len(today.moments(here, 10)) == 2
    assert len(today.moments(here, 1)) == 1


def test_it_finds_moments_in_a_fixed_number_of_queries(world: World) -> None:
    start = timezone.now()

    def count() -> int:
        here = member_here(world)
        here.name_of(0)  # names load once per request, not per moment
        with CaptureQueriesContext(connection) as queries:
            today.moments(here, 20)
        with CaptureQueriesContext(connection) as due_queries:
            today.due(here, local_today())
        assert len(due_queries) <= 2
        return len(queries)

    baseline = count()
    for n in range(6):
        moment = start - timedelta(days=n)
        day = timezone.localdate(moment)
        check_in(member_here(world), day=day, when=moment)
        check_in(partner_here(world), day=day, share={"feelings"}, when=moment)
    assert count() == baseline


# --- at rest ------------------------------------------------------------------------


def test_it_keeps_every_word_rating_and_note_out_of_the_raw_columns(
    member_client: Client, partner_client: Client, world: World
) -> None:
    canary_note = "CANARYNOTE-7f3a the thing I never said"
    canary_word = "canaryfeel9"
    member_client.post(
        "/checkins/",
        form_data(
            own_words=canary_word, note=canary_note, words=["serene"], share=["feelings", "note"]
        ),
    )
    member_client.post(
        "/checkins/",
        form_data(
            own_words=canary_word,
            note=canary_note + " (edited)",
            words=["serene"],
            share=["feelings", "note"],
        ),
    )
    partner_client.post("/checkins/", form_data(note=canary_note + " partner"))
    dump: list[bytes] = []
    with connection.cursor() as cursor:
        for table in ("checkins_checkin", "checkins_checkinpart", "vault_revision"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  (fixed table names)
            for row in cursor.fetchall():
                for value in row:
                    if value is None:
                        continue
                    dump.append(
                        bytes(value)
                        if isinstance(value, (bytes, memoryview))
                        else str(value).encode()
                    )
    blob = b"\n".join(dump)
    assert len(blob) > 500
    for canary in (b"CANARYNOTE", canary_word.encode(), b"serene", b"reliability", b"heard"):
        assert canary not in blob
    assert Membership.objects.count() >= 3


def test_it_never_shows_a_third_member_s_ratings_in_earlier_versions(world: World) -> None:
    import html

    from hearth.checkins.services import Entry, checkin_save
    from hearth.spaces.context import here_for_membership
    from tests.conftest import join_space, make_person

    third = make_person("jo@example.test", "Jo")
    join_space(world.space, world.member.keychain, third)
    here = here_for_membership(world.space, world.member.keychain)
    sam, jo = str(world.partner.user.pk), str(third.user.pk)

    def save(ratings: dict[str, dict[str, int]]) -> object:
        return checkin_save(
            here=here,
            day=timezone.localdate(),
            entry=Entry(pleasantness=1, energy=1, words=["calm"], ratings=ratings, note=""),
            share={"ratings"},
        )

    checkin = save({sam: {"heard": 2}, jo: {"heard": 6, "safety": 1}})
    save({sam: {"heard": 3}, jo: {"heard": 5}})
    checkin_save(
        here=here_for_membership(world.partner_membership, world.partner.keychain),
        day=timezone.localdate(),
        entry=Entry(pleasantness=1, energy=1, words=["calm"], ratings={}, note=""),
        share=set(),
    )
    page = html.unescape(
        login(world.partner).get(f"/checkins/{checkin.pk}/ratings/").content.decode()  # type: ignore[attr-defined]
    )
    versions = page.split('id="versions"', 1)[1].split("</ol>", 1)[0]
    assert "About you:" in versions and " 2" in versions  # Sam's own, as it was
    assert " 6" not in versions and " 1<" not in versions  # Jo's, never
    assert "Jo" not in page.split("<main", 1)[1]
