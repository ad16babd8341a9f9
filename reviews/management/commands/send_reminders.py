"""Cron-safe reminders: reviewers before and after due dates, editors about overdue work."""

from typing import Any

from django.core.management.base import BaseCommand

from reviews import services


class Command(BaseCommand):
    help = (
        "Send due and overdue reminders. Idempotent: a reminder is sent once per assignment, "
        "kind and due date, so it can run as often as you like (daily is enough)."
    )

    def handle(self, *args: object, **options: Any) -> None:
        sent = services.send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
