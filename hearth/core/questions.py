"""The daily question: our own bank of questions, and which one a space gets on a day.

Every question was written for Hearth. Each has a stable id (a short slug,
kept in clear in the database), a category, and a flag for the few that only
make sense between partners, so a family or friends space never gets them.

How a space's questions rotate
------------------------------
A space walks through its own shuffled order of the questions that suit its
kind. The order is derived from a stable seed (the space's id) and the number
of the cycle, so it is the same every time it is computed, needs no state in
the database, and differs from one space to the next::

    day_index = (day - first_day).days        # first_day: the space's first day
    cycle, position = divmod(day_index, len(eligible))
    question = order(seed, kind, cycle)[position]

Within a cycle no question comes back, and every one is asked before any
repeats; each new cycle is shuffled afresh (so the second year does not
replay the first), and its first question is never the one that just closed
the previous cycle. With about 150 questions a cycle lasts about five months.

The question actually asked on a day is written down (by id) the first time
someone answers it, so the past never changes even if this bank grows; adding
questions only changes the order of days that have not happened yet.
Pure Python: no Django.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date

MEMORIES = "memories"
HOPES = "hopes"
FEARS = "fears"
PREFERENCES = "preferences"
APPRECIATION = "appreciation"
VALUES = "values"
FUN = "fun"
FUTURE = "future"
CATEGORIES = (MEMORIES, HOPES, FEARS, PREFERENCES, APPRECIATION, VALUES, FUN, FUTURE)
CATEGORY_LABELS = {
    MEMORIES: "Memories",
    HOPES: "Hopes",
    FEARS: "Fears",
    PREFERENCES: "Preferences",
    APPRECIATION: "Appreciation",
    VALUES: "Values",
    FUN: "Fun",
    FUTURE: "The future",
}

COUPLE = "couple"


class QuestionError(Exception):
    """An unknown question id, or a space kind with no questions."""


@dataclass(frozen=True)
class Question:
    id: str
    category: str
    text: str
    couples_only: bool = False

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]


def _bank() -> tuple[Question, ...]:
    rows: list[Question] = []

    def add(category: str, items: list[tuple[str, str] | tuple[str, str, bool]]) -> None:
        for item in items:
            couples_only = len(item) == 3 and bool(item[2])
            rows.append(Question(item[0], category, item[1], couples_only))

    add(
        MEMORIES,
        [
            ("first-impression", "Think of someone here: what did you notice about them early on?"),
            ("childhood-smell", "Which smell takes you straight back to being a child?"),
            ("small-kindness", "Tell me about a small kindness from a stranger you never forgot."),
            ("first-date", "What do you remember most clearly from our first date?", True),
            ("proud-moment-young", "When did you first feel really proud of yourself as a kid?"),
            ("favourite-teacher", "Which teacher or grown-up saw something in you early on?"),
            ("laughed-hardest", "When do you remember us laughing the hardest together?"),
            ("childhood-hideout", "Where did you go as a child when you wanted to be alone?"),
            ("lost-and-found", "What is something you lost once and were so glad to find again?"),
            ("holiday-memory", "Which holiday or celebration from your past do you replay?"),
            ("knew-it-was-serious", "When did you first think we might be in this for real?", True),
            ("brave-day", "Describe a day when you were braver than you expected to be."),
            ("first-home", "What do you remember about the first place that felt like home?"),
            ("song-memory", "Which song brings back one exact moment, and what moment?"),
            ("hard-time-helped", "Who helped you through a hard stretch, and how?"),
            ("meal-remembered", "What meal from years ago can you still almost taste?"),
            ("changed-mind", "When did you change your mind about something important?"),
            ("rainy-day", "What did a perfect rainy day look like when you were young?"),
            ("our-early-days", "Which ordinary day from our early days do you think of fondly?"),
            ("family-story", "Which family story gets told again and again, and why?"),
        ],
    )
    add(
        HOPES,
        [
            ("hope-this-year", "What is one thing you are quietly hoping for this year?"),
            ("skill-to-learn", "Which skill would you love to have a year from now?"),
            ("hope-for-us", "What do you hope we will be like together in ten years?", True),
            ("place-to-see", "Which place would you most like to see at least once?"),
            ("hope-for-family", "What do you hope the people you love will feel around you?"),
            ("hope-small", "What small thing would make next week feel lighter?"),
            ("hoped-for-conversation", "Which conversation are you hoping to have one day?"),
            ("hope-from-me", "What is one thing you hope someone here keeps doing for years?"),
            ("hope-courage", "Where would you like a little more courage in your life?"),
            ("hope-work", "What would make your work or your days feel more meaningful?"),
            ("hope-body", "How would you like to feel in your body a year from now?"),
            ("hope-friendship", "Which friendship would you like to grow closer?"),
            ("hope-ritual", "Which little habit would you like us to start sharing?"),
            ("hope-rest", "What would real rest look like for you right now?"),
            ("hope-known", "What do you hope people understand about you without asking?"),
            ("hope-make", "What would you love to make with your own hands someday?"),
            (
                "hope-letter",
                "If you wrote a letter to yourself to open in a year, what would it wish you?",
            ),
            ("hope-home", "What would you like our home to feel like on an ordinary evening?"),
            ("hope-next-season", "What are you looking forward to in the coming season?"),
            ("hope-grow-together", "What would you like us to get better at, side by side?", True),
        ],
    )
    add(
        FEARS,
        [
            ("fear-childhood", "What were you scared of as a child that seems small now?"),
            ("fear-worry-lately", "What has been sitting at the back of your mind lately?"),
            (
                "fear-say-out-loud",
                "Is there a worry you find hard to say out loud? You can say it here.",
            ),
            ("fear-being-seen", "When do you feel most unsure of how others see you?"),
            ("fear-change", "Which change, big or small, makes you a bit nervous?"),
            ("fear-help", "How can others tell when you are anxious, and what helps then?"),
            ("fear-let-down", "What do you fear about letting people down?"),
            ("fear-us", "Is there something about us you sometimes worry about?", True),
            ("fear-faced", "Tell me about a fear you faced and what it taught you."),
            ("fear-night", "What kind of thoughts keep you awake at night?"),
            ("fear-comfort", "When you are scared, do you want company, space, or both?"),
            ("fear-future-self", "What would you hate to lose as you get older?"),
            ("fear-conflict", "What makes disagreements feel hard for you?"),
            ("fear-mistake", "Which mistake are you most afraid of making again?"),
            ("fear-silly", "What harmless thing still gives you the creeps?"),
            ("fear-money", "How do you feel when money gets tight, and what calms you?"),
            ("fear-asking", "What stops you from asking for help sometimes?"),
            ("fear-rejected", "When have you felt left out, and how did you get through it?"),
            ("fear-vulnerable", "What makes it feel safe for you to open up to someone?"),
            ("fear-distance", "When we feel far apart, what do you fear it means?", True),
        ],
    )
    add(
        PREFERENCES,
        [
            ("pref-morning-evening", "Are you more yourself in the morning or late at night?"),
            ("pref-comfort-food", "What is your comfort food on a bad day?"),
            ("pref-cared-for", "How do you most like to be cared for when you are ill?"),
            ("pref-weekend", "What does your ideal lazy weekend look like?"),
            ("pref-praise", "Do you prefer to be thanked in private or in front of others?"),
            ("pref-weather", "Which kind of weather puts you in the best mood?"),
            ("pref-alone-time", "How much time alone do you need to feel like yourself?"),
            ("pref-gift", "What kind of gift actually means something to you?"),
            ("pref-affection", "Which small gesture of affection lands best for you?", True),
            ("pref-news", "When something goes wrong, do you want advice or just to be heard?"),
            ("pref-music", "What do you put on when you want to feel better?"),
            ("pref-surprise", "Do you like surprises, or would you rather know what is coming?"),
            ("pref-season", "Which season suits you best, and why?"),
            ("pref-space", "Which corner of home do you feel most at ease in?"),
            ("pref-celebrate", "How do you like your birthday to be marked?"),
            ("pref-evening-plan", "An evening out or an evening in: which wins this week?"),
            ("pref-argue", "After a disagreement, do you want to talk right away or later?"),
            ("pref-book-film", "Which book or film would you happily revisit again?"),
            ("pref-texts", "How often do you like to hear from someone during the day?"),
            ("pref-date-night", "What would make a date night feel special to you?", True),
        ],
    )
    add(
        APPRECIATION,
        [
            ("apprec-this-week", "What did someone here do this week that you appreciated?"),
            ("apprec-trait", "Which quirk of someone here do you secretly like?"),
            ("apprec-yourself", "What is something you appreciate about yourself today?"),
            ("apprec-support", "When did you last feel really supported by someone here?"),
            ("apprec-unnoticed", "What do you do for us that you think goes unnoticed?"),
            ("apprec-lesson", "What have you learned from someone here without their knowing?"),
            ("apprec-moment", "Which recent moment together would you like to bottle?"),
            ("apprec-growth", "How have you seen someone here grow in the last year?"),
            ("apprec-everyday", "Which everyday thing someone here does makes your life easier?"),
            ("apprec-laugh", "What always makes you laugh about someone here?"),
            ("apprec-proud", "When were you last proud of someone here?"),
            ("apprec-body", "What do you find beautiful about me that I might overlook?", True),
            ("apprec-person", "Who outside this space are you grateful for right now?"),
            ("apprec-home", "What do you love about the way our days fit together?"),
            ("apprec-hard-time", "How did someone here help you through something hard?"),
            ("apprec-words", "Which thing someone here once said has stayed with you?"),
            ("apprec-choose", "What makes you glad you chose me?", True),
            ("apprec-tradition", "Which of our habits or traditions do you treasure?"),
            ("apprec-today", "What is one good thing about today, however small?"),
            ("apprec-thanks-past", "Is there a thank-you you never got round to saying?"),
        ],
    )
    add(
        VALUES,
        [
            ("values-kindness", "What does kindness look like to you in practice?"),
            ("values-honesty", "Is there ever a good reason to keep something to yourself?"),
            ("values-trust-built", "What makes you trust someone a little more each time?"),
            ("values-money", "What do you think money is really for?"),
            ("values-family", "Which value from the family you grew up in do you want to keep?"),
            ("values-let-go", "Which value from your upbringing have you chosen to let go?"),
            ("values-fairness", "What does a fair share of the chores look like to you?"),
            ("values-success", "How would you describe a life well lived?"),
            ("values-forgive", "What makes forgiveness possible for you?"),
            ("values-promise", "What does keeping your word mean to you?"),
            ("values-boundary", "Which boundary of yours matters most, and why?"),
            ("values-community", "What do you think we owe our neighbours?"),
            ("values-respect", "How do you know you are being respected?"),
            ("values-time", "Where do you want more of your time to go?"),
            ("values-faith", "What do you believe in that helps you through hard days?"),
            ("values-commitment", "What does commitment look like on an ordinary Tuesday?", True),
            (
                "values-privacy",
                "What do you consider private, even from the people closest to you?",
            ),
            ("values-apology", "What makes an apology feel real to you?"),
            ("values-rule", "If our home had one rule everyone agreed on, what should it be?"),
            ("values-partnership", "What does being a team mean to you in a relationship?", True),
        ],
    )
    add(
        FUN,
        [
            (
                "fun-superpower",
                "If you could have one small, useless superpower, what would it be?",
            ),
            ("fun-island", "Which three things would you bring to a quiet island for a week?"),
            ("fun-dinner-guest", "Which person, living or not, would you invite to dinner?"),
            ("fun-animal", "Which animal best matches your mood today?"),
            ("fun-time-travel", "If you could spend one day in any decade, which would it be?"),
            ("fun-talent-show", "What would you do if you had to enter a talent show tomorrow?"),
            ("fun-invent", "Which everyday annoyance would you invent something to fix?"),
            ("fun-theme-song", "What would be your theme song walking into a room?"),
            ("fun-shop", "If you ran a tiny shop, what would it sell?"),
            (
                "fun-swap-day",
                "If you swapped lives with someone here for a day, what would you do first?",
            ),
            (
                "fun-food-forever",
                "Which single dish could you eat every week without tiring of it?",
            ),
            ("fun-weird-habit", "What harmless odd habit do you have?"),
            ("fun-film-role", "Which film character would you like to be for a day?"),
            (
                "fun-holiday-invent",
                "Invent a holiday. What is it called and how do we celebrate it?",
            ),
            ("fun-road-trip", "What is non-negotiable on a road trip?"),
            (
                "fun-lottery",
                "What is the first silly thing you would buy with a surprise windfall?",
            ),
            ("fun-game", "Which game could you play for hours?"),
            ("fun-date-idea", "What is the oddest date idea you would actually enjoy?", True),
            ("fun-nickname", "What nickname would suit you that nobody has ever used?"),
            ("fun-tiny-adventure", "What tiny adventure could we have this weekend?"),
        ],
    )
    add(
        FUTURE,
        [
            ("future-five-years", "Where would you like to be living in five years?"),
            ("future-old-age", "How do you imagine a good day when you are eighty?"),
            ("future-next-trip", "Where should our next trip be, and what would we do there?"),
            ("future-tradition", "Which tradition would you like to start and keep for years?"),
            ("future-work", "What would you like your work to look like in a few years?"),
            ("future-home", "What would our dream home have that this one does not?", True),
            ("future-kids-pets", "How do you picture the household we might build?", True),
            ("future-change-world", "What small mark would you like to leave on the world?"),
            ("future-learn-together", "What would you like us to learn together?"),
            ("future-next-month", "What is one thing you want to make time for next month?"),
            ("future-retire", "What would you do with your days if you never had to work again?"),
            ("future-letter", "What would you want your future self to remember about now?"),
            ("future-celebrate", "Which milestone would you love us to celebrate together?"),
            ("future-worry-less", "What do you hope you will worry less about one day?"),
            ("future-friends", "Who would you like still to be close to in ten years?"),
            (
                "future-one-change",
                "If you could change one thing about next year, what would it be?",
            ),
            (
                "future-together-old",
                "What do you look forward to about growing older together?",
                True,
            ),
            ("future-adventure", "What big adventure should go on our someday list?"),
            ("future-simple", "Which simple pleasure do you want to keep, whatever happens?"),
            ("future-legacy", "What would you like the people you love to say about you?"),
        ],
    )
    return tuple(rows)


QUESTIONS: tuple[Question, ...] = _bank()
_BY_ID = {q.id: q for q in QUESTIONS}


def get(question_id: str) -> Question:
    """The question with this id; raises QuestionError for an unknown id."""
    try:
        return _BY_ID[question_id]
    except KeyError:
        raise QuestionError(f"unknown question {question_id!r}") from None


def eligible(kind: str) -> list[Question]:
    """The questions a space of this kind may be asked, in bank order.

    Only a couple space gets the questions marked for partners; every other
    kind (family, friends, other) gets the rest.
    """
    return [q for q in QUESTIONS if kind == COUPLE or not q.couples_only]


def _shuffled(ids: list[str], seed: str, kind: str, cycle: int) -> list[str]:
    digest = hashlib.sha256(f"hearth/questions/{seed}/{kind}/{cycle}".encode()).digest()
    order = list(ids)
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return order


def order(seed: str, kind: str, cycle: int) -> list[str]:
    """The ids of a space's questions for one cycle, in the order they are asked."""
    ids = [q.id for q in eligible(kind)]
    if not ids:
        raise QuestionError(f"no questions for a {kind!r} space")
    current = _shuffled(ids, seed, kind, cycle)
    if len(current) > 1:
        previous_last = _shuffled(ids, seed, kind, cycle - 1)[-1]
        if current[0] == previous_last:
            current[0], current[1] = current[1], current[0]
    return current


def question_for_index(seed: str, kind: str, day_index: int) -> Question:
    """The question on the ``day_index``-th day of a space (0 = its first day)."""
    count = len(eligible(kind))
    if count == 0:
        raise QuestionError(f"no questions for a {kind!r} space")
    cycle, position = divmod(day_index, count)
    return get(order(seed, kind, cycle)[position])


def question_for_day(seed: str, kind: str, first_day: date, day: date) -> Question:
    """The question a space is asked on ``day``, counting from its ``first_day``."""
    return question_for_index(seed, kind, (day - first_day).days)
