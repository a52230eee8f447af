from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django import forms

from hearth.coach.widgets import CoachedTextarea
from hearth.front.fields import NearDateField
from hearth.rituals.models import AgendaItem, Occurrence, Ritual
from hearth.rituals.services import MINUTES_MAX, MINUTES_MIN, TEXT_MAX, TITLE_MAX, Plan


@cache
def zone_choices() -> list[tuple[str, str]]:
    names = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
    return [(z, z.replace("_", " ")) for z in names]


class RitualForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of time is it?",
        choices=Ritual.Kind.choices,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label="Title",
        max_length=TITLE_MAX,
        help_text="Only the members of this space can read it. Calendars show a neutral title.",
    )
    what = forms.CharField(
        label="What it is (optional)",
        required=False,
        max_length=TEXT_MAX,
        widget=CoachedTextarea(),
        help_text="An idea of what you will do together, or why it matters to you.",
    )
    frequency = forms.ChoiceField(
        label="How often?",
        choices=Ritual.Frequency.choices,
        widget=forms.RadioSelect,
        initial=Ritual.Frequency.WEEKLY,
    )
    weekday = forms.TypedChoiceField(
        label="Day of the week", choices=Ritual.Weekday.choices, coerce=int
    )
    week_of_month = forms.TypedChoiceField(
        label="Which week of the month",
        choices=[("", "Not monthly"), *Ritual.WeekOfMonth.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Only for once a month: for example the first Sunday, or the last Friday.",
    )
    start_time = forms.TimeField(
        label="Start time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    minutes = forms.IntegerField(
        label="Length in minutes", min_value=MINUTES_MIN, max_value=MINUTES_MAX, initial=60
    )
    starts_on = NearDateField(
        years_before=1,
        years_after=5,
        label="First date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The first time is the first matching day on or after this date.",
    )
    time_zone = forms.ChoiceField(label="Time zone", choices=zone_choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("frequency") == Ritual.Frequency.MONTHLY and data.get("week_of_month") is None:
            self.add_error("week_of_month", "Please choose which week of the month.")
        return data

    def plan(self) -> Plan:
        data = self.cleaned_data
        return Plan(
            kind=data["kind"],
            title=data["title"],
            what=data["what"],
            frequency=data["frequency"],
            weekday=data["weekday"],
            week_of_month=data["week_of_month"],
            start_time=data["start_time"],
            minutes=data["minutes"],
            starts_on=data["starts_on"],
            time_zone=data["time_zone"],
        )


class MarkForm(forms.Form):
    status = forms.ChoiceField(
        label="How did it go?",
        choices=Occurrence.Status.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="A note for the others (optional)",
        required=False,
        max_length=TEXT_MAX,
        widget=CoachedTextarea(),
        help_text="If you skipped it, no reason is needed.",
    )


class AgendaItemForm(forms.Form):
    section = forms.ChoiceField(
        label="Which part of the meeting?",
        choices=AgendaItem.Section.choices,
        widget=forms.RadioSelect,
        initial=AgendaItem.Section.APPRECIATION,
    )
    body = forms.CharField(
        label="What you'd like to bring", max_length=TEXT_MAX, widget=CoachedTextarea()
    )


class AgendaItemEditForm(forms.Form):
    body = forms.CharField(label="Your item", max_length=TEXT_MAX, widget=CoachedTextarea())
