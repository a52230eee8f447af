"""Words for feelings, placed on a grid of pleasantness by energy.

A check-in starts with a point on two axes, each from -5 to +5:

* pleasantness (x): how unpleasant or pleasant the moment feels;
* energy (y): how flat and slow, or charged and quick, the body feels.

The four quarters of the grid each hold about thirty precise words, every one
with a short plain gloss, so a member can tell "disappointed" (something hoped
for did not happen) from "discouraged" (the will to keep trying is fading).
Naming a feeling precisely is itself calming; that is why the words matter.

What is deliberately missing: words such as "abandoned", "ignored",
"manipulated", "betrayed", "rejected" or "used". They sound like feelings but
are thoughts about what someone else did to us; under each of them sits a
feeling (lonely, hurt, scared, angry...) that this list does name. They are
listed in :data:`INTERPRETATIONS` so the app can say so gently.

Pure Python: plain data in, plain data out, one error type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LOW, HIGH = -5, 5
OWN_WORD_MAX = 30
OWN_WORDS_MAX = 3
LIST_WORDS_MIN = 1
LIST_WORDS_MAX = 3


class FeelingsError(ValueError):
    """A point, a word or a choice of words that cannot be used, in plain words."""


@dataclass(frozen=True)
class Quadrant:
    key: str
    title: str
    hint: str


@dataclass(frozen=True)
class Feeling:
    word: str
    gloss: str
    pleasantness: float
    energy: float
    quadrant: str


UNPLEASANT_HIGH = "unpleasant-high"
UNPLEASANT_LOW = "unpleasant-low"
PLEASANT_LOW = "pleasant-low"
PLEASANT_HIGH = "pleasant-high"

QUADRANTS: dict[str, Quadrant] = {
    UNPLEASANT_HIGH: Quadrant(
        UNPLEASANT_HIGH, "Stirred up and uneasy", "Unpleasant, with a lot of energy"
    ),
    UNPLEASANT_LOW: Quadrant(UNPLEASANT_LOW, "Heavy and low", "Unpleasant, with little energy"),
    PLEASANT_LOW: Quadrant(PLEASANT_LOW, "Calm and content", "Pleasant, with little energy"),
    PLEASANT_HIGH: Quadrant(PLEASANT_HIGH, "Bright and lively", "Pleasant, with a lot of energy"),
}
ORDER = (UNPLEASANT_HIGH, UNPLEASANT_LOW, PLEASANT_LOW, PLEASANT_HIGH)

# (word, gloss, pleasantness, energy): our own words, one line each.
_UNPLEASANT_HIGH = [
    ("furious", "anger so strong it is hard to think of anything else", -5, 5),
    ("panicked", "fear that has taken over; everything feels urgent", -5, 5),
    ("enraged", "anger boiling over, close to saying something I regret", -5, 4.5),
    ("terrified", "deeply afraid, as if something awful is about to happen", -5, 4),
    ("angry", "something feels wrong or unfair and I want it to stop", -4, 4),
    ("frightened", "afraid of something specific that may happen", -4, 4),
    ("shocked", "something unexpected knocked the wind out of me", -3, 5),
    ("overwhelmed", "too much at once; more than I can hold right now", -4, 3.5),
    ("jealous", "afraid of losing someone's closeness to another", -4, 3),
    ("resentful", "an old hurt still stings and keeps coming back", -4, 2.5),
    ("exasperated", "my patience has run out after trying again and again", -3.5, 3.5),
    ("anxious", "a restless worry about what might go wrong", -3, 3.5),
    ("stressed", "pulled in many directions with too little time or room", -3, 3.5),
    ("frustrated", "blocked from something I want, again", -3, 3),
    ("alarmed", "suddenly aware that something needs attention now", -3, 4.5),
    ("indignant", "stung by something that goes against what I think is fair", -3, 3),
    ("envious", "wishing I had what someone else has", -3, 2),
    ("embarrassed", "self-conscious after something others saw or heard", -3, 2.5),
    ("nervous", "jumpy about something coming up", -2, 3),
    ("tense", "my body is braced, as if waiting for a blow", -2.5, 2.5),
    ("worried", "my thoughts keep circling a possible problem", -2.5, 2),
    ("on edge", "easily startled; small things feel like a lot", -2.5, 3.5),
    ("irritated", "small things are rubbing me the wrong way", -2, 2.5),
    ("annoyed", "mildly bothered by something or someone", -2, 2),
    ("impatient", "wanting things to move faster than they are", -1.5, 3),
    ("flustered", "thrown off balance and a bit muddled", -1.5, 2.5),
    ("restless", "I can't settle or sit still", -1.5, 2),
    ("jittery", "fidgety and buzzing, too much energy with nowhere to go", -1.5, 4),
    ("uneasy", "a vague sense that something is not quite right", -1.5, 1.5),
    ("apprehensive", "wary about what is ahead, not yet sure why", -2, 1.5),
]

_UNPLEASANT_LOW = [
    ("hopeless", "I can't see a way for things to get better", -5, -4),
    ("despairing", "the bottom has dropped out; nothing seems to help", -5, -3),
    ("heartbroken", "a deep ache after losing or nearly losing someone dear", -5, -2.5),
    ("miserable", "thoroughly unhappy, with nothing lifting it", -4.5, -2),
    ("depleted", "emptied out, with nothing left to give", -3.5, -4.5),
    ("exhausted", "so tired that even small things take effort", -3, -5),
    ("numb", "cut off from feeling much at all", -3, -4.5),
    ("empty", "a hollow feeling where something should be", -3.5, -3.5),
    ("helpless", "unable to change what is happening", -4, -2.5),
    ("ashamed", "feeling bad about who I am, not only what I did", -4, -1.5),
    ("hurt", "something said or done has left a bruise", -4, -1),
    ("lonely", "wanting closeness that isn't here right now", -3.5, -2),
    ("sad", "a heaviness about something lost or missing", -3.5, -2.5),
    ("dejected", "knocked down after something didn't work out", -3.5, -3),
    ("discouraged", "losing the will to keep trying", -3, -2.5),
    ("disappointed", "something I hoped for did not happen", -3, -1.5),
    ("guilty", "uncomfortable about something I did or didn't do", -3, -1),
    ("insecure", "unsure of my place or of being wanted", -3, -1),
    ("regretful", "wishing I had done something differently", -2.5, -1.5),
    ("drained", "my energy has been used up by the day", -2.5, -4),
    ("gloomy", "a grey mood hanging over everything", -2.5, -3),
    ("down", "low and a bit flat, without a clear reason", -2.5, -2.5),
    ("homesick", "missing a place, a time or people that felt like home", -2.5, -2),
    ("weary", "tired in a way that sleep alone won't fix", -2, -4),
    ("listless", "no pull towards doing anything", -2, -4.5),
    ("glum", "quietly unhappy and not much in the mood to talk", -2, -2.5),
    ("melancholy", "a soft, lingering sadness, sometimes almost sweet", -1.5, -2.5),
    ("bored", "nothing holds my interest right now", -1.5, -3.5),
    ("wistful", "longing a little for something past or out of reach", -1, -2),
    ("tired", "ready for rest", -1, -4),
]

_PLEASANT_LOW = [
    ("serene", "deeply still and untroubled", 4.5, -4),
    ("fulfilled", "life feels full and meaningful right now", 4.5, -1),
    ("blissful", "a quiet, complete happiness", 5, -2),
    ("peaceful", "no conflict inside or around me", 4, -3.5),
    ("loved", "held in someone's care and I can feel it", 4.5, -0.5),
    ("content", "happy with things as they are", 4, -2),
    ("grateful", "thankful for something or someone in my life", 4, -1),
    ("safe", "able to relax my guard; nothing here threatens me", 3.5, -2.5),
    ("secure", "steady inside, sure of where I stand with people", 3.5, -1.5),
    ("tender", "soft and warm towards someone", 3.5, -1.5),
    ("touched", "moved by something kind that reached me", 3.5, -0.5),
    ("relieved", "a weight has lifted after a worry passed", 3, -1),
    ("at ease", "comfortable being myself here", 3, -2.5),
    ("relaxed", "loose in body and mind", 3, -3.5),
    ("cosy", "warm, snug and sheltered", 3, -3),
    ("satisfied", "pleased with how something turned out", 3, -0.5),
    ("close", "near someone in heart, not only in space", 3.5, -0.5),
    ("trusting", "willing to rely on someone without checking", 3, -1.5),
    ("calm", "settled and clear-headed", 2.5, -3),
    ("comfortable", "nothing is pinching or pushing", 2.5, -3),
    ("balanced", "steady, with enough of what I need", 2.5, -2),
    ("rested", "recovered and refreshed after a pause", 2.5, -2),
    ("mellow", "easygoing and unhurried", 2, -3),
    ("settled", "things have found their place for now", 2, -2.5),
    ("patient", "able to let things take the time they take", 2, -1.5),
    ("thoughtful", "quietly turning something over in my mind", 1.5, -1),
    ("reflective", "looking back on things with some calm", 1.5, -2),
    ("sleepy", "pleasantly drowsy, ready to drift off", 1.5, -4.5),
    ("accepting", "at peace with something I cannot change", 1.5, -2),
    ("still", "quiet inside, with room to breathe", 1, -4),
]

_PLEASANT_HIGH = [
    ("ecstatic", "overflowing with joy", 5, 5),
    ("elated", "lifted high by something wonderful", 5, 4),
    ("thrilled", "a rush of delight about something happening", 4.5, 4.5),
    ("joyful", "happiness that wants to spill over", 5, 3),
    ("overjoyed", "happier than I expected to be", 5, 3.5),
    ("delighted", "very pleased, with a spark of surprise", 4.5, 3),
    ("excited", "looking forward to something with a buzz", 4, 4),
    ("loving", "full of warmth I want to give", 4.5, 1.5),
    ("proud", "glad about something I or someone close did", 4, 2.5),
    ("inspired", "full of new ideas and the wish to act on them", 4, 3.5),
    ("exhilarated", "a thrilling rush, as after a leap", 4, 5),
    ("happy", "things feel good and right", 4, 2),
    ("playful", "in the mood for fun and silliness", 3.5, 3.5),
    ("enthusiastic", "keen and eager to get going", 3.5, 4),
    ("affectionate", "wanting to be near and show I care", 4, 1.5),
    ("connected", "in tune with someone; we understand each other", 4, 1),
    ("hopeful", "expecting that good things can happen", 3, 1),
    ("cheerful", "light and bright in mood", 3.5, 2.5),
    ("confident", "sure I can handle what comes", 3, 2.5),
    ("amused", "something struck me as funny", 3, 2.5),
    ("energised", "full of get-up-and-go", 3, 4.5),
    ("optimistic", "seeing the bright side of what is ahead", 3, 2),
    ("eager", "impatient in a good way to begin", 2.5, 3.5),
    ("lively", "awake, quick and ready to join in", 2.5, 4),
    ("upbeat", "in good spirits", 2.5, 2.5),
    ("curious", "wanting to know more", 2, 2.5),
    ("motivated", "ready to make progress", 2, 3),
    ("focused", "absorbed in what I'm doing", 1.5, 2.5),
    ("surprised", "caught off guard, in a good way", 1.5, 4),
    ("alert", "awake and paying attention", 1, 3),
]

INTERPRETATIONS = frozenset(
    {
        "abandoned",
        "attacked",
        "belittled",
        "betrayed",
        "blamed",
        "cheated",
        "criticised",
        "criticized",
        "disrespected",
        "ignored",
        "invisible",
        "judged",
        "let down",
        "manipulated",
        "misunderstood",
        "neglected",
        "pressured",
        "rejected",
        "taken for granted",
        "unappreciated",
        "unheard",
        "unwanted",
        "used",
    }
)


def _build() -> dict[str, Feeling]:
    found: dict[str, Feeling] = {}
    for quadrant, rows in (
        (UNPLEASANT_HIGH, _UNPLEASANT_HIGH),
        (UNPLEASANT_LOW, _UNPLEASANT_LOW),
        (PLEASANT_LOW, _PLEASANT_LOW),
        (PLEASANT_HIGH, _PLEASANT_HIGH),
    ):
        for word, gloss, x, y in rows:
            found[word] = Feeling(word, gloss, float(x), float(y), quadrant)
    return found


VOCABULARY: dict[str, Feeling] = _build()


def _in_range(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FeelingsError(f"Please choose {what} as a whole number from {LOW} to +{HIGH}.")
    if not LOW <= value <= HIGH:
        raise FeelingsError(f"Please choose {what} from {LOW} to +{HIGH}.")
    return value


def check_point(pleasantness: object, energy: object) -> tuple[int, int]:
    """The point as two whole numbers, or FeelingsError."""
    return (_in_range(pleasantness, "how pleasant"), _in_range(energy, "your energy"))


def quadrant_of(pleasantness: float, energy: float) -> Quadrant:
    """The quarter of the grid a point falls in.

    On an axis, zero leans to the gentler side: a neutral pleasantness counts
    as pleasant and a neutral energy as low, so (0, 0) is "calm and content".
    """
    if pleasantness < 0:
        return QUADRANTS[UNPLEASANT_HIGH if energy > 0 else UNPLEASANT_LOW]
    return QUADRANTS[PLEASANT_HIGH if energy > 0 else PLEASANT_LOW]


def words_for(quadrant: str, near: tuple[float, float] | None = None) -> list[Feeling]:
    """The quadrant's words, nearest to ``near`` first (alphabetical without it)."""
    if quadrant not in QUADRANTS:
        raise FeelingsError("There is no such group of feelings.")
    words = [f for f in VOCABULARY.values() if f.quadrant == quadrant]
    if near is None:
        return sorted(words, key=lambda f: f.word)
    x, y = near
    return sorted(words, key=lambda f: (math.hypot(f.pleasantness - x, f.energy - y), f.word))


def quadrants_for(pleasantness: float, energy: float) -> list[tuple[Quadrant, list[Feeling]]]:
    """Every quadrant with its words: the point's own quadrant first, nearest words first.

    The other quadrants follow, their words also ordered by distance, so every
    word stays within reach when the grid point does not quite fit.
    """
    own = quadrant_of(pleasantness, energy).key
    keys = [own] + [k for k in ORDER if k != own]
    return [(QUADRANTS[k], words_for(k, (pleasantness, energy))) for k in keys]


def is_known(word: str) -> bool:
    return word in VOCABULARY


def is_interpretation(word: str) -> bool:
    """Whether a word describes what someone did more than what I feel."""
    return " ".join(word.lower().split()) in INTERPRETATIONS


def check_words(words: list[str]) -> list[str]:
    """Words chosen from the list: known, no repeats, one to three."""
    unique = list(dict.fromkeys(words))
    unknown = [w for w in unique if w not in VOCABULARY]
    if unknown:
        raise FeelingsError("Please choose words from the list, or add them as your own words.")
    if len(unique) > LIST_WORDS_MAX:
        raise FeelingsError(f"Please choose at most {LIST_WORDS_MAX} words from the list.")
    return unique


def clean_own_words(text_or_words: str | list[str]) -> list[str]:
    """A member's own words: trimmed, no blanks or repeats, at most three of 30 characters.

    Accepts either a list or one string separated by commas.
    """
    raw = text_or_words.split(",") if isinstance(text_or_words, str) else list(text_or_words)
    cleaned = [" ".join(w.split()) for w in raw]
    cleaned = list(dict.fromkeys(w for w in cleaned if w))
    if len(cleaned) > OWN_WORDS_MAX:
        raise FeelingsError(f"Please add at most {OWN_WORDS_MAX} words of your own.")
    too_long = [w for w in cleaned if len(w) > OWN_WORD_MAX]
    if too_long:
        raise FeelingsError(f"Please keep each of your own words under {OWN_WORD_MAX} characters.")
    return cleaned


def check_choice(words: list[str], own_words: list[str]) -> tuple[list[str], list[str]]:
    """Both kinds of words together: at least one word in all, the limits on each."""
    chosen = check_words(words)
    own = clean_own_words(own_words)
    own = [w for w in own if w.lower() not in chosen]
    if len(chosen) + len(own) < LIST_WORDS_MIN:
        raise FeelingsError("Please choose at least one word for how you feel.")
    return chosen, own
