"""Events drawn on the charts: a ritual that began, and later repairs and time-outs.

Markers are data. A kind names how it is drawn and said; a provider is a
function ``(here, start, end) -> list[Marker]``. An app that wants its events
on the charts adds its kind to KINDS and its provider's dotted path to
PROVIDERS; providers of apps that aren't installed yet are skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hearth.spaces.context import Here


@dataclass(frozen=True)
class MarkerKind:
    label: str  # what the marker says, in the chart's tooltip and the list under it
    shape: str  # "circle", "diamond" or "square"


@dataclass(frozen=True)
class Marker:
    day: date
    kind: str
    detail: str = ""  # a clear word from a fixed list (a ritual's kind), never typed text

    @property
    def label(self) -> str:
        base = KINDS[self.kind].label
        return f"{base}: {self.detail}" if self.detail else base

    @property
    def shape(self) -> str:
        return KINDS[self.kind].shape


KINDS: dict[str, MarkerKind] = {
    "ritual": MarkerKind("A ritual began", "circle"),
    "repair": MarkerKind("A repair began", "diamond"),
    "timeout": MarkerKind("A time-out", "square"),
}

Provider = Callable[[Here, date, date], list[Marker]]

PROVIDERS: tuple[str, ...] = (
    "hearth.insights.markers:ritual_markers",
    "hearth.repair.insights:markers",
    "hearth.conversations.insights:markers",
)


def ritual_markers(here: Here, start: date, end: date) -> list[Marker]:
    """Rituals of the space this member can see, on the day they began."""
    from django.db.models import Q

    from hearth.rituals.models import Ritual

    rows = (
        Ritual.objects.filter(space_id=here.space_id, first_date__range=(start, end))
        .filter(Q(key_for_space__isnull=False) | Q(owner_id=here.user.pk))
        .order_by("first_date")
        .values_list("first_date", "kind")
    )
    labels = dict(Ritual.Kind.choices)
    return [Marker(day, "ritual", str(labels.get(kind, "")).lower()) for day, kind in rows]


def _providers() -> list[Provider]:
    found: list[Provider] = []
    for dotted in PROVIDERS:
        module_name, _, attr = dotted.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and module_name.startswith(exc.name):
                continue
            raise
        found.append(getattr(module, attr))
    return found


def markers_for(here: Here, start: date, end: date) -> list[Marker]:
    found = [m for provider in _providers() for m in provider(here, start, end)]
    return sorted((m for m in found if m.kind in KINDS), key=lambda m: m.day)
