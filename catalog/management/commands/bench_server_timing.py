"""What the Server-Timing header costs: catalog responses with it, switched off, and without
its middleware at all, through Django's whole request handling."""

import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.test import Client, RequestFactory, override_settings

from catalog.management.corpus import CONTENT_WORDS, RARE_WORDS
from catalog.models import Resource
from toolkit import timing

HOW_TO = """
Time catalog responses through the full middleware stack (django.test.Client, DEBUG
off) in three modes, interleaved request by request: the Server-Timing middleware
on (TOOLKIT_SERVER_TIMING=1, the default), switched off, and removed from
MIDDLEWARE. Prints, per kind and mode, the median and mean CPU milliseconds of this
process per request (what the middleware can add to; steadier than wall time on a
busy machine, and without the database server's own time), and the median wall time.
Run it on a catalog built by seed_corpus:

  DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py bench_server_timing
"""

MIDDLEWARE = "toolkit.timing.ServerTimingMiddleware"
MODES = ("on", "off", "absent")


def urls(rng: random.Random) -> dict[str, list[str]]:
    """A pool of addresses per kind (the text-search cache stays warm: it is not timed here)."""
    words = rng.sample(CONTENT_WORDS[120:400], 10) + rng.sample(RARE_WORDS, 10)
    return {
        "catalog search": [f"/catalog/?q={w}" for w in words],
        "browse a level": ["/catalog/?level=gme-residency", "/catalog/?stage=ume&page=3"],
        "API list": [f"/api/v1/resources/?q={w}&facets=1" for w in words[:5]],
        "feed": [f"/catalog/feed/?q={w}" for w in words[:5]],
    }


class Command(BaseCommand):
    help = HOW_TO

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=100, help="Requests per kind (100).")
        parser.add_argument(
            "--micro", type=int, default=2000, help="Requests per run of the middleware alone."
        )

    def handle(self, *args: object, repeat: int, micro: int, **options: Any) -> None:
        if repeat < 1 or micro < 1:
            raise CommandError("--repeat and --micro must be at least 1.")
        if not Resource.objects.published().exists():
            raise CommandError("The catalog is empty: run seed_corpus first.")
        without = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
        overrides: dict[str, dict[str, Any]] = {
            "on": {"TOOLKIT_SERVER_TIMING": True},
            "off": {"TOOLKIT_SERVER_TIMING": False},
            "absent": {"MIDDLEWARE": without},
        }
        with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"]):
            clients = {}
            for mode in MODES:
                with override_settings(**overrides[mode]):
                    clients[mode] = Client()
                    clients[mode].get("/catalog/")  # loads its middleware, builds the index
            self.stdout.write(
                f"{'':<16}"
                + "".join(f"{m:>24}" for m in MODES)
                + "\n"
                + f"{'kind':<16}"
                + "".join(f"{'cpu p50':>8}{'mean':>8}{'wall':>8}" for _ in MODES)
            )
            for kind, pool in urls(random.Random(7)).items():  # noqa: S311 - benchmark data
                times: dict[str, list[tuple[float, float]]] = {m: [] for m in MODES}
                for i in range(repeat):
                    url = pool[i % len(pool)]
                    for mode in MODES if i % 2 else reversed(MODES):
                        with override_settings(**overrides[mode]):
                            times[mode].append(self._time(clients[mode], url, i))
                cpu = {m: [c for c, _ in t] for m, t in times.items()}
                wall = {m: statistics.median(w for _, w in t) for m, t in times.items()}
                p50 = {m: statistics.median(c) for m, c in cpu.items()}
                self.stdout.write(
                    f"{kind:<16}"
                    + "".join(
                        f"{p50[m]:>8.2f}{statistics.mean(cpu[m]):>8.2f}{wall[m]:>8.1f}"
                        for m in MODES
                    )
                    + f"   on - absent (cpu p50): {p50['on'] - p50['absent']:+.2f}"
                )
            self.stdout.write("Milliseconds per request through the whole handler (DEBUG off).")
            self._micro(n=micro)

    def _micro(self, rounds: int = 5, n: int = 2000) -> None:
        """The middleware alone, around a view of 5 queries and 2 measured blocks: best of
        `rounds` runs of `n` requests, in CPU microseconds per request."""

        def view(request: HttpRequest) -> HttpResponse:
            with connection.cursor() as cursor:
                for _ in range(5):
                    cursor.execute("SELECT 1")
            with timing.measure("search"), timing.measure("facets"):
                return HttpResponse()

        request = RequestFactory().get("/catalog/")
        handlers: dict[str, Callable[[HttpRequest], HttpResponseBase]] = {
            "absent": view,
            "on": timing.ServerTimingMiddleware(view),
        }
        best = dict.fromkeys(handlers, float("inf"))
        with override_settings(TOOLKIT_SERVER_TIMING=True):
            for _ in range(rounds):
                for mode, handler in handlers.items():
                    started = time.process_time()
                    for _ in range(n):
                        handler(request)
                    best[mode] = min(best[mode], (time.process_time() - started) / n * 1e6)
        self.stdout.write(
            f"The middleware alone, around a view of 5 queries: {best['absent']:.1f} µs without "
            f"it, {best['on']:.1f} µs with it (+{best['on'] - best['absent']:.1f} µs, CPU)."
        )

    @staticmethod
    def _time(client: Client, url: str, i: int) -> tuple[float, float]:
        """(CPU, wall) milliseconds of one request."""
        address = f"10.{i // 60000}.{i // 250 % 240}.{i % 250 + 1}"  # under the API's throttle
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(url, REMOTE_ADDR=address)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
        return cpu * 1000, wall * 1000
