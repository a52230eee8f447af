from __future__ import annotations

from django import forms

from hearth.spaces.models import Space
from hearth.spaces.services import NAME_MAX


def _squash(value: str, message: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise forms.ValidationError(message)
    return value


class SpaceForm(forms.Form):
    name = forms.CharField(
        label="Name of the space",
        max_length=NAME_MAX,
        help_text="Only the members can read it, for example \u201cSam & Alex\u201d or "
        "\u201cThe Okafors\u201d.",
    )
    kind = forms.ChoiceField(
        label="Who is it for?",
        choices=Space.Kind.choices,
        widget=forms.RadioSelect,
        initial=Space.Kind.COUPLE,
    )
    member_name = forms.CharField(label="Your name in this space", max_length=NAME_MAX)

    def clean_name(self) -> str:
        return _squash(self.cleaned_data["name"], "Please give the space a name.")

    def clean_member_name(self) -> str:
        return _squash(self.cleaned_data["member_name"], "Please say how others will see you.")


class JoinForm(forms.Form):
    member_name = forms.CharField(
        label="Your name in this space",
        max_length=NAME_MAX,
        help_text="How the others in this space will see you.",
    )

    def clean_member_name(self) -> str:
        return _squash(self.cleaned_data["member_name"], "Please say how others will see you.")
