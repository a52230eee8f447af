"""Unlocks a signed-in member's keys for the request, and stores new ones."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from hearth.vault import session
from hearth.vault.keychain import Keychain, KeysLocked


def stash_unlocked(request: HttpRequest, keychain: Keychain, recovery_code: str | None) -> None:
    """Called by the sign-in, sign-up and reset forms once a key is unlocked.

    The middleware writes it into the session on the way out, after the
    framework has finished logging the member in.
    """
    request._hearth_unlocked = (keychain, recovery_code)  # type: ignore[attr-defined]


def get_keychain(request: HttpRequest) -> Keychain:
    """The signed-in member's keys, or KeysLocked (handled as "sign in again")."""
    cached: Keychain | None = getattr(request, "_hearth_keychain", None)
    if cached is not None:
        return cached
    user = request.user
    if not user.is_authenticated:
        raise KeysLocked
    keychain = session.load(request, user.pk)
    if keychain is None:
        raise KeysLocked
    request._hearth_keychain = keychain  # type: ignore[attr-defined]
    return keychain


class KeychainMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        unlocked: tuple[Keychain, str | None] | None = getattr(request, "_hearth_unlocked", None)
        user = getattr(request, "user", None)
        if unlocked and user is not None and user.is_authenticated:
            keychain, recovery_code = unlocked
            if keychain.user_id == user.pk:
                session.store(request, response, keychain, recovery_code)
        elif (
            user is not None
            and not user.is_authenticated
            and request.COOKIES.get(settings.HEARTH_UNLOCK_COOKIE)
        ):
            session.forget(response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, KeysLocked):
            return None
        logout(request)
        messages.info(request, "For your privacy, please sign in again to unlock your space.")
        response = HttpResponseRedirect(
            f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"
            if request.method == "GET"
            else reverse("account_login")
        )
        session.forget(response)
        return response
