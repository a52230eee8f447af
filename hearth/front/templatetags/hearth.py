from __future__ import annotations

import re

from django import template

register = template.Library()

_BROWSERS = [
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
_SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Mac OS X", "Mac"),
    ("Windows", "Windows"),
    ("Linux", "Linux"),
]


@register.filter
def device(user_agent: str | None) -> str:
    """A short, human name for a browser: "Firefox on Android"."""
    agent = user_agent or ""
    browser = next((name for key, name in _BROWSERS if key in agent), "")
    if "Headless" in agent:
        browser = f"{browser or 'a'} (automated)".strip()
    system = next((name for key, name in _SYSTEMS if key in agent), "")
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or re.sub(r"\s+", " ", agent)[:40] or "An unknown browser"
