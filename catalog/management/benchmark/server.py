"""A real server for benchmarks: gunicorn with production settings on a loopback port, and a
client that times whole requests against it."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

COUNT = re.compile(rb'id="results-count"[^>]*>(\d+) result')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# The servers' secret key: the benchmark signs its sessions with it (catalog.lists.bench).
SECRET_KEY = secrets.token_urlsafe(50)


def production_environment(port: int) -> dict[str, str]:
    """This process's environment (the database) with DEBUG off, a real secret key and the
    site address of the server."""
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET_KEY,
        TOOLKIT_SITE_URL=f"http://127.0.0.1:{port}",
        TOOLKIT_OAI_ADMIN_EMAIL=env.get("TOOLKIT_OAI_ADMIN_EMAIL") or "bench@example.org",
        DJANGO_STATIC_ROOT=env.get("DJANGO_STATIC_ROOT", "/tmp/toolkit-bench-static"),  # noqa: S108
        DJANGO_SETTINGS_MODULE="toolkit.settings",
    )
    return env


@dataclass
class Response:
    status: int
    milliseconds: float
    results: int | None  # the count a catalog page shows
    cpu_milliseconds: float = 0.0  # the server's, when a CpuMeter was given


class CpuMeter:
    """CPU time of the server's processes (gunicorn workers and, on PostgreSQL, their database
    backends), from /proc/<pid>/task/*/schedstat (nanoseconds on a CPU).

    On a machine shared with other work, wall time grows with the run queue; CPU time per
    request does not, so it is printed beside the wall time."""

    def __init__(self, master: int, database: str | None) -> None:
        self.master = master
        self.database = database  # a PostgreSQL database name: its backends count too

    def pids(self) -> list[int]:
        pids = []
        for task in Path(f"/proc/{self.master}/task").iterdir():
            with contextlib.suppress(OSError):
                pids += [int(p) for p in (task / "children").read_text().split()]
        return pids + self.backends()

    def backends(self) -> list[int]:
        if not self.database:
            return []
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.database],
            )
            return [row[0] for row in cursor.fetchall()]

    @staticmethod
    def nanoseconds(pids: list[int]) -> int:
        total = 0
        for pid in pids:
            with contextlib.suppress(OSError):
                for task in Path(f"/proc/{pid}/task").iterdir():
                    total += int((task / "schedstat").read_text().split()[0])
        return total


def get(port: int, path: str, meter: CpuMeter | None = None, cookie: str = "") -> Response:
    """One GET on a new connection (gunicorn's sync workers close each), timed to the last
    byte; `cookie`: a Cookie header (a signed-in session)."""
    pids = meter.pids() if meter else []
    cpu = CpuMeter.nanoseconds(pids)
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    try:
        headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    elapsed = (time.perf_counter() - started) * 1000
    cpu = CpuMeter.nanoseconds(pids) - cpu
    found = COUNT.search(body)
    return Response(response.status, elapsed, int(found.group(1)) if found else None, cpu / 1e6)


@contextmanager
def gunicorn(workers: int, app_dir: Path, log: Path) -> Iterator[tuple[int, int]]:
    """gunicorn serving the project in `app_dir` with `workers` sync workers; yields its port
    and its master's pid.

    Static files are collected first (DEBUG off serves the manifest's names)."""
    port = free_port()
    env = production_environment(port)
    python = sys.executable
    subprocess.run(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=app_dir,
        env=env,
        check=True,
    )
    executable = shutil.which("gunicorn", path=str(Path(python).parent)) or "gunicorn"
    with log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603
            [
                executable,
                "toolkit.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "900",
            ],
            cwd=app_dir,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if get(port, "/healthz").status == 200:
                        break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: see {log}")
                time.sleep(0.2)
            yield port, server.pid
        finally:
            server.terminate()
            server.wait(timeout=30)


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]
