"""Text helpers shared by the rules, the features and the rewrites.

Everything here keeps character offsets stable: the normalised text has the
same length as the original, so a span found in one points at the same words
in the other.
"""

import re

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[^\sa-z0-9]")


def normalise(text: str) -> str:
    """Lower-case and straighten quotes without changing the length of the text."""
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered.translate(_QUOTES)


def tokens(low: str) -> list[tuple[str, int, int]]:
    """Word and symbol tokens of normalised text, with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(low)]
