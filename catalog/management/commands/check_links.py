"""Check every external link of the published resources and record its status for the
editors' currency queue (catalog.currency)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from catalog.currency import services
from catalog.currency.links import LinkChecker, Outcome
from catalog.models import Resource


class Command(BaseCommand):
    help = (
        "Check the external links (linked materials and addresses in the texts) of every "
        "published resource, politely, and record each one's status for the currency queue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--concurrency", type=int, default=4, help="Requests at once.")
        parser.add_argument(
            "--delay", type=float, default=1.0, help="Seconds between two requests to one host."
        )
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds per request.")
        parser.add_argument("--max-redirects", type=int, default=5)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--allow-private",
            action="store_true",
            help="Also check addresses on loopback and private networks (refused by default: "
            "the addresses are contributors' text).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        wanted: dict[str, list[int]] = {}
        for resource in Resource.objects.published().order_by("pk"):
            urls = services.external_links(resource)
            services.forget_gone_links(resource, urls)
            for url in urls:
                wanted.setdefault(url, []).append(resource.pk)
        checker = LinkChecker(
            concurrency=options["concurrency"],
            delay=options["delay"],
            timeout=options["timeout"],
            max_redirects=options["max_redirects"],
            allow_private=options["allow_private"],
        )
        broken = 0
        with tqdm(
            total=len(wanted), unit="link", disable=options["no_progress"], file=self.stderr
        ) as bar:

            def done(outcome: Outcome) -> None:
                nonlocal broken
                for resource_id in wanted[outcome.url]:
                    services.record_link(
                        resource_id, outcome.url, outcome.status, outcome.error, outcome.final_url
                    )
                broken += not outcome.ok
                bar.update()

            checker.check_all(wanted, on_done=done)
        self.stdout.write(f"Checked {len(wanted)} links: {broken} broken.")
