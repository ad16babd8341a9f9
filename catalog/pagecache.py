"""The resource page as anonymous visitors see it, cached until the resource or the catalog
changes (issue 13 item 6: a resource page nearly as cheap as a trivial view).

The page of a published resource is the same for every anonymous visitor: its key holds
the resource's `updated_at` (a new version, any save) and the catalog generation (publish,
retire, vocabulary: related resources and labels), so it is never served stale, but for
the usage figures it shows, which may be up to TIMEOUT_SECONDS old (the counting itself
happens on every request, cached or not: catalog.usage, called before the cache). Visitors
who are signed in, or have a session or pending messages, get the page rendered.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from . import search
from .models import Resource, ResourceVersion
from .search.indexing import stamp

TIMEOUT_SECONDS = 3600


def cacheable(request: HttpRequest) -> bool:
    """Whether the request sees the page every anonymous visitor sees."""
    return (
        not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def key(resource: Resource, version: ResourceVersion | None) -> str:
    number = version.number if version else "current"
    token = "-".join(str(part) for part in search.generation())
    return f"resource-page:{resource.pk}:{number}:{stamp(resource.updated_at)}:{token}"


def page(
    request: HttpRequest,
    resource: Resource,
    version: ResourceVersion | None,
    render: Callable[[], HttpResponse],
) -> HttpResponse:
    """The rendered page, from the cache when the visitor is anonymous."""
    if not cacheable(request):
        return render()
    name = key(resource, version)
    content = cache.get(name)
    if content is None:
        response = render()
        if response.status_code == 200:
            cache.set(name, response.content, TIMEOUT_SECONDS)
        return response
    return HttpResponse(content)
