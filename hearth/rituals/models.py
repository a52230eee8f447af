"""Recurring shared time: rituals, what became of each time, and meeting agendas.

What a member writes (a ritual's title and what it is, a note on a skipped
time, an agenda item) is sealed. The schedule stays in clear: a calendar needs
it, and the calendar feed is built from it alone.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.core import recurrence
from hearth.vault.models import SealedField, SealedRecord


class Ritual(SealedRecord):
    class Kind(models.TextChoices):
        DATE_NIGHT = "date_night", "Date night"
        WALK = "walk", "A walk together"
        MEETING = "meeting", "Weekly check-in meeting"
        OTHER = "other", "Something else"

    class Frequency(models.TextChoices):
        WEEKLY = recurrence.WEEKLY, "Every week"
        FORTNIGHTLY = recurrence.FORTNIGHTLY, "Every two weeks"
        MONTHLY = recurrence.MONTHLY, "Once a month"

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    class WeekOfMonth(models.IntegerChoices):
        FIRST = 1, "First"
        SECOND = 2, "Second"
        THIRD = 3, "Third"
        FOURTH = 4, "Fourth"
        LAST = recurrence.LAST, "Last"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    frequency = models.CharField(max_length=16, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    week_of_month = models.SmallIntegerField(choices=WeekOfMonth.choices, null=True, blank=True)
    start_time = models.TimeField()
    minutes = models.PositiveSmallIntegerField()
    first_date = models.DateField()
    time_zone = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    # When it was planned; a clear column (not created_at) so the demo can back-date it.
    made_at = models.DateTimeField(default=timezone.now)

    title = SealedField()
    what = SealedField()

    class Meta:
        indexes = [models.Index(fields=["space", "status"], name="ritual_space_status")]

    def __str__(self) -> str:
        return f"ritual {self.pk}"

    @property
    def schedule(self) -> recurrence.Schedule:
        return recurrence.Schedule(
            frequency=self.frequency,
            weekday=self.weekday,
            first_date=self.first_date,
            week_of_month=self.week_of_month,
        )

    @property
    def is_meeting(self) -> bool:
        return self.kind == Ritual.Kind.MEETING

    @property
    def is_active(self) -> bool:
        return self.status == Ritual.Status.ACTIVE

    def schedule_metadata(self) -> dict[str, object]:
        """The clear schedule, as kept in the history when it changes."""
        return {
            "kind": self.kind,
            "frequency": self.frequency,
            "weekday": self.weekday,
            "week_of_month": self.week_of_month,
            "start_time": self.start_time.strftime("%H:%M"),
            "minutes": self.minutes,
            "first_date": self.first_date.isoformat(),
            "time_zone": self.time_zone,
            "status": self.status,
        }


class Occurrence(SealedRecord):
    """One scheduled time of a ritual that a member marked done or skipped.

    The owner is whoever first marked it; ``marked_by`` is who marked it last.
    """

    class Status(models.TextChoices):
        DONE = "done", "Done"
        SKIPPED = "skipped", "Skipped this time"

    ritual = models.ForeignKey(Ritual, on_delete=models.CASCADE, related_name="occurrences")
    on = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    note = SealedField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ritual", "on"], name="one_mark_per_ritual_date")
        ]
        indexes = [models.Index(fields=["space", "marked_at"], name="occurrence_space_marked")]

    def __str__(self) -> str:
        return f"occurrence {self.pk}"


class AgendaItem(SealedRecord):
    """Something a member brings to one check-in meeting, in one of four sections."""

    class Section(models.TextChoices):
        APPRECIATION = "appreciation", "Appreciations"
        WENT_WELL = "went_well", "What went well"
        TOPIC = "topic", "One topic"
        PLANS = "plans", "Plans for the week"

    ritual = models.ForeignKey(Ritual, on_delete=models.CASCADE, related_name="agenda_items")
    on = models.DateField()
    section = models.CharField(max_length=16, choices=Section.choices)
    added_at = models.DateTimeField(default=timezone.now)

    body = SealedField()

    class Meta:
        indexes = [
            models.Index(fields=["ritual", "on"], name="agenda_ritual_on"),
            models.Index(fields=["space", "on"], name="agenda_space_on"),
        ]

    def __str__(self) -> str:
        return f"agenda item {self.pk}"


class CalendarFeed(models.Model):
    """A member's private calendar link. Only a one-way hash of its token is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"calendar feed {self.pk}"
