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

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from toolkit import rows

from . import search
from .curation.models import Collection, CollectionState
from .models import Resource, ResourceVersion
from .search.indexing import GENERATION_TOKEN, stamp

TIMEOUT_SECONDS = 3600
# The resource's id and dates, and the catalog generation's token: a cached page's key in
# one query. Only the token: the generation's other part, MAX(id), notices rows inserted
# without a renewal, but resources are only inserted by publishing, which renews the token
# (and reading MAX(id) made this query 60 % dearer on PostgreSQL: 58 -> 95 µs).
STAMP_SQL = f"""
SELECT r.id, r.updated_at, r.retired_at, {GENERATION_TOKEN}
FROM catalog_resource r WHERE r.slug = %s
"""  # noqa: S608 - constant SQL
# A collection's: its id, `updated_at` (its fields and state: every save), and its state. Its
# members' changes (added, removed, moved, their notes) and theirs (a new version, retired)
# renew the generation (catalog.curation.signals, catalog.search).
COLLECTION_STAMP_SQL = f"""
SELECT c.id, c.updated_at, c.state, {GENERATION_TOKEN}
FROM catalog_collection c WHERE c.slug = %s
"""  # noqa: S608 - constant SQL


def cacheable(request: HttpRequest) -> bool:
    """Whether the request sees the page every anonymous visitor sees (and its rendering
    may be kept for them)."""
    return not request.user.is_authenticated and without_session(request)


def without_session(request: HttpRequest) -> bool:
    """Whether the request has neither a session nor pending messages: then nobody is signed
    in (accounts sign in by session only), and it may be served the anonymous visitors'
    cached page, decided without loading `request.user` (the view then says the page
    varies with the Cookie header itself: the session middleware did, when it loaded)."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def key(resource: Resource, version: ResourceVersion | None) -> str:
    number = version.number if version else "current"
    return _key(resource.pk, number, resource.updated_at, search.generation())


def _key(pk: int, number: int | str, updated_at: datetime, generation: tuple) -> str:
    """A page's key: the generation's token (its first part) stands for the catalog."""
    return f"resource-page:{pk}:{number}:{stamp(updated_at)}:{generation[0]}"


@dataclass(frozen=True)
class Lookup:
    """What `cached` found of the current version's page: the resource's id, the page's
    key, and its content if the cache holds it."""

    pk: int
    key: str
    content: bytes | None


@dataclass(frozen=True)
class Stamp:
    """What a cached page's key needs of its object (`state`: a resource's `retired_at`,
    a collection's `state`), and the catalog generation's token (`generation`: a tuple of
    one, as `_key` reads it)."""

    pk: int
    updated_at: datetime
    state: object
    generation: tuple


def current(slug: str, model: type[Model] = Resource) -> Stamp | None:
    """The id, `updated_at` and state of the resource (or collection) with the slug, and
    the catalog generation (None: no such object): one raw indexed query, read from the
    database the ORM would read it from, the columns converted as the ORM converts them
    (SQLite stores naive UTC)."""
    sql, fields = STAMPS[model]
    connection = connections[router.db_for_read(model)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    pk, updated_at, state = rows.convert(connection, model, fields, row[:3])
    return Stamp(pk, updated_at, state, tuple(row[3:]))


def cached(slug: str) -> Lookup | None:
    """The cache's entry for the page of the current version of the published resource
    with the slug; None when there is no such resource or it is retired (the view says
    so). For anonymous visitors only (`cacheable`)."""
    found = current(slug)
    if found is None or found.state is not None:
        return None
    name = _key(found.pk, "current", found.updated_at, found.generation)
    return Lookup(found.pk, name, cache.get(name))


def cached_collection(slug: str) -> Lookup | None:
    """The cache's entry for the page of the published collection with the slug; None when
    there is no such collection or it is not published (the view says so). For anonymous
    visitors only (`without_session`: such a visitor sees published collections only)."""
    found = current(slug, Collection)
    if found is None or found.state != CollectionState.PUBLISHED:
        return None
    name = f"collection-page:{found.pk}:{stamp(found.updated_at)}:{found.generation[0]}"
    return Lookup(found.pk, name, cache.get(name))


STAMPS: dict[type[Model], tuple[str, tuple[str, str, str]]] = {
    Resource: (STAMP_SQL, ("id", "updated_at", "retired_at")),
    Collection: (COLLECTION_STAMP_SQL, ("id", "updated_at", "state")),
}


def cached_response(content: bytes, *vary: str) -> HttpResponse:
    """A page served from the cache to an anonymous visitor: it varies with the `vary`
    headers and with Cookie, as the session middleware says once the session is read (it
    was not)."""
    response = HttpResponse(content)
    patch_vary_headers(response, [*vary, "Cookie"])
    return response


def keep(name: str, response: HttpResponse) -> HttpResponse:
    """Keep a page just rendered for anonymous visitors under its key (if it is a page)."""
    if response.status_code == 200:
        cache.set(name, response.content, TIMEOUT_SECONDS)
    return response


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
        return keep(name, render())
    return HttpResponse(content)
