"""Flag the published resources whose texts use an outdated or harmful term (catalog.currency)."""

from typing import Any

from django.core.management.base import BaseCommand

from catalog.currency import services


class Command(BaseCommand):
    help = "Match the active outdated terms against every published resource and store the flags."

    def handle(self, *args: Any, **options: Any) -> None:
        found = services.flag_terms()
        self.stdout.write(f"{found} outdated term{'s' if found != 1 else ''} found.")
