"""The schedule arithmetic, without a database."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta

import pytest

from hearth.core import recurrence
from hearth.core.recurrence import (
    FORTNIGHTLY,
    LAST,
    MONTHLY,
    WEEKLY,
    RecurrenceError,
    Schedule,
    schedule_from,
)

FRI, SAT, SUN, MON = 4, 5, 6, 0


def test_it_starts_a_weekly_schedule_on_the_first_matching_day() -> None:
    # 1 January 2025 is a Wednesday; the first Friday on or after it is the 3rd.
    s = schedule_from(WEEKLY, FRI, None, date(2025, 1, 1))
    assert s.first_date == date(2025, 1, 3)
    assert schedule_from(WEEKLY, FRI, None, date(2025, 1, 3)).first_date == date(2025, 1, 3)


def test_it_repeats_weekly_across_a_month_and_a_year_end() -> None:
    s = schedule_from(WEEKLY, FRI, None, date(2024, 12, 20))
    assert recurrence.next_dates(s, date(2024, 12, 21), 3) == [
        date(2024, 12, 27),
        date(2025, 1, 3),
        date(2025, 1, 10),
    ]
    assert recurrence.previous_dates(s, date(2025, 1, 9), 5) == [
        date(2025, 1, 3),
        date(2024, 12, 27),
        date(2024, 12, 20),
    ]


def test_it_keeps_the_fortnight_phase_of_the_first_date() -> None:
    s = schedule_from(FORTNIGHTLY, SUN, None, date(2025, 3, 2))
    assert s.first_date == date(2025, 3, 2)
    assert recurrence.next_dates(s, date(2025, 3, 3), 3) == [
        date(2025, 3, 16),
        date(2025, 3, 30),
        date(2025, 4, 13),
    ]
    assert recurrence.is_occurrence(s, date(2025, 3, 16))
    assert not recurrence.is_occurrence(s, date(2025, 3, 9))  # the off week
    assert recurrence.previous_dates(s, date(2025, 3, 29), 9) == [
        date(2025, 3, 16),
        date(2025, 3, 2),
    ]


def test_it_finds_the_nth_weekday_of_each_month() -> None:
    s = schedule_from(MONTHLY, SUN, 1, date(2025, 1, 10))
    # The first Sunday of January 2025 (the 5th) has passed: February's is next.
    assert s.first_date == date(2025, 2, 2)
    assert recurrence.next_dates(s, date(2025, 2, 3), 3) == [
        date(2025, 3, 2),
        date(2025, 4, 6),
        date(2025, 5, 4),
    ]


def test_it_keeps_the_last_weekday_across_short_and_long_months() -> None:
    s = schedule_from(MONTHLY, FRI, LAST, date(2024, 1, 1))
    assert recurrence.dates_between(s, date(2024, 1, 1), date(2024, 6, 30)) == [
        date(2024, 1, 26),
        date(2024, 2, 23),  # a leap February
        date(2024, 3, 29),
        date(2024, 4, 26),
        date(2024, 5, 31),  # the 31st itself
        date(2024, 6, 28),
    ]
    assert recurrence.previous_dates(s, date(2024, 3, 28), 5) == [
        date(2024, 2, 23),
        date(2024, 1, 26),
    ]


def test_it_crosses_a_year_end_monthly() -> None:
    s = schedule_from(MONTHLY, MON, 4, date(2024, 11, 1))
    assert recurrence.next_dates(s, date(2024, 11, 1), 3) == [
        date(2024, 11, 25),
        date(2024, 12, 23),
        date(2025, 1, 27),
    ]


def test_it_never_goes_before_the_first_date() -> None:
    s = schedule_from(WEEKLY, SAT, None, date(2025, 5, 3))
    assert recurrence.previous_dates(s, date(2025, 5, 2), 3) == []
    assert recurrence.next_dates(s, date(2020, 1, 1), 1) == [date(2025, 5, 3)]
    assert not recurrence.is_occurrence(s, date(2025, 4, 26))


def test_it_keeps_the_wall_clock_time_across_daylight_saving_changes() -> None:
    # Clocks in Europe go forward on Sunday 30 March 2025.
    s = schedule_from(WEEKLY, SAT, None, date(2025, 3, 29))
    before, after = recurrence.next_dates(s, date(2025, 3, 29), 2)
    assert (before, after) == (date(2025, 3, 29), date(2025, 4, 5))
    start_before = recurrence.starts_at(before, time(19, 30), "Europe/Berlin")
    start_after = recurrence.starts_at(after, time(19, 30), "Europe/Berlin")
    assert (start_before.hour, start_before.minute) == (19, 30)
    assert (start_after.hour, start_after.minute) == (19, 30)
    assert start_before.astimezone(UTC).hour == 18  # CET, UTC+1
    assert start_after.astimezone(UTC).hour == 17  # CEST, UTC+2
    elapsed = start_after.astimezone(UTC) - start_before.astimezone(UTC)
    assert elapsed == timedelta(days=7, hours=-1)
    # And back in autumn.
    autumn = recurrence.starts_at(date(2025, 11, 1), time(19, 30), "Europe/Berlin")
    assert autumn.astimezone(UTC).hour == 18


def test_it_moves_a_time_the_clocks_skip_past_the_jump() -> None:
    start = recurrence.starts_at(date(2025, 3, 30), time(2, 30), "Europe/Berlin")
    assert (start.hour, start.minute) == (3, 30)
    assert start.utcoffset() == timedelta(hours=2)


def test_it_describes_a_schedule_as_an_rrule() -> None:
    assert recurrence.rrule(schedule_from(WEEKLY, FRI, None, date(2025, 1, 1))) == {
        "FREQ": "WEEKLY",
        "BYDAY": "FR",
    }
    assert recurrence.rrule(schedule_from(FORTNIGHTLY, SUN, None, date(2025, 1, 1))) == {
        "FREQ": "WEEKLY",
        "INTERVAL": 2,
        "BYDAY": "SU",
    }
    assert recurrence.rrule(schedule_from(MONTHLY, SUN, LAST, date(2025, 1, 1))) == {
        "FREQ": "MONTHLY",
        "BYDAY": "-1SU",
    }


@pytest.mark.parametrize(
    ("frequency", "weekday", "week", "first"),
    [
        ("daily", FRI, None, date(2025, 1, 3)),
        (WEEKLY, 7, None, date(2025, 1, 3)),
        (WEEKLY, FRI, None, date(2025, 1, 4)),  # not a Friday
        (MONTHLY, FRI, None, date(2025, 1, 3)),  # which week?
        (MONTHLY, FRI, 5, date(2025, 1, 31)),
        (WEEKLY, FRI, 1, date(2025, 1, 3)),
    ],
)
def test_it_refuses_a_schedule_that_cannot_exist(
    frequency: str, weekday: int, week: int | None, first: date
) -> None:
    with pytest.raises(RecurrenceError):
        Schedule(frequency, weekday, first, week)


def test_it_refuses_an_unknown_time_zone() -> None:
    with pytest.raises(RecurrenceError):
        recurrence.starts_at(date(2025, 1, 1), time(10, 0), "Mars/Olympus")
    with pytest.raises(RecurrenceError):
        schedule_from(MONTHLY, SUN, None, date(2025, 1, 1))
