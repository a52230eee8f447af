"""Turns the pure coach's analysis into what a page shows."""

from __future__ import annotations

from dataclasses import dataclass

from hearth.core.coach import ERODING, Analysis, analyse
from hearth.core.coach.apology import COMPONENT_NAMES

TITLES: dict[str, str] = {
    "blame": "Blame",
    "contempt": "Contempt",
    "defensiveness": "Defensiveness",
    "stonewalling": "Shutting the talk down",
    "breakup_threat": "Putting the relationship on the line",
    "dismissive": "Brushing a feeling aside",
    "non_apology": "An apology that deflects",
    "i_statement": "Speaking for yourself",
    "apology": "Owning what you did",
    "validation": "Acknowledging their side",
    "appreciation": "Appreciation",
    "request": "A clear request",
    "time_out": "A pause with a way back",
}


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool


@dataclass(frozen=True)
class Note:
    label: str
    title: str
    explanation: str
    words: list[str]


@dataclass(frozen=True)
class Feedback:
    segments: list[Segment]
    concerns: list[Note]
    strengths: list[Note]
    rewrite: str | None
    apology_present: list[str]
    apology_advice: list[str]

    @property
    def has_something_to_say(self) -> bool:
        return bool(self.concerns or self.apology_advice)


def _segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    marks = [False] * len(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(text), end)):
            marks[i] = True
    segments: list[Segment] = []
    for ch, marked in zip(text, marks, strict=True):
        if segments and segments[-1].marked == marked:
            segments[-1] = Segment(segments[-1].text + ch, marked)
        else:
            segments.append(Segment(ch, marked))
    return segments


def feedback(analysis: Analysis) -> Feedback:
    concerns: list[Note] = []
    strengths: list[Note] = []
    spans: list[tuple[int, int]] = []
    for finding in analysis.labels:
        words = [analysis.text[a:b] for a, b in finding.spans]
        note = Note(finding.label, TITLES[finding.label], finding.explanation, words)
        if finding.label in ERODING:
            concerns.append(note)
            spans.extend(finding.spans)
        else:
            strengths.append(note)
    apology = analysis.apology
    return Feedback(
        segments=_segments(analysis.text, spans),
        concerns=concerns,
        strengths=strengths,
        rewrite=analysis.rewrite if concerns else None,
        apology_present=[COMPONENT_NAMES[c] for c in apology.present] if apology else [],
        apology_advice=list(apology.advice) if apology and not apology.owns_the_act else [],
    )


def feedback_for(text: str) -> Feedback | None:
    """Feedback on a draft, or None when there is nothing to read."""
    from hearth.core.coach import CoachError

    try:
        return feedback(analyse(text))
    except CoachError:
        return None
