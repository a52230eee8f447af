"""Reflection prompts for the private journal, written for Hearth.

Five themes: trusting yourself, naming what you feel, where a mistrust comes
from (sometimes far back), boundaries, and hopes. Each prompt has a stable id
(kept in clear with an entry that starts from it) and a category.

:func:`suggest` picks the prompt for a day: the same one all day for the same
person, a different one the next day. Each person walks through their own
shuffled order of the whole list, one step a day, so within a cycle (as
many days as there are prompts) nothing comes back; ``offset`` steps further
along that order for "another prompt". Pure Python: no Django.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date

SELF_TRUST = "self-trust"
FEELINGS = "feelings"
ROOTS = "roots"
BOUNDARIES = "boundaries"
HOPES = "hopes"
CATEGORIES = (SELF_TRUST, FEELINGS, ROOTS, BOUNDARIES, HOPES)
CATEGORY_LABELS = {
    SELF_TRUST: "Trusting yourself",
    FEELINGS: "Naming feelings",
    ROOTS: "Where it comes from",
    BOUNDARIES: "Boundaries",
    HOPES: "Hopes",
}


class PromptError(Exception):
    """An unknown prompt id."""


@dataclass(frozen=True)
class Prompt:
    id: str
    category: str
    text: str

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]


_RAW: dict[str, list[tuple[str, str]]] = {
    SELF_TRUST: [
        ("gut-was-right", "Write about a time your first instinct turned out to be right."),
        (
            "gut-ignored",
            "When did you talk yourself out of a feeling you later wished you had trusted?",
        ),
        (
            "promise-to-self",
            "What is one small promise to yourself you kept recently? How did it feel?",
        ),
        ("decision-proud", "Describe a decision you made on your own that you are glad about."),
        ("inner-voice", "If your inner voice were a friend, how would it talk to you today?"),
        ("second-guessing", "What do you tend to second-guess? What would change if you did not?"),
        ("enough-today", "What would make today feel like enough, just for you?"),
        ("own-pace", "Where in your life are you allowed to go at your own pace?"),
        ("body-signals", "What does your body do when something is not right for you?"),
        ("kind-to-self", "Write to yourself the way you would write to someone you love."),
        ("strength-noticed", "Which strength of yours did you lean on this week?"),
        (
            "not-knowing",
            "What are you unsure about right now, and can you let it be unsure for a while?",
        ),
        ("reliable-self", "In what ways are you someone you can count on?"),
    ],
    FEELINGS: [
        (
            "feeling-right-now",
            "Name what you feel right now, as precisely as you can. Then name one more.",
        ),
        (
            "under-anger",
            "Think of a recent moment of irritation. What feeling might sit underneath it?",
        ),
        ("feeling-in-body", "Where in your body do you feel today's mood? What does it feel like?"),
        ("mixed-feelings", "Write about something you feel two different ways about at once."),
        (
            "unsaid-feeling",
            "Is there a feeling you have not said out loud to anyone? Say it here first.",
        ),
        (
            "best-moment",
            "What was the most pleasant moment of your day, and what did you feel in it?",
        ),
        (
            "hardest-moment",
            "What was the hardest moment of your day? Describe it without judging it.",
        ),
        ("feeling-needs", "Pick one feeling from this week. What was it asking for?"),
        ("feeling-passing", "Which feeling came and went today? What helped it pass?"),
        ("old-feeling", "Has a feeling visited you lately that felt older than the moment itself?"),
        ("calm-place", "Describe a moment when you felt calm. What was around you?"),
        ("feeling-shared", "Which feeling would you like someone close to you to understand?"),
        ("feeling-weather", "If your mood today were weather, what would it be and why?"),
    ],
    ROOTS: [
        ("first-broken-trust", "When do you first remember trusting someone and being let down?"),
        ("family-rules", "What unspoken rules about trust did the home you grew up in have?"),
        ("old-echo", "When you feel wary of someone, whose voice from your past do you hear?"),
        ("protect-younger", "What did a younger you learn to do to stay safe? Does it still help?"),
        (
            "pattern-noticed",
            "Which reaction of yours seems to repeat across different relationships?",
        ),
        ("trust-taught", "Who taught you, by example, what trustworthy looks like?"),
        (
            "suspicion-source",
            "Think of a recent doubt about someone. What part is about now, what part about then?",
        ),
        ("old-hurt-today", "Which old hurt still shapes how you react today?"),
        ("earned-trust", "Who earned your trust slowly? What did they do?"),
        ("safe-adult", "Was there someone growing up you could go to? What made them safe?"),
        (
            "story-about-people",
            "What story do you tell yourself about how people are? Where did it start?",
        ),
        ("letter-to-past", "Write a few lines to yourself at an age when trusting felt hard."),
        ("ready-to-set-down", "Is there an old belief about people you would like to set down?"),
    ],
    BOUNDARIES: [
        ("limit-noticed", "When did you last notice you had reached a limit? What told you?"),
        (
            "yes-meant-no",
            "Think of a recent yes that meant no. What would a kind no have sounded like?",
        ),
        (
            "boundary-kept",
            "Write about a boundary you held, even a small one. How did it feel afterwards?",
        ),
        ("space-needed", "What kind of space or time do you need that you have not asked for?"),
        ("guilt-after-no", "When you say no, what happens inside you afterwards?"),
        ("boundary-respected", "When did someone respect a limit of yours without a fuss?"),
        ("energy-drain", "What drains your energy lately? What might protect it?"),
        (
            "others-boundaries",
            "Which boundary of someone close to you do you find hard to honour? Why?",
        ),
        ("boundary-words", "Draft, just for yourself, how you would state one boundary calmly."),
        ("privacy-mine", "What is private for you, even in your closest relationship?"),
        ("over-giving", "Where are you giving more than you can comfortably give?"),
        ("boundary-as-care", "How could a boundary be a way of caring for a relationship?"),
        ("permission", "What would you like to give yourself permission to do, or not do?"),
    ],
    HOPES: [
        ("hope-small-today", "What small thing are you hoping for tomorrow?"),
        (
            "hope-for-relationship",
            "What do you hope your closest relationship feels like a year from now?",
        ),
        ("hope-self", "Who would you like to be becoming? Describe one trait."),
        ("hope-repair", "Is there a relationship you hope to mend? What would a first step be?"),
        ("hope-ordinary", "Describe an ordinary day you would love to live often."),
        ("hope-learned", "What have you learned this season that you hope to keep?"),
        ("hope-future-letter", "Write a note to yourself to read on a difficult day."),
        ("hope-trust-grows", "What would it take for you to trust a little more, a little sooner?"),
        ("hope-gratitude", "What are three things you are glad of this week?"),
        ("hope-someday", "What is on your someday list that could become a this-year list?"),
        ("hope-feel-safe", "What would help you feel safe enough to be fully yourself?"),
        ("hope-kept-promise", "Which promise would you like to keep, to yourself or someone else?"),
        ("hope-look-back", "A year from now, what do you hope you will be glad you started today?"),
    ],
}

PROMPTS: tuple[Prompt, ...] = tuple(
    Prompt(pid, category, text) for category, items in _RAW.items() for pid, text in items
)
_BY_ID = {p.id: p for p in PROMPTS}


def get(prompt_id: str) -> Prompt:
    """The prompt with this id; raises PromptError for an unknown id."""
    try:
        return _BY_ID[prompt_id]
    except KeyError:
        raise PromptError(f"unknown prompt {prompt_id!r}") from None


def _order(seed: str, cycle: int) -> list[Prompt]:
    digest = hashlib.sha256(f"hearth/prompts/{seed}/{cycle}".encode()).digest()
    order = list(PROMPTS)
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return order


def suggest(day: date, seed: str = "", offset: int = 0) -> Prompt:
    """The prompt suggested on ``day`` (``offset`` > 0: another one, further along).

    The same day, seed and offset always give the same prompt; consecutive
    days walk through a shuffled order of every prompt, reshuffled each cycle.
    """
    cycle, position = divmod(day.toordinal() + offset, len(PROMPTS))
    return _order(seed, cycle)[position]
