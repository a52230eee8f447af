"""Evidence for the trust model from moments around the member's own boundaries.

What counts toward the member's own sense of trust is what they noted
themselves, on their own boundaries: a thank-you for a boundary honoured
(boundary_honoured), a private note that one was crossed, or an invitation to
talk about it (boundary_crossed, which also touches safety mildly: see
trust.ALSO). Each is about the member it went to; a private note goes to
nobody, so it is about=None.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from hearth.boundaries.models import BoundaryMoment, MomentKind
from hearth.core import trust
from hearth.spaces.context import Here

KINDS = {
    MomentKind.HONOURED: "boundary_honoured",
    MomentKind.CROSSED_PRIVATE: "boundary_crossed",
    MomentKind.CROSSED_INVITE: "boundary_crossed",
}


def evidence(here: Here, start: date, end: date) -> list[trust.Evidence]:
    """Moments the member wrote on their own boundaries, in one query."""
    me = here.user.pk
    moments = (
        BoundaryMoment.objects.filter(space_id=here.space_id, owner_id=me, boundary__owner_id=me)
        # A day's margin either side: the local day is decided below.
        .filter(noted_at__date__gte=start - timedelta(days=1))
        .filter(noted_at__date__lte=end + timedelta(days=1))
        .order_by("noted_at")
        .only("kind", "to_user_id", "noted_at")
    )
    out: list[trust.Evidence] = []
    for moment in moments:
        day = timezone.localdate(moment.noted_at)
        if start <= day <= end:
            kind = KINDS[MomentKind(moment.kind)]
            out.extend(trust.from_moments(day, kind, about=moment.to_user_id))
    return out
