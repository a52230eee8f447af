"""Evidence for the trust model from promises made to the member.

Promises made to this member, or to the whole space by someone else, as the
promises app itself reads them (``Promise.status``): a promise is a moment on
each step that happened, on the day it happened, about the one who promised:

* renegotiated (moved or released by agreement): promise_renegotiated, on the
  day of the renegotiation (released: the day it was released);
* kept (confirmed by its recipient): promise_kept, on the day it was confirmed,
  also when it was renegotiated first (both happened);
* missed (slipped past its day and the grace period): promise_missed, on the
  day it was due.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from hearth.core import trust
from hearth.promises.access import promises_for_member
from hearth.promises.models import Promise
from hearth.spaces.context import Here


def _moments(promise: Promise, now: datetime) -> list[tuple[datetime, str]]:
    moments: list[tuple[datetime, str]] = []
    if promise.state == Promise.State.RELEASED and promise.released_at is not None:
        moments.append((promise.released_at, "promise_renegotiated"))
    elif promise.renegotiations and promise.renegotiated_at is not None:
        moments.append((promise.renegotiated_at, "promise_renegotiated"))
    if promise.state == Promise.State.KEPT and promise.kept_at is not None:
        moments.append((promise.kept_at, "promise_kept"))
    elif promise.status(now) == "missed":
        moments.append((promise.due_at, "promise_missed"))
    return moments


def evidence(here: Here, start: date, end: date) -> list[trust.Evidence]:
    """Moments of promises made to this member, in one query."""
    me = here.user.pk
    promises = (
        promises_for_member(here)
        .exclude(owner_id=me)
        .filter(Q(to_user_id=me) | Q(to_space=True))
        .filter(made_at__date__lte=end + timedelta(days=1))
        .order_by("made_at")
    )
    now = timezone.now()
    out: list[trust.Evidence] = []
    for promise in promises:
        for moment, kind in _moments(promise, now):
            day = timezone.localdate(moment)
            if start <= day <= end:
                out.append(trust.from_moment(day, kind, about=promise.owner_id))
    return out
