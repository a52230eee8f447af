from hearth.core.coach import COMPONENTS, analyse
from hearth.core.coach.apology import apology_report
from hearth.core.coach.text import normalise


def report_for(text: str):  # type: ignore[no-untyped-def]
    report = apology_report(normalise(text))
    assert report is not None
    return report


def test_it_lists_present_and_missing_components() -> None:
    report = report_for(
        "I'm sorry I missed your match. I was stuck at work, but that's on me. "
        "Next time I'll leave early. Can I take you for pizza to make it up?"
    )
    assert {"owning", "regret", "explanation", "change", "repair"} <= set(report.present)
    assert set(report.missing) == {"invitation", "forgiveness"}
    assert report.owns_the_act


def test_it_orders_advice_by_research_weight() -> None:
    report = report_for("I apologise.")
    assert report.missing[:2] == ("owning", "repair")
    assert list(report.missing) == [c for c in COMPONENTS if c in report.missing]
    assert "Name what you did" in report.advice[0]


def test_it_calls_asking_for_forgiveness_optional() -> None:
    report = report_for("I'm sorry I shouted at you.")
    assert "forgiveness" in report.missing
    assert "optional" in report.advice[-1].lower()


def test_it_sees_the_invitation_and_the_request_for_forgiveness() -> None:
    report = report_for("I'm sorry I shouted. How did it feel for you? Can you forgive me?")
    assert {"invitation", "forgiveness"} <= set(report.present)


def test_it_names_the_non_apology_shapes() -> None:
    cases = {
        "I'm sorry you feel that way.": "sorry_you_feel",
        "Sorry if that came out wrong.": "sorry_if",
        "I'm sorry, but you started it.": "sorry_but",
        "Sorry for whatever I did.": "vague",
        "Mistakes were made on Friday.": "agentless",
    }
    for text, shape in cases.items():
        report = report_for(text)
        assert shape in report.shapes, text
        assert not report.owns_the_act
        assert "too bad" in report.advice[0]


def test_it_does_not_count_sorry_if_i_as_owning_the_act() -> None:
    report = report_for("I'm sorry if I hurt you.")
    assert "owning" not in report.present


def test_it_returns_no_report_for_messages_that_do_not_apologise() -> None:
    assert apology_report(normalise("Can you grab bread later?")) is None


def test_it_attaches_the_report_to_apologies_and_non_apologies() -> None:
    assert analyse("I'm sorry I broke your favourite mug. I'll replace it.").apology is not None
    result = analyse("Sorry if you got offended by the joke.")
    assert result.apology is not None
    assert "sorry_if" in result.apology.shapes
    assert analyse("Thanks for the lift!").apology is None
