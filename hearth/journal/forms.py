from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from hearth.journal.services import BODY_MAX, TITLE_MAX


class EntryForm(forms.Form):
    prompt_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    day = forms.DateField(
        label="The day it's about",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Today, or an earlier day if you are writing about something past.",
        error_messages={
            "required": "Please give the day this entry is about.",
            "invalid": "Please give a date such as 2025-03-14.",
        },
    )
    title = forms.CharField(
        label="Title (optional)",
        required=False,
        max_length=TITLE_MAX,
        error_messages={"max_length": f"Please keep the title under {TITLE_MAX} characters."},
    )
    # A private journal is not a message to anyone, so the coach stays out of it.
    body = forms.CharField(
        label="Your entry",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": "Please write something first.",
            "max_length": f"Please keep an entry under {BODY_MAX:,} characters.",
        },
    )

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                "An entry can be about today or an earlier day, not a future one."
            )
        return day
