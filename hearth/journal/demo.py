"""A few dozen journal entries for each demo partner over four months; a few shared."""

from __future__ import annotations

from hearth.core import prompts
from hearth.demo.world import DemoWorld
from hearth.journal import services
from hearth.spaces.context import Here

TITLES = [
    "",
    "",
    "Sunday",
    "A quieter day",
    "After the call",
    "Thinking it over",
    "Small win",
    "Tired but okay",
    "Noticing",
    "Before bed",
]

OPENINGS = [
    "Woke up heavy today, and it took until lunch to name it: I was dreading the meeting.",
    "I said yes to something I didn't want to do again.",
    "Today felt lighter than it has in weeks.",
    "We had a small argument about the dishes, and it wasn't really about the dishes.",
    "I noticed my shoulders were up by my ears all afternoon.",
    "Long walk after work. The air helped.",
    "I kept checking my phone for a reply, and I didn't like how that felt.",
    "I trusted my gut about the flat viewing and it was right.",
    "Mum called. Old feelings came up, the way they do.",
    "I finally told my manager I needed the Friday off, and the sky didn't fall.",
    "Slept badly. Everything looked sharper and meaner than it was.",
    "A good, ordinary day. Worth writing down for once.",
]

MIDDLES = [
    "When I look closer, the feeling underneath is worry more than anger.",
    "I think this goes back a long way, to being the one who kept everyone calm at home.",
    "What I needed was an hour to myself, and I didn't ask for it.",
    "I can feel the old story starting: that people leave when you need them. It isn't true here.",
    "Naming it helped. Anxious, a bit lonely, underneath it tired.",
    "I want to be someone who says what I need before it turns into resentment.",
    "It was a relief to be listened to without being fixed.",
    "I noticed I was waiting for the catch, as usual. There wasn't one.",
    "My body knew before I did: tight chest, short breath.",
    "I'm learning that a no can be kind, to them and to me.",
]

ENDINGS = [
    "Tomorrow I'll try to say it earlier.",
    "Enough for tonight.",
    "I'm proud of that, quietly.",
    "Going to bring this up gently at our Sunday check-in.",
    "Note to self: rest is not something you have to earn.",
    "I'll keep an eye on this.",
    "Grateful, mostly.",
    "",
]


def _entry(world: DemoWorld) -> tuple[str, str]:
    rng = world.rng
    parts = [rng.choice(OPENINGS), rng.choice(MIDDLES), rng.choice(ENDINGS)]
    return rng.choice(TITLES), " ".join(p for p in parts if p)


def _person(world: DemoWorld, here: Here, count: int, share_every: int) -> None:
    days = sorted(world.rng.sample(range(world.days - 1), count))
    for n, day in enumerate(days):
        title, body = _entry(world)
        prompt_id = ""
        if world.rng.random() < 0.4:
            prompt_id = prompts.suggest(world.date(day), str(here.user.pk)).id
        when = world.at(day, world.rng.choice([7, 13, 21, 22, 23]), world.rng.randrange(60))
        # Now and then an entry looks back at an earlier day.
        about = day - world.rng.choice([0, 0, 0, 0, 1, 3])
        entry = services.entry_write(
            here=here,
            title=title,
            body=body,
            day=world.date(max(about, 0)),
            prompt_id=prompt_id,
            when=when,
        )
        world.wrote(title, body)
        if n % share_every == share_every - 1:
            services.entry_share(here=here, entry=entry, when=world.at(day, 23, 30))


def populate(world: DemoWorld) -> None:
    _person(world, world.first, count=34, share_every=8)
    _person(world, world.second, count=26, share_every=9)
