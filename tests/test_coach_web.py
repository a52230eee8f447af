"""The coach in the web app and on the `hearth` command line."""

from __future__ import annotations

import json
import subprocess
import sys

from django.test import Client

from tests.conftest import World, login


def test_it_shows_blame_with_the_words_and_a_rewrite(world: World) -> None:
    client = login(world.member)
    response = client.post(
        "/coach/feedback/?field=body&target=id_body", {"body": "You never listen to me"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>Blame.</strong>" in page
    assert "<mark>You never listen</mark>" in page
    assert "A gentler way to say it" in page
    assert 'data-coach-use="#id_body"' in page
    assert "I feel" in page


def test_it_says_nothing_about_a_kind_message(world: World) -> None:
    client = login(world.member)
    page = client.post(
        "/coach/feedback/?field=text",
        {"text": "Thank you for making dinner, it really helped tonight."},
    )
    assert page.status_code == 200
    assert page.content.decode().strip() == ""


def test_it_gives_apology_advice_for_a_non_apology(world: World) -> None:
    page = (
        login(world.member)
        .post("/coach/feedback/?field=text", {"text": "I'm sorry you feel that way."})
        .content.decode()
    )
    assert "An apology that deflects" in page
    assert "Name what you did in your own words" in page
    assert page.index("Name what you did") < page.index("Offer something that helps")
    assert "More ways to strengthen it" in page


def test_it_works_without_javascript_and_keeps_the_draft(world: World) -> None:
    client = login(world.member)
    page = client.post("/coach/", {"text": "Whatever. Do what you want."}).content.decode()
    assert "Shutting the talk down" in page
    assert "Whatever. Do what you want.</textarea>" in page
    kind = client.post("/coach/", {"text": "Could we go for a walk after dinner?"})
    assert "Nothing here looks likely to hurt trust." in kind.content.decode()


def test_it_refuses_empty_and_overlong_drafts_with_a_clear_message(world: World) -> None:
    client = login(world.member)
    empty = client.post("/coach/", {"text": ""})
    assert empty.status_code == 400
    assert "Write a message first" in empty.content.decode()
    long = client.post("/coach/", {"text": "a" * 5001})
    assert long.status_code == 400
    assert "The coach reads up to 5,000 characters" in long.content.decode()
    assert client.post("/coach/feedback/", {"text": "a" * 5001}).status_code == 400


def test_it_answers_json(world: World) -> None:
    client = login(world.member)
    response = client.post(
        "/coach/analyse/", json.dumps({"text": "You're pathetic."}), content_type="application/json"
    )
    assert response.status_code == 200
    assert "contempt" in response.json()["labels"]
    form = client.post("/coach/analyse/", {"text": "Thanks for picking me up."})
    assert form.json()["labels"] == ["appreciation"]


def test_it_rejects_malformed_json_with_400(world: World) -> None:
    client = login(world.member)
    for body in ("{nope", "[1, 2]", json.dumps({"text": 7}), json.dumps({"text": "   "})):
        response = client.post("/coach/analyse/", body, content_type="application/json")
        assert response.status_code == 400, body
        assert "error" in response.json()


def test_it_rate_limits_the_coach(world: World, settings: object) -> None:
    client = login(world.member)
    statuses = [
        client.post("/coach/analyse/", {"text": "hello there"}).status_code for _ in range(125)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429
    partial = client.post("/coach/feedback/", {"text": "You never listen"})
    assert partial.status_code == 429
    assert "taking a short breather" in partial.content.decode()


def test_it_keeps_the_coach_from_anonymous_visitors(anon_client: Client) -> None:
    for url in ("/coach/", "/coach/feedback/", "/coach/analyse/"):
        response = anon_client.post(url, {"text": "hi"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_refuses_the_wrong_method(world: World) -> None:
    client = login(world.member)
    assert client.get("/coach/feedback/").status_code == 405
    assert client.get("/coach/analyse/").status_code == 405
    assert client.delete("/coach/").status_code == 405


def test_it_stores_nothing_of_a_draft(world: World) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        before = _row_counts(cursor)
    login(world.member).post("/coach/feedback/", {"text": "UNIQUE-DRAFT-You never listen"})
    with connection.cursor() as cursor:
        after = _row_counts(cursor)
    changed = {t for t in before if before[t] != after[t]}
    # Signing in touches sessions and their bookkeeping; nothing else may change.
    assert changed <= {"django_session", "usersessions_usersession", "hearth_cache"}


def _row_counts(cursor: object) -> dict[str, int]:
    from django.db import connection

    counts = {}
    for table in connection.introspection.table_names():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # type: ignore[attr-defined]  # noqa: S608
        counts[table] = cursor.fetchone()[0]  # type: ignore[attr-defined]
    return counts


def _hearth(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hearth.cli", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_labels_messages_on_the_command_line() -> None:
    one = _hearth("--json", "You never listen to me")
    assert one.returncode == 0
    assert json.loads(one.stdout)["labels"] == ["blame"]
    lines = '{"text": "Whatever."}\n{"text": "What time is the train?"}\n'
    many = _hearth("--jsonl", stdin=lines)
    assert many.returncode == 0
    out = [json.loads(line) for line in many.stdout.splitlines()]
    assert [o["labels"] for o in out] == [["stonewalling"], []]
    readable = _hearth("I'm sorry I forgot to call. That was on me.")
    assert readable.returncode == 0 and "apology" in readable.stdout.lower()


def test_it_rejects_malformed_command_line_input_with_exit_2() -> None:
    bad = _hearth("--jsonl", stdin='{"text": "fine"}\n{oops\n')
    assert bad.returncode == 2
    assert "line 2" in bad.stderr
    assert _hearth().returncode == 2
    assert _hearth("--nope", "x").returncode == 2
