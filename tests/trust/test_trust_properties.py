"""Properties the trust model keeps for any evidence (hypothesis)."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.core import trust
from hearth.core.trust import Evidence, Params

START = date(2025, 1, 1)
SPAN = 40

amounts = st.floats(min_value=0, max_value=50, allow_nan=False, allow_infinity=False)
evidence_items = st.builds(
    Evidence,
    day=st.integers(min_value=-20, max_value=SPAN).map(lambda i: START + timedelta(days=i)),
    dimension=st.just("reliability"),
    positive=amounts,
    negative=amounts,
    about=st.sampled_from([None, 1, 2]),
)
evidence_lists = st.lists(evidence_items, max_size=30)
params_st = st.builds(
    Params,
    half_life_days=st.floats(min_value=0.5, max_value=365),
    prior_r=st.floats(min_value=0.5, max_value=5),
    prior_s=st.floats(min_value=0.5, max_value=5),
    credible=st.sampled_from([0.5, 0.8, 0.9]),
)


def _series(items: list[Evidence], params: Params | None = None) -> list[trust.Point]:
    params = params or Params()
    return trust.series(items, "reliability", START, START + timedelta(days=SPAN), params=params)


@given(evidence_lists, params_st)
def test_it_keeps_values_in_bounds_and_the_interval_around_the_expected_value(
    items: list[Evidence], params: Params
) -> None:
    points = _series(items, params)
    assert len(points) == SPAN + 1
    for point in points:
        assert 0.0 <= point.low <= point.expected <= point.high <= 1.0
        assert point.evidence >= 0.0


@given(evidence_lists, st.integers(min_value=0, max_value=SPAN), amounts)
def test_it_never_lowers_the_expected_value_for_more_positive_evidence(
    items: list[Evidence], offset: int, extra: float
) -> None:
    more = [*items, Evidence(START + timedelta(days=offset), "reliability", extra, 0.0)]
    for before, after in zip(_series(items), _series(more), strict=True):
        assert after.expected >= before.expected - 1e-12


@given(evidence_lists, st.integers(min_value=0, max_value=SPAN), amounts)
def test_it_never_raises_the_expected_value_for_more_negative_evidence(
    items: list[Evidence], offset: int, extra: float
) -> None:
    more = [*items, Evidence(START + timedelta(days=offset), "reliability", 0.0, extra)]
    for before, after in zip(_series(items), _series(more), strict=True):
        assert after.expected <= before.expected + 1e-12


# With the model's uniform prior the band widens as evidence fades: Beta(1, 1)
# is the widest. (With a lopsided or sub-uniform prior a Beta can narrow as
# it relaxes toward its prior, so this is a property of the default prior.)
uniform_params_st = st.builds(
    Params,
    half_life_days=st.floats(min_value=0.5, max_value=365),
    credible=st.sampled_from([0.5, 0.8, 0.9]),
)


@given(amounts, amounts, uniform_params_st)
def test_it_drifts_toward_the_prior_and_widens_with_no_new_evidence(
    positive: float, negative: float, params: Params
) -> None:
    items = [Evidence(START, "reliability", positive + 1, negative)]
    points = _series(items, params)
    prior_mean = params.prior_r / (params.prior_r + params.prior_s)
    for today, tomorrow in itertools.pairwise(points):
        assert abs(tomorrow.expected - prior_mean) <= abs(today.expected - prior_mean) + 1e-12
        assert tomorrow.evidence < today.evidence
        assert tomorrow.high - tomorrow.low >= today.high - today.low - 1e-9


@settings(max_examples=50)
@given(evidence_lists, st.randoms(use_true_random=False))
def test_it_ignores_the_order_of_evidence(items: list[Evidence], rng: random.Random) -> None:
    shuffled = list(items)
    rng.shuffle(shuffled)
    for one, other in zip(_series(items), _series(shuffled), strict=True):
        assert one.day == other.day
        assert abs(one.expected - other.expected) < 1e-9
        assert abs(one.low - other.low) < 1e-9
        assert abs(one.evidence - other.evidence) < 1e-9 * (1 + one.evidence)


@given(st.integers(min_value=1, max_value=7), st.floats(min_value=0, max_value=10))
def test_it_splits_a_rating_into_its_weight(rating: int, weight: float) -> None:
    item = trust.from_rating(START, "heard", rating, weight=weight)
    assert abs(item.positive + item.negative - weight) < 1e-12
    assert item.positive >= 0 and item.negative >= 0


@given(
    st.lists(st.tuples(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.booleans()), max_size=40)
)
def test_it_counts_every_moment_once_in_the_weekly_balance(
    moments: list[tuple[date, bool]],
) -> None:
    weeks = trust.weekly_balance(moments)
    assert sum(w.positive for w in weeks) == sum(1 for _, good in moments if good)
    assert sum(w.negative for w in weeks) == sum(1 for _, good in moments if not good)
    for one, other in itertools.pairwise(weeks):
        assert (other.week_start - one.week_start).days == 7


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_it_keeps_wilson_inside_zero_and_one_around_the_rate(a: int, b: int) -> None:
    successes, total = min(a, b), max(a, b)
    low, high = trust.wilson(successes, total)
    assert 0.0 <= low <= high <= 1.0
    if total:
        assert low - 1e-12 <= successes / total <= high + 1e-12
