"""Production settings: the deploy checks pass when configured, refuse otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROD = {
    "HEARTH_ENV": "production",
    "HEARTH_SECRET_KEY": "x" * 20 + "-production-secret-for-the-deploy-check-0123456789",
    "HEARTH_ALLOWED_HOSTS": "hearth.example.org",
    "DJANGO_SETTINGS_MODULE": "hearth.settings",
}


def run_check(extra: dict[str, str], tmp_path: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTH_", "DJANGO_"))}
    env.update({"HEARTH_DATA_DIR": str(tmp_path), **extra})
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "hearth.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_the_deploy_check_in_production(tmp_path: object) -> None:
    result = run_check(PROD, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_production_without_a_secret_key(tmp_path: object) -> None:
    result = run_check({**PROD, "HEARTH_SECRET_KEY": ""}, tmp_path)
    assert result.returncode == 2
    assert "HEARTH_SECRET_KEY must be set in production" in result.stderr
    assert "Traceback" not in result.stderr
    short = run_check({**PROD, "HEARTH_SECRET_KEY": "too-short"}, tmp_path)
    assert short.returncode != 0
    assert "hearth.E001" in short.stderr


def test_it_refuses_production_with_debug_or_a_wildcard_host(tmp_path: object) -> None:
    result = run_check({**PROD, "HEARTH_DEBUG": "1", "HEARTH_ALLOWED_HOSTS": "*"}, tmp_path)
    assert result.returncode != 0
    assert "hearth.E002" in result.stderr and "hearth.E003" in result.stderr


def test_it_refuses_the_fast_key_derivation_in_production(tmp_path: object) -> None:
    result = run_check({**PROD, "HEARTH_KDF": "fast"}, tmp_path)
    assert result.returncode != 0
    assert "hearth.E005" in result.stderr


def test_it_hashes_passwords_with_argon2_in_production() -> None:
    from hearth import settings

    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.sqlite_only
def test_it_runs_sqlite_in_wal_mode_with_immediate_transactions(db: None) -> None:
    from django.db import connection

    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 5000


def test_it_connects_to_postgresql_through_a_pool(tmp_path: object) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # the SQLite pass: nothing to pool
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTH_", "DJANGO_"))}
    env["HEARTH_DATA_DIR"] = str(tmp_path)
    script = (
        "from django.db import connection; connection.ensure_connection();"
        "print(type(connection.pool).__name__);"
        "cur = connection.cursor(); cur.execute('select 1'); print(cur.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-m", "hearth.cli", "shell", "-v", "0", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ConnectionPool", "1"]
