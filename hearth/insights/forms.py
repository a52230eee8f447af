from __future__ import annotations

from django import forms

from hearth.insights.access import DIMENSIONS, PERIOD_WORDS, PERIODS

DIMENSION_CHOICES = [
    (d, f"{heading} ({question})") for d, (heading, question) in DIMENSIONS.items()
]
PERIOD_CHOICES = [(str(n), PERIOD_WORDS[n].capitalize()) for n in PERIODS]
NOTE_MAX = 2000


class SharingForm(forms.Form):
    dimensions = forms.MultipleChoiceField(
        label="What I'm willing to put into a combined view",
        choices=DIMENSION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only what every member chose is ever shown, and only once everyone has chosen.",
    )
    balance = forms.BooleanField(
        label="The weekly balance of warm and hard moments", required=False
    )
    summary_email = forms.BooleanField(
        label="Email me when my weekly summary is ready",
        required=False,
        help_text="The email says only that it's ready, with a link: nothing about you or anyone.",
    )


class ReportForm(forms.Form):
    dimensions = forms.MultipleChoiceField(
        label="Which parts to include",
        choices=DIMENSION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    weeks = forms.TypedChoiceField(
        label="Which period",
        choices=PERIOD_CHOICES,
        coerce=int,
        initial="12",
        widget=forms.RadioSelect,
    )
    balance = forms.BooleanField(
        label="Include the weekly balance of warm and hard moments", required=False
    )
    note = forms.CharField(
        label="A note for your counsellor (optional)",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="It appears on the report only. Hearth doesn't keep it.",
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("dimensions") and not data.get("balance"):
            raise forms.ValidationError("Please choose at least one thing to include.")
        return data
