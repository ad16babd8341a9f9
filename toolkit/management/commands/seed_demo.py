"""Load the demo data: accounts, published resources and workflow examples."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from toolkit import demo


class Command(BaseCommand):
    help = "Create the demo accounts and content (idempotent). Refuses with DEBUG off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never in production).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password and refuses to run with "
                "DEBUG off. Use --force only on a throw-away database."
            )
        with transaction.atomic():
            users = demo.seed_users()
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(f"Demo accounts (password: {demo.DEMO_PASSWORD}):")
        for user in users:
            roles = ", ".join(sorted(user.role_names))
            self.stdout.write(f"  {user.username:<12} {user.display_name:<28} {roles}")
