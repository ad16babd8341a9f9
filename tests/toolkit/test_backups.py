"""`manage.py backup` and `manage.py restore`: the database and the private media, restored whole.

Each test restores into a database of the engine the suite runs on: a new SQLite file,
or a PostgreSQL database created for the test and dropped after it.
"""

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def file_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


TABLES_SQL = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
}


def row_counts(cursor, vendor) -> dict[str, int]:
    """Every table's row count, read with plain SQL (not with the code under test)."""
    cursor.execute(TABLES_SQL[vendor])
    names = sorted(name for (name,) in cursor.fetchall())
    counts = {}
    for name in names:
        cursor.execute(f'SELECT count(*) FROM "{name}"')  # noqa: S608 - names from the catalog
        counts[name] = cursor.fetchone()[0]
    return counts


class Target:
    """An empty database of the suite's engine: its URL for `restore`, and its row counts."""

    def __init__(self, tmp_path: Path):
        self.vendor = connection.vendor
        source = connection.settings_dict
        if self.vendor == "sqlite":
            self.path = tmp_path / "restored" / "db.sqlite3"
            self.url = f"sqlite:///{self.path}"
            return
        self.name = f"{source['NAME']}_restored"
        auth = quote(source["USER"]) + (
            f":{quote(source['PASSWORD'])}" if source["PASSWORD"] else ""
        )
        self.server = f"postgres://{auth}@{source['HOST'] or 'localhost'}:{source['PORT'] or 5432}"
        self.url = f"{self.server}/{self.name}"
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')

    def _admin(self, *statements):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as db:
            for statement in statements:
                db.execute(statement)

    def counts(self) -> dict[str, int]:
        if self.vendor == "sqlite":
            if not self.path.exists():
                return {}
            db = sqlite3.connect(self.path)
            try:
                return row_counts(db.cursor(), "sqlite")
            finally:
                db.close()
        import psycopg

        with psycopg.connect(self.url) as db:
            return row_counts(db.cursor(), "postgresql")

    def drop(self):
        if self.vendor == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def target(tmp_path):
    made = Target(tmp_path)
    yield made
    made.drop()


@pytest.fixture
def media():
    root = Path(settings.MEDIA_ROOT)
    (root / "submissions" / "ab").mkdir(parents=True)
    (root / "submissions" / "ab" / "guide.pdf").write_bytes(b"%PDF-1.7 guide")
    (root / "public" / "slides.pptx").parent.mkdir(parents=True)
    (root / "public" / "slides.pptx").write_bytes(os.urandom(70_000))
    return root


def restore(backup, target, media_root, *extra):
    args = [str(backup), "--database-url", target.url, "--media-root", str(media_root), *extra]
    call_command("restore", *args, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_of_the_seeded_demo_restores_every_row_and_file(tmp_path, target):
    devnull = open(os.devnull, "w")  # noqa: SIM115
    call_command("seed_demo", "--force", stdout=devnull)
    source_media = Path(settings.MEDIA_ROOT)
    with connection.cursor() as cursor:
        source_counts = row_counts(cursor, connection.vendor)
    source_files = file_hashes(source_media)
    assert len(source_files) > 20 and source_counts["catalog_resource"] > 30

    call_command("backup", str(tmp_path / "backup"), stdout=devnull)
    restored_media = tmp_path / "restored-media"
    restore(tmp_path / "backup", target, restored_media)

    assert target.counts() == source_counts
    assert file_hashes(restored_media) == source_files
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["database"]["tables"] == source_counts
    assert manifest["media"]["files"] == source_files


def test_backup_needs_a_new_or_empty_folder(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "something").write_text("x")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path / "used"))


def test_restore_refuses_a_database_or_media_folder_that_is_not_empty_unless_forced(
    tmp_path, target, media
):
    call_command("backup", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))  # noqa: SIM115
    full_media = tmp_path / "full-media"
    full_media.mkdir()
    (full_media / "keep.txt").write_text("mine")
    with pytest.raises(CommandError, match="media folder .* is not empty"):
        restore(tmp_path / "backup", target, full_media)
    assert (full_media / "keep.txt").exists()
    assert sum(target.counts().values()) == 0  # nothing was restored

    restore(tmp_path / "backup", target, tmp_path / "media-1")
    counts = target.counts()
    with pytest.raises(CommandError, match="database is not empty"):
        restore(tmp_path / "backup", target, tmp_path / "media-2")
    restore(tmp_path / "backup", target, full_media, "--force")
    assert target.counts() == counts
    assert file_hashes(full_media) == file_hashes(media)


def test_restore_refuses_a_backup_that_does_not_match_its_manifest(tmp_path, target, media):
    call_command("backup", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))  # noqa: SIM115
    with open(tmp_path / "backup" / "media.tar", "r+b") as archive:
        archive.seek(600)
        archive.write(b"tampered")
    with pytest.raises(CommandError, match="media.tar is missing or does not match"):
        restore(tmp_path / "backup", target, tmp_path / "restored-media")
    assert not (tmp_path / "restored-media").exists()
    (tmp_path / "backup" / "manifest.json").unlink()
    with pytest.raises(CommandError, match="not a complete backup"):
        restore(tmp_path / "backup", target, tmp_path / "restored-media")
