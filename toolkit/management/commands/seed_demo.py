"""Load the demo data: accounts, a published catalog and workflow examples in every state."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings

from toolkit import demo
from toolkit.demo.content import DemoContentError


class Command(BaseCommand):
    help = "Create the demo accounts and content (idempotent). Refuses with DEBUG off."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never in production).",
        )

    def handle(self, *args: object, force: bool = False, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password and refuses to run with "
                "DEBUG off. Use --force only on a throw-away database."
            )
        # The demo's workflow would otherwise e-mail every step to the console (now, or later
        # from deliver_mail): its messages are delivered to nowhere as the seeding commits.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend", TOOLKIT_MAIL_EAGER=True
        ):
            try:
                with transaction.atomic():
                    users, resources, submissions = demo.seed_all()
            except DemoContentError as exc:  # a data file is wrong: say which, and where
                raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data is ready ({resources} new resources, {submissions} new submissions)."
            )
        )
        self.stdout.write(f"Demo accounts (password: {demo.DEMO_PASSWORD}):")
        for username, *_ in demo.DEMO_USERS:
            user = users[username]
            roles = ", ".join(sorted(user.role_names))
            self.stdout.write(f"  {user.username:<12} {user.display_name:<28} {roles}")
