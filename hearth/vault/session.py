"""Keeping a member's user key in their session without storing it in plain form.

The server-side session holds the user key sealed under a random secret; that
secret lives only in an HttpOnly cookie in the member's browser. A copy of
the session table alone opens nothing, and "log out everywhere" (deleting the
sessions) locks every other browser at once.
"""

from __future__ import annotations

import base64
import binascii

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from hearth.core import crypto
from hearth.vault.keychain import Keychain

SESSION_KEY = "hearth.unlock"
SESSION_RECOVERY = "hearth.recovery"


def _aad(user_id: int, what: str) -> str:
    return f"session/{user_id}/{what}"


def _cookie_secret(request: HttpRequest) -> bytes | None:
    raw = request.COOKIES.get(settings.HEARTH_UNLOCK_COOKIE)
    if not raw:
        return None
    try:
        secret = base64.urlsafe_b64decode(raw.encode("ascii") + b"==")
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return secret if len(secret) == crypto.KEY_BYTES else None


def _seal(secret: bytes, user_id: int, what: str, plain: bytes) -> str:
    return base64.b64encode(crypto.encrypt(secret, plain, _aad(user_id, what))).decode("ascii")


def _open(request: HttpRequest, entry: str, user_id: int, what: str) -> bytes | None:
    """Open a sealed session entry with the browser's half, or None."""
    sealed = request.session.get(entry)
    secret = _cookie_secret(request)
    if not sealed or secret is None:
        return None
    try:
        return crypto.decrypt(secret, base64.b64decode(sealed), _aad(user_id, what))
    except (crypto.CryptoError, binascii.Error, ValueError):
        return None


def store(
    request: HttpRequest,
    response: HttpResponse,
    keychain: Keychain,
    recovery_code: str | None = None,
) -> None:
    """Seal the keys into the session, and give the browser the other half."""
    secret = crypto.new_key()
    user_id = keychain.user_id
    request.session[SESSION_KEY] = _seal(secret, user_id, "user-key", keychain.user_key)
    if recovery_code is not None:
        request.session[SESSION_RECOVERY] = _seal(
            secret, user_id, "recovery", recovery_code.encode("utf-8")
        )
    else:
        request.session.pop(SESSION_RECOVERY, None)
    response.set_cookie(
        settings.HEARTH_UNLOCK_COOKIE,
        base64.urlsafe_b64encode(secret).decode("ascii").rstrip("="),
        max_age=settings.SESSION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
        path="/",
    )


def load(request: HttpRequest, user_id: int) -> Keychain | None:
    user_key = _open(request, SESSION_KEY, user_id, "user-key")
    return None if user_key is None else Keychain(user_id=user_id, user_key=user_key)


def pending_recovery_code(request: HttpRequest, user_id: int) -> str | None:
    code = _open(request, SESSION_RECOVERY, user_id, "recovery")
    return None if code is None else code.decode("utf-8")


def has_pending_recovery_code(request: HttpRequest) -> bool:
    return SESSION_RECOVERY in request.session


def forget_recovery_code(request: HttpRequest) -> None:
    request.session.pop(SESSION_RECOVERY, None)


def forget(response: HttpResponse) -> None:
    response.delete_cookie(settings.HEARTH_UNLOCK_COOKIE, path="/", samesite="Lax")
