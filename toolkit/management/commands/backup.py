"""Back up the database and the private media into a new folder (see toolkit.backups)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from toolkit import backups


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite: online backup API; PostgreSQL: pg_dump -Fc) and "
        "MEDIA_ROOT, with a manifest of row counts and SHA-256 hashes, into a new or empty "
        "folder. Safe while the site runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="A new or empty folder.")

    def handle(self, *args: object, folder: Path, **options: Any) -> None:
        try:
            manifest = backups.backup(
                folder, settings_dict=connection.settings_dict, media_root=Path(settings.MEDIA_ROOT)
            )
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}: {summary(manifest)}."))


def summary(manifest: dict) -> str:
    tables = manifest["database"]["tables"]
    return (
        f"{manifest['database']['engine']} database, {len(tables)} tables, "
        f"{sum(tables.values())} rows; {len(manifest['media']['files'])} media files"
    )
