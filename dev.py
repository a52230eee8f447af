#!/usr/bin/env python3
"""Set Hearth up and run it, or set it up and test it. Idempotent.

    python3 dev.py serve            # the app at http://127.0.0.1:8000/ (SQLite)
    python3 dev.py test             # lint, types and the test suite (SQLite)
    python3 dev.py test --browser   # the end-to-end tests in Chromium
    python3 dev.py test --no-lint   # the suite only (CI's PostgreSQL run)
    python3 dev.py test -- -k spaces  # anything after -- goes to pytest

Setup makes .venv/ beside this file and installs the locked dependencies;
it does nothing more on later runs unless a lock file changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
LOCKS = {
    "app": [ROOT / "requirements" / "app.lock"],
    "dev": [ROOT / "requirements" / "app.lock", ROOT / "requirements" / "dev.lock"],
}


def say(message: str) -> None:
    print(f"hearth: {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def must(*args: str | Path, env: dict[str, str] | None = None) -> None:
    code = run(*args, env=env)
    if code != 0:
        sys.exit(code)


def setup(kind: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (say so plainly on an old Python)
        sys.exit("Hearth needs Python 3.11 or newer.")
    if not PY.exists():
        say("creating the virtual environment in .venv/")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    digest = hashlib.sha256()
    for path in [*LOCKS[kind], ROOT / "pyproject.toml"]:
        digest.update(path.read_bytes())
    stamp = VENV / f".hearth-{kind}-installed"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    say(f"installing the locked {kind} dependencies (first run only)")
    quiet = ["--quiet", "--disable-pip-version-check"]
    for lock in LOCKS[kind]:
        must(PY, "-m", "pip", "install", *quiet, "-r", lock)
    must(PY, "-m", "pip", "install", *quiet, "--no-deps", "-e", ROOT)
    stamp.write_text(digest.hexdigest())


def serve(argv: list[str]) -> int:
    setup("app")
    return run(BIN / "hearth", "serve", *argv)


def test(argv: list[str]) -> int:
    setup("dev")
    browser = "--browser" in argv
    lint = "--no-lint" not in argv and not browser
    argv = [a for a in argv if a not in {"--browser", "--no-lint"}]
    extra = argv[argv.index("--") + 1 :] if "--" in argv else argv
    env = dict(os.environ)
    if lint:
        say("ruff")
        if run(BIN / "ruff", "check", ".") != 0:
            return 1
        say("mypy --strict")
        if run(BIN / "mypy", "hearth", "tests", "bench", "tools", "dev.py") != 0:
            return 1
        say("makemigrations --check")
        if run(BIN / "hearth", "makemigrations", "--check", "--dry-run", "-v", "0") != 0:
            say("a model change has no migration")
            return 1
    marker = "browser" if browser else "not browser"
    where = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    say(f"pytest ({'browser tests in Chromium' if browser else 'suite on ' + where})")
    workers = [] if browser else ["-n", env.get("HEARTH_TEST_WORKERS", "2")]
    code = run(PY, "-m", "pytest", "-m", marker, *workers, *extra, env=env)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"serve", "test"}:
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    return serve(rest) if command == "serve" else test(rest)


if __name__ == "__main__":
    raise SystemExit(main())
