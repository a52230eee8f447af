"""Private pages are never stored by the browser or anything in between."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class PrivatePagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            # After a quick exit or logout, "back" must not show a private page.
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, private"
        return response
