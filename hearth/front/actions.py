"""The shape every one-button action shares: do it, then say how it went."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest


def carry_out(
    request: HttpRequest,
    action: Callable[[], object],
    *,
    success: str,
    refused: type[Exception] | tuple[type[Exception], ...],
) -> bool:
    """Run a service; its refusal becomes the member's message, never a 500."""
    try:
        action()
    except refused as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, success)
    return True
