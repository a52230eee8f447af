from __future__ import annotations

from django import forms


class NameForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=80,
        help_text="Used when you create or join a space. Each space keeps the name you gave it.",
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please tell us what to call you.")
        return name
