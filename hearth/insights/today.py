"""Insights on the Today page: the weekly summary, gently, once a week."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from hearth.front.today import Due, Moment
from hearth.insights import access
from hearth.spaces.context import Here


def due(here: Here, today: date) -> list[Due]:
    if not access.summary_due(here, today):
        return []
    return [
        Due(
            title="Your weekly summary is ready",
            url=reverse("insights:week"),
            note="A look back at last week, for you alone. Whenever you like.",
        )
    ]


def moments(here: Here, limit: int) -> list[Moment]:
    """Insights are private: nothing of them appears among the space's moments."""
    return []
