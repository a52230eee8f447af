"""The coach's entry point: ``analyse(text)`` reads one message and says what it does to trust."""

from dataclasses import dataclass

from hearth.core.coach.apology import ApologyReport, apology_report
from hearth.core.coach.features import Extracted, extract
from hearth.core.coach.model import Model, load_model
from hearth.core.coach.rewrite import rewrite
from hearth.core.coach.taxonomy import ERODING, EXPLANATIONS, LABELS

MAX_CHARS = 5000
_MAX_SPANS = 4


class CoachError(ValueError):
    """The message cannot be analysed (not text, empty, or too long)."""


@dataclass(frozen=True)
class Finding:
    """One label the coach found, how sure it is, and the words that led to it.

    ``spans`` are (start, end) character offsets into the original text.
    """

    label: str
    confidence: float
    spans: tuple[tuple[int, int], ...]
    explanation: str

    def to_dict(self, text: str) -> dict[str, object]:
        return {
            "label": self.label,
            "confidence": self.confidence,
            "spans": [[s, e] for s, e in self.spans],
            "words": [text[s:e] for s, e in self.spans],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Analysis:
    """What one message does to trust: labels, a gentler rewrite and apology advice."""

    text: str
    labels: tuple[Finding, ...]
    rewrite: str | None
    apology: ApologyReport | None

    @property
    def label_names(self) -> list[str]:
        return [f.label for f in self.labels]

    def to_dict(self) -> dict[str, object]:
        return {
            "labels": self.label_names,
            "findings": [f.to_dict(self.text) for f in self.labels],
            "rewrite": self.rewrite,
            "apology": self.apology.to_dict() if self.apology else None,
        }


def analyse(text: str) -> Analysis:
    """Analyse one message. Raises CoachError for anything that is not a usable message."""
    if not isinstance(text, str):
        raise CoachError(f"expected a message as text, got {type(text).__name__}")
    if not text.strip():
        raise CoachError("the message is empty")
    if len(text) > MAX_CHARS:
        raise CoachError(f"the message is longer than {MAX_CHARS} characters")
    model = load_model()
    ex = extract(text)
    vec = model.vector(ex.features)
    probs = dict(zip(model.labels, model.probabilities(vec), strict=True))
    margins = {
        label: probs[label] - threshold
        for label, threshold in zip(model.labels, model.thresholds, strict=True)
    }
    chosen = {label for label, margin in margins.items() if margin >= 0}
    chosen = _resolve(chosen, margins, ex)
    findings = tuple(
        Finding(
            label=label,
            confidence=round(probs[label], 3),
            spans=_spans(label, ex, model, vec),
            explanation=EXPLANATIONS[label],
        )
        for label in LABELS
        if label in chosen
    )
    eroding = {label for label in chosen if label in ERODING}
    apology = apology_report(ex.low) if chosen & {"apology", "non_apology"} else None
    return Analysis(
        text=text,
        labels=findings,
        rewrite=rewrite(text, ex.low, eroding),
        apology=apology,
    )


def _resolve(chosen: set[str], margins: dict[str, float], ex: Extracted) -> set[str]:
    """Settle label pairs that cannot both be true of one message."""
    out = set(chosen)
    for label in ("blame", "contempt", "dismissive", "breakup_threat"):
        cues = [h for h in ex.cues if h.name == label]
        # Every cue is negated ("I never said you were lazy"): trust only a very sure model.
        if label in out and cues and all(h.negated for h in cues) and margins[label] < 0.4:
            out.discard(label)
    if {"apology", "non_apology"} <= out:
        out.discard("apology" if margins["non_apology"] >= margins["apology"] else "non_apology")
    if {"contempt", "appreciation"} <= out:
        # Sarcastic thanks is contempt, not appreciation (and warm thanks is not contempt).
        weaker = "appreciation" if margins["contempt"] >= margins["appreciation"] else "contempt"
        out.discard(weaker)
    if {"time_out", "stonewalling"} <= out:
        has_return = any(h.name == "return" for h in ex.aux)
        out.discard("stonewalling" if has_return else "time_out")
    return out


def _spans(
    label: str, ex: Extracted, model: Model, vec: dict[str, float]
) -> tuple[tuple[int, int], ...]:
    """Where the label came from: its cue phrases, or else the words that weighed most."""
    cue_spans = sorted({(h.start, h.end) for h in ex.cues if h.name == label and not h.negated})
    if cue_spans:
        return tuple(_merge(cue_spans)[:_MAX_SPANS])
    index = model.labels.index(label)
    contrib = model.contributions(vec, index)
    scores: list[float] = [0.0] * len(ex.words)
    prev = "<s>"
    for i, (tok, _, _) in enumerate(ex.words):
        scores[i] += contrib.get("w:" + tok, 0.0)
        bigram = contrib.get("b:" + prev + " " + tok, 0.0)
        scores[i] += bigram / 2
        if i > 0:
            scores[i - 1] += bigram / 2
        prev = tok
    best = max(scores, default=0.0)
    if best <= 0:
        return ()
    picked = [(s, e) for (_, s, e), sc in zip(ex.words, scores, strict=True) if sc >= best * 0.5]
    return tuple(_merge(picked, gap=1)[:_MAX_SPANS])


def _merge(spans: list[tuple[int, int]], gap: int = 0) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1] + gap:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
