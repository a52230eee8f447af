import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.core.coach import ERODING, LABELS, MAX_CHARS, CoachError, analyse

DATA = Path(__file__).resolve().parents[2] / "hearth" / "core" / "coach" / "data" / "messages.jsonl"

# Written for these tests; the first test checks that none of them is in the dataset.
UNSEEN = {
    "blame": "You always leave your socks on the stairs.",
    "contempt": "Wow, real mature, slamming the door.",
    "defensiveness": "It's not my fault the oven was left on.",
    "stonewalling": "Whatever. I'm not discussing this.",
    "breakup_threat": "Maybe we should just split up then.",
    "dismissive": "You're overreacting about the car.",
    "non_apology": "I'm sorry you feel that way about the trip.",
    "i_statement": "I feel lonely when we eat dinner in silence.",
    "apology": "I'm sorry I forgot to call your mum. That was on me.",
    "validation": "It makes sense you'd be hurt that I didn't ask first.",
    "appreciation": "Thanks for cooking tonight, it was delicious.",
    "request": "Could you text me when you leave the office?",
    "time_out": "I'm getting flooded. Can we take twenty minutes and then come back to this?",
}
KIND = [
    "What time does the train leave?",
    "Thanks for cooking tonight, it was delicious.",
    "I feel lonely when we eat dinner in silence.",
]


def dataset_texts() -> set[str]:
    with DATA.open(encoding="utf-8") as fh:
        return {json.loads(line)["text"].strip().lower() for line in fh}


def test_it_uses_examples_that_are_not_in_the_dataset() -> None:
    texts = dataset_texts()
    for text in [*UNSEEN.values(), *KIND, "You never listen to me"]:
        assert text.strip().lower() not in texts, text


def test_it_covers_every_label_in_the_examples() -> None:
    assert set(UNSEEN) == set(LABELS)


@pytest.mark.parametrize("label", sorted(UNSEEN))
def test_it_detects_each_label_on_unseen_examples(label: str) -> None:
    result = analyse(UNSEEN[label])
    assert label in result.label_names


def test_it_finds_nothing_in_logistics() -> None:
    result = analyse("What time does the train leave?")
    assert result.labels == ()
    assert result.rewrite is None
    assert result.to_dict()["labels"] == []


def test_it_points_the_blame_span_at_the_triggering_words() -> None:
    text = "You never listen to me"
    result = analyse(text)
    (blame,) = [f for f in result.labels if f.label == "blame"]
    words = [text[s:e] for s, e in blame.spans]
    assert any("You never" in w or "never listen" in w for w in words)
    assert 0 < blame.confidence <= 1


def test_it_points_non_apology_spans_at_the_deflection() -> None:
    text = "Look, I'm sorry if my text annoyed you."
    finding = next(f for f in analyse(text).labels if f.label == "non_apology")
    assert any("sorry if" in text[s:e].lower() for s, e in finding.spans)


def test_it_explains_each_label_in_a_sentence() -> None:
    for finding in analyse("You're pathetic, honestly.").labels:
        assert finding.explanation.endswith(".")
        assert "you should" not in finding.explanation.lower()


def test_it_reads_a_judgment_dressed_as_a_feeling_as_blame() -> None:
    result = analyse("I feel like you don't care what happens to me.")
    assert "blame" in result.label_names
    assert "i_statement" not in result.label_names


def test_it_reads_a_complaint_question_as_blame() -> None:
    assert "blame" in analyse("Why can't you ever just text me back?").label_names


def test_it_does_not_read_negations_as_attacks() -> None:
    for text in ["You're not wrong about the traffic.", "I never said you were lazy."]:
        names = analyse(text).label_names
        assert "blame" not in names and "contempt" not in names, text


def test_it_does_not_read_affectionate_teasing_as_contempt() -> None:
    text = "Haha you goof, you put the milk in the cupboard again 😂❤️"
    assert "contempt" not in analyse(text).label_names


def test_it_reads_sarcastic_thanks_as_contempt() -> None:
    text = "Oh thanks a lot for eating the last slice, so thoughtful 🙄"
    names = analyse(text).label_names
    assert "contempt" in names
    assert "appreciation" not in names


def test_it_tells_a_break_with_a_return_from_shutting_down() -> None:
    assert "time_out" in analyse("I need a break. Let's talk again after dinner.").label_names
    shut = analyse("I'm done talking about it. Leave me alone.").label_names
    assert "stonewalling" in shut and "time_out" not in shut


def test_it_reads_an_apology_that_explains_but_owns_the_act_as_an_apology() -> None:
    text = "I was late because my train was cancelled, but I should have texted you. I'm sorry."
    names = analyse(text).label_names
    assert "apology" in names
    assert "defensiveness" not in names and "non_apology" not in names


def test_it_finds_several_labels_in_one_message() -> None:
    text = "You never help around the house and I honestly don't know why I'm with you."
    names = analyse(text).label_names
    assert {"blame", "breakup_threat"} <= set(names)


@pytest.mark.parametrize("label", sorted(set(ERODING) - {"non_apology"}))
def test_it_offers_a_rewrite_for_eroding_messages(label: str) -> None:
    result = analyse(UNSEEN[label])
    assert result.rewrite


def test_it_offers_no_rewrite_for_kind_messages() -> None:
    for text in KIND:
        assert analyse(text).rewrite is None, text


def test_it_rewrites_blame_into_a_feeling_and_a_request_from_the_message_words() -> None:
    rewrite = analyse("You never listen to me").rewrite
    assert rewrite is not None
    assert rewrite.startswith("I feel")
    assert "listen to me" in rewrite
    assert rewrite.rstrip().endswith("?")


def test_it_rewrites_a_non_apology_into_one_that_owns_the_act() -> None:
    rewrite = analyse("Sorry if I hurt your feelings at dinner.").rewrite
    assert rewrite is not None
    assert rewrite.startswith("I'm sorry I hurt your feelings at dinner")
    assert "apology" in analyse(rewrite).label_names


def test_it_rewrites_a_breakup_threat_as_a_time_out() -> None:
    rewrite = analyse("Maybe we should just split up then.").rewrite
    assert rewrite is not None
    assert "time_out" in analyse(rewrite).label_names


def test_it_rewrites_stonewalling_as_a_break_with_a_return_time() -> None:
    rewrite = analyse("Whatever. I'm not discussing this.").rewrite
    assert rewrite is not None
    assert "twenty minutes" in rewrite


def test_it_rewrites_dismissing_as_validation_of_the_same_thing() -> None:
    rewrite = analyse("Calm down, it's only a scratch on the car.").rewrite
    assert rewrite is not None
    assert "scratch on the car" in rewrite


@pytest.mark.parametrize("label", sorted(ERODING))
def test_it_does_not_flag_its_own_rewrites_as_blame_or_contempt(label: str) -> None:
    rewrite = analyse(UNSEEN[label]).rewrite or "I'm sorry I was short with you."
    names = analyse(rewrite).label_names
    assert "blame" not in names and "contempt" not in names, rewrite


def test_it_gives_json_ready_data() -> None:
    data = analyse("You never listen to me").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["labels"] == ["blame"]


@pytest.mark.parametrize("bad", ["", "   \n\t", "x" * (MAX_CHARS + 1)])
def test_it_rejects_empty_or_overlong_text(bad: str) -> None:
    with pytest.raises(CoachError):
        analyse(bad)


def test_it_rejects_text_that_is_not_a_string() -> None:
    with pytest.raises(CoachError):
        analyse(42)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip() != ""))
def test_it_never_raises_and_keeps_spans_inside_the_text(text: str) -> None:
    result = analyse(text)
    for finding in result.labels:
        assert finding.label in LABELS
        assert 0.0 <= finding.confidence <= 1.0
        for start, end in finding.spans:
            assert 0 <= start < end <= len(text)
