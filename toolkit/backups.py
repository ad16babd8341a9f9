"""Backups of the database and the private media that restore (README "Backups").

A backup is a folder (created 0700: it holds personal data):

    manifest.json     what the backup holds: the database's engine, file and SHA-256 and
                      the row count of every table; the media archive's SHA-256 and the
                      SHA-256 of every file in it. Written last: no manifest, no backup.
    database.sqlite3  SQLite: a copy made with the online backup API (safe while the site runs)
    database.pgdump   PostgreSQL: `pg_dump -Fc` of the snapshot whose rows were counted
    media.tar         MEDIA_ROOT, the private uploads

`restore` checks the files against the manifest, refuses a target database or media
folder that is not empty (unless forced), restores, then counts the rows and hashes the
files again: a restore that does not reproduce its backup fails, saying what differs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with argument lists, never a shell
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from django.utils import timezone

if TYPE_CHECKING:
    import psycopg

# A database's entry in DATABASES (or what dj_database_url parses).
DatabaseSettings = Mapping[str, Any]

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
MEDIA_FILE = "media.tar"
CHUNK = 1 << 20
ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}
PG_CLIENT_HINT = "install the PostgreSQL client tools (Debian: apt-get install postgresql-client)"


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message says why."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def engine(settings_dict: DatabaseSettings) -> str:
    name = ENGINES.get(settings_dict["ENGINE"])
    if name is None:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {settings_dict['ENGINE']}.")
    return name


def is_empty(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


# --- media ------------------------------------------------------------------------


class _HashingReader:
    """A file that hashes what tarfile reads from it: the manifest hashes what was archived."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def media_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return [p for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()]


def media_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under `root`, by its path relative to `root`."""
    return {p.relative_to(root).as_posix(): sha256(p) for p in media_files(root)}


def archive_media(root: Path, target: Path) -> dict[str, str]:
    """Put every file under `root` in the tar `target`; returns the hashes of what went in."""
    hashes = {}
    with tarfile.open(target, "w") as tar:
        for path in media_files(root):
            name = path.relative_to(root).as_posix()
            info = tar.gettarinfo(path, arcname=name)
            with open(path, "rb") as handle:
                reader = _HashingReader(handle)
                tar.addfile(info, reader)
            hashes[name] = reader.digest.hexdigest()
    return hashes


def restore_media(archive: Path, root: Path) -> dict[str, str]:
    """Unpack the archive into `root` (emptied first); returns the hashes of what is there."""
    root.mkdir(parents=True, exist_ok=True)
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    with tarfile.open(archive) as tar:
        tar.extractall(root, filter="data")  # no absolute paths, no "..", no devices
    return media_hashes(root)


# --- SQLite -------------------------------------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_counts(db: sqlite3.Connection) -> dict[str, int]:
    """The row count of every table (the full-text index and its shadow tables too)."""
    names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: db.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0]  # noqa: S608
        for name in sorted(names)
    }


def _copy_sqlite(source: str, target: str) -> dict[str, int]:
    """Copy with the online backup API; returns the row counts of the copy."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
        return sqlite_counts(dst)
    finally:
        src.close()
        dst.close()


def backup_sqlite(settings_dict: DatabaseSettings, target: Path) -> dict[str, int]:
    if not Path(settings_dict["NAME"]).is_file():
        raise BackupError(f"There is no SQLite database at {settings_dict['NAME']}.")
    counts = _copy_sqlite(settings_dict["NAME"], str(target))
    with sqlite3.connect(target) as db:  # one self-contained file, whatever the site's mode
        db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    return counts


def sqlite_tables(settings_dict: DatabaseSettings) -> list[str]:
    path = Path(settings_dict["NAME"])
    if not path.exists():
        return []
    db = sqlite3.connect(path)
    try:
        return list(sqlite_counts(db))
    finally:
        db.close()


def restore_sqlite(backup_file: Path, settings_dict: DatabaseSettings) -> dict[str, int]:
    Path(settings_dict["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    return _copy_sqlite(str(backup_file), settings_dict["NAME"])


# --- PostgreSQL ---------------------------------------------------------------------

PG_ENV = {  # libpq's variables: pg_dump and pg_restore get the connection without argv
    "dbname": "PGDATABASE",
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "sslmode": "PGSSLMODE",
}


def pg_params(settings_dict: DatabaseSettings) -> dict[str, str]:
    """psycopg keyword arguments for a Django database (the password never goes in argv)."""
    params = {
        "dbname": settings_dict["NAME"],
        "host": settings_dict.get("HOST"),
        "port": str(settings_dict.get("PORT") or ""),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
        "sslmode": (settings_dict.get("OPTIONS") or {}).get("sslmode"),
    }
    return {key: value for key, value in params.items() if value}


def _pg_run(program: str, *args: str, params: dict[str, str]) -> None:
    path = shutil.which(program)
    if path is None:
        raise BackupError(f"{program} was not found: {PG_CLIENT_HINT}.")
    env = {**os.environ, **{PG_ENV[key]: value for key, value in params.items()}}
    done = subprocess.run([path, *args], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")


def _pg_connect(params: Mapping[str, Any], **kwargs: Any) -> psycopg.Connection[Any]:
    import psycopg

    try:
        return psycopg.connect(**params, **kwargs)
    except psycopg.OperationalError as exc:
        raise BackupError(f"Cannot connect to the database {params['dbname']}: {exc}") from exc


def pg_counts(cursor: psycopg.Cursor[Any]) -> dict[str, int]:
    from psycopg import sql

    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    names = [name for (name,) in cursor.fetchall()]
    counts = {}
    for name in names:
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name)))
        counts[name] = _one(cursor)
    return counts


def _one(cursor: psycopg.Cursor[Any]) -> Any:
    """The single value of a query that always returns one row."""
    row = cursor.fetchone()
    if row is None:
        raise BackupError("The database returned no row where it always returns one.")
    return row[0]


def backup_postgres(settings_dict: DatabaseSettings, target: Path) -> dict[str, int]:
    """pg_dump of one snapshot, whose rows are counted in the same snapshot."""
    import psycopg

    params = pg_params(settings_dict)
    with _pg_connect(params) as db:
        db.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        db.read_only = True
        with db.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = _one(cursor)
            counts = pg_counts(cursor)
            _pg_run("pg_dump", "-Fc", f"--snapshot={snapshot}", f"--file={target}", params=params)
        db.rollback()
    return counts


def postgres_tables(settings_dict: DatabaseSettings) -> list[str]:
    with _pg_connect(pg_params(settings_dict), autocommit=True) as db:
        return list(pg_counts(db.cursor()))


def restore_postgres(backup_file: Path, settings_dict: DatabaseSettings) -> dict[str, int]:
    params = pg_params(settings_dict)
    clean = ["--clean", "--if-exists"] if postgres_tables(settings_dict) else []
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    _pg_run(
        "pg_restore", *options, *clean, "--dbname", params["dbname"], str(backup_file),
        params=params,
    )  # fmt: skip
    with _pg_connect(params, autocommit=True) as db:
        return pg_counts(db.cursor())


DATABASES = {  # engine: (file, back up, tables now, restore)
    "sqlite": (SQLITE_FILE, backup_sqlite, sqlite_tables, restore_sqlite),
    "postgresql": (PG_FILE, backup_postgres, postgres_tables, restore_postgres),
}


# --- the whole backup ----------------------------------------------------------------


def backup(folder: Path, *, settings_dict: DatabaseSettings, media_root: Path) -> dict[str, Any]:
    """Back up the database and the media into `folder` (new or empty); returns the manifest."""
    kind = engine(settings_dict)
    if not is_empty(folder):
        raise BackupError(f"{folder} is not empty: give a new or empty folder.")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    filename, back_up, _, _ = DATABASES[kind]
    counts = back_up(settings_dict, folder / filename)
    files = archive_media(media_root, folder / MEDIA_FILE)
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": {
            "engine": kind,
            "file": filename,
            "sha256": sha256(folder / filename),
            "tables": counts,
        },
        "media": {"file": MEDIA_FILE, "sha256": sha256(folder / MEDIA_FILE), "files": files},
    }
    partial = folder / f"{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    partial.replace(folder / MANIFEST)
    return manifest


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest, once every file it names is present and has its recorded SHA-256."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} holds no readable {MANIFEST}: not a complete backup.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder}: unknown backup format {manifest.get('format')!r}.")
    for part in ("database", "media"):
        path = folder / manifest[part]["file"]
        if not path.is_file() or sha256(path) != manifest[part]["sha256"]:
            raise BackupError(f"{path} is missing or does not match the manifest.")
    return manifest


def _differences(expected: dict[str, Any], found: dict[str, Any]) -> str:
    wrong = [
        f"{key}: {expected.get(key, 'absent')} in the backup, {found.get(key, 'absent')} restored"
        for key in sorted(set(expected) | set(found))
        if expected.get(key) != found.get(key)
    ]
    return "; ".join(wrong[:10]) + (" …" if len(wrong) > 10 else "")


def restore(
    folder: Path, *, settings_dict: DatabaseSettings, media_root: Path, force: bool = False
) -> dict[str, Any]:
    """Restore a backup into an empty database and media folder (`force`: replace them)."""
    manifest = read_manifest(folder)
    kind = engine(settings_dict)
    if manifest["database"]["engine"] != kind:
        raise BackupError(
            f"This is a {manifest['database']['engine']} backup; the target is {kind}."
        )
    _, _, tables_now, restore_database = DATABASES[kind]
    if not force and tables_now(settings_dict):
        raise BackupError("The target database is not empty: use --force to replace it.")
    if not force and not is_empty(media_root):
        raise BackupError(f"The media folder {media_root} is not empty: use --force to replace it.")
    counts = restore_database(folder / manifest["database"]["file"], settings_dict)
    if counts != manifest["database"]["tables"]:
        differences = _differences(manifest["database"]["tables"], counts)
        raise BackupError(f"The restored tables differ from the backup: {differences}")
    hashes = restore_media(folder / manifest["media"]["file"], media_root)
    if hashes != manifest["media"]["files"]:
        differences = _differences(manifest["media"]["files"], hashes)
        raise BackupError(f"The restored media differ from the backup: {differences}")
    return manifest
