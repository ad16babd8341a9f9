"""Restore a backup made by `manage.py backup` (see toolkit.backups)."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from toolkit import backups

from .backup import summary


class Command(BaseCommand):
    help = (
        "Restore a backup folder into an empty database and an empty media folder (the "
        "configured ones unless told otherwise), then check every table's row count and "
        "every file's SHA-256 against the backup's manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="A folder made by `manage.py backup`.")
        parser.add_argument(
            "--database-url",
            help="Restore into this database instead of the configured one, e.g. "
            "sqlite:////srv/restore/db.sqlite3 or postgres://user@host/empty_db.",
        )
        parser.add_argument(
            "--media-root", type=Path, help="Restore the media here instead of MEDIA_ROOT."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database or media folder that is not empty (its content is lost).",
        )

    def handle(
        self,
        *args: object,
        folder: Path,
        database_url: str | None = None,
        media_root: Path | None = None,
        force: bool = False,
        **options: Any,
    ) -> None:
        target = dj_database_url.parse(database_url) if database_url else connection.settings_dict
        try:
            manifest = backups.restore(
                folder,
                settings_dict=target,
                media_root=media_root or Path(settings.MEDIA_ROOT),
                force=force,
            )
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {folder}, checked against its manifest: {summary(manifest)}."
            )
        )
