"""What the Today page asks of every capability.

Each app may have a module ``hearth.<app>.today`` with two functions:

    def due(here: Here, today: date) -> list[Due]
        What the member could do today (their check-in, the daily question,
        promises due soon, a ritual). Gentle: never overdue counters or guilt.

    def moments(here: Here, limit: int) -> list[Moment]
        The latest shared moments of the space that this member may see, newest
        first, at most ``limit``, in a fixed number of queries.

The Today page merges them; this module holds the two plain types.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hearth.spaces.context import Here

APPS = (
    "checkins",
    "questions",
    "promises",
    "appreciations",
    "boundaries",
    "rituals",
    "journal",
    "insights",
)


@dataclass(frozen=True)
class Due:
    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Moment:
    when: datetime
    kind: str
    text: str
    url: str


def _modules() -> list[ModuleType]:
    found = []
    for app in APPS:
        try:
            found.append(importlib.import_module(f"hearth.{app}.today"))
        except ModuleNotFoundError as exc:
            if exc.name != f"hearth.{app}.today":
                raise
    return found


def due_today(here: Here, today: date) -> list[Due]:
    return [item for module in _modules() for item in module.due(here, today)]


def recent_moments(here: Here, limit: int) -> list[Moment]:
    merged = [m for module in _modules() for m in module.moments(here, limit)]
    merged.sort(key=lambda m: m.when, reverse=True)
    return merged[:limit]
