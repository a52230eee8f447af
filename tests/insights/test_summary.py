"""The words under each chart, from known series (no database)."""

from __future__ import annotations

from datetime import date, timedelta

from hearth.core import trust
from hearth.core.trust import Point, WeekBalance
from hearth.insights import summary

START = date(2025, 2, 10)


def make(
    values: list[float], *, width: float = 0.2, evidence: list[float] | None = None
) -> list[Point]:
    ev = evidence or [5.0 + i for i in range(len(values))]
    return [
        Point(START + timedelta(days=i), v, v - width / 2, v + width / 2, ev[i])
        for i, v in enumerate(values)
    ]


def line(first: float, last: float, n: int = 42) -> list[float]:
    return [first + (last - first) * i / (n - 1) for i in range(n)]


def test_it_says_a_rising_sense_has_risen() -> None:
    text = summary.describe(make(line(0.45, 0.7)), dimension="heard", period="the last six weeks")
    assert text == "Your sense of being heard has risen over the last six weeks."


def test_it_meets_a_falling_sense_with_patience() -> None:
    text = summary.describe(make(line(0.7, 0.5)), dimension="respect", period="the last four weeks")
    assert text.startswith("Your sense of being respected has eased over the last four weeks.")
    assert "can turn again" in text
    assert summary.read(make(line(0.7, 0.5))).trend == "falling"


def test_it_calls_small_wobbles_steady() -> None:
    values = [0.6 + (0.02 if i % 2 else -0.02) for i in range(42)]
    reading = summary.read(make(values))
    assert reading.trend == "steady"
    assert reading.dip_day is None
    assert "has held steady" in summary.describe(
        make(values), dimension="safety", period="the last year"
    )


def test_it_names_the_biggest_dip_and_when() -> None:
    # Up to 0.7, down to 0.5 on 3 March (day 21), and back up to 0.75.
    values = line(0.5, 0.7, 14) + line(0.68, 0.5, 8) + line(0.52, 0.75, 20)
    points = make(values)
    reading = summary.read(points)
    assert reading.trend == "rising"
    assert reading.dip_day == START + timedelta(days=21)
    assert abs(reading.dip_depth - 0.2) < 1e-9
    text = summary.describe(points, dimension="heard", period="the last six weeks")
    assert text == (
        "Your sense of being heard has risen over the last six weeks, with a dip in early March."
    )


def test_it_does_not_call_an_unrecovered_fall_a_dip() -> None:
    assert summary.read(make(line(0.7, 0.4))).dip_day is None


def test_it_says_the_band_widened_over_an_ongoing_gap() -> None:
    n = 42
    evidence = [5.0 + i for i in range(30)] + [34.0 * 0.98**i for i in range(1, 13)]
    widths = [0.2] * 30 + [0.2 + 0.01 * i for i in range(1, 13)]
    points = [
        Point(START + timedelta(days=i), 0.6, 0.6 - widths[i] / 2, 0.6 + widths[i] / 2, evidence[i])
        for i in range(n)
    ]
    reading = summary.read(points)
    assert reading.gap_ongoing
    assert reading.gap_start == START + timedelta(days=29)
    text = summary.describe(points, dimension="heard", period="the last six weeks")
    assert "the band is wider because you haven't checked in for a while" in text


def test_it_names_a_past_quiet_stretch() -> None:
    evidence = [float(i) for i in range(1, 11)] + [10 * 0.98**i for i in range(1, 11)]
    evidence += [8 + i for i in range(1, 23)]
    points = [
        Point(START + timedelta(days=i), 0.6, 0.5, 0.7 + (0.02 if 10 < i <= 20 else 0), e)
        for i, e in enumerate(evidence)
    ]
    reading = summary.read(points)
    assert not reading.gap_ongoing
    assert reading.gap_start == START + timedelta(days=9)
    assert "The band widened in mid February, a quiet stretch" in summary.describe(
        points, dimension="safety", period="the last six weeks"
    )


def test_it_waits_patiently_when_there_is_nothing_to_go_on() -> None:
    points = trust.series([], "heard", START, START + timedelta(days=27))
    text = summary.describe(points, dimension="heard", period="the last four weeks")
    assert text.startswith("There's nothing to go on yet for the last four weeks.")


def test_it_reads_the_real_model_after_a_gap() -> None:
    # Daily good check-ins for five weeks, then three weeks of silence.
    evidence = [trust.from_rating(START + timedelta(days=i), "heard", 6) for i in range(35)]
    points = trust.series(evidence, "heard", START, START + timedelta(days=55))
    reading = summary.read(points)
    assert reading.trend == "rising"
    assert reading.gap_ongoing
    assert "haven't checked in for a while" in summary.describe(
        points, dimension="heard", period="the last eight weeks"
    )


def test_it_speaks_of_their_own_sense_in_the_combined_view() -> None:
    text = summary.describe(
        make(line(0.45, 0.7)), dimension="reliability", period="the last year", voice="they"
    )
    assert text == "Their sense that they could rely on the others has risen over the last year."


def test_it_words_the_balance_without_judging() -> None:
    weeks = [
        WeekBalance(date(2025, 3, 3), 5, 1),
        WeekBalance(date(2025, 3, 10), 4, 3),
        WeekBalance(date(2025, 3, 17), 3, 0),
    ]
    text = summary.describe_balance(weeks, period="the last four weeks")
    assert text.startswith(
        "Over the last four weeks there were 12 warm moments and 4 hard ones, "
        "about 3 warm for each hard one."
    )
    assert "The week of 10 March had the most hard moments" in text
    empty = summary.describe_balance([WeekBalance(date(2025, 3, 3), 0, 0)], period="x")
    assert empty.startswith("No moments were noted over x.")


def test_it_words_a_weeks_movement() -> None:
    before = Point(START, 0.5, 0.4, 0.6, 10.0)
    assert summary.movement(before, Point(START, 0.6, 0.5, 0.7, 12.0)) == "rose"
    assert summary.movement(before, Point(START, 0.53, 0.4, 0.6, 12.0)) == "rose a little"
    assert summary.movement(before, Point(START, 0.5, 0.4, 0.6, 12.0)) == "held steady"
    assert summary.movement(before, Point(START, 0.45, 0.4, 0.6, 12.0)) == "eased a little"
    assert summary.movement(before, Point(START, 0.5, 0.4, 0.6, 9.0)).startswith("no new check-ins")
    assert summary.movement(None, Point(START, 0.5, 0.4, 0.6, 0.0)) == "nothing to go on yet"
