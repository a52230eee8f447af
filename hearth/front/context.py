from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def hearth(request: HttpRequest) -> dict[str, object]:
    return {"exit_url": settings.HEARTH_EXIT_URL}
