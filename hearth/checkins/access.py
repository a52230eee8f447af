"""Reads of check-ins, scoped to the member's space and to what they may see.

The rule for another member's check-in: its shared parts for a day open to a
member only once that member has checked in that day, in this space, too (a
mutual reveal). Before that they learn only that it exists, and only if
something in it is shared. Private parts are never shown to anyone else.
Anything not visible answers 404.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from hearth.checkins.models import CheckIn, CheckInPart, Part
from hearth.checkins.services import DIMENSIONS, allowed_days
from hearth.core import feelings
from hearth.spaces.context import Here
from hearth.vault import records
from hearth.vault.models import Revision

# What each rating asks, in the member's own voice (see the form for the full question).
DIMENSION_LABELS = {
    "reliability": "I could rely on them",
    "heard": "I felt heard",
    "safety": "I felt safe to be myself",
    "respect": "I felt respected",
}
HISTORY_PER_PAGE = 20


@dataclass(frozen=True)
class FeelingsView:
    pleasantness: int
    energy: int
    quadrant: feelings.Quadrant
    words: list[feelings.Feeling]
    own_words: list[str]


@dataclass(frozen=True)
class RatingGroup:
    about: str
    answers: list[tuple[str, int]]


@dataclass
class PartView:
    kind: str
    label: str
    shared: bool
    shared_at: datetime | None
    versions: int = 0
    feelings: FeelingsView | None = None
    ratings: list[RatingGroup] = field(default_factory=list)
    note: str = ""


@dataclass
class CheckInView:
    id: uuid.UUID
    day: date
    owner_id: int
    owner_name: str
    mine: bool
    created_at: datetime
    updated_at: datetime
    parts: dict[str, PartView]

    @property
    def feelings(self) -> PartView | None:
        return self.parts.get(Part.FEELINGS)

    @property
    def ratings(self) -> PartView | None:
        return self.parts.get(Part.RATINGS)

    @property
    def note(self) -> PartView | None:
        return self.parts.get(Part.NOTE)

    @property
    def shared_kinds(self) -> list[str]:
        return [kind for kind, part in self.parts.items() if part.shared]

    @property
    def shared_labels(self) -> list[str]:
        return [part.label for part in self.parts.values() if part.shared]


@dataclass(frozen=True)
class DayView:
    day: date
    mine: CheckInView | None
    others: list[CheckInView]
    waiting: list[str]  # names of members whose shared check-in opens once I check in
    can_check_in: bool


def _feelings_view(content: dict[str, Any]) -> FeelingsView:
    x, y = int(content["pleasantness"]), int(content["energy"])
    words = [feelings.VOCABULARY[w] for w in content.get("words", []) if w in feelings.VOCABULARY]
    return FeelingsView(x, y, feelings.quadrant_of(x, y), words, list(content.get("own_words", [])))


def _answers(values: dict[str, Any]) -> list[tuple[str, int]]:
    return [(DIMENSION_LABELS[k], int(values[k])) for k in DIMENSIONS if k in values]


def rating_groups(content: dict[str, Any], here: Here, owner_id: int) -> list[RatingGroup]:
    """Ratings as the viewer may see them.

    About everyone as a whole: shown as they are. Per member (three or more in
    the space): the owner sees every group; anyone else sees only what was said
    about them, so nobody reads how a third person was rated.
    """
    if not content:
        return []
    if all(k in DIMENSIONS for k in content):
        about = "About the others" if len(here.others) > 1 else "About today together"
        return [RatingGroup(about, _answers(content))]
    mine = owner_id == here.user.pk
    groups = []
    for uid, values in content.items():
        if not mine and uid != str(here.user.pk):
            continue
        name = here.name_of(int(uid)) if mine else "About you"
        groups.append(RatingGroup(f"About {name}" if mine else name, _answers(values)))
    return groups


def _part_view(part: CheckInPart, here: Here, versions: int) -> PartView:
    content = records.reveal(part, here.keychain, here.space_key).content
    view = PartView(
        kind=part.kind,
        label=Part(part.kind).label,
        shared=part.is_shared,
        shared_at=part.shared_at,
        versions=versions,
    )
    if content is None:
        return view
    if part.kind == Part.FEELINGS:
        view.feelings = _feelings_view(content)
    elif part.kind == Part.RATINGS:
        view.ratings = rating_groups(content, here, part.owner_id)
    else:
        view.note = str(content.get("text", ""))
    return view


def _version_counts(part_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not part_ids:
        return {}
    rows = (
        Revision.objects.filter(record_table=CheckInPart._meta.db_table, record_id__in=part_ids)
        .values("record_id")
        .annotate(n=Count("id"))
    )
    return {row["record_id"]: row["n"] for row in rows}


def _with_parts(qs: QuerySet[CheckIn], *, shared_only: bool = False) -> QuerySet[CheckIn]:
    parts = CheckInPart.objects.order_by("kind")
    if shared_only:
        parts = parts.filter(key_for_space__isnull=False)
    return qs.prefetch_related(Prefetch("parts", queryset=parts, to_attr="loaded_parts"))


def _view(checkin: CheckIn, here: Here, counts: dict[uuid.UUID, int] | None = None) -> CheckInView:
    mine = checkin.owner_id == here.user.pk
    parts: dict[str, PartView] = {}
    for part in sorted(checkin.loaded_parts, key=lambda p: Part.values.index(p.kind)):  # type: ignore[attr-defined]
        if not mine and not part.is_shared:
            continue
        try:
            parts[part.kind] = _part_view(part, here, (counts or {}).get(part.pk, 0))
        except records.Locked:
            continue  # shared under a key this member no longer holds
    return CheckInView(
        id=checkin.pk,
        day=checkin.day,
        owner_id=checkin.owner_id,
        owner_name=here.name_of(checkin.owner_id),
        mine=mine,
        created_at=checkin.created_at,
        updated_at=checkin.updated_at,
        parts=parts,
    )


def _mine(here: Here) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(space_id=here.space_id, owner=here.user)


def _i_checked_in(here: Here) -> Exists:
    return Exists(_mine(here).filter(day=OuterRef("day")))


def _shared_by_others(here: Here) -> QuerySet[CheckIn]:
    """Others' check-ins in this space with at least one shared part."""
    return (
        CheckIn.objects.filter(space_id=here.space_id)
        .exclude(owner=here.user)
        .filter(
            Exists(CheckInPart.objects.filter(checkin=OuterRef("pk"), key_for_space__isnull=False))
        )
    )


def checkin_mine_for_day(here: Here, day: date) -> CheckIn | None:
    return _mine(here).filter(day=day).first()


def checkin_view_mine_for_day(here: Here, day: date) -> CheckInView | None:
    checkin = _with_parts(_mine(here).filter(day=day)).first()
    return _view(checkin, here) if checkin is not None else None


def contents_mine(here: Here, checkin: CheckIn) -> tuple[dict[str, Any], list[str]]:
    """The raw content of each part of my own check-in, and which parts are shared."""
    contents: dict[str, Any] = {}
    shared: list[str] = []
    for part in CheckInPart.objects.filter(checkin=checkin, owner=here.user):
        contents[part.kind] = records.reveal(part, here.keychain, here.space_key).content
        if part.is_shared:
            shared.append(part.kind)
    return contents, shared


def checkin_get_mine(here: Here, checkin_id: uuid.UUID) -> CheckIn:
    """The member's own check-in in this space, or 404."""
    checkin = _mine(here).filter(pk=checkin_id).first()
    if checkin is None:
        raise Http404("No such check-in.")
    return checkin


def checkin_get_for_viewer(here: Here, checkin_id: uuid.UUID) -> CheckInView:
    """A check-in with the parts this member may see, or 404 if they may see none."""
    checkin = (
        _with_parts(CheckIn.objects.filter(space_id=here.space_id, pk=checkin_id))
        .annotate(viewer_checked_in=_i_checked_in(here))
        .first()
    )
    if checkin is None:
        raise Http404("No such check-in.")
    if checkin.owner_id != here.user.pk and not checkin.viewer_checked_in:
        raise Http404("No such check-in.")
    ids = [p.pk for p in checkin.loaded_parts]  # type: ignore[attr-defined]
    view = _view(checkin, here, _version_counts(ids))
    if not view.parts:
        raise Http404("No such check-in.")
    return view


def part_get_for_viewer(
    here: Here, checkin_id: uuid.UUID, kind: str
) -> tuple[CheckInView, PartView, list[records.Version]]:
    """One part of a check-in with its earlier versions, or 404."""
    view = checkin_get_for_viewer(here, checkin_id)
    part_view = view.parts.get(kind)
    if part_view is None:
        raise Http404("No such part.")
    part = CheckInPart.objects.get(checkin_id=checkin_id, kind=kind)
    try:
        versions = records.history(part, here.keychain, here.space_key)
    except records.Locked:
        raise Http404("No such part.") from None
    return view, part_view, versions


def history_page(here: Here, number: str | None) -> Page[CheckIn]:
    """One page of the member's own check-ins, newest first, each turned into a view."""
    paginator = Paginator(_with_parts(_mine(here).order_by("-day")), HISTORY_PER_PAGE)
    page = paginator.get_page(number)
    page.object_list = [_view(c, here) for c in page.object_list]  # type: ignore[misc]
    return page


def day_view(here: Here, day: date, today: date) -> DayView:
    mine = checkin_view_mine_for_day(here, day)
    others_qs = _with_parts(
        _shared_by_others(here).filter(day=day).order_by("created_at"), shared_only=True
    )
    others = list(others_qs)
    if mine is None:
        waiting = [here.name_of(c.owner_id) for c in others]
        return DayView(day, None, [], waiting, day in allowed_days(today))
    ids = [p.pk for c in others for p in c.loaded_parts]  # type: ignore[attr-defined]
    counts = _version_counts(ids)
    views = [v for v in (_view(c, here, counts) for c in others) if v.parts]
    return DayView(day, mine, views, [], False)


def missing_days(here: Here, today: date) -> list[date]:
    """Days of the back-dating window (today excluded) with no check-in of mine."""
    days = allowed_days(today)[1:]
    done = set(_mine(here).filter(day__in=days).values_list("day", flat=True))
    return [d for d in days if d not in done]


def shared_for_me(here: Here, limit: int) -> list[CheckIn]:
    """Others' shared check-ins that the mutual reveal lets me see, newest first."""
    return list(_shared_by_others(here).filter(_i_checked_in(here)).order_by("-updated_at")[:limit])


def waiting_today(here: Here, today: date) -> int:
    """How many others shared a check-in today that opens once I check in."""
    return _shared_by_others(here).filter(day=today).count()
