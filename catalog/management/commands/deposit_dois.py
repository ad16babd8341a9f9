"""Send the pending DOI deposits to the registration agency (catalog.doi.deposit)."""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from catalog import doi
from catalog.doi import deposit
from catalog.models import DoiStatus


class Command(BaseCommand):
    help = (
        "Register the DOIs of published versions that are pending deposit (TOOLKIT_DOI_*), "
        "trying again with backoff; each version's outcome is recorded, and a DOI is shown "
        "only once deposited. Safe to run again (from cron): deposited DOIs are left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Also send again the deposits the agency refused (status failed).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar (for cron)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not doi.enabled():
            raise CommandError("TOOLKIT_DOI_PREFIX is not set: DOIs are off.")
        if options["retry_failed"]:
            deposit.requeue_failed()
        versions = list(deposit.pending())
        outcomes = {status: 0 for status in DoiStatus.values}
        for version in tqdm(
            versions,
            desc="DOI deposits",
            unit="version",
            disable=options["no_progress"] or not versions,
            file=sys.stderr,
        ):
            done = deposit.deposit(version)
            status = done.doi_status if done else ""
            outcomes[status] = outcomes.get(status, 0) + 1
            if done and done.doi_status != DoiStatus.DEPOSITED:
                self.stderr.write(f"{done.doi}: {done.doi_status}: {done.doi_last_error}")
        self.stdout.write(
            f"{len(versions)} pending: {outcomes[DoiStatus.DEPOSITED]} deposited, "
            f"{outcomes[DoiStatus.FAILED]} refused, {outcomes[DoiStatus.PENDING]} still pending."
        )
        if outcomes[DoiStatus.FAILED] or outcomes[DoiStatus.PENDING]:
            raise CommandError("Some deposits did not succeed (see above).", returncode=1)
