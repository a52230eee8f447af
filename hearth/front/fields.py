"""Form fields every capability shares."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone


class NearDateField(forms.DateField):
    """A date within a sensible reach of today.

    Calendars and deadlines far in the past or future are typing slips, and
    dates near year 9999 break date arithmetic: refuse them with a clear word.
    """

    def __init__(self, *args: Any, years_before: int = 1, years_after: int = 10, **kwargs: Any):
        self.years_before = years_before
        self.years_after = years_after
        super().__init__(*args, **kwargs)

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is None:
            return
        today = timezone.localdate()
        earliest = today.replace(year=today.year - self.years_before, day=min(today.day, 28))
        latest = today.replace(year=today.year + self.years_after, day=min(today.day, 28))
        if not earliest <= value <= latest:
            raise forms.ValidationError(
                f"Please choose a day between {earliest:%-d %B %Y} and {latest:%-d %B %Y}.",
                code="out_of_reach",
            )
