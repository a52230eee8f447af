"""The trust model: a member's own sense of trust and security, from small moments.

Pure Python (numpy allowed), no Django. Plain data in, plain data out; one
error type, :class:`TrustError`.

The model (Jøsang & Ismail's Beta reputation, with forgetting):

* For each dimension (reliability, being heard, safety to be myself, respect),
  and optionally about one other member, positive evidence ``r`` and negative
  evidence ``s`` accumulate day by day. Every day, both are multiplied by a
  decay factor so that evidence loses half its weight after ``half_life_days``
  (60 by default): old moments fade and uncertainty grows back when nothing new
  happens.
* The expected value is (r + prior_r) / (r + s + prior_r + prior_s), with a
  uniform prior (1, 1) by default, so no evidence means 0.5 with a wide band.
* An 80% credible interval comes from the Beta(r + prior_r, s + prior_s)
  distribution.

Evidence comes from check-in ratings (graded: a 6 of 7 is mostly positive, a 2
mostly negative) and from moments, each weighted on the dimension it touches
(see MOMENTS).

Conventions (the contract the tests pin):

* **Decay.** A day's own evidence counts in full on that day and starts to
  fade the next: ``r[t] = r[t-1] * 0.5 ** (1 / half_life_days) + new[t]``. One
  positive unit on day 0 is worth exactly 1 on day 0 and 0.5 on day
  ``half_life_days``. Evidence from before ``start`` is carried in, decayed to
  ``start``; evidence after ``end`` is ignored.
* **Whom it is about.** ``series(..., about=None)`` is the member's overall
  view: every piece of evidence on the dimension, whomever it is about.
  ``series(..., about=7)`` keeps only the evidence about member 7.
* **Credible interval.** Equal-tailed: the ``(1 - credible) / 2`` and
  ``(1 + credible) / 2`` quantiles of the Beta distribution, computed without
  scipy (see :func:`beta_quantiles`; within 2e-6 of ``scipy.stats.beta.ppf``
  over the shapes the model produces).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import repeat
from operator import attrgetter, eq
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from hearth.core.followthrough import wilson_interval

DIMENSIONS: tuple[str, ...] = ("reliability", "heard", "safety", "respect")

FloatArray = npt.NDArray[np.float64]


class TrustError(ValueError):
    """Input the model cannot use (an unknown dimension, a rating out of 1..7, ...)."""


@dataclass(frozen=True)
class Params:
    half_life_days: float = 60.0
    prior_r: float = 1.0
    prior_s: float = 1.0
    credible: float = 0.8


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence on one day, about the space (about=None) or one member."""

    day: date
    dimension: str
    positive: float
    negative: float
    about: int | None = None
    source: str = ""


@dataclass(frozen=True)
class Point:
    """The model's view of one dimension on one day."""

    day: date
    expected: float
    low: float
    high: float
    evidence: float  # decayed r + s behind the value


# Moments and the evidence they carry: kind -> (dimension, positive, negative).
# Renegotiating in advance is communication, so it counts mildly positive.
MOMENTS: dict[str, tuple[str, float, float]] = {
    # A kept promise is the plainest proof of reliability; a missed one the
    # plainest dent in it. Missing counts as much as keeping: misses dent the
    # value, they don't reset it (forgetting does the rest).
    "promise_kept": ("reliability", 1.0, 0.0),
    "promise_renegotiated": ("reliability", 0.3, 0.0),
    "promise_missed": ("reliability", 0.0, 1.0),
    # Being appreciated specifically ("thank you for listening when ...") is
    # evidence of being seen and heard, more than of being respected: it is
    # the responsiveness that carries disclosure into intimacy (Laurenceau et
    # al. 1998). Small, because thanks are frequent and cheap to give.
    "appreciation_received": ("heard", 0.5, 0.0),
    # A boundary honoured or crossed is respect, first of all.
    "boundary_honoured": ("respect", 1.0, 0.0),
    "boundary_crossed": ("respect", 0.0, 1.0),
    # A crossed boundary also shakes the felt safety to be oneself a little;
    # kept mild and separate (see boundary_crossed_safety) so one crossing is
    # not counted as a full breach of safety. Adapters emit both.
    "boundary_crossed_safety": ("safety", 0.0, 0.3),
    # Following through on a repair plan rebuilds reliability: the hurt
    # person sees the promised change happen.
    "repair_step_completed": ("reliability", 0.5, 0.0),
    # A time-out that was announced and honoured (with a return) makes it
    # safer to bring up hard things.
    "time_out_honoured": ("safety", 0.5, 0.0),
}

# What a moment kind also brings with it: from_moments() expands these.
ALSO: dict[str, tuple[str, ...]] = {"boundary_crossed": ("boundary_crossed_safety",)}


def _check_dimension(dimension: str) -> None:
    if dimension not in DIMENSIONS:
        raise TrustError(f"unknown dimension {dimension!r}")


def from_rating(
    day: date, dimension: str, rating: int, *, about: int | None = None, weight: float = 1.0
) -> Evidence:
    """A 1..7 check-in rating as graded evidence: (rating-1)/6 positive, the rest negative."""
    _check_dimension(dimension)
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 7:
        raise TrustError(f"a rating is a whole number from 1 to 7, not {rating!r}")
    if not (math.isfinite(weight) and weight >= 0):
        raise TrustError(f"a weight is a finite number of at least 0, not {weight!r}")
    positive = (rating - 1) / 6
    return Evidence(day, dimension, positive * weight, (1 - positive) * weight, about, "checkin")


def from_moment(day: date, kind: str, *, about: int | None = None) -> Evidence:
    """A moment (a kind from MOMENTS) as weighted evidence on its dimension."""
    try:
        dimension, positive, negative = MOMENTS[kind]
    except KeyError:
        raise TrustError(f"unknown moment {kind!r}") from None
    return Evidence(day, dimension, positive, negative, about, kind)


def from_moments(day: date, kind: str, *, about: int | None = None) -> list[Evidence]:
    """A moment and whatever it also brings (a crossed boundary touches safety too)."""
    return [from_moment(day, each, about=about) for each in (kind, *ALSO.get(kind, ()))]


def decay_factor(params: Params = Params()) -> float:
    """How much of yesterday's evidence is left today."""
    return float(0.5 ** (1.0 / params.half_life_days))


def _check_params(params: Params) -> None:
    if not (math.isfinite(params.half_life_days) and params.half_life_days > 0):
        raise TrustError("the half-life must be a positive number of days")
    if not (params.prior_r > 0 and params.prior_s > 0):
        raise TrustError("the prior must be positive on both sides")
    if not (math.isfinite(params.prior_r) and math.isfinite(params.prior_s)):
        raise TrustError("the prior must be finite")
    if not 0 < params.credible < 1:
        raise TrustError("the credible mass must lie strictly between 0 and 1")


def _all_columns(
    evidence: Iterable[Evidence], about: int | None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray, FloatArray]:
    """Day ordinals, dimension indexes (-1: not a dimension), positive, negative.

    One C-speed map per field (attrgetter, no Python loop): the batch path for
    a million pieces of evidence.
    """
    items = evidence if isinstance(evidence, list | tuple) else list(evidence)
    n = len(items)
    index = {dimension: i for i, dimension in enumerate(DIMENSIONS)}
    dimensions = map(attrgetter("dimension"), items)
    where = np.fromiter(map(index.get, dimensions, repeat(-1)), dtype=np.int64, count=n)
    if about is not None:
        matches = map(eq, map(attrgetter("about"), items), repeat(about))
        where[~np.fromiter(matches, dtype=bool, count=n)] = -1
    days = map(date.toordinal, map(attrgetter("day"), items))
    ordinals = np.fromiter(days, dtype=np.int64, count=n)
    positive = np.fromiter(map(attrgetter("positive"), items), dtype=np.float64, count=n)
    negative = np.fromiter(map(attrgetter("negative"), items), dtype=np.float64, count=n)
    return ordinals, where, positive, negative


def _columns(
    evidence: Iterable[Evidence], dimension: str, about: int | None
) -> tuple[npt.NDArray[np.int64], FloatArray, FloatArray]:
    ordinals, where, positive, negative = _all_columns(evidence, about)
    chosen = where == DIMENSIONS.index(dimension)
    return ordinals[chosen], positive[chosen], negative[chosen]


def decayed(
    days: npt.NDArray[np.int64],
    positive: FloatArray,
    negative: FloatArray,
    start: date,
    end: date,
    params: Params = Params(),
) -> tuple[FloatArray, FloatArray]:
    """Decayed r and s for each day from start to end, from evidence in columns.

    ``days`` are proleptic ordinals (``date.toordinal()``). This is the batch
    path behind :func:`series`, for callers that already hold arrays.
    """
    _check_params(params)
    if end < start:
        raise TrustError("the end comes before the start")
    if not (np.all(np.isfinite(positive)) and np.all(np.isfinite(negative))):
        raise TrustError("evidence must be finite")
    if np.any(positive < 0) or np.any(negative < 0):
        raise TrustError("evidence is never negative; use the other side")
    n_days = end.toordinal() - start.toordinal() + 1
    offset = days - start.toordinal()
    keep = offset < n_days
    offset, positive, negative = offset[keep], positive[keep], negative[keep]
    # Evidence from before the window arrives on the first day, already faded.
    earlier = offset < 0
    if np.any(earlier):
        fade = 0.5 ** (-offset[earlier] / params.half_life_days)
        positive, negative = positive.copy(), negative.copy()
        positive[earlier] *= fade
        negative[earlier] *= fade
        offset = np.maximum(offset, 0)
    new_r = np.bincount(offset, weights=positive, minlength=n_days).astype(np.float64)
    new_s = np.bincount(offset, weights=negative, minlength=n_days).astype(np.float64)
    return _fade(new_r, params), _fade(new_s, params)


def _fade(new: FloatArray, params: Params) -> FloatArray:
    """r[t] = r[t-1] * d + new[t], in blocks of scaled cumulative sums.

    Within a block, r[t] = d**t * cumsum(new[j] / d**j): every term is
    positive, so the sum keeps full relative precision. Blocks stay short
    enough (at most 256 half-lives) that d**-j never overflows.
    """
    out = np.empty_like(new)
    block = max(1, min(len(new), int(256 * params.half_life_days)))
    carry = 0.0
    for first in range(0, len(new), block):
        chunk = new[first : first + block]
        steps = np.arange(len(chunk), dtype=np.float64) / params.half_life_days
        grow = np.exp2(steps)
        state = (np.cumsum(chunk * grow) + carry) / grow
        out[first : first + len(chunk)] = state
        carry = float(state[-1]) * float(0.5 ** (1.0 / params.half_life_days))
    return out


def series(
    evidence: Iterable[Evidence],
    dimension: str,
    start: date,
    end: date,
    *,
    about: int | None = None,
    params: Params = Params(),
) -> list[Point]:
    """One Point per day from start to end inclusive, for one dimension (and member).

    The order of evidence within a day does not matter.
    """
    _check_dimension(dimension)
    days, positive, negative = _columns(evidence, dimension, about)
    r, s = decayed(days, positive, negative, start, end, params)
    return points(r, s, start, params)


def series_all(
    evidence: Iterable[Evidence],
    start: date,
    end: date,
    *,
    about: int | None = None,
    params: Params = Params(),
) -> dict[str, list[Point]]:
    """:func:`series` for every dimension at once, walking the evidence once."""
    ordinals, where, positive, negative = _all_columns(evidence, about)
    # One vectorised pass for the intervals of all four dimensions.
    rs, ss = [], []
    for i in range(len(DIMENSIONS)):
        chosen = where == i
        r, s = decayed(ordinals[chosen], positive[chosen], negative[chosen], start, end, params)
        rs.append(r)
        ss.append(s)
    n_days = end.toordinal() - start.toordinal() + 1
    r, s = np.concatenate(rs), np.concatenate(ss)
    expected, low, high = _intervals(r, s, params)
    total = r + s
    day_list = [start + timedelta(days=i) for i in range(n_days)]
    out: dict[str, list[Point]] = {}
    for i, dimension in enumerate(DIMENSIONS):
        part = slice(i * n_days, (i + 1) * n_days)
        out[dimension] = _points(day_list, expected[part], low[part], high[part], total[part])
    return out


def _intervals(
    r: FloatArray, s: FloatArray, params: Params
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Expected value and credible interval for decayed r and s."""
    a = r + params.prior_r
    b = s + params.prior_s
    expected = a / (a + b)
    tail = (1 - params.credible) / 2
    low, high = beta_quantiles((tail, 1 - tail), a, b)
    # The mean lies inside any central interval of a Beta with shapes this
    # size; the clamp only guards against the last 1e-6 of quantile error.
    return expected, np.minimum(low, expected), np.maximum(high, expected)


def _points(
    days: list[date], expected: FloatArray, low: FloatArray, high: FloatArray, total: FloatArray
) -> list[Point]:
    columns = (expected.tolist(), low.tolist(), high.tolist(), total.tolist())
    return list(map(Point, days, *columns))


def points(r: FloatArray, s: FloatArray, start: date, params: Params = Params()) -> list[Point]:
    """Points for decayed r and s (as from :func:`decayed`), one per day from start."""
    _check_params(params)
    expected, low, high = _intervals(r, s, params)
    days = [start + timedelta(days=i) for i in range(len(r))]
    return _points(days, expected, low, high, r + s)


# --- The Beta quantile, without scipy ---------------------------------------
#
# 1. A first guess from the Cornish-Fisher expansion of logit(X), whose
#    cumulants are exact: kappa_n = psi^(n-1)(a) + (-1)^n psi^(n-1)(b), because
#    logit(X) = log G_a - log G_b for independent gamma variables. The logit is
#    much closer to normal than X, so the guess is within ~0.002 for a, b >= 1.
# 2. Where min(a, b) < 20 (where the guess can be off by up to ~0.002), one
#    Halley step on the regularised incomplete beta I_x(a, b), a continued
#    fraction evaluated vectorised with a fixed number of terms. Elsewhere the
#    guess alone is within 1e-6.

_SHIFT = 6  # polygamma: recur up to x + 6, then the asymptotic series
_REFINE_BELOW = 20.0  # min(a, b) under which Halley steps polish the guess
_CF_TERMS = 16
_HALLEY_STEPS = 1


def _polygammas(x: FloatArray) -> list[FloatArray]:
    """psi^(n)(x) for n = 0..5, vectorised (x > 0)."""
    sums = [np.zeros_like(x) for _ in range(6)]
    for j in range(_SHIFT):
        t = 1.0 / (x + j)
        power = t
        for n in range(6):
            sums[n] += power
            power = power * t
    y = x + _SHIFT
    inv = 1.0 / y
    inv2 = inv * inv
    # Bernoulli numbers B2..B12 for the asymptotic series.
    bern = (1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730)
    out: list[FloatArray] = []
    # psi(y) ~ ln y - 1/(2y) - sum B_2k / (2k y^2k)
    series0 = np.zeros_like(y)
    power = inv2
    for k, b2k in enumerate(bern, start=1):
        series0 += b2k / (2 * k) * power
        power = power * inv2
    out.append(np.log(y) - 0.5 * inv - series0 - sums[0])
    for n in range(1, 6):
        # psi^(n)(y) ~ (-1)^(n+1) [(n-1)!/y^n + n!/(2 y^(n+1))
        #                          + sum B_2k (2k+n-1)! / ((2k)! y^(2k+n))]
        sign = -1.0 if n % 2 == 0 else 1.0
        total = math.factorial(n - 1) * inv**n + math.factorial(n) / 2 * inv ** (n + 1)
        power = inv ** (n + 2)
        for k, b2k in enumerate(bern, start=1):
            total = total + b2k * math.factorial(2 * k + n - 1) / math.factorial(2 * k) * power
            power = power * inv2
        # psi^(n)(x) = psi^(n)(x + N) - (-1)^n n! sum_j 1/(x+j)^(n+1)
        out.append(sign * total + sign * math.factorial(n) * sums[n])
    return out


def _guesses(ps: Sequence[float], a: FloatArray, b: FloatArray) -> list[FloatArray]:
    """First guesses for several quantiles of the same shapes (cumulants shared)."""
    both = _polygammas(np.concatenate([a, b]))
    pa = [each[: len(a)] for each in both]
    pb = [each[len(a) :] for each in both]
    k1 = pa[0] - pb[0]
    k2 = pa[1] + pb[1]
    sd = np.sqrt(k2)
    g1 = (pa[2] - pb[2]) / sd**3
    g2 = (pa[3] + pb[3]) / k2**2
    g3 = (pa[4] - pb[4]) / sd**5
    g4 = (pa[5] + pb[5]) / k2**3
    g11, g12, g13 = g1 * g1, g1 * g2, g1 * g3
    g111, g22, g112, g1111 = g11 * g1, g2 * g2, g11 * g2, g11 * g11
    out = []
    for p in ps:
        z = NormalDist().inv_cdf(p)
        z2, z3, z4, z5 = z * z, z**3, z**4, z**5
        w = (
            z
            + (z2 - 1) / 6 * g1
            + (z3 - 3 * z) / 24 * g2
            - (2 * z3 - 5 * z) / 36 * g11
            + (z4 - 6 * z2 + 3) / 120 * g3
            - (z4 - 5 * z2 + 2) / 24 * g12
            + (12 * z4 - 53 * z2 + 17) / 324 * g111
            + (z5 - 10 * z3 + 15 * z) / 720 * g4
            - (2 * z5 - 17 * z3 + 21 * z) / 180 * g13
            - (3 * z5 - 24 * z3 + 29 * z) / 384 * g22
            + (14 * z5 - 103 * z3 + 107 * z) / 288 * g112
            - (252 * z5 - 1688 * z3 + 1511 * z) / 7776 * g1111
        )
        logit = k1 + sd * w
        out.append(np.asarray(0.5 * (1.0 + np.tanh(0.5 * logit)), dtype=np.float64))
    return out


def _log_gamma(x: FloatArray) -> FloatArray:
    """ln Gamma(x) for x > 0: recurrence to x + 8, then Stirling's series."""
    product = np.ones_like(x)
    for j in range(_SHIFT):
        product = product * (x + j)
    y = x + _SHIFT
    inv = 1.0 / y
    inv2 = inv * inv
    tail = inv * (1 / 12 + inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680))))
    stirling = (y - 0.5) * np.log(y) - y + 0.5 * math.log(2 * math.pi) + tail
    return np.asarray(stirling - np.log(product), dtype=np.float64)


def _continued_fraction(x: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    """The continued fraction for I_x(a, b) (modified Lentz), fixed number of terms.

    Only called on the side where it converges, x < (a+1)/(a+b+2), with a, b
    > 0: there no partial denominator comes near zero, so Lentz's guards
    against dividing by zero are left out (they cost a third of the time).
    """
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = 1.0 / (1.0 - qab * x / qap)
    h = d.copy()
    for m in range(1, _CF_TERMS + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 / (1.0 + aa * d)
        c = 1.0 + aa / c
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 / (1.0 + aa * d)
        c = 1.0 + aa / c
        h *= d * c
    return h


def _cdf_and_log_pdf(x: FloatArray, a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray]:
    """I_x(a, b) and ln of the Beta density at x (0 < x < 1)."""
    log_beta = _log_gamma(a) + _log_gamma(b) - _log_gamma(a + b)
    log_x, log_1mx = np.log(x), np.log1p(-x)
    front = a * log_x + b * log_1mx - log_beta
    # The fraction converges fast on the side x < (a+1)/(a+b+2); use symmetry
    # I_x(a, b) = 1 - I_{1-x}(b, a) on the other.
    swap = x >= (a + 1.0) / (a + b + 2.0)
    xs = np.where(swap, 1.0 - x, x)
    as_, bs = np.where(swap, b, a), np.where(swap, a, b)
    part = np.exp(front) * _continued_fraction(xs, as_, bs) / as_
    cdf = np.where(swap, 1.0 - part, part)
    log_pdf = front - log_x - log_1mx
    return cdf, log_pdf


def beta_quantile(p: float, a: FloatArray, b: FloatArray) -> FloatArray:
    """The p-quantile of Beta(a, b), element by element (a, b > 0, 0 < p < 1)."""
    return beta_quantiles((p,), a, b)[0]


def beta_quantiles(ps: Sequence[float], a: FloatArray, b: FloatArray) -> list[FloatArray]:
    """Several quantiles of Beta(a, b) at once, element by element.

    Within about 2e-6 of ``scipy.stats.beta.ppf`` for a, b >= 0.5 and
    quantiles from 0.05 to 0.95 (tests/trust checks it against scipy).
    """
    if not all(0 < p < 1 for p in ps):
        raise TrustError("a quantile needs 0 < p < 1")
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise TrustError("the shapes a and b must have the same length")
    if not (np.all(a > 0) and np.all(b > 0) and np.all(np.isfinite(a + b))):
        raise TrustError("Beta shapes must be positive and finite")
    if a.size == 0:
        return [np.empty_like(a) for _ in ps]
    guesses = _guesses(ps, a, b)
    rough = np.minimum(a, b) < _REFINE_BELOW
    if not np.any(rough):
        return guesses
    # Polish every rough guess of every quantile in one vectorised pass.
    count = int(np.count_nonzero(rough))
    xs = np.concatenate([g[rough] for g in guesses])
    as_ = np.tile(a[rough], len(ps))
    bs = np.tile(b[rough], len(ps))
    targets = np.repeat(np.asarray(ps, dtype=np.float64), count)
    for _ in range(_HALLEY_STEPS):
        xs = np.clip(xs, 1e-15, 1 - 1e-15)
        cdf, log_pdf = _cdf_and_log_pdf(xs, as_, bs)
        # Halley's method: Newton's step, corrected by the density's slope.
        newton = (cdf - targets) / np.exp(log_pdf)
        slope = (as_ - 1) / xs - (bs - 1) / (1 - xs)
        step = newton / np.maximum(1 - 0.5 * newton * slope, 0.5)
        # Never step more than halfway to an edge: keeps the root in (0, 1).
        step = np.clip(step, -0.5 * (1 - xs), 0.5 * xs)
        xs = xs - step
    xs = np.clip(xs, 0.0, 1.0)
    out = []
    for i, guess in enumerate(guesses):
        polished = guess.copy()
        polished[rough] = xs[i * count : (i + 1) * count]
        out.append(polished)
    return out


def wilson(successes: int, total: int, *, confidence: float = 0.8) -> tuple[float, float]:
    """The Wilson score interval for a rate (promise follow-through)."""
    if not 0 < confidence < 1:
        raise TrustError("the confidence must lie strictly between 0 and 1")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    try:
        return wilson_interval(successes, total, z)
    except ValueError as error:
        raise TrustError(str(error)) from None


@dataclass(frozen=True)
class WeekBalance:
    week_start: date  # a Monday
    positive: int
    negative: int


def weekly_balance(moments: Sequence[tuple[date, bool]]) -> list[WeekBalance]:
    """Positive and negative moments per week (Monday to Sunday), oldest first.

    Weeks with no moments between the first and the last are included, so a
    chart has no holes. No moments, no weeks.
    """
    if not moments:
        return []
    counts: dict[date, list[int]] = {}
    for day, positive in moments:
        monday = day - timedelta(days=day.weekday())
        pair = counts.setdefault(monday, [0, 0])
        pair[0 if positive else 1] += 1
    first, last = min(counts), max(counts)
    weeks = (last - first).days // 7 + 1
    out = []
    for i in range(weeks):
        monday = first + timedelta(weeks=i)
        positive_count, negative_count = counts.get(monday, (0, 0))
        out.append(WeekBalance(monday, positive_count, negative_count))
    return out
