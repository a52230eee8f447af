"""Follow-through on promises over time: plain counts, with honest uncertainty.

A member's settled promises end one of three ways: kept, renegotiated (moved
or released by agreement, which is good communication, not failure) or
missed. This module groups them by month and gives the rate of promises kept
or renegotiated with a Wilson score interval, which stays sensible at the
small counts a couple produces (three promises in a month say little, and the
interval is wide to show it)::

    months = by_month([(date(2025, 3, 2), "kept"), ...], today=date(2025, 3, 31))
    months[-1].kept, months[-1].low, months[-1].high

Pure Python: no Django, no database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

OUTCOMES = ("kept", "renegotiated", "missed")
Z_95 = 1.959963984540054


class FollowThroughError(ValueError):
    """Input that cannot be counted (an unknown outcome, a negative count)."""


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for ``successes`` out of ``total``.

    With no evidence at all the honest answer is "anywhere": (0.0, 1.0).
    """
    if total < 0 or successes < 0 or successes > total:
        raise FollowThroughError(f"cannot take {successes} out of {total}")
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    z2 = z * z
    centre = p + z2 / (2 * total)
    margin = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    denominator = 1 + z2 / total
    low = (centre - margin) / denominator
    high = (centre + margin) / denominator
    return (max(0.0, low), min(1.0, high))


@dataclass(frozen=True)
class Period:
    """One stretch of time (a month, or all of it) and how promises ended in it."""

    year: int
    month: int
    kept: int = 0
    renegotiated: int = 0
    missed: int = 0

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def total(self) -> int:
        return self.kept + self.renegotiated + self.missed

    @property
    def followed_through(self) -> int:
        """Kept or renegotiated: the promise was honoured or honestly changed."""
        return self.kept + self.renegotiated

    @property
    def rate(self) -> float | None:
        return self.followed_through / self.total if self.total else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.followed_through, self.total)

    @property
    def low(self) -> float:
        return self.interval[0]

    @property
    def high(self) -> float:
        return self.interval[1]


def _month_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return (index // 12, index % 12 + 1)


def _checked(outcomes: Iterable[tuple[date, str]]) -> list[tuple[date, str]]:
    checked = []
    for day, outcome in outcomes:
        if outcome not in OUTCOMES:
            raise FollowThroughError(f"unknown outcome {outcome!r}")
        checked.append((day, outcome))
    return checked


def _count(year: int, month: int, outcomes: list[tuple[date, str]]) -> Period:
    counts = dict.fromkeys(OUTCOMES, 0)
    for _, outcome in outcomes:
        counts[outcome] += 1
    return Period(year, month, counts["kept"], counts["renegotiated"], counts["missed"])


def by_month(outcomes: Iterable[tuple[date, str]], *, today: date, months: int = 6) -> list[Period]:
    """The last ``months`` calendar months up to ``today``'s, oldest first.

    Each outcome is (the day it was settled, "kept" | "renegotiated" |
    "missed"). Outcomes outside the window are ignored; empty months are kept,
    so a quiet month shows as quiet rather than disappearing.
    """
    if months < 1:
        raise FollowThroughError("at least one month is needed")
    window = [_month_back(today.year, today.month, back) for back in range(months - 1, -1, -1)]
    grouped: dict[tuple[int, int], list[tuple[date, str]]] = {key: [] for key in window}
    for day, outcome in _checked(outcomes):
        key = (day.year, day.month)
        if key in grouped and day <= today:
            grouped[key].append((day, outcome))
    return [_count(year, month, grouped[(year, month)]) for year, month in window]


def overall(periods: Iterable[Period]) -> Period:
    """All the periods together (year and month are those of the last one)."""
    periods = list(periods)
    if not periods:
        return Period(0, 0)
    last = periods[-1]
    return Period(
        last.year,
        last.month,
        sum(p.kept for p in periods),
        sum(p.renegotiated for p in periods),
        sum(p.missed for p in periods),
    )
