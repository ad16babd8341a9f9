"""Build a large synthetic catalog for benchmarks."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from tqdm import tqdm

from catalog.management.corpus import SLUG_PREFIX, CorpusBuilder, clear_corpus, copy_corpus
from catalog.models import Resource

HOW_TO = """
Build a synthetic catalog of N published resources (slugs "corpus-<n>") with
Zipf-distributed real English and medical-education words and random facets,
through a bulk path that also fills the search engine's index. Then time the
catalog with bench_catalog.

Use a throw-away database, for example:

  export DJANGO_DEBUG=1
  # SQLite
  TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py migrate
  TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py seed_corpus --resources 10000
  TOOLKIT_SQLITE_PATH=/tmp/bench.sqlite3 manage.py bench_catalog
  # PostgreSQL (createdb toolkit_bench first)
  export DATABASE_URL=postgres://postgres@127.0.0.1:5432/toolkit_bench
  manage.py migrate && manage.py seed_corpus --resources 10000 && manage.py bench_catalog

Refuses to run with DEBUG off unless --force. --clear first deletes earlier
synthetic resources (never the others). --size N makes the synthetic catalog
exactly N resources: nothing to do when it is, the missing ones added when it is
smaller, built again when it is larger (what `make bench` uses). On PostgreSQL
the tables are ANALYZEd afterwards (the planner needs statistics after a bulk
load; autovacuum may be off).
"""


class Command(BaseCommand):
    help = HOW_TO

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        from argparse import RawDescriptionHelpFormatter

        kwargs["formatter_class"] = RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resources", type=int, default=10_000, help="How many (10000).")
        parser.add_argument(
            "--size", type=int, default=None, help="Make the synthetic catalog exactly this size."
        )
        parser.add_argument("--batch", type=int, default=500, help="Rows per insert batch (500).")
        parser.add_argument("--seed", type=int, default=2024, help="Random seed (2024).")
        parser.add_argument(
            "--clear", action="store_true", help="Delete earlier synthetic resources first."
        )
        parser.add_argument(
            "--lean",
            action="store_true",
            help="Only what the catalog page lists (title, summary, facets): no long text and "
            "no search index. Several times faster; for the facet index's memory at 1M.",
        )
        parser.add_argument(
            "--copies",
            type=int,
            default=0,
            help="With --lean: then copy each synthetic resource this many more times "
            "(INSERT ... SELECT; --resources 100000 --copies 9 makes a million in minutes).",
        )
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(
        self,
        *args: object,
        resources: int,
        size: int | None,
        batch: int,
        seed: int,
        clear: bool,
        lean: bool,
        copies: int,
        force: bool,
        **options: Any,
    ) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_corpus fills the catalog with synthetic resources and refuses to run with "
                "DEBUG off. Use --force only on a throw-away database."
            )
        if size is not None:
            existing = Resource.objects.filter(slug__startswith=SLUG_PREFIX).count()
            clear = existing > size
            resources = size if clear else size - existing
            if not resources:
                self.stdout.write(f"The synthetic catalog already has {size} resources.")
                return
        if resources < 1 or batch < 1 or copies < 0:
            raise CommandError("--resources and --batch must be at least 1, --copies 0 or more.")
        if copies and not lean:
            raise CommandError("--copies needs --lean: the copies are not search-indexed.")
        if clear:
            self.stdout.write(f"Deleted {clear_corpus()} synthetic resources.")
        # A top-up draws other text than the resources it adds to.
        builder = CorpusBuilder(
            seed=seed + Resource.objects.filter(slug__startswith=SLUG_PREFIX).count(), lean=lean
        )
        with tqdm(total=resources, unit="resource", disable=options["verbosity"] == 0) as bar:
            done = 0
            while done < resources:
                count = min(batch, resources - done)
                builder.create_batch(count)
                done += count
                bar.update(count)
        if copies:
            resources += copy_corpus(copies)
        collections = 0 if lean else builder.create_collections()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if options["verbosity"]:
            done_what = "Created" if lean else "Created and indexed"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{done_what} {resources} resources and {collections} collections."
                )
            )
