"""How allauth behaves in Hearth."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core import signing
from django.http import HttpRequest, HttpResponse

KNOWN_BROWSER_COOKIE = "hearth-known"
KNOWN_BROWSER_SALT = "hearth.accounts.known-browser"
KNOWN_BROWSER_AGE = 60 * 60 * 24 * 365


def known_accounts(request: HttpRequest) -> set[str]:
    raw = request.COOKIES.get(KNOWN_BROWSER_COOKIE)
    if not raw:
        return set()
    try:
        value = signing.loads(raw, salt=KNOWN_BROWSER_SALT, max_age=KNOWN_BROWSER_AGE)
    except signing.BadSignature:
        return set()
    return {str(v) for v in value} if isinstance(value, list) else set()


def remember_browser(request: HttpRequest, response: HttpResponse, email: str) -> None:
    accounts = sorted(known_accounts(request) | {email.lower()})[-5:]
    response.set_cookie(
        KNOWN_BROWSER_COOKIE,
        signing.dumps(accounts, salt=KNOWN_BROWSER_SALT),
        max_age=KNOWN_BROWSER_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Throttle failed logins without ever locking the account.

        A browser that has signed in to this account before is limited only
        per address, so someone hammering the account from elsewhere cannot
        keep its owner out.
        """
        email = str(credentials.get("email") or "").lower()
        if email and email in known_accounts(request):
            self._login_failed_rl_usage = allauth_ratelimit.consume(
                request, app="allauth.account", action="login_failed_known_browser", key=None
            )
            if not self._login_failed_rl_usage:
                raise self.validation_error("too_many_login_attempts")
            return
        super().pre_authenticate(request, **credentials)

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        remember_browser(request, response, user.email)
        return response
