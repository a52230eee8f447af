"""What the demo hands each capability so it can write its own history.

Each app may have a module ``hearth.<app>.demo`` with::

    def populate(world: DemoWorld) -> None

which writes about ``world.days`` days of realistic history for the couple
through the app's own service functions (back-dated with their ``when``
arguments), and appends every text it writes to ``world.texts`` so the
at-rest tests can prove none of it reaches the disk in clear.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hearth.spaces.context import Here


@dataclass
class DemoWorld:
    first: Here
    second: Here
    start: datetime
    days: int
    rng: random.Random
    texts: list[str] = field(default_factory=list)

    def at(self, day: int, hour: int = 20, minute: int = 0) -> datetime:
        """A moment on demo day ``day`` (0 = the first day, days-1 = today)."""
        moment = self.start + timedelta(days=day)
        return moment.replace(hour=hour, minute=minute, second=0, microsecond=0)

    def date(self, day: int) -> date:
        return self.at(day).date()

    def wrote(self, *texts: str) -> None:
        self.texts.extend(t for t in texts if t)
