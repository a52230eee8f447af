"""A textarea the coach reads as the member types.

Use it on every free-text field meant for another member::

    body = forms.CharField(widget=CoachedTextarea())

It renders the textarea plus a live region; htmx posts the draft (debounced)
to the coach and shows what comes back. Nothing is stored. Without
JavaScript the field is a plain textarea.
"""

from __future__ import annotations

from typing import Any

from django import forms


class CoachedTextarea(forms.Textarea):
    template_name = "coach/widgets/coached_textarea.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"rows": 4, **(attrs or {})})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        live = f"{widget_id}-coach"
        described = context["widget"]["attrs"].get("aria-describedby", "")
        context["widget"]["attrs"]["aria-describedby"] = f"{described} {live}".strip()
        context["coach_live_id"] = live
        context["coach_field"] = name
        context["coach_target"] = widget_id
        return context
