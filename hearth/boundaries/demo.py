"""A handful of boundaries for each partner, and the moments around them."""

from __future__ import annotations

from hearth.boundaries import services
from hearth.boundaries.models import Boundary, MomentKind
from hearth.demo.world import DemoWorld
from hearth.spaces.context import Here

# (area, what, why, day written, shared on day or None)
Row = tuple[str, str, str, int, int | None]
FIRST: list[Row] = [
    (
        "time",
        "I need half an hour to myself after work before we talk about plans.",
        "My job is all people all day. A little quiet lets me actually be with you after.",
        12,
        14,
    ),
    (
        "privacy",
        "Please ask before reading anything on my phone, even if it's lying open.",
        "It isn't about hiding things. I want to be the one who chooses to show you.",
        20,
        21,
    ),
    (
        "family_friends",
        "I'd like us to decide together before inviting family to stay overnight.",
        "I want to be a good host, and that starts with having a say.",
        33,
        40,
    ),
    ("money", "Let's talk before any single purchase over two hundred.", "", 50, 52),
    (
        "intimacy",
        "When I say I'm not in the mood, I need it to be okay without a discussion.",
        "Feeling free to say no is what makes yes feel good.",
        70,
        None,
    ),
]
SECOND: list[Row] = [
    (
        "social_media",
        "Please don't post photos of me without asking first.",
        "I like choosing how I show up online, especially with work contacts there.",
        15,
        16,
    ),
    (
        "physical_space",
        "The desk in the spare room is mine to keep messy.",
        "It's the one corner where I don't have to keep anything tidy for anyone.",
        24,
        26,
    ),
    (
        "time",
        "Sunday mornings are for my run, and I'd like that kept free.",
        "It keeps my head clear for the week. It isn't time away from you.",
        38,
        39,
    ),
    ("privacy", "What I tell you about my brother stays between us.", "", 61, 62),
]
# The first partner's privacy boundary gets reworded after it was acknowledged.
EDIT = (
    "Please ask before reading anything on my phone or laptop, even if it's lying open.",
    "It isn't about hiding things. I want to be the one who chooses to show you, "
    "and the laptop has my journal on it.",
)
HONOURED = [
    # (whose boundary index: first's list, day, note)
    (
        0,
        30,
        "Thank you for giving me that quiet half hour on Tuesday. I was so much better "
        "company afterwards.",
    ),
    (
        1,
        75,
        "Thank you for handing me my phone instead of reading the message out. It meant "
        "a lot that you remembered.",
    ),
]
HONOURED_SECOND = [
    (
        2,
        58,
        "Thank you for keeping Sunday free even with your parents in town. I came back "
        "from the run in a much better mood.",
    ),
    (0, 90, "Thank you for asking before you posted the picnic photo. I loved that you asked."),
]
INVITE = (
    1,
    96,
    "Something happened that touched on this boundary, and I'd like us to talk about it when "
    "we both have a calm moment. Would Thursday evening suit you? I know it wasn't meant "
    "badly.",
)
PRIVATE_NOTE = (
    3,
    44,
    "He mentioned the thing about my brother at dinner. I felt exposed and went quiet. "
    "I want to understand what I actually need before I bring it up.",
)


def _write(
    world: DemoWorld,
    here: Here,
    other: Here,
    rows: list[Row],
) -> list[Boundary]:
    made = []
    for area, what, why, day, shared_day in rows:
        b = services.boundary_create(
            here=here, area=area, what=what, why=why, when=world.at(day, 21)
        )
        world.wrote(what, why)
        if shared_day is not None:
            services.boundary_share(here=here, boundary=b, when=world.at(shared_day, 19))
            services.boundary_acknowledge(
                here=other,
                boundary=b,
                when=world.at(shared_day + world.rng.randrange(0, 3), 22),
            )
        made.append(b)
    return made


def populate(world: DemoWorld) -> None:
    first, second = world.first, world.second
    mine = _write(world, first, second, FIRST)
    theirs = _write(world, second, first, SECOND)

    # A reworded boundary, read and acknowledged again a day later.
    what, why = EDIT
    services.boundary_edit(
        here=first, boundary=mine[1], area="privacy", what=what, why=why, when=world.at(64, 20)
    )
    world.wrote(what, why)
    services.boundary_acknowledge(here=second, boundary=mine[1], when=world.at(65, 8))

    for index, day, note in HONOURED:
        services.moment_note(
            here=first,
            boundary=mine[index],
            kind=MomentKind.HONOURED,
            note=note,
            to_user_id=second.user.pk,
            when=world.at(day, 21),
        )
        world.wrote(note)
    for index, day, note in HONOURED_SECOND:
        services.moment_note(
            here=second,
            boundary=theirs[index],
            kind=MomentKind.HONOURED,
            note=note,
            to_user_id=first.user.pk,
            when=world.at(day, 20),
        )
        world.wrote(note)

    index, day, note = PRIVATE_NOTE
    services.moment_note(
        here=second,
        boundary=theirs[index],
        kind=MomentKind.CROSSED_PRIVATE,
        note=note,
        when=world.at(day, 23),
    )
    world.wrote(note)

    index, day, note = INVITE
    services.moment_note(
        here=first,
        boundary=mine[index],
        kind=MomentKind.CROSSED_INVITE,
        note=note,
        to_user_id=second.user.pk,
        when=world.at(day, 18),
    )
    world.wrote(note)

    # The most recent boundary is shared but not yet acknowledged: it shows as due.
    last = services.boundary_create(
        here=second,
        area="other",
        what="If I say I need to sleep on a decision, please let me, even when it feels urgent.",
        why="I decide better in the morning, and I'd rather get it right with you.",
        when=world.at(world.days - 2, 21),
    )
    world.wrote(
        "If I say I need to sleep on a decision, please let me, even when it feels urgent.",
        "I decide better in the morning, and I'd rather get it right with you.",
    )
    services.boundary_share(here=second, boundary=last, when=world.at(world.days - 2, 21, 5))
