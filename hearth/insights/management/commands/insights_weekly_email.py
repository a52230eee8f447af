from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse

from hearth.insights.services import summary_emails_send


def _base_url() -> str:
    given = os.environ.get("HEARTH_BASE_URL", "").rstrip("/")
    if given:
        return given
    hosts = [h for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")]
    scheme = "https" if settings.SECURE else "http"
    return f"{scheme}://{hosts[0] if hosts else 'localhost'}"


class Command(BaseCommand):
    help = "Email members who asked for it that their weekly summary is ready (no content)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="",
            help="where Hearth is served (default: HEARTH_BASE_URL, else the first allowed host)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.EMAIL_HOST:
            self.stdout.write("Email is not configured (HEARTH_EMAIL_HOST); nothing sent.")
            return
        base = (options["base_url"] or _base_url()).rstrip("/")
        sent = summary_emails_send(link=base + reverse("insights:week"))
        self.stdout.write(f"Sent {sent} weekly summary note(s).")
