"""Gentler rewrites that keep the message's own content.

Each eroding label has one way to turn it around: blame becomes "I feel ...
when ...; would you ...?", contempt becomes the feeling underneath it,
defensiveness becomes taking one's part, stonewalling and threats become a
break with a time to come back, dismissing becomes validating, and a
non-apology becomes one that owns the act.
"""

import re

_CLAUSE_END = re.compile(r"[.,!?;:\n]|\s(?:and|but|so|because|then|lol|tbh|smh)\s|[^\x00-\u2000]")
_YOU = r"(?:you|u|ya)"
_YOURE = r"(?:you'?re|you are|ur|u r)"

_FEELING_WORDS: tuple[tuple[str, str], ...] = (
    (r"listen|hear|talk|word", "unheard"),
    (
        r"help|dish|laundry|bin|clean|cook|chore|tidy|plate|towel|mess|job|house|washing",
        "stretched thin",
    ),
    (r"call|text|reply|message|phone|laptop|screen", "lonely"),
    (r"care|love|respect|want|notice|time for|ask", "unimportant"),
    (r"late|on time|wait|forget|forgot|remember|plan", "let down"),
    (r"side|back me|support", "alone"),
)

_TIME_RE = re.compile(
    r"\b(?:in (?:\d+|five|ten|fifteen|twenty|thirty|half an|an) ?(?:min|minutes|mins|hours?)|"
    r"after (?:dinner|lunch|work|the kids are (?:asleep|in bed))|tomorrow(?: morning)?|tonight|"
    r"this evening|at \d+(?::\d\d)?)\b"
)


def _feeling_for(phrase: str, default: str = "hurt") -> str:
    for pattern, feeling in _FEELING_WORDS:
        if re.search(pattern, phrase):
            return feeling
    return default


def _clause_after(text: str, low: str, end: int) -> str:
    """The words that follow ``end`` up to the end of the clause, from the original text."""
    rest = low[end:]
    m = _CLAUSE_END.search(rest)
    stop = end + (m.start() if m else len(rest))
    clause = text[end:stop].strip(" '\"")
    clause = re.sub(r"\s+(?:anymore|any more|at all|ever|once|again)$", "", clause, flags=re.I)
    return clause.strip()


def _swap_pronouns(clause: str) -> str:
    """Turn the other person's words about "you/your" into plain words for a request."""
    out = re.sub(r"\b(?:your|ur)\b", "your", clause, flags=re.I)
    return out


def _blame(text: str, low: str) -> str:
    m = re.search(rf"\b{_YOU} (?:literally )?never (?:ever )?", low)
    if m:
        what = _clause_after(text, low, m.end())
        if what:
            feel = _feeling_for(what.lower())
            return (
                f"I feel {feel} when it seems you don't {what}. "
                f"Would you be willing to {_swap_pronouns(what)} more often?"
            )
    m = re.search(
        rf"\bwhy (?:can't|cant|won't|wont|don't|dont|do|must|couldn't) {_YOU} "
        rf"(?:just )?(?:ever |always |never )?(?:just )?",
        low,
    )
    if m:
        what = _clause_after(text, low, m.end())
        if what:
            feel = _feeling_for(what.lower(), "frustrated")
            return (
                f"I feel {feel} when this keeps coming up. "
                f"Would you be willing to {_swap_pronouns(what)}?"
            )
    m = re.search(rf"\b{_YOU} (?:always|constantly|keep) ", low) or re.search(
        rf"\b{_YOURE} always ", low
    )
    if m:
        what = _clause_after(text, low, m.end())
        if what:
            feel = _feeling_for(what.lower(), "frustrated")
            be = (
                "you're "
                if low[m.start() : m.end()].rstrip().endswith("always")
                and re.match(_YOURE, low[m.start() :])
                else "you "
            )
            return (
                f"I feel {feel} when {be}{what}. "
                "Could we talk about what would make this easier for both of us?"
            )
    m = re.search(rf"\b{_YOU} (?:made|make|makes) me (?:feel )?", low)
    if m:
        what = _clause_after(text, low, m.end())
        if what:
            return f"I felt {what}, and it's been on my mind. Could we talk about what happened?"
    m = re.search(rf"\b(?:i feel|it feels|i felt) (?:like|that|as if|as though) {_YOU} ", low)
    if m:
        what = _clause_after(text, low, m.end())
        feel = _feeling_for(what.lower(), "disconnected")
        return (
            f"I've been feeling {feel} lately, and I'd like to understand what's going on "
            "for you. Could we talk about it tonight?"
        )
    return (
        "I'm feeling hurt about what happened, and I'd like us to work it out together. "
        "Could you tell me how you see it?"
    )


def _contempt(text: str, low: str) -> str:
    m = re.search(r"\bthanks?(?: you)?(?: \w+)*? for (\w+ing) ", low)
    if m:
        what = _clause_after(text, low, m.end())
        if what:
            return (
                f"I'm upset about {what}, and I felt let down. Could we talk about what happened?"
            )
    return (
        "I'm really frustrated right now, and underneath it I'm feeling hurt. "
        "Can I tell you what's bothering me?"
    )


def _defensiveness(text: str, low: str) -> str:
    m = re.search(r"\bi (?:only )?(forgot|missed|didn'?t|was late|wasn'?t)\b", low)
    part = ""
    if m:
        what = _clause_after(text, low, m.start())
        if what and len(what.split()) <= 10:
            part = what[0].lower() + what[1:] if what.startswith("I ") is False else what
    if part and part.lower().startswith("i "):
        return (
            f"You're right that this matters. {part[0].upper() + part[1:]}, and that part is on "
            "me. What would help now?"
        )
    return (
        "I hear that this matters to you, and I can see my part in it. "
        "I'm sorry. What would help now?"
    )


def _return_time(low: str) -> str:
    m = _TIME_RE.search(low)
    return m.group() if m else "in twenty minutes"


def _stonewalling(text: str, low: str) -> str:
    when = _return_time(low)
    return (
        "I need a break from this conversation right now so I can calm down. "
        f"Can we come back to it {when}?"
    )


def _breakup_threat(text: str, low: str) -> str:
    m = re.search(r"\b(marriage|relationship|friendship|engagement)\b", low)
    what = f"our {m.group(1)}" if m else "us"
    return (
        f"I'm really upset, and I don't want to say things about {what} that I don't mean. "
        f"Can we take a break and come back to this {_return_time(low)}?"
    )


def _dismissive(text: str, low: str) -> str:
    m = re.search(r"\b(?:it'?s|it was|it is|that'?s) (?:just|only) ", low)
    if m:
        what = _clause_after(text, low, m.end())
        what = re.sub(r"^(?:a|an|one)\s+", "the ", what, flags=re.I)
        if what:
            return (
                f"I can see {what} really matters to you. "
                "Do you want to tell me more about how it felt?"
            )
    return (
        "I can see this really matters to you, and it makes sense that you feel this way. "
        "Do you want to tell me more?"
    )


def _non_apology(text: str, low: str) -> str:
    m = re.search(r"\b(?:sorry|apologi[sz]e|apologies)\W*(?:if|that) (i|my) ", low)
    if m:
        what = _clause_after(text, low, m.start(1))
        if what:
            what = what[0].upper() + what[1:] if what[0] == "i" else what
            if what.lower().startswith("my "):
                return f"I'm sorry, {what} hurt you, and that's on me. How did it feel for you?"
            return f"I'm sorry {what}. That was on me. What can I do to make it right?"
    said = re.search(r"\b(?:said|say|joke|comment|words|tone|honest)\b", low)
    act = "what I said" if said else "what I did"
    return (
        f"I'm sorry for {act}. That was on me, and I'd like to hear how it felt for you. "
        "What would help put it right?"
    )


_REWRITERS = {
    "breakup_threat": _breakup_threat,
    "stonewalling": _stonewalling,
    "contempt": _contempt,
    "blame": _blame,
    "non_apology": _non_apology,
    "defensiveness": _defensiveness,
    "dismissive": _dismissive,
}
# Break first (a threat or a shutdown needs a pause before anything else),
# then the feeling under the words.
_ORDER: tuple[str, ...] = (
    "blame",
    "contempt",
    "non_apology",
    "defensiveness",
    "dismissive",
    "stonewalling",
    "breakup_threat",
)


def rewrite(text: str, low: str, labels: set[str]) -> str | None:
    """A gentler version of ``text`` for its eroding labels, or None if there are none."""
    chosen = [label for label in _ORDER if label in labels]
    if not chosen:
        return None
    parts: list[str] = []
    first = chosen[0]
    parts.append(_REWRITERS[first](text, low))
    pause = next((lab for lab in ("breakup_threat", "stonewalling") if lab in chosen[1:]), None)
    if pause is not None:
        parts.append(_REWRITERS[pause](text, low))
    return " ".join(parts)
