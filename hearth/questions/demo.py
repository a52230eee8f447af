"""About four months of daily questions for the demo couple.

Both partners answer on most days; on some only one does, and those days stay
private. Answers are drawn from lines written for each category, so they fit
the kind of question asked.
"""

from __future__ import annotations

from hearth.core import questions as bank
from hearth.demo.world import DemoWorld
from hearth.questions import services
from hearth.spaces.context import Here

LINES: dict[str, list[str]] = {
    bank.MEMORIES: [
        "The night the power went out and we played cards by candlelight until two.",
        "My grandmother's kitchen on Sunday mornings, flour everywhere.",
        "Walking home in the snow after that concert, neither of us wanting it to end.",
        "The bus trip to the coast when I was nine, with a paper bag of cherries.",
        "That tiny cafe where we sat for three hours because of the rain.",
        "Learning to ride a bike on the gravel path behind our old flat.",
        "You laughing so hard at the wedding that you had to leave the room.",
        "The first evening in this flat, eating noodles on the floor among the boxes.",
    ],
    bank.HOPES: [
        "I hope we keep our Sunday walks, even when life gets busy.",
        "To finally learn to swim properly. I keep saying it, this year I mean it.",
        "More slow mornings. Fewer alarms.",
        "That my sister and I talk more than once a month.",
        "To feel less rushed at work and more present at home.",
        "A garden, even a tiny balcony one, with tomatoes.",
        "That we get braver about saying what we need.",
        "A long trip by train somewhere we've never been.",
    ],
    bank.FEARS: [
        "Honestly, that I'll turn into my dad when I'm stressed. I'm working on it.",
        "Being a burden when I'm not doing well.",
        "Deep water. Still. Don't laugh.",
        "That I'll miss something important because I'm always busy.",
        "When I go quiet it's usually fear, not anger. I'd like you to know that.",
        "Money worries, mostly at three in the morning.",
        "That people leave when they see the messy parts.",
        "Getting things wrong in front of people I respect.",
    ],
    bank.PREFERENCES: [
        "Mornings, definitely. After ten at night I'm just a tired potato.",
        "Soup. Any soup. Bread on the side.",
        "Just sit with me. Advice can wait until tomorrow.",
        "A quiet evening in with a film and a blanket.",
        "Private thanks, please. Public praise makes me want to hide.",
        "Rain on the window while I'm inside with tea.",
        "I need about an hour alone after work before I'm good company.",
        "Small surprises yes, big surprises no.",
    ],
    bank.APPRECIATION: [
        "You made coffee before I woke up on Tuesday. It changed my whole day.",
        "The way you listened on Sunday without trying to fix anything.",
        "How you always remember the names of my colleagues.",
        "You texted when you were running late. It sounds small; it isn't.",
        "Your terrible puns. Don't stop.",
        "That you called my mum back when I couldn't face it.",
        "How patient you were with me when I was anxious about the interview.",
        "You noticed I was tired and took over dinner without a word.",
    ],
    bank.VALUES: [
        "Doing what you said you'd do, or saying early when you can't.",
        "Kindness when nobody is watching.",
        "Honesty, even the clumsy kind.",
        "Time over money, most of the time.",
        "An apology that says what will change.",
        "Sharing the boring jobs as well as the fun ones.",
        "Letting people be who they are, not who we'd like them to be.",
        "Showing up, especially on the hard days.",
    ],
    bank.FUN: [
        "Being able to find any lost sock instantly.",
        "A shop that sells only soup and second-hand books.",
        "Anything with a dramatic brass section.",
        "The eighties, purely for the hair.",
        "A duck. Calm on top, paddling like mad underneath.",
        "Board games until someone flips the table.",
        "A picnic in the living room when it's raining.",
        "Juggling. Badly. With oranges.",
    ],
    bank.FUTURE: [
        "Somewhere near the sea, with a spare room for friends.",
        "Still walking together on Sunday mornings, slower.",
        "A trip to the mountains, no phones for three days.",
        "A job with fewer meetings and more making.",
        "A yearly dinner for everyone who helped us along the way.",
        "Learning Italian together before the trip.",
        "Worrying less about what others think.",
        "A house with a big kitchen table where people linger.",
    ],
}

OPENERS = ["", "", "", "Hmm. ", "Easy one. ", "Good question. ", "Honestly? "]
CLOSERS = ["", "", "", " What about you?", " I'd love to hear yours.", " More on this later."]


def _answer(world: DemoWorld, question: bank.Question) -> str:
    line = world.rng.choice(LINES[question.category])
    return f"{world.rng.choice(OPENERS)}{line}{world.rng.choice(CLOSERS)}"


def _write(world: DemoWorld, here: Here, day: int, hour: int, question: bank.Question) -> None:
    text = _answer(world, question)
    services.answer_write(here=here, body=text, when=world.at(day, hour, world.rng.randrange(60)))
    world.wrote(text)


def populate(world: DemoWorld) -> None:
    # The second partner joined on day 9; questions start once both are there.
    for day in range(10, world.days):
        question = services.question_by_rotation(world.first, world.date(day))
        roll = world.rng.random()
        first_answers = roll < 0.9
        second_answers = roll < 0.78 or roll >= 0.95
        if first_answers:
            _write(world, world.first, day, world.rng.choice([7, 8, 12, 19, 21]), question)
        if second_answers:
            _write(world, world.second, day, world.rng.choice([8, 13, 20, 22]), question)
        if first_answers and day % 17 == 0:
            # Sometimes one of them adds a thought after reading the other's.
            extra = world.rng.choice(["Reading yours, I'd add: ", "P.S. "]) + _answer(
                world, question
            )
            services.answer_write(here=world.first, body=extra, when=world.at(day, 23))
            world.wrote(extra)
