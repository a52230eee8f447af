"""About 120 days of thanks going both ways, a few a week."""

from __future__ import annotations

from hearth.appreciations import services
from hearth.demo.world import DemoWorld
from hearth.spaces.context import Here

# (what they did, why it mattered); "{name}" is the one being thanked.
FROM_FIRST = [
    (
        "You took the car in for its service so I didn't have to leave work early.",
        "It meant I could finish the report without panicking.",
    ),
    (
        "You listened to the whole story about my sister without trying to fix it.",
        "I felt heard, which was all I needed that night.",
    ),
    ("You made soup when I came home with a cold.", ""),
    (
        "You texted to say the train was delayed before I started to worry.",
        "Small thing, but it let me relax and get on with my evening.",
    ),
    (
        "You remembered my interview and asked how it went the moment I got in.",
        "It felt like you were on my side the whole day.",
    ),
    (
        "You let me have the quiet morning I asked for on Sunday.",
        "I came back to the day with far more patience.",
    ),
    ("You called your mum back about the dinner plans so I didn't have to.", ""),
    (
        "You said sorry first after our argument about the holiday.",
        "It made it easy for me to say my part too.",
    ),
    ("You put the photos of us on the fridge.", "I smiled every time I opened it."),
    (
        "You watered my tomatoes all week while I was away.",
        "Coming home to them still alive felt like being looked after.",
    ),
    (
        "You told me honestly that you were tired instead of going quiet.",
        "I'd much rather know, and it helped me not take it personally.",
    ),
    ("You booked the table at the place we went on our first trip.", ""),
]
FROM_SECOND = [
    (
        "You sorted the bills this month while I was buried at work.",
        "I could stop carrying that worry around.",
    ),
    (
        "You came with me to the dentist even though it's silly to be nervous.",
        "It wasn't silly to you, and that meant a lot.",
    ),
    (
        "You kept the news about my job between us until I was ready to tell people.",
        "I trust you with things because of moments like that.",
    ),
    ("You got up with the alarm so I could sleep in.", ""),
    (
        "You asked about my day and then actually put your phone down.",
        "I felt like the most important thing in the room.",
    ),
    (
        "You planned the walk by the river and packed the good sandwiches.",
        "It was the best Saturday we've had in ages.",
    ),
    (
        "You told me when I'd hurt your feelings, gently, and we talked it through.",
        "I learned something about you, and I'm glad you trusted me with it.",
    ),
    ("You fixed the wobbly shelf without being asked.", ""),
    ("You stayed calm when I was stressed about the move.", "Your calm helped me find mine."),
    (
        "You made space for my friends on Friday even though you were tired.",
        "It showed me you care about the people I care about.",
    ),
    ("You wrote me a note for my lunch box.", "I kept it in my wallet."),
]
TO_EVERYONE = [
    ("Thank you both for a lovely weekend with the family.", ""),
]
# Some appreciations get a second look: the giver adds what they forgot to say.
EDITED_AT = {3, 17}
AFTERTHOUGHT = "Looking back, it mattered even more than I said at the time."


def populate(world: DemoWorld) -> None:
    rng = world.rng
    people: tuple[tuple[Here, Here, list[tuple[str, str]]], ...] = (
        (world.first, world.second, FROM_FIRST),
        (world.second, world.first, FROM_SECOND),
    )
    # Each partner's list is shuffled and gone through in turn, so nothing repeats soon.
    queues: dict[int, list[tuple[str, str]]] = {0: [], 1: []}
    count = 0
    # Start after the second partner joined (day 9), a few times a week.
    day = 10
    while day < world.days:
        side = rng.randrange(2)
        giver, other, pool = people[side]
        if not queues[side]:
            queues[side] = rng.sample(pool, len(pool))
        what, why = queues[side].pop()
        item = services.appreciation_give(
            here=giver,
            recipient_id=other.user.pk,
            what=what,
            why=why,
            when=world.at(day, rng.choice([8, 12, 19, 21]), rng.randrange(60)),
        )
        world.wrote(what, why)
        if rng.random() < 0.55:
            services.heart_toggle(
                here=other, appreciation=item, when=world.at(day, 22, rng.randrange(60))
            )
        if count in EDITED_AT:
            new_why = f"{why} {AFTERTHOUGHT}".strip()
            services.appreciation_edit(
                here=giver, appreciation=item, what=what, why=new_why, when=world.at(day, 23)
            )
            world.wrote(new_why)
        count += 1
        day += rng.choice([1, 2, 2, 3, 3, 4])
    for what, why in TO_EVERYONE:
        services.appreciation_give(
            here=world.first, recipient_id=None, what=what, why=why, when=world.at(60, 21)
        )
        world.wrote(what, why)
