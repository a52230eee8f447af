from __future__ import annotations

from typing import Any

from django import forms

from hearth.boundaries.models import Area, MomentKind
from hearth.boundaries.services import NOTE_MAX, WHAT_MAX, WHY_MAX
from hearth.coach.widgets import CoachedTextarea


class BoundaryForm(forms.Form):
    area = forms.ChoiceField(
        label="What area is it about?", choices=Area.choices, widget=forms.RadioSelect
    )
    what = forms.CharField(
        label="What is your boundary?",
        max_length=WHAT_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Say it plainly, as something you need: \u201cI need an hour to myself "
        "after work before we talk about plans.\u201d",
    )
    why = forms.CharField(
        label="Why does it matter to you?",
        max_length=WHY_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Optional, and it helps the others understand rather than just comply.",
    )

    def clean_what(self) -> str:
        what = str(self.cleaned_data["what"]).strip()
        if not what:
            raise forms.ValidationError("Please say what the boundary is.")
        return what


# Starting sentences, offered so nobody has to face a blank box.
STARTERS = {
    (MomentKind.HONOURED, True): "Thank you for honouring this. It made me feel ",
    (MomentKind.HONOURED, False): "I had this in mind today and was glad to honour it. ",
    (MomentKind.CROSSED_INVITE, True): (
        "Something happened that touched on this boundary, and I'd like us to talk about it "
        "when we both have a calm moment. Would one evening this week suit you?"
    ),
    (MomentKind.CROSSED_INVITE, False): (
        "I think I may have stepped over this boundary, and I'd like to hear how it was for "
        "you. Could we talk when you're ready?"
    ),
}


class MomentForm(forms.Form):
    note = forms.CharField(max_length=NOTE_MAX)

    def __init__(
        self,
        *args: Any,
        kind: str,
        mine: bool,
        others: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        note = self.fields["note"]
        if kind == MomentKind.CROSSED_PRIVATE:
            note.label = "What happened, and how did it feel?"
            note.widget = forms.Textarea(attrs={"rows": 5})
            note.help_text = "Only you will ever see this note. Nobody is told you wrote it."
            return
        note.widget = CoachedTextarea(attrs={"rows": 5})
        if kind == MomentKind.HONOURED:
            note.label = "Your thank-you"
        else:
            note.label = "Your message"
        if not self.is_bound:
            self.initial.setdefault("note", STARTERS[(MomentKind(kind), mine)])
        if mine:
            self.fields["to_user"] = forms.TypedChoiceField(
                label="Who is it for?",
                choices=[(str(uid), name) for uid, name in others],
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.order_fields(["to_user", "note"])
            if len(others) == 1 and not self.is_bound:
                self.initial.setdefault("to_user", str(others[0][0]))

    def to_user_id(self) -> int | None:
        value = self.cleaned_data.get("to_user")
        return int(value) if value is not None else None
