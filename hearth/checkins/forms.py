from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from hearth.checkins.models import Part
from hearth.checkins.services import DIMENSIONS, NOTE_MAX, RATING_HIGH, RATING_LOW, Entry
from hearth.coach.widgets import CoachedTextarea
from hearth.core import feelings

AXIS_ERROR = f"Please choose a whole number from {feelings.LOW} to +{feelings.HIGH}."
RATING_ERROR = f"Please choose a number from {RATING_LOW} to {RATING_HIGH}."

# The four questions about today, in the member's own voice.
QUESTIONS = {
    "reliability": "I could rely on them: they did what they said they would",
    "heard": "I felt heard: they listened and understood what I meant",
    "safety": "I felt safe to be myself, without bracing for judgment",
    "respect": "I felt respected: my time, my limits and my views counted",
}
QUESTIONS_FOR = {
    "reliability": "I could rely on {name}: they did what they said they would",
    "heard": "I felt heard by {name}",
    "safety": "I felt safe to be myself with {name}",
    "respect": "I felt respected by {name}",
}
SHARE_CHOICES = [
    (Part.FEELINGS.value, "How I feel (the grid and my words)"),
    (Part.RATINGS.value, "My answers about today with the others"),
    (Part.NOTE.value, "My note"),
]


class AxisInput(forms.NumberInput):
    input_type = "range"


def _axis(label: str, help_text: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=feelings.LOW,
        max_value=feelings.HIGH,
        initial=0,
        help_text=help_text,
        widget=AxisInput(attrs={"step": 1, "list": "axis-ticks"}),
        error_messages={
            "required": AXIS_ERROR,
            "invalid": AXIS_ERROR,
            "min_value": AXIS_ERROR,
            "max_value": AXIS_ERROR,
        },
    )


def _rating(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[(n, str(n)) for n in range(RATING_LOW, RATING_HIGH + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        error_messages={"invalid_choice": RATING_ERROR},
    )


class CheckInForm(forms.Form):
    day = forms.DateField(widget=forms.HiddenInput)
    pleasantness = _axis(
        "How pleasant does today feel?",
        "From \u22125 (very unpleasant) through 0 (neither) to +5 (very pleasant).",
    )
    energy = _axis(
        "How much energy do you have?",
        "From \u22125 (flat, slow, tired) through 0 to +5 (buzzing, restless, wide awake).",
    )
    words = forms.MultipleChoiceField(
        label="Words from the list",
        choices=[(w, w) for w in sorted(feelings.VOCABULARY)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please choose words from the list."},
    )
    own_words = forms.CharField(
        label="Words of your own (optional)",
        required=False,
        max_length=(feelings.OWN_WORD_MAX + 2) * feelings.OWN_WORDS_MAX,
        help_text=f"Up to {feelings.OWN_WORDS_MAX}, separated by commas, each under "
        f"{feelings.OWN_WORD_MAX} characters.",
    )
    note = forms.CharField(
        label="A note (optional)",
        required=False,
        max_length=NOTE_MAX,
        widget=CoachedTextarea(),
        help_text="Anything you want to remember about today. It stays private unless you "
        "share it below.",
    )
    share = forms.MultipleChoiceField(
        label="Share with the space",
        choices=SHARE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Nothing is shared unless you tick it. The others see what you share once "
        "they have checked in that day too. You can change this later.",
    )

    def __init__(self, *args: Any, others: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.others = others
        self.rating_names: list[tuple[str, list[str]]] = []
        if len(others) == 1:
            names = []
            for dim in DIMENSIONS:
                self.fields[f"rate_{dim}"] = _rating(QUESTIONS[dim])
                names.append(f"rate_{dim}")
            self.rating_names.append((f"About today with {others[0][1]}", names))
        elif len(others) > 1:
            for uid, name in others:
                names = []
                for dim in DIMENSIONS:
                    key = f"rate_{uid}_{dim}"
                    self.fields[key] = _rating(QUESTIONS_FOR[dim].format(name=name))
                    names.append(key)
                self.rating_names.append((f"About {name}", names))

    @property
    def rating_groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[n] for n in names]) for legend, names in self.rating_names]

    def clean_own_words(self) -> list[str]:
        try:
            return feelings.clean_own_words(self.cleaned_data.get("own_words") or "")
        except feelings.FeelingsError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "words" in data and "own_words" in data:
            try:
                feelings.check_choice(data["words"], data["own_words"])
            except feelings.FeelingsError as exc:
                self.add_error("words", str(exc))
        return data

    def point(self) -> tuple[int, int]:
        """The grid point to order words by: what was typed if usable, else neutral."""
        values = []
        for name in ("pleasantness", "energy"):
            raw = self[name].value()
            try:
                value = int(str(raw))
            except (TypeError, ValueError):
                value = 0
            values.append(max(feelings.LOW, min(feelings.HIGH, value)))
        return values[0], values[1]

    def chosen_words(self) -> set[str]:
        value = self["words"].value()
        return set(value or [])

    def entry(self) -> Entry:
        data = self.cleaned_data
        ratings: dict[str, Any] = {}
        if len(self.others) == 1:
            ratings = {d: data[f"rate_{d}"] for d in DIMENSIONS if data.get(f"rate_{d}")}
        else:
            for uid, _ in self.others:
                values = {
                    d: data[f"rate_{uid}_{d}"] for d in DIMENSIONS if data.get(f"rate_{uid}_{d}")
                }
                if values:
                    ratings[str(uid)] = values
        return Entry(
            pleasantness=data["pleasantness"],
            energy=data["energy"],
            words=list(data["words"]),
            own_words=list(data["own_words"]),
            ratings=ratings,
            note=data["note"],
        )

    @property
    def day_value(self) -> date | None:
        value = self["day"].value()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return None


def initial_from_content(
    day: date, parts: dict[str, Any], shared: list[str], others: list[tuple[int, str]]
) -> dict[str, Any]:
    """The form's starting values for editing an existing check-in."""
    initial: dict[str, Any] = {"day": day, "share": shared}
    felt = parts.get(Part.FEELINGS) or {}
    if felt:
        initial.update(
            pleasantness=felt["pleasantness"],
            energy=felt["energy"],
            words=felt.get("words", []),
            own_words=", ".join(felt.get("own_words", [])),
        )
    rated = parts.get(Part.RATINGS) or {}
    for key, value in rated.items():
        if key in DIMENSIONS:
            initial[f"rate_{key}"] = value
        elif isinstance(value, dict):
            for dim, n in value.items():
                initial[f"rate_{key}_{dim}"] = n
    note = parts.get(Part.NOTE) or {}
    if note:
        initial["note"] = note.get("text", "")
    return initial


class SharingForm(forms.Form):
    share = forms.MultipleChoiceField(
        label="Share with the space",
        choices=SHARE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
