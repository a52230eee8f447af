"""Reads that need authorization: every look-up is scoped to the member's space.

A ritual of another space, one that can no longer be opened, or a date that
is not one of its times answers like something that does not exist (404).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from hearth.core import recurrence
from hearth.rituals.models import AgendaItem, Occurrence, Ritual
from hearth.spaces.context import Here
from hearth.vault import records
from hearth.vault.models import Revision

UPCOMING = 5
RECENT = 6


# --- words ------------------------------------------------------------------


def _time_words(start: str, minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        length = f"{hours} h {rest} min"
    elif hours:
        length = "1 hour" if hours == 1 else f"{hours} hours"
    else:
        length = f"{rest} minutes"
    return f"at {start}, for {length}"


def schedule_words(
    frequency: str, weekday: int, week_of_month: int | None, start: str, minutes: int
) -> str:
    """ "Every Friday at 19:30, for 2 hours", from clear schedule values."""
    day = Ritual.Weekday(weekday).label
    at = _time_words(start, minutes)
    if frequency == Ritual.Frequency.MONTHLY and week_of_month is not None:
        which = Ritual.WeekOfMonth(week_of_month).label.lower()
        return f"On the {which} {day} of each month {at}"
    if frequency == Ritual.Frequency.FORTNIGHTLY:
        return f"Every other {day} {at}"
    return f"Every {day} {at}"


def ritual_schedule_words(ritual: Ritual) -> str:
    return schedule_words(
        ritual.frequency,
        ritual.weekday,
        ritual.week_of_month,
        ritual.start_time.strftime("%H:%M"),
        ritual.minutes,
    )


def when_words(on: date, today: date) -> str:
    if on == today:
        return "Today"
    if on == today + timedelta(days=1):
        return "Tomorrow"
    if on == today - timedelta(days=1):
        return "Yesterday"
    return on.strftime("%A %-d %B") if on.year == today.year else on.strftime("%-d %B %Y")


def kind_words(ritual: Ritual) -> str:
    """The kind, as it reads inside a sentence ("date night", "the weekly check-in")."""
    return {
        Ritual.Kind.DATE_NIGHT: "date night",
        Ritual.Kind.WALK: "your walk together",
        Ritual.Kind.MEETING: "the weekly check-in",
        Ritual.Kind.OTHER: "your time together",
    }.get(Ritual.Kind(ritual.kind), "your time together")


# --- look-ups -----------------------------------------------------------------


def rituals_in_space(here: Here) -> list[Ritual]:
    return list(
        Ritual.objects.filter(space_id=here.space_id, key_for_space__isnull=False).order_by(
            "made_at"
        )
    )


def ritual_get(here: Here, ritual_id: uuid.UUID | str) -> Ritual:
    """A ritual of the member's current space that they can open, or 404."""
    try:
        ritual = Ritual.objects.get(pk=ritual_id, space_id=here.space_id)
    except (Ritual.DoesNotExist, ValidationError, ValueError):
        raise Http404("No such ritual.") from None
    if ritual.key_for_space is None:
        raise Http404("No such ritual.")
    return ritual


def reveal(here: Here, record: Ritual | Occurrence | AgendaItem) -> records.Revealed:
    try:
        return records.reveal(record, here.keychain, here.space_key)
    except records.Locked:
        raise Http404("No such ritual.") from None


def date_of(ritual: Ritual, text: str, *, marked: bool = False) -> date:
    """The date in a URL, if it is one of the ritual's times (or already marked)."""
    try:
        on = date.fromisoformat(text)
    except ValueError:
        raise Http404("No such time.") from None
    if recurrence.is_occurrence(ritual.schedule, on):
        return on
    if marked and Occurrence.objects.filter(ritual=ritual, on=on).exists():
        return on
    raise Http404("No such time.")


def meeting_date_of(ritual: Ritual, text: str) -> date:
    if not ritual.is_meeting:
        raise Http404("No such agenda.")
    on = date_of(ritual, text)
    return on


def agenda_item_get_mine(here: Here, ritual: Ritual, on: date, item_id: uuid.UUID) -> AgendaItem:
    """One of the member's own items on this agenda; anyone else's is 404."""
    try:
        return AgendaItem.objects.get(
            pk=item_id, ritual=ritual, on=on, space_id=here.space_id, owner=here.user
        )
    except AgendaItem.DoesNotExist:
        raise Http404("No such item.") from None


# --- what the pages show --------------------------------------------------------


@dataclass(frozen=True)
class TimeView:
    on: date
    starts: datetime
    words: str
    status: str = ""
    status_label: str = ""
    marked_by: str = ""
    note: str = ""
    can_mark_done: bool = False


@dataclass(frozen=True)
class RitualRow:
    ritual: Ritual
    title: str
    what: str
    kind_label: str
    schedule: str
    upcoming: list[TimeView]


def _time_view(
    here: Here, ritual: Ritual, on: date, today: date, marks: dict[date, Occurrence]
) -> TimeView:
    mark = marks.get(on)
    starts = recurrence.starts_at(on, ritual.start_time, ritual.time_zone)
    if mark is None:
        return TimeView(
            on=on, starts=starts, words=when_words(on, today), can_mark_done=on <= today
        )
    try:
        note = records.reveal(mark, here.keychain, here.space_key).note or ""
    except records.Locked:
        note = ""
    return TimeView(
        on=on,
        starts=starts,
        words=when_words(on, today),
        status=mark.status,
        status_label=Occurrence.Status(mark.status).label,
        marked_by=here.name_of(mark.marked_by_id),
        note=note,
        can_mark_done=on <= today,
    )


def _marks(
    rituals: list[Ritual], start: date, end: date
) -> dict[uuid.UUID, dict[date, Occurrence]]:
    found: dict[uuid.UUID, dict[date, Occurrence]] = {r.pk: {} for r in rituals}
    if not rituals:
        return found
    for occ in Occurrence.objects.filter(ritual__in=rituals, on__gte=start, on__lte=end):
        found[occ.ritual_id][occ.on] = occ
    return found


def ritual_rows(here: Here, today: date, upcoming: int = 3) -> list[RitualRow]:
    """The space's rituals (active first), each with its next few times: two queries."""
    rituals = rituals_in_space(here)
    plans = {r.pk: recurrence.next_dates(r.schedule, today, upcoming) for r in rituals}
    last = max((d for dates in plans.values() for d in dates), default=today)
    marks = _marks(rituals, today, last)
    rows: list[RitualRow] = []
    for ritual in rituals:
        try:
            text = records.reveal(ritual, here.keychain, here.space_key)
        except records.Locked:
            continue
        rows.append(
            RitualRow(
                ritual=ritual,
                title=text.title,
                what=text.what or "",
                kind_label=Ritual.Kind(ritual.kind).label,
                schedule=ritual_schedule_words(ritual),
                upcoming=[
                    _time_view(here, ritual, d, today, marks[ritual.pk])
                    for d in (plans[ritual.pk] if ritual.is_active else [])
                ],
            )
        )
    rows.sort(key=lambda row: not row.ritual.is_active)
    return rows


@dataclass(frozen=True)
class VersionView:
    replaced_at: datetime
    editor: str
    title: str
    what: str
    schedule: str
    paused: bool


@dataclass(frozen=True)
class RitualPage:
    ritual: Ritual
    title: str
    what: str
    kind_label: str
    schedule: str
    made_by: str
    upcoming: list[TimeView]
    recent: list[TimeView]
    versions: list[VersionView]
    next_meeting: date | None = None


def _version_view(here: Here, version: records.Version) -> VersionView:
    values: dict[str, Any] = version.values
    try:
        schedule = schedule_words(
            str(values["frequency"]),
            int(values["weekday"]),
            values.get("week_of_month"),
            str(values["start_time"]),
            int(values["minutes"]),
        )
    except (KeyError, TypeError, ValueError):
        schedule = ""
    return VersionView(
        replaced_at=version.replaced_at,
        editor=here.name_of(version.editor_id),
        title=values.get("title") or "",
        what=values.get("what") or "",
        schedule=schedule,
        paused=values.get("status") == Ritual.Status.PAUSED,
    )


def ritual_page(here: Here, ritual: Ritual, today: date) -> RitualPage:
    text = reveal(here, ritual)
    upcoming_dates = (
        recurrence.next_dates(ritual.schedule, today + timedelta(days=1), UPCOMING)
        if ritual.is_active
        else []
    )
    recent_dates = recurrence.previous_dates(ritual.schedule, today, RECENT)
    start = min(recent_dates, default=today)
    end = max(upcoming_dates, default=today)
    marks = _marks([ritual], start, end)[ritual.pk]
    versions = records.history(ritual, here.keychain, here.space_key)
    next_meeting = None
    if ritual.is_meeting and ritual.is_active:
        found = recurrence.next_dates(ritual.schedule, today, 1)
        next_meeting = found[0] if found else None
    return RitualPage(
        ritual=ritual,
        title=text.title,
        what=text.what or "",
        kind_label=Ritual.Kind(ritual.kind).label,
        schedule=ritual_schedule_words(ritual),
        made_by=here.name_of(ritual.owner_id),
        upcoming=[_time_view(here, ritual, d, today, marks) for d in upcoming_dates],
        recent=[_time_view(here, ritual, d, today, marks) for d in recent_dates],
        versions=[_version_view(here, v) for v in reversed(versions)],
        next_meeting=next_meeting,
    )


@dataclass(frozen=True)
class MarkVersion:
    replaced_at: datetime
    editor: str
    status_label: str
    note: str


@dataclass(frozen=True)
class OccurrencePage:
    time: TimeView
    occurrence: Occurrence | None
    versions: list[MarkVersion] = field(default_factory=list)


def occurrence_page(here: Here, ritual: Ritual, on: date, today: date) -> OccurrencePage:
    occurrence = Occurrence.objects.filter(ritual=ritual, on=on).first()
    marks = {on: occurrence} if occurrence else {}
    versions: list[MarkVersion] = []
    if occurrence is not None:
        try:
            history = records.history(occurrence, here.keychain, here.space_key)
        except records.Locked:
            history = []
        for v in reversed(history):
            status = str(v.values.get("status", ""))
            versions.append(
                MarkVersion(
                    replaced_at=v.replaced_at,
                    editor=here.name_of(v.editor_id),
                    status_label=Occurrence.Status(status).label
                    if status in Occurrence.Status.values
                    else "",
                    note=v.values.get("note") or "",
                )
            )
    return OccurrencePage(
        time=_time_view(here, ritual, on, today, marks),
        occurrence=occurrence,
        versions=versions,
    )


@dataclass(frozen=True)
class ItemView:
    id: uuid.UUID
    body: str
    by: str
    mine: bool
    added_at: datetime
    edited: bool


@dataclass(frozen=True)
class SectionView:
    value: str
    label: str
    items: list[ItemView]


@dataclass(frozen=True)
class Agenda:
    ritual: Ritual
    title: str
    on: date
    starts: datetime
    sections: list[SectionView]
    has_topic: bool


def agenda(here: Here, ritual: Ritual, on: date) -> Agenda:
    """One meeting's agenda, in its four sections, in a fixed number of queries."""
    text = reveal(here, ritual)
    by_section: dict[str, list[ItemView]] = {s: [] for s in AgendaItem.Section.values}
    found = AgendaItem.objects.filter(
        ritual=ritual, on=on, space_id=here.space_id, key_for_space__isnull=False
    ).order_by("added_at")
    items = list(found)
    revised = set(
        Revision.objects.filter(
            record_table=AgendaItem._meta.db_table, record_id__in=[i.pk for i in items]
        ).values_list("record_id", flat=True)
    )
    for item in items:
        try:
            body = records.reveal(item, here.keychain, here.space_key).body
        except records.Locked:
            continue
        by_section[item.section].append(
            ItemView(
                id=item.pk,
                body=body,
                by=here.name_of(item.owner_id),
                mine=item.owner_id == here.user.pk,
                added_at=item.added_at,
                edited=item.pk in revised,
            )
        )
    return Agenda(
        ritual=ritual,
        title=text.title,
        on=on,
        starts=recurrence.starts_at(on, ritual.start_time, ritual.time_zone),
        sections=[
            SectionView(value=value, label=str(label), items=by_section[value])
            for value, label in AgendaItem.Section.choices
        ],
        has_topic=bool(by_section[AgendaItem.Section.TOPIC]),
    )


def agenda_item_versions(here: Here, item: AgendaItem) -> list[records.Version]:
    try:
        return list(reversed(records.history(item, here.keychain, here.space_key)))
    except records.Locked:
        return []


def past_agendas(ritual: Ritual, today: date, limit: int = 8) -> list[date]:
    """Meeting dates that have an agenda, newest first."""
    return list(
        AgendaItem.objects.filter(ritual=ritual, on__lte=today)
        .order_by("-on")
        .values_list("on", flat=True)
        .distinct()[:limit]
    )
