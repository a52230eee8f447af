from __future__ import annotations

from typing import Any

from django import forms

from hearth.coach.widgets import CoachedTextarea
from hearth.front.fields import NearDateField
from hearth.promises.models import Promise
from hearth.promises.services import NOTE_MAX, WHAT_MAX

WHOLE_SPACE = "space"


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PromiseForm(forms.Form):
    what = forms.CharField(
        label="I will\u2026",
        max_length=WHAT_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Something you can do and they can see, for example "
        "\u201cbook the table for Friday\u201d.",
    )
    to = forms.ChoiceField(label="Made to", widget=forms.RadioSelect)
    due_date = NearDateField(label="By (day)", widget=_date_input())
    due_time = forms.TimeField(
        label="By (time, if it matters)",
        required=False,
        widget=_time_input(),
        help_text="Leave it empty to mean by the end of that day.",
    )

    def __init__(self, *args: Any, others: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        to = self.fields["to"]
        assert isinstance(to, forms.ChoiceField)
        to.choices = [
            *((str(uid), name) for uid, name in others),
            (WHOLE_SPACE, "Everyone in the space"),
        ]
        if others and "to" not in self.initial:
            self.initial["to"] = str(others[0][0])

    def to_user_id(self) -> int | None:
        value = self.cleaned_data["to"]
        return None if value == WHOLE_SPACE else int(value)


class ProposeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What would you like instead?",
        widget=forms.RadioSelect,
        choices=[
            (Promise.Proposal.MOVE, "A new date"),
            (Promise.Proposal.RELEASE, "Let it go, by agreement"),
        ],
        initial=Promise.Proposal.MOVE,
    )
    new_date = NearDateField(
        label="New day", required=False, widget=_date_input(), help_text="For a new date."
    )
    new_time = forms.TimeField(
        label="New time, if it matters", required=False, widget=_time_input()
    )
    note = forms.CharField(
        label="A note for the other side",
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Promise.Proposal.MOVE and not data.get("new_date"):
            self.add_error("new_date", "Please choose the new day.")
        return data


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Your note",
        max_length=NOTE_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )
