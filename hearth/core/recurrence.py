"""When a ritual happens: the date arithmetic behind a recurring schedule.

Three rhythms, all anchored on a day of the week, because shared time fits
into people's weeks ("our Friday evening", "the first Sunday walk"):

* ``weekly``: every week on that day;
* ``fortnightly``: every other week on that day, counted from the first date;
* ``monthly``: once a month on the nth such day (first to fourth, or the
  last). We chose the nth weekday over a day of the month because it keeps
  the ritual on the day people keep free, and every month has one (a "31st"
  would skip half the year).

Dates are plain calendar dates; the wall-clock start is joined to a date only
in :func:`starts_at`, in the ritual's own time zone, so a 19:30 ritual stays at
19:30 across daylight-saving changes. Pure Python: no Django.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKLY = "weekly"
FORTNIGHTLY = "fortnightly"
MONTHLY = "monthly"
FREQUENCIES = (WEEKLY, FORTNIGHTLY, MONTHLY)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LAST = -1
WEEKS_OF_MONTH = (1, 2, 3, 4, LAST)


class RecurrenceError(Exception):
    """A schedule that cannot exist (an unknown rhythm, day or time zone)."""


@dataclass(frozen=True)
class Schedule:
    """A rhythm, the day of the week it keeps, and the date of its first time."""

    frequency: str
    weekday: int  # 0 = Monday, as date.weekday()
    first_date: date
    week_of_month: int | None = None  # monthly only: 1..4, or LAST

    def __post_init__(self) -> None:
        if self.frequency not in FREQUENCIES:
            raise RecurrenceError(f"unknown frequency {self.frequency!r}")
        if not 0 <= self.weekday <= 6:
            raise RecurrenceError("weekday must be 0 (Monday) to 6 (Sunday)")
        if self.frequency == MONTHLY:
            if self.week_of_month not in WEEKS_OF_MONTH:
                raise RecurrenceError("a monthly schedule needs a week of the month")
        elif self.week_of_month is not None:
            raise RecurrenceError("only a monthly schedule has a week of the month")
        if not fits(self.frequency, self.weekday, self.week_of_month, self.first_date):
            raise RecurrenceError("the first date does not fall on the schedule")


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth ``weekday`` of a month (n = 1..4), or the last one (n = LAST)."""
    if n == LAST:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    if not 1 <= n <= 4:
        raise RecurrenceError("n must be 1 to 4, or LAST")
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def fits(frequency: str, weekday: int, week_of_month: int | None, day: date) -> bool:
    """Whether ``day`` could be an occurrence of such a rhythm (ignoring its phase)."""
    if day.weekday() != weekday:
        return False
    if frequency == MONTHLY:
        return (
            week_of_month is not None
            and nth_weekday(day.year, day.month, weekday, week_of_month) == day
        )
    return True


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def schedule_from(
    frequency: str, weekday: int, week_of_month: int | None, starts_on: date
) -> Schedule:
    """The schedule whose first occurrence is the first fitting day on or after ``starts_on``."""
    if frequency not in FREQUENCIES:
        raise RecurrenceError(f"unknown frequency {frequency!r}")
    if not 0 <= weekday <= 6:
        raise RecurrenceError("weekday must be 0 (Monday) to 6 (Sunday)")
    if frequency != MONTHLY:
        first = starts_on + timedelta(days=(weekday - starts_on.weekday()) % 7)
        return Schedule(frequency, weekday, first, None)
    if week_of_month not in WEEKS_OF_MONTH:
        raise RecurrenceError("a monthly schedule needs a week of the month")
    assert week_of_month is not None
    year, month = starts_on.year, starts_on.month
    candidate = nth_weekday(year, month, weekday, week_of_month)
    if candidate < starts_on:
        year, month = _add_months(year, month, 1)
        candidate = nth_weekday(year, month, weekday, week_of_month)
    return Schedule(frequency, weekday, candidate, week_of_month)


def is_occurrence(schedule: Schedule, day: date) -> bool:
    if day < schedule.first_date:
        return False
    if not fits(schedule.frequency, schedule.weekday, schedule.week_of_month, day):
        return False
    if schedule.frequency == FORTNIGHTLY:
        return (day - schedule.first_date).days % 14 == 0
    return True


def _forward(schedule: Schedule, start: date) -> Iterator[date]:
    """Occurrences on or after ``start``, in order, without end."""
    start = max(start, schedule.first_date)
    if schedule.frequency == MONTHLY:
        assert schedule.week_of_month is not None
        year, month = start.year, start.month
        while True:
            day = nth_weekday(year, month, schedule.weekday, schedule.week_of_month)
            if day >= start:
                yield day
            year, month = _add_months(year, month, 1)
    step = 14 if schedule.frequency == FORTNIGHTLY else 7
    gap = (start - schedule.first_date).days
    day = schedule.first_date + timedelta(days=-(-gap // step) * step)
    while True:
        yield day
        day += timedelta(days=step)


def _backward(schedule: Schedule, end: date) -> Iterator[date]:
    """Occurrences on or before ``end``, newest first, down to the first date."""
    if end < schedule.first_date:
        return
    if schedule.frequency == MONTHLY:
        assert schedule.week_of_month is not None
        year, month = end.year, end.month
        while True:
            day = nth_weekday(year, month, schedule.weekday, schedule.week_of_month)
            if day < schedule.first_date:
                return
            if day <= end:
                yield day
            year, month = _add_months(year, month, -1)
    step = 14 if schedule.frequency == FORTNIGHTLY else 7
    gap = (end - schedule.first_date).days
    day = schedule.first_date + timedelta(days=(gap // step) * step)
    while day >= schedule.first_date:
        yield day
        day -= timedelta(days=step)


def next_dates(schedule: Schedule, on_or_after: date, count: int) -> list[date]:
    """The next ``count`` occurrences from ``on_or_after`` (inclusive)."""
    found: list[date] = []
    for day in _forward(schedule, on_or_after):
        if len(found) >= count:
            break
        found.append(day)
    return found


def previous_dates(schedule: Schedule, on_or_before: date, count: int) -> list[date]:
    """Up to ``count`` occurrences up to ``on_or_before`` (inclusive), newest first."""
    found: list[date] = []
    for day in _backward(schedule, on_or_before):
        if len(found) >= count:
            break
        found.append(day)
    return found


def dates_between(schedule: Schedule, start: date, end: date) -> list[date]:
    """Every occurrence from ``start`` to ``end``, both included."""
    found: list[date] = []
    for day in _forward(schedule, start):
        if day > end:
            break
        found.append(day)
    return found


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RecurrenceError(f"unknown time zone {name!r}") from exc


def starts_at(day: date, at: time, zone_name: str) -> datetime:
    """The moment an occurrence starts: ``at`` on ``day`` on the wall clock of the zone.

    A time that the clocks skip (02:30 on the night they go forward) becomes
    the same length of time after the jump, as calendar apps do.
    """
    tz = zone(zone_name)
    local = datetime.combine(day, at.replace(tzinfo=None), tzinfo=tz)
    return local.astimezone(UTC).astimezone(tz)


def rrule(schedule: Schedule) -> dict[str, object]:
    """The schedule as iCalendar RRULE parts (RFC 5545), for a calendar feed."""
    code = WEEKDAY_CODES[schedule.weekday]
    if schedule.frequency == MONTHLY:
        return {"FREQ": "MONTHLY", "BYDAY": f"{schedule.week_of_month}{code}"}
    if schedule.frequency == FORTNIGHTLY:
        return {"FREQ": "WEEKLY", "INTERVAL": 2, "BYDAY": code}
    return {"FREQ": "WEEKLY", "BYDAY": code}
