"""System checks that refuse an unsafe production configuration."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def production_settings(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    problems: list[Any] = []
    if not settings.PRODUCTION:
        problems.append(
            Warning(
                "HEARTH_ENV is not 'production'.",
                hint="Set HEARTH_ENV=production on a server that other people reach.",
                id="hearth.W001",
            )
        )
        return problems
    if len(settings.SECRET_KEY) < 50:
        problems.append(
            Error(
                "HEARTH_SECRET_KEY is missing or too short.",
                hint="Set it to at least 50 random characters, e.g. from "
                "`python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
                id="hearth.E001",
            )
        )
    if not settings.ALLOWED_HOSTS or "*" in settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "HEARTH_ALLOWED_HOSTS must name this server's host names.",
                id="hearth.E002",
            )
        )
    if settings.DEBUG:
        problems.append(Error("HEARTH_DEBUG must be off in production.", id="hearth.E003"))
    if not settings.SESSION_COOKIE_SECURE:
        problems.append(
            Error("Cookies must be secure (HTTPS only) in production.", id="hearth.E004")
        )
    if settings.HEARTH_KDF != "interactive":
        problems.append(
            Error(
                "HEARTH_KDF must stay 'interactive' in production: the fast setting is "
                "for tests and demos only.",
                id="hearth.E005",
            )
        )
    return problems
