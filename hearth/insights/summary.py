"""Plain words for a series: what a member's own sense did over a period.

Pure functions over :class:`hearth.core.trust.Point` lists, tested without a
database. The words speak of the member's own sense ("your sense of being
heard"), never of the other person, and meet a step back with patience.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hearth.core.trust import Point, WeekBalance

# A change in the expected value (0..1) that counts as movement, not noise.
TREND = 0.05
# A fall from a high point, later recovered from, that is worth naming.
DIP = 0.06
# Days without new evidence that make a quiet stretch.
GAP_DAYS = 7
# Below this much evidence there is nothing to describe yet.
NOTHING = 0.5

SUBJECTS = {
    "reliability": "{poss} sense that {subj} could rely on {whom}",
    "heard": "{poss} sense of being heard",
    "safety": "{poss} sense of being safe to be {self}",
    "respect": "{poss} sense of being respected",
}
# The member reads about their own sense ("you"); the combined view speaks of
# each member's own line in the third person ("they").
VOICES = {
    "you": {"poss": "your", "subj": "you", "self": "yourself"},
    "they": {"poss": "their", "subj": "they", "self": "themselves"},
}

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Reading:
    """What a series did: the trend, its biggest dip, and a quiet stretch."""

    trend: str  # "rising", "falling", "steady", or "nothing" when there is no evidence
    change: float
    dip_day: date | None = None
    dip_depth: float = 0.0
    gap_start: date | None = None
    gap_end: date | None = None
    gap_ongoing: bool = False


def subject(dimension: str, whom: str = "the others", voice: str = "you") -> str:
    return SUBJECTS[dimension].format(whom=whom, **VOICES[voice])


def when_words(day: date, reference: date | None = None) -> str:
    """'early March', or 'late December 2024' when the year is not the reference's."""
    part = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
    words = f"{part} {MONTHS[day.month - 1]}"
    if reference is not None and reference.year != day.year:
        words += f" {day.year}"
    return words


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _trend(points: Sequence[Point]) -> tuple[str, float]:
    # Average a few days at each end, so one odd day doesn't decide the trend.
    edge = max(1, min(7, len(points) // 4))
    change = _mean([p.expected for p in points[-edge:]]) - _mean(
        [p.expected for p in points[:edge]]
    )
    if change >= TREND:
        return "rising", change
    if change <= -TREND:
        return "falling", change
    return "steady", change


def _dip(points: Sequence[Point]) -> tuple[date | None, float]:
    """The deepest fall from an earlier high that the series later climbed back from."""
    values = [p.expected for p in points]
    # The highest value from each day on, to see whether a fall was climbed back from.
    later = values[:]
    for i in range(len(values) - 2, -1, -1):
        later[i] = max(values[i], later[i + 1])
    peak = values[0]
    best_day: date | None = None
    best = 0.0
    for i, value in enumerate(values):
        peak = max(peak, value)
        depth = peak - value
        if depth >= DIP and depth > best and later[i] - value >= DIP / 2:
            best_day, best = points[i].day, depth
    return best_day, best


def _gap(points: Sequence[Point]) -> tuple[date | None, date | None, bool]:
    """The longest run of days with no new evidence, if the band widened over it."""
    best: tuple[int, int] | None = None
    run_start = None
    for i in range(1, len(points) + 1):
        quiet = i < len(points) and points[i].evidence <= points[i - 1].evidence + 1e-9
        if quiet and run_start is None:
            run_start = i - 1
        if not quiet and run_start is not None:
            if best is None or (i - 1 - run_start) > (best[1] - best[0]):
                best = (run_start, i - 1)
            run_start = None
    if best is None or best[1] - best[0] < GAP_DAYS:
        return None, None, False
    first, last = points[best[0]], points[best[1]]
    if (last.high - last.low) <= (first.high - first.low):
        return None, None, False
    return first.day, last.day, best[1] == len(points) - 1


def read(points: Sequence[Point]) -> Reading:
    if not points or max(p.evidence for p in points) < NOTHING:
        return Reading(trend="nothing", change=0.0)
    trend, change = _trend(points)
    dip_day, dip_depth = _dip(points)
    gap_start, gap_end, ongoing = _gap(points)
    return Reading(trend, change, dip_day, dip_depth, gap_start, gap_end, ongoing)


def describe(
    points: Sequence[Point],
    *,
    dimension: str,
    period: str,
    whom: str = "the others",
    voice: str = "you",
) -> str:
    """A few patient sentences about one dimension over ``period`` ("the last four weeks")."""
    reading = read(points)
    subj = VOICES[voice]["subj"]
    if reading.trend == "nothing":
        return (
            f"There's nothing to go on yet for {period}. "
            f"As {subj} check in, a line will take shape here."
        )
    who = subject(dimension, whom, voice)
    who = who[0].upper() + who[1:]
    end = points[-1].day
    verb = {"rising": "has risen", "falling": "has eased", "steady": "has held steady"}
    text = f"{who} {verb[reading.trend]} over {period}"
    if reading.dip_day is not None:
        text += f", with a dip in {when_words(reading.dip_day, end)}"
    text += "."
    if reading.trend == "falling":
        text += " Steps back are part of how trust moves, and this can turn again."
    if reading.gap_ongoing:
        text += (
            " There's less to go on lately: the band is wider because "
            f"{subj} haven't checked in for a while."
        )
    elif reading.gap_start is not None:
        text += (
            f" The band widened in {when_words(reading.gap_start, end)}, "
            "a quiet stretch with less to go on."
        )
    return text


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def describe_balance(weeks: Sequence[WeekBalance], *, period: str) -> str:
    """Warm and hard moments over a period, in words, without judging them."""
    positive = sum(w.positive for w in weeks)
    negative = sum(w.negative for w in weeks)
    if positive + negative == 0:
        return (
            f"No moments were noted over {period}. That's fine: this fills in as "
            "promises, thanks and boundaries come up."
        )
    text = (
        f"Over {period} there were {_plural(positive, 'warm moment', 'warm moments')} "
        f"and {_plural(negative, 'hard one', 'hard ones')}"
    )
    if positive and negative:
        ratio = positive / negative
        shown = f"{ratio:.0f}" if ratio >= 2 else f"{ratio:.1f}"
        text += f", about {shown} warm for each hard one"
    text += "."
    busiest = max(weeks, key=lambda w: w.negative)
    if busiest.negative >= 2:
        text += (
            f" The week of {busiest.week_start.day} {MONTHS[busiest.week_start.month - 1]} "
            "had the most hard moments; weeks like that happen, and they pass."
        )
    return text


def movement(before: Point | None, after: Point) -> str:
    """How one dimension moved over a week, in words ("rose a little", ...)."""
    if after.evidence < NOTHING:
        return "nothing to go on yet"
    if before is None:
        return "a first reading this week"
    if after.evidence <= before.evidence + 1e-9:
        return "no new check-ins, so it stayed much as it was, with a little less certainty"
    change = after.expected - before.expected
    if change >= 0.08:
        return "rose"
    if change >= 0.02:
        return "rose a little"
    if change <= -0.08:
        return "eased down; a step back, which happens"
    if change <= -0.02:
        return "eased a little"
    return "held steady"


def week_balance_words(week: WeekBalance | None) -> str:
    if week is None or week.positive + week.negative == 0:
        return "No moments were noted last week."
    return (
        f"Last week had {_plural(week.positive, 'warm moment', 'warm moments')} "
        f"and {_plural(week.negative, 'hard one', 'hard ones')}."
    )
