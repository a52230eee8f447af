from __future__ import annotations

from django import forms

from hearth.coach.widgets import CoachedTextarea
from hearth.questions.services import ANSWER_MAX


class AnswerForm(forms.Form):
    body = forms.CharField(
        label="Your answer",
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 5}),
        help_text="Only you can read it until everyone in the space has answered.",
        error_messages={
            "required": "Please write an answer first.",
            "max_length": f"Please keep your answer under {ANSWER_MAX:,} characters.",
        },
    )
