"""A real Hearth server in a subprocess, on a free loopback port, with its own
SQLite database in a temporary folder. Used by the browser tests and the
tests that read what reached the disk and the logs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HEARTH = [sys.executable, "-m", "hearth.cli"]


@dataclass
class LiveHearth:
    url: str
    data_dir: Path
    log_path: Path
    env: dict[str, str]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def hearth(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*HEARTH, *args], env=self.env, capture_output=True, text=True, timeout=300
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTH_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update({"HEARTH_DATA_DIR": str(data_dir), "HEARTH_LOG_LEVEL": "INFO", **extra})
    return env


@contextmanager
def live_hearth(data_dir: Path, **extra: str) -> Iterator[LiveHearth]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = server_env(data_dir, HEARTH_EXIT_URL=f"{url}/static/hearth/icon.svg", **extra)
    log_path = data_dir / "server.log"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [*HEARTH, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Hearth did not start:\n" + log_path.read_text()) from None
                time.sleep(0.2)
        yield LiveHearth(url=url, data_dir=data_dir, log_path=log_path, env=env)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
