"""The daily question of a space, and each member's sealed answer to it.

Which question a day asks is metadata (an id from our own bank in
``hearth.core.questions``); what members answer is sealed.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from hearth.core import questions as bank
from hearth.vault.models import SealedField, SealedRecord


class DailyQuestion(models.Model):
    """The question a space was asked on a day, written down once someone answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    question_id = models.CharField(max_length=64)
    # Set, once, when every current member has answered: the moment answers open.
    revealed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "day"], name="one_question_per_space_per_day")
        ]
        indexes = [models.Index(fields=["space", "-day"], name="dailyquestion_space_day")]

    def __str__(self) -> str:
        return f"question {self.question_id} on {self.day}"

    @property
    def question(self) -> bank.Question:
        return bank.get(self.question_id)


class Answer(SealedRecord):
    """One member's answer to a day's question.

    ``key_for_reveal`` holds the item key wrapped under the space key, set
    aside until the reveal: nothing reads it to open an answer. When the last
    current member answers, it becomes ``key_for_space`` (see services).
    """

    daily = models.ForeignKey(DailyQuestion, on_delete=models.CASCADE, related_name="answers")
    body = SealedField()
    key_for_reveal = models.BinaryField(null=True, blank=True)
    SPACE_WRAP_FIELDS = ("key_for_space", "key_for_reveal")
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["daily", "owner"], name="one_answer_per_member_per_day")
        ]

    def __str__(self) -> str:
        return f"answer {self.pk}"
