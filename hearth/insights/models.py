"""What a member chose about their insights, and what they put into a combined view.

Insights are computed from the member's own evidence each time and stored
nowhere, with one exception: what a member agreed to put into the space's
combined view. Other members can't compute it (they can't open the member's
check-ins), so the member's own visits leave a sealed copy of the agreed
series, shared with the space, and opting out deletes it at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hearth.vault.models import SealedField, SealedRecord


class InsightSettings(models.Model):
    """One member's choices in one space. Clear: only picks from our fixed lists."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey("spaces.Space", on_delete=models.CASCADE, related_name="+")
    # Dimension names (hearth.core.trust.DIMENSIONS) the member puts into the combined view.
    shared_dimensions = models.JSONField(default=list)
    share_balance = models.BooleanField(default=False)
    summary_email = models.BooleanField(default=False)
    summary_seen_on = models.DateField(null=True, blank=True)
    summary_emailed_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField()
    owner_id: int

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "space"], name="insight_settings_once")
        ]

    def __str__(self) -> str:
        return f"insight settings {self.pk}"

    @property
    def shares_anything(self) -> bool:
        return bool(self.shared_dimensions) or self.share_balance


class SharedSeries(SealedRecord):
    """The series a member agreed to put into the combined view, sealed and shared.

    ``content`` is ``{"end": iso date, "series": {dimension: [[expected, low,
    high, evidence], ...one per day...]}, "balance": [[iso monday, pos, neg], ...]}``
    holding only what the member chose.
    """

    computed_on = models.DateField()
    content = SealedField(kind="json")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "space"], name="insight_shared_once")
        ]

    def __str__(self) -> str:
        return f"shared series {self.pk}"


class EvidenceCache(SealedRecord):
    """A member's own older evidence, read once a day and kept sealed for them alone.

    Opening a year of check-ins on every visit is the insights page's main
    cost. Evidence older than a week rarely changes, so it is gathered once a
    day and kept here, sealed under the member's own key (never shared); the
    last days are always read fresh. ``content`` is a list of
    ``[ordinal day, dimension, positive, negative, about, source]``.
    """

    built_on = models.DateField()
    from_day = models.DateField()
    through_day = models.DateField()
    content = SealedField(kind="json")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "space"], name="insight_evidence_cache_once")
        ]
