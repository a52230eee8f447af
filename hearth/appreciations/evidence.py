"""Evidence for the trust model from appreciations the member received.

Thanks to this member, or to everyone in the space from someone else, as long
as the giver still shares it (withdrawn thanks no longer count), about the giver.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from hearth.appreciations.models import Appreciation
from hearth.core import trust
from hearth.spaces.context import Here


def evidence(here: Here, start: date, end: date) -> list[trust.Evidence]:
    """appreciation_received on the day each was given, in one query."""
    me = here.user.pk
    received = (
        Appreciation.objects.filter(
            space_id=here.space_id, withdrawn_at__isnull=True, key_for_space__isnull=False
        )
        .exclude(owner_id=me)
        .filter(Q(recipient_id=me) | Q(recipient__isnull=True))
        # A day's margin either side: the local day is decided below.
        .filter(given_at__date__gte=start - timedelta(days=1))
        .filter(given_at__date__lte=end + timedelta(days=1))
        .order_by("given_at")
    )
    out: list[trust.Evidence] = []
    for item in received.only("owner_id", "given_at"):
        day = timezone.localdate(item.given_at)
        if start <= day <= end:
            out.append(trust.from_moment(day, "appreciation_received", about=item.owner_id))
    return out
