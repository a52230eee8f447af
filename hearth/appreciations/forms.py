from __future__ import annotations

from typing import Any

from django import forms

from hearth.appreciations.services import WHAT_MAX, WHY_MAX
from hearth.coach.widgets import CoachedTextarea

EVERYONE = "everyone"


class AppreciationForm(forms.Form):
    what = forms.CharField(
        label="What did they do?",
        max_length=WHAT_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Something specific: \u201cYou made tea and sat with me after my long "
        "call.\u201d",
    )
    why = forms.CharField(
        label="Why did it matter to you?",
        max_length=WHY_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Optional, and often the part that lands: how it felt, what it made easier.",
    )

    def clean_what(self) -> str:
        what = str(self.cleaned_data["what"]).strip()
        if not what:
            raise forms.ValidationError("Please say what they did.")
        return what


class GiveForm(AppreciationForm):
    recipient = forms.ChoiceField(label="Who are you thanking?", widget=forms.RadioSelect)

    field_order = ["recipient", "what", "why"]

    def __init__(self, *args: Any, others: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recipient"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(str(uid), name) for uid, name in others] + [
            (EVERYONE, "Everyone in this space")
        ]
        if len(others) == 1 and not self.is_bound:
            self.initial.setdefault("recipient", str(others[0][0]))

    def recipient_id(self) -> int | None:
        value = self.cleaned_data["recipient"]
        return None if value == EVERYONE else int(value)
