"""Test settings: the real settings, with cheap hashing and one test-only app."""

import os
import tempfile

from hearth.settings import *  # noqa: F403
from hearth.settings import DATABASES, INSTALLED_APPS

HEARTH_KDF = "fast"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
INSTALLED_APPS = [*INSTALLED_APPS, "tests.sealedapp"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# SQLite tests run against a real file (in WAL mode, like production), so the
# canary tests can read what actually reached the disk.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"hearth-test-{os.getpid()}.sqlite3")
    }

# Django's pool keeps connections to the database named at start-up, which is
# not the test database that pytest-django creates; tests connect directly.
# tests/test_settings.py checks the pooled configuration against PostgreSQL.
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)
