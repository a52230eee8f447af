"""The coach's labels (see the shared TAXONOMY) and the words it uses for them."""

ERODING: tuple[str, ...] = (
    "blame",
    "contempt",
    "defensiveness",
    "stonewalling",
    "breakup_threat",
    "dismissive",
    "non_apology",
)
BUILDING: tuple[str, ...] = (
    "i_statement",
    "apology",
    "validation",
    "appreciation",
    "request",
    "time_out",
)
LABELS: tuple[str, ...] = ERODING + BUILDING

EXPLANATIONS: dict[str, str] = {
    "blame": (
        "This may land as an attack on who they are rather than on one thing that "
        "happened, which tends to make people defend themselves instead of listening."
    ),
    "contempt": (
        "These words may come across as looking down on them, and feeling belittled "
        "is one of the hardest things for trust to recover from."
    ),
    "defensiveness": (
        "This may sound like pushing the problem back to them, so they may feel their "
        "concern was not heard, even if your reasons are real."
    ),
    "stonewalling": (
        "Closing the door on the talk without saying when you'll come back can leave "
        "them feeling shut out and alone with it."
    ),
    "breakup_threat": (
        "Putting the whole relationship on the line in a hard moment can shake their "
        "sense of safety long after the argument is over."
    ),
    "dismissive": (
        "This may make their feelings seem small to them, even if you meant to calm things down."
    ),
    "non_apology": (
        "This sounds like an apology but may leave them feeling the problem is their "
        "reaction, not what happened."
    ),
    "i_statement": (
        "You're speaking from your own experience, which makes it easier for them to "
        "hear you without feeling attacked."
    ),
    "apology": (
        "You're owning what you did, which is the part of an apology that matters most "
        "for rebuilding trust."
    ),
    "validation": (
        "You're letting them know their feelings make sense, which helps them feel "
        "understood and safe."
    ),
    "appreciation": (
        "Noticing and thanking them for something specific is one of the small moments "
        "that trust is built from."
    ),
    "request": (
        "You're asking clearly for something they can do, which gives them a real way "
        "to show up for you."
    ),
    "time_out": (
        "Taking a break with a plan to come back lets you both settle down while "
        "keeping the conversation open."
    ),
}
