"""The message coach: reads a draft message and says what it does to trust.

Pure Python: no web framework, no downloads, nothing but the standard library
at run time. ``analyse(text)`` is the whole interface; see ``cli.run`` for the
command line.
"""

from hearth.core.coach.analyse import MAX_CHARS, Analysis, CoachError, Finding, analyse
from hearth.core.coach.apology import COMPONENTS, ApologyReport
from hearth.core.coach.taxonomy import BUILDING, ERODING, LABELS

__all__ = [
    "BUILDING",
    "COMPONENTS",
    "ERODING",
    "LABELS",
    "MAX_CHARS",
    "Analysis",
    "ApologyReport",
    "CoachError",
    "Finding",
    "analyse",
]
