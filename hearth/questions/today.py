"""The daily question on the Today page (see hearth.front.today)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from hearth.front.today import Due, Moment
from hearth.questions import services
from hearth.questions.models import Answer, DailyQuestion
from hearth.spaces.context import Here


def due(here: Here, today: date) -> list[Due]:
    """Today's question, if I have not answered it yet. Two queries at most."""
    if Answer.objects.filter(space_id=here.space_id, owner=here.user, daily__day=today).exists():
        return []
    question = services.question_on(here, today)
    return [Due("Today's question", reverse("questions:today"), note=question.text)]


def moments(here: Here, limit: int) -> list[Moment]:
    """Days on which everyone answered, newest first, in one query."""
    days = DailyQuestion.objects.filter(space_id=here.space_id, revealed_at__isnull=False).order_by(
        "-revealed_at"
    )[:limit]
    return [
        Moment(
            when=d.revealed_at,
            kind="question",
            text=f"Everyone answered: {d.question.text}",
            url=reverse("questions:day", args=[d.day.isoformat()]),
        )
        for d in days
        if d.revealed_at is not None
    ]
