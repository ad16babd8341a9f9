"""Site-wide pages: home, health check, robots.txt, error pages."""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from catalog import facets, usage
from catalog.api import VOCABULARY_ROUTES
from catalog.curation.views import published_collections
from catalog.models import STAGE_NAMES, LearnerLevel, Resource, Stage, Topic
from toolkit import site

NEWEST_ON_HOME = 6  # fills whole rows of the grid at one, two or three columns
COLLECTIONS_ON_HOME = 3


def home(request: HttpRequest) -> HttpResponse:
    """Search box, learner levels by stage with counts, collections, the newest resources,
    topics with counts.

    Counts come from the catalog's in-memory facet index (catalog.facets), so the page
    costs the same whatever the size of the catalog.
    """
    counts = facets.get_index().select(facets.Criteria()).facet_counts()
    levels = list(LearnerLevel.objects.active())
    for level in levels:
        level.count = counts["level"].get(level.slug, 0)  # type: ignore[attr-defined]
    stages = [
        {
            "code": stage.value,
            "label": stage.label,
            "name": STAGE_NAMES[stage],
            "count": counts["stage"].get(stage.value, 0),
            "levels": [level for level in levels if level.stage == stage],
        }
        for stage in Stage
    ]
    topics = [topic for topic in Topic.objects.active() if counts["topic"].get(topic.slug)]
    for topic in topics:
        topic.count = counts["topic"][topic.slug]  # type: ignore[attr-defined]
    newest = (
        Resource.objects.published()
        .select_related("resource_type")
        .prefetch_related("levels")
        .defer("attachment_text")
        .order_by("-published_at", "pk")[:NEWEST_ON_HOME]
    )
    context = {
        "stages": stages,
        "topics": topics,
        "newest": newest,
        "collections": published_collections()[:COLLECTIONS_ON_HOME],
    }
    return render(request, "home.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with {"status": "ok"} when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    usage.mark_robot(request)  # a client that reads robots.txt is not counted as a reader
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /submissions/",
        "Disallow: /reviews/",
        "Disallow: /editor/",
        "Disallow: /admin/",
        # The vocabularies are the term sets the resource pages' JSON-LD links to.
        *(f"Allow: {reverse(f'api:{prefix}-list')}" for prefix, *_ in VOCABULARY_ROUTES),
        "Disallow: /api/",
        "Allow: /",
        f"Sitemap: {site.absolute(reverse('catalog:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def error_page(template: str, status: int, detail: str) -> Callable[..., HttpResponse]:
    """The site's error page; JSON like the API's own errors for an address under /api/."""

    def view(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": detail}, status=status)
        return render(request, template, status=status)

    return view


bad_request = error_page("400.html", 400, "Bad request.")
permission_denied = error_page("403.html", 403, "You do not have permission to do this.")
page_not_found = error_page("404.html", 404, "Not found.")
server_error = error_page("500.html", 500, "Server error.")
