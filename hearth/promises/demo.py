"""About four months of promises between the demo couple, written through the services."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from hearth.demo.world import DemoWorld
from hearth.promises import services
from hearth.promises.models import Promise
from hearth.spaces.context import Here

THINGS = [
    "book the table at the Lebanese place for Friday",
    "call the plumber about the dripping kitchen tap",
    "pick up your prescription on the way home",
    "sort the recycling and take it down",
    "send your mum a thank-you card for the weekend",
    "fix the wobbly leg on the bedside table",
    "look at the holiday dates and tell you which week works",
    "be home by seven so we can eat together",
    "water the balcony plants while you're away",
    "print the tickets for the concert",
    "clean out the car before the road trip",
    "return the library books before they're overdue",
    "make the soup you liked for Sunday lunch",
    "ring the landlord about the heating",
    "finish the photo album from the summer",
    "check the bike tyres before our ride",
    "put the winter duvet on the bed",
    "read the chapter you lent me so we can talk about it",
    "pay the electricity bill",
    "go to the Thursday class with you",
    "plan a small surprise for your birthday week",
    "leave my phone in the other room during dinner",
    "tell you how the doctor's appointment went",
    "take the old sofa cushions to the charity shop",
    "write down three things I'd like us to try this spring",
]
TO_EVERYONE = [
    "do the big shop for the week",
    "hoover the whole flat on Saturday morning",
    "organise the drinks for the housewarming",
    "update our shared calendar with the family visits",
    "descale the kettle and clean the coffee machine",
]
LATE_NOTES = [
    "I'm running late: work ran over. Could we say tomorrow evening?",
    "I'm running late, sorry. The shop closes early today, so Saturday?",
    "I can't make it today after all. Next week would be kinder on both of us.",
]
MOVE_NOTES = [
    "This week is fuller than I thought. Could we move it to the weekend?",
    "I'd rather do this properly than rush it. Is Monday all right?",
    "I'd like to do it with you there, so could we pick a day we're both home?",
]
ASK_NOTES = [
    "Let's move it: there's no rush on my side, and you've had a long week.",
    "Let's move it to after your exam, it can easily wait.",
]
RELEASE_NOTES = [
    "We found someone else to do it, so I'd like to let this one go, if that's fine.",
    "It turned out we don't need it any more. Shall we let it go?",
]
SLIPPED_NOTES = [
    "I let this slide and I'm sorry. I'll put it in my calendar this time.",
    "I noticed this one didn't happen. Can we talk about what got in the way?",
]


def _pick(world: DemoWorld, options: list[str]) -> str:
    text = world.rng.choice(options)
    world.wrote(text)
    return text


def _make(
    world: DemoWorld,
    maker: Here,
    other: Here,
    *,
    day: int,
    due_in: int,
    to_space: bool,
    with_time: bool,
) -> Promise:
    what = _pick(world, TO_EVERYONE if to_space else THINGS)
    due_day = world.date(day + due_in)
    return services.promise_make(
        here=maker,
        what=what,
        to_user_id=None if to_space else other.user.pk,
        due_date=due_day,
        due_time=time(19, 0) if with_time else None,
        when=world.at(day, world.rng.choice([8, 9, 12, 18])),
    )


def _keep(world: DemoWorld, maker: Here, other: Here, promise: Promise, done: datetime) -> None:
    services.promise_mark_done(here=maker, promise=promise, when=done)
    services.promise_confirm(
        here=other, promise=promise, when=done + timedelta(hours=world.rng.choice([1, 2, 5, 12]))
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(7, 0)), timezone.get_current_timezone())


def populate(world: DemoWorld) -> None:
    rng = world.rng
    pair = [(world.first, world.second), (world.second, world.first)]
    last = world.days - 1
    day = 11  # the second partner joined on day 9
    while day < last - 8:
        maker, other = rng.choice(pair)
        to_space = rng.random() < 0.15
        due_in = rng.choice([1, 2, 2, 3, 4, 6])
        promise = _make(
            world,
            maker,
            other,
            day=day,
            due_in=due_in,
            to_space=to_space,
            with_time=rng.random() < 0.3,
        )
        due_day = day + due_in
        roll = rng.random()
        if roll < 0.66:
            _keep(world, maker, other, promise, world.at(due_day, rng.choice([10, 15, 17])))
        elif roll < 0.78:
            # "Running late" on the day, agreed, then kept.
            services.promise_propose(
                here=maker,
                promise=promise,
                kind=Promise.Proposal.MOVE,
                note=_pick(world, LATE_NOTES),
                new_date=world.date(due_day + 2),
                when=world.at(due_day, 9),
            )
            services.promise_accept(here=other, promise=promise, when=world.at(due_day, 11))
            _keep(world, maker, other, promise, world.at(due_day + 2, 16))
        elif roll < 0.86:
            # Moved well in advance, by either side.
            asker, answerer = rng.choice([(maker, other), (other, maker)])
            notes = MOVE_NOTES if asker is maker else ASK_NOTES
            services.promise_propose(
                here=asker,
                promise=promise,
                kind=Promise.Proposal.MOVE,
                note=_pick(world, notes),
                new_date=world.date(due_day + 3),
                when=world.at(day, 22),
            )
            services.promise_accept(here=answerer, promise=promise, when=world.at(day + 1, 8))
            _keep(world, maker, other, promise, world.at(due_day + 3, 12))
        elif roll < 0.92:
            services.promise_propose(
                here=maker,
                promise=promise,
                kind=Promise.Proposal.RELEASE,
                note=_pick(world, RELEASE_NOTES),
                when=world.at(day + max(0, due_in - 1), 19),
            )
            services.promise_accept(
                here=other, promise=promise, when=world.at(day + max(0, due_in - 1), 21)
            )
        else:
            # It slipped by; a word about it afterwards, from one side or the other.
            writer = rng.choice([maker, other])
            services.promise_note_add(
                here=writer,
                promise=promise,
                body=_pick(world, SLIPPED_NOTES),
                when=world.at(due_day + 2, 20),
            )
        day += rng.choice([1, 2, 2, 3])

    # The last days: one done and waiting, a couple still open, one due today.
    now = timezone.now()
    waiting = _make(
        world, world.second, world.first, day=last - 4, due_in=5, to_space=False, with_time=False
    )
    services.promise_mark_done(here=world.second, promise=waiting, when=world.at(last, 9))
    for maker, other, days_ahead in (
        (world.first, world.second, 3),
        (world.second, world.first, 6),
    ):
        what = _pick(world, THINGS)
        services.promise_make(
            here=maker,
            what=what,
            to_user_id=other.user.pk,
            due_date=timezone.localdate(now) + timedelta(days=days_ahead),
            when=world.at(last - 1, 20),
        )
    services.promise_make(
        here=world.first,
        what=_pick(world, TO_EVERYONE),
        to_user_id=None,
        due_date=timezone.localdate(now),
        when=min(world.at(last - 2, 19), _start_of(timezone.localdate(now)) - timedelta(days=1)),
    )
