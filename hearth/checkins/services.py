"""Writes to check-ins: one atomic function each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from hearth.checkins.models import CheckIn, CheckInPart, Part
from hearth.core import feelings
from hearth.spaces.context import Here
from hearth.vault import records

BACKDATE_DAYS = 7
NOTE_MAX = 2000
RATING_LOW, RATING_HIGH = 1, 7
DIMENSIONS = ("reliability", "heard", "safety", "respect")


class CheckInError(Exception):
    """A check-in that cannot be saved as asked, in words for the member."""


@dataclass(frozen=True)
class Entry:
    """What a member put into one check-in (checked again by the service)."""

    pleasantness: int
    energy: int
    words: list[str]
    own_words: list[str] = field(default_factory=list)
    ratings: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def local_day(moment: datetime | None = None) -> date:
    return timezone.localdate(moment or timezone.now())


def allowed_days(today: date) -> list[date]:
    """Today and the seven days before it, newest first."""
    return [today - timedelta(days=n) for n in range(BACKDATE_DAYS + 1)]


def check_day(day: date, today: date) -> None:
    if day > today:
        raise CheckInError("A check-in can't be for a day that hasn't come yet.")
    if day < today - timedelta(days=BACKDATE_DAYS):
        raise CheckInError(
            f"You can add a missed check-in for the last {BACKDATE_DAYS} days only. "
            "Older days stay as they are, and that's fine."
        )


def _check_scores(values: dict[str, Any]) -> dict[str, int]:
    clean: dict[str, int] = {}
    for key, value in values.items():
        if key not in DIMENSIONS:
            raise CheckInError("That is not one of the questions about today.")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise CheckInError(f"Please answer with a number from {RATING_LOW} to {RATING_HIGH}.")
        if not RATING_LOW <= value <= RATING_HIGH:
            raise CheckInError(f"Please answer with a number from {RATING_LOW} to {RATING_HIGH}.")
        clean[key] = value
    return clean


def check_ratings(ratings: dict[str, Any], others: list[int]) -> dict[str, Any]:
    """Ratings about the others as a whole, or (three or more members) per member id."""
    if not ratings:
        return {}
    if not others:
        raise CheckInError("There is nobody else in this space to think about yet.")
    if len(others) == 1 or all(key in DIMENSIONS for key in ratings):
        return _check_scores(ratings)
    allowed = {str(uid) for uid in others}
    clean: dict[str, Any] = {}
    for uid, values in ratings.items():
        if str(uid) not in allowed or not isinstance(values, dict):
            raise CheckInError("You can only answer about the people in this space.")
        scores = _check_scores(values)
        if scores:
            clean[str(uid)] = scores
    return clean


def _check_entry(entry: Entry, here: Here) -> dict[str, Any]:
    try:
        pleasantness, energy = feelings.check_point(entry.pleasantness, entry.energy)
        words, own = feelings.check_choice(entry.words, entry.own_words)
    except feelings.FeelingsError as exc:
        raise CheckInError(str(exc)) from None
    note = entry.note.strip()
    if len(note) > NOTE_MAX:
        raise CheckInError(f"Please keep the note under {NOTE_MAX} characters.")
    others = [uid for uid, _ in here.others]
    return {
        Part.FEELINGS: {
            "pleasantness": pleasantness,
            "energy": energy,
            "words": words,
            "own_words": own,
        },
        Part.RATINGS: check_ratings(entry.ratings, others) or None,
        Part.NOTE: {"text": note} if note else None,
    }


def _set_sharing(part: CheckInPart, here: Here, shared: bool, now: datetime) -> None:
    if shared and not part.is_shared:
        records.share(part, here.keychain, here.space_key)
        part.shared_at = now
    elif not shared and part.is_shared:
        records.unshare(part)
        part.shared_at = None


@transaction.atomic
def checkin_save(
    *,
    here: Here,
    day: date,
    entry: Entry,
    share: set[str],
    when: datetime | None = None,
) -> CheckIn:
    """Create the member's check-in for ``day``, or change the one already there.

    One check-in a day: a second save for the same day edits the first. Its
    content can be changed on the day it was written; a part that was shared
    keeps its earlier versions (records.revise). Nothing is shared unless the
    member asks, part by part.
    """
    now = when or timezone.now()
    today = local_day(now)
    check_day(day, today)
    unknown = set(share) - set(Part.values)
    if unknown:
        raise CheckInError("Please choose what to share from the list.")
    content = _check_entry(entry, here)

    checkin = (
        CheckIn.objects.select_for_update()
        .filter(owner=here.user, space_id=here.space_id, day=day)
        .first()
    )
    if checkin is None:
        checkin = CheckIn(
            owner=here.user, space_id=here.space_id, day=day, created_at=now, updated_at=now
        )
        checkin.save()
        parts: dict[str, CheckInPart] = {}
    else:
        if local_day(checkin.created_at) != today:
            raise CheckInError(
                "This check-in was written on an earlier day, so it stays as it is. "
                "You can still change what you share."
            )
        checkin.updated_at = now
        checkin.save(update_fields=["updated_at"])
        parts = {p.kind: p for p in CheckInPart.objects.filter(checkin=checkin)}

    for kind in Part.values:
        value = content[kind]
        part = parts.get(kind)
        if part is None:
            if value is None:
                continue
            part = CheckInPart(owner=here.user, space_id=here.space_id, checkin=checkin, kind=kind)
            records.seal(part, here.keychain, here.space_key, content=value)
        elif part.is_shared:
            # Once others could read it, an edit keeps what it said before.
            if records.reveal(part, here.keychain, here.space_key).content != value:
                records.revise(
                    part, here.keychain, here.space_key, editor_id=here.user.pk, content=value
                )
        elif value is None:
            part.delete()
            continue
        else:
            records.seal(part, here.keychain, here.space_key, content=value)
        _set_sharing(part, here, kind in share and value is not None, now)
        part.save()
    return checkin


@transaction.atomic
def checkin_share(
    *, here: Here, checkin: CheckIn, share: set[str], when: datetime | None = None
) -> None:
    """Choose, part by part, what the space may see. Unsharing takes effect at once."""
    if checkin.owner_id != here.user.pk or checkin.space_id != here.space_id:
        raise CheckInError("Only the person who wrote a check-in can choose what it shares.")
    unknown = set(share) - set(Part.values)
    if unknown:
        raise CheckInError("Please choose what to share from the list.")
    now = when or timezone.now()
    for part in CheckInPart.objects.select_for_update().filter(checkin=checkin):
        before = part.key_for_space
        _set_sharing(part, here, part.kind in share, now)
        if part.key_for_space != before:
            part.save(update_fields=["key_for_space", "shared_at", "updated_at"])
