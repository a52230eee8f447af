"""Feature extraction shared by the training script and the run-time model.

The same function feeds both sides, so the shipped weights always see the
features they were trained on.
"""

from collections import Counter
from dataclasses import dataclass

from hearth.core.coach.rules import Hit, find_aux, find_cues
from hearth.core.coach.text import normalise, tokens

_KEEP_SYMBOLS = {"?", "!"}


@dataclass(frozen=True)
class Extracted:
    """What one message looks like to the coach: features, tokens and cues."""

    low: str
    features: Counter[str]
    words: list[tuple[str, int, int]]
    cues: list[Hit]
    aux: list[Hit]


def _is_word(tok: str) -> bool:
    return tok[0].isalnum()


def extract(text: str) -> Extracted:
    low = normalise(text)
    toks = tokens(low)
    words = [t for t in toks if _is_word(t[0]) or t[0] in _KEEP_SYMBOLS or not t[0].isascii()]
    feats: Counter[str] = Counter()
    prev = "<s>"
    for tok, _, _ in words:
        feats["w:" + tok] += 1
        feats["b:" + prev + " " + tok] += 1
        prev = tok
        if _is_word(tok):
            padded = " " + tok + " "
            for n in (3, 4, 5):
                for i in range(len(padded) - n + 1):
                    feats["c:" + padded[i : i + n]] += 1
    feats["b:" + prev + " </s>"] += 1
    cues = find_cues(low)
    aux = find_aux(low)
    for hit in cues:
        feats[("rn:" if hit.negated else "r:") + hit.name] += 1
    for hit in aux:
        feats["a:" + hit.name] += 1
    n_words = sum(1 for t in words if _is_word(t[0]))
    if n_words <= 3:
        feats["len:short"] += 1
    elif n_words >= 20:
        feats["len:long"] += 1
    return Extracted(low, feats, words, cues, aux)
