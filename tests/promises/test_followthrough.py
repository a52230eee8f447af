"""The pure follow-through numbers: counts by month and the Wilson interval."""

from __future__ import annotations

from datetime import date

import pytest

from hearth.core.followthrough import FollowThroughError, by_month, overall, wilson_interval


def test_it_gives_the_textbook_wilson_interval() -> None:
    low, high = wilson_interval(8, 10)
    assert round(low, 4) == 0.4902
    assert round(high, 4) == 0.9433


def test_it_stays_inside_zero_and_one_at_the_edges() -> None:
    low, high = wilson_interval(5, 5)
    assert high == 1.0 and 0.5 < low < 0.6
    low, high = wilson_interval(0, 4)
    assert low == 0.0 and 0.45 < high < 0.5


def test_it_says_anything_is_possible_with_no_evidence() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_it_narrows_as_evidence_grows() -> None:
    small = wilson_interval(4, 5)
    large = wilson_interval(80, 100)
    assert (large[1] - large[0]) < (small[1] - small[0])


def test_it_refuses_impossible_counts() -> None:
    with pytest.raises(FollowThroughError):
        wilson_interval(6, 5)
    with pytest.raises(FollowThroughError):
        wilson_interval(-1, 5)


def test_it_counts_a_known_series_by_month() -> None:
    series = [
        (date(2025, 1, 3), "kept"),  # outside the six-month window
        (date(2025, 3, 2), "kept"),
        (date(2025, 3, 20), "renegotiated"),
        (date(2025, 5, 1), "missed"),
        (date(2025, 6, 10), "kept"),
        (date(2025, 6, 11), "kept"),
        (date(2025, 6, 30), "renegotiated"),
        (date(2025, 7, 1), "kept"),  # after today: not counted yet
    ]
    months = by_month(series, today=date(2025, 6, 15), months=6)
    assert [(m.year, m.month) for m in months] == [
        (2025, 1),
        (2025, 2),
        (2025, 3),
        (2025, 4),
        (2025, 5),
        (2025, 6),
    ]
    assert [(m.kept, m.renegotiated, m.missed) for m in months] == [
        (1, 0, 0),
        (0, 0, 0),
        (1, 1, 0),
        (0, 0, 0),
        (0, 0, 1),
        (2, 0, 0),
    ]
    assert months[1].rate is None and months[1].interval == (0.0, 1.0)
    assert months[4].rate == 0.0
    whole = overall(months)
    assert (whole.kept, whole.renegotiated, whole.missed, whole.total) == (4, 1, 1, 6)
    assert whole.followed_through == 5
    assert (whole.low, whole.high) == wilson_interval(5, 6)


def test_it_crosses_the_new_year() -> None:
    months = by_month([(date(2024, 11, 5), "kept")], today=date(2025, 2, 1), months=4)
    assert [(m.year, m.month) for m in months] == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
    assert months[0].kept == 1


def test_it_refuses_an_unknown_outcome() -> None:
    with pytest.raises(FollowThroughError):
        by_month([(date(2025, 1, 1), "forgotten")], today=date(2025, 1, 2))
    with pytest.raises(FollowThroughError):
        by_month([], today=date(2025, 1, 2), months=0)
