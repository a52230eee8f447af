from __future__ import annotations

from django import forms

from hearth.coach.widgets import CoachedTextarea
from hearth.core.coach import MAX_CHARS


class DraftForm(forms.Form):
    text = forms.CharField(
        label="Your message",
        max_length=MAX_CHARS,
        widget=CoachedTextarea(attrs={"rows": 5}),
        error_messages={
            "required": "Write a message first, and the coach will read it.",
            "max_length": f"The coach reads up to {MAX_CHARS:,} characters at a time.",
        },
    )
