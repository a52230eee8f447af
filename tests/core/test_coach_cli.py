import io
import json

from hearth.core.coach.cli import run


def call(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_it_prints_a_readable_analysis() -> None:
    code, out, err = call(["You never listen to me"])
    assert code == 0 and err == ""
    assert "blame" in out
    assert "[You never" in out
    assert "gentler way" in out


def test_it_prints_apology_components_in_the_readable_output() -> None:
    code, out, _ = call(["Sorry if you were upset by the joke."])
    assert code == 0
    assert "Apology:" in out
    assert "owning the act" in out


def test_it_prints_one_json_object() -> None:
    code, out, _ = call(["--json", "You never listen to me"])
    assert code == 0
    data = json.loads(out)
    assert data["labels"] == ["blame"]
    assert data["findings"][0]["words"]


def test_it_reads_json_lines_in_order() -> None:
    lines = [
        {"text": "What time does the train leave?"},
        {"text": "Maybe we should just split up then."},
        {"text": "Thanks for cooking tonight, it was delicious."},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    code, out, _ = call(["--jsonl"], stdin)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert rows[0]["labels"] == []
    assert "breakup_threat" in rows[1]["labels"]
    assert "appreciation" in rows[2]["labels"]


def test_it_names_the_bad_json_line() -> None:
    code, out, err = call(["--jsonl"], '{"text": "hi"}\n{not json\n')
    assert code == 2
    assert "line 2" in err and "JSON" in err
    assert out == ""


def test_it_rejects_a_line_without_text() -> None:
    code, _, err = call(["--jsonl"], '{"text": "ok"}\n{"message": "hi"}\n')
    assert code == 2
    assert 'line 2 needs a "text"' in err


def test_it_rejects_a_non_string_text() -> None:
    code, _, err = call(["--jsonl"], '{"text": 5}\n')
    assert code == 2 and "line 1" in err


def test_it_asks_for_a_message_when_given_none() -> None:
    code, out, err = call([])
    assert code == 2
    assert "no message given" in err
    assert out == ""


def test_it_refuses_a_message_together_with_jsonl() -> None:
    code, _, err = call(["--jsonl", "hello"])
    assert code == 2 and "not both" in err


def test_it_rejects_unknown_flags_without_exiting() -> None:
    code, _, err = call(["--shout", "hello"])
    assert code == 2
    assert "unrecognized arguments" in err


def test_it_rejects_an_empty_message() -> None:
    code, _, err = call(["   "])
    assert code == 2 and "empty" in err


def test_it_shows_help() -> None:
    code, out, _ = call(["--help"])
    assert code == 0 and "--jsonl" in out
