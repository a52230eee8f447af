"""Until a new member confirms they saved their recovery code, show it first."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from hearth.vault import session

# Pages a member can still reach before confirming (leaving, above all).
_ALLOWED_PREFIXES = ("/static/", "/exit/", "/accounts/logout/")


class RecoveryCodeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and session.has_pending_recovery_code(request)
            and request.method == "GET"
            and not request.path.startswith(_ALLOWED_PREFIXES)
        ):
            target = reverse("accounts:recovery_code")
            if request.path != target:
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{target}?{query}")
        return self.get_response(request)
