"""Time the catalog page the way people use it: p50 and p95 server time per kind of request."""

import random
import re
import statistics
import time
from typing import Any, NamedTuple, cast

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.response import TemplateResponse
from django.test import RequestFactory, override_settings

from catalog import facets
from catalog.curation.views import collection_detail
from catalog.lists import bench as lists_bench
from catalog.management.corpus import CONTENT_WORDS, RARE_WORDS
from catalog.models import Collection, Resource
from catalog.views import ResourceListView

HOW_TO = """
Time GET /catalog/ through its real view — filters, text search, facet counts,
the page's rows and snippets — and its template, for each kind of request, and
print p50 and p95 in milliseconds (middleware, about 0.3 ms, is left out).

Kinds: rare, common and broad words; phrases; browsing without words (first
and a deep page); one facet; several facets; words with facets. Each kind
draws from a pool of different queries. "cold" empties the text-search cache
before every request (each search really runs); "warm" leaves it on, as a
server does for repeated searches. The facet index is built once before
timing (it is rebuilt only when the catalog changes).

Run it on a catalog built by seed_corpus (see `manage.py seed_corpus --help`):

  DJANGO_DEBUG=1 TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py bench_catalog --repeat 50
  DJANGO_DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/toolkit_bench \\
      manage.py bench_catalog --repeat 50

Requests run with DEBUG off (no SQL logging), as in production.
"""

COUNT = re.compile(r'id="results-count"[^>]*>(\d+) result')
PHRASES = [
    '"food insecurity"',
    '"social determinants"',
    '"implicit bias"',
    '"health literacy"',
    '"structural racism"',
    '"language access"',
    '"trauma-informed care"',
    '"community engagement"',
]


def kinds(rng: random.Random) -> dict[str, list[dict]]:
    """Pools of query parameters for each kind of request."""
    common = CONTENT_WORDS[120:400]
    return {
        "rare word": [{"q": w} for w in rng.sample(RARE_WORDS, 20)],
        "common word": [{"q": w} for w in rng.sample(common, 20)],
        "broad word": [{"q": w} for w in CONTENT_WORDS[:10]],
        "two words": [{"q": " ".join(rng.sample(common, 2))} for _ in range(20)],
        "phrase": [{"q": p} for p in PHRASES],
        "exclusion/or": [{"q": f"{rng.choice(common)} -{rng.choice(common)}"} for _ in range(10)]
        + [{"q": f"{rng.choice(RARE_WORDS)} or {rng.choice(RARE_WORDS)}"} for _ in range(10)],
        "browse": [{}, {"sort": "title"}, {"page": "5"}, {"page": "40"}],
        "one facet": [
            {"level": "gme-residency"},
            {"stage": "ume"},
            {"type": "case"},
            {"topic": "rural-health"},
            {"language": "es"},
            {"interprofessional": "true"},
            {"max_minutes": "60"},
            {"year": "2022"},
        ],
        "many facets": [
            {
                "level": ["ume-clerkship", "gme-residency"],
                "type": ["case", "slide-deck", "video"],
                "topic": ["structural-racism", "implicit-bias"],
                "language": "en",
                "max_minutes": "120",
            },
            {"stage": "cpd", "method": ["im001", "im008"], "license": "CC-BY-4.0"},
            {"level": "ume-preclerkship", "topic": "language-access", "interprofessional": "true"},
        ],
        # Issue 15: a collection (the corpus's are corpus-collection-<n>), the facilitator.
        "new facets": [
            {"collection": "corpus-collection-1"},
            {"facilitator": "any"},
            {"collection": ["corpus-collection-2", "corpus-collection-3"], "stage": "gme"},
            {"facilitator": "any", "max_minutes": "60", "level": "ume-clerkship"},
        ],
        "words + facets": [
            {"q": rng.choice(common), "level": "gme-residency", "type": "case"} for _ in range(10)
        ]
        + [{"q": w, "stage": "ume", "sort": "newest"} for w in CONTENT_WORDS[:5]],
    }


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]


class Timing(NamedTuple):
    total: float
    data: float
    results: int  # the count the page shows


class Command(BaseCommand):
    help = HOW_TO
    factory = RequestFactory()
    view = staticmethod(ResourceListView.as_view())

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        from argparse import RawDescriptionHelpFormatter

        kwargs["formatter_class"] = RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=50, help="Requests per kind (50).")
        parser.add_argument("--seed", type=int, default=7, help="Random seed (7).")

    def handle(self, *args: object, repeat: int, seed: int, **options: Any) -> None:
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        total = Resource.objects.published().count()
        if not total:
            raise CommandError("The catalog is empty: run seed_corpus first.")
        rng = random.Random(seed)  # noqa: S311 - benchmark data, not security
        with override_settings(DEBUG=False):
            started = time.perf_counter()
            self._get({})  # builds the facet index
            self.stdout.write(
                f"{total} published resources; facet index built in "
                f"{(time.perf_counter() - started) * 1000:.0f} ms."
            )
            self.stdout.write(
                f"{'':<16}{'cold':>16}{'warm':>16}{'warm, no template':>20}\n"
                f"{'kind':<16}{'p50':>8}{'p95':>8}{'p50':>8}{'p95':>8}{'p50':>10}{'p95':>10}"
                f"{'results':>10}"
            )
            for kind, pool in kinds(rng).items():
                cold, counts = [], []
                for i in range(repeat):
                    facets.get_index().clear_text_cache()
                    timing = self._get(pool[i % len(pool)])
                    cold.append(timing.total)
                    counts.append(timing.results)
                for params in pool:  # prime the text-search cache
                    self._get(params)
                warm = [self._get(pool[i % len(pool)]) for i in range(repeat)]
                totals, data = [t.total for t in warm], [t.data for t in warm]
                self.stdout.write(
                    f"{kind:<16}{statistics.median(cold):>8.1f}{percentile(cold, 95):>8.1f}"
                    f"{statistics.median(totals):>8.1f}{percentile(totals, 95):>8.1f}"
                    f"{statistics.median(data):>10.1f}{percentile(data, 95):>10.1f}"
                    f"{statistics.median(counts):>10.0f}"
                )
            self._collection_pages(repeat)
            lists_bench.run(self.stdout.write, repeat)
        self.stdout.write(
            "Milliseconds of server time per request: the /catalog/ view and its template "
            "(DEBUG off);\n'no template' is the view alone: search, facets, rows, snippets."
        )

    def _collection_pages(self, repeat: int) -> None:
        """p50 and p95 of /collections/<slug>/ (the corpus's collections, 10–60 members)."""
        slugs = list(Collection.objects.published().values_list("slug", flat=True)[:20])
        if not slugs:
            return
        times = []
        for i in range(repeat):
            request = self.factory.get("/collections/x/", HTTP_HOST="localhost")
            request.user = AnonymousUser()
            started = time.perf_counter()
            response = collection_detail(request, slugs[i % len(slugs)])
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{slugs[i % len(slugs)]} answered {response.status_code}.")
        self.stdout.write(
            f"{'collection page':<16}{'':>16}{statistics.median(times):>8.1f}"
            f"{percentile(times, 95):>8.1f}   ({len(slugs)} collections, with the template)"
        )

    def _get(self, params: dict[str, Any]) -> Timing:
        request = self.factory.get("/catalog/", params, HTTP_HOST="localhost")
        request.user = AnonymousUser()
        started = time.perf_counter()
        response = cast(TemplateResponse, self.view(request))
        data = time.perf_counter()
        response.render()
        done = time.perf_counter()
        if response.status_code != 200:
            raise CommandError(f"{request.get_full_path()} answered {response.status_code}.")
        found = COUNT.search(response.content.decode())
        return Timing(
            total=(done - started) * 1000,
            data=(data - started) * 1000,
            results=int(found.group(1)) if found else 0,
        )
