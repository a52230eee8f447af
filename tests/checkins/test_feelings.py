"""The feeling words and the grid, without a database."""

from __future__ import annotations

from collections import Counter

import pytest

from hearth.core import feelings


def test_it_holds_at_least_25_words_in_each_quadrant() -> None:
    counts = Counter(f.quadrant for f in feelings.VOCABULARY.values())
    assert len(feelings.VOCABULARY) >= 100
    assert set(counts) == set(feelings.QUADRANTS)
    assert min(counts.values()) >= 25


def test_it_places_every_word_inside_its_own_quadrant() -> None:
    for f in feelings.VOCABULARY.values():
        assert feelings.LOW <= f.pleasantness <= feelings.HIGH
        assert feelings.LOW <= f.energy <= feelings.HIGH
        assert feelings.quadrant_of(f.pleasantness, f.energy).key == f.quadrant, f.word


def test_it_glosses_every_word_on_one_short_line() -> None:
    for f in feelings.VOCABULARY.values():
        assert f.gloss and "\n" not in f.gloss and len(f.gloss) <= 80, f.word
        assert f.word == f.word.lower().strip()


def test_it_tells_disappointed_from_discouraged() -> None:
    disappointed = feelings.VOCABULARY["disappointed"].gloss
    discouraged = feelings.VOCABULARY["discouraged"].gloss
    assert disappointed != discouraged
    assert "hoped" in disappointed and "trying" in discouraged


def test_it_leaves_out_interpretations_dressed_as_feelings() -> None:
    for word in ("abandoned", "ignored", "manipulated", "betrayed", "rejected"):
        assert not feelings.is_known(word)
        assert feelings.is_interpretation(word)
    assert not feelings.INTERPRETATIONS & set(feelings.VOCABULARY)
    assert feelings.is_interpretation("  Taken   for granted ")
    assert not feelings.is_interpretation("lonely")


@pytest.mark.parametrize(
    ("x", "y", "key", "title"),
    [
        (-4, 4, "unpleasant-high", "Stirred up and uneasy"),
        (-3, -3, "unpleasant-low", "Heavy and low"),
        (3, -2, "pleasant-low", "Calm and content"),
        (4, 4, "pleasant-high", "Bright and lively"),
        (0, 0, "pleasant-low", "Calm and content"),
        (-1, 0, "unpleasant-low", "Heavy and low"),
        (0, 1, "pleasant-high", "Bright and lively"),
    ],
)
def test_it_names_the_quadrant_of_a_point(x: int, y: int, key: str, title: str) -> None:
    quadrant = feelings.quadrant_of(x, y)
    assert (quadrant.key, quadrant.title) == (key, title)


def test_it_offers_the_nearest_words_first() -> None:
    words = [f.word for f in feelings.words_for("unpleasant-low", (-5, -4))]
    assert words[0] == "hopeless"
    assert words.index("hopeless") < words.index("wistful")
    far = feelings.words_for("pleasant-high", (5, 5))
    assert far[0].word == "ecstatic"
    assert [f.word for f in feelings.words_for("pleasant-high")] == sorted(f.word for f in far)


def test_it_puts_the_points_own_quadrant_first_and_keeps_all_reachable() -> None:
    groups = feelings.quadrants_for(-4, 4)
    assert groups[0][0].key == "unpleasant-high"
    assert {q.key for q, _ in groups} == set(feelings.QUADRANTS)
    assert sum(len(words) for _, words in groups) == len(feelings.VOCABULARY)


def test_it_refuses_an_unknown_quadrant() -> None:
    with pytest.raises(feelings.FeelingsError):
        feelings.words_for("sideways")


@pytest.mark.parametrize(("x", "y"), [(-6, 0), (0, 6), (1.5, 0), ("2", 0), (True, 0), (None, 1)])
def test_it_refuses_a_point_off_the_grid(x: object, y: object) -> None:
    with pytest.raises(feelings.FeelingsError, match="from -5 to"):
        feelings.check_point(x, y)


def test_it_accepts_the_corners_of_the_grid() -> None:
    assert feelings.check_point(-5, 5) == (-5, 5)
    assert feelings.check_point(5, -5) == (5, -5)


def test_it_trims_and_limits_own_words() -> None:
    assert feelings.clean_own_words(" giddy ,  a bit   wobbly,,giddy ") == ["giddy", "a bit wobbly"]
    assert feelings.clean_own_words(["", "  "]) == []
    with pytest.raises(feelings.FeelingsError, match="at most 3"):
        feelings.clean_own_words("one, two, three, four")
    with pytest.raises(feelings.FeelingsError, match="30 characters"):
        feelings.clean_own_words(["x" * 31])
    assert feelings.clean_own_words(["x" * 30]) == ["x" * 30]


def test_it_checks_the_words_chosen_from_the_list() -> None:
    assert feelings.check_words(["calm", "calm", "grateful"]) == ["calm", "grateful"]
    with pytest.raises(feelings.FeelingsError, match="at most 3"):
        feelings.check_words(["calm", "grateful", "safe", "cosy"])
    with pytest.raises(feelings.FeelingsError, match="from the list"):
        feelings.check_words(["ignored"])


def test_it_needs_one_word_of_either_kind() -> None:
    assert feelings.check_choice([], ["wobbly"]) == ([], ["wobbly"])
    assert feelings.check_choice(["calm"], ["Calm", "fizzy"]) == (["calm"], ["fizzy"])
    with pytest.raises(feelings.FeelingsError, match="at least one word"):
        feelings.check_choice([], [" "])
