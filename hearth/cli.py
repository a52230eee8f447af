"""The `hearth` command line: the front door to serving, demo data, the coach
and every Django admin verb (`hearth migrate`, `hearth createsuperuser`, ...)."""

from __future__ import annotations

import argparse
import os
import sys


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
    import django

    django.setup()


def _freeze_after_load(server: object) -> None:
    import gc

    gc.collect()
    gc.freeze()


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="hearth serve", description="Serve Hearth over HTTP.")
    parser.add_argument("--host", default=os.environ.get("HEARTH_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("HEARTH_PORT", "8000")))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("HEARTH_WORKERS", "2")),
        help="app processes (default 2)",
    )
    parser.add_argument(
        "--no-migrate", action="store_true", help="don't apply database migrations first"
    )
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings
    from django.core.management import call_command

    if not args.no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)

    from gunicorn.app.base import BaseApplication

    from hearth.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", 4)
            self.cfg.set("worker_class", "gthread")
            # No access log: request paths can carry invitation tokens, and
            # Hearth's own logs already say what went wrong without content.
            self.cfg.set("accesslog", None)
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")
            # Load the app once, then freeze it out of the garbage collector's
            # view: workers share it copy-on-write and collections stay short.
            self.cfg.set("preload_app", True)
            self.cfg.set("when_ready", _freeze_after_load)

        def load(self) -> object:
            return application

    host = "127.0.0.1" if args.host in {"0.0.0.0", "::"} else args.host  # noqa: S104
    print(f"Hearth is running at http://{host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    Server().run()
    return 0


def main(argv: list[str] | None = None) -> int:
    from django.core.exceptions import ImproperlyConfigured

    try:
        return _main(argv)
    except ImproperlyConfigured as exc:
        print(f"hearth: the configuration is not usable: {exc}", file=sys.stderr)
        return 2


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(
            "usage: hearth <command> [options]\n\n"
            "  serve      serve the web app (default http://127.0.0.1:8000/)\n"
            "  demo       create a demo space with two members and their history\n"
            "  coach      read a message and say what it may do to trust\n"
            "  migrate, createsuperuser, check, changepassword, ...\n"
            "             any Django admin command; `hearth help-all` lists them"
        )
        return 0
    command, rest = argv[0], argv[1:]
    if command == "serve":
        return serve(rest)
    if command == "coach":
        from hearth.core.coach.cli import run

        return run(rest, sys.stdin, sys.stdout, sys.stderr)
    if command == "help-all":
        command = "help"
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hearth", command, *rest])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
