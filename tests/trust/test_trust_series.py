"""Known numbers from the trust model: series, quantiles, Wilson, weekly balance."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from scipy import stats

from hearth.core import followthrough, trust
from hearth.core.trust import Evidence, Params, TrustError

DAY0 = date(2025, 3, 3)  # a Monday


def test_it_counts_a_days_own_evidence_in_full_and_halves_it_after_one_half_life() -> None:
    one = [Evidence(DAY0, "reliability", 1.0, 0.0)]
    points = trust.series(one, "reliability", DAY0, DAY0 + timedelta(days=120))
    assert len(points) == 121
    assert points[0].day == DAY0 and points[-1].day == DAY0 + timedelta(days=120)
    assert points[0].evidence == 1.0
    assert points[60].evidence == 0.5
    assert points[120].evidence == 0.25
    assert points[1].evidence == pytest.approx(0.5 ** (1 / 60), abs=1e-15)


def test_it_gives_the_hand_computed_expected_value_and_scipy_interval() -> None:
    one = [Evidence(DAY0, "reliability", 1.0, 0.0)]
    points = trust.series(one, "reliability", DAY0, DAY0 + timedelta(days=60))
    # Day 0: Beta(2, 1): mean 2/3, quantiles sqrt(0.1) and sqrt(0.9).
    assert points[0].expected == pytest.approx(2 / 3)
    assert points[0].low == pytest.approx(0.1**0.5, abs=1e-6)
    assert points[0].high == pytest.approx(0.9**0.5, abs=1e-6)
    # Day 60: r = 0.5, so Beta(1.5, 1): mean 0.6, quantiles p ** (1 / 1.5).
    assert points[60].expected == pytest.approx(1.5 / 2.5)
    assert points[60].low == pytest.approx(0.1 ** (1 / 1.5), abs=1e-6)
    assert points[60].high == pytest.approx(stats.beta.ppf(0.9, 1.5, 1.0), abs=1e-6)


def test_it_starts_at_the_prior_with_no_evidence() -> None:
    points = trust.series([], "heard", DAY0, DAY0 + timedelta(days=2))
    for point in points:
        assert point.expected == 0.5
        assert point.low == pytest.approx(0.1, abs=1e-6)
        assert point.high == pytest.approx(0.9, abs=1e-6)
        assert point.evidence == 0.0


def test_it_carries_earlier_evidence_into_the_window_faded() -> None:
    before = [Evidence(DAY0 - timedelta(days=60), "safety", 0.0, 4.0)]
    points = trust.series(before, "safety", DAY0, DAY0 + timedelta(days=1))
    assert points[0].evidence == pytest.approx(2.0)
    assert points[0].expected == pytest.approx(1 / 4)


def test_it_ignores_evidence_after_the_end_and_on_other_dimensions() -> None:
    items = [
        Evidence(DAY0 + timedelta(days=5), "safety", 3.0, 0.0),
        Evidence(DAY0, "respect", 3.0, 0.0),
    ]
    points = trust.series(items, "safety", DAY0, DAY0 + timedelta(days=4))
    assert [p.evidence for p in points] == [0.0] * 5


def test_it_reads_about_none_as_everyone_and_a_member_as_only_them() -> None:
    items = [
        Evidence(DAY0, "reliability", 1.0, 0.0, about=None),
        Evidence(DAY0, "reliability", 0.0, 2.0, about=7),
        Evidence(DAY0, "reliability", 4.0, 0.0, about=8),
    ]
    assert trust.series(items, "reliability", DAY0, DAY0)[0].evidence == 7.0
    only_7 = trust.series(items, "reliability", DAY0, DAY0, about=7)[0]
    assert only_7.evidence == 2.0
    assert only_7.expected == pytest.approx(1 / 4)


def test_it_gives_the_same_points_from_series_all_as_from_series() -> None:
    items = [
        trust.from_rating(DAY0 + timedelta(days=i % 30), d, 1 + i % 7)
        for i, d in enumerate(trust.DIMENSIONS * 20)
    ]
    items.append(trust.from_moment(DAY0, "promise_missed", about=3))
    end = DAY0 + timedelta(days=40)
    together = trust.series_all(items, DAY0, end)
    for dimension in trust.DIMENSIONS:
        assert together[dimension] == trust.series(items, dimension, DAY0, end)
    assert trust.series_all(items, DAY0, end, about=3)["reliability"] == trust.series(
        items, "reliability", DAY0, end, about=3
    )


def test_it_uses_the_credible_mass_and_prior_from_params() -> None:
    params = Params(half_life_days=10, prior_r=2, prior_s=3, credible=0.5)
    point = trust.series([], "respect", DAY0, DAY0, params=params)[0]
    assert point.expected == pytest.approx(2 / 5)
    assert point.low == pytest.approx(stats.beta.ppf(0.25, 2, 3), abs=1e-6)
    assert point.high == pytest.approx(stats.beta.ppf(0.75, 2, 3), abs=1e-6)


def test_it_matches_scipy_beta_quantiles_over_the_shapes_the_model_produces() -> None:
    grid = np.concatenate([np.linspace(1, 20, 77), np.geomspace(20, 2e5, 40)])
    a, b = (each.ravel() for each in np.meshgrid(grid, grid))
    worst = 0.0
    for p in (0.1, 0.9, 0.05, 0.95, 0.25):
        got = trust.beta_quantile(p, a, b)
        worst = max(worst, float(np.max(np.abs(got - stats.beta.ppf(p, a, b)))))
    assert worst < 5e-6


def test_it_matches_scipy_for_a_jeffreys_prior_too() -> None:
    grid = np.concatenate([np.linspace(0.5, 20, 40), np.geomspace(20, 1e4, 10)])
    a, b = (each.ravel() for each in np.meshgrid(grid, grid))
    low, high = trust.beta_quantiles((0.1, 0.9), a, b)
    assert np.max(np.abs(low - stats.beta.ppf(0.1, a, b))) < 5e-6
    assert np.max(np.abs(high - stats.beta.ppf(0.9, a, b))) < 5e-6


def test_it_grades_ratings() -> None:
    seven = trust.from_rating(DAY0, "heard", 7)
    assert (seven.positive, seven.negative, seven.source) == (1.0, 0.0, "checkin")
    two = trust.from_rating(DAY0, "heard", 2, about=4, weight=0.5)
    assert two.positive == pytest.approx(0.5 / 6)
    assert two.negative == pytest.approx(0.5 * 5 / 6)
    assert two.about == 4


@pytest.mark.parametrize("rating", [0, 8, -1, True, 3.5])
def test_it_refuses_a_rating_outside_one_to_seven(rating: object) -> None:
    with pytest.raises(TrustError):
        trust.from_rating(DAY0, "heard", rating)  # type: ignore[arg-type]


def test_it_refuses_unknown_dimensions_and_moments() -> None:
    with pytest.raises(TrustError):
        trust.from_rating(DAY0, "love", 4)
    with pytest.raises(TrustError):
        trust.from_moment(DAY0, "promise_forgotten")
    with pytest.raises(TrustError):
        trust.series([], "love", DAY0, DAY0)


def test_it_refuses_bad_windows_parameters_and_evidence() -> None:
    with pytest.raises(TrustError):
        trust.series([], "heard", DAY0, DAY0 - timedelta(days=1))
    with pytest.raises(TrustError):
        trust.series([], "heard", DAY0, DAY0, params=Params(half_life_days=0))
    with pytest.raises(TrustError):
        trust.series([], "heard", DAY0, DAY0, params=Params(credible=1.0))
    with pytest.raises(TrustError):
        trust.series([], "heard", DAY0, DAY0, params=Params(prior_s=0))
    with pytest.raises(TrustError):
        trust.series([Evidence(DAY0, "heard", -1.0, 0.0)], "heard", DAY0, DAY0)
    with pytest.raises(TrustError):
        trust.series([Evidence(DAY0, "heard", float("nan"), 0.0)], "heard", DAY0, DAY0)


def test_it_maps_moments_to_their_dimensions() -> None:
    assert trust.MOMENTS["promise_kept"] == ("reliability", 1.0, 0.0)
    assert trust.MOMENTS["promise_renegotiated"] == ("reliability", 0.3, 0.0)
    assert trust.MOMENTS["promise_missed"] == ("reliability", 0.0, 1.0)
    assert trust.MOMENTS["boundary_honoured"] == ("respect", 1.0, 0.0)
    assert trust.MOMENTS["boundary_crossed"] == ("respect", 0.0, 1.0)
    assert trust.MOMENTS["time_out_honoured"] == ("safety", 0.5, 0.0)
    assert trust.MOMENTS["repair_step_completed"][0] in ("reliability", "safety")
    assert trust.MOMENTS["appreciation_received"][0] in ("heard", "respect")
    for dimension, positive, negative in trust.MOMENTS.values():
        assert dimension in trust.DIMENSIONS and positive >= 0 and negative >= 0
    moment = trust.from_moment(DAY0, "promise_missed", about=9)
    assert moment == Evidence(DAY0, "reliability", 0.0, 1.0, 9, "promise_missed")


def test_it_lets_a_crossed_boundary_touch_safety_mildly() -> None:
    crossed = trust.from_moments(DAY0, "boundary_crossed", about=2)
    assert [(e.dimension, e.negative) for e in crossed] == [("respect", 1.0), ("safety", 0.3)]
    assert [e.source for e in trust.from_moments(DAY0, "promise_kept")] == ["promise_kept"]


def test_it_gives_known_wilson_intervals() -> None:
    # 8 of 10 at 95%: the textbook (0.4902, 0.9433).
    low, high = trust.wilson(8, 10, confidence=0.95)
    assert (low, high) == pytest.approx((0.49016, 0.94332), abs=1e-4)
    low80, high80 = trust.wilson(8, 10)
    assert low < low80 < 0.8 < high80 < high
    assert trust.wilson(0, 0) == (0.0, 1.0)
    assert trust.wilson(5, 5, confidence=0.95)[1] == 1.0


def test_it_shares_one_wilson_with_followthrough() -> None:
    assert trust.wilson(3, 7, confidence=0.95) == pytest.approx(followthrough.wilson_interval(3, 7))
    z80 = stats.norm.ppf(0.9)
    assert trust.wilson(3, 7) == pytest.approx(followthrough.wilson_interval(3, 7, z80))


def test_it_refuses_impossible_wilson_input() -> None:
    for successes, total in ((3, 2), (-1, 2), (1, -1)):
        with pytest.raises(TrustError):
            trust.wilson(successes, total)
    with pytest.raises(TrustError):
        trust.wilson(1, 2, confidence=1.0)


def test_it_balances_moments_by_week_with_no_holes() -> None:
    moments = [
        (date(2025, 3, 9), True),  # Sunday: still the week of Monday 3 March
        (date(2025, 3, 3), False),
        (date(2025, 3, 4), True),
        (date(2025, 3, 24), False),  # two quiet weeks in between
        (date(2025, 3, 25), True),
    ]
    weeks = trust.weekly_balance(moments)
    assert weeks == [
        trust.WeekBalance(date(2025, 3, 3), 2, 1),
        trust.WeekBalance(date(2025, 3, 10), 0, 0),
        trust.WeekBalance(date(2025, 3, 17), 0, 0),
        trust.WeekBalance(date(2025, 3, 24), 1, 1),
    ]
    assert all(week.week_start.weekday() == 0 for week in weeks)


def test_it_has_no_weeks_without_moments() -> None:
    assert trust.weekly_balance([]) == []
    assert trust.weekly_balance([(date(2025, 1, 1), True)]) == [
        trust.WeekBalance(date(2024, 12, 30), 1, 0)
    ]
