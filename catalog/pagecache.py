"""The resource page as anonymous visitors see it, cached until the resource or the catalog
changes (issue 13 item 6: a resource page nearly as cheap as a trivial view).

The page of a published resource is the same for every anonymous visitor: its key holds
the resource's `updated_at` (a new version, any save) and the catalog generation (publish,
retire, vocabulary: related resources and labels), so it is never served stale, but for
the usage figures it shows, which may be up to TIMEOUT_SECONDS old (the counting itself
happens on every request, cached or not: catalog.usage, called before the cache). Visitors
who are signed in, or have a session or pending messages, get the page rendered.

A cached page is found without loading the resource (`cached`): its key needs only the
id and `updated_at`, read by one indexed query (`current`) instead of the page's full
row with its type, language and licence, whose compiling alone cost more than the rest
of the cached answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field
from django.db.models.expressions import Col
from django.http import HttpRequest, HttpResponse

from . import search
from .models import Resource, ResourceVersion
from .search.indexing import stamp

TIMEOUT_SECONDS = 3600
STAMP_SQL = "SELECT id, updated_at, retired_at FROM catalog_resource WHERE slug = %s"


def cacheable(request: HttpRequest) -> bool:
    """Whether the request sees the page every anonymous visitor sees."""
    return (
        not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def key(resource: Resource, version: ResourceVersion | None) -> str:
    return _key(resource.pk, version.number if version else "current", resource.updated_at)


def _key(pk: int, number: int | str, updated_at: datetime) -> str:
    token = "-".join(str(part) for part in search.generation())
    return f"resource-page:{pk}:{number}:{stamp(updated_at)}:{token}"


@dataclass(frozen=True)
class Lookup:
    """What `cached` found of the current version's page: the resource's id, the page's
    key, and its content if the cache holds it."""

    pk: int
    key: str
    content: bytes | None


def current(slug: str) -> tuple[int, datetime, datetime | None] | None:
    """The id, `updated_at` and `retired_at` of the resource with the slug (None: no such
    resource): one raw indexed query, read from the database the ORM would read it from,
    the values converted as the ORM converts them (SQLite stores naive UTC datetimes)."""
    connection = connections[router.db_for_read(Resource)]
    with connection.cursor() as cursor:
        cursor.execute(STAMP_SQL, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for value, (expression, converters) in zip(row, _converters(connection), strict=True):
        for convert in converters:
            value = convert(value, expression, connection)  # noqa: PLW2901
        values.append(value)
    pk, updated_at, retired_at = values
    return pk, updated_at, retired_at


@lru_cache(maxsize=16)
def _converters(connection: BaseDatabaseWrapper) -> list[tuple[Col, list[Callable]]]:
    """STAMP_SQL's columns and the converters the ORM applies to them on `connection`."""
    found = []
    for name in ("id", "updated_at", "retired_at"):
        expression = cast(Field, Resource._meta.get_field(name)).get_col(Resource._meta.db_table)
        converters = connection.ops.get_db_converters(expression)
        found.append((expression, [*converters, *expression.get_db_converters(connection)]))
    return found


def cached(slug: str) -> Lookup | None:
    """The cache's entry for the page of the current version of the published resource
    with the slug; None when there is no such resource or it is retired (the view says
    so). For anonymous visitors only (`cacheable`)."""
    found = current(slug)
    if found is None or found[2] is not None:
        return None
    pk, updated_at, _ = found
    name = _key(pk, "current", updated_at)
    return Lookup(pk, name, cache.get(name))


def page(
    request: HttpRequest,
    resource: Resource,
    version: ResourceVersion | None,
    render: Callable[[], HttpResponse],
    name: str | None = None,
) -> HttpResponse:
    """The rendered page, from the cache when the visitor is anonymous (`name`: its key,
    when `cached` has just computed it)."""
    if not cacheable(request):
        return render()
    name = name or key(resource, version)
    content = cache.get(name)
    if content is None:
        response = render()
        if response.status_code == 200:
            cache.set(name, response.content, TIMEOUT_SECONDS)
        return response
    return HttpResponse(content)
