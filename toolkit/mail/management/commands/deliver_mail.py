"""Deliver the outbox: `deliver_mail` runs until stopped; `deliver_mail --once` drains and exits."""

import signal
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from toolkit.mail import services


class Command(BaseCommand):
    help = (
        "Send the queued e-mails (retrying failures with back-off). Run it continuously, or "
        "from cron with --once. Several at once are safe: each message is sent by one of them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Send everything that is due, then exit."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between polls when running continuously "
            "(default: TOOLKIT_MAIL_POLL_SECONDS).",
        )

    def handle(
        self, *args: object, once: bool = False, interval: float | None = None, **options: Any
    ) -> None:
        if once:
            self._report(services.drain())
            services.prune_sent()
            return
        interval = settings.TOOLKIT_MAIL_POLL_SECONDS if interval is None else interval
        self.stopping = False
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write(f"Delivering e-mail every {interval:g} s; stop with Ctrl+C or SIGTERM.")
        try:
            while not self.stopping:
                close_old_connections()
                done = services.drain()
                if done.sent or done.failed:
                    self._report(done)
                services.prune_sent()
                time.sleep(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Stopped.")

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        """Finish the batch in hand, then stop."""
        self.stopping = True

    def _report(self, done: services.Delivered) -> None:
        self.stdout.write(f"Sent {done.sent}, failed {done.failed}.")
