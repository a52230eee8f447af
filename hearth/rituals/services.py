"""Writes to rituals, their occurrences, meeting agendas and calendar feeds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from hearth.core import crypto, recurrence
from hearth.rituals.models import AgendaItem, CalendarFeed, Occurrence, Ritual
from hearth.spaces.context import Here
from hearth.vault import records
from hearth.vault.models import Revision

TITLE_MAX = 120
TEXT_MAX = 2000
MINUTES_MIN = 5
MINUTES_MAX = 24 * 60
# How far ahead a time can be skipped: plans change, but not a year out.
SKIP_AHEAD_DAYS = 120


class RitualError(Exception):
    """A change to a ritual that cannot be made, in words for the member."""


@dataclass(frozen=True)
class Plan:
    """What a member chooses when planning or changing a ritual."""

    kind: str
    title: str
    what: str
    frequency: str
    weekday: int
    week_of_month: int | None
    start_time: time
    minutes: int
    starts_on: date
    time_zone: str


def _clean_text(text: str, what: str, limit: int, *, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise RitualError(f"Please write {what}.")
    if len(text) > limit:
        raise RitualError(f"Please keep {what} under {limit} characters.")
    return text


def _checked(plan: Plan) -> tuple[Plan, recurrence.Schedule]:
    if plan.kind not in Ritual.Kind.values:
        raise RitualError("Please choose what kind of ritual this is.")
    title = " ".join(_clean_text(plan.title, "a title", TITLE_MAX, required=True).split())
    what = _clean_text(plan.what, "what it is", TEXT_MAX, required=False)
    if not MINUTES_MIN <= plan.minutes <= MINUTES_MAX:
        raise RitualError(f"Please give a length between {MINUTES_MIN} minutes and a day.")
    week = plan.week_of_month if plan.frequency == Ritual.Frequency.MONTHLY else None
    if plan.frequency == Ritual.Frequency.MONTHLY and week is None:
        raise RitualError("Please choose which week of the month.")
    try:
        recurrence.zone(plan.time_zone)
        schedule = recurrence.schedule_from(plan.frequency, plan.weekday, week, plan.starts_on)
    except recurrence.RecurrenceError:
        raise RitualError("Please choose how often, on which day, and a time zone.") from None
    cleaned = Plan(
        kind=plan.kind,
        title=title,
        what=what,
        frequency=plan.frequency,
        weekday=plan.weekday,
        week_of_month=week,
        start_time=plan.start_time.replace(second=0, microsecond=0, tzinfo=None),
        minutes=plan.minutes,
        starts_on=plan.starts_on,
        time_zone=plan.time_zone,
    )
    return cleaned, schedule


def _apply_schedule(ritual: Ritual, plan: Plan, schedule: recurrence.Schedule) -> None:
    ritual.kind = plan.kind
    ritual.frequency = schedule.frequency
    ritual.weekday = schedule.weekday
    ritual.week_of_month = schedule.week_of_month
    ritual.first_date = schedule.first_date
    ritual.start_time = plan.start_time
    ritual.minutes = plan.minutes
    ritual.time_zone = plan.time_zone


@transaction.atomic
def ritual_create(*, here: Here, plan: Plan, when: datetime | None = None) -> Ritual:
    """A new ritual, shared with the space from the start: it is time spent together."""
    plan, schedule = _checked(plan)
    ritual = Ritual(owner=here.user, space_id=here.space_id, made_at=when or timezone.now())
    _apply_schedule(ritual, plan, schedule)
    records.seal(ritual, here.keychain, title=plan.title, what=plan.what or None)
    records.share(ritual, here.keychain, here.space_key)
    ritual.save()
    return ritual


@transaction.atomic
def ritual_update(
    *, here: Here, ritual: Ritual, plan: Plan, when: datetime | None = None
) -> Ritual:
    """Change a ritual; the earlier version, schedule included, stays in its history."""
    plan, schedule = _checked(plan)
    before = ritual.schedule_metadata()
    try:
        records.revise(
            ritual,
            here.keychain,
            here.space_key,
            editor_id=here.user.pk,
            extra=before,
            title=plan.title,
            what=plan.what or None,
        )
    except records.Locked:
        raise RitualError("This ritual can no longer be changed here.") from None
    _apply_schedule(ritual, plan, schedule)
    ritual.save()
    return ritual


def _set_status(here: Here, ritual: Ritual, status: str) -> None:
    if ritual.status == status:
        return
    try:
        records.revise(
            ritual,
            here.keychain,
            here.space_key,
            editor_id=here.user.pk,
            extra=ritual.schedule_metadata(),
        )
    except records.Locked:
        raise RitualError("This ritual can no longer be changed here.") from None
    ritual.status = status
    ritual.save(update_fields=["status", "updated_at"])


@transaction.atomic
def ritual_pause(*, here: Here, ritual: Ritual, when: datetime | None = None) -> None:
    """Pause a ritual: it stays, with its history, and leaves the calendar feed."""
    _set_status(here, ritual, Ritual.Status.PAUSED)


@transaction.atomic
def ritual_resume(*, here: Here, ritual: Ritual, when: datetime | None = None) -> None:
    _set_status(here, ritual, Ritual.Status.ACTIVE)


def ritual_today(ritual: Ritual, when: datetime | None = None) -> date:
    """Today on the ritual's own wall clock."""
    return (when or timezone.now()).astimezone(recurrence.zone(ritual.time_zone)).date()


def _check_scheduled(ritual: Ritual, on: date) -> None:
    if not recurrence.is_occurrence(ritual.schedule, on):
        raise RitualError("That date is not one of this ritual's times.")


@transaction.atomic
def occurrence_mark(
    *,
    here: Here,
    ritual: Ritual,
    on: date,
    status: str,
    note: str = "",
    when: datetime | None = None,
) -> Occurrence:
    """Mark one time done, or skipped this time (with an optional note).

    Anyone in the space may mark it, or change the mark; earlier marks stay in
    the occurrence's history.
    """
    if status not in Occurrence.Status.values:
        raise RitualError("Please choose whether it happened or was skipped this time.")
    note = _clean_text(note, "the note", TEXT_MAX, required=False)
    now = when or timezone.now()
    existing = Occurrence.objects.select_for_update().filter(ritual=ritual, on=on).first()
    if existing is None:
        _check_scheduled(ritual, on)
    today = ritual_today(ritual, now)
    if status == Occurrence.Status.DONE and on > today:
        raise RitualError("A time can be marked done once it has come.")
    if (on - today).days > SKIP_AHEAD_DAYS:
        raise RitualError("That time is too far ahead to mark yet.")
    if existing is None:
        occurrence = Occurrence(
            owner=here.user,
            space_id=here.space_id,
            ritual=ritual,
            on=on,
            status=status,
            marked_by=here.user,
            marked_at=now,
        )
        records.seal(occurrence, here.keychain, note=note or None)
        records.share(occurrence, here.keychain, here.space_key)
        occurrence.save()
        return occurrence
    try:
        records.revise(
            existing,
            here.keychain,
            here.space_key,
            editor_id=here.user.pk,
            extra={
                "status": existing.status,
                "marked_by": existing.marked_by_id,
                "marked_at": existing.marked_at.isoformat(),
            },
            note=note or None,
        )
    except records.Locked:
        raise RitualError("This time can no longer be changed here.") from None
    existing.status = status
    existing.marked_by = here.user
    existing.marked_at = now
    existing.save()
    return existing


def _require_meeting(ritual: Ritual, on: date) -> None:
    if not ritual.is_meeting:
        raise RitualError("Only a check-in meeting has an agenda.")
    _check_scheduled(ritual, on)


@transaction.atomic
def agenda_item_add(
    *,
    here: Here,
    ritual: Ritual,
    on: date,
    section: str,
    body: str,
    when: datetime | None = None,
) -> AgendaItem:
    """Bring something to one meeting. The topic section holds one topic only."""
    _require_meeting(ritual, on)
    if section not in AgendaItem.Section.values:
        raise RitualError("Please choose a section of the agenda.")
    body = _clean_text(body, "something for the agenda", TEXT_MAX, required=True)
    if (
        section == AgendaItem.Section.TOPIC
        and AgendaItem.objects.filter(ritual=ritual, on=on, section=section).exists()
    ):
        raise RitualError(
            "This meeting already has its one topic. Keep yours for a later week, "
            "so each one gets the time it needs."
        )
    item = AgendaItem(
        owner=here.user,
        space_id=here.space_id,
        ritual=ritual,
        on=on,
        section=section,
        added_at=when or timezone.now(),
    )
    records.seal(item, here.keychain, body=body)
    records.share(item, here.keychain, here.space_key)
    item.save()
    return item


@transaction.atomic
def agenda_item_edit(
    *, here: Here, item: AgendaItem, body: str, when: datetime | None = None
) -> AgendaItem:
    if item.owner_id != here.user.pk:
        raise RitualError("Only the person who added an item can change it.")
    body = _clean_text(body, "something for the agenda", TEXT_MAX, required=True)
    records.revise(item, here.keychain, here.space_key, editor_id=here.user.pk, body=body)
    item.save()
    return item


@transaction.atomic
def agenda_item_remove(*, here: Here, item: AgendaItem, when: datetime | None = None) -> None:
    if item.owner_id != here.user.pk:
        raise RitualError("Only the person who added an item can remove it.")
    Revision.objects.filter(record_table=AgendaItem._meta.db_table, record_id=item.pk).delete()
    item.delete()


@transaction.atomic
def calendar_feed_create(*, here: Here, when: datetime | None = None) -> str:
    """A new private calendar link; returns its token, which is never stored.

    If the member already had one, the old link stops working at once.
    """
    token = crypto.new_token()
    CalendarFeed.objects.update_or_create(
        user=here.user,
        defaults={"token_hash": crypto.lookup_hash(token), "created_at": when or timezone.now()},
    )
    return crypto.token_text(token)


@transaction.atomic
def calendar_feed_remove(*, here: Here, when: datetime | None = None) -> None:
    CalendarFeed.objects.filter(user=here.user).delete()
