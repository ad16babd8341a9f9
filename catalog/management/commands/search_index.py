"""Bring the search index up to the catalog before the site serves (issue 13)."""

import time

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from catalog import search
from catalog.models import Resource
from catalog.search import engine


class Command(BaseCommand):
    help = (
        "Bring the search index beside the database up to the published catalog: it is "
        "built when absent (a new server, a restored backup, an upgrade that changed the "
        "index's layout), which would otherwise happen in the first search request. "
        "--rebuild indexes every published resource again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Index everything again.")

    def handle(self, *args: object, **options: object) -> None:
        started = time.monotonic()
        if options["rebuild"]:
            total = Resource.objects.published().count()
            with tqdm(total=total, unit="resource", disable=not total) as bar:
                search.rebuild_index(progress=bar.update)
        found = engine.synced()
        seconds = time.monotonic() - started
        self.stdout.write(
            f"The search index holds {found.searcher.num_docs} published resources "
            f"({engine.location() or 'in memory'}; {seconds:.1f} s)."
        )
