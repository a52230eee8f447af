"""Answering the daily question: one atomic function per write.

Privacy until the reveal
------------------------
An answer is sealed under its own item key, wrapped for its owner. So that
it can open for the others the moment the last member answers (even when its
owner is not online), the owner also wraps the item key under the space key
at answer time, but keeps that wrap aside in ``key_for_reveal``, sealed once
more under a key derived from the server's secret, in a column no read path
uses. Until the reveal, every page treats the answer as private to
its owner: the others see only that it exists.

The reveal happens inside the transaction of the answer that completes the
day, with the day's row locked (``select_for_update``; SQLite runs its
transactions one at a time), so two members answering at the same moment
cannot both miss it or reveal twice. Revealing moves each current member's
set-aside wrap to ``key_for_space``, where the sealed-record helpers find it.
A day that closes without every answer never opens: the next answer in the
space drops the set-aside wraps of earlier days, so those answers are again
sealed for their owners alone.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hearth.core import crypto
from hearth.core import questions as bank
from hearth.questions.models import Answer, DailyQuestion
from hearth.spaces.context import Here
from hearth.spaces.models import Membership
from hearth.vault import records

ANSWER_MAX = 4000


class QuestionError(Exception):
    """An answer that cannot be saved, in words for the member."""


def first_day(here: Here) -> date:
    """The day a space's questions are counted from: the day it was created."""
    return timezone.localdate(here.membership.space.created_at)


def question_on(here: Here, day: date) -> bank.Question:
    """The question of ``day``: the one written down, or the one the rotation gives."""
    daily = DailyQuestion.objects.filter(space_id=here.space_id, day=day).first()
    if daily is not None:
        return daily.question
    return question_by_rotation(here, day)


def question_by_rotation(here: Here, day: date) -> bank.Question:
    space = here.membership.space
    return bank.question_for_day(str(space.pk), space.kind, first_day(here), day)


def _escrow_key() -> bytes:
    """The server's half of the lock on a set-aside answer (see ``_set_aside``)."""
    return crypto.derive_subkey(settings.SECRET_KEY.encode("utf-8"), "hearth/questions/reveal")


def _set_aside(answer: Answer) -> bytes:
    """Wrap the space's copy of the key once more, under a key only the server holds.

    Opening an answer before the reveal then takes both the space key (which
    only members hold) and the server's secret (which members don't): a member
    with a copy of the database alone cannot read the others' answers early.
    """
    assert answer.key_for_space is not None
    return crypto.encrypt(
        _escrow_key(), bytes(answer.key_for_space), f"questions_answer/{answer.pk}/reveal"
    )


def _release(answer: Answer) -> bytes | None:
    if answer.key_for_reveal is None:
        return None
    try:
        return crypto.decrypt(
            _escrow_key(), answer.key_for_reveal, f"questions_answer/{answer.pk}/reveal"
        )
    except crypto.CryptoError:
        return None  # the server's secret changed that day: the answer stays its owner's


def _clean(body: str) -> str:
    body = body.strip()
    if not body:
        raise QuestionError("Please write an answer first.")
    if len(body) > ANSWER_MAX:
        raise QuestionError(f"Please keep your answer under {ANSWER_MAX:,} characters.")
    return body


def _reveal_if_complete(daily: DailyQuestion, *, when: datetime) -> bool:
    """Open the day's answers if every current member has answered (row already locked)."""
    if daily.revealed_at is not None:
        return True
    current = set(
        Membership.objects.filter(space_id=daily.space_id, left_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    answers = list(Answer.objects.filter(daily=daily))
    if not current or not current <= {a.owner_id for a in answers}:
        return False
    for answer in answers:
        # Someone who left took their answer with them: its set-aside wrap goes too.
        answer.key_for_space = _release(answer) if answer.owner_id in current else None
        answer.key_for_reveal = None
        answer.save(update_fields=["key_for_space", "key_for_reveal"])
    daily.revealed_at = when
    daily.save(update_fields=["revealed_at"])
    return True


@transaction.atomic
def answer_write(*, here: Here, body: str, when: datetime | None = None) -> Answer:
    """Answer today's question, or change my answer to it (only on that day).

    Before the reveal an edit simply replaces the answer (nobody else saw it);
    after the reveal the earlier version is kept in the answer's history.
    """
    body = _clean(body)
    now = when or timezone.now()
    day = timezone.localdate(now)
    daily, _ = DailyQuestion.objects.get_or_create(
        space_id=here.space_id,
        day=day,
        defaults={"question_id": question_by_rotation(here, day).id, "created_at": now},
    )
    # Lock the day: two members answering at the same moment reveal exactly once.
    daily = DailyQuestion.objects.select_for_update().get(pk=daily.pk)
    # Earlier days that never opened can no longer open: their answers go back
    # to being sealed for their owners alone.
    Answer.objects.filter(
        space_id=here.space_id, daily__day__lt=day, key_for_reveal__isnull=False
    ).update(key_for_reveal=None)
    answer = Answer.objects.filter(daily=daily, owner=here.user).first()
    if answer is None:
        answer = Answer(owner=here.user, space_id=here.space_id, daily=daily, answered_at=now)
        records.seal(answer, here.keychain, body=body)
        records.share(answer, here.keychain, here.space_key)
        if daily.revealed_at is None:
            answer.key_for_reveal, answer.key_for_space = _set_aside(answer), None
        # else: a day already open (someone joined late): the answer opens at once.
        answer.save()
    elif daily.revealed_at is not None:
        records.revise(answer, here.keychain, here.space_key, editor_id=here.user.pk, body=body)
        answer.save()
    else:
        records.seal(answer, here.keychain, here.space_key, body=body)
        answer.save()
    _reveal_if_complete(daily, when=now)
    return answer


@transaction.atomic
def daily_reveal_if_complete(*, here: Here, day: date, when: datetime | None = None) -> bool:
    """Open a day whose last missing answer belonged to someone who has since left."""
    daily = (
        DailyQuestion.objects.select_for_update()
        .filter(space_id=here.space_id, day=day, revealed_at__isnull=True)
        .first()
    )
    if daily is None:
        return False
    return _reveal_if_complete(daily, when=when or timezone.now())
