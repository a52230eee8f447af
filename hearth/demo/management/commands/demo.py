from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from hearth.demo import story


def _advance(bar: Any) -> None:
    bar.update(1)


class Command(BaseCommand):
    help = "Create a demo space with two members and about 120 days of history."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="remove the demo people and build them anew"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if story.exists() and options["reset"]:
            story.remove()
        if story.exists():
            self.stdout.write("The demo is already here.")
        else:
            with tqdm(total=story.STEP_COUNT, desc="Building the demo", unit="step") as bar:
                story.build(progress=lambda label: _advance(bar))
            self.stdout.write(self.style.SUCCESS("The demo is ready."))
        self.stdout.write(
            "\nSign in at http://127.0.0.1:8000/accounts/login/ as either partner:\n"
            f"  {story.FIRST.email}   password: {story.PASSWORD}\n"
            f"  {story.SECOND.email}  password: {story.PASSWORD}\n"
            "(Run `hearth serve` first if the app is not running.)"
        )
