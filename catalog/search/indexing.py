"""Keeping the search index and the catalog generation up to date.

`index_resource` and `remove_resource` run inside the publish / retire
transaction (catalog.services); a resource deleted any other way (the admin) is
noticed by a post_delete receiver. Each renews the *catalog generation*, a random
token in `catalog_search_generation` that `catalog.facets` and the search engine
read (one indexed row) to know when what they hold is stale: the engine then
re-indexes the difference (`engine.Engine.sync`), so nothing else is written in
the database on a publish or a retirement.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from django.db import connections
from django.db.models.signals import post_delete
from django.dispatch import receiver

from ..models import Resource
from . import engine
from .query import clean_text
from .reading import read_alias

MAX_ATTACHMENT_CHARS = 200_000  # of a resource's extracted file text, indexed
GENERATION_RENEW_SQL = "UPDATE catalog_search_generation SET token = %s WHERE id = 1"
# The generation stamp's columns (a query of its own, or beside other columns).
GENERATION_TOKEN = "(SELECT token FROM catalog_search_generation WHERE id = 1)"  # noqa: S105 - SQL
GENERATION_COLUMNS = f"""{GENERATION_TOKEN},
       (SELECT MAX(id) FROM catalog_resource)"""  # noqa: S608 - constant SQL
GENERATION_SQL = f"SELECT {GENERATION_COLUMNS}"


def _join(*parts: str) -> str:
    return "\n".join(clean_text(p) for p in parts if p)


def document(resource: Resource) -> dict[str, str]:
    """The four weighted parts of a resource's search document (the engine's weighted fields)."""
    topics = " ".join(t.name for t in resource.topics.all())
    return {
        "title": clean_text(resource.title),
        "summary": _join(resource.summary, resource.learning_objectives, topics, resource.keywords),
        "body": _join(
            resource.description,
            resource.materials,
            resource.facilitator_notes,
            resource.evaluation,
        ),
        "attachments": clean_text(resource.attachment_text[:MAX_ATTACHMENT_CHARS]),
    }


def stamp(updated_at: datetime) -> int:
    """A resource's version in the search engine: its `updated_at` in microseconds."""
    return int(updated_at.timestamp() * 1_000_000)


def entries(
    ids: list[int], using: str = "default", batch_size: int = 500
) -> Iterator[engine.Entry]:
    """The engine's documents of the published resources among `ids`."""
    for start in range(0, len(ids), batch_size):
        resources = (
            Resource.objects.using(using).published().filter(pk__in=ids[start : start + batch_size])
        )
        for resource in resources.prefetch_related("topics"):
            yield engine.Entry(resource.pk, stamp(resource.updated_at), document(resource))


def entries_to_sync(
    indexed: dict[int, int], using: str = "default"
) -> tuple[list[int], Iterator[engine.Entry]]:
    """What the engine must drop and (re)index to hold the published resources as they are."""
    current = {
        pk: stamp(updated_at)
        for pk, updated_at in Resource.objects.using(using)
        .published()
        .values_list("pk", "updated_at")
    }
    removed = [pk for pk in indexed if pk not in current]
    changed = [pk for pk, version in current.items() if indexed.get(pk) != version]
    return removed, entries(changed, using)


def renew_generation(using: str = "default") -> None:
    """Tell every process that the catalog changed (catalog.facets rebuilds its index)."""
    with connections[using].cursor() as cursor:
        cursor.execute(GENERATION_RENEW_SQL, [uuid.uuid4().hex])


def generation(using: str | None = None) -> tuple:
    """The catalog generation stamp: two indexed one-row lookups; changes on every write.

    Read from `using`, by default the database the catalog reads from now (a replica on
    public pages): a stamp must come from the database whose data it stands for.
    """
    with connections[using or read_alias()].cursor() as cursor:
        cursor.execute(GENERATION_SQL)
        return tuple(cursor.fetchone())


def index_resource(resource: Resource) -> None:
    """Add or refresh one resource in the search index (a retired one is removed)."""
    if resource.retired_at is not None:
        remove_resource(resource)
    else:
        index_many([resource.pk])


def remove_resource(resource: Resource) -> None:
    """Take one resource out of the search index (at every engine's next sync)."""
    renew_generation()


@receiver(post_delete, sender=Resource, dispatch_uid="catalog-search-resource-deleted")
def _resource_deleted(
    sender: type[Resource], instance: Resource, using: str = "default", **kwargs: object
) -> None:
    """A resource deleted outside the services (say, in the admin) leaves the index too."""
    renew_generation(using)


def index_many(ids: Iterable, using: str = "default") -> int:
    """Index many published resources at once (seed_corpus, rebuild_index); returns how many."""
    found = list(entries([int(pk) for pk in ids], using))
    engine.engine(using).add(found)
    renew_generation(using)
    return len(found)


def rebuild_index(
    using: str = "default", batch_size: int = 500, progress: Callable[[int], object] | None = None
) -> int:
    """Index every published resource again; returns how many were indexed.

    `progress`, if given, is called with the number of resources done after each batch.
    """
    engine.engine(using).clear()
    ids = list(
        Resource.objects.using(using).published().order_by("pk").values_list("pk", flat=True)
    )
    total = 0
    for start in range(0, len(ids), batch_size):
        done = index_many(ids[start : start + batch_size], using=using)
        total += done
        if progress:
            progress(done)
    renew_generation(using)
    engine.synced(using)
    return total
