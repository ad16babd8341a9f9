"""Throw-away PostgreSQL clusters for tests: a primary and a streaming replica of it.

Made with the server binaries (initdb, pg_ctl, pg_basebackup) in a temporary directory, on
free ports of 127.0.0.1, with trust authentication; run as the `postgres` user when the tests
run as root (PostgreSQL refuses root). `missing()` says why they cannot be made here.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockets}'
fsync = off
full_page_writes = off
synchronous_commit = off
shared_buffers = 32MB
wal_level = replica
max_wal_senders = 4
hot_standby = on
"""


def server_bin() -> Path | None:
    """The directory of the newest installed server binaries (initdb, pg_ctl, …)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _major(path: str) -> int:
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


def missing() -> str:
    """Why clusters cannot be made here ("" when they can)."""
    binaries = server_bin()
    if binaries is None or not (binaries / "pg_basebackup").exists():
        return "the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) are not installed"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the servers as"
        if not shutil.which("runuser"):
            return "running as root and runuser is missing"
    return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    data: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def query(self, sql: str, database: str = "postgres") -> object:
        """The first value of the first row `sql` returns (None: no rows, or a command)."""
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            cursor = conn.execute(sql)
            row = cursor.fetchone() if cursor.description else None
            return row[0] if row else None


class Clusters:
    """A primary and its streaming replica under one temporary directory."""

    def __init__(self) -> None:
        self.bin = server_bin()
        self.root = Path(tempfile.mkdtemp(prefix="toolkit-replica-"))
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.servers: list[Server] = []

    def run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60, cwd=self.root)  # noqa: S603

    def _configure(self, server: Server) -> None:
        conf = server.data / "postgresql.auto.conf"
        text = conf.read_text() if conf.exists() else ""
        conf.write_text(text + SETTINGS.format(port=server.port, sockets=self.root))

    def _start(self, server: Server) -> None:
        self.servers.append(server)
        self.run("pg_ctl", "-D", str(server.data), "-l", f"{server.data}.log", "-w", "start")

    def primary(self) -> Server:
        server = Server(self.root / "primary", free_port())
        self.run("initdb", "-D", str(server.data), "-U", "postgres", "--auth=trust", "-N")
        self._configure(server)
        self._start(server)
        return server

    def replica(self, primary: Server) -> Server:
        """A hot standby streaming from `primary` (pg_basebackup -R)."""
        server = Server(self.root / "replica", free_port())
        self.run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            *("-D", str(server.data), "-R", "-X", "stream", "-c", "fast", "--no-sync"),
        )
        self._configure(server)
        self._start(server)
        return server

    def stop(self) -> None:
        for server in reversed(self.servers):
            try:
                self.run("pg_ctl", "-D", str(server.data), "-m", "immediate", "-w", "stop")
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


def wait_for_replay(primary: Server, replica: Server, timeout: float = 20) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    target = primary.query("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while not replica.query(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the replica did not replay up to {target} in {timeout} s")
        time.sleep(0.05)


@contextmanager
def primary_and_replica() -> Iterator[tuple[Server, Server]]:
    clusters = Clusters()
    try:
        primary = clusters.primary()
        yield primary, clusters.replica(primary)
    finally:
        clusters.stop()
