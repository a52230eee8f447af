"""Reads of the daily question, scoped to the member's space and to what they may see.

An answer is shown to its owner always, and to the others only once the day
is revealed (every current member answered). Before that the others learn
only that it exists.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import Http404

from hearth.core import questions as bank
from hearth.questions.models import Answer, DailyQuestion
from hearth.spaces.context import Here
from hearth.vault import records

PAST_PER_PAGE = 10


@dataclass(frozen=True)
class AnswerView:
    id: uuid.UUID
    owner_id: int
    name: str
    is_mine: bool
    body: str | None  # None: not for this member's eyes (yet)
    answered_at: datetime
    edited: bool
    versions: list[records.Version] = field(default_factory=list)


@dataclass(frozen=True)
class DayView:
    day: date
    question: bank.Question
    revealed: bool
    answers: list[AnswerView]
    mine: AnswerView | None
    waiting_for: list[str]  # names of current members who have not answered
    answered_others: list[str]  # names of others who answered (shown before the reveal)

    @property
    def complete_but_closed(self) -> bool:
        """Everyone still here answered, yet the day is closed: someone left meanwhile."""
        return not self.revealed and not self.waiting_for and self.mine is not None


def _answer_view(here: Here, answer: Answer, revealed: bool, with_history: bool) -> AnswerView:
    mine = answer.owner_id == here.user.pk
    body: str | None = None
    versions: list[records.Version] = []
    if mine or (revealed and answer.key_for_space is not None):
        try:
            body = records.reveal(answer, here.keychain, here.space_key).body
            if with_history:
                versions = records.history(answer, here.keychain, here.space_key)
        except records.Locked:
            body = None
    return AnswerView(
        id=answer.pk,
        owner_id=answer.owner_id,
        name="You" if mine else here.name_of(answer.owner_id),
        is_mine=mine,
        body=body,
        answered_at=answer.answered_at,
        edited=bool(versions),
        versions=versions,
    )


def day_view(here: Here, day: date, question: bank.Question) -> DayView:
    """Today's (or any day's) question with what this member may see of the answers."""
    daily = DailyQuestion.objects.filter(space_id=here.space_id, day=day).first()
    answers: list[Answer] = []
    revealed = False
    if daily is not None:
        question = daily.question
        revealed = daily.revealed_at is not None
        answers = list(daily.answers.order_by("answered_at"))
    views = [_answer_view(here, a, revealed, with_history=revealed) for a in answers]
    answered = {a.owner_id for a in answers}
    return DayView(
        day=day,
        question=question,
        revealed=revealed,
        answers=views,
        mine=next((v for v in views if v.is_mine), None),
        waiting_for=[
            here.name_of(uid)
            for uid in here.current_member_ids
            if uid not in answered and uid != here.user.pk
        ],
        answered_others=[v.name for v in views if not v.is_mine],
    )


def daily_get(here: Here, day: date) -> DailyQuestion:
    """A day of the member's space that has a question, or 404."""
    daily = DailyQuestion.objects.filter(space_id=here.space_id, day=day).first()
    if daily is None:
        raise Http404("No question that day.")
    return daily


@dataclass(frozen=True)
class PastDay:
    day: date
    question: bank.Question
    answers: list[AnswerView]


def past_page(here: Here, number: str | int | None) -> tuple[Page[DailyQuestion], list[PastDay]]:
    """Revealed days of the space, newest first, in a fixed number of queries."""
    dailies = (
        DailyQuestion.objects.filter(space_id=here.space_id, revealed_at__isnull=False)
        .order_by("-day")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("answered_at")))
    )
    page = Paginator(dailies, PAST_PER_PAGE).get_page(number)
    days = [
        PastDay(
            day=d.day,
            question=d.question,
            answers=[_answer_view(here, a, True, with_history=False) for a in d.answers.all()],
        )
        for d in page.object_list
    ]
    return page, days
