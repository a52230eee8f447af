"""Reads that need authorization: a promise is seen only by the people in it.

A promise to one member is between its maker and that member; a promise to
the whole space is seen by every current member. Anyone else (an outsider, or
a third member of the space) gets 404, exactly as for a promise that does not
exist.
"""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from hearth.promises.models import Promise, PromiseNote
from hearth.spaces.context import Here


def _mine(here: Here) -> Q:
    me = here.user.pk
    party = Q(owner_id=me) | Q(to_user_id=me) | Q(to_space=True)
    # A maker who left took their key along: what the space can't open, it doesn't list.
    readable = Q(owner_id=me) | Q(key_for_space__isnull=False)
    return party & readable


def promises_for_member(here: Here) -> QuerySet[Promise]:
    """Every promise of the current space this member is part of."""
    return Promise.objects.filter(_mine(here), space_id=here.space_id)


def promise_get_for_member(here: Here, promise_id: uuid.UUID) -> Promise:
    try:
        return promises_for_member(here).get(pk=promise_id)
    except Promise.DoesNotExist:
        raise Http404("No such promise.") from None


def notes_for(promise: Promise) -> QuerySet[PromiseNote]:
    return PromiseNote.objects.filter(
        promise=promise, space_id=promise.space_id, key_for_space__isnull=False
    ).order_by("written_at")


# --- who may do what: one place, used by the services and the pages ----------


def is_recipient(promise: Promise, user_id: int) -> bool:
    if promise.owner_id == user_id:
        return False
    return promise.to_space or promise.to_user_id == user_id


def is_party(promise: Promise, user_id: int) -> bool:
    return promise.owner_id == user_id or is_recipient(promise, user_id)


def may_answer(promise: Promise, user_id: int) -> bool:
    """Whether this member is the one to accept or decline the renegotiation asked for."""
    if not promise.has_proposal or promise.proposal_by_id == user_id:
        return False
    if promise.proposal_by_id == promise.owner_id:
        return is_recipient(promise, user_id)
    return promise.owner_id == user_id
