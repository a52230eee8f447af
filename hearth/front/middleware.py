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


class SpaceMiddleware:
    """Pages inside a space, reached with no space or a locked one, explain why."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.contrib import messages
        from django.shortcuts import redirect, render

        from hearth.spaces.access import SpaceLocked
        from hearth.spaces.context import NoSpace

        if isinstance(exception, NoSpace):
            messages.info(request, "Create a space, or join one with an invitation link, first.")
            return redirect("front:home")
        if isinstance(exception, SpaceLocked):
            return render(request, "spaces/locked.html", status=409)
        return None
