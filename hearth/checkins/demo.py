"""About 120 days of check-ins for the demo couple.

Most days both check in; some days slip by, and a run of about ten days goes
by without any (a stretch apart, so the insights chart has a real gap). Mood
and the four answers drift: a good start, a rough patch with dips, a slow
recovery. Each person shares in their own way.
"""

from __future__ import annotations

import math
from datetime import datetime

from hearth.checkins import services
from hearth.checkins.models import Part
from hearth.checkins.services import DIMENSIONS, Entry
from hearth.core import feelings
from hearth.demo.world import DemoWorld
from hearth.spaces.context import Here

GAP = range(70, 80)  # days with no check-in at all

NOTES_LOW = [
    "We talked past each other about money again.",
    "I went quiet at dinner and didn't say why.",
    "Long day at work, and I snapped about the dishes.",
    "I felt shut out when plans changed without a word.",
    "Slept badly. Everything felt like too much.",
    "We argued in the car and never really came back to it.",
]
NOTES_MID = [
    "An ordinary day. Cooked together, watched something silly.",
    "A bit tired, but we had a proper talk before bed.",
    "Busy, not much time for each other. Tomorrow is calmer.",
    "We took a break when it got heated, and it helped.",
]
NOTES_HIGH = [
    "Walked by the river after work and laughed a lot.",
    "They kept the promise about Saturday. It meant more than I said.",
    "Breakfast in the garden, no phones. More of this.",
    "We fixed the shelf together without a single argument.",
    "A message in the afternoon just to say hello. Lovely.",
]
OWN_WORDS = ["wobbly", "fizzy", "tender-headed", "a bit raw", "light", "homey"]


def _mood(day: int, offset: float) -> float:
    """Pleasantness by day: good, a rough patch around day 45-65, recovery after."""
    dip = -5.5 * math.exp(-(((day - 55) / 10) ** 2))
    recovery = 0.8 * max(0, day - 80) / 40
    return 2.2 + offset + dip + recovery


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _one(world: DemoWorld, here: Here, day: int, *, offset: float, style: dict[str, float]) -> None:
    rng = world.rng
    mood = _mood(day, offset) + rng.gauss(0, 1.1)
    x = _clamp(mood, feelings.LOW, feelings.HIGH)
    y = _clamp(rng.gauss(0.5 if mood > 0 else -0.5, 2.2), feelings.LOW, feelings.HIGH)
    near = feelings.words_for(feelings.quadrant_of(x, y).key, (x, y))[:6]
    words = [f.word for f in rng.sample(near, rng.choice((1, 1, 2, 2, 3)))]
    own: list[str] = []
    if rng.random() < 0.08:
        own = [rng.choice(OWN_WORDS)]
        world.wrote(*own)
    ratings: dict[str, int] = {}
    if here.others and day >= 10 and rng.random() < 0.9:
        base = 4.6 + mood * 0.45
        ratings = {d: _clamp(base + rng.gauss(0, 0.8), 1, 7) for d in DIMENSIONS}
        if rng.random() < 0.1:
            ratings.pop(rng.choice(DIMENSIONS))  # a question skipped that day
    note = ""
    if rng.random() < 0.3:
        pool = NOTES_LOW if mood < -0.5 else NOTES_HIGH if mood > 2 else NOTES_MID
        note = rng.choice(pool)
        world.wrote(note)
    share = {kind for kind, chance in style.items() if rng.random() < chance}
    late = rng.random() < 0.12
    hour = rng.choice((8, 12, 19, 21, 22))
    moment: datetime = world.at(day + 1, 9) if late else world.at(day, hour)
    entry = Entry(pleasantness=x, energy=y, words=words, own_words=own, ratings=ratings, note=note)
    services.checkin_save(here=here, day=world.date(day), entry=entry, share=share, when=moment)
    if note and Part.NOTE in share and rng.random() < 0.15:
        # Second thoughts the same evening: the shared note keeps its history.
        edited = note + " Talked about it later; it feels better now."
        world.wrote(edited)
        entry = Entry(
            pleasantness=min(x + 1, feelings.HIGH),
            energy=y,
            words=words,
            own_words=own,
            ratings=ratings,
            note=edited,
        )
        services.checkin_save(
            here=here,
            day=world.date(day),
            entry=entry,
            share=share,
            when=moment.replace(minute=45),
        )


def populate(world: DemoWorld) -> None:
    first_style: dict[str, float] = {Part.FEELINGS: 0.75, Part.RATINGS: 0.35, Part.NOTE: 0.25}
    second_style: dict[str, float] = {Part.FEELINGS: 0.55, Part.RATINGS: 0.15, Part.NOTE: 0.1}
    for day in range(world.days):
        if day in GAP:
            continue
        if day >= 2 and world.rng.random() > 0.1:
            _one(world, world.first, day, offset=0.0, style=first_style)
        # The second partner joined on day 9.
        if day >= 10 and world.rng.random() > 0.14:
            _one(world, world.second, day, offset=-0.4, style=second_style)
