"""Demo history: a weekly check-in with its agendas, a fortnightly date night,
and a monthly walk that began later."""

from __future__ import annotations

from datetime import date, time

from django.conf import settings

from hearth.core import recurrence
from hearth.demo.world import DemoWorld
from hearth.rituals import services
from hearth.rituals.models import AgendaItem, Occurrence, Ritual
from hearth.spaces.context import Here

APPRECIATIONS = [
    "Thank you for making soup when I came home soaked on Tuesday.",
    "I loved that you called your sister back even though you were tired.",
    "Thanks for sitting with me while I sorted the tax forms.",
    "You noticed I was quiet on Thursday and asked. That meant a lot.",
    "Thank you for taking the bins out all week without a word.",
    "I liked how you stayed calm when the train was cancelled.",
    "Thanks for the note in my bag, it made my morning.",
    "I appreciated you asking before you booked the weekend away.",
]
WENT_WELL = [
    "We cooked together twice and nobody checked their phone.",
    "The talk about money on Monday stayed kind, even when it got tricky.",
    "We both got some time alone at the weekend.",
    "Sunday morning in the park felt easy and light.",
    "We told each other early when plans changed.",
    "We laughed a lot at dinner with your friends.",
]
TOPICS = [
    "How we split the evenings when one of us works late.",
    "Whether to visit my parents at Easter, and for how long.",
    "Screens in the bedroom: what feels fair to both of us.",
    "Saving for the trip without it feeling tight every month.",
    "What we each need after a hard day at work.",
    "How often we see friends on weekday nights.",
]
PLANS = [
    "Book the dentist and the car service before Friday.",
    "Walk to the market together on Saturday morning.",
    "One evening with no screens, maybe Wednesday.",
    "Call the landlord about the window together.",
    "Plan what to cook for the week on Sunday night.",
    "Each of us takes one evening just for ourselves.",
]
SKIP_NOTES = [
    "We were both worn out; pizza on the sofa instead.",
    "Away for work this week. Next time is on.",
    "",
]
DONE_NOTES = [
    "The little Italian place again, and a long walk home.",
    "Board games and too much chocolate.",
    "",
    "",
]


def _plan(
    kind: str,
    title: str,
    what: str,
    frequency: str,
    weekday: int,
    week: int | None,
    at: time,
    minutes: int,
    starts_on: date,
) -> services.Plan:
    return services.Plan(
        kind=kind,
        title=title,
        what=what,
        frequency=frequency,
        weekday=weekday,
        week_of_month=week,
        start_time=at,
        minutes=minutes,
        starts_on=starts_on,
        time_zone=settings.TIME_ZONE,
    )


def _day(world: DemoWorld, on: date) -> int:
    return (on - world.date(0)).days


def _pick(world: DemoWorld, pool: list[str]) -> str:
    text = world.rng.choice(pool)
    world.wrote(text)
    return text


def _meeting(world: DemoWorld) -> None:
    title, what = "Sunday check-in", "Half an hour with tea: thanks first, then the week ahead."
    world.wrote(title, what)
    ritual = services.ritual_create(
        here=world.first,
        plan=_plan(
            Ritual.Kind.MEETING,
            title,
            what,
            Ritual.Frequency.WEEKLY,
            6,
            None,
            time(19, 0),
            45,
            world.date(0),
        ),
        when=world.at(0, 18),
    )
    last = world.days - 1
    dates = recurrence.dates_between(ritual.schedule, world.date(0), world.date(last))
    past = [d for d in dates if d < world.date(last)]
    skipped = set(world.rng.sample(range(len(past)), k=min(2, len(past))))
    for index, on in enumerate(past):
        day = _day(world, on)
        if index in skipped:
            note = _pick(world, SKIP_NOTES)
            services.occurrence_mark(
                here=world.second,
                ritual=ritual,
                on=on,
                status=Occurrence.Status.SKIPPED,
                note=note,
                when=world.at(day, 17),
            )
            continue
        _agenda(world, ritual, on, full=True)
        who = world.rng.choice([world.first, world.second])
        services.occurrence_mark(
            here=who, ritual=ritual, on=on, status=Occurrence.Status.DONE, when=world.at(day, 20)
        )
    upcoming = recurrence.next_dates(ritual.schedule, world.date(last), 1)
    if upcoming:
        _agenda(world, ritual, upcoming[0], full=False)


def _agenda(world: DemoWorld, ritual: Ritual, on: date, *, full: bool) -> None:
    day = min(max(_day(world, on) - 1, 0), world.days - 1)
    hour = 9
    people: list[Here] = [world.first, world.second]
    for who in people:
        services.agenda_item_add(
            here=who,
            ritual=ritual,
            on=on,
            section=AgendaItem.Section.APPRECIATION,
            body=_pick(world, APPRECIATIONS),
            when=world.at(day, hour),
        )
        hour += 1
    if not full:
        return
    services.agenda_item_add(
        here=world.rng.choice(people),
        ritual=ritual,
        on=on,
        section=AgendaItem.Section.WENT_WELL,
        body=_pick(world, WENT_WELL),
        when=world.at(day, hour),
    )
    if world.rng.random() < 0.75:
        services.agenda_item_add(
            here=world.rng.choice(people),
            ritual=ritual,
            on=on,
            section=AgendaItem.Section.TOPIC,
            body=_pick(world, TOPICS),
            when=world.at(day, hour + 1),
        )
    services.agenda_item_add(
        here=world.rng.choice(people),
        ritual=ritual,
        on=on,
        section=AgendaItem.Section.PLANS,
        body=_pick(world, PLANS),
        when=world.at(day, hour + 2),
    )


def _date_night(world: DemoWorld) -> None:
    title, what = "Friday date night", "Our evening: no chores, no phones at the table."
    world.wrote(title, what)
    ritual = services.ritual_create(
        here=world.second,
        plan=_plan(
            Ritual.Kind.DATE_NIGHT,
            title,
            what,
            Ritual.Frequency.FORTNIGHTLY,
            4,
            None,
            time(19, 30),
            150,
            world.date(3),
        ),
        when=world.at(3, 12),
    )
    last = world.date(world.days - 1)
    for on in recurrence.dates_between(ritual.schedule, world.date(3), last):
        if on >= last:
            break
        day = _day(world, on)
        skip = world.rng.random() < 0.2
        note = _pick(world, SKIP_NOTES if skip else DONE_NOTES)
        services.occurrence_mark(
            here=world.rng.choice([world.first, world.second]),
            ritual=ritual,
            on=on,
            status=Occurrence.Status.SKIPPED if skip else Occurrence.Status.DONE,
            note=note,
            when=world.at(day, 23),
        )
        if day >= 50 and ritual.start_time == time(19, 30):
            # Later dinners suit them better: the change stays in the history.
            services.ritual_update(
                here=world.first,
                ritual=ritual,
                plan=_plan(
                    Ritual.Kind.DATE_NIGHT,
                    title,
                    what,
                    Ritual.Frequency.FORTNIGHTLY,
                    4,
                    None,
                    time(20, 0),
                    150,
                    ritual.first_date,
                ),
                when=world.at(day + 1, 10),
            )


def _walk(world: DemoWorld) -> None:
    start = min(70, world.days - 1)
    title, what = "First-Sunday walk", "Up the river path to the old mill, whatever the weather."
    world.wrote(title, what)
    ritual = services.ritual_create(
        here=world.first,
        plan=_plan(
            Ritual.Kind.WALK,
            title,
            what,
            Ritual.Frequency.MONTHLY,
            6,
            1,
            time(10, 0),
            90,
            world.date(start),
        ),
        when=world.at(start, 9),
    )
    last = world.date(world.days - 1)
    for on in recurrence.dates_between(ritual.schedule, world.date(start), last):
        if on >= last:
            break
        services.occurrence_mark(
            here=world.second,
            ritual=ritual,
            on=on,
            status=Occurrence.Status.DONE,
            when=world.at(_day(world, on), 13),
        )


def populate(world: DemoWorld) -> None:
    _meeting(world)
    _date_night(world)
    _walk(world)
