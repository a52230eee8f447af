"""What an apology contains, and what it could add.

Components and their order follow the research on apologies: owning the act
matters most, an offer of repair comes second, then regret, an explanation,
what will change and an invitation to share how it felt. Asking for
forgiveness carries the least weight and can be left out.
"""

import re
from dataclasses import dataclass

# In order of research weight, most important first.
COMPONENTS: tuple[str, ...] = (
    "owning",
    "repair",
    "regret",
    "explanation",
    "change",
    "invitation",
    "forgiveness",
)

COMPONENT_NAMES: dict[str, str] = {
    "owning": "owning the act",
    "repair": "an offer of repair",
    "regret": "regret",
    "explanation": "an explanation",
    "change": "what will change next time",
    "invitation": "an invitation to share how it felt",
    "forgiveness": "a request for forgiveness (optional)",
}

ADVICE: dict[str, str] = {
    "owning": (
        'Name what you did in your own words, for example "I\'m sorry I ...", so they '
        "know you see your part."
    ),
    "repair": (
        "Offer something that helps put it right: a fix, a plan, or simply asking what would help."
    ),
    "regret": "Say plainly that you're sorry, or that you wish you'd done it differently.",
    "explanation": (
        "If there's context, a short reason can help, as long as it comes after owning "
        "the act and doesn't excuse it."
    ),
    "change": "Say what you'll do differently next time, so they have something to hold on to.",
    "invitation": "Invite them to tell you how it felt for them, and be ready to just listen.",
    "forgiveness": (
        "Asking for forgiveness is optional: forgiving is their choice, in their own time, "
        "so you can leave it out or offer it gently without expecting an answer."
    ),
}

SHAPES: dict[str, str] = {
    "sorry_you_feel": "It is sorry about their feelings rather than about what you did.",
    "sorry_if": '"Sorry if" makes the hurt sound uncertain, as if it might not have happened.',
    "sorry_but": 'The "but" takes back the apology that came before it.',
    "vague": "It doesn't say what you're sorry for, so it can sound like you don't know.",
    "agentless": "Nobody in it did anything, so nobody is taking responsibility.",
}

_APOLOGISING = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|apology|forgive me|my bad|i was wrong|i regret|"
    r"my fault|on me)\b|\b(?:mistakes|errors) were made|\bthings were said"
)

_COMPONENT_RES: dict[str, re.Pattern[str]] = {
    "owning": re.compile(
        r"\b(?:sorry|apologi[sz]e) (?:that |for (?:the way |how |what )?)?i\b(?! (?:guess|suppose))"
        r"|\b(?:sorry|apologi[sz]e) for (?:my|being|\w+ing)\b"
        r"|\bmy (?:fault|bad|mistake)\b"
        r"|\b(?:that'?s|that was|it'?s|it was|this is|totally|all|entirely) on me\b"
        r"|\bi was (?:wrong|out of line|unfair|rude|mean|unkind|thoughtless|in the wrong)\b"
        r"|\bi shouldn'?t have\b|\bi should (?:never )?have\b"
        r"|\bi (?:really )?(?:messed|screwed) up\b|\bi got it wrong\b"
        r"|\bi take (?:full )?responsibility\b"
        r"|\bi (?:broke|forgot|lied|hurt you|let you down|ignored|snapped|shouted|yelled|missed)\b"
        r"|\b(?:was|that was) (?:mean|unkind|rude|thoughtless|unfair|wrong) of me\b"
        r"|\bi owe you an apology\b"
    ),
    "repair": re.compile(
        r"\bmake (?:it|this|that) (?:up|right)\b|\bfix (?:it|this)\b"
        r"|\bi'?ll (?:replace|buy|pay|call|cook|take|fix|sort|get you|make you|ring|come)\b"
        r"|\blet me (?:fix|make|help|buy|replace)\b|\bwhat can i do\b|\bhow can i (?:help|make)\b"
        r"|\b(?:dinner|coffee|lunch|drinks|it)'?s on me\b|\bon me tonight\b|\bearn (?:your|back)"
        r"|\bput (?:it|this|things) right\b"
    ),
    "regret": re.compile(
        r"\b(?:sorry|apologi[sz]e|apologies|regret|feel (?:terrible|awful|bad)|wish i hadn'?t)\b"
    ),
    "explanation": re.compile(
        r"\bbecause\b|\bi was (?:stressed|tired|exhausted|busy|overwhelmed|upset|angry|worried)\b"
        r"|\bi was (?:stuck|held up|caught up|running late)\b|\bthe reason\b|\bsince i\b"
        r"|\bi got caught up\b|\bi thought\b|\bmy (?:battery|phone|"
        r"train|bus|meeting)\b"
    ),
    "change": re.compile(
        r"\bnext time\b|\bwon'?t (?:happen|do (?:it|that)) again\b|\bfrom now on\b|\bin (?:the )?"
        r"future\b|\bgoing forward\b|\bnever again\b|\bi'?ll (?:make sure|remember|set|try|check|"
        r"do better|put it in|be more|start|stop)\b"
        r"|\bi will (?:make sure|remember|change|do better)\b"
    ),
    "invitation": re.compile(
        r"\bhow (?:did|does|do|has) (?:it|that|this) (?:feel|make you feel|felt)\b"
        r"|\bhow (?:are|were) you feeling\b|\btell me how\b|\bi'?d (?:like|love) to hear\b"
        r"|\bi want to (?:hear|understand)\b|\bhow you (?:feel|felt)\b"
        r"|\bwhen you'?re ready to talk\b|\btalk about (?:what happened|it|how)\b"
        r"|\bwhat was (?:it|that) like\b"
    ),
    "forgiveness": re.compile(r"\bforgive\b|\bforgiveness\b"),
}

_SHAPE_RES: dict[str, re.Pattern[str]] = {
    "sorry_you_feel": re.compile(
        r"\b(?:sorry|apologi[sz]e|apologies) (?:that )?(?:you|u) (?:feel|felt|think|thought|"
        r"took|got|see|saw|misunderstood|can'?t|are|were|'re|re)\b"
    ),
    "sorry_if": re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\W* if\b"),
    "sorry_but": re.compile(r"\bsorry\W+but\b"),
    "vague": re.compile(
        r"\b(?:sorry|apologi[sz]e) (?:for )?(?:whatever|anything i|everything)\b"
        r"|\bfor whatever (?:i|it is)\b|\bfor anything i (?:may|might)\b"
    ),
    "agentless": re.compile(
        r"\b(?:mistakes|errors) (?:were made|happened)\b|\b(?:things|words) (?:were|got) said\b"
        r"|\bthings got out of hand\b"
    ),
}


@dataclass(frozen=True)
class ApologyReport:
    """Components found in an apology, the ones missing, and advice in research order."""

    present: tuple[str, ...]
    missing: tuple[str, ...]
    shapes: tuple[str, ...]
    advice: tuple[str, ...]

    @property
    def owns_the_act(self) -> bool:
        return "owning" in self.present and not self.shapes

    def to_dict(self) -> dict[str, object]:
        return {
            "present": list(self.present),
            "missing": list(self.missing),
            "non_apology_shapes": list(self.shapes),
            "owns_the_act": self.owns_the_act,
            "advice": list(self.advice),
        }


def is_apologising(low: str) -> bool:
    return _APOLOGISING.search(low) is not None


def apology_report(low: str) -> ApologyReport | None:
    """Analyse normalised text as an apology; None if it does not apologise at all."""
    if not is_apologising(low):
        return None
    shapes = tuple(name for name, pat in _SHAPE_RES.items() if pat.search(low))
    found = {name for name, pat in _COMPONENT_RES.items() if pat.search(low)}
    if shapes and "owning" in found and _owning_only_inside_shape(low):
        found.discard("owning")
    present = tuple(c for c in COMPONENTS if c in found)
    missing = tuple(c for c in COMPONENTS if c not in found)
    advice: list[str] = []
    if shapes:
        advice.append(
            'Try the swap test: if "it\'s too bad that" could replace "I\'m sorry" here, '
            "it isn't owning anything yet. " + SHAPES[shapes[0]]
        )
    advice.extend(ADVICE[c] for c in missing)
    return ApologyReport(present, missing, shapes, tuple(advice))


def _owning_only_inside_shape(low: str) -> bool:
    """True when every owning phrase sits inside a deflecting shape ("sorry if I ...")."""
    spans = [m.span() for pat in _SHAPE_RES.values() for m in pat.finditer(low)]
    for m in _COMPONENT_RES["owning"].finditer(low):
        if not any(s <= m.start() <= e + 3 for s, e in spans):
            return False
    return True
