"""Evidence for the trust model from the member's own check-in ratings.

Only the member's own ratings count toward their own sense of trust, shared or
private (they are theirs either way); nobody else's ratings are ever read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hearth.checkins.models import CheckInPart, Part
from hearth.core import trust
from hearth.spaces.context import Here
from hearth.vault import records


def _ratings(day: date, values: dict[str, Any], about: int | None) -> list[trust.Evidence]:
    return [
        trust.from_rating(day, dimension, int(values[dimension]), about=about)
        for dimension in trust.DIMENSIONS
        if values.get(dimension) is not None
    ]


def evidence(here: Here, start: date, end: date) -> list[trust.Evidence]:
    """Each rating as graded evidence, in one query.

    Ratings about the others as a whole (always so in a space of two) are
    about=None; per-member ratings (three or more) are about that member.
    """
    rows = (
        CheckInPart.objects.filter(
            owner_id=here.user.pk,
            space_id=here.space_id,
            kind=Part.RATINGS,
            checkin__owner_id=here.user.pk,
            checkin__day__gte=start,
            checkin__day__lte=end,
        )
        .order_by("checkin__day")
        # Rows, not model instances: on a year of check-ins, building objects
        # costs more than opening them.
        .values(*records.ROW_FIELDS, "content", "checkin__day")
    )
    out: list[trust.Evidence] = []
    for row in rows:
        try:
            content = records.reveal_row(CheckInPart, row, here.keychain, here.space_key).content
        except records.Locked:
            continue
        if not content:
            continue
        day = row["checkin__day"]
        if all(key in trust.DIMENSIONS for key in content):
            out.extend(_ratings(day, content, None))
        else:
            for uid, values in content.items():
                if isinstance(values, dict):
                    out.extend(_ratings(day, values, int(uid)))
    return out
