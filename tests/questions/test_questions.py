"""The daily question: answer privately, see each other's answers once everyone has."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

from django.db import connection
from django.http.response import HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.core import questions as bank
from hearth.questions import services, today
from hearth.questions.models import Answer, DailyQuestion
from hearth.spaces import services as spaces
from hearth.spaces.context import Here, here_for_membership
from hearth.spaces.models import Membership
from hearth.vault.models import Revision
from tests.conftest import World, join_space, login, make_person

WAITING = "Alex has answered. Your answer will be shown once you've both answered."


def text(response: HttpResponseBase) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    return unescape(content.decode())


def member(world: World) -> Here:
    return here_for_membership(Membership.objects.get(pk=world.space.pk), world.member.keychain)


def partner(world: World) -> Here:
    return here_for_membership(
        Membership.objects.get(pk=world.partner_membership.pk), world.partner.keychain
    )


def todays_question(world: World) -> bank.Question:
    return services.question_by_rotation(member(world), timezone.localdate())


def answer_both(world: World, days_ago: int, mine: str, theirs: str) -> None:
    when = timezone.now() - timedelta(days=days_ago)
    services.answer_write(here=member(world), body=mine, when=when)
    services.answer_write(here=partner(world), body=theirs, when=when)


# --- today's question ----------------------------------------------------------


def test_it_shows_today_s_question_with_a_form(member_client: Client, world: World) -> None:
    page = text(member_client.get("/questions/"))
    assert todays_question(world).text in page
    assert 'name="body"' in page
    assert "Nobody sees your answer until everyone has answered." in page


def test_it_keeps_my_answer_hidden_until_my_partner_answers(
    member_client: Client, partner_client: Client, world: World
) -> None:
    response = member_client.post("/questions/", {"body": "The lighthouse at dawn"}, follow=True)
    assert "Your answer is saved." in text(response)
    mine = text(response)
    assert "The lighthouse at dawn" in mine
    assert "Sam hasn't yet" in mine

    before = text(partner_client.get("/questions/"))
    assert WAITING in before
    assert "lighthouse" not in before
    assert 'name="body"' in before

    after = partner_client.post("/questions/", {"body": "Our first snow"}, follow=True)
    page = text(after)
    assert "Everyone has answered." in page
    assert "The lighthouse at dawn" in page and "Our first snow" in page
    again = text(member_client.get("/questions/"))
    assert "Our first snow" in again and "The lighthouse at dawn" in again


def test_it_opens_the_answers_exactly_once(world: World) -> None:
    services.answer_write(here=member(world), body="one")
    daily = DailyQuestion.objects.get(space_id=world.space.space_id)
    assert daily.revealed_at is None
    first = Answer.objects.get(owner=world.member.user)
    assert first.key_for_space is None and first.key_for_reveal is not None
    services.answer_write(here=partner(world), body="two")
    daily.refresh_from_db()
    assert daily.revealed_at is not None
    opened_at = daily.revealed_at
    for answer in Answer.objects.filter(daily=daily):
        assert answer.key_for_space is not None and answer.key_for_reveal is None
    services.answer_write(here=member(world), body="one, edited")
    daily.refresh_from_db()
    assert daily.revealed_at == opened_at


def test_it_keeps_the_earlier_wording_once_answers_are_open(
    member_client: Client, partner_client: Client, world: World
) -> None:
    answer_both(world, 0, "Tea in the garden", "A long swim")
    page = text(member_client.get("/questions/?edit=1"))
    assert "Tea in the garden</textarea>" in page
    member_client.post("/questions/", {"body": "Tea in the garden, with you"})
    seen = text(partner_client.get("/questions/"))
    assert "Tea in the garden, with you" in seen
    assert "earlier versions" in seen and "Tea in the garden<" in seen


def test_it_replaces_an_answer_before_anyone_has_seen_it(
    member_client: Client, world: World
) -> None:
    member_client.post("/questions/", {"body": "first try"})
    member_client.post("/questions/", {"body": "second try"})
    page = text(member_client.get("/questions/"))
    assert "second try" in page and "first try" not in page
    assert Answer.objects.filter(owner=world.member.user).count() == 1
    assert not Revision.objects.filter(record_table="questions_answer").exists()


def test_it_keeps_what_i_typed_when_the_answer_is_wrong(
    member_client: Client, world: World
) -> None:
    response = member_client.post("/questions/", {"body": "   "})
    assert response.status_code == 400
    assert "Please write an answer first." in text(response)
    long = "word " * 900
    response = member_client.post("/questions/", {"body": long})
    assert response.status_code == 400
    page = text(response)
    assert "Please keep your answer under 4,000 characters." in page
    assert long.strip() in page
    assert not Answer.objects.exists()


def test_it_opens_a_day_once_the_member_who_had_not_answered_leaves(world: World) -> None:
    newcomer = make_person("jo@example.test", "Jo")
    join_space(world.space, world.member.keychain, newcomer)
    answer_both(world, 0, "mine", "theirs")
    assert DailyQuestion.objects.get().revealed_at is None
    jo = Membership.objects.get(user=newcomer.user, space_id=world.space.space_id)
    spaces.membership_leave(membership=jo)
    page = text(login(world.partner).get("/questions/"))
    assert "Everyone has answered." in page and "mine" in page


def test_it_opens_a_late_joiner_s_answer_on_a_day_already_open(world: World) -> None:
    answer_both(world, 0, "mine", "theirs")
    newcomer = make_person("jo@example.test", "Jo")
    jo = join_space(world.space, world.member.keychain, newcomer)
    services.answer_write(here=here_for_membership(jo, newcomer.keychain), body="Jo's thought")
    assert "Jo's thought" in text(login(world.partner).get("/questions/"))


def test_it_seals_a_day_that_never_opened_for_its_owner_alone(world: World) -> None:
    services.answer_write(
        here=member(world), body="left alone", when=timezone.now() - timedelta(days=1)
    )
    assert Answer.objects.get().key_for_reveal is not None
    services.answer_write(here=partner(world), body="a new day")
    old = Answer.objects.get(owner=world.member.user)
    assert old.key_for_reveal is None and old.key_for_space is None
    assert DailyQuestion.objects.filter(revealed_at__isnull=False).count() == 0


def test_it_never_gives_a_family_space_a_couples_question(world: World) -> None:
    here = here_for_membership(world.outsider_space, world.outsider.keychain)
    start = timezone.localdate()
    asked = [services.question_by_rotation(here, start + timedelta(days=d)) for d in range(200)]
    assert not any(q.couples_only for q in asked)


# --- earlier days ---------------------------------------------------------------


def test_it_lists_earlier_days_with_both_answers(partner_client: Client, world: World) -> None:
    answer_both(world, 2, "Pancakes on Sunday", "Rain on the roof")
    services.answer_write(
        here=member(world), body="Only I answered", when=timezone.now() - timedelta(days=1)
    )
    page = text(partner_client.get("/questions/past/"))
    assert "Pancakes on Sunday" in page and "Rain on the roof" in page
    assert "Only I answered" not in page


def test_it_keeps_a_day_private_when_not_everyone_answered(
    partner_client: Client, world: World
) -> None:
    when = timezone.now() - timedelta(days=1)
    services.answer_write(here=member(world), body="My quiet answer", when=when)
    page = text(partner_client.get(f"/questions/{when.date().isoformat()}/"))
    assert "Not everyone answered that day" in page
    assert "My quiet answer" not in page
    mine = text(login(world.member).get(f"/questions/{when.date().isoformat()}/"))
    assert "My quiet answer" in mine


def test_it_pages_earlier_days_with_a_fixed_number_of_queries(world: World) -> None:
    client = login(world.partner)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/questions/past/").status_code == 200
        return len(queries)

    answer_both(world, 1, "a", "b")
    baseline = count()
    for days_ago in range(2, 14):
        answer_both(world, days_ago, f"mine {days_ago}", f"theirs {days_ago}")
    assert count() == baseline
    page = text(client.get("/questions/past/?page=2"))
    assert "Page 2 of 2" in page


def test_it_hides_our_days_from_an_outsider(outsider_client: Client, world: World) -> None:
    answer_both(world, 1, "Our secret picnic", "Our other secret")
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert outsider_client.get(f"/questions/{day}/").status_code == 404
    assert "Our secret picnic" not in text(outsider_client.get("/questions/past/"))
    assert "Our secret picnic" not in text(outsider_client.get("/questions/"))


def test_it_answers_an_unknown_day_with_404(member_client: Client) -> None:
    assert member_client.get("/questions/2001-01-01/").status_code == 404
    assert member_client.get("/questions/2001-13-45/").status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(anon_client: Client) -> None:
    for url in ("/questions/", "/questions/past/", "/questions/2025-01-01/"):
        response = anon_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client: Client) -> None:
    assert member_client.put("/questions/").status_code == 405
    assert member_client.post("/questions/past/").status_code == 405
    assert member_client.post("/questions/2025-01-01/").status_code == 405


# --- the Today page -------------------------------------------------------------


def test_it_offers_today_s_question_until_i_answer(world: World) -> None:
    here = member(world)
    due = today.due(here, timezone.localdate())
    assert [d.title for d in due] == ["Today's question"]
    assert due[0].note == todays_question(world).text
    services.answer_write(here=here, body="done")
    assert today.due(member(world), timezone.localdate()) == []


def test_it_tells_the_space_when_everyone_answered(world: World) -> None:
    assert today.moments(member(world), 5) == []
    services.answer_write(here=member(world), body="x")
    assert today.moments(member(world), 5) == []
    services.answer_write(here=partner(world), body="y")
    moments = today.moments(partner(world), 5)
    assert [m.text for m in moments] == [f"Everyone answered: {todays_question(world).text}"]


def test_it_finds_moments_in_a_fixed_number_of_queries(world: World) -> None:
    def count() -> int:
        here = member(world)
        here.name_of(world.member.user.pk)
        with CaptureQueriesContext(connection) as queries:
            today.moments(here, 5)
            today.due(here, timezone.localdate())
        return len(queries)

    baseline = count()
    for days_ago in range(1, 8):
        answer_both(world, days_ago, "a", "b")
    assert count() == baseline


# --- at rest --------------------------------------------------------------------


def test_it_stores_answers_only_as_ciphertext(
    member_client: Client, partner_client: Client, world: World
) -> None:
    member_client.post("/questions/", {"body": "CANARY-answer-one-4be1"})
    partner_client.post("/questions/", {"body": "CANARY-answer-two-77c0"})
    member_client.post("/questions/", {"body": "CANARY-answer-edit-0d93"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT body, key_for_owner, key_for_space FROM questions_answer")
        raw = b"".join(bytes(v) for row in cursor.fetchall() for v in row if v is not None)
        cursor.execute("SELECT sealed FROM vault_revision")
        raw += b"".join(bytes(row[0]) for row in cursor.fetchall())
        cursor.execute("SELECT question_id FROM questions_dailyquestion")
        raw += b"".join(row[0].encode() for row in cursor.fetchall())
    assert raw
    for canary in (
        b"CANARY-answer-one-4be1",
        b"CANARY-answer-two-77c0",
        b"CANARY-answer-edit-0d93",
    ):
        assert canary not in raw
    assert Revision.objects.filter(record_table="questions_answer").count() == 1


def test_it_takes_my_unrevealed_answer_s_space_copy_away_when_i_leave(world: World) -> None:
    answer = services.answer_write(here=member(world), body="Something I hoped for")
    assert Answer.objects.get(pk=answer.pk).key_for_reveal is not None
    spaces.membership_leave(membership=world.space)
    left = Answer.objects.get(pk=answer.pk)
    assert left.key_for_reveal is None and left.key_for_space is None


def test_it_needs_the_server_s_secret_as_well_as_the_space_key_to_open_an_answer_early(
    world: World,
) -> None:
    import pytest

    from hearth.core import crypto

    answer = services.answer_write(here=member(world), body="Only after you answer")
    stored = Answer.objects.get(pk=answer.pk)
    assert stored.key_for_space is None and stored.key_for_reveal is not None
    # The partner holds the space key, but the set-aside copy doesn't open with it.
    with pytest.raises(crypto.CryptoError):
        crypto.unwrap_key(
            partner(world).space_key, stored.key_for_reveal, f"{Answer._meta.db_table}/x"
        )
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(partner(world).space_key, stored.key_for_reveal, "anything")
    services.answer_write(here=partner(world), body="Now we both have")
    opened = Answer.objects.get(pk=answer.pk)
    from hearth.vault import records

    assert records.reveal(opened, world.partner.keychain, partner(world).space_key).body == (
        "Only after you answer"
    )
